"""The stories service on real Kafka: articles.enriched in, story updates out, poison to the DLQ.

A replay and a SIGKILL are in tests/faults/test_stories_kill.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from newsflow_contracts.events import DeadLetter

from tests.integration.stories.helpers import (
    StoriesProcess,
    duplicate_reports,
    final_stories,
    membership,
    new_name,
    produce,
    wait_placed,
)
from tests.kafka_io import create_topic, read_all
from tests.unit.stories.factory import event_stream, hajin

ARTICLES = [hajin(6, 300, 820), hajin(8, 320, 850), hajin(11, 330, 870), *event_stream(12, 4)]


@pytest.fixture(scope="module")
def input_topic(kafka_bootstrap: str) -> str:
    topic = f"enriched-{new_name()}"
    import asyncio

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
    assert len(ups) == len(ARTICLES)  # the article sent twice is placed once
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
