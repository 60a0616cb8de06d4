"""Synthetic growth for bench/stories' cost curve: copies are new stories, not new noise."""

from datetime import datetime, timedelta

from newsflow_contracts.events import ArticleEnriched, Entity, Figure, Pipeline

from bench.stories_growth import caesar, clone, grown

BODY = "LAGOS - Twelve people were killed in Lagos, LASEMA said."


def event(i: int, at: str) -> ArticleEnriched:
    return ArticleEnriched(
        id=f"a{i}", url=f"https://x.example/{i}", title="Lagos tanker fire", language="en",
        body=BODY, dateline="LAGOS", published_at=at, pipeline=Pipeline(version="t", model="m"),
        entities=[Entity(name="Lagos", type="LOC", aliases=["LAGOS"], mentions=2,
                         spans=[(0, 5), (37, 42)]),
                  Entity(name="LASEMA", type="ORG", mentions=1, spans=[(44, 50)])],
        figures=[Figure(value=12, text="Twelve", object="people", event="killed",
                        sentence=BODY, span=(8, 14))],
    )  # fmt: skip


def test_caesar_keeps_length_case_and_non_letters() -> None:
    assert caesar("Lagos-2 Ok", 1) == "Mbhpt-2 Pl"
    assert caesar("Zz", 1) == "Aa"


def test_clone_renames_entities_where_their_spans_point_and_moves_time() -> None:
    copy = clone(event(0, "2026-03-20T10:00:00+00:00"), 3, timedelta(days=100))
    assert copy.id != "a0" and copy.url.endswith("?copy=3")
    for entity in copy.entities:
        for start, end in entity.spans:
            assert copy.body[start:end] in (entity.name, *entity.aliases)
    assert "Lagos" not in copy.body and "Twelve people were killed" in copy.body
    assert copy.figures[0].text == "Twelve" and copy.dateline == caesar("LAGOS", 3)
    assert datetime.fromisoformat(copy.published_at) == datetime.fromisoformat(
        "2026-03-20T10:00:00+00:00") + timedelta(days=300)  # fmt: skip


def test_grown_repeats_the_base_in_time_order_with_distinct_ids() -> None:
    base = [event(0, "2026-03-01T00:00:00+00:00"), event(1, "2026-03-05T00:00:00+00:00")]
    stream = list(grown(base, 5))
    assert len({e.id for e in stream}) == 5
    times = [e.published_at for e in stream]
    assert times == sorted(times)


def test_the_cost_stream_evicts_closed_stories_unless_told_to_keep_them() -> None:
    from newsflow_stories.engine import StoryEngine

    from bench.stories import run_cost

    base = [event(i, f"2026-03-{1 + i:02d}T10:00:00+00:00") for i in range(3)]
    kept = run_cost(base, [300, 600], 1.0, StoryEngine, evict=False)
    evicted = run_cost(base, [300, 600], 1.0, StoryEngine)
    assert kept["stories"] == evicted["stories"] == 200  # one story per copy of the base
    assert kept["held"] == 200 and evicted["held"] <= 2
