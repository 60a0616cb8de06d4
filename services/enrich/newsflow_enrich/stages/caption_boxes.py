"""Caption boxes a page marks up as no caption: the cells of a layout table beside the photo's
cell, the box around a credit element that prints the caption's text before the credit, and the
line that credits the post's "featured image" wherever it is printed. `captions.py` finds the
photos and the credit elements; this reads the box they sit in (bench/real/ANNOTATING.md,
"captions": the caption's text, then its credit; a credit alone is the photo's caption).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import ancestry, caption_text, printed

_HEADINGS = "h1, h2, h3, h4, h5, h6"
_WORDS = (3, 60)  # a caption's length, as a line beside a photo (captions.py)
_TABLE_CELLS = 3  # a layout table of a photo and its caption, not a table of photos
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"credit", re.IGNORECASE)
_CAPTION_CLASS = re.compile(r"caption|cptn|cutline", re.IGNORECASE)
# "Featured image" is the blog platforms' name for a post's lead photo; a line that opens with it
# credits that photo ("Featured image by Jane Doe/Outlet.", "[Featured Image by ...]", "Featured
# Image Credit: ..."), printed after the story or in a box of its own, far from the photo.
_FEATURED = re.compile(r"^\W?featured (image|photo)s?\b", re.IGNORECASE)
_FEATURED_WORDS = 30
_BLOCKS = {"p", "div", "h4", "h5", "h6", "li", "figcaption", "td", "section"}


def table_caption(box: LexborNode) -> str | None:
    """A photo (`box`: it, or the link around it) alone in a cell of a small layout table whose
    other cells print a short line, not a link or a heading: the photo's caption, the cells in
    page order (<table><tr><td><img></td></tr><tr><td>The zombies ... Credit: Public
    Domain</td></tr></table>); None where the photo is in no such table."""
    cell = box.parent
    if cell is None or cell.tag not in ("td", "th") or printed.text(cell).strip():
        return None
    table = next((k for k in ancestry.boxes(cell) if k.tag == "table"), None)
    if table is None or len(table.css("table")) > 1:  # (css() matches the element itself too)
        return None
    if any(_HIDDEN_STYLE.search(k.attributes.get("style") or "")
           for k in ancestry.boxes(table, self_too=True)):  # fmt: skip
        return None  # (a hidden box of other stories' thumbnails)
    cells = table.css("td, th")
    if len(cells) > _TABLE_CELLS or len(table.css(caption_text.MEDIA)) != 1:
        return None
    others = [c for c in cells if c.mem_id != cell.mem_id]
    text = " ".join(t for t in (caption_text.text(c) for c in others) if t)
    if not _WORDS[0] <= len(text.split()) <= _WORDS[1] or \
            caption_text.linked(*others) * 2 >= len(text) or \
            any(c.css_first(_HEADINGS) is not None for c in others):  # fmt: skip
        return None
    return text


def credit_box(node: LexborNode) -> LexborNode:
    """A credit element printed last in the caption's own box of no caption class ("<div
    class='attribution'>A recent action ... <span class='credit'>Photo: ...</span></div>", "<p
    id='lead-caption'>... <span class='credit'>THE CANADIAN PRESS/...</span></p>"): the box,
    which is the caption. The credit element itself where the box holds a photo, a heading or
    paragraphs, prints more than a caption, or prints less than a caption's words before the
    credit (an ad's "Sponsored" label), or where the credit is a player's running time."""
    box = node.parent
    if not _credit_only(node) or box is None or box.tag in ("body", "html", "figure") or \
            any(k.mem_id != box.mem_id for k in box.css(f"{caption_text.MEDIA}, {_HEADINGS}, p")):  # fmt: skip
        return node  # (css() matches the box itself too)
    text = caption_text.text(box)
    own = caption_text.text(node)
    if not own or not text.endswith(own) or len(text[: -len(own)].split()) < _WORDS[0] or \
            len(text.split()) > _WORDS[1] or caption_text.PLAYER_TIME.match(own):  # fmt: skip
        return node
    return node if caption_text.linked(box) * 2 >= len(text) else box


def _credit_only(node: LexborNode) -> bool:
    cls = node.attributes.get("class") or ""
    return bool(_CREDIT_CLASS.search(cls)) and not _CAPTION_CLASS.search(cls)


def featured_image(tree: HTMLParser) -> list[str]:
    """The lines that credit the post's featured image: a block whose printed text opens with
    the label, short and shown, the label not in a link (the credit may link to the photo's
    source: "... via <a>https://pixabay.com/...</a>")."""
    out: list[str] = []
    body = tree.body
    if body is None:
        return out
    for node in body.traverse(include_text=True):
        if node.tag != "-text" or not _FEATURED.match((node.text_content or "").strip()):
            continue
        block = node.parent
        while block is not None and block.tag not in _BLOCKS:
            block = block.parent
        if block is None or block.tag in printed.UNPRINTED or caption_text.unshown(block):
            continue
        line = caption_text.text(block)
        linked = any(k.tag == "a" for k in ancestry.boxes(node))  # (a link to another post)
        if _FEATURED.match(line) and len(line.split()) <= _FEATURED_WORDS and not linked \
                and line not in out:  # fmt: skip
            out.append(line)
    return out
