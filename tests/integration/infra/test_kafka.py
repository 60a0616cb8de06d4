"""The real broker: acks=all round trip, and a consumer group that commits and resumes."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from tests.kafka_io import create_topic


async def _consume(bootstrap: str, topic: str, group: str, n: int) -> list[tuple[bytes, bytes]]:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    got: list[tuple[bytes, bytes]] = []
    try:
        while len(got) < n:
            batch = await consumer.getmany(timeout_ms=10_000, max_records=n - len(got))
            if not batch:
                break
            got += [(m.key, m.value) for msgs in batch.values() for m in msgs]
        await consumer.commit()
    finally:
        await consumer.stop()
    return got


async def test_round_trip_with_acks_all_and_idempotence(kafka_bootstrap: str, unique: str) -> None:
    topic = f"t.roundtrip.{unique}"
    await create_topic(kafka_bootstrap, topic)
    producer = AIOKafkaProducer(
        bootstrap_servers=kafka_bootstrap, acks="all", enable_idempotence=True
    )
    await producer.start()
    try:
        sent = [(f"k{i}".encode(), f"v{i}".encode()) for i in range(20)]
        for key, value in sent:
            meta = await producer.send_and_wait(topic, value, key=key)
            assert meta.offset >= 0
    finally:
        await producer.stop()
    got = await _consume(kafka_bootstrap, topic, f"g.{unique}", len(sent))
    assert sorted(got) == sorted(sent)


async def test_consumer_group_commits_and_resumes(kafka_bootstrap: str, unique: str) -> None:
    topic, group = f"t.resume.{unique}", f"g.{unique}"
    await create_topic(kafka_bootstrap, topic, partitions=1)
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    await producer.start()
    try:
        for i in range(10):
            await producer.send_and_wait(topic, str(i).encode())
        first = await _consume(kafka_bootstrap, topic, group, 6)
        for i in range(10, 15):
            await producer.send_and_wait(topic, str(i).encode())
    finally:
        await producer.stop()
    rest = await _consume(kafka_bootstrap, topic, group, 9)
    assert [v for _, v in first] == [str(i).encode() for i in range(6)]
    # The group resumes after its committed offset: nothing re-read, nothing skipped.
    assert [v for _, v in rest] == [str(i).encode() for i in range(6, 15)]
