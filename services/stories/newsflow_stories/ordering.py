"""One order for the articles of every partition, so a replay decides as the first run did.

Story decisions depend on arrival order, and Kafka orders records only within a partition. The
worker therefore takes records across partitions by (record timestamp, partition, offset), as
Kafka Streams does: a record is taken only when every other partition has a later record
waiting, or has been read to its end and `grace_ms` has passed since the record's timestamp
(so a record produced at the same moment on a quiet partition still comes first). Replaying a
topic from the start, every partition has data until it is read to its end, so the order is a
function of the topic alone.

All partitions go to one consumer of the group (`AllToOne`): a second instance stands by with
none, rather than splitting the stories between two states.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from aiokafka import TopicPartition
from aiokafka.cluster import ClusterMetadata
from aiokafka.coordinator.assignors.abstract import AbstractPartitionAssignor
from aiokafka.coordinator.protocol import (
    ConsumerProtocolMemberAssignment,
    ConsumerProtocolMemberMetadata,
)

MAX_BUFFERED = 5_000  # records held per partition before it is paused


class AllToOne(AbstractPartitionAssignor):
    """Every partition to one member: the one that holds them now if any (sticky), else the
    first member id. The others get nothing until it leaves."""

    name = "newsflow-all-to-one"
    version = 0
    owning: ClassVar[bool] = False  # this process holds the partitions (told to the leader)

    @classmethod
    def assign(cls, cluster: ClusterMetadata,
               members: Mapping[str, ConsumerProtocolMemberMetadata]) -> dict[str, Any]:  # fmt: skip
        topics = sorted({t for m in members.values() for t in m.subscription})
        owners = sorted(mid for mid, m in members.items() if m.user_data == b"1")
        chosen = (owners or sorted(members))[0]
        parts = [(t, sorted(cluster.partitions_for_topic(t) or [])) for t in topics]
        return {
            mid: ConsumerProtocolMemberAssignment(cls.version, parts if mid == chosen else [], b"")
            for mid in members
        }

    @classmethod
    def metadata(cls, topics: Iterable[str]) -> ConsumerProtocolMemberMetadata:
        return ConsumerProtocolMemberMetadata(
            cls.version, list(topics), b"1" if cls.owning else b"0"
        )

    @classmethod
    def on_assignment(cls, assignment: ConsumerProtocolMemberAssignment) -> None:
        cls.owning = bool(assignment.partitions())


class Merger:
    """Buffers each partition's records and releases them in the one order described above."""

    def __init__(self, partitions: Iterable[TopicPartition], grace_ms: int) -> None:
        self.buffers: dict[TopicPartition, deque[Any]] = {tp: deque() for tp in partitions}
        self.grace_ms = grace_ms

    def push(self, batch: Mapping[TopicPartition, list[Any]]) -> None:
        for tp, records in batch.items():
            if tp in self.buffers:
                self.buffers[tp].extend(records)

    def full(self) -> list[TopicPartition]:
        return [tp for tp, b in self.buffers.items() if len(b) >= MAX_BUFFERED]

    async def take(self, consumer: Any, now_ms: int, limit: int) -> list[Any]:
        out: list[Any] = []
        at_end: dict[TopicPartition, bool] = {}
        while len(out) < limit:
            heads = [(b[0].timestamp, tp.partition, b[0].offset, tp)
                     for tp, b in self.buffers.items() if b]  # fmt: skip
            if not heads:
                break
            timestamp, _, _, first = min(heads)
            for tp, buffer in self.buffers.items():
                if buffer:
                    continue
                if tp not in at_end:
                    at_end[tp] = await read_to_end(consumer, tp)
                if not at_end[tp] or now_ms < timestamp + self.grace_ms:
                    return out
            out.append(self.buffers[first].popleft())
        return out


async def read_to_end(consumer: Any, tp: TopicPartition) -> bool:
    end = consumer.last_stable_offset(tp)
    if end is None:
        end = consumer.highwater(tp)
    return end is not None and await consumer.position(tp) >= end
