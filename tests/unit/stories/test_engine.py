"""Story assignment: joins, splits, window closing, traps, duplicates, time, replay."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from newsflow_stories.engine import StoryConfig, StoryEngine, story_id_for

from tests.unit.stories.factory import article, hajin

BEIRUT_FIRE = article(
    "A fire tore through a warehouse at Beirut port on Thursday, civil defence said, sending "
    "black smoke over the Lebanese capital. Firefighters battled the blaze for six hours; "
    "the cause of the fire at the port warehouse, which stored tyres, was not known.",
    title="Fire guts warehouse at Beirut port", published_at="2018-12-06T09:00:00Z",
    entities={"Beirut": "LOC", "Lebanon": "LOC"},
)  # fmt: skip
BEIRUT_MARATHON = article(
    "Thousands of runners took part in the Beirut marathon on Thursday, the organisers said, "
    "in the largest edition of the race since it began. Kenyan athletes won both the men's "
    "and the women's races through the streets of the Lebanese capital.",
    title="Kenyans win Beirut marathon", published_at="2018-12-06T11:00:00Z",
    entities={"Beirut": "LOC", "Lebanon": "LOC", "Kenya": "LOC"},
)  # fmt: skip


def test_follow_ups_join_the_story_of_their_first_article() -> None:
    engine = StoryEngine()
    first, second, third = hajin(6, 300, 820), hajin(8, 320, 850), hajin(11, 330, 870)
    [created] = engine.add(first)
    assert created.kind == "created" and created.story_id == story_id_for(first.id)
    [joined] = engine.add(second)
    assert joined.kind == "article_added" and joined.story_id == created.story_id
    engine.add(third)
    assert {engine.story_of(a.id) for a in (first, second, third)} == {created.story_id}
    [story] = list(engine.stories())
    assert [a.id for a in story.articles] == [first.id, second.id, third.id]
    assert story.first_at.startswith("2018-12-06") and story.last_at.startswith("2018-12-11")


def test_different_events_make_different_stories_even_in_one_city_on_one_day() -> None:
    engine = StoryEngine()
    for a in (BEIRUT_FIRE, BEIRUT_MARATHON, hajin(6, 300, 820)):
        [update] = engine.add(a)
        assert update.kind == "created"
    assert len(list(engine.stories())) == 3


def test_a_story_closes_after_its_window() -> None:
    engine = StoryEngine(StoryConfig(window=timedelta(days=3)))
    first = hajin(1, 300, 820)
    engine.add(first)
    assert engine.open_stories() == 1
    late = hajin(9, 340, 880, published_at="2018-12-09T12:00:00Z")  # 8 days later
    [update] = engine.add(late)
    assert update.kind == "created" and update.story_id != engine.story_of(first.id)
    assert engine.open_stories() == 1  # the first one closed and left the index
    # An article back inside the first story's window still cannot reopen it.
    [back] = engine.add(hajin(2, 305, 825))
    assert back.story_id != engine.story_of(first.id)


def test_an_article_seen_twice_is_placed_once() -> None:
    engine = StoryEngine()
    a = hajin(6, 300, 820)
    assert engine.add(a) and engine.add(a) == []
    [story] = list(engine.stories())
    assert len(story.articles) == 1
    assert all(len(t.reports) == 1 for t in story.tracks)


def test_time_comes_from_the_event_never_the_wall_clock() -> None:
    engine = StoryEngine()
    undated = hajin(6, 300, 820, published_at=None)
    at = datetime(2018, 12, 6, 15, 0, tzinfo=UTC)
    [u] = engine.add(undated, at=at)
    assert u.story.first_at == "2018-12-06T15:00:00Z"
    # A published_at far past the record time is not believed: bounded by it plus a day.
    typo = hajin(7, 310, 830, published_at="2081-12-07T12:00:00Z")
    [u] = engine.add(typo, at=at)
    assert u.story.last_at == "2018-12-07T15:00:00Z"
    # Neither: the stream's own time so far.
    [u] = engine.add(hajin(8, 320, 840, published_at=None))
    assert u.story.last_at == "2018-12-07T15:00:00Z"


def _stream() -> list:
    """Three interleaved events over ten days, with a trap in Beirut."""
    out = []
    for day in range(1, 11):
        out.append(hajin(day, 300 + day, 800 + day))
        if day % 3 == 0:
            out.append(article(
                f"Firefighters in Beirut fought a second blaze at the port on day {day}, civil "
                "defence said; the port warehouse fire sent smoke across the Lebanese capital.",
                title=f"Beirut port fire, day {day}", published_at=f"2018-12-{day:02d}T08:00:00Z",
                entities={"Beirut": "LOC", "Lebanon": "LOC"}))  # fmt: skip
    return out


def _updates(engine: StoryEngine, articles: list) -> list[dict]:
    return [u.model_dump(mode="json") for a in articles for u in engine.add(a)]


def test_a_replay_gives_the_same_updates_and_ids() -> None:
    stream = _stream()
    assert _updates(StoryEngine(), stream) == _updates(StoryEngine(), stream)


def test_an_engine_restored_from_its_state_decides_as_the_one_that_wrote_it() -> None:
    stream = _stream()
    random.Random(7).shuffle(stream)
    whole = StoryEngine()
    expected = _updates(whole, stream)
    first = StoryEngine()
    head = _updates(first, stream[:9])
    # What the service keeps: the latest state per story, through JSON, in any order.
    states = [json.loads(json.dumps(first.state(s.id))) for s in first.stories()]
    restored = StoryEngine()
    restored.load(reversed(states))
    assert head + _updates(restored, stream[9:]) == expected
    assert restored.add(stream[0]) == []  # what was placed before the restart stays placed


def test_cost_per_article_does_not_scan_closed_stories() -> None:
    engine = StoryEngine(StoryConfig(window=timedelta(days=2)))
    start = datetime(2018, 1, 1, tzinfo=UTC)
    for i in range(300):  # one distinct event a day for 300 days, in made-up words
        w = [_word(i, k) for k in range(4)]
        engine.add(article(f"{w[0]} {w[1]} frobnicated near {w[2]} on the {w[3]} plateau.",
                           title=f"{w[0]} event", entities={w[2]: "LOC"},
                           published_at=(start + timedelta(days=i)).isoformat()))  # fmt: skip
    assert len(list(engine.stories())) == 300
    assert engine.open_stories() <= 3


def _word(i: int, k: int) -> str:
    letters = "bcdfghjklmnpqrstvwxz"
    n, out = i * 4 + k, ""
    for _ in range(4):
        n, r = divmod(n, 20)
        out += letters[r] + "aeiou"[(i + k) % 5]
    return out.capitalize()


def test_old_articles_fed_late_still_make_their_story() -> None:
    """A corpus of several years fed at once (the demo): arrival closes stories, not age."""
    engine = StoryEngine()
    fed = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
    engine.add(BEIRUT_FIRE.model_copy(update={"published_at": "2025-06-02T17:45:00Z"}), at=fed)
    first = hajin(6, 300, 820)
    ids = {u.story_id for a in (first, hajin(8, 320, 850), hajin(11, 330, 870))
           for u in engine.add(a, at=fed)}  # fmt: skip
    assert ids == {story_id_for(first.id)}
    # Days of stream time later, the story has closed.
    [late] = engine.add(hajin(12, 340, 880), at=fed + timedelta(days=4))
    assert late.kind == "created"


def test_a_first_report_arriving_after_its_follow_ups_joins_them() -> None:
    engine = StoryEngine()
    follow_ups = [hajin(11, 330, 870), hajin(14, 350, 900)]
    first = hajin(6, 300, 820)
    ids = {u.story_id for a in (*follow_ups, first) for u in engine.add(a, at=None)}
    assert len(ids) == 1
    [story] = list(engine.stories())
    assert [a.published_at[:10] for a in story.articles] == ["2018-12-06", "2018-12-11",
                                                             "2018-12-14"]  # fmt: skip
