"""What a page prints: the tags whose text is never shown, in one place.

Script and style code, `<noscript>` fallbacks, `<template>` content, the `<head>` and `<title>`
(the document's, or an SVG icon's tooltip) are text of the markup, not of the page a reader
sees: no caption, byline or date is read from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsflow_enrich.stages import ancestry

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


def without_hidden(html: str, tree: LexborHTMLParser) -> str:
    """The page (`tree` is it parsed) without the boxes it hides, for a reader of the markup that
    reads no CSS (trafilatura): HuffPost's hidden slideshow overlay, 471 celebrity photos'
    captions after a six-paragraph story, came out as 1,310 story lines. Of session 32's 697 real
    dev pages, 219 hide text and none of the gold's story lines is in it. The page as it came
    where nothing is hidden (most pages: no second parse)."""
    if tree.body is None or not any(hidden(n) for n in tree.body.traverse()):
        return html
    copy = LexborHTMLParser(html)
    if copy.body is None:
        return html
    # (a hidden box of schema.org microdata is data for machines, read as the page's metadata:
    # "itemprop=author" holding the agency; investmentexecutive.com)
    boxes = [n for n in copy.body.traverse() if hidden(n) and "itemprop" not in n.attributes
             and "itemscope" not in n.attributes]  # fmt: skip
    for node in [n for n in boxes if not any(hidden(k) for k in ancestry.boxes(n))]:
        node.decompose()
    return copy.html or html


def squash(text: str | None) -> str:
    """`text` with each run of whitespace one space, and no space at either end ('' for None)."""
    return " ".join((text or "").split())


def _walk(node: LexborNode, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            out.append(child.text_content or "")
        elif child.tag not in UNPRINTED and child.tag != "-comment":
            _walk(child, out)
