"""A name misspelt in one word, for the resolve stage (after the typer): two names of the
article with the same words but one, that word one slip from the other's ("Rio de Janiero",
"Michael Gravely", "Mesitza": variants.one_slip, a letter left out, added or swapped with the
next), or, in a name of two words or more, one letter inside the word changed ("Friar Lawrence"
/ "Friar Laurence", "Organisation" / "Organization"), are one name, under the one printed more
often. Not one letter changed in a name of one word ("Allen" and "Allan" are two people as often
as one), not the first or last letter ("Mario" / "Maria"), not a word with digits ("117th" /
"118th Avenue")."""

from __future__ import annotations

from newsflow_enrich.stages.registry import Registry
from newsflow_enrich.stages.variants import one_slip

_TYPES = ("PERSON", "ORG", "LOC", "MISC")


def merge(reg: Registry) -> None:
    by_size: dict[int, list[str]] = {}
    for name in reg.cands:
        if reg.type_of(name) in _TYPES and not reg.cands[name].curated_type:
            by_size.setdefault(len(name.split()), []).append(name)
    for named in by_size.values():
        for i, a in enumerate(named):
            for b in named[i + 1 :]:
                if a in reg.cands and b in reg.cands and _misspelt(a.split(), b.split()):
                    into = reg.most_printed((a, b))
                    reg.merge(into=into, form=b if into == a else a)


def _misspelt(a: list[str], b: list[str]) -> bool:
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diff) != 1:
        return False
    [(x, y)] = diff
    if not (x.isalpha() and y.isalpha() and x[:1].isupper() and y[:1].isupper()):
        return False
    return one_slip(x, y) or len(a) >= 2 and _one_letter(x, y)


def _one_letter(x: str, y: str) -> bool:
    """One letter inside the word changed; both at least five letters."""
    if len(x) != len(y) or len(x) < 5 or x[0] != y[0] or x[-1] != y[-1]:
        return False
    return sum(p != q for p, q in zip(x, y, strict=True)) == 1
