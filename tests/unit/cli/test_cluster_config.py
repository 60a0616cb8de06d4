"""The cluster's layout: ports, node names, what every client is told, how Kafka is configured."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from elasticsearch import AsyncElasticsearch
from newsflow_cli.components import StackConfig, component, expand
from newsflow_contracts.settings import get_stack_settings, url_list


def _cluster() -> StackConfig:
    return StackConfig(Path("/nonexistent/state"), Path("/nonexistent/lib"), cluster=True)


def test_the_single_node_default_is_unchanged() -> None:
    single = StackConfig(Path("/s"), Path("/l"))
    assert (single.kafka_bootstrap, single.es_url) == ("127.0.0.1:9092", "http://127.0.0.1:9200")
    assert expand(single, ["kafka", "elasticsearch"]) == ["kafka", "elasticsearch"]
    props = component(single, "kafka").properties(Path("/d"))
    assert "controller.quorum.bootstrap.servers=127.0.0.1:9093" in props
    assert "min.insync.replicas=1" in props and "num.partitions=2" in props


def test_the_cluster_has_three_brokers_and_two_data_nodes_on_ports_of_their_own() -> None:
    c = _cluster()
    assert c.kafka_bootstrap == "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096"
    assert c.es_url == "http://127.0.0.1:9200,http://127.0.0.1:9201"
    names = expand(c, ["kafka", "elasticsearch", "ingest"])
    assert names == ["kafka-1", "kafka-2", "kafka-3", "elasticsearch-1", "elasticsearch-2",
                     "elasticsearch-3", "ingest"]  # fmt: skip
    ports = [p for n in names for p in component(c, n).ports()]
    assert len(ports) == len(set(ports))
    assert c.topic_partitions == 6


def test_every_broker_votes_and_a_write_needs_two_replicas() -> None:
    props = component(_cluster(), "kafka-2").properties(Path("/d"))
    assert "node.id=2" in props
    assert ("controller.quorum.voters=1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097"
            in props)  # fmt: skip
    assert "default.replication.factor=3" in props and "min.insync.replicas=2" in props
    assert "offsets.topic.replication.factor=3" in props


def test_the_tie_breaker_is_master_only_with_a_small_heap() -> None:
    argv = component(_cluster(), "elasticsearch-3").argv()
    assert argv[argv.index("--roles") + 1] == "master"
    assert "-Xmx256m" in argv
    assert argv[argv.index("--seed-hosts") + 1] == ("127.0.0.1:9300,127.0.0.1:9301,127.0.0.1:9302")
    single = component(StackConfig(Path("/s"), Path("/l")), "elasticsearch").argv()
    assert "--seed-hosts" not in single and "-Xmx512m" in single


def test_elasticsearch_py_gets_every_node() -> None:
    es = AsyncElasticsearch(url_list(_cluster().es_url))
    assert len(es.transport.node_pool.all()) == 2


def test_faust_gets_every_broker(monkeypatch: pytest.MonkeyPatch) -> None:
    from faust.transport.drivers.aiokafka import server_list
    from newsflow_enrich import app as enrich_app

    monkeypatch.setenv("NEWSFLOW_KAFKA_BOOTSTRAP", _cluster().kafka_bootstrap)
    get_stack_settings.cache_clear()
    try:
        app = enrich_app.create_app()
        assert server_list(app.conf.broker, 9092) == [
            "127.0.0.1:9092",
            "127.0.0.1:9094",
            "127.0.0.1:9096",
        ]
    finally:
        get_stack_settings.cache_clear()


def test_nodes_preparing_side_by_side_share_one_cluster_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`stack up` prepares (formats) the three brokers in threads of their own: they must still
    agree on one cluster id, or the quorum never forms."""
    import threading
    import time
    import uuid

    from newsflow_cli import components

    def slow_uuid4() -> uuid.UUID:  # widens the window between "no id yet" and writing one
        time.sleep(0.05)
        return uuid.UUID(bytes=os.urandom(16))

    monkeypatch.setattr(components.uuid, "uuid4", slow_uuid4)
    config = StackConfig(tmp_path, tmp_path / "lib", cluster=True)
    start, ids = threading.Barrier(3), []

    def ask(name: str) -> None:
        start.wait()
        ids.append(component(config, name).cluster_id())

    threads = [threading.Thread(target=ask, args=(f"kafka-{i}",)) for i in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 3 and len(set(ids)) == 1, ids
    assert (tmp_path / "kafka-cluster.id").read_text() == ids[0]
