"""Figure tracks: inside a story, the figures that count the same thing, across articles.

A figure is tracked when it has both an object and an event. Its identity is
(event, object, unit, place); two figures share a track only when all four agree. A missing
place is a value of its own: "14 civilians killed in Baghouz" never joins a story-wide toll
that names no place, whichever comes first (the rule is the same in any order). We prefer a missed merge to a wrong one, so normalization is narrow:
- words are lower-cased and stemmed ("civilians" = "civilian", "were killed" = "killed");
- an entity's alias in an object becomes its canonical name ("SDF fighters" =
  "Syrian Democratic Forces fighters"), from the article's own entities;
- events: "injured" and "hurt" count as "wounded", "dead" and "deaths" as "died": each pair
  names one count in casualty reports. "died" is NOT "killed": a toll of people killed in
  strikes and one of people who died (of cold, of disease, in camps) are different counts
  in the same story;
- objects are never widened: "extremists" and "jihadists", "fighters" and "SDF fighters" stay
  apart even when they may mean the same people;
- place: a LOC entity the figure's sentence puts after "in", "at", "near"... ("killed in
  Hajin"), when exactly one does; otherwise none.
A sub-count ("including 40 children") gets its parent's event when it has none, and its track
records the parent's track; a sub-count that then names the same thing as its parent is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsflow_contracts.events import ArticleEnriched, Figure
from newsflow_contracts.stories import FigureReport, FigureTrack

from newsflow_stories.engine.text import stem, words

_EVENT_SYNONYMS = {"injur": "wound", "hurt": "wound", "dead": "die", "death": "die"}
# Irregular past forms the stemmer leaves alone: inflections of one verb, not synonyms.
_IRREGULAR = {"fled": "flee", "lost": "lose", "struck": "strike", "shot": "shoot", "held": "hold",
              "took": "take", "taken": "take", "left": "leav", "fell": "fall", "fallen": "fall",
              "rose": "rise", "risen": "rise", "sold": "sell", "bought": "buy", "built": "build",
              "caught": "catch", "found": "find", "gave": "give", "given": "give", "sent": "send",
              "spent": "spend", "brought": "bring", "grew": "grow", "grown": "grow",
              "drove": "drive", "driven": "drive", "hit": "hit", "met": "meet", "paid": "pay",
              "won": "win", "beaten": "beat", "slain": "slay", "slew": "slay"}  # fmt: skip
_AUXILIARY = {"be", "been", "being", "was", "were", "is", "are", "have", "has", "had", "got"}
_LEADING = {"the", "a", "an", "some", "more", "than", "about", "around", "nearly", "almost",
            "at", "least", "over", "other", "another", "of", "up", "to"}  # fmt: skip
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|across|from|of)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE
)


def normalize_event(event: str) -> str:
    stems = [_IRREGULAR.get(w) or stem(w) for w in words(event) if w not in _AUXILIARY]
    return " ".join(_EVENT_SYNONYMS.get(s, s) for s in stems)


def normalize_object(obj: str, aliases: dict[str, str]) -> str:
    for alias in sorted(aliases, key=lambda a: (-len(a), a)):
        obj = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", aliases[alias], obj)
    ws = words(obj)
    while ws and ws[0] in _LEADING:
        ws = ws[1:]
    return " ".join(stem(w) for w in ws)


def _aliases(article: ArticleEnriched) -> dict[str, str]:
    return {a: e.name for e in article.entities for a in e.aliases
            if len(a) > 1 and a != e.name}  # fmt: skip


def figure_place(article: ArticleEnriched, fig: Figure) -> str | None:
    """The one place the figure's sentence names after a preposition, else None."""
    body = article.body
    start = body.find(fig.sentence, max(0, fig.span[1] - len(fig.sentence)))
    if start < 0 or start > fig.span[0]:
        return None
    end = start + len(fig.sentence)
    dateline = (article.dateline or "").lower()
    places = set()
    for e in article.entities:
        if e.type != "LOC" or e.name.lower() == dateline:
            continue
        for s, t in e.spans:
            if (
                start <= s < end
                and body[t : t + 1] != "-"
                and _PLACE_BEFORE.search(body[max(0, s - 40) : s])
            ):
                places.add(e.name)
    return places.pop() if len(places) == 1 else None


@dataclass
class Identity:
    event: str
    object: str
    unit: str | None
    place: str | None


def identities(article: ArticleEnriched) -> list[Identity | None]:
    aliases = _aliases(article)
    out: list[Identity | None] = []
    for fig in article.figures:
        event = fig.event
        if not event and fig.parent is not None and 0 <= fig.parent < len(article.figures):
            event = article.figures[fig.parent].event  # "including 40 children" of the killed
        if not event or not fig.object:
            out.append(None)
            continue
        ev, ob = normalize_event(event), normalize_object(fig.object, aliases)
        out.append(Identity(ev, ob, fig.unit, figure_place(article, fig)) if ev and ob else None)
    return out


@dataclass
class TrackState:
    key: str
    event: str  # as first reported
    object: str
    event_n: str
    object_n: str
    unit: str | None
    place: str | None
    parent: str | None = None
    reports: list[dict[str, Any]] = field(default_factory=list)  # FigureReport + at, seq
    # The public form, rebuilt only when the track changed (not part of the saved state).
    cached: FigureTrack | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if k != "cached"}

    def accepts(self, ident: Identity) -> bool:
        return (self.event_n, self.object_n, self.unit, self.place) == (
            ident.event, ident.object, ident.unit, ident.place)  # fmt: skip

    def public(self) -> FigureTrack:
        if self.cached is None:
            self.cached = self._public()
        return self.cached

    def _public(self) -> FigureTrack:
        reports = sorted(self.reports, key=lambda r: (r["at"], r["seq"], r["figure"]))
        values = [r["value"] for r in reports]
        return FigureTrack(
            key=self.key, object=self.object, event=self.event, place=self.place,
            unit=self.unit, parent=self.parent,
            reports=[FigureReport.model_validate(r) for r in reports],
            latest=values[-1] if values else None,
            highest=max(values) if values else None,
            lowest=min(values) if values else None,
        )  # fmt: skip


def choose(tracks: dict[str, TrackState], ident: Identity) -> TrackState | None:
    """The track with this figure's identity, or None for a new one."""
    for track in tracks.values():
        if track.accepts(ident):
            return track
    return None


def new_track(tracks: dict[str, TrackState], ident: Identity, fig: Figure,
              event: str) -> TrackState:  # fmt: skip
    base = "|".join([ident.event, ident.object, ident.place or ""]) + (
        f"|{ident.unit}" if ident.unit else ""
    )
    key = base
    track = TrackState(key=key, event=event, object=fig.object or "", event_n=ident.event,
                       object_n=ident.object, unit=ident.unit, place=ident.place)  # fmt: skip
    tracks[key] = track
    return track


def add_reports(tracks: dict[str, TrackState], article: ArticleEnriched, at: float, seq: int,
                published_at: str) -> list[str]:  # fmt: skip
    """File the article's figures into tracks; returns the keys of the tracks that changed."""
    changed: list[str] = []
    track_of: dict[int, TrackState] = {}
    identities_ = identities(article)
    for i, (fig, ident) in enumerate(zip(article.figures, identities_, strict=True)):
        parent_ident = identities_[fig.parent] if fig.parent is not None and 0 <= fig.parent < len(
            identities_) else None  # fmt: skip
        if ident is None or ident == parent_ident:
            # A part that names the same thing as its whole ("2,000 investors ... at least 300
            # investors") is not a report of the whole's count: not tracked.
            continue
        track = choose(tracks, ident)
        if track is None:
            event = fig.event or (article.figures[fig.parent].event if fig.parent is not None
                                  else None) or ident.event  # fmt: skip
            track = new_track(tracks, ident, fig, event)
        track_of[i] = track
        parent = track_of.get(fig.parent) if fig.parent is not None else None
        if parent is not None and track.parent is None and parent is not track:
            track.parent = parent.key
        track.cached = None
        track.reports.append({
            "article_id": article.id, "figure": i, "value": fig.value, "low": fig.low,
            "high": fig.high, "qualifier": fig.qualifier, "unit": fig.unit, "text": fig.text,
            "source": article.source, "agencies": list(article.agencies),
            "published_at": published_at, "at": at, "seq": seq,
        })  # fmt: skip
        if track.key not in changed:
            changed.append(track.key)
    return changed
