"""What `newsflow stack status` tells about a cluster: who leads which partition, where shards are."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import httpx

from newsflow_cli.stack import Stack


async def partitions(bootstrap: str, topic: str) -> list[dict[str, Any]]:
    """The partitions of `topic` as the controller describes them: leader, replicas, isr."""
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000)
    await admin.start()
    try:
        [described] = await admin.describe_topics([topic])
        return sorted(described["partitions"], key=lambda p: p["partition"])
    finally:
        await admin.close()


def leader_counts(parts: list[dict[str, Any]]) -> Counter[int]:
    """Partitions led per broker id (-1: no leader)."""
    return Counter(p["leader"] for p in parts)


def kafka_lines(stack: Stack) -> list[str]:
    from newsflow_contracts import topics

    lines = []
    for topic in topics.ALL:
        try:
            parts = asyncio.run(partitions(stack.config.kafka_bootstrap, topic))
        except Exception as exc:  # noqa: BLE001 - a report line, not a failure: the table shows what is down
            lines.append(f"  {topic}: cannot describe ({type(exc).__name__}: {exc})")
            continue
        leaders = leader_counts(parts)
        led = ", ".join(f"kafka-{b} x{n}" if b >= 0 else f"NO LEADER x{n}"
                        for b, n in sorted(leaders.items()))  # fmt: skip
        short = sum(len(p["isr"]) < len(p["replicas"]) for p in parts)
        replicas = len(parts[0]["replicas"]) if parts else 0
        lines.append(f"  {topic}: {len(parts)} partitions x {replicas} replicas; leaders {led}; "
                     f"{short} under-replicated")  # fmt: skip
    return lines


def es_lines(stack: Stack) -> list[str]:
    lines = []
    for url in stack.config.es_url.split(","):
        try:
            shards = httpx.get(f"{url}/_cat/shards", params={"format": "json", "h":
                               "index,shard,prirep,state,node,docs"}, timeout=5).json()  # fmt: skip
        except (httpx.HTTPError, ValueError):
            continue  # this node is down: ask the next one
        for s in sorted(shards, key=lambda s: (s["index"], s["shard"], s["prirep"])):
            if s["index"].startswith("."):
                continue
            kind = "primary" if s["prirep"] == "p" else "replica"
            lines.append(f"  {s['index']}[{s['shard']}] {kind}: {s['state']} on "
                         f"{s['node'] or '-'} ({s['docs'] or 0} docs)")  # fmt: skip
        return lines
    return ["  no Elasticsearch data node answers"]


def report(stack: Stack) -> list[str]:
    return ["Kafka partitions:", *kafka_lines(stack),
            "Elasticsearch shards:", *es_lines(stack)]  # fmt: skip
