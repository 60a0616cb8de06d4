"""The stories topics: created with the right settings, and the engine's state read back."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import TopicAlreadyExistsError

log = logging.getLogger(__name__)

# Both keep the latest record per story id for ever: `stories` so that a new subscriber
# reading from the start gets every story as it stands, the state so that a restart can.
COMPACT = {"cleanup.policy": "compact"}


async def ensure_topics(bootstrap: str, stories_topic: str, state_topic: str,
                        stories_partitions: int) -> None:  # fmt: skip
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        replicas = min(3, len(admin._client.cluster.brokers()) or 1)
        wanted = [NewTopic(stories_topic, stories_partitions, replicas, topic_configs=COMPACT),
                  NewTopic(state_topic, 1, replicas, topic_configs=COMPACT)]  # fmt: skip
        existing = set(await admin.list_topics())
        for topic in wanted:
            if topic.name in existing:
                await _compacted(admin, topic.name)
                continue
            try:
                await admin.create_topics([topic])
                log.info("created topic", extra={"topic": topic.name})
            except TopicAlreadyExistsError:
                pass
    finally:
        await admin.close()


async def _compacted(admin: AIOKafkaAdminClient, topic: str) -> None:
    """A topic made by someone else (by hand, an older compose file, auto-creation) may delete
    by age: the state topic would then lose stories before the next restore reads them. Switch
    it to compaction, keeping its other settings (AlterConfigs replaces a topic's whole set)."""
    resource = ConfigResource(ConfigResourceType.TOPIC, topic)
    for _ in range(50):  # a topic just made may not be known to the node asked yet
        [response] = await admin.describe_configs([resource])
        [(error, message, _, _, entries)] = response.resources
        if not error:
            break
        await asyncio.sleep(0.2)
    else:
        raise RuntimeError(f"cannot read the settings of topic {topic}: {error} {message}")
    if "compact" in {e[0]: e[1] for e in entries}.get("cleanup.policy", ""):
        return
    # Entry layout (name, value, read_only, source, ...): source 1 is a topic's own setting
    # (DescribeConfigs v1+; in v0 the 4th field is is_default).
    own = {e[0]: e[1] for e in entries if e[3] is False or (e[3] is not True and e[3] == 1)}
    log.warning("topic not compacted; compacting it", extra={"topic": topic})
    [response] = await admin.alter_configs([ConfigResource(
        ConfigResourceType.TOPIC, topic, configs=own | COMPACT)])  # fmt: skip
    [(error, message, *_)] = response.resources
    if error:
        raise RuntimeError(f"topic {topic} deletes by age and could not be compacted "
                           f"({error} {message}): set cleanup.policy=compact on it")  # fmt: skip


async def read_state(bootstrap: str, state_topic: str) -> Iterator[dict[str, Any]]:
    """The latest committed state of every story (read_committed: an aborted batch never
    counts), read from the start of the state topic to its end. Kept as bytes and parsed one
    at a time as the engine loads them, each let go once parsed: the engine keeps only the
    open stories, and the parsed states of every story would not fit (~12 KB an article)."""
    tp = TopicPartition(state_topic, 0)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None,
                                isolation_level="read_committed", enable_auto_commit=False,
                                max_partition_fetch_bytes=10_485_760)  # fmt: skip
    await consumer.start()
    latest: dict[bytes, bytes | None] = {}
    try:
        consumer.assign([tp])
        await consumer.seek_to_beginning(tp)
        end = (await consumer.end_offsets([tp]))[tp]
        while await consumer.position(tp) < end:
            for records in (await consumer.getmany(tp, timeout_ms=1000)).values():
                for r in records:
                    latest[r.key] = r.value
    finally:
        await consumer.stop()
    return _parsed(latest)


def _parsed(latest: dict[bytes, bytes | None]) -> Iterator[dict[str, Any]]:
    while latest:
        _, value = latest.popitem()
        if value is not None:
            yield json.loads(value)
