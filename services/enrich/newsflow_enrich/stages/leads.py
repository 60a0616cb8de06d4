"""The story's lead paragraph, where trafilatura dropped it.

Pages print the lead in a box of its own before the box of the other paragraphs: a "teaser" or
"summary" box, a first paragraph with a drop cap printed in an element of its own ("<span>T
</span><p>urkey, Poland and ...</p>"). trafilatura takes the story from the second paragraph on.
The paragraph printed right before the story's first line, in the page's order, is its lead when
it reads as one: prose of some length that ends a sentence, not a heading, a caption or a box of
links.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import datelines, printed
from newsflow_enrich.stages.printed import squash

_LEVELS = 4  # how far up from the first line's element the lead's box may sit
_LEAD_WORDS = 20
_FIRST_LINES = 3
_DROP_CAP = re.compile(r"^[A-Z“\"]$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# Not a lead: headings, captions, page furniture; a box holding one of them is none either.
_NOT_LEAD = {"h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "header", "nav",
             "aside", "footer", "form", "button", "ul", "ol", "table", "blockquote"}  # fmt: skip
_SKIP = printed.UNPRINTED | {"-comment", "br", "hr", "img", "picture", "svg", "iframe"}


def lead(tree: HTMLParser, lines: list[str], storyish: Callable[[str], bool]) -> list[str]:
    """`lines` with the story's lead in front of its first paragraph when trafilatura left it
    out, and a first paragraph's drop cap put back ("T" + "urkey, Poland ...")."""
    if tree.body is None:
        return lines
    # The story's first paragraph: one of the first lines (a headline or a dek may come first)
    at, first = next(((k, el) for k, line in enumerate(lines[:_FIRST_LINES])
                      if (el := _element_of(tree, line)) is not None), (0, None))  # fmt: skip
    if first is not None and datelines.opens_with_one(lines[at]):
        return lines  # "NEW YORK -- Verizon is ...": the lead itself; what is before is a dek
    node = first
    for _ in range(_LEVELS):
        if node is None or node.tag in ("body", "html", "article", "main"):
            return lines
        before = _printed_before(node)
        if before is not None:
            text = squash(printed.text(before))
            if node is first and _DROP_CAP.match(text) and lines[at][:1].islower():
                return [*lines[:at], text + lines[at], *lines[at + 1 :]]
            if datelines.alone(text) and text not in lines:
                return [*lines[:at], text, *lines[at:]]  # "AUBURN, Wash. —" in a span of its own
            paragraphs = _paragraphs(before) or [text]
            if _reads_as_lead(before, paragraphs, lines, storyish) \
                    and not _dek(tree, paragraphs):  # fmt: skip
                return [*lines[:at], *paragraphs, *lines[at:]]
            return lines
        node = node.parent
    return lines


def _element_of(tree: HTMLParser, line: str) -> LexborNode | None:
    for p in tree.css("p"):
        if squash(p.text()) == line:
            return p
    return None


def _printed_before(node: LexborNode) -> LexborNode | None:
    """The nearest element before `node`, among its siblings, that prints any text."""
    sib = node.prev
    while sib is not None:
        if sib.tag == "-text":
            if (sib.text_content or "").strip():
                return None  # loose text between the two: not a box of its own
        elif sib.tag not in _SKIP and squash(printed.text(sib)):
            return sib
        sib = sib.prev
    return None


_DESCRIPTION = (
    'meta[name="description"], meta[property="og:description"], meta[name="twitter:description"]'
)


def _dek(tree: HTMLParser, paragraphs: list[str]) -> bool:
    """The page's summary (its meta description) printed under the headline: the dek, which
    is no story line (bench/real/ANNOTATING.md)."""
    for meta in tree.css(_DESCRIPTION):
        described = squash(meta.attributes.get("content")).rstrip(".…")
        if described and any(described in t and len(described) > 0.8 * len(t)
                             for t in paragraphs):  # fmt: skip
            return True
    return False


def _paragraphs(box: LexborNode) -> list[str]:
    """The box's paragraphs, without what it prints beside them (a "Subscribe today" link)."""
    return [t for t in (squash(printed.text(p)) for p in box.css("p")) if t]


def _reads_as_lead(box: LexborNode, paragraphs: list[str], lines: list[str],
                   storyish: Callable[[str], bool]) -> bool:  # fmt: skip
    if box.tag in _NOT_LEAD or any(n.tag in _NOT_LEAD for n in box.traverse()):
        return False
    links = sum(len(squash(a.text()).split()) for a in box.css("a"))
    words = sum(len(t.split()) for t in paragraphs)
    # (not a box printing the first paragraph again, after a photo's credit)
    return words >= _LEAD_WORDS and links * 2 < words and all(
        t not in lines and storyish(t) and _SENTENCE_END.search(t) is not None
        and not any(line in t for line in lines[:_FIRST_LINES] if len(line.split()) >= _LEAD_WORDS)
        for t in paragraphs
    )  # fmt: skip
