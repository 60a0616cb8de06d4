"""From a received article to clean story text: HTML through trafilatura, plain text through
the line classifier, JSON fields as given. Photo captions are kept apart from the body."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

import htmldate
import trafilatura
from newsflow_contracts.events import ArticleReceived
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from newsflow_enrich.errors import ExtractionSkipped
from newsflow_enrich.stages import (
    author_list,
    byline_key,
    caption_filter,
    chrome,
    chunks,
    dates,
    headline,
    ld_author,
    leads,
    local_stamp,
    meta_times,
    printed,
    story_end,
)
from newsflow_enrich.stages import byline as byline_of
from newsflow_enrich.stages import captions as captions_of

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Cleaned:
    body: str
    title: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)
    # Captions the learned caption filter dropped: no caption of the story's, but the photo's
    # credit still credits its agency (metadata.extract reads them for agencies only).
    unlisted: list[str] = field(default_factory=list)
    # Metadata found in the page itself (HTML meta tags).
    meta_author: str | None = None
    author_shown: bool = True  # the meta author's name is printed on the page
    meta_date: str | None = None
    meta_site: str | None = None
    printed_date: str | None = None  # the publication date the page prints, local time
    date_line: str | None = None  # a printed date line of scraped text
    meta_stamps: list[str] = field(default_factory=list)  # publication meta tags' values


def normalize(text: str) -> str:
    """NFC, one kind of space, no control characters, no blank-line runs."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(lines)


# Apostrophe look-alikes before a possessive "s" ("Carrowʼs" with U+02BC, ‘, ´, `), which spaCy's
# tokenizer leaves inside the word, so that "Carrowʼs" became a name of its own.
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])[ʼ‘´`](?=s\b)")


# Spaces spaCy does not split on, left in some bodies: "$3\u00a0trillion" was "$3" and a space
# token, its scale and unit lost, the parse around it broken.
_ODD_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u202f"})


# A dash between digits that spaCy leaves inside one token ("€300–350", "9–12 months"), where a
# hyphen it splits off, so that the range, the score or the span of years is read as one.
_DIGIT_DASH = re.compile(r"(?<=\d)[–‑](?=\d)")


def for_nlp(text: str) -> str:
    """The text spaCy parses: possessive apostrophes spelled ’, non-breaking spaces plain and
    dashes between digits hyphens, one character for one, so that every offset into it still
    indexes the body."""
    return _DIGIT_DASH.sub("-", _POSSESSIVE.sub("’", text).translate(_ODD_SPACES))


def clean(raw: ArticleReceived, max_chars: int, filtered: bool = True) -> Cleaned:
    """`filtered`: the learned caption filter drops captions (caption_filter.py), where its
    weights are installed; False for the rules' captions alone."""
    _check_input(raw.text or raw.html or "", max_chars)
    if raw.html and not raw.text:
        result = from_html(raw.html, filtered)
    else:
        result = from_text(raw.text or "")
    if not result.body.strip():
        raise ExtractionSkipped("no article text found")
    if len(result.body) > max_chars:
        raise ExtractionSkipped(f"article text is {len(result.body)} characters; "
                                f"the limit is {max_chars}")  # fmt: skip
    return result


# Markup can be several times the size of its text; beyond this the page is refused unread.
_RAW_FACTOR = 5
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _check_input(content: str, max_chars: int) -> None:
    """Refuse what cannot be an article before any parsing: too large, or binary."""
    if not content.strip():
        raise ExtractionSkipped("the article is empty")
    if len(content) > max_chars * _RAW_FACTOR:
        raise ExtractionSkipped(f"input is {len(content)} characters; the limit is "
                                f"{max_chars * _RAW_FACTOR} ({max_chars} of text)")  # fmt: skip
    sample = content[:20000]
    if len(_BINARY.findall(sample)) > 0.05 * len(sample):
        raise ExtractionSkipped("input looks binary (control or undecodable characters), not text")


def from_text(text: str) -> Cleaned:
    lines = chrome.classify(normalize(text))
    story = lines.story
    if not story and lines.title and not (lines.chrome or lines.captions or lines.byline):
        story = [lines.title]  # a one-line item (a flash, a headline-only wire) is its own story
    return Cleaned(
        body="\n\n".join(story),
        title=lines.title,
        byline=lines.byline,
        captions=lines.captions,
        chrome=lines.chrome,
        date_line=lines.date,
    )


def from_html(html: str, filtered: bool = True) -> Cleaned:
    tree = HTMLParser(html)
    captions = [c for c in (normalize(c).strip() for c in captions_of.captions(tree)) if c]
    doc, lines = _story_lines(printed.without_hidden(html, tree))
    if not _prose(lines):
        # lxml, which trafilatura parses with, misreads some pages that an HTML5 parser reads
        # right (people.com: precision mode kept "Skip to content", the default mode the whole
        # page as one line): the page as lexbor parsed it, written out again.
        redoc, relines = _story_lines(tree.html or "")
        if _prose(relines):
            doc, lines = redoc, relines
    lines = leads.lead(tree, lines, chrome.is_storyish)
    lines = chunks.among(
        tree, chunks.continued(tree, lines, chrome.is_storyish), chrome.is_storyish
    )
    meta_author = _meta(tree, _AUTHOR_META) or getattr(doc, "author", None)
    byline = byline_of.html_byline(tree, meta_author)
    title = headline.headline(tree, normalize)
    kept, dropped, started, boxed = [], [], False, False
    for k, line in enumerate(lines):
        if started and chrome.END_OF_STORY.match(line):
            if not _story_resumes(lines[k + 1 :]):
                break
            boxed = True  # a "Most read" or "READ MORE:" box inside the story: skip its links
        if boxed:
            if line[:2] in _BULLETS or not chrome.is_storyish(line):
                dropped.append(line)
                continue
            boxed = False
        if chrome.CHROME_LINE.match(line) or _in_caption(line, captions) \
                or line in (byline, title) or not started and chrome.is_date_line(line) \
                or chrome.is_name_list(line):  # fmt: skip
            dropped.append(line)
            continue
        if chrome.is_caption(line) and not chrome.is_storyish(line.rsplit("(", 1)[0]) \
                or _FILE_PHOTO.match(line):  # fmt: skip
            captions.append(line)
            continue
        started = started or chrome.is_storyish(line)
        kept.append(line)
    if byline is None and kept and chrome.BYLINE.match(kept[0]) \
            and chrome.words(kept[0]) <= _BYLINE_WORDS:  # fmt: skip
        byline = kept.pop(0)  # "By Cristina Alonso" printed as the text's first paragraph
    kept, others = story_end.other_articles(tree, kept, title, chrome.is_storyish)
    kept, box = story_end.box_after(tree, kept, chrome.is_storyish, _story_resumes)
    kept, notes = story_end.closing_notes(kept)
    dropped += others + box + notes
    meta_date = _meta(tree, _DATE_META) or headline.attr(tree, "time[datetime]", "datetime") \
        or getattr(doc, "date", None)  # fmt: skip
    meta_date = local_stamp.in_local_time(meta_date, html)
    meta_days = _meta_days(tree)
    shown = byline is not None or _shown(tree, meta_author)
    if not shown:  # no byline box and no meta author printed: the JSON-LD author, if printed
        structured = ld_author.printed_author(tree)
        if structured and _shown(tree, structured):
            meta_author, shown = structured, True
    if byline is None and shown:  # "Matt Friedman; NJ Advance Media" as the page prints it
        byline = author_list.printed_list(tree, meta_author)
    author = _name_key(byline or (meta_author if shown else None))
    printed_date = dates.printed(tree, _day(meta_date), meta_days, author)
    if not meta_date and not printed_date:
        meta_date = _searched_date(html)
        # (an unlabelled printed date is the article's only near a day the page gives: the
        # searched day is one, so a time printed on it is read: "5/24/2016<br>02:05 PM"; a
        # printed date on another day is not taken over it, htmldate's day being a guess)
        searched_day = _day(meta_date)
        near = dates.printed(tree, searched_day, meta_days, author) if meta_date else None
        printed_date = near if near and _day(near) == searched_day else None
    # (the publication tags' times are read only where the date found may be a day: a meta
    # stamp with its time, beside no printed date or one with its time, gives the time already)
    may_be_a_day = not (_timed(meta_date) and (printed_date is None or _timed(printed_date)))
    body, title = "\n\n".join(kept), _first(title, getattr(doc, "title", None))
    keeper = caption_filter.default() if filtered else None
    kept_captions = captions
    if keeper is not None:
        kept_captions = keeper.captions(tree, captions, f"{body}\n{title or ''}", normalize)
    return Cleaned(
        body=body,
        title=title,
        byline=byline,
        captions=kept_captions,
        chrome=dropped,
        unlisted=[c for c in captions if c not in kept_captions],
        meta_author=meta_author,
        author_shown=shown,
        meta_date=meta_date,
        meta_site=getattr(doc, "sitename", None),
        printed_date=printed_date,
        meta_stamps=meta_times.stamps(tree, html) if may_be_a_day else [],
    )


def _name_key(line: str | None) -> str | None:
    """The byline's name as `dates.printed` looks for it beside a date: "By Jane Doe, CNN" ->
    "jane doe"."""
    by = chrome.BY_LABEL.match(line or "")
    return byline_key.name_key(line[by.end() :] if by and line else line)


def _timed(stamp: str | None) -> bool:
    return stamp is not None and ":" in stamp


def _shown(tree: HTMLParser, name: str | None) -> bool:
    """The name printed in the page's text, not only in its meta tags and scripts: "a meta-tag
    author that is never shown is not a byline" (bench/real/ANNOTATING.md)."""
    # Its surname, as a word ("Doe, Jane" and "Jane M. Doe" print "Doe" too)
    words = byline_key.letter_words(re.split(r"[;|]", name or "")[0])
    if words and set(words) <= headline.site_name_words(tree, normalize):
        return False  # the publisher's own name ("BBC News"), which its pages print everywhere
    if len(words) == 1 and words[0].isascii() and not byline_of.agency_like(name or ""):
        return False  # a label read as the author ("Updated", "Filed"), a user name: not an agency
    if len(words) < 2 or tree.body is None:
        return bool(name)
    key = max(words, key=len)
    return any(
        key in byline_key.letter_words(t.text_content or "") for t in printed.text_nodes(tree.body)
    )


def _searched_date(html: str) -> str | None:
    """A page with no date in its usual meta tags and none printed in the shapes of
    `dates.printed`, and no document from trafilatura (a story in a layout table), hence no
    date from its metadata either: htmldate's extensive search (JSON-LD, other markup, the URL,
    free text). On htmldate's Media Cloud pages outside bench/real (English or not): right day
    0.799 -> 0.818."""
    try:
        return htmldate.find_date(html, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        return None


_QUICK_DATE = {"extensive_search": False, "original_date": True}


def _story_lines(html: str) -> tuple[object, list[str]]:
    """The story's lines. trafilatura's precision mode finds where the story starts and ends (it
    leaves out the page's head and foot), but it also drops paragraphs inside the story, which
    its default mode keeps: measured on the Zyte benchmark pages outside bench/real, story lines
    kept 0.885 (precision) and 0.912 (default), with as few chrome lines as precision alone when
    only the default's lines between two of precision's are taken."""
    opts = {"include_comments": False, "include_tables": False, "include_images": False}
    # Its metadata's date is our last resort (after the meta tags and the printed date): its
    # extensive search, half the cost of the call, only runs where no date is found at all.
    doc = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True,
                                      date_extraction_params=_QUICK_DATE, **opts)  # fmt: skip
    precise = _lines(getattr(doc, "text", None) if doc is not None else None)
    full = _lines(getattr(trafilatura.bare_extraction(html, with_metadata=False, **opts),
                          "text", None))  # fmt: skip
    if not precise:  # default mode's text, if it has prose: not a page of navigation and footer
        return doc, full if _story_resumes(full) else []
    if not set(precise) & set(full) and _prose_words(full) > _prose_words(precise):
        # The two modes read different parts of the page (precision mode a comment policy box,
        # the default mode the story): the one with more prose is the story.
        return doc, full
    return doc, _merge(precise, full)


def _in_caption(line: str, captions: list[str]) -> bool:
    """A caption, or a part of one read already that is not prose (the credit element of a
    caption joined to its text)."""
    return line in captions or not chrome.is_storyish(line) and any(line in c for c in captions)


def _prose_words(lines: list[str]) -> int:
    return sum(chrome.words(ln) for ln in lines if chrome.is_storyish(ln))


def _prose(lines: list[str]) -> bool:
    return any(chrome.words(ln) >= _RESUME_WORDS and chrome.is_storyish(ln) for ln in lines)


def _merge(precise: list[str], full: list[str]) -> list[str]:
    """Every line of `precise`, in order, with the lines only `full` has where they fall between
    two of them (a paragraph precision mode dropped inside the story); lines only `full` has
    before the first or after the last line of `precise` are the page's head and foot."""
    out: list[str] = []
    ops = difflib.SequenceMatcher(None, precise, full, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        out.extend(precise[i1:i2])
        if op == "insert" and 0 < k < len(ops) - 1:
            out.extend(full[j1:j2])
    return out


def _lines(text: str | None) -> list[str]:
    return [ln for ln in (ln.strip() for ln in normalize(text or "").split("\n")) if ln]


# Reuters prints its photo captions so; a caption however long ("FILE PHOTO: The president ...")
_FILE_PHOTO = re.compile(r"^(FILE PHOTO|FILE PICTURE|FILE IMAGE)\s*:\s+\S")
_BYLINE_WORDS = 6
_BULLETS = {"* ", "• ", "- ", "· "}
_RESUME_WORDS = 15  # a story paragraph after an inline box, not a linked headline


def _story_resumes(rest: list[str]) -> bool:
    """Two paragraphs of prose after an end-of-story marker: the marker headed a box inside
    the story (trafilatura keeps the box's title), not the page's end."""
    prose = (ln for ln in rest if ln[:2] not in _BULLETS and chrome.words(ln) >= _RESUME_WORDS
             and chrome.is_storyish(ln))  # fmt: skip
    return next(prose, None) is not None and next(prose, None) is not None


def _day(stamp: str | None) -> date | None:
    m = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", stamp or "")
    if m is None and stamp:  # a tag printing the day as words ("December 1, 2016")
        found = dates.parse_line(stamp)
        return found[0].when.date() if len(found) == 1 else None
    try:
        return date(*map(int, m.groups())) if m else None
    except ValueError:
        return None


# trafilatura's metadata keeps only the day of a timestamp and skips agency names as authors
# ("AFP"), so the usual meta tags are read here first.
_DATE_META = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="publish-date"]',
    'meta[name="pubdate"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[property="og:published_time"]',
    'meta[name="parsely-pub-date"]',
)
_AUTHOR_META = (
    'meta[name="author"]',
    'meta[property="article:author"]',
    'meta[name="byl"]',
    'meta[name="dc.creator"]',
)


def _meta_days(tree: HTMLParser) -> set[date]:
    """The day of every publication meta tag the page has (they may disagree)."""
    days = (_day(headline.attr(tree, sel, "content")) for sel in _DATE_META)
    return {d for d in days if d is not None}


def _meta(tree: HTMLParser, selectors: tuple[str, ...]) -> str | None:
    for sel in selectors:
        # (some sites' templates print the tag's value as "value", not "content")
        value = headline.attr(tree, sel, "content") or headline.attr(tree, sel, "value")
        if value and not value.startswith("http"):
            return value
    return None


def _first(*values: str | None) -> str | None:
    return next((v.strip() for v in values if v and v.strip()), None)
