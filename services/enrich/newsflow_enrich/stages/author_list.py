"""A meta author list as the page prints it.

Where no byline box is found, the byline is the meta author when the page prints it; a list of
authors in one tag is joined by the tag's own separators ("Matt Friedman; NJ Advance Media",
"Adam Vidler; AP"), which the page does not print: it prints "By Matt Friedman | NJ Advance Media
for NJ.com", "Adam Vidler and AP". bench/real/ANNOTATING.md takes the byline as printed, so the
smallest element printing every name of the list, in the list's order and in a short line, is
the byline.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import byline_key, date_shapes, dates, printed

_SEPARATORS = re.compile(r"\s*(?:;|,|\band\b|&)\s*")
# A meta author read off the page's labels ("Posted June ; Updated June"): no list of names
_NOT_NAMES = (
    date_shapes.MONTH_WORDS | date_shapes.WEEKDAY_WORDS | {"posted", "updated", "published"}
)
_MAX_WORDS = 20  # a byline's line ("By A, B, C and D, CNN"), not a paragraph naming them


def printed_list(tree: HTMLParser, author: str | None) -> str | None:
    """The line printing every name of a meta author list of two names or more, or None."""
    names = [byline_key.letter_words(n) for n in _SEPARATORS.split(author or "")]
    names = [n for n in names if n]
    if len(names) < 2 or tree.body is None or any(set(n) & _NOT_NAMES for n in names):
        return None
    found: list[tuple[int, str, LexborNode]] = []
    for node in tree.body.traverse():
        if node.tag in printed.UNPRINTED:
            continue
        text = _line(node)
        words = byline_key.letter_words(text)
        if 0 < len(words) <= _MAX_WORDS and _in_order(names, words):
            found.append((len(text), text, node))
    if not found:
        return None
    shortest = [(text, node) for n, text, node in found if n == min(f[0] for f in found)]
    for text, node in shortest:  # "By" printed in an element or text of its own before it
        label = _label_before(node)
        if label:
            return f"{label} {text}"
    return shortest[0][0]


_INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "small", "font"})


def _line(node: LexborNode) -> str:
    """The element's text as read: inline parts as printed ("By <strong>Dana A. Ford </strong>,
    <strong>James S.A. Corey</strong>"), an element of its own holding a date or a time left
    out ("<p><time>June 30, 2026 - 4.34pm</time></p>" after the names)."""
    parts: list[str] = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag not in printed.UNPRINTED and child.tag != "-comment":
            text = printed.text(child)
            if dates.parse_line(text) or dates.TIME.search(text):
                continue
            parts.append(text if child.tag in _INLINE else f" {text} ")
    return printed.squash("".join(parts))


_LABEL = re.compile(r"^(?:by|written by):?$", re.IGNORECASE)
_LEVELS = 3


def _label_before(node: LexborNode) -> str | None:
    """ "By" printed just before the element (or before the box it opens)."""
    k: LexborNode | None = node
    for _ in range(_LEVELS):
        if k is None:
            return None
        sib = k.prev
        while sib is not None and not printed.squash(sib.text_content if sib.tag == "-text"
                                                      else sib.text()):  # fmt: skip
            sib = sib.prev
        if sib is not None:
            text = printed.squash(sib.text_content if sib.tag == "-text" else sib.text())
            return text if _LABEL.match(text) else None
        k = k.parent
    return None


def _in_order(names: list[list[str]], words: list[str]) -> bool:
    """Each name's words printed together, the names in the list's order."""
    at = 0
    for name in names:
        k = next((i for i in range(at, len(words) - len(name) + 1)
                  if words[i : i + len(name)] == name), None)  # fmt: skip
        if k is None:
            return False
        at = k + len(name)
    return True
