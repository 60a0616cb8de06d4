"""Captions found by the photo's own description: a printed line near a photo that opens with the
photo's `alt` text is the photo's caption, whatever markup the page prints it in.

Content systems fill a photo's `alt` with its caption (whole, or cut short: "... For nearly
si"), so the page itself says which printed text belongs to the photo: a box of another class
("image-metadata"), a rollover box, a line in a layout table. A line that only opens like
the description is taken with what its element prints after it (the credit: "(Jane Doe /
Tribune)"). Not a photo that links to another page (a teaser's `alt` is its headline), a
heading or a link, nor a paragraph among the story's paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import ancestry, caption_text, printed
from newsflow_enrich.stages.printed import squash

_ALT_WORDS = 6  # a description of some length: not "photo", "Jane Doe", a file name
KEY_CHARS = 40  # how much of the description the line must open with
_LEVELS = 4  # how far up from the photo the line's box may sit
_CREDIT_WORDS = 12  # what the line's element may print after the description's text
_TEXT_TAGS = "p, span, div, figcaption, em, small, td, dd"
_NOT_CAPTION = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "li", "nav", "header"}
_HEADS = "h1, h2, h3, h4, h5, h6, time"
_STORY_PARAGRAPHS = 3  # a <p> with this many <p> siblings is a paragraph of the story


def captions(
    tree: HTMLParser,
    linked_away: Callable[[LexborNode], bool],
    elsewhere: Callable[[LexborNode], bool],
) -> list[tuple[LexborNode, str]]:
    """(photo, caption) for each photo whose description is printed near it; `linked_away(img)`
    and `elsewhere(img)` say a photo shows another story (captions.py's tests)."""
    out: list[tuple[LexborNode, str]] = []
    heads = {squash(printed.text(h, " ")).lower()[:KEY_CHARS] for h in tree.css("h1, h2, h3")}
    for img in tree.css("img"):
        alt = squash(img.attributes.get("alt")).rstrip(".…").strip()
        if len(alt.split()) < _ALT_WORDS or linked_away(img) or elsewhere(img):
            continue
        key = alt[:KEY_CHARS].lower()
        if key in heads:
            continue  # described by the headline, printed above it
        line = _printed_near(img, key)
        if line:
            out.append((img, line))
    return out


def _printed_near(img: LexborNode, key: str) -> str:
    box: LexborNode | None = img
    for _ in range(_LEVELS):
        box = box.parent if box is not None else None
        if box is None or box.tag in ("body", "html"):
            return ""
        found = [n for n in box.css(_TEXT_TAGS) if _opens(n, key)]
        if found:
            inner = min(found, key=lambda n: len(printed.text(n)))
            words = len(caption_text.text(inner).split())
            fits = [n for n in found if len(caption_text.text(n).split()) <= words + _CREDIT_WORDS
                    and n.css_first("img, picture, video") is None]  # fmt: skip
            best = max(fits, key=lambda n: len(printed.text(n)), default=None)
            if best is None or _in_story(best) or _not_caption(best):
                return ""
            return caption_text.text(best)
    return ""


def _opens(node: LexborNode, key: str) -> bool:
    return not caption_text.unshown(node) and \
        squash(printed.text(node, " ")).lower().startswith(key)  # fmt: skip


def _not_caption(node: LexborNode) -> bool:
    if any(k.tag in _NOT_CAPTION for k in ancestry.boxes(node, self_too=True, below=ancestry.PAGE)):
        return True
    if node.css_first(_HEADS) is not None:
        return True  # the headline's box (a lead photo described by the headline), a card
    return sum(len(a.text(strip=True)) for a in node.css("a")) * 2 >= len(node.text(strip=True))


def _in_story(node: LexborNode) -> bool:
    parent = node.parent
    return node.tag == "p" and parent is not None and \
        sum(1 for k in parent.iter() if k.tag == "p") > _STORY_PARAGRAPHS  # fmt: skip
