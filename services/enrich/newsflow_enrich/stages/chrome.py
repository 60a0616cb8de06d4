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

# A line that is chrome wherever it stands.
_CHROME = [
    r"you are here",
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
    r"(related|related (articles|stories|news|posts|coverage)|read more|more (from|on|in) .{0,40}"
    r"|also read|recommended( for you)?|most (read|popular|viewed)|trending( now)?|latest( news)?"
    r"|you (may|might) also like|more stories|top stories)\s*:?",
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
]
CHROME_LINE = re.compile(r"^\s*(?:" + "|".join(_CHROME) + r")\s*$", re.IGNORECASE)

# Chrome that means the story is over: everything after it on a scraped page is chrome too.
END_OF_STORY = re.compile(
    r"^\s*(\d[\d,]* users? have voted|(add|post|leave|write) (a |new |your )?comment"
    r"|comments?( \(\d+\))?$|related( articles| stories| news)?\s*:?$|read more\s*:?$"
    r"|more stories|you (may|might) also like|share this|tags?\s*:|this question is for testing"
    r"|get top stories|most (read|popular)|recommended)",
    re.IGNORECASE,
)

BYLINE = re.compile(r"^\s*(by|posted by|written by|from)\s+\S", re.IGNORECASE)
CAPTION = re.compile(
    r"(\((\w[\w .,/'-]{0,40} )?(photo|picture|image|file photo|pic)s?( by [^)]*)?\)"
    r"|\b(photo|picture|image|credit)s?\s*(:|by)\s*[\w .,/'-]{1,60})\s*$"
    r"|^\s*(photo|picture|image|file photo)s?\s*:",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”’]\s*$")
_WORD = re.compile(r"\w+")


@dataclass
class Lines:
    """A scraped page split into its parts, each as printed."""

    title: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    story: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)


def words(line: str) -> int:
    return len(_WORD.findall(line))


def is_storyish(line: str) -> bool:
    """A paragraph of prose: long enough, or a full sentence."""
    n = words(line)
    return n >= 12 or (n >= 4 and bool(_SENTENCE_END.search(line)))


def is_caption(line: str) -> bool:
    return bool(CAPTION.search(line)) and words(line) >= 3


def classify(text: str) -> Lines:
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    out = Lines()
    story_started = False
    ended = False
    for line in lines:
        if ended:
            out.chrome.append(line)
            continue
        if story_started and END_OF_STORY.match(line):
            ended = True
            out.chrome.append(line)
            continue
        if CHROME_LINE.match(line):
            out.chrome.append(line)
        elif is_caption(line):
            out.captions.append(line)
        elif not story_started and BYLINE.match(line) and words(line) <= 25:
            out.byline = out.byline or line
        elif not story_started and out.title is None and not is_storyish(line) and words(line) >= 2:
            out.title = line
        elif is_storyish(line):
            story_started = True
            out.story.append(line)
        elif story_started and words(line) >= 2 and not _looks_like_label(line):
            # Short lines inside the story: subheads, one-line quotes. Kept.
            out.story.append(line)
        else:
            out.chrome.append(line)
    if out.title is None and out.story and words(out.story[0]) <= 20 and not \
            _SENTENCE_END.search(out.story[0]):  # fmt: skip
        out.title = out.story.pop(0)
    return out


def _looks_like_label(line: str) -> bool:
    """Navigation-like fragments: a couple of capitalised words and no verb-ish lowercase run."""
    toks = line.split()
    return len(toks) <= 3 and all(t[:1].isupper() or not t[:1].isalpha() for t in toks)
