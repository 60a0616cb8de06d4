"""Whether a report counts what a track counts, told in other words (`tracks.choose`): a plain
description dropped near the track's value ("38 container ships" ... "74 ships"), other words
before the same noun, a verb and a noun that mean the same, the same fate of the same people
told otherwise, the same value told again under verbs no class knows; and whether two tracks'
verbs name two different counts ("killed", "wounded").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsflow_stories.engine import counts, readings, retold, synonyms
from newsflow_stories.engine.kinds import a_phrase, party
from newsflow_stories.engine.values import MIN_COUNT

if TYPE_CHECKING:
    from newsflow_stories.engine.identity import Identity
    from newsflow_stories.engine.tracks import TrackState


def reworded(track: TrackState, ident: Identity, value: float) -> bool:
    """The same value of the same noun under the same verb, told with other words before the
    noun: "three submarine cables were damaged" ... "three undersea cables were damaged", "shot
    two plainclothes officers" ... "two plainclothes NYPD officers". Not two names ("Syrian
    soldiers", "Iraqi soldiers"), not one (which names nothing against another)."""
    mine, theirs = ident.object.split(), track.object_n.split()
    return (
        value >= _REWORDED_COUNT
        and bool(ident.event)
        and track.event_n == ident.event
        and (track.unit, track.place) == (ident.unit, ident.place)
        and bool(mine) and bool(theirs) and mine[-1] == theirs[-1] and mine != theirs
        and not (ident.named and track.named)
        and holds(track, value)
    )  # fmt: skip


_REWORDED_COUNT = 2


def synonymous(track: TrackState, ident: Identity, value: float) -> bool:
    """A value the track holds, told under a verb and a noun that mean the same or a noun a
    kind of the other, or of people named otherwise at the track's latest value, never one of
    two parties (`synonyms.retold`: "fired seven attorneys" ... "fired seven lawyers")."""
    if not ident.event or (track.unit, track.place) != (ident.unit, ident.place):
        return False
    if ident.named and track.named or not holds(track, value):
        return False
    people = (track.reports[-1]["value"] == value and value >= _REWORDED_COUNT
              and not (_party(ident.object) or _party(track.object_n)))  # fmt: skip
    return synonyms.retold((track.event_n, track.object_n), (ident.event, ident.object), people)


def described(track: TrackState, ident: Identity) -> bool:
    """One object is the other's last word, and the longer one's other words are a plain
    description: outlets drop "container" from "container ships", never "SDF" from "SDF
    fighters" (names are never dropped; different groups are never merged). Not for a count
    with no verb, which only the same value joins."""
    if (track.event_n, track.unit, track.place) != (ident.event, ident.unit, ident.place):
        return False
    return bool(ident.event) and same_or_described(track, ident)


def same_or_described(track: TrackState, ident: Identity) -> bool:
    mine, theirs = ident.object.split(), track.object_n.split()
    if not mine or not theirs or mine[-1] != theirs[-1]:
        return False
    if mine == theirs:
        return True
    if len(mine) == len(theirs):
        return False
    return (track.plain if len(theirs) > len(mine) else ident.plain) and min(
        len(mine), len(theirs)) == 1  # fmt: skip


# Verbs that name a count of their own: a fate's, or charges laid and a verdict's counts.
_CLASSED = counts.CLASSES | {readings.CHARGE, readings.VERDICT}


def two_classes(a: str, b: str) -> bool:
    """Do two tracks' verbs name two different counts ("charged with two counts of murder",
    "convicted of two counts of murder"; "killed", "wounded")?"""
    return a != b and bool({a, b} & _CLASSED)


def redescribed(track: TrackState, ident: Identity, value: float) -> bool:
    """The count a track stands at, of the same fate, told of the same people in other words:
    "14 children trapped" ... "14 others trapped", "three bank workers died" ... "Three people
    died", "wounding two former bosses" ... "wounded two men". Only casualty classes (a fate
    counts people), only the track's latest value, and never a named party or one of the
    parties a report sets against each other."""
    if ident.event not in counts.PEOPLE_CLASSES or track.event_n != ident.event:
        return False
    if (track.unit, track.place) != (ident.unit, ident.place) or not track.reports:
        return False
    if track.reports[-1]["value"] != value or ident.named or track.named:
        return False
    generic = "peopl" in (ident.object, track.object_n)
    return generic or not (_party(ident.object) or _party(track.object_n))


def _party(obj: str) -> bool:
    return any(party(w) for w in obj.split())


def holds(track: TrackState, value: float) -> bool:
    return any(r["value"] == value for r in track.reports)


def told_again(track: TrackState, ident: Identity, value: float) -> bool:
    """The same value of the same thing (or a plain description of it dropped), both told with
    verbs outside every class: "1,200 dock workers walked off the job" ... "1,200 workers are
    taking part", "hackers stole the data of 2.1 million customers" ... "2.1 million customers
    were affected". Verbs of two classes never meet ("killed" vs "wounded")."""
    # Told twice, a count this large is one count, not a coincidence; of the very same noun
    # ("more than 50 firefighters tackled" ... "fought" ... "were trying to control") a smaller
    # one is too, unless the noun is "people", which says nothing of what was counted ("12
    # people were evacuated" ... "12 people were treated").
    same_noun = ident.object == track.object_n and ident.object != "peopl"
    least = retold.SAME_NOUN_COUNT if same_noun else MIN_COUNT
    if same_noun and a_phrase(ident.object):
        least = 0  # "look despite two earlier legal opinions" ... "came despite two ..."
    return (
        value >= least
        and _says_no_other(track.event_n, same_noun)
        and _says_no_other(ident.event, same_noun)
        and (track.unit, track.place) == (ident.unit, ident.place)
        and same_or_described(track, ident)
        and any(r["value"] == value for r in track.reports)
    )


def _says_no_other(event: str, same_noun: bool) -> bool:
    """A verb outside every class; or, for the very same noun, a copula and where they are
    (`readings.PRESENT`): "Around 10 fire service pumps are in attendance" is the count that
    "Ten fire engines were tackling the blaze" gives."""
    return event not in counts.CLASSES or (same_noun and event == readings.PRESENT)


# A report joins a track through a dropped description only within this factor of the track's
# latest value: "five foreign tourists" among "30 tourists" killed is a part, not the count.
_NEAR = 2.0


def near(track: TrackState, value: float) -> bool:
    if not track.reports:
        return False
    latest = track.reports[-1]["value"]
    return latest / _NEAR <= value <= latest * _NEAR
