"""The one order across partitions (record time, partition, offset) and when a record waits."""

from __future__ import annotations

from dataclasses import dataclass

from aiokafka import TopicPartition
from aiokafka.coordinator.protocol import ConsumerProtocolMemberMetadata
from newsflow_stories.ordering import AllToOne, Merger

P0, P1 = TopicPartition("t", 0), TopicPartition("t", 1)


@dataclass
class Rec:
    timestamp: int
    offset: int


class Positions:
    """What the merger asks a consumer: where it stands and where each partition ends."""

    def __init__(self, ends: dict[TopicPartition, int], at: dict[TopicPartition, int]) -> None:
        self.ends, self.at = ends, at

    def last_stable_offset(self, tp: TopicPartition) -> int | None:
        return self.ends.get(tp)

    def highwater(self, tp: TopicPartition) -> int | None:
        return self.ends.get(tp)

    async def position(self, tp: TopicPartition) -> int:
        return self.at[tp]


async def test_records_of_two_partitions_come_out_in_time_order() -> None:
    m = Merger([P0, P1], grace_ms=200)
    m.push({P0: [Rec(10, 0), Rec(30, 1)], P1: [Rec(20, 0), Rec(40, 1)]})
    consumer = Positions({P0: 2, P1: 2}, {P0: 2, P1: 2})
    out = await m.take(consumer, now_ms=10_000, limit=10)
    assert [r.timestamp for r in out] == [10, 20, 30, 40]


async def test_a_record_waits_for_a_partition_not_read_to_its_end() -> None:
    m = Merger([P0, P1], grace_ms=200)
    m.push({P0: [Rec(10, 0)]})
    behind = Positions({P0: 1, P1: 5}, {P0: 1, P1: 3})  # P1 has records we have not fetched
    assert await m.take(behind, now_ms=10_000, limit=10) == []
    m.push({P1: [Rec(5, 3)]})
    assert [r.timestamp for r in await m.take(behind, now_ms=10_000, limit=10)] == [5]


async def test_a_quiet_partition_holds_a_record_only_for_the_grace() -> None:
    m = Merger([P0, P1], grace_ms=200)
    m.push({P0: [Rec(1_000, 0)]})
    quiet = Positions({P0: 1, P1: 4}, {P0: 1, P1: 4})  # P1 read to its end
    assert await m.take(quiet, now_ms=1_100, limit=10) == []
    assert len(await m.take(quiet, now_ms=1_200, limit=10)) == 1


def test_every_partition_goes_to_one_member_and_stays_with_it() -> None:
    class Cluster:
        def partitions_for_topic(self, topic: str) -> set[int]:
            return {0, 1, 2}

    def meta(owning: bool) -> ConsumerProtocolMemberMetadata:
        return ConsumerProtocolMemberMetadata(0, ["t"], b"1" if owning else b"0")

    fresh = AllToOne.assign(Cluster(), {"b": meta(False), "a": meta(False)})  # type: ignore[arg-type]
    assert [len(fresh[m].partitions()) for m in ("a", "b")] == [3, 0]
    sticky = AllToOne.assign(Cluster(), {"a": meta(False), "b": meta(True)})  # type: ignore[arg-type]
    assert [len(sticky[m].partitions()) for m in ("a", "b")] == [0, 3]
