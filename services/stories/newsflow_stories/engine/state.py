"""One story's state: its members, centroids and tracks; a public snapshot; a JSON round trip.

The JSON form is what the service keeps in its compacted state topic. Floats round-trip
exactly through JSON and dicts keep their order, so a story restored from it makes the same
decisions as the one that wrote it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsflow_contracts.stories import Story, StoryArticle, StoryEntity

from newsflow_stories.engine.fates import Fate, track_fates
from newsflow_stories.engine.text import LEAD_ENTITIES, Vector, top
from newsflow_stories.engine.tracks import TrackState
from newsflow_stories.engine.values import Value, distinctive

MAX_ENTITIES = 30  # entities in the public snapshot, most named first


def iso(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat().replace("+00:00", "Z")


@dataclass
class Member:
    id: str
    title: str | None
    url: str | None
    source: str | None
    agencies: list[str]
    published_at: str | None
    dateline: str | None
    at: float  # the time the decision used (epoch seconds)
    seq: int  # arrival order in the stream
    score: float  # similarity to the story when it joined (1.0 for the first)
    entities: list[list[str]]  # [name, type]
    # The latest year the article's text names (years.latest_year); None in states written
    # before it, and for a text that names none.
    year: int | None = None


@dataclass
class StoryState:
    id: str
    members: list[Member] = field(default_factory=list)
    text: Vector = field(default_factory=dict)  # sum of member word vectors, top N
    ents: Vector = field(default_factory=dict)  # sum of member entity vectors
    tracks: dict[str, TrackState] = field(default_factory=dict)
    first_at: float = math.inf
    last_at: float = -math.inf
    last_seen: float = -math.inf  # the stream's clock when it last gained an article
    last_seq: int = 0
    text_norm: float = 0.0
    ents_norm: float = 0.0
    # The earliest member's own vectors (unit length; ties by arrival): the first report of an
    # event names its core (who, where, how many), and a story compared only with its centroid
    # drifts towards whatever joined it, so that a second event of the same kind joins it.
    anchor_text: Vector = field(default_factory=dict)
    anchor_ents: Vector = field(default_factory=dict)
    anchor_at: float = math.inf
    # Derived, not saved: the heaviest entity keys (looked for in an article's words) and the
    # distinctive values the story's tracks report (see values.py).
    lead: tuple[str, ...] = ()
    values: set[Value] = field(default_factory=set)
    fates: set[Fate] = field(default_factory=set)  # the fates' counts of people its tracks hold
    latest_year: int | None = None  # the latest year any member names (years.years_apart)

    def add(self, member: Member, text: Vector, ents: Vector, story_terms: int,
            seen: float) -> None:  # fmt: skip
        self.members.append(member)
        self._note_year(member.year)
        for k, v in text.items():
            self.text[k] = self.text.get(k, 0.0) + v
        self.text = top(self.text, story_terms)
        for k, v in ents.items():
            self.ents[k] = self.ents.get(k, 0.0) + v
        if member.at < self.anchor_at:
            self.anchor_text, self.anchor_ents, self.anchor_at = dict(text), dict(ents), member.at
        self.first_at = min(self.first_at, member.at)
        self.last_at = max(self.last_at, member.at)
        self.last_seq = member.seq
        self.last_seen = max(self.last_seen, seen)
        self.norms()

    def _note_year(self, year: int | None) -> None:
        if year is not None and (self.latest_year is None or year > self.latest_year):
            self.latest_year = year

    def norms(self) -> None:
        self.text_norm = math.sqrt(sum(v * v for v in self.text.values()))
        self.ents_norm = math.sqrt(sum(v * v for v in self.ents.values()))
        self.lead = tuple(top(self.ents, LEAD_ENTITIES))

    def add_values(self, reports: Iterable[dict[str, Any]]) -> None:
        self.values |= distinctive((r["value"], r["unit"]) for r in reports)

    def add_fates(self, keys: Iterable[str]) -> None:
        """Note what the tracks of these keys hold of a fate's count of people (fates.py)."""
        for k in keys:
            t = self.tracks.get(k)
            if t is not None:
                self.fates |= track_fates(t.event_n, t.object_n, t.unit,
                                          (r["value"] for r in t.reports))  # fmt: skip

    def public(self) -> Story:
        members = sorted(self.members, key=lambda m: (m.at, m.seq))
        central = max(self.members, key=lambda m: (m.score, -m.seq))
        named = Counter(tuple(e) for m in self.members for e in m.entities)
        entities = sorted(named.items(), key=lambda kv: (-kv[1], kv[0][0]))[:MAX_ENTITIES]
        return Story(
            id=self.id,
            title=central.title,
            first_at=iso(self.first_at),
            last_at=iso(self.last_at),
            articles=[_public_member(m) for m in members],
            sources=_unique(m.source for m in members),
            agencies=_unique(a for m in members for a in m.agencies),
            datelines=_unique(m.dateline for m in members),
            entities=[StoryEntity(name=n, type=t, count=c) for (n, t), c in entities],
            tracks=[t.public() for t in self.tracks.values()],
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (not a copy: serialize it, do not keep it). dataclasses.asdict
        deep-copies everything and cost ~20 ms for a story of ten articles."""
        return {
            "id": self.id, "members": [vars(m) for m in self.members], "text": self.text,
            "ents": self.ents, "tracks": {k: t.to_dict() for k, t in self.tracks.items()},
            "first_at": self.first_at, "last_at": self.last_at, "last_seen": self.last_seen,
            "last_seq": self.last_seq, "anchor_text": self.anchor_text,
            "anchor_ents": self.anchor_ents, "anchor_at": self.anchor_at,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryState:
        s = cls(
            id=d["id"],
            members=[Member(**m) for m in d["members"]],
            text=d["text"],
            ents=d["ents"],
            tracks={k: TrackState(**t) for k, t in d["tracks"].items()},
            first_at=d["first_at"],
            last_at=d["last_at"],
            last_seen=d["last_seen"],
            last_seq=d["last_seq"],
            # States written before anchors have none: such a story is matched on its centroid.
            anchor_text=d.get("anchor_text", {}),
            anchor_ents=d.get("anchor_ents", {}),
            anchor_at=d.get("anchor_at", math.inf),
        )
        s.norms()
        for m in s.members:
            s._note_year(m.year)
        s.add_values(r for t in s.tracks.values() for r in t.reports)
        s.add_fates(list(s.tracks))
        return s


def _public_member(m: Member) -> StoryArticle:
    return StoryArticle(id=m.id, title=m.title, url=m.url, source=m.source, agencies=m.agencies,
                        published_at=m.published_at or iso(m.at), dateline=m.dateline)  # fmt: skip


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
