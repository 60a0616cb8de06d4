"""The blocks the caption rules read, each with the rules' verdict, and the captions chosen from
them: what the learned caption filter (caption_filter.py, bench/train_caption_filter) decides
over. Every block `captions.captions` reads (figures, figcaptions, caption- and credit-classed
boxes, the line after a photo, the photos' `alt` lines), kept or not and why not ("elsewhere":
in another story's box; "teaser", "after_teaser": a card of another story; "unshown": hidden;
"player": a player's running time), and the line printed after each photo that the rules do not
take ("beside_no").
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import alt_captions, caption_text
from newsflow_enrich.stages import captions as rules

_BESIDE_WORDS = (3, 60)

Candidate = tuple[LexborNode, str, str, str]  # block, line, source, the rules' verdict


def candidates(tree: HTMLParser) -> list[Candidate]:
    """The blocks the caption rules read, in their order, each with the rules' verdict."""
    out: list[Candidate] = []
    read: set[int] = set()
    for node in tree.css(f"figure, figcaption, {rules._PARTS}, img"):
        if node.mem_id in read:
            continue
        if node.tag == "img":
            src, line, verdict = "img", rules._caption_beside(node), "kept"
            if not line and not rules._in_figure(node):
                line, verdict = _beside(node), "beside_no"
        elif node.tag in ("figure", "figcaption"):
            if node.tag == "figcaption" and rules._in_figure(node):
                continue
            src, line = node.tag, rules._caption_of(node)
            verdict = "elsewhere" if rules._elsewhere(node) else "teaser" if rules._teaser(node) \
                else "after_teaser" if rules._after_teaser(node) else "kept"  # fmt: skip
        else:
            src, verdict = "part", "kept"
            line, parts = rules._loose_caption(node)
            read.update(p.mem_id for p in parts if line)
        if caption_text.unshown(node):
            verdict = "unshown"
        line = caption_text.once(line)
        if caption_text.PLAYER_TIME.match(line):
            verdict = "player"
        if line:
            out.append((node, line, src, verdict))
    for img, line in alt_captions.captions(tree, rules._linked_away, rules._elsewhere):
        line = caption_text.once(line)
        if line:
            out.append((img, line, "alt", "kept"))
    return out


def lines(
    found: list[Candidate], normalize: Callable[[str], str]
) -> list[tuple[str, str, str, str]]:
    """Each candidate as `chosen` reads it: its line as text.py normalizes captions, its source,
    the rules' verdict and its photo's file."""
    return [(normalize(line).strip(), src, verdict, rules._photo_of(node))
            for node, line, src, verdict in found]  # fmt: skip


def _beside(img: LexborNode) -> str:
    line = rules._next_element(rules._photo_box(img))
    if line is None or line.tag in ("script", "style"):
        return ""
    t = caption_text.text(line)
    return t if _BESIDE_WORDS[0] <= len(t.split()) <= _BESIDE_WORDS[1] else ""


def chosen(cands: list[tuple[str, str, str, str]], keep: list[bool]) -> list[str]:
    """The kept candidates' lines (line, source, verdict, photo file), once per photo as
    captions.captions gives them; an `alt` line only where no caption opens like it."""
    out: list[str] = []
    seen: set[tuple[str, str]] = set()
    for (line, src, _, photo), k in zip(cands, keep, strict=True):
        if k and src != "alt" and (line, photo) not in seen and (photo or line not in out):
            seen.add((line, photo))
            out.append(line)
    for (line, src, _, _), k in zip(cands, keep, strict=True):
        opening = line[: alt_captions.KEY_CHARS].lower()
        if k and src == "alt" and not any(opening in c.lower() or c[: len(opening)].lower()
                                          in line.lower() for c in out):  # fmt: skip
            out.append(line)
    return out
