"""Whose count a figure is: the person a box score or a record belongs to ("Shy Ely scored 23
points", "Hasim Rahman (45-7-2, 36 KOs)", "J.J. Redick holds that mark with 2,769 points").

A count of points, rebounds or knockouts is said by every outlet with its own verb ("scored",
"put up", "had", "finished with", none at all in a record's brackets), and two players' counts
share noun and verb ("Hansbrough scored 20 points" ... "Ely scored 23 points"). The holder
tells them apart and joins them: a track that follows one person's count takes no other
person's (`other`), and the same value of the same noun held by the same person is one count
whatever the verbs (`same_count`). Only counts outside the casualty classes have a holder (the
person before "killed two co-workers" is the killer, not the count's holder), and never a count
of people.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsflow_contracts.events import ArticleEnriched, Figure

from newsflow_stories.engine import counts, synonyms
from newsflow_stories.engine.text import entity_key

if TYPE_CHECKING:
    from newsflow_stories.engine.kinds import Identity
    from newsflow_stories.engine.tracks import TrackState

# A person this far before the figure, in its sentence, may hold it ("Klitschko, who could face
# Tyson Fury in the near future ..., improves to a career record of 58 wins and three defeats").
REACH = 160
# The person who says the count is not its holder: "Fanning said at least a dozen people ...".
_SPEAKS = re.compile(
    r"^\W{0,3}(?:said|says|say|told|tells|added|adds|explained|stated|noted|wrote|writes|"
    r"announced|confirmed|reported|reports|according)\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording to\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def holder(article: ArticleEnriched, fig: Figure, sentence_start: int | None) -> str | None:
    """The key (`text.entity_key`: the surname) of the person nearest before the figure in its
    sentence, within `REACH` characters, who is not the one saying it; else None."""
    if sentence_start is None:
        return None
    begin, body = fig.span[0], article.body
    best: tuple[int, str] | None = None
    for e in article.entities:
        if e.type != "PERSON":
            continue
        for s, t in e.spans:
            if not (sentence_start <= s and t <= begin and begin - t <= REACH):
                continue
            if _SPEAKS.match(body[t : t + 20]) or _ACCORDING.search(body[max(0, s - 40) : s]):
                continue
            if best is None or t > best[0]:
                best = (t, entity_key(e.name, "PERSON"))
    return best[1] if best else None


def may_hold(event: str, obj: str, unit: str | None) -> bool:
    """Can a count of this (normalized) event and object have a holder? Not an amount or a
    measure ("$1 million of damage, fire chief Kroon said": the person near it says or
    estimates it), not a casualty count, not people."""
    casualty = (event.split() or [""])[0] in counts.CLASSES  # "wound seri" too
    return bool(obj) and unit is None and not casualty and obj != "peopl"


def other(track: TrackState, ident: Identity) -> bool:
    """Does the track follow another person's count than the figure's?"""
    return bool(track.holder and ident.holder and track.holder != ident.holder)


def same_count(track: TrackState, ident: Identity, value: float) -> bool:
    """The same person's count of the same noun (or a synonym, or a kind of it) at a value the
    track holds, whatever the verbs: "Shy Ely scored 23 points" ... "Shy Ely had 23 points"
    ... "Ely put up 23 points"."""
    if not ident.holder or track.holder != ident.holder:
        return False
    if (track.unit, track.place) != (ident.unit, ident.place):
        return False
    if not any(r["value"] == value for r in track.reports):
        return False
    mine, theirs = ident.object.split()[-1:], track.object_n.split()[-1:]
    if not mine or not theirs:
        return False
    a, b = mine[0], theirs[0]
    return synonyms.synonymous(a, b) or synonyms.kind_of(a, b)
