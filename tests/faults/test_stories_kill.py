"""SIGKILL of the story worker mid-stream: no article lost, none placed twice, and the stories
are the ones an uninterrupted run over the same topic builds. Real Kafka, loopback only."""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

import httpx

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
from tests.kafka_io import create_topic
from tests.unit.stories.factory import event_stream

ARTICLES = event_stream(120, 5)  # 600 articles, 120 stories, each article a report of a toll
FIRST = 400  # on the topic before the worker starts; the rest while it is dead


def placed(proc: StoriesProcess) -> float:
    try:
        text = httpx.get(f"http://127.0.0.1:{proc.port}/metrics", timeout=2).text
    except httpx.HTTPError:
        return 0
    m = re.search(r"^newsflow_stories_articles_total (\S+)$", text, re.MULTILINE)
    return float(m.group(1)) if m else 0


async def test_sigkill_mid_stream_loses_none_and_doubles_none(kafka_bootstrap: str,
                                                              tmp_path: Path) -> None:  # fmt: skip
    topic = f"enriched-{new_name()}"
    await create_topic(kafka_bootstrap, topic, partitions=2)
    await produce(kafka_bootstrap, topic, ARTICLES[:FIRST])
    worker = StoriesProcess(kafka_bootstrap, topic, new_name(), tmp_path,
                            NEWSFLOW_STORIES_BATCH_SIZE="20")  # fmt: skip
    try:
        worker.start()
        deadline = time.monotonic() + 120
        while placed(worker) < 60 and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        worker.kill()
        before = len(placed_ids(await updates(kafka_bootstrap, worker.output_topic)))
        assert 0 < before < FIRST, f"the kill was not mid-stream: {before} placed"
        await produce(kafka_bootstrap, topic, ARTICLES[FIRST:])
        worker.start()
        ups = await wait_placed(kafka_bootstrap, worker.output_topic, len(ARTICLES))
        await asyncio.sleep(2)  # anything extra would be committed by now
        ups = await updates(kafka_bootstrap, worker.output_topic)
    finally:
        worker.stop()
    # One update names every article its story gained in one transaction.
    assert sorted(placed_ids(ups)) == sorted(a.id for a in ARTICLES), (
        "each article is placed exactly once, committed once"
    )
    stories = final_stories(ups)
    members = membership(stories)
    assert sorted(members) == sorted(a.id for a in ARTICLES)
    assert [a for a, sids in members.items() if len(sids) != 1] == []
    assert duplicate_reports(stories) == []
    assert len(stories) == 120

    # The same topic replayed by a worker never killed builds the same stories.
    replay = StoriesProcess(kafka_bootstrap, topic, new_name(), tmp_path)
    try:
        replay.start()
        again = await wait_placed(kafka_bootstrap, replay.output_topic, len(ARTICLES))
    finally:
        replay.stop()
    assert final_stories(again) == stories
