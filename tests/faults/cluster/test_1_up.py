"""`stack up --cluster`: every node, its role, replication and allocation as promised."""

from __future__ import annotations

import asyncio
import time

import httpx
from newsflow_cli.cluster import partitions, report
from newsflow_cli.components import SERVICES
from newsflow_cli.stack import Stack
from newsflow_contracts import topics


def test_every_node_runs_in_its_role_and_a_second_up_is_a_no_op(cluster: Stack) -> None:
    deadline = time.monotonic() + 60  # a health check can time out on a loaded machine
    statuses = {s.name: s for s in cluster.status()}
    while not all(s.healthy for s in statuses.values()) and time.monotonic() < deadline:
        time.sleep(2)
        statuses = {s.name: s for s in cluster.status()}
    nodes = ["kafka-1", "kafka-2", "kafka-3", "elasticsearch-1", "elasticsearch-2",
             "elasticsearch-3", *SERVICES]  # fmt: skip
    assert list(statuses) == nodes
    assert [s.name for s in statuses.values() if not (s.healthy and s.pid)] == [], statuses
    assert statuses["elasticsearch-3"].role == "master-eligible only"
    assert len({s.where for s in statuses.values()}) == len(nodes)  # ports of their own
    assert cluster.up() == {}  # all running: nothing started
    print(f"cluster RSS: {sum(s.rss_mb or 0 for s in statuses.values()):.0f} MB", statuses)


def test_services_get_every_broker_and_data_node(cluster: Stack) -> None:
    env = cluster.component("ingest").env()
    assert env["NEWSFLOW_KAFKA_BOOTSTRAP"].count(",") == 2
    assert env["NEWSFLOW_ES_URL"].count(",") == 1  # the data nodes, not the tie-breaker


def test_topics_are_replicated_three_times_with_two_in_sync_required(cluster: Stack) -> None:
    for topic in (topics.RAW, topics.ENRICHED):
        parts = asyncio.run(partitions(cluster.config.kafka_bootstrap, topic))
        assert len(parts) == 6
        assert all(len(p["replicas"]) == 3 and len(p["isr"]) == 3 for p in parts), parts
        assert {p["leader"] for p in parts} == {1, 2, 3}  # leadership is spread
    first = cluster.component("kafka-1").where()
    props = (cluster.config.state_dir / "kafka-1" / "server.properties").read_text()
    assert "min.insync.replicas=2" in props and first.endswith(str(cluster.config.kafka_port))


def test_the_articles_index_has_a_replica_on_the_other_data_node(cluster: Stack) -> None:
    url = cluster.config.es_url.split(",")[0]
    nodes = httpx.get(f"{url}/_cat/nodes", params={"format": "json", "h": "name,node.role"}).json()
    assert sorted(n["name"] for n in nodes) == ["elasticsearch-1", "elasticsearch-2",
                                                "elasticsearch-3"]  # fmt: skip
    health = httpx.get(f"{url}/_cluster/health/articles", params={
        "wait_for_status": "green", "timeout": "30s"}).json()  # fmt: skip
    assert health["status"] == "green", health
    shards = httpx.get(f"{url}/_cat/shards/articles", params={"format": "json"}).json()
    assert sorted(s["prirep"] for s in shards) == ["p", "r"]
    assert {s["node"] for s in shards} == {"elasticsearch-1", "elasticsearch-2"}
    lines = report(cluster)
    assert any(line.startswith("  articles.raw: 6 partitions x 3 replicas") for line in lines)
    assert any("replica: STARTED on elasticsearch-" in line for line in lines), lines
