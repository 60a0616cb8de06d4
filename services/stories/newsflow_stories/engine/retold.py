"""Values told again under verbs no class knows (`tracks.choose`): a large amount or measure
whatever its noun, a casualty count's large value under another verb, estimates whose ranges
meet."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsflow_stories.engine import counts, synonyms
from newsflow_stories.engine.kinds import party
from newsflow_stories.engine.values import DURATIONS, MIN_COUNT

if TYPE_CHECKING:
    from newsflow_stories.engine.kinds import Identity
    from newsflow_stories.engine.tracks import TrackState

# Of the very same noun, a count this large told twice is one count (`same_count.told_again`, and
# `estimated`'s ranges).
SAME_NOUN_COUNT = 10


def measure_retold(track: TrackState, ident: Identity, value: float) -> bool:
    """A large quantity with a unit told again, under verbs outside every class, is one
    quantity whatever noun enrich gave it: "The wildfire has burned 12,000 hectares" (the
    object "wildfire"), "has scorched 12,000 hectares of forest", "has consumed more than 12,000
    hectares" ("fire"). Not a share ("fell 4.6 percent" of two things), a duration, nor a
    range (whose middle may meet another value by chance)."""
    return (
        value >= MIN_COUNT
        and ident.unit is not None
        and ident.unit not in _NOT_MEASURES
        and track.event_n not in counts.CLASSES
        and ident.event not in counts.CLASSES
        and (track.unit, track.place) == (ident.unit, ident.place)
        and any(r["value"] == value and _low(r) == _high(r) for r in track.reports)
    )


_NOT_MEASURES = {"%", *DURATIONS}


def retold_of_a_fate(track: TrackState, ident: Identity, value: float) -> bool:
    """A large value a casualty track holds, told again of the same people under a verb no
    class knows: "there are 14,000 refugees" ... "have led over 14,000 people taking shelters"
    ... "14,000 people flooded into camps". Such a verb says nothing against the fate, and a
    count this large agrees by chance seldom (`values.MIN_COUNT`)."""
    return (
        value >= MIN_COUNT
        and track.event_n in counts.PEOPLE_CLASSES
        and ident.event not in counts.CLASSES
        and (track.unit, track.place) == (ident.unit, ident.place)
        and ident.object == track.object_n
        and any(r["value"] == value for r in track.reports)
    )


def estimated(track: TrackState, ident: Identity, bounds: tuple[float, float]) -> bool:
    """Estimates of the very same noun under verbs outside every class whose ranges meet: "as
    many as 35 to 40 volunteer firefighters came" ... "30 to 40 ... arrived" ... "about 40 ...
    to knock down the blaze" are one count. Not for "people", nor below 10 (as `_retold`)."""
    low, high = bounds
    if ident.object != track.object_n or ident.object == "peopl" or high < SAME_NOUN_COUNT:
        return False
    if ident.event in counts.CLASSES or track.event_n in counts.CLASSES:
        return False
    if (track.unit, track.place) != (ident.unit, ident.place):
        return False
    return any(max(low, _low(r)) <= min(high, _high(r)) for r in track.reports)


def _low(report: dict[str, Any]) -> float:
    return report["low"] if report.get("low") is not None else report["value"]


def _high(report: dict[str, Any]) -> float:
    return report["high"] if report.get("high") is not None else report["value"]


def distinct_retold(track: TrackState, ident: Identity, value: float,
                    bounds: tuple[float, float]) -> bool:  # fmt: skip
    """A count of `MIN_COUNT` or more with no unit that the track holds, told again of the
    same kind of thing in other nouns and under other verbs: "about 10,000 followers" ... "at
    least 10,000 members" ... "10,000 FLDS followers live", "up to 1,000 fellow parishioners
    will worship" ... "congregations of up to 1,000 people". A count this large agrees by
    chance seldom (`values.MIN_COUNT`), so the nouns need only be of one kind: both people (a
    WordNet person noun or "people"), synonyms, or one a kind of the other. Not two parties
    ("civilians", "fighters"), nor two named groups; verbs of two classes never meet, and a
    range's middle is no printed value."""
    if value < MIN_COUNT or ident.unit is not None or bounds[0] != bounds[1]:
        return False
    if (track.unit, track.place) != (ident.unit, ident.place):
        return False
    classes = {e for e in (track.event_n, ident.event) if e in counts.CLASSES}
    if classes and track.event_n != ident.event:
        return False
    if ident.named and track.named:
        return False
    a, b = track.object_n.split()[-1:], ident.object.split()[-1:]
    if not a or not b:
        return False
    return _one_kind(a[0], b[0]) and any(
        r["value"] == value and _low(r) == _high(r) for r in track.reports
    )


def _one_kind(a: str, b: str) -> bool:
    if a == b or synonyms.synonymous(a, b) or synonyms.kind_of(a, b):
        return True
    if party(a) or party(b):
        return False
    return all(w == "peopl" or synonyms.person(w) for w in (a, b))
