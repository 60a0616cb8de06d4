"""What a page prints: the tags whose text is never shown, in one place.

Script and style code, `<noscript>` fallbacks, `<template>` content, the `<head>` and `<title>`
(the document's, or an SVG icon's tooltip) are text of the markup, not of the page a reader
sees: no caption, byline or date is read from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

UNPRINTED = frozenset({"script", "style", "noscript", "template", "title", "head"})
_CODE = ", ".join(sorted(UNPRINTED))
# Hidden by its attribute or its class ("hidden", "vjs-hidden", "is-hidden"; "overflow-hidden"
# clips a box, it does not hide it)
_HIDDEN_CLASS = re.compile(r"(^|\s)((is|u|js|vjs)-)?hidden(\s|$)", re.IGNORECASE)


def text(node: LexborNode, separator: str = "") -> str:
    """The node's text as lexbor gives it (`node.text(separator=...)`), without the text of the
    unprinted elements inside it."""
    if node.css_first(_CODE) is None:  # (most boxes: lexbor's own, fast)
        return node.text(separator=separator)
    out: list[str] = []
    _walk(node, out)
    return separator.join(out)


def text_nodes(node: LexborNode) -> Iterator[LexborNode]:
    """The text nodes under `node` whose own element is printed, in the page's order (only the
    element holding the text is looked at, as lexbor walks the tree: each text once)."""
    for child in node.traverse(include_text=True):
        parent = child.parent
        if child.tag == "-text" and parent is not None and parent.tag not in UNPRINTED:
            yield child


def hidden(node: LexborNode) -> bool:
    """A box the page hides: its `hidden` attribute or a class that says so."""
    attrs = node.attributes
    return "hidden" in attrs or bool(_HIDDEN_CLASS.search(attrs.get("class") or ""))


def squash(text: str | None) -> str:
    """`text` with each run of whitespace one space, and no space at either end ('' for None)."""
    return " ".join((text or "").split())


def _walk(node: LexborNode, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            out.append(child.text_content or "")
        elif child.tag not in UNPRINTED and child.tag != "-comment":
            _walk(child, out)
