"""Scraped plain text: tell page chrome from story, line by line.

Scraped pages arrive as lines: breadcrumbs, a headline, a byline, photo captions, the story, then
vote counters, comment forms, captchas and newsletter boxes. trafilatura needs HTML structure to
do this, so plain text gets its own classifier: patterns for chrome that recurs across news sites,
plus the position of each line relative to the story (chrome at the end of a page follows the
first end-of-article marker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsflow_enrich.stages import date_shapes

# A line that is chrome wherever it stands.
_CHROME = [
    r"you are here\b.*",
    r"(\w[\w'&-]*( \w[\w'&-]*){0,3} ?[›>»|/] ?){2,}\w[\w'&-]*( \w[\w'&-]*){0,3}",  # A › B › C
    r"(highlights|key points|key takeaways|in brief|at a glance|summary)\s*:?",
    r"(reporting|writing|editing|additional reporting|compiled|edited) by .*",
    r"our standards:.*",
    r"sign up( here)?\.?",
    r"all quotes delayed.*",
    r"(like|enjoyed) this (story|article)\?.*",
    r"\d[\d,]* (people|readers|users) (like|liked|recommend) this\.?",
    r"(home|news)\s*[›>»|/].*",
    r"skip to (main )?content",
    r"(advertisement|advertising|sponsored( content)?|ad)",
    r"(log ?in|sign ?in|register|sign up|subscribe( now)?|menu|search|close|print|email)",
    r"(share|share this( article| story)?|tweet|whatsapp|facebook|twitter|linkedin|telegram)( on \w+)?:?",
    r"\d[\d,]* (users? )?(have|has) (voted|liked|shared).*",
    r"\d[\d,]* (comments?|shares?|likes?|views?|reads?)",
    r"(average: )?\d(\.\d)? ?(/|out of) ?\d( stars?)?",
    r"(add|post|leave|write|view|show|read)( a| new| your| all)? (comments?|reply|replies)\.?",
    r"comments?( \(\d+\))?",
    r"this question is for testing whether.*",
    r"\d+\s*[-+x*×]\s*\d+\s*=\s*\??",
    r"solve this simple math problem.*",
    r"(enter|type) the (characters|code|result).*",
    r".*(emailed to you|to your inbox|in your inbox|our newsletter|newsletter).*",
    r"(get|receive) (the |our )?(top stories|latest news|daily|breaking news).*",
    r".*\b(we use cookies|this (web)?site uses cookies|cookie (policy|settings)|accept (all )?cookies)\b.*",
    r".*(©|\(c\) ?\d{4}|copyright \d{4}|all rights reserved).*",
    r"(read more|also read|read also|see also|related|more on this)\s*:\s+.*",  # a linked headline
    r"\(end\)|[\w.+-]+@[\w-]+(\.[\w-]+)+",  # a wire's end mark, a reporter's address
    r"[-–—]+\s*[A-Z]{2,}",  # "-- BERNAMA": an agency's sign-off
    r"([A-Z][\w.&' -]{0,20}\s*\|\s*){3,}[A-Z][\w.&' -]{0,20}",  # "NATIONAL | POLITICS | ..."
    # a row of share and account buttons: "Share  Tweet  WhatsApp  Print", "Sign In | Subscribe"
    (
        r"((share|tweet|whatsapp|print|email|facebook|twitter|x|linkedin|telegram|reddit|copy link"
        r"|sign ?in|log ?in|subscribe|register)\s*[|·•/:]?\s*){2,}"
    ),
    r"(advertisement|sponsored|scroll to continue( with content)?)(\s*[|·•]\s*.{0,40})?",
    r"(was this|is this|did you find this) (article|story|page) (helpful|useful).*",
    r"(first )?(published|posted|updated)( on| at)?\s*:?\s*\w{3,9}\.? \d{1,2},? \d{4}.{0,30}",
    r".*auto-generated from a syndicated feed.*",
    r"\((reporting|writing|editing|additional reporting) by .*",
    (
        r"(related|related (articles|stories|news|posts|coverage)|read more|more (from|on|in) .{0,40}"
        r"|also read|recommended( for you)?|most (read|popular|viewed)|trending( now)?|latest( news)?"
        r"|you (may|might) also like|more stories|top stories)\s*:?"
    ),
    r"(tags?|topics?|filed under|categories?)\s*:.*",
    r"(follow us|like us|join us) on .*",
    r"(terms of (use|service)|privacy policy|contact us|about us)( [|·•] .*)?",
    r"last (updated|modified)( at| on)? .*",
    r"(loading|please wait)\.*",
    r"(click|tap) here.*",
    r"(previous|next)( article| story| post)?",
    r"(photo|image|video) gallery",
    r"\d+ (min(ute)?s?|hours?|days?) ago",
    r"(watch|listen)( now| live)?:?",
    # paywall and sign-up prompts: "Subscribe now for unlimited access. Already a subscriber?"
    r"(subscribe now|already a subscriber|enter your email( address)?|sign up( now| here)?)\b.*",
    r"we care about (the protection of )?your (data|privacy).*",
    # met on real pages (bench/real): separators, syndication notes, graphics and gallery links
    r"[_=~*—–-]{3,}",
    r"(this (article|story|piece) )?(was )?(originally|first) (published|appeared|ran) (on|in|at|by) .*",
    r"continue reading( the main story)?",
    r"source:\s*[\w .&'-]{2,40}",
    r"more\s*:",
    r"\(graphic: .*\)",
    r"story continues (below|after) .*",
    r"(follow|reach|more|read|see|watch|listen to|get)\b.{0,80}\bhttps?://\S+.*",
    r"be the first to know.*",
    r"disclaimer\s*:.*",
    # a linked headline with its kind in brackets ("China furious at Macron [INSIGHT]")
    r".*\[(insight|video|reaction|pictures|pics|poll|latest|analysis|revealed)\]\s*\|?",
    r"don['’]?t miss\s*:?",
    r"see more\s*:.*",
]
CHROME_LINE = re.compile(r"^\s*(?:" + "|".join(_CHROME) + r")\s*$", re.IGNORECASE)

# Chrome that means the story is over: everything after it on a scraped page is chrome too.
END_OF_STORY = re.compile(
    r"^\s*(\d[\d,]* users? have voted|(add|post|leave|write) (a |new |your )?comment"
    r"|(reporting|writing|editing|additional reporting) by |read next|(like|enjoyed) this (story|article)"
    r"|our standards:"
    r"|comments?( \(\d+\))?$|related( articles| stories| news| coverage| posts)?\s*:?$|read more\s*:?$"
    r"|\(end\)$"
    r"|more stories|you (may|might) also like|share this|tags?\s*:|this question is for testing"
    r"|get top stories|most (read|popular)|recommended"
    r"|rate this (article|story)|[\d.]+ out of \d+ \(\d+ votes?\)|more from \w+( \w+)?$)",
    re.IGNORECASE,
)

# The words a page prints before a byline's names, in one place for the lines read here and
# the byline boxes of byline.py: "By" (or "By:"), "Posted by", "Written by". A line may also
# start "From" ("From Reuters ..."), and a label printed in an element of its own may be any
# word and "by" ("Analysis by", "Article by") or "Author:".
_BY_WORDS = r"by|posted by|written by"
BYLINE = re.compile(rf"^\s*({_BY_WORDS}|from)\s+\S", re.IGNORECASE)  # a line that is a byline
BY_LABEL = re.compile(rf"^((?:{_BY_WORDS}):?\s+)", re.IGNORECASE)  # at a byline's head
BY_ALONE = re.compile(r"^([^\W\d_]+ )?by:?$|^authors?:?$", re.IGNORECASE)  # an element alone
BY_LAST = re.compile(r"(?:^|\s)(by:?)\s*$", re.IGNORECASE)  # ending the text before the names
CAPTION = re.compile(
    r"(\((\w[\w .,/'-]{0,40} )?(photo|picture|image|file photo|pic)s?( by [^)]*)?\)"
    r"|\b(photo|picture|image|credit)s?\s*(:|by)\s*[\w .,/'-]{1,60})\)?\s*$"
    r"|^\s*(photo|picture|image|file photo)s?\s*:"
    # Wire photo credits: "REUTERS/Dado Ruvic/File Photo", "AFP/Getty Images"
    # (not a web address: "pic.twitter.com/NBX8Y98EPp" ends an embedded tweet)
    r"|(?<![\w.])[A-Z]{2,}(/[A-Z][\w.'-]*( [A-Z][\w.'-]*)*)+\.?\s*$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”’]\s*$")
_WORD = re.compile(r"\w+")


@dataclass
class Lines:
    """A scraped page split into its parts, each as printed."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None  # a date line of its own: "Published: Mar 27, 2023 | 14:05 PKT"
    captions: list[str] = field(default_factory=list)
    story: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)


def words(line: str) -> int:
    return len(_WORD.findall(line))


def is_storyish(line: str) -> bool:
    """A paragraph of prose: long enough, or a full sentence."""
    n = words(line)
    return n >= 12 or (n >= 4 and bool(SENTENCE_END.search(line)))


# One item of a bare list of names: capitalised words (particles allowed), at most four.
_NAME_ITEM = re.compile(
    r"(?:and |& )?[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|da|di|del|van|von"
    r"|der|la|le|bin|al)){0,3}"
)
_LIST_LABEL = re.compile(r"^[^:]{1,40}:\s*|^[^-–—]{1,40}\s[-–—]\s")  # "Colorado: ", "Cities - "


def is_name_list(line: str) -> bool:
    """A line that only lists names, six or more, by commas ("Colorado: Ryan Call, Laura Carno,
    ..."; "Filed Under: Arts, Visual Art, ..."): a panel's roster, a tag list, a menu of cities.
    No sentence names the people it speaks of so; box scores carry numbers and stay."""
    items = [x.strip() for x in re.split(r"[,;]", _LIST_LABEL.sub("", line.strip(), count=1)
                                         .rstrip(".")) if x.strip()]  # fmt: skip
    if len(items) < 6 or any(c.isdigit() for c in line):
        return False
    return sum(bool(_NAME_ITEM.fullmatch(x)) for x in items) >= 0.9 * len(items)


def is_caption(line: str) -> bool:
    return bool(CAPTION.search(line)) and words(line) >= 3


def classify(text: str) -> Lines:
    """Split a scraped page into header (title, byline, date, captions), story and chrome.

    The story starts at the first line of prose that is not a caption, and ends at the first
    end-of-article marker (vote counter, comment form, "Reporting by", "Read next"...). Above it,
    only the title, byline, date and captions are kept; below it, nothing.
    """
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    out = Lines()
    start = _story_start(lines)
    _header(lines[:start], out)
    for k, line in enumerate(lines[start:]):
        if END_OF_STORY.match(line) and k > 0:
            out.chrome += lines[start + k :]
            break
        if CHROME_LINE.match(line):
            out.chrome.append(line)
        elif is_caption(line) and not SENTENCE_END.search(line.rsplit("(", 1)[0]):
            out.captions.append(line)
        elif is_storyish(line) or (words(line) >= 2 and not _looks_like_label(line)):
            out.story.append(line)  # short lines inside the story: subheads, one-line quotes
        else:
            out.chrome.append(line)
    return out


def _story_start(lines: list[str]) -> int:
    """Index of the first story line. A lead paragraph is a full sentence of 8+ words (a
    headline, however long, has no full stop); after a
    "Highlights" box (bullet sentences), it must be a real paragraph (15+ words)."""
    min_words = 8
    for i, line in enumerate(lines):
        if _HIGHLIGHTS.match(line):
            min_words = 15
        elif (
            words(line) >= min_words
            and (SENTENCE_END.search(line) or words(line) >= 25)
            and not CHROME_LINE.match(line)
            and not is_caption(line)
            and not BYLINE.match(line)
            and not is_date_line(line)
            and not _CREDIT.search(line)
        ):  # "... Nov. 14, 2025. (Xinhua/Abdirahman Yusuf)"
            return i
    return len(lines)


_CREDIT = re.compile(r"[.!?]\s*\([A-Z][\w .,/'-]{1,40}\)\s*$")


def _agency_only(line: str) -> bool:
    """'Kyodo News', 'AFP': a header line that is only an agency's name is the byline."""
    from newsflow_enrich.stages.metadata import agencies_in

    return words(line) <= 3 and bool(agencies_in(line)) and not re.search(r"\b[a-z]{3,}\b", line)


_SEPARATOR = re.compile(r"\s+[|•·]\s+")  # "By X | Published: ...", "date · Updated: date"
_HIGHLIGHTS = re.compile(
    r"^\s*(highlights|key points|key takeaways|in brief|at a glance)\s*:?\s*$", re.IGNORECASE
)


def _header(lines: list[str], out: Lines) -> None:
    """Title, byline, date line and captions above the story; the rest is chrome."""
    for line in lines:
        # "By Amina Bello | 14/08/2025" looks like a breadcrumb: a byline is read first.
        head = _SEPARATOR.split(line, 1)[0]  # "By X and Y | Published: ...", "PTI | Updated: ..."
        if out.byline is None and (BYLINE.match(head) and words(head) <= 12 or _agency_only(head)):
            out.byline = line
        elif CHROME_LINE.match(line) and not is_date_line(line):
            out.chrome.append(line)
        elif is_caption(line) or out.title is not None and words(line) >= 8 \
                and _CREDIT.search(line):  # fmt: skip
            out.captions.append(line)  # "... on Tuesday. (Kyodo)": a credited photo caption
        elif is_date_line(line) and out.date is None:
            out.date = line
            out.chrome.append(line)
        elif out.title is None and words(line) >= 3 and not _looks_like_label(line):
            out.title = line
        else:
            out.chrome.append(line)


_DATE_LABEL = re.compile(
    r"^(published|posted|updated|last updated|last update|last modified|modified|date)"
    r"( on| at)?\s*:?\s*",
    re.IGNORECASE,
)
_MONTH = re.compile(
    rf"\b{date_shapes.MONTH_START}[a-z]*\.?\b|{date_shapes.NUMERIC_DAY}", re.IGNORECASE
)


def is_date_line(line: str) -> bool:
    """'Published: Mar 27, 2023 | 14:05 PKT', 'Last updated 14:32, 12 July 2024',
    'Published: 02 July 2028, 09:40 · Updated: 02 July 2028, 11:02': dates and times only."""
    parts = [p for p in _SEPARATOR.split(line) if not _CLOCK_ONLY.match(p)]
    return bool(parts) and all(_is_date_part(p) for p in parts)


_CLOCK_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [A-Z]{2,5})?$", re.IGNORECASE)


def _is_date_part(line: str) -> bool:
    rest = _DATE_LABEL.sub("", line)
    return (words(line) <= 10 and bool(_MONTH.search(rest)) and bool(re.search(r"\d", rest))
            and (rest != line or not re.search(r"[a-z]{4,}", _MONTH.sub("", rest))))  # fmt: skip


def _looks_like_label(line: str) -> bool:
    """Navigation-like fragments: a couple of capitalised words and no verb-ish lowercase run."""
    toks = line.split()
    return len(toks) <= 3 and all(t[:1].isupper() or not t[:1].isalpha() for t in toks)
