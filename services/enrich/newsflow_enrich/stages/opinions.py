"""Other models' opinions of a candidate entity as typer features (stages/entity_types): the
second NER's votes (models.add_vote), and the names of another pipeline's NER
(models.pipeline_names)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from newsflow_enrich.models import CONLL_CLASS
from newsflow_enrich.models.pipeline_names import ADDED, THEIRS

MAX_MENTIONS = 6  # context words of the first few mentions are enough, and bound the cost


def as_votes(spans: Iterable[Span]) -> list[tuple[int, int, str]]:
    """Entities as (start, end, CoNLL class), by start (a span vote's unsure "LOC?" kept)."""
    return sorted((s.start_char, s.end_char, CONLL_CLASS.get(s.label_.rstrip("?"), "MISC")
                   + ("?" if s.label_.endswith("?") else "")) for s in spans)  # fmt: skip


def of_votes(spans: list[tuple[int, int]], votes: list[tuple[int, int, str]] | None,
             key: str = "n2") -> list[str]:  # fmt: skip
    """What the second model called the first mentions: the same span ("n2x=ORG"), a longer
    span holding it ("n2in=ORG"), or nothing (`key`: the features' prefix)."""
    if votes is None:
        return []
    out = set()
    for s, e in spans[:MAX_MENTIONS]:
        k = bisect.bisect_right(votes, (s, 1 << 62, "~"))
        same = next((c for a, b, c in votes[max(0, k - 1) : k] if a == s and b == e), None)
        if same is not None:
            out.add(f"{key}x={same}")
            continue
        held = next((c for a, b, c in reversed(votes[:k]) if a <= s and e <= b), None)
        out.add(f"{key}in={held}" if held else f"{key}=none")
    return sorted(out)


def other_names(doc: Doc, spans: list[tuple[int, int]], rule: str) -> list[str]:
    """Whether the first mentions lie in names only the other pipeline's NER found
    (models.pipeline_names, "add"): all of them, some, or (no feature) none, with the rules'
    class `rule`; and what that NER called them ("both"), as the vote's features say it
    ("n3x=ORG"). Nothing when no other pipeline's NER ran."""
    theirs = of_votes(spans, as_votes(doc.spans[THEIRS]), "n3") if THEIRS in doc.spans else []
    if ADDED not in doc.spans or not doc.spans[ADDED]:
        return theirs
    added = [(s.start_char, s.end_char) for s in doc.spans[ADDED]]
    inside = [any(a <= s and e <= b for a, b in added) for s, e in spans[:MAX_MENTIONS]]
    if not any(inside):
        return theirs
    how = "all" if all(inside) else "some"
    return [f"added={how}", f"added={how}&rule={rule}", *theirs]
