"""Where the story ends: what trafilatura read on past it.

Three shapes met across sites (bench/README.md, "Page text: where the story ends"):
- the next articles of the page: an infinite scroll or a "speed reads" column prints one story
  after another, each in an `<article>` element with a headline of its own, and trafilatura reads
  on from the story into the next ones. The story's own `<article>` is the one holding both the
  page's headline and the story's first paragraph; a line printed in another `<article>` (not
  one inside the story's, not one around it) and nowhere in the story's is another story's.
- a box after the story under a heading of its own ("Trending On Reuters", "More coronavirus
  coverage"): a heading after which the story does not resume, and no sentence outside links
  follows, ends it.
- notes after the story's last paragraph: how to reach or follow the reporter ("Write to Jane
  Doe at jane.doe@wsj.com", "Follow James on Twitter."), the credits of `credits.signs_off`
  ("AP writer Jane Roe contributed to this report", neither story nor chrome), a note on the
  story itself ("This story
  has been updated with ...", "This article was reprinted on Wired.com."). The guide makes them
  chrome (bench/real/ANNOTATING.md: the author's bio, "This article has been adapted from ...");
  only a run of them closing the body is dropped, not such a sentence inside the story.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import ancestry, credits, printed
from newsflow_enrich.stages.printed import squash

_HEADINGS = "h1, h2, h3"


def other_articles(tree: HTMLParser, lines: list[str], title: str | None,
                   storyish: Callable[[str], bool]) -> tuple[list[str], list[str]]:  # fmt: skip
    """`lines` without those printed only in another story's `<article>`, and those dropped."""
    if tree.body is None or not title or not lines:
        return lines, []
    first = next((ln for ln in lines if storyish(ln)), None)
    if first is None:
        return lines, []
    story = _story_article(tree, squash(title), first)
    if story is None:
        return lines, []
    around = {k.mem_id for k in ancestry.boxes(story, self_too=True)}
    inside = {n.mem_id for n in story.traverse()}
    others = [squash(printed.text(a)) for a in tree.css("article")
              if a.mem_id not in around and a.mem_id not in inside]  # fmt: skip
    others = [t for t in others if t]
    if not others:
        return lines, []
    own = squash(printed.text(story))
    kept, dropped = [], []
    for line in lines:
        if line not in own and any(line in t for t in others):
            dropped.append(line)
        else:
            kept.append(line)
    return kept, dropped


def _story_article(tree: HTMLParser, title: str, first: str) -> LexborNode | None:
    """The `<article>` around a heading that prints the page's headline and around the story's
    first line too."""
    for heading in tree.css(_HEADINGS):
        if squash(heading.text()) != title:
            continue
        node = next((k for k in ancestry.boxes(heading) if k.tag == "article"), None)
        if node is not None and first in squash(printed.text(node)):
            return node
    return None


# A way to reach the reporter or the desk: "Write to Jane Doe at jane.doe@wsj.com"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# A note on the story itself: "This story has been updated ...", "This is a developing story",
# "This article was reprinted on ...", "Updated at 1:23 p.m.", "Note: ..."
_NOTE = re.compile(
    r"^[*(\[]?(this (is an? )?(updated |developing |breaking )?(story|article|report|post|piece"
    r"|version)\b|(editor['’]s )?note\s*:|developing\b|updated? (at|on)? ?\d)",
    re.IGNORECASE,
)
_NOTE_WORDS = 40  # a note, not a paragraph of the story that happens to start so


def is_note(line: str) -> bool:
    """A reporter's contact, a "follow us" line or a note on the story (see the module's doc)."""
    return len(line.split()) <= _NOTE_WORDS and bool(
        credits.signs_off(line) or _EMAIL.search(line) or _NOTE.search(line)
    )


def closing_notes(lines: list[str]) -> tuple[list[str], list[str]]:
    """`lines` without the run of notes that closes them, and that run; never every line."""
    end = len(lines)
    while end > 1 and is_note(lines[end - 1]):
        end -= 1
    return lines[:end], lines[end:]


_BOX_HEADINGS = "h2, h3, h4, h5, h6"
_BULLETS = ("- ", "* ", "• ", "· ")
# Words after the heading outside its links: a box of links, a form or a short prompt has few; a
# story section printed in lines cut short (webmd's "<br>"-broken paragraphs, none of which
# reads as a paragraph of prose) has more
_BOX_WORDS = 40
# A full sentence outside links under the heading: the story's own closing section ("The bottom
# line" and its two short paragraphs), not a box
_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def box_after(tree: HTMLParser, lines: list[str], storyish: Callable[[str], bool],
              resumes: Callable[[list[str]], bool]) -> tuple[list[str], list[str]]:  # fmt: skip
    """`lines` up to the first heading after the story's start beyond which the story does not
    resume (`resumes`: two paragraphs of prose), and the lines from that heading on: a box after
    the story ("Trending On Reuters", "More coronavirus coverage", "Get reporter alerts") under a
    heading of its own, where trafilatura read on. A list under the heading that is not a list
    of links is the story's own closing section ("Qualified teams" and its items), and so are
    text of 40 words or more outside links (prose in lines cut short) and a full sentence outside
    links ("The bottom line" and two short paragraphs): kept."""
    if tree.body is None or len(lines) < 3:
        return lines, []
    heads = {t for t in (squash(h.text()) for h in tree.css(_BOX_HEADINGS)) if t}
    if not heads & set(lines[1:]):
        return lines, []
    links = {squash(a.text()) for a in tree.css("a")}
    started = False
    for k, line in enumerate(lines):
        if (
            started
            and line in heads
            and not resumes(lines[k + 1 :])
            and not any(
                rest[:2] in _BULLETS and not _linked(rest, links) for rest in lines[k + 1 :]
            )
            and _unlinked_words(lines[k + 1 :], links) < _BOX_WORDS
            and not any(
                storyish(rest) and _SENTENCE.search(rest) and not _linked(rest, links)
                for rest in lines[k + 1 :]
            )
        ):
            return lines[:k], lines[k:]
        started = started or storyish(line)
    return lines, []


def _unlinked_words(lines: list[str], links: set[str]) -> int:
    return sum(len(ln.split()) for ln in lines if not _linked(ln, links))


def _linked(line: str, links: set[str]) -> bool:
    """The line is a link's text, or a bulleted one ("- " and a link's text)."""
    return line in links or line[2:] in links
