"""The boxes around an element of a page (its ancestry), in one place.

Many stages ask the same question of an element: is it inside a figure, a link, a hidden box,
the readers' comments? Each asks it of the elements around it, from the innermost out; `boxes`
walks them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from selectolax.lexbor import LexborNode

PAGE = frozenset({"body", "html"})  # the walk's usual end: the page itself is no box


def boxes(
    node: LexborNode,
    *,
    self_too: bool = False,
    within: LexborNode | None = None,
    below: Collection[str] = (),
) -> Iterator[LexborNode]:
    """The elements around `node`, innermost first (`node` itself first with `self_too`), up to
    the document's root; with `within`, up to that element (not yielded); with `below`, up to the
    first element with one of those tags (not yielded)."""
    k = node if self_too else node.parent
    while k is not None and k.tag not in below and (within is None or k.mem_id != within.mem_id):
        yield k
        k = k.parent
