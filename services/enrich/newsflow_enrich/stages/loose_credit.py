"""A photo's credit printed in its figure in no caption or credit element, beside the figure's
caption: "<span class='imgAgency'>Reuters</span>" or "<div class='HywHC'>AP Photo/...</div>" over
the photo, BBC's "<span role='text'>Getty Images</span>". The caption then the credit
(bench/real/ANNOTATING.md, "captions"); `captions.py` finds the figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import ancestry, caption_text, printed

_WORDS = 6  # more loose words than this in a figure are no credit
# Printed as a credit is: names, capitalised, and the words that join them.
_JOINS = {"via", "for", "the", "and", "of", "by", "courtesy", "de", "van", "von", "da", "di"}


def credit(
    fig: LexborNode, parts: list[LexborNode], self_link: Callable[[LexborNode], bool]
) -> str:
    """A figure's one photo with a <figcaption> and a few more words printed in the figure, in
    no caption or credit element: the photo's credit, whatever its class ("<span
    class='imgAgency'>Reuters</span>", "<div class='HywHC'>AP Photo/...</div>" over the photo),
    put after the caption (bench/real/ANNOTATING.md). Not a link away, a label or a control."""
    photos = [m for m in fig.css("img") if not _hidden_in(m, fig)]
    if fig.tag != "figure" or len(photos) > 1:
        return ""
    boxes: dict[int, LexborNode] = {}
    for node in fig.traverse(include_text=True):
        if node.tag != "-text" or not (node.text_content or "").strip():
            continue
        box = node.parent
        if box is None or any(box.mem_id == p.mem_id or caption_text.inside(box, p) for p in parts):
            continue
        if box.tag in printed.UNPRINTED or _hidden_in(box, fig):
            continue  # (a screen reader's "Image source," a player's <style>)
        if _linked_in(box, fig, self_link):
            return ""  # (a link or a control in the figure: no credit read)
        boxes.setdefault(box.mem_id, box)
    words = [caption_text.text(b) for b in boxes.values()]
    line = " ".join(w for w in words if w and not caption_text.PLAYER_TIME.match(w))
    return line if len(line.split()) <= _WORDS and _named(line) else ""


def _named(line: str) -> bool:
    """Printed as a credit is: names, capitalised, and the words that join them ("AP
    Photo/Lekan Oyekanmi", "Photo by: Red Bull Content Pool"); not a control's words ("View
    photos")."""
    for word in re.findall(r"[^\W\d_][\w'’.-]*", line):
        if word[0].islower() and word.lower() not in _JOINS:
            return False
    return True


def _hidden_in(box: LexborNode, fig: LexborNode) -> bool:
    return any(not caption_text.shown(k) for k in ancestry.boxes(box, self_too=True, within=fig))


def _linked_in(box: LexborNode, fig: LexborNode, self_link: Callable[[LexborNode], bool]) -> bool:
    return any(
        k.tag == "a" and not self_link(k) for k in ancestry.boxes(box, self_too=True, within=fig)
    )
