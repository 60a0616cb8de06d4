"""The story engine: each article joins the most similar open story or starts one. Pure: no I/O,
no wall clock. The same articles in the same order give the same stories, ids included."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from newsflow_contracts.events import ArticleEnriched
from newsflow_contracts.stories import Story, StoryUpdated

from newsflow_stories.engine.config import StoryConfig
from newsflow_stories.engine.fates import Fate, article_fates
from newsflow_stories.engine.identity import read
from newsflow_stories.engine.index import CandidateIndex, article_keys
from newsflow_stories.engine.state import Member, StoryState, iso
from newsflow_stories.engine.text import (
    Vector,
    cosine,
    counted_words,
    entity_key,
    entity_vector,
    place_keys,
    shares_more_than_places,
    text_vector,
    with_names_in_text,
)
from newsflow_stories.engine.tracks import add_reports
from newsflow_stories.engine.updates import Placement, coalesce
from newsflow_stories.engine.values import Value, distinctive
from newsflow_stories.engine.years import latest_year, page_date, years_apart

STORY_PREFIX = "st-"


def story_id_for(first_article_id: str) -> str:
    """A story is named after its first article, so a replay names it the same."""
    return STORY_PREFIX + first_article_id


def parse_time(value: str | None) -> float | None:
    """An ISO 8601 date or datetime as epoch seconds (a naive one is UTC), or None."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp()


class StoryEngine:
    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self._stories: dict[str, StoryState] = {}  # the open ones, and closed ones not evicted
        # Every article ever placed (closed stories too: one re-sent after its story closed is
        # still not placed twice). About 130 bytes an article, against ~12 KB for its story.
        self._story_of: dict[str, str] = {}
        self._closed: dict[str, None] = {}  # closed since the last evict_closed(), in order
        self._count = 0  # stories ever started
        self._index = CandidateIndex(self.config)
        self._closing: list[tuple[float, str]] = []  # (last_at, story id), lazily stale
        self._seq = 0
        self._watermark = float("-inf")  # the stream's clock: the newest arrival seen
        self._time_so_far = float("-inf")  # the newest article time seen

    # -- the API -----------------------------------------------------------------------------

    def add(self, article: ArticleEnriched, at: datetime | None = None) -> list[StoryUpdated]:
        """Place one article; returns the updates to publish ([] for an article seen before).

        `at` is a time carried with the event (the Kafka record time): used when the article
        has no published_at, and as a bound on one that lies too far past it. Each update
        carries a snapshot of its whole story; the worker uses place() and coalesce() instead,
        one snapshot per story per batch (updates.py).
        """
        placed = self.place(article, at)
        return coalesce([placed], self.snapshot) if placed else []

    def snapshot(self, story_id: str) -> Story:
        """The story as it stands (O(its size)): held until the next evict_closed()."""
        return self._stories[story_id].public()

    def place(self, article: ArticleEnriched, at: datetime | None = None) -> Placement | None:
        """add() without the snapshot: None for an article seen before."""
        if article.id in self._story_of:
            return None
        t = self._time(article, at)
        # The stream's clock, which closes stories: when the article reached the stream (the
        # record time), else its own time. Kept apart from t so that an old article fed late
        # (an archive, a demo corpus of several years) neither closes today's stories nor finds
        # its own closed on arrival.
        seen = at.timestamp() if at is not None else t
        words = counted_words(article, self.config)
        text, (ents, types) = text_vector(article, self.config, words), entity_vector(article)
        values = distinctive((f.value, f.unit) for f in article.figures)
        body = article.body[: self.config.max_chars]
        date = page_date(body)  # read once, for the join and for the tracks
        figures = read(article, date)  # the figures' own readings, for the join and the tracks
        fates = article_fates(article, date, figures)
        self._seq += 1
        self._advance(seen)  # first close what this arrival leaves behind, then decide
        names = frozenset(entity_key(n, ty) for n, ty in types.items() if ty != "LOC")  # not places
        story, score = self._best(text, ents, t, words, values, place_keys(article), names,
                                  date.year, fates)  # fmt: skip
        created = story is None
        if story is None:
            story, score = StoryState(id=story_id_for(article.id)), 1.0
            self._stories[story.id] = story
            self._count += 1
        member = Member(
            id=article.id, title=article.title, url=article.url, source=article.source,
            agencies=list(article.agencies), published_at=article.published_at,
            dateline=article.dateline, at=t, seq=self._seq, score=round(score, 6),
            entities=[[name, type_] for name, type_ in types.items()], year=latest_year(body),
        )  # fmt: skip
        story.add(member, text, ents, self.config.story_terms, seen)
        published = article.published_at or iso(t)
        changed = add_reports(
            story.tracks, article, date, t, self._seq, published, figures, self.config.alike
        )
        story.add_values(r for k in changed for r in story.tracks[k].reports
                         if r["article_id"] == article.id)  # fmt: skip
        story.add_fates(changed)
        self._story_of[article.id] = story.id
        self._time_so_far = max(self._time_so_far, t)
        self._index.put(story)
        heapq.heappush(self._closing, (story.last_seen, story.id))
        return Placement(story.id, "created" if created else "article_added", article.id,
                         tuple(changed))  # fmt: skip

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def stories(self) -> Iterable[Story]:
        """The stories in memory (closed ones are gone after evict_closed())."""
        return (s.public() for s in self._stories.values())

    # -- durable state (what the service keeps in its compacted state topic) ------------------

    def state(self, story_id: str) -> dict[str, Any]:
        """A story changed since the last evict_closed() (the worker takes the state of every
        story a batch changed before it evicts)."""
        return self._stories[story_id].to_dict()

    def evict_closed(self) -> int:
        """Forget the stories closed since the last call (their last state is in the state
        topic). Closed stories are never candidates again, so no decision changes; only
        story_of() and the seen-before check keep their articles."""
        for sid in self._closed:
            del self._stories[sid]
        evicted, self._closed = len(self._closed), {}
        return evicted

    def load(self, states: Iterable[dict[str, Any]]) -> None:
        """Rebuild from the state topic: each story's states in the order written (a later
        one wins; other stories' in any order). The engine then decides exactly as the one
        that wrote them would have, holding only the open stories: a state that is closed at
        the newest time read so far stays closed (that time only grows), so only its
        articles are kept, and memory never holds every story at once."""
        window = self.config.window.total_seconds()
        for d in states:
            story = StoryState.from_dict(d)
            if story.members[0].id not in self._story_of:  # its first state read
                self._count += 1
            for m in story.members:
                self._story_of[m.id] = story.id
                self._seq = max(self._seq, m.seq)
            self._watermark = max(self._watermark, story.last_seen)
            self._time_so_far = max(self._time_so_far, story.last_at)
            if story.last_seen < self._watermark - window:
                self._stories.pop(story.id, None)
            else:
                self._stories[story.id] = story
        horizon = self._watermark - window
        for story in sorted(self._stories.values(), key=lambda s: s.last_seq):
            if story.last_seen >= horizon:
                self._index.put(story)
                heapq.heappush(self._closing, (story.last_seen, story.id))
            else:
                self._closed[story.id] = None
        self.evict_closed()

    def story_count(self) -> int:
        """Stories ever started (closed and evicted ones included)."""
        return self._count

    def held(self) -> int:
        """Stories in memory: the open ones (and any closed since the last evict_closed())."""
        return len(self._stories)

    def open_stories(self) -> int:
        return len(self._index)

    # -- inside ------------------------------------------------------------------------------

    def _time(self, article: ArticleEnriched, at: datetime | None) -> float:
        published = parse_time(article.published_at)
        carried = at.timestamp() if at is not None else None
        if published is not None and carried is not None:
            return min(published, carried + self.config.max_future.total_seconds())
        for t in (published, carried):
            if t is not None:
                return t
        # Neither: the newest article time so far, never the wall clock (a replay must agree).
        return self._time_so_far if self._time_so_far > float("-inf") else 0.0

    def _best(self, text: Vector, ents: Vector, t: float, words: Counter[str], values: set[Value],
              places: frozenset[str], names: frozenset[str] = frozenset(),
              year: int | None = None,
              fates: frozenset[Fate] = frozenset()) -> tuple[StoryState | None, float]:  # fmt: skip
        cfg = self.config
        window = cfg.join_window.total_seconds()
        best: tuple[float, str, float] | None = None
        for sid in self._index.candidates(article_keys(text, ents, cfg)):
            s = self._stories[sid]
            if not (s.first_at - window <= t <= s.last_at + window) or years_apart(
                year, s.latest_year, cfg.year_gap
            ):
                continue
            text_sim = cosine(text, s.text, s.text_norm)
            named = with_names_in_text(ents, s.lead, words)
            w_text = cfg.text_weight if named else 1.0
            ent_sim = _entity_sim(
                named, s.ents, s.ents_norm, text_sim, places, cfg.place_only_share
            )
            if text_sim < cfg.min_text and not _other_words(ent_sim, values, names, s, cfg):
                continue
            score = w_text * text_sim + (1 - w_text) * ent_sim
            if s.anchor_text or s.anchor_ents:
                a_text = cosine(text, s.anchor_text, 1.0 if s.anchor_text else 0.0)
                a_ents = _entity_sim(named, s.anchor_ents, 1.0 if s.anchor_ents else 0.0, a_text,
                                     places, cfg.place_only_share)  # fmt: skip
                score += cfg.anchor_weight * (w_text * a_text + (1 - w_text) * a_ents - score)
            # the margin over the story's own bar ranks the stories the article clears
            margin = score - self._bar(len(s.members), agrees=bool(fates & s.fates))
            if margin >= 0 and (best is None or (margin, sid) > best[:2]):
                best = (margin, sid, score)
        return (self._stories[best[1]], best[2]) if best else (None, 0.0)

    def _bar(self, size: int, agrees: bool = False) -> float:
        """The score a story of `size` reports must be matched at (see StoryConfig.size_weight);
        `agrees`: by an article that reports a fate's count of people the story's tracks hold
        (StoryConfig.fate_size_weight)."""
        cfg = self.config
        weight = cfg.fate_size_weight if agrees else cfg.size_weight
        return cfg.threshold + weight * math.log(max(1, min(size, cfg.size_cap)))

    def _advance(self, seen: float) -> None:
        """Move the stream's clock on and close the stories it has left behind."""
        self._watermark = max(self._watermark, seen)
        horizon = self._watermark - self.config.window.total_seconds()
        while self._closing and self._closing[0][0] < horizon:
            last_seen, sid = heapq.heappop(self._closing)
            story = self._stories.get(sid)
            if story is not None and story.last_seen == last_seen and sid not in self._closed:
                self._index.remove(sid)  # not a stale entry, nor a second one
                self._closed[sid] = None


def _other_words(ent_sim: float, values: set[Value], names: frozenset[str], story: StoryState,
                 cfg: StoryConfig) -> bool:  # fmt: skip
    """Whether an article whose words barely meet the story's tells its event in other words.
    Shared names alone do not make two events one; a shared distinctive figure ("2.1 million
    customers" told as "hackers accessed 2.1 million records") does, and so do most of the
    story's people and organisations (StoryConfig.min_text_names)."""
    if values & story.values:
        return True
    shared = sum(k in story.ents for k in names)
    return ent_sim >= cfg.min_text_waived_at and shared >= cfg.min_text_names


def _entity_sim(ents: Vector, story_ents: Vector, norm: float, text_sim: float,
                places: frozenset[str], share: float) -> float:  # fmt: skip
    """The entity cosine; but when the article shares only places with the story, only `share`
    of what it adds over the words' agreement: a city says where, not what (a market fire and a
    bus crash in Dhaka on one day share "Dhaka" and little else; a follow-up that names only
    the place shares the words)."""
    sim = cosine(ents, story_ents, norm)
    if sim > text_sim and not shares_more_than_places(ents, story_ents, places):
        return text_sim + share * (sim - text_sim)
    return sim
