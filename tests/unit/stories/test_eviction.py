"""Closed stories leave the engine's memory (they stay in the state topic and the index), and
that changes no decision: not in one run, not after a restore from the state topic."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from newsflow_contracts.events import ArticleEnriched
from newsflow_stories.engine import StoryConfig, StoryEngine

from tests.unit.stories.factory import event_article

WINDOW = StoryConfig(window=timedelta(days=2))
START = datetime(2019, 3, 1, tzinfo=UTC)


def _stream(events: int = 40) -> list[tuple[ArticleEnriched, datetime]]:
    """Made-up events, three a day, each reported three times over two days, with record times:
    a story closes two days of stream time after its last report."""
    out = []
    for e in range(events):
        for k in range(3):
            at = START + timedelta(hours=8 * e + 16 * k)
            a = event_article(e, k).model_copy(update={"published_at": at.isoformat()})
            out.append((a, at))
    return sorted(out, key=lambda pair: (pair[1], pair[0].id))


def _run(engine: StoryEngine, stream: list, batch: int | None,
         topic: list[dict] | None = None) -> list[dict]:  # fmt: skip
    """Feed `stream` as the worker does: after each batch of `batch` articles, the state of every
    story the batch changed goes to `topic` (through JSON), then closed stories are evicted."""
    out: list[dict] = []
    changed: dict[str, None] = {}
    for i, (a, at) in enumerate(stream, start=1):
        for u in engine.add(a, at=at):
            out.append(u.model_dump(mode="json"))
            changed[u.story_id] = None
        if batch and i % batch == 0:
            if topic is not None:
                topic += [json.loads(json.dumps(engine.state(s))) for s in changed]
            changed.clear()
            engine.evict_closed()
    return out


def test_closed_stories_leave_memory_and_their_articles_stay_placed() -> None:
    engine = StoryEngine(WINDOW)
    stream = _stream()
    _run(engine, stream, batch=10)
    assert engine.story_count() == 40
    assert engine.held() <= 10, "only the open stories (about two days' worth) stay in memory"
    assert engine.held() == engine.open_stories()
    first, _ = stream[0]
    assert engine.story_of(first.id) == "st-" + first.id
    assert engine.add(first, at=stream[-1][1]) == [], "an article seen before is never re-placed"


def test_eviction_changes_no_decision() -> None:
    stream = _stream()
    assert _run(StoryEngine(WINDOW), stream, batch=7) == _run(StoryEngine(WINDOW), stream, None)


def test_a_restore_from_the_state_topic_holds_only_open_stories_and_decides_the_same() -> None:
    stream = _stream()
    expected = _run(StoryEngine(WINDOW), stream, batch=None)
    first, topic = StoryEngine(WINDOW), []
    cut = 60
    head = _run(first, stream[:cut], batch=6, topic=topic)
    # The topic in write order, every version of a story (compaction may not have run yet).
    restored = StoryEngine(WINDOW)
    restored.load(iter(topic))
    assert restored.held() == first.held() < first.story_count() == restored.story_count()
    assert head + _run(restored, stream[cut:], batch=6) == expected
    old, _ = stream[0]
    assert restored.story_of(old.id) == "st-" + old.id
    assert restored.add(old, at=stream[-1][1]) == []
