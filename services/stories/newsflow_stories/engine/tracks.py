"""Figure tracks: inside a story, the figures that count the same thing, across articles.

A figure joins the track of its identity (`identity`: event class, object, unit, place). Objects
are never widened: "extremists" and "jihadists", "fighters" and "SDF fighters" stay apart even
when they may mean the same people; only a plain description a later report drops ("38
container ships" ... "74 ships") keeps the count, when the value is near its last one, and one
large value told again under verbs no class knows is one count (`choose`).
A sub-count ("including 40 children") gets its parent's event when it has none, and its track
records the parent's track; a sub-count that then names the same thing as its parent is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsflow_contracts.events import ArticleEnriched, Figure
from newsflow_contracts.stories import FigureReport, FigureTrack

from newsflow_stories.engine import alike, holders, retold, same_count
from newsflow_stories.engine.identity import Identity, Read, identities, told_apart
from newsflow_stories.engine.years import PageDate


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
    plain: bool = False  # its object's modifiers are plain words (Identity.plain)
    named: bool = False  # its object names a party (Identity.named)
    holder: str | None = None  # whose count it follows (holders), from its first report with one
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
        # An article's restated earlier value comes before its current one, so "latest" is the
        # count as the article now gives it.
        reports = sorted(self.reports, key=lambda r: (r["at"], r["seq"], not r.get("restated"),
                                                      r["figure"]))  # fmt: skip
        values = [r["value"] for r in reports]
        return FigureTrack(
            key=self.key, object=self.object, event=self.event, place=self.place,
            unit=self.unit, parent=self.parent,
            reports=[FigureReport.model_validate(r) for r in reports],
            latest=values[-1] if values else None,
            highest=max(values) if values else None,
            lowest=min(values) if values else None,
        )  # fmt: skip


def choose(
    tracks: dict[str, TrackState],
    ident: Identity,
    value: float,
    earlier: float | None = None,
    bounds: tuple[float, float] | None = None,
    apart: bool = True,
    told: alike.Told | None = None,
) -> TrackState | None:
    """The track with this figure's identity; else the one track that counts the same thing
    with a plain description more or less ("38 container ships waiting" ... "74 ships
    waiting"), when the value is near its latest; else the one track that reports this very
    value of the same thing under another verb no class knows (`same_count.told_again`); else
    None for a new one. `earlier` is the value the article restates for this count ("5.6 million, up
    from 2.1 million"): the track that holds it is this count's. `bounds` is the figure's range
    ("35 to 40"), which may meet another estimate of the same noun (`retold.estimated`).
    `told`: the figure's sentence, its article and the bar at which a track's sentence is alike
    enough to take the same value in other words (`alike`), the last rule."""
    tracks = {k: t for k, t in tracks.items() if not holders.other(t, ident)}
    for track in tracks.values():
        if track.accepts(ident) and (ident.event or same_count.holds(track, value)):
            return track  # a count with no verb: only the same value of the same words
    held = [t for t in tracks.values() if holders.same_count(t, ident, value)]
    if len(held) == 1:
        return held[0]  # "Shy Ely scored 23 points" ... "Shy Ely had 23 points"
    near = [
        t for t in tracks.values() if same_count.described(t, ident) and same_count.near(t, value)
    ]
    if len(near) == 1:
        return near[0]
    reworded = [t for t in tracks.values() if not apart and same_count.reworded(t, ident, value)]
    if len(reworded) == 1:
        return reworded[0]
    synonymous = [t for t in tracks.values() if same_count.synonymous(t, ident, value)]
    if len(synonymous) == 1:
        return synonymous[0]
    same = [t for t in tracks.values() if same_count.redescribed(t, ident, value)]
    if len(same) == 1:
        return same[0]
    again = [
        t
        for t in tracks.values()
        if any(same_count.told_again(t, ident, v) for v in (value, earlier) if v is not None)
    ]
    if not again and bounds is not None:
        again = [t for t in tracks.values() if retold.estimated(t, ident, bounds)]
    if not again:
        again = [t for t in tracks.values() if retold.retold_of_a_fate(t, ident, value)]
    if not again and (bounds is None or bounds[0] == bounds[1]):
        again = [t for t in tracks.values() if retold.measure_retold(t, ident, value)]
    if not again and bounds is not None:
        again = [t for t in tracks.values() if retold.distinct_retold(t, ident, value, bounds)]
    if len(again) == 1:
        return again[0]
    if told is None or apart:
        return None
    kept = [t for t in tracks.values() if not same_count.two_classes(t.event_n, ident.event)]
    return alike.best(kept, ident, value, told.context, told.article_id, told.bar)


@dataclass(frozen=True)
class _Joined:
    keep: str
    gone: str


def _join_linked(tracks: dict[str, TrackState], ident: Identity, value: float, earlier: float,
                 track_of: dict[int, TrackState]) -> _Joined | None:  # fmt: skip
    """An article that gives a count's new value and its earlier one ("raised to 3.4 million
    ..., up from an initial estimate of 1.2 million") proves that the track holding the new
    value and the one holding the earlier value, told before under other verbs ("stole the
    data of 1.2 million customers" ... "3.4 million customers had data stolen"), are one count:
    the later-made track's reports move into the earlier-made one."""
    now = [t for t in tracks.values() if same_count.told_again(t, ident, value)]
    was = [t for t in tracks.values() if same_count.told_again(t, ident, earlier)]
    if len(now) != 1 or len(was) != 1 or now[0] is was[0]:
        return None
    keep, gone = _merge(tracks, now[0], was[0], track_of)
    return _Joined(keep.key, gone.key)


def _merge(tracks: dict[str, TrackState], a: TrackState, b: TrackState,
           track_of: dict[int, TrackState]) -> tuple[TrackState, TrackState]:  # fmt: skip
    """Two tracks found to be one count: the later-made one's reports move into the earlier-made
    one, its children and articles follow, and it is gone. Returns (kept, gone)."""
    order = list(tracks)
    keep, gone = sorted((a, b), key=lambda t: order.index(t.key))
    keep.reports.extend(gone.reports)
    keep.cached = None
    del tracks[gone.key]
    for t in tracks.values():
        if t.parent == gone.key:
            t.parent, t.cached = keep.key, None
    for i, t in track_of.items():
        if t is gone:
            track_of[i] = keep
    return keep, gone


def _join_held(tracks: dict[str, TrackState], track: TrackState, ident: Identity, value: float,
               track_of: dict[int, TrackState], changed: list[str]) -> TrackState:  # fmt: skip
    """A track that followed nobody's count takes a report whose holder it did not know
    ("Klitschko improved to 58-3 (51 KO)" after a report that named no person): when another
    track already follows that person's count of the same noun at this value
    (`holders.same_count`: "Klitschko, 58-3 with 51 knockouts"), the two are one count, and the
    later-made one's reports move into the earlier-made one. Returns the surviving track."""
    if not any(r["value"] == value for r in track.reports):
        return track
    held = [t for t in tracks.values() if t is not track and holders.same_count(t, ident, value)]
    if len(held) != 1 or same_count.two_classes(track.event_n, held[0].event_n):
        return track
    keep, gone = _merge(tracks, track, held[0], track_of)
    keep.holder = keep.holder or gone.holder
    changed[:] = [k for k in changed if k != gone.key]
    return keep


def _join_alike(tracks: dict[str, TrackState], track: TrackState, ident: Identity, value: float,
                told: alike.Told, track_of: dict[int, TrackState],
                changed: list[str]) -> TrackState:  # fmt: skip
    """A report filed into a track of one value whose sentence is alike another such track's
    report (`alike.linked`) makes the two one count, whichever came first: the later-made one's
    reports move into the earlier-made one."""
    other = alike.linked([t for t in tracks.values() if not same_count.two_classes(t.event_n, track.event_n)],
                         track, ident, value, told)  # fmt: skip
    if other is None:
        return track
    keep, gone = _merge(tracks, track, other, track_of)
    keep.holder = keep.holder or gone.holder
    changed[:] = [k for k in changed if k != gone.key]
    return keep


def new_track(tracks: dict[str, TrackState], ident: Identity, fig: Figure,
              event: str) -> TrackState:  # fmt: skip
    base = "|".join([ident.event, ident.object, ident.place or ""]) + (
        f"|{ident.unit}" if ident.unit else ""
    )
    # Counts with no verb and the same words but other values are other counts (`choose`).
    key = base if ident.event else f"{base}|={fig.value:g}"
    if key in tracks and ident.holder:
        key += f"|@{ident.holder}"  # another person's count of the same words (holders)
    track = TrackState(key=key, event=event, object=fig.object or "", event_n=ident.event,
                       object_n=ident.object, unit=ident.unit, place=ident.place,
                       plain=ident.plain, named=ident.named, holder=ident.holder)  # fmt: skip
    tracks[key] = track
    return track


def _earlier(article: ArticleEnriched, idents: list[Identity | None], i: int) -> float | None:
    """The value the next figure restates for figure i's count (see `parts.restated`), if any."""
    nxt = idents[i + 1] if i + 1 < len(idents) else None
    if nxt is not None and nxt.restates and nxt == idents[i]:
        return article.figures[i + 1].value
    return None


def add_reports(tracks: dict[str, TrackState], article: ArticleEnriched, date: PageDate,
                at: float, seq: int, published_at: str,
                read_: Read | None = None, alike_bar: float = 0.5) -> list[str]:  # fmt: skip
    """File the article's figures into tracks; returns the keys of the tracks that changed.
    `date` is the stamp that opens the article's body (years.page_date), and `read_` its
    figures as `identity.read` reads them, each read once by the engine; `alike_bar`:
    `StoryConfig.alike` (above 1: off)."""
    changed: list[str] = []
    track_of: dict[int, TrackState] = {}
    placed = [(t.event_n, t.object_n, t.unit, t.place) for t in tracks.values()]
    identities_ = identities(article, date, placed, read_)
    apart = told_apart(article, identities_)
    for i, (fig, ident) in enumerate(zip(article.figures, identities_, strict=True)):
        parent_ident = identities_[fig.parent] if fig.parent is not None and 0 <= fig.parent < len(
            identities_) else None  # fmt: skip
        if ident is None or (ident == parent_ident and (ident.event or fig.value == article.figures[
                fig.parent].value)):  # fmt: skip
            # A part that names the same thing as its whole ("2,000 investors ... at least 300
            # investors") is not a report of the whole's count: not tracked. A count with no verb
            # is its value ("$334 million, of which $281 million will be paid in cash"): a part
            # of another value is a count of its own.
            continue
        earlier = _earlier(article, identities_, i)
        joined = _join_linked(tracks, ident, fig.value, earlier, track_of) if earlier else None
        if joined is not None:  # the surviving track changed; the other is gone
            changed[:] = [k for k in changed if k not in (joined.gone, joined.keep)]
            changed.append(joined.keep)
        bounds = (fig.low if fig.low is not None else fig.value,
                  fig.high if fig.high is not None else fig.value)  # fmt: skip
        context = alike.said(fig)
        told = alike.Told(context, article.id, alike_bar) if alike_bar <= 1 else None
        track = choose(tracks, ident, fig.value, earlier, bounds, apart[i], told)
        if ident.past and (track is None or not same_count.holds(track, fig.value)):
            continue  # a past count that restates no value the story holds
        if track is None:
            event = fig.event or (article.figures[fig.parent].event if fig.parent is not None
                                  else None) or ident.event  # fmt: skip
            track = new_track(tracks, ident, fig, event)
        if track.holder is None and ident.holder:
            track = _join_held(tracks, track, ident, fig.value, track_of, changed)
        if told is not None:
            track = _join_alike(tracks, track, ident, fig.value, told, track_of, changed)
        track_of[i] = track
        track.holder = track.holder or ident.holder
        parent = track_of.get(fig.parent) if fig.parent is not None else None
        if parent is not None and track.parent is None and parent is not track:
            track.parent = parent.key
        track.cached = None
        track.reports.append({
            "article_id": article.id, "figure": i, "value": fig.value, "low": fig.low,
            "high": fig.high, "qualifier": fig.qualifier, "unit": fig.unit, "text": fig.text,
            "source": article.source, "agencies": list(article.agencies),
            "published_at": published_at, "at": at, "seq": seq, "restated": ident.restates,
            **context.saved(),
        })  # fmt: skip
        alike.forget(track.reports)
        if track.key not in changed:
            changed.append(track.key)
    return changed
