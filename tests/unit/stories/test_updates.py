"""One update per changed story per batch: kinds, articles and tracks of a coalesced update, and
the same stories as one update per article."""

from __future__ import annotations

from aiokafka import AIOKafkaProducer
from newsflow_contracts.stories import Story, StoryUpdated
from newsflow_stories.config import StoriesSettings
from newsflow_stories.engine import StoryEngine
from newsflow_stories.engine.updates import Placement, coalesce
from newsflow_stories.worker import producer_options

from tests.unit.stories.factory import event_stream, hajin


def _story(sid: str) -> Story:
    return Story(id=sid, articles=[])


def test_a_batch_gives_one_update_per_story_with_every_article_and_track() -> None:
    asked: list[str] = []

    def snapshot(sid: str) -> Story:
        asked.append(sid)
        return _story(sid)

    placements = [Placement("s1", "created", "a1", ("kill|civilian|",)),
                  Placement("s2", "article_added", "b1"),
                  Placement("s1", "article_added", "a2", ("kill|extremist|", "kill|civilian|")),
                  Placement("s1", "article_added", "a3")]  # fmt: skip
    s1, s2 = coalesce(placements, snapshot)
    assert asked == ["s1", "s2"]  # one snapshot per story, in the order first changed
    # A new story stays "created" whatever joined it later in the batch: alerts on new
    # stories and readers of `kind` see it.
    assert (s1.kind, s1.article_ids, s1.article_id) == ("created", ["a1", "a2", "a3"], "a3")
    assert s1.tracks_changed == ["kill|civilian|", "kill|extremist|"]
    assert (s2.kind, s2.article_ids, s2.article_id, s2.tracks_changed) == (
        "article_added", ["b1"], "b1", [])  # fmt: skip
    assert coalesce([Placement("s3", "track_changed", "c1"),
                     Placement("s3", "article_added", "c2")], snapshot)[0].kind == "article_added"  # fmt: skip


def test_an_update_without_article_ids_still_names_its_article() -> None:
    """A message written before `article_ids` existed (same schema version 1)."""
    old = StoryUpdated.model_validate_json(
        '{"schema_version": "1", "story_id": "s", "kind": "created", "article_id": "a",'
        ' "story": {"id": "s", "articles": []}}')  # fmt: skip
    assert old.article_ids == [] and old.caused_by() == ["a"]
    new = StoryUpdated(story_id="s", kind="created", article_id="b", article_ids=["a", "b"],
                       story=_story("s"))  # fmt: skip
    assert new.caused_by() == ["a", "b"]


def test_batches_build_the_stories_one_update_per_article_builds() -> None:
    stream = [hajin(6, 300, 820), *event_stream(4, 10), hajin(8, 320, 850), hajin(9, 330, 870)]
    one_by_one, batched = StoryEngine(), StoryEngine()
    latest: dict[str, StoryUpdated] = {}
    for a in stream:
        for u in one_by_one.add(a):
            latest[u.story_id] = u
    ups: list[StoryUpdated] = []
    for start in range(0, len(stream), 9):  # batches of 9, as the worker would take them
        placed = [batched.place(a) for a in stream[start : start + 9]]
        ups += coalesce([p for p in placed if p], batched.snapshot)
        batched.evict_closed()
    assert len(ups) < len(stream)
    named = [aid for u in ups for aid in u.caused_by()]
    assert sorted(named) == sorted(a.id for a in stream)  # every article once
    final = {u.story_id: u.story for u in ups}
    assert final == {sid: u.story for sid, u in latest.items()}
    # every story announced as new exactly once
    assert sorted(u.story_id for u in ups if u.kind == "created") == sorted(latest)
    assert batched.place(stream[0]) is None  # seen before


async def test_the_worker_compresses_its_batches_unless_told_not_to() -> None:
    """gzip: the stories topic's snapshots are about 7x smaller (bench/stories_big.py); the
    producer refuses a codec whose library is missing, so building one checks it is there."""
    assert producer_options(StoriesSettings())["compression_type"] == "gzip"
    assert producer_options(StoriesSettings(compression="none"))["compression_type"] is None
    producer = AIOKafkaProducer(bootstrap_servers="127.0.0.1:1",
                                **producer_options(StoriesSettings()))  # fmt: skip
    assert producer._compression_type == "gzip"
