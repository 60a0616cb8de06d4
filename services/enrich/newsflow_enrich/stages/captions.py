"""Captions of an HTML page's own photos and videos, as printed, without the page's labels.

A caption is the `<figcaption>` of a figure, or, where the page marks it up otherwise, the texts
of a figure's caption and credit elements joined ("Gannett is merging ... (Jacquelyn Martin /
Associated Press)"). Labels the page prints in an element of their own ("Credit", "Image:",
"Camera Icon", "Image caption") are not part of it (bench/real/ANNOTATING.md). Figures inside
links, asides, navigation and related-story or playlist boxes show other stories: their names
would become entities of this one, so they are not captions.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

# "Credit: ESA" is the caption's own text; "Credit" or "Credit..." alone is the page's label.
_LABEL = re.compile(r"^(credit\s*(\.\.\.|…)?|(image|image caption|caption|camera icon|enlarge this"
                    r" image|toggle caption|hide caption)\s*:?)$", re.IGNORECASE)  # fmt: skip
_ELSEWHERE_TAGS = {"a", "aside", "nav", "footer"}
_ELSEWHERE_CLASS = re.compile(r"related|playlist|recommend|trending|promo|more-|teaser|carousel"
                              r"|newsletter|sidebar|video-list|outbrain|taboola", re.IGNORECASE)  # fmt: skip
_PARTS = '[class*="caption"], [class*="credit"], [class*="Caption"], [class*="Credit"]'


def captions(tree: HTMLParser) -> list[str]:
    out: list[str] = []
    for fig in tree.css("figure, figcaption"):
        if fig.tag == "figcaption" and _has_ancestor(fig, "figure"):
            continue  # read with its figure
        if _elsewhere(fig):
            continue
        line = _caption_of(fig)
        if line and line not in out:  # a gallery repeating one caption counts once
            out.append(line)
    return out


def _caption_of(fig: LexborNode) -> str:
    cap = fig if fig.tag == "figcaption" else fig.css_first("figcaption")
    if cap is not None:
        return _text(cap)
    parts = [n for n in fig.css(_PARTS) if not any(_is_inside(n, m) for m in fig.css(_PARTS)
                                                   if m is not n)]  # fmt: skip
    return " ".join(t for t in (_text(n) for n in parts) if t)


def _text(node: LexborNode) -> str:
    pieces = (" ".join(p.split()) for p in node.text(separator="\n").split("\n"))
    return " ".join(p for p in pieces if p and not _LABEL.match(p))


def _is_inside(node: LexborNode, other: LexborNode) -> bool:
    k = node.parent
    while k is not None:
        if k.mem_id == other.mem_id:
            return True
        k = k.parent
    return False


def _has_ancestor(node: LexborNode, tag: str) -> bool:
    k = node.parent
    while k is not None:
        if k.tag == tag:
            return True
        k = k.parent
    return False


def _elsewhere(node: LexborNode) -> bool:
    k = node.parent
    while k is not None and k.tag not in ("body", "html"):
        if k.tag in _ELSEWHERE_TAGS or _ELSEWHERE_CLASS.search(k.attributes.get("class") or ""):
            return True
        k = k.parent
    return False
