"""The rest of a story that the page prints in several boxes of one kind.

Some layouts cut a story into chunks, one box per chunk, with an ad or a newsletter box between
them (wired.com's `<div class="grid ...">` chunks, each holding an `article__body` box of
paragraphs). trafilatura takes one box as the story and stops where the first chunk ends: its
other chunks' paragraphs are lost. The chunks are boxes with the same tag and class as the box
of the story's paragraphs (or as a box around it), printed after it, holding paragraphs in a box
of the same kind: the page itself says they are more of the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages.printed import squash

_LEVELS = 4  # how far up from the paragraphs' box the repeated chunk box may be
_MIN_LINES = 2  # a box of the story's paragraphs, not a wrapper around each paragraph
_PROSE_WORDS = 15
# A paragraph of the story ends a sentence; a linked headline between them does not.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def continued(tree: HTMLParser, lines: list[str], storyish: Callable[[str], bool]) -> list[str]:
    """`lines` (the story's lines so far) with the paragraphs of the story's later chunks that
    it does not have, in page order, after the first chunk's last line. `storyish(line)` says
    whether a line reads as story prose."""
    found = _later_chunks(tree, lines, storyish) if tree.body is not None else None
    if not found:
        return lines
    at = max(k for k, line in enumerate(lines) if line in found[0]) + 1
    return [*lines[:at], *found[1], *lines[at:]]


def _later_chunks(
    tree: HTMLParser, lines: list[str], storyish: Callable[[str], bool]
) -> tuple[set[str], list[str]] | None:
    """The first chunk's lines and the later chunks' paragraphs."""
    box = _box_of(tree, lines) if len(lines) >= _MIN_LINES else None
    if box is None:
        return None
    mine = set(_paragraphs(box, box))
    known = set(lines)
    k: LexborNode | None = box
    for _ in range(_LEVELS):
        if k is None or k.tag in ("body", "html") or not k.attributes.get("class"):
            return None
        found = [
            t for sib in _same_after(k) for t in _paragraphs(sib, box)
            if t not in known and len(t.split()) >= _PROSE_WORDS and storyish(t)
        ]  # fmt: skip
        if len(found) >= _MIN_LINES:
            return mine, found
        k = k.parent
    return None


def _box_of(tree: HTMLParser, lines: list[str]) -> LexborNode | None:
    """The box holding the story's last paragraphs: the parent of the `<p>` that prints the last
    line, when it prints another of the story's lines too."""
    wanted = set(lines[-3:])
    for p in reversed(tree.css("p")):
        if squash(p.text()) in wanted and p.parent is not None:
            held = {squash(q.text()) for q in p.parent.iter() if q.tag == "p"}
            return p.parent if len(held & set(lines)) >= _MIN_LINES else None
    return None


def _same_after(node: LexborNode) -> list[LexborNode]:
    kind = (node.tag, node.attributes.get("class"))
    out, sib = [], node.next
    while sib is not None:
        if (sib.tag, sib.attributes.get("class")) == kind:
            out.append(sib)
        sib = sib.next
    return out


def _paragraphs(chunk: LexborNode, box: LexborNode) -> list[str]:
    kind = (box.tag, box.attributes.get("class"))
    boxes = [chunk] if (chunk.tag, chunk.attributes.get("class")) == kind else [
        b for b in chunk.traverse() if (b.tag, b.attributes.get("class")) == kind
    ]  # fmt: skip
    return [squash(p.text()) for b in boxes for p in b.iter() if p.tag == "p"]


def among(tree: HTMLParser, lines: list[str], storyish: Callable[[str], bool]) -> list[str]:
    """`lines` with the paragraphs trafilatura dropped from between two of the story's own
    paragraphs in one box (a paragraph wholly linked, one after a blockquote, one classed
    "paywall"): a `<p>` of prose printed between two `<p>` siblings the story has is the
    story's too, the page prints it as one more of them."""
    have = {line: k for k, line in reversed(list(enumerate(lines)))}
    boxes: dict[int, LexborNode] = {}
    for p in tree.css("p"):
        if p.parent is not None and squash(p.text()) in have:
            boxes.setdefault(p.parent.mem_id, p.parent)
    extra: dict[int, list[str]] = {}  # line index -> paragraphs to print after it
    for box in boxes.values():
        kids = [(kid, squash(kid.text())) for kid in box.iter() if kid.tag == "p"]
        known = [i for i, (_, t) in enumerate(kids) if t in have]
        if len(known) < _MIN_LINES:
            continue
        for i in range(known[0] + 1, known[-1]):
            t = kids[i][1]
            if t not in have and len(t.split()) >= _PROSE_WORDS and storyish(t) \
                    and _SENTENCE_END.search(t) and not t.startswith("*"):  # fmt: skip
                before = max(have[kids[j][1]] for j in known if j < i)
                extra.setdefault(before, []).append(t)
    if not extra:
        return lines
    out: list[str] = []
    for k, line in enumerate(lines):
        out.append(line)
        out.extend(t for t in extra.get(k, []) if t not in out)
    return out
