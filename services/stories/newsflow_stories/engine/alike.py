"""The same value told again in other words, in a sentence like another report's
(`tracks.choose`, the last of its rules).

Outlets retell a count with their own noun and verb: "SeaMicro currently employs 80 people" ...
"SeaMicro has 80 employees"; "the trial of two men accused of killing Zurana Horton" ...
"released new video in the trial of two men accused of killing a Brownsville mother". No word
list joins such nouns and verbs without joining other counts of two people in the same story,
but the rest of the sentence says which count it is: the same value, of nouns of one kind, in
sentences that share their rarer words (the people, places and deeds the count is about) is
one count. A sentence's words are weighed by rarity (`text.term`: "the" nothing, "trial" 1.6,
"Keller" 2.9), and two sentences are alike when the cosine of their weights reaches
`StoryConfig.alike` and the words they share besides the figures' own nouns and verbs weigh
`SHARED` or more; the figure's printed value is left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsflow_contracts.events import Figure

from newsflow_stories.engine import counts, synonyms
from newsflow_stories.engine.kinds import numbered, party
from newsflow_stories.engine.text import stem, term, words

if TYPE_CHECKING:
    from newsflow_stories.engine.kinds import Identity
    from newsflow_stories.engine.tracks import TrackState

# Words kept of a sentence (the rarest): a report's words are part of the story's state.
TERMS = 16
# A track's latest reports that keep their sentence (`forget`): the state of a story of thousands
# of reports grows by its tracks, not by every report (a sentence is some 200 bytes of state).
KEPT = 50
# The least weight of the words two sentences share: a rare name, or two rarer words.
SHARED = 3.0
_PEOPLE = "peopl"


@dataclass(frozen=True)
class Said:
    """A figure's sentence as weighted stems (its printed value left out), and which of them are
    the figure's own noun and verb."""

    weights: dict[str, float]
    own: frozenset[str]

    def saved(self) -> dict[str, Any]:
        return {"context": self.weights, "own": sorted(self.own)}

    @classmethod
    def of(cls, report: dict[str, Any]) -> Said:
        return cls(report.get("context") or {}, frozenset(report.get("own") or ()))


@dataclass(frozen=True)
class Told:
    """Where a figure was told: its sentence's words, its article, and the bar
    (`StoryConfig.alike`) another report's sentence must reach."""

    context: Said
    article_id: str
    bar: float


def said(fig: Figure) -> Said:
    """The figure's sentence: its rarest `TERMS` words, weighed by `text.term`."""
    sentence = fig.sentence.replace(fig.text, " ", 1)
    vec: dict[str, float] = {}
    for w in words(sentence):
        t = term(w)
        if t:
            vec[t[0]] = vec.get(t[0], 0.0) + t[1]
    kept = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS])
    own = {stem(w) for w in words(f"{fig.object or ''} {fig.event or ''}")} & set(kept)
    return Said({k: round(v, 2) for k, v in kept.items()}, frozenset(own))


def alike_as(a: Said, b: Said) -> float:
    """The cosine of two sentences' weights; 0 when the words they share besides either
    figure's own noun and verb weigh less than `SHARED`: what the rest of the sentence says of
    the count ("the trial of ... accused of killing Mara Keller") makes two sentences alike, not
    the noun they share ("Some five firefighters rested" ... "Some five firefighters ate")."""
    x, y, own = a.weights, b.weights, a.own | b.own
    if sum(min(w, y[k]) for k, w in x.items() if k in y and k not in own) < SHARED:
        return 0.0
    return cosine(x, y)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    norm = math.sqrt(sum(x * x for x in a.values())) * math.sqrt(sum(x * x for x in b.values()))
    return sum(w * b.get(k, 0.0) for k, w in a.items()) / norm if norm else 0.0


def one_kind(a: str, b: str) -> bool:
    """Nouns (normalized objects) that may name the same things: the same last word, synonyms,
    one a kind of the other, or both people; never two parties ("civilians", "fighters"), nor
    a share of a group ("four of its last five matches")."""
    x, y = a.split()[-1:], b.split()[-1:]
    if not x or not y or numbered(a) or numbered(b):
        return False  # "four of its last five matches": a share of some group
    if x[0] == y[0]:
        return True
    if party(x[0]) or party(y[0]):
        return False
    if synonyms.synonymous(x[0], y[0]) or synonyms.kind_of(x[0], y[0]):
        return True
    return _person(x[0]) and _person(y[0])


def _person(stem: str) -> bool:
    """People, a person noun, or the plural of one in "-men" that the table keeps as a word of
    its own ("men")."""
    if stem == _PEOPLE or synonyms.person(stem):
        return True
    return stem.endswith("men") and synonyms.person(stem[:-3] + "man")


def likeness(track: TrackState, ident: Identity, value: float, context: Said,
             article_id: str) -> float:  # fmt: skip
    """How alike the figure's sentence is to the likest sentence of another article that gave
    the track this value, when the two may be one count; else 0."""
    if not context.weights or (track.unit, track.place) != (ident.unit, ident.place):
        return 0.0
    if ident.named and track.named:
        return 0.0
    if _two_fates(track.event_n, ident.event) or not one_kind(track.object_n, ident.object):
        return 0.0
    best = 0.0
    for r in track.reports:
        if r["value"] == value and r["article_id"] != article_id and r.get("context"):
            best = max(best, alike_as(context, Said.of(r)))
    return best


def _two_fates(a: str, b: str) -> bool:
    """Verbs of two classes ("killed" vs "wounded") never meet."""
    return bool(a) and bool(b) and a != b and a in counts.CLASSES and b in counts.CLASSES


def best(tracks: list[TrackState], ident: Identity, value: float, context: Said,
         article_id: str, bar: float) -> TrackState | None:  # fmt: skip
    """The track whose report is likest, when it reaches `bar` (above 1: never)."""
    scored: list[tuple[float, Any]] = [
        (likeness(t, ident, value, context, article_id), t) for t in tracks
    ]
    scored = [(s, t) for s, t in scored if s >= bar]
    if not scored:
        return None
    return max(scored, key=lambda st: st[0])[1]


def linked(tracks: list[TrackState], track: TrackState, ident: Identity, value: float,
           told: Told) -> TrackState | None:  # fmt: skip
    """The track the report just filed into `track` shows to be `track`'s count: both hold
    this one value only, their nouns are of one kind, and the report's sentence is alike one
    of the other's ("Klitschko (58-3, 51 KO) bombed Thompson" filed with "improved to 58-3 (51
    KO)", alike "Klitschko, 58-3 with 51 knockouts"). Only tracks of one value, so that no
    other value comes in with them; else None."""
    if any(r["value"] != value for r in track.reports):
        return None
    others = [t for t in tracks if t is not track and t.reports and t.reports[0]["value"] == value
              and all(r["value"] == value for r in t.reports)
              and one_kind(t.object_n, track.object_n)]  # fmt: skip
    return best(others, ident, value, told.context, told.article_id, told.bar)


def forget(reports: list[dict[str, Any]]) -> None:
    """The report that falls out of the track's latest `KEPT` drops its sentence: later reports
    are compared with the latest ones only."""
    if len(reports) > KEPT:
        reports[-KEPT - 1].pop("context", None)
        reports[-KEPT - 1].pop("own", None)
