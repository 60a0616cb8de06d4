"""The stories service on real Kafka: articles.enriched in, story updates out, poison to the DLQ.

A replay and a SIGKILL are in tests/faults/test_stories_kill.py."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from newsflow_contracts.events import DeadLetter

from tests.integration.stories.helpers import (
    StoriesProcess,
    duplicate_reports,
    final_stories,
    membership,
    new_name,
    placed_ids,
    produce,
    updates,
    wait_placed,
)
from tests.kafka_io import create_topic, read_all
from tests.unit.stories.factory import event_article, event_stream, hajin

ARTICLES = [hajin(6, 300, 820), hajin(8, 320, 850), hajin(11, 330, 870), *event_stream(12, 4)]


@pytest.fixture(scope="module")
def input_topic(kafka_bootstrap: str) -> str:
    topic = f"enriched-{new_name()}"
    asyncio.run(create_topic(kafka_bootstrap, topic, partitions=2))
    return topic


@pytest.fixture
def service(kafka_bootstrap: str, input_topic: str, tmp_path: Path) -> Iterator[StoriesProcess]:
    proc = StoriesProcess(kafka_bootstrap, input_topic, new_name(), tmp_path,
                          NEWSFLOW_STORIES_BATCH_SIZE="10")  # fmt: skip
    try:
        yield proc
    finally:
        proc.stop()


async def test_articles_become_stories_once_each(
    kafka_bootstrap: str, input_topic: str, service: StoriesProcess
) -> None:
    await produce(kafka_bootstrap, input_topic, ARTICLES)
    await produce(kafka_bootstrap, input_topic, [b'{"not": "an article"}', ARTICLES[0]])
    service.start()
    ups = await wait_placed(kafka_bootstrap, service.output_topic, len(ARTICLES))
    # the article sent twice is placed once; a story gets one update per transaction
    assert sorted(placed_ids(ups)) == sorted(a.id for a in ARTICLES)
    assert len(ups) < len(ARTICLES)
    stories = final_stories(ups)
    assert len(stories) == 13
    members = membership(stories)
    assert sorted(members) == sorted(a.id for a in ARTICLES)
    assert all(len(sids) == 1 for sids in members.values())
    assert duplicate_reports(stories) == []
    hajin_story = stories["st-" + ARTICLES[0].id]
    track = next(t for t in hajin_story["tracks"] if t["key"] == "kill|civilian|")
    assert [r["value"] for r in track["reports"]] == [300, 320, 330] and track["latest"] == 330
    status, health = service.health()
    assert status == 200 and health["role"] == "active" and health["stories"] == 13
    dlq = [
        DeadLetter.model_validate_json(r.value)
        for r in await read_all(kafka_bootstrap, "articles.dlq")
    ]
    assert any(d.stage == "stories" and d.payload == '{"not": "an article"}' for d in dlq)
    async with httpx.AsyncClient() as client:
        metrics = (await client.get(f"http://127.0.0.1:{service.port}/metrics")).text
    assert "newsflow_stories_articles_total" in metrics


async def test_closed_stories_leave_memory_and_a_restart_keeps_them_out(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    """Four events four days apart in record time (stories close after three): one story is
    held at the end, before and after a SIGKILL; an old article re-sent is still not placed."""
    topic = f"enriched-{new_name()}"
    await create_topic(kafka_bootstrap, topic, partitions=2)
    base = datetime.now(UTC).replace(microsecond=0) - timedelta(days=13)
    pairs = [(e, k, base + timedelta(days=4 * e, hours=6 * k)) for e in range(4) for k in range(3)]
    stream = [event_article(e, k).model_copy(update={"published_at": at.isoformat()})
              for e, k, at in pairs]  # fmt: skip
    await produce(kafka_bootstrap, topic, stream, at=[at for *_, at in pairs])
    proc = StoriesProcess(kafka_bootstrap, topic, new_name(), tmp_path,
                          NEWSFLOW_STORIES_BATCH_SIZE="4")  # fmt: skip
    try:
        proc.start()
        await wait_placed(kafka_bootstrap, proc.output_topic, len(stream))
        await asyncio.sleep(1)  # the gauges follow the commit
        assert _counts(proc) == {"stories": 4, "open": 1, "held": 1}
        proc.kill()
        proc.start()
        assert _counts(proc) == {"stories": 4, "open": 1, "held": 1}
        later = base + timedelta(days=12, hours=18)
        follow_up = event_article(3, 3).model_copy(update={"published_at": later.isoformat()})
        await produce(kafka_bootstrap, topic, [stream[0], follow_up], at=[later, later])
        ups = await wait_placed(kafka_bootstrap, proc.output_topic, len(stream) + 1)
        await asyncio.sleep(2)  # a second placement of stream[0] would be committed by now
        ups = await updates(kafka_bootstrap, proc.output_topic)
    finally:
        proc.stop()
    assert sorted(placed_ids(ups)) == sorted(a.id for a in [*stream, follow_up])
    assert ups[-1].article_id == follow_up.id and ups[-1].kind == "article_added"


def _counts(proc: StoriesProcess) -> dict[str, int]:
    status, health = proc.health()
    assert status == 200, health
    return {k: health[k] for k in ("stories", "open", "held")}


async def test_a_state_topic_made_without_compaction_is_compacted_at_start(
    kafka_bootstrap: str, input_topic: str, tmp_path: Path
) -> None:
    """A state topic made by hand, an older compose file or auto-creation deletes by age: the
    stories would be lost at the next restore. The service switches it to compaction and keeps
    the topic's other settings."""
    proc = StoriesProcess(kafka_bootstrap, input_topic, new_name(), tmp_path)
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(proc.state_topic, 1, 1,
                                            topic_configs={"retention.ms": "604800001"})])  # fmt: skip
        assert (await _topic_config(admin, proc.state_topic))["cleanup.policy"] == "delete"
        proc.start()
        config = await _topic_config(admin, proc.state_topic)
    finally:
        proc.stop()
        await admin.close()
    assert config["cleanup.policy"] == "compact" and config["retention.ms"] == "604800001"


async def _topic_config(admin: AIOKafkaAdminClient, topic: str) -> dict[str, str]:
    for _ in range(50):  # a topic just made may not be known to the node asked yet
        [response] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
        [(error, message, _, _, entries)] = response.resources
        if not error:
            return {e[0]: e[1] for e in entries}
        await asyncio.sleep(0.2)
    raise AssertionError(f"{topic}: {error} {message}")
