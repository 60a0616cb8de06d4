"""The story worker: articles.enriched in, `stories` (and the engine's state) out, exactly once.

Each batch is one Kafka transaction: one update per story the batch changed (its latest
snapshot, naming every article placed in it), the new state of each such story (to the
compacted state topic) and the input offsets commit together or not at all.
After a SIGKILL the next worker's producer, with the same transactional id, aborts whatever was
open; the worker rebuilds the engine from the committed state and resumes at the committed
offsets, so no article is lost and none is placed twice.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from newsflow_contracts import topics
from newsflow_contracts.events import ArticleEnriched, DeadLetter
from prometheus_client import Counter, Gauge, Histogram
from pydantic import ValidationError

from newsflow_stories.config import StoriesSettings
from newsflow_stories.engine import StoryConfig, StoryEngine
from newsflow_stories.engine.updates import Placement, coalesce
from newsflow_stories.ordering import AllToOne, Merger
from newsflow_stories.state_store import ensure_topics, read_state

log = logging.getLogger(__name__)

PLACED = Counter("newsflow_stories_articles_total", "Articles placed in a story")
UPDATES = Counter("newsflow_stories_updates_total", "Story updates published", ["kind"])
DEAD = Counter("newsflow_stories_dlq_total", "Messages sent to the DLQ")
BATCH_SECONDS = Histogram("newsflow_stories_batch_seconds", "Time to place and commit one batch")
ENGINE_SECONDS = Histogram("newsflow_stories_engine_seconds", "Engine time per article",
                           buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5))  # fmt: skip
STORIES = Gauge("newsflow_stories_stories", "Stories ever started")
OPEN = Gauge("newsflow_stories_open_stories", "Stories still open (in the candidate index)")
HELD = Gauge("newsflow_stories_held_stories", "Stories in memory (closed ones are evicted)")
EVICTED = Counter("newsflow_stories_evicted_total", "Closed stories evicted from memory")
RESTORE_SECONDS = Gauge("newsflow_stories_restore_seconds", "Time the last state restore took")


async def close_quietly(client: Any, what: str) -> None:
    """Stop a Kafka client after a failure. aiokafka's stop() can let out the CancelledError of
    the fetch task it cancels (a batch failed in a two-broker outage; the error then escaped the
    restart loop and ended the service). Only a cancellation of this task itself goes on."""
    try:
        await client.stop()
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise
        log.warning("a Kafka client's stop was cancelled inside aiokafka", extra={"client": what})


def producer_options(settings: StoriesSettings) -> dict[str, Any]:
    """The transactional producer's settings: one id for every instance, batches compressed."""
    return {"transactional_id": settings.transactional_id, "enable_idempotence": True,
            "acks": "all", "max_request_size": 10_485_760,
            "compression_type": None if settings.compression == "none" else settings.compression}  # fmt: skip


class StoryWorker(ConsumerRebalanceListener):
    def __init__(self, bootstrap: str, settings: StoriesSettings,
                 config: StoryConfig | None = None) -> None:  # fmt: skip
        self.bootstrap, self.settings, self.config = bootstrap, settings, config
        self.engine: StoryEngine | None = None
        self.merger: Merger | None = None
        self.producer: AIOKafkaProducer | None = None
        self.consumer: AIOKafkaConsumer | None = None
        self.role = "joining"
        self._pending: set[TopicPartition] | None = None
        self._lock = asyncio.Lock()  # a batch and a rebalance never overlap

    # -- the rebalance listener: only notes the change; the loop takes over (fence, restore,
    # seek) outside the rebalance, so the group's heartbeats go on through a long restore.

    async def on_partitions_revoked(self, revoked: Any) -> None:
        async with self._lock:  # waits for a batch in flight to commit
            await self._let_go()

    async def on_partitions_assigned(self, assigned: Any) -> None:
        async with self._lock:
            await self._let_go()
            self._pending = set(assigned)
            self.role = "restoring" if assigned else "standby"

    async def _take_over(self, assigned: set[TopicPartition]) -> None:
        started = time.monotonic()
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap,
                                    **producer_options(self.settings))  # fmt: skip
        await producer.start()  # fences the previous owner; its open transaction aborts
        self.producer = producer
        engine = StoryEngine(self.config)
        engine.load(await read_state(self.bootstrap, self.settings.state_topic))
        assert self.consumer is not None
        for tp in sorted(assigned):  # resume exactly where the committed state stands
            committed = await self.consumer.committed(tp)
            if committed is None:
                await self.consumer.seek_to_beginning(tp)
            else:
                self.consumer.seek(tp, committed)
        self.engine, self.merger = engine, Merger(assigned, self.settings.order_grace_ms)
        self.role = "active"
        RESTORE_SECONDS.set(time.monotonic() - started)
        self._gauges()
        log.info("took the stories partitions", extra={
            "partitions": len(assigned), "stories": engine.story_count(), "held": engine.held(),
            "restore_s": round(time.monotonic() - started, 3)})  # fmt: skip

    async def _let_go(self) -> None:
        self.engine, self.merger, self.role = None, None, "joining"
        if self.producer is not None:
            producer, self.producer = self.producer, None
            await close_quietly(producer, "producer")

    # -- the loop -------------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        s = self.settings
        await ensure_topics(self.bootstrap, s.output_topic, s.state_topic, s.stories_partitions)
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, group_id=s.group_id, enable_auto_commit=False,
            isolation_level="read_committed", auto_offset_reset="earliest",
            partition_assignment_strategy=(AllToOne,), max_partition_fetch_bytes=10_485_760,
        )  # fmt: skip
        self.consumer = consumer
        await consumer.start()
        # Metadata first: a group leader that does not know the topic's partitions yet would
        # hand out an empty assignment and only fix it at the next rebalance.
        await consumer.topics()
        consumer.subscribe([s.input_topic], listener=self)
        try:
            while not stop.is_set():
                batch = await consumer.getmany(timeout_ms=100, max_records=s.batch_size)
                async with self._lock:
                    if self._pending:
                        assigned, self._pending = self._pending, None
                        await self._take_over(assigned)
                        continue  # what was fetched before the seek is not ours to place
                    if self.merger is None:
                        continue
                    self.merger.push(batch)
                    await self._flow_control(consumer)
                    now_ms = int(time.time() * 1000)  # when to wait, never what to decide
                    records = await self.merger.take(consumer, now_ms, s.batch_size)
                    if records:
                        await self._commit(records)
        finally:
            async with self._lock:
                await self._let_go()
            await close_quietly(consumer, "consumer")

    async def _flow_control(self, consumer: AIOKafkaConsumer) -> None:
        assert self.merger is not None
        full = set(self.merger.full())
        for tp in self.merger.buffers:
            if tp in full:
                consumer.pause(tp)
            elif tp in consumer.paused():
                consumer.resume(tp)

    async def _commit(self, records: list[Any]) -> None:
        """Place a batch and commit its outputs, the engine's state and the offsets as one."""
        assert self.engine is not None and self.producer is not None
        started = time.monotonic()
        outputs: list[tuple[str, bytes | None, bytes]] = []
        placements: list[Placement] = []
        for r in records:
            placed = self._place(r)
            if isinstance(placed, Placement):
                placements.append(placed)
            elif placed is not None:
                outputs.append(placed)
        # One update per changed story with its latest snapshot (engine/updates.py): a story
        # that gained k articles in this batch is serialized and sent once, not k times.
        updates = coalesce(placements, self.engine.snapshot)
        for u in updates:
            value = u.model_dump_json().encode()
            outputs.append((self.settings.output_topic, u.story_id.encode(), value))
        for u in updates:
            state = json.dumps(self.engine.state(u.story_id), separators=(",", ":")).encode()
            outputs.append((self.settings.state_topic, u.story_id.encode(), state))
        offsets: dict[TopicPartition, int] = {}
        for r in records:
            offsets[TopicPartition(r.topic, r.partition)] = r.offset + 1
        async with self.producer.transaction():
            futures = [await self.producer.send(t, value=v, key=k) for t, k, v in outputs]
            await self.producer.send_offsets_to_transaction(offsets, self.settings.group_id)
        for fut in futures:
            await fut
        # Only now: a story the batch changed may have closed later in the same batch, and its
        # state was needed above. Closed stories are never joined again, so evicting them
        # changes no decision; their last state is in the state topic.
        EVICTED.inc(self.engine.evict_closed())
        PLACED.inc(len(records))
        for u in updates:
            UPDATES.labels(u.kind).inc()
        self._gauges()
        BATCH_SECONDS.observe(time.monotonic() - started)
        log.debug("committed a batch", extra={"articles": len(records), "outputs": len(outputs),
                                              "seconds": round(time.monotonic() - started, 3)})  # fmt: skip

    def _gauges(self) -> None:
        assert self.engine is not None
        STORIES.set(self.engine.story_count())
        OPEN.set(self.engine.open_stories())
        HELD.set(self.engine.held())

    def _place(self, record: Any) -> Placement | tuple[str, bytes | None, bytes] | None:
        """The record's placement, a dead letter for the DLQ, or None (an article seen before)."""
        assert self.engine is not None
        key = record.key if isinstance(record.key, bytes) else None
        try:
            article = ArticleEnriched.model_validate_json(record.value)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "value"
            return self._dead(f"not an enriched article: {where}: {first['msg']}", record, key)
        at = datetime.fromtimestamp(record.timestamp / 1000, UTC)
        started = time.perf_counter()
        try:
            placed = self.engine.place(article, at=at)
        except Exception as exc:  # a bug must not stop the stream: the article goes to the DLQ
            log.exception("story engine failed", extra={"article_id": article.id})
            return self._dead(f"story engine failed: {type(exc).__name__}: {exc}", record, key)
        ENGINE_SECONDS.observe(time.perf_counter() - started)
        return placed

    def _dead(self, error: str, record: Any, key: bytes | None) -> tuple[str, bytes | None, bytes]:
        DEAD.inc()
        value = record.value
        payload: Any = value.decode("utf-8", errors="replace")[:1_000_000] if value else None
        article_id = key.decode(errors="replace") if key else None
        log.warning("dead letter", extra={"article_id": article_id, "error": error})
        letter = DeadLetter(error=error, stage="stories", payload=payload, id=article_id,
                            failed_at=datetime.fromtimestamp(record.timestamp / 1000, UTC))  # fmt: skip
        return topics.DLQ, key, letter.model_dump_json().encode()

    def health(self) -> tuple[bool, dict[str, Any]]:
        if self.consumer is None or self.role == "joining":
            return False, {"status": "unavailable", "reason": "joining the consumer group"}
        if self.role == "restoring":
            return False, {"status": "unavailable", "reason": "restoring the stories' state"}
        body: dict[str, Any] = {"status": "ok", "role": self.role}
        if self.engine is not None:
            body |= {"stories": self.engine.story_count(), "open": self.engine.open_stories(),
                     "held": self.engine.held()}  # fmt: skip
        return True, body
