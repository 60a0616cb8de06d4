"""One organisation or place spelt two ways, for the resolve stage (after the typer): two names
of the article, both organisations or both places, whose words are the same up to "&" for
"and", an apostrophe's "s", a plural "s", letter case and hyphens ("Fauna & Flora International"
/ "Fauna and Flora International", "Hart's Island" / "Hart Island", "Long County School System" /
"Long County Schools System"), or the same words with "of (the)" and the order changed
("Environmental Protection Department" / "Department of Environmental Protection", "President's
Office" / "Office of the President") are one name, under the one printed more often. Names of
two words or more (the entities stage cuts a one-word name's possessive already)."""

from __future__ import annotations

import re

from newsflow_enrich.stages.registry import Registry

_TYPES = ("ORG", "LOC")
_GLUE = {"and", "of", "the"}
_POSSESSIVE = re.compile(r"['’]s\b|['’]")


def merge(reg: Registry) -> None:
    by_key: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for name in reg.cands:
        type_ = reg.type_of(name)
        if type_ in _TYPES and not reg.cands[name].curated_type:
            words = _words(name)
            if len(words) >= 2:
                by_key.setdefault((type_, tuple(sorted(words))), []).append(name)
    for named in by_key.values():
        if len(named) < 2:
            continue
        into = reg.most_printed(named)
        for other in named:
            if other != into and other in reg.cands and _same(into, other):
                reg.merge(into=into, form=other)


def _words(name: str) -> list[str]:
    """The name's words, lower-case, without "and", "of", "the", an apostrophe's "s" and a
    plural "s"."""
    words = re.findall(r"[a-z0-9]+", _POSSESSIVE.sub("", name).lower())
    return [_singular(w) for w in words if w not in _GLUE]


def _singular(word: str) -> str:
    return word[:-1] if len(word) >= 4 and word.endswith("s") and not word.endswith("ss") else word


def _same(a: str, b: str) -> bool:
    """The words in the same order, or one name is an office's "<Head> of ..." and the other
    ends with the head ("Department of Environmental Protection" / "Environmental Protection
    Department"); not "University of Washington" and "Washington University", two universities."""
    if _words(a) == _words(b):
        return True
    of, other = (a, b) if re.search(r" of\b", a) else (b, a)
    head = of.split()[0].lower()
    return head in _OFFICES and _words(other)[-1:] == [head]


# Heads of a government office's name, which may open it ("Office of the President") or end it
# ("President's Office").
_OFFICES = {"department", "office", "ministry", "bureau", "agency", "commission", "committee",
            "council", "board", "authority", "directorate", "secretariat", "cabinet"}  # fmt: skip
