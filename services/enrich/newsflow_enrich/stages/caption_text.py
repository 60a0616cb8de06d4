"""How a caption's text is read from its elements: what is printed, without the page's labels,
hidden copies and controls, the caption's own text before its credit, a copy per screen size
read once (bench/real/ANNOTATING.md, "captions"). `captions.py` finds the elements.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import ancestry, printed

# "Credit: ESA" is the caption's own text; "Credit" or "Credit..." alone is the page's label.
_LABEL = re.compile(r"^(credit\s*(\.\.\.|…)?|(image|image caption|image copyright|image source|caption|camera icon|enlarge this"
                    r" image|toggle caption|hide caption|(image|photo|picture)s? credits?)\s*[:,]?"
                    r"|(image |photo |slide )?\d+ ?(of|/) ?\d+\.?|\d+|of|(\.\.\. ?|… ?)?(more|less)"
                    r"|show caption|expand|advertisement|tagged|photos?:?|video|media caption|view (photo|gallery|slideshow|full size image))$", re.IGNORECASE)  # fmt: skip
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer", re.IGNORECASE)
# A caption's second copy (shortened, for screen readers only, or hidden by its style until a
# reader asks for it): not printed twice.
_HIDDEN_CLASS = re.compile(r"truncat|more-caption|sr-only|visually-hidden|screen-reader|off-?screen",
                           re.IGNORECASE)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Not printed at all: hidden (`printed.hidden`); a player's or a form's controls ("captions
# settings", a colour <select>) are not text of the page.
_BUTTON_CLASS = re.compile(r"(^|\s|[-_])(button|btn)(\s|$)", re.IGNORECASE)
_CONTROLS = {"button", "select", "option", "input", "textarea"}
# The elements a photo, a video or an embed is printed with (captions.py, caption_boxes.py,
# bare_figures.py look for them around a caption).
MEDIA_TAGS = ("img", "picture", "video", "iframe", "amp-img")
MEDIA = ", ".join(MEDIA_TAGS)
_CONTROL_ROLES = {"button", "menu", "menuitem", "menuitemcheckbox", "dialog", "toolbar"}
PLAYER_TIME = re.compile(r"^(duration:?\s*)?(\d{1,2}:)?\d{1,2}:\d\d(\s*[-–—|]\s*source:?\s*[^.]{1,40})?$",
                          re.IGNORECASE)  # fmt: skip
_UNPRINTED = printed.UNPRINTED | {"-comment"}
_EDGE = "\x00"  # where an element starts or ends
# (and right after an opening bracket or beside a slash: "(<a>Public domain</a>)",
# "<a>Robbing Peter</a>/Flickr")
_GLUE = re.compile(_EDGE + r"[\s\x00]*(?=[,.;:!?)\]’])|(?<=[(\[/])\x00+|\x00+(?=/)")


def once(line: str) -> str:
    """A caption printed twice in its box, one copy per screen size ("...--mobile" and
    "...--desktop" spans, one shown at a time): read once."""
    words = line.split()
    half = len(words) // 2
    return " ".join(words[:half]) if half >= 2 and words[:half] == words[half:] else line


def joined(parts: list[LexborNode]) -> str:
    """The caption and credit elements' texts as one line, the credit last."""
    return " ".join(t for t in (text(n) for n in credit_last(parts)) if t)


def credit_last(parts: list[LexborNode]) -> list[LexborNode]:
    """The caption's text, then its credit, wherever the page prints the credit
    (bench/real/ANNOTATING.md: "<span class='credit'>Reuters</span><p>Police ...</p>" is
    "Police ... Reuters")."""
    if all(_is_credit(n) for n in parts):
        return parts
    return sorted(parts, key=_is_credit)


def _is_credit(node: LexborNode) -> bool:
    return node.tag == "cite" or bool(_CREDIT_CLASS.search(node.attributes.get("class") or ""))


def linked(*boxes: LexborNode) -> int:
    """How many characters the boxes print inside their links (a caption mostly linked is a
    teaser of another page)."""
    return sum(len(a.text(strip=True)) for box in boxes for a in box.css("a"))


def text(node: LexborNode) -> str:
    """The element's printed text; where it is a credit element then the caption's (no words
    between them), the caption's first."""
    kids = [k for k in node.iter(include_text=True)
            if ((k.text_content or "").strip() if k.tag == "-text" else shown(k))]  # fmt: skip
    if len(kids) > 1 and all(k.tag != "-text" for k in kids) and _is_credit(kids[0]):
        return joined(kids)
    return _printed(node)


def _printed(node: LexborNode) -> str:
    """The element's printed text, labels and hidden copies left out. Elements are apart (a
    caption and its credit span: "weather. Kirsten Luce"), except before punctuation
    ("Odyssey</i>, hibernation"); text inside an element stays as printed ("(Image: GETTY )")."""
    pieces: list[str] = []
    _pieces(node, pieces)
    out = _GLUE.sub("", "".join(pieces)).replace(_EDGE, " ")
    return " ".join(out.split())


def _pieces(node: LexborNode, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            piece = child.text_content or ""
            if not _LABEL.match(" ".join(piece.split())) or _label_in_line(node, piece):
                out.append(piece)
        elif shown(child):
            out.append(_EDGE)
            _pieces(child, out)
            out.append(_EDGE)


def shown(child: LexborNode) -> bool:
    """Printed: not hidden by its tag, class, attribute or style, nor a control (the element
    itself, not the boxes around it)."""
    attrs = child.attributes
    return child.tag not in _UNPRINTED and child.tag not in _CONTROLS and \
        not _HIDDEN_CLASS.search(attrs.get("class") or "") and not unshown_self(child) and \
        not _HIDDEN_STYLE.search(attrs.get("style") or "")  # fmt: skip


def _label_in_line(node: LexborNode, piece: str) -> bool:
    """A label printed in one element with the linked credit it heads ("Image: <a>Jiri
    Hosek</a>") is the credit's own text; one in an element of its own is the page's."""
    return piece.strip().endswith(":") and node.css_first("a") is not None and \
        len(" ".join(node.text().split())) > len(" ".join(piece.split()))  # fmt: skip


def unshown_self(node: LexborNode) -> bool:
    attrs = node.attributes
    return printed.hidden(node) or attrs.get("role") in _CONTROL_ROLES or \
        bool(_BUTTON_CLASS.search(attrs.get("class") or ""))  # fmt: skip


def unshown(node: LexborNode) -> bool:
    """Hidden, or a control: the node or a box around it; or inside a `<noscript>` fallback or
    a `<template>`, which a reader's browser does not print ("Please turn on JavaScript. Media
    requires JavaScript to play." under a video's still). (A caption box hidden by its style is
    shown when a reader points at the photo: its own style does not hide it.)"""
    return any(
        k.tag in _CONTROLS or k.tag in printed.UNPRINTED or unshown_self(k)
        for k in ancestry.boxes(node, self_too=True, below=ancestry.PAGE)
    )


def inside(node: LexborNode, other: LexborNode) -> bool:
    """Is `node` below `other` in the tree (not `other` itself)?"""
    return any(k.mem_id == other.mem_id for k in ancestry.boxes(node))
