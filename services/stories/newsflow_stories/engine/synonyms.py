"""Words that mean the same, from WordNet 3.0 (the table data/wordnet.json, written by
bench/wordnet.py from Debian's wordnet-base; Princeton's notice is in the table).

Outlets tell one count with other words: "fired seven attorneys" / "fired seven lawyers",
"sexually assaulting two girls" / "raping two girls", "Two female voices said" / "say". Two
stems mean the same when WordNet puts them in one synset among the first `SENSES` senses of
each (senses are ordered by how often WordNet's tagged corpus uses them, so a rare sense does
not make "fire" a synonym of "discharge"); irregular forms are read as their base ("said" =
"say", "children" = "child").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "data" / "wordnet.json"
# The senses of each word read: its most frequent two ("assault" is "attack" first and "rape"
# second; "protester" is a dissenter first and a demonstrator second).
SENSES = 2
# The first senses of a noun whose hypernyms are its kinds (bench/wordnet.py writes the table's
# `kinds` from as many), and the senses `kind_of` compares them with.
KINDS = 2


@dataclass(frozen=True)
class _Table:
    verbs: dict[str, str]  # irregular form -> the stem of its base
    nouns: dict[str, str]
    senses: dict[str, dict[int, int]]  # stem -> synset -> rank of the sense
    kinds: dict[str, frozenset[int]]  # stem -> the synsets right above its first senses
    people: frozenset[str]  # stems whose commonest word, or plural, names a person first


@lru_cache(maxsize=1)
def _table() -> _Table:
    raw = json.loads(TABLE.read_text())
    return _Table(
        raw["verbs"], raw["nouns"],
        {s: {synset: rank for synset, rank in v} for s, v in raw["senses"].items()},
        {s: frozenset(v) for s, v in raw["kinds"].items()},
        frozenset(raw["people"]),
    )  # fmt: skip


def verb_form(word: str) -> str | None:
    """The stem of an irregular verb form's base ("said" -> "say", "fled" -> "flee"), else None."""
    return _table().verbs.get(word)


def noun_form(word: str) -> str | None:
    """The stem of an irregular plural's base ("children" -> "child"), else None."""
    return _table().nouns.get(word)


def synonymous(a: str, b: str, senses: int | None = None) -> bool:
    """Do two stems share a synset among the first `senses` senses of both?"""
    if a == b:
        return True
    senses = SENSES if senses is None else senses
    table = _table().senses
    mine, theirs = table.get(a), table.get(b)
    if not mine or not theirs:
        return False
    return any(rank < senses and theirs.get(s, senses) < senses for s, rank in mine.items())


def same_words(a: str, b: str, senses: int | None = None) -> bool:
    """Two normalized phrases of as many words, each word the other's or its synonym."""
    mine, theirs = a.split(), b.split()
    return len(mine) == len(theirs) and all(
        synonymous(x, y, senses) for x, y in zip(mine, theirs, strict=True)
    )


def person(stem: str) -> bool:
    """Does the noun's first sense name a person ("youth", "tough", "co-worker"; "followers",
    the stem's commonest plural, though "following" is its commonest word)?"""
    return stem in _table().people


def kind_of(a: str, b: str) -> bool:
    """Is one noun a kind of the other, one step down WordNet's hypernyms from one of its first
    two senses ("robber" of "thief", "house" of "building")?"""
    t = _table()
    first = {s: {k for k, r in t.senses.get(s, {}).items() if r < KINDS} for s in (a, b)}
    return bool(t.kinds.get(a, frozenset()) & first[b] or t.kinds.get(b, frozenset()) & first[a])


def retold(theirs: tuple[str, str], mine: tuple[str, str], people: bool) -> bool:
    """Is (event, object) `mine` the count `theirs` told in other words? The verbs the same
    (`same_words`), and the nouns: the same ("fired seven attorneys" ... "fired seven lawyers",
    "sparked five days of riots" ... "triggered five days of rioting"), one a kind of the other
    ("four robbers stole" ... "four thieves stole"), or, when `people` may be, both people ("two
    co-workers killed" ... "two women were pronounced dead"), with the same words before them."""
    if not same_words(theirs[0], mine[0]):
        return False
    if same_words(theirs[1], mine[1]):
        return True
    a, b = theirs[1].split(), mine[1].split()
    if not a or not b or a[:-1] != b[:-1]:
        return False
    if kind_of(a[-1], b[-1]):
        return True
    return people and all(w == _PEOPLE or person(w) for w in (a[-1], b[-1]))


_PEOPLE = "peopl"  # identity's object for "people", "persons", "others"
