"""Kafka helpers: send raw articles, collect the enrich outputs, look at the consumer group."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from newsflow_contracts import topics
from newsflow_contracts.events import ArticleReceived


class Outputs:
    """Reads articles.enriched and articles.dlq from their current end: arrival time per id.
    With `stories`, also the committed story updates (read_committed, as the search service
    reads them): `placed` is when each article's first update could be read, `decided` when the
    stories service handed it to its producer (the record's CreateTime, on this monotonic
    clock), `story_of` the story it joined."""

    def __init__(self, bootstrap: str, stories: bool = False) -> None:
        self.consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                         max_partition_fetch_bytes=10_485_760)  # fmt: skip
        self.stories = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                        isolation_level="read_committed",
                                        max_partition_fetch_bytes=10_485_760) if stories else None  # fmt: skip
        self.seen: dict[str, float] = {}
        self.placed: dict[str, float] = {}
        self.decided: dict[str, float] = {}
        self.story_of: dict[str, str] = {}
        self._clock = time.time() - time.monotonic()  # wall-clock record times -> monotonic
        self.dead: set[str] = set()
        self.words = 0
        self._task: asyncio.Task[None] | None = None
        self._stories_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self.stories is not None:
            await self.stories.start()
            await self.stories._client.force_metadata_update()
            found = self.stories.partitions_for_topic(topics.STORIES) or {0, 1}
            parts = [TopicPartition(topics.STORIES, p) for p in sorted(found)]
            self.stories.assign(parts)
            await self.stories.seek_to_end(*parts)
            for tp in parts:
                await self.stories.position(tp)
            self._stories_task = asyncio.create_task(self._read_stories())
        await self.consumer.start()
        parts = []
        for topic in (topics.ENRICHED, topics.DLQ):
            for p in self.consumer.partitions_for_topic(topic) or await self._parts(topic):
                parts.append(TopicPartition(topic, p))
        self.consumer.assign(parts)
        await self.consumer.seek_to_end(*parts)
        for tp in parts:  # resolve the positions now, before anything is sent
            await self.consumer.position(tp)
        self._task = asyncio.create_task(self._read())

    async def _parts(self, topic: str) -> set[int]:
        await self.consumer._client.force_metadata_update()
        return self.consumer.partitions_for_topic(topic) or {0, 1}

    async def _read(self) -> None:
        import json

        while True:
            batch = await self.consumer.getmany(timeout_ms=200, max_records=1000)
            now = time.monotonic()
            for tp, msgs in batch.items():
                for m in msgs:
                    key = (m.key or b"").decode()
                    if key in self.seen:
                        continue
                    self.seen[key] = now
                    if tp.topic == topics.DLQ:
                        self.dead.add(key)
                    else:
                        self.words += len(json.loads(m.value)["body"].split())

    async def _read_stories(self) -> None:
        import json

        assert self.stories is not None
        while True:
            batch = await self.stories.getmany(timeout_ms=200, max_records=1000)
            now = time.monotonic()
            for msgs in batch.values():
                for m in msgs:
                    update = json.loads(m.value)
                    aid = update.get("article_id") or ""
                    if aid not in self.placed:
                        self.placed[aid] = now
                        self.decided[aid] = m.timestamp / 1000 - self._clock
                        self.story_of[aid] = update["story_id"]

    async def wait_for(self, ids: set[str], timeout: float, tick: Any = None) -> bool:
        deadline = time.monotonic() + timeout
        last = -1
        while time.monotonic() < deadline:
            done = sum(1 for i in ids if i in self.seen)
            if tick is not None and done != last:
                tick(done)
                last = done
            if done >= len(ids):
                return True
            await asyncio.sleep(0.05)
        return False

    async def stop(self) -> None:
        for task in (self._task, self._stories_task):
            if task:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await self.consumer.stop()
        if self.stories is not None:
            await self.stories.stop()


async def send_raw(bootstrap: str, events: list[ArticleReceived]) -> float:
    """Publish to articles.raw as ingest does (acks=all, idempotent); returns the seconds taken."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True,
                                max_request_size=10_485_760, linger_ms=5)  # fmt: skip
    await producer.start()
    try:
        started = time.monotonic()
        futs = [await producer.send(topics.RAW, e.model_dump_json().encode(), key=e.id.encode())
                for e in events]  # fmt: skip
        await asyncio.gather(*futs)
        return time.monotonic() - started
    finally:
        await producer.stop()


async def group_members(bootstrap: str, group: str) -> tuple[str, int]:
    """(state, number of members) of a consumer group."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [resp] = await admin.describe_consumer_groups([group])
        g = resp.groups[0]
        return str(g[2]), len(g[5])
    finally:
        await admin.close()


async def wait_group(bootstrap: str, group: str, members: int, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(KafkaError, IndexError):  # the group may not exist yet
            state, n = await group_members(bootstrap, group)
            if state == "Stable" and n == members:
                return True
        await asyncio.sleep(0.5)
    return False


async def wait_caught_up(bootstrap: str, topic: str, groups: list[str],
                         timeout: float = 600) -> float | None:  # fmt: skip
    """Seconds until every group's committed offsets reach the topic's end (None: timed out):
    a service started on a topic with a backlog must read it before its latency means much."""
    from aiokafka.structs import TopicPartition as TP

    started = time.monotonic()
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    probe = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await admin.start()
    await probe.start()
    try:
        parts = [TP(topic, p) for p in sorted(probe.partitions_for_topic(topic) or [])]
        while time.monotonic() - started < timeout:
            end = await probe.end_offsets(parts)
            lag = 0
            for group in groups:
                with contextlib.suppress(KafkaError):
                    done = await admin.list_consumer_group_offsets(group, partitions=parts)
                    lag += sum(end[tp] - (done[tp].offset if tp in done else 0) for tp in parts)
                    continue
                lag += 1  # the group does not exist yet
            if lag <= 0:
                return time.monotonic() - started
            await asyncio.sleep(1)
        return None
    finally:
        await probe.stop()
        await admin.close()
