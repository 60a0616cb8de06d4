"""Kafka from the outside, for tests: create a topic, read everything a topic holds now."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic


async def create_topic(bootstrap: str, topic: str, partitions: int = 2) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, partitions, 1)])
    finally:
        await admin.close()


def committed_reader(bootstrap: str, topic: str) -> AIOKafkaConsumer:
    """A consumer outside any group reading a topic from its start, committed records only."""
    return AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                            auto_offset_reset="earliest", isolation_level="read_committed",
                            max_partition_fetch_bytes=10_485_760)  # fmt: skip


async def read_all(bootstrap: str, topic: str, timeout: float = 60) -> list[Any]:
    """Every committed record on a topic now, read from the start by a consumer outside any
    group (read_committed: batches of aborted transactions are not seen; on topics written
    without transactions that is every record)."""
    consumer = committed_reader(bootstrap, topic)
    await consumer.start()
    out: list[Any] = []
    try:
        deadline = time.monotonic() + timeout
        while not consumer.assignment() and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        parts = list(consumer.assignment())
        end = await consumer.end_offsets(parts)
        while time.monotonic() < deadline:
            if all([await consumer.position(tp) >= off for tp, off in end.items()]):
                break
            for msgs in (await consumer.getmany(timeout_ms=500)).values():
                out += msgs
    finally:
        await consumer.stop()
    return out
