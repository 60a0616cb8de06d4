"""Ports and directories of one local stack: a single node of each server, or the cluster."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from newsflow_cli.processes import free_port

REPO = Path(__file__).resolve().parents[2]
CLUSTER_MARK = "cluster"  # under <state>/run while `stack up --cluster` runs


def _port_of(address: str) -> int:
    """The port of an address, or of the first one of a comma-separated list."""
    return int(address.split(",")[0].strip().rstrip("/").rsplit(":", 1)[1])


@dataclass(frozen=True)
class Node:
    """One server process: its component name, client port, peer port and what it does."""

    name: str
    port: int  # Kafka's listener, Elasticsearch's HTTP
    peer_port: int  # KRaft controller, Elasticsearch transport
    role: str


KAFKA_NODES = 3
# Two data nodes and a master-only tie-breaker: with two master-eligible nodes the survivor of
# either death is a minority of two and the cluster stops; with three any one can die.
ES_NODES = (("1", "master,data"), ("2", "master,data"), ("3", "master"))


@dataclass
class StackConfig:
    """Ports and directories of one local stack (the defaults of CONTRACT.md, or free ones in tests)."""

    state_dir: Path
    lib_dir: Path
    kafka_port: int = 9092
    kafka_controller_port: int = 9093
    es_port: int = 9200
    es_transport_port: int = 9300
    ingest_port: int = 8001
    search_port: int = 8002
    enrich_port: int = 8003
    stories_port: int = 8004
    story_indexer_port: int = 8005
    extra_env: dict[str, str] = field(default_factory=dict)
    # Three brokers and two (+1) Elasticsearch nodes instead of one of each (`stack up --cluster`).
    cluster: bool = False
    # Ports of the cluster nodes after the first (name -> (port, peer port)); when absent they
    # follow the first node's: Kafka 9094/9095 and 9096/9097, Elasticsearch 9201/9301, 9202/9302.
    node_ports: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Partitions of the contract's topics: what bounds the consumers that share a topic.
    partitions: int | None = None

    @classmethod
    def from_env(cls, cluster: bool = False) -> StackConfig:
        from newsflow_contracts.settings import StackSettings

        s = StackSettings()
        state = Path(s.state_dir)
        if not state.is_absolute():
            state = REPO / state
        kafka_port = _port_of(s.kafka_bootstrap)
        es_port = _port_of(s.es_url)
        return cls(
            state_dir=state,
            lib_dir=Path(os.environ.get("NEWSFLOW_LIB_DIR", state / "lib")),
            kafka_port=kafka_port,
            kafka_controller_port=int(
                os.environ.get("NEWSFLOW_KAFKA_CONTROLLER_PORT", kafka_port + 1)
            ),
            es_port=es_port,
            es_transport_port=int(os.environ.get("NEWSFLOW_ES_TRANSPORT_PORT", es_port + 100)),
            ingest_port=s.ingest_port,
            search_port=s.search_port,
            enrich_port=s.enrich_port,
            stories_port=s.stories_port,
            story_indexer_port=s.story_indexer_port,
            cluster=cluster or (state / "run" / CLUSTER_MARK).exists(),
            partitions=int(os.environ["NEWSFLOW_KAFKA_PARTITIONS"])
            if os.environ.get("NEWSFLOW_KAFKA_PARTITIONS")
            else None,
        )

    @classmethod
    def on_free_ports(cls, state_dir: Path, lib_dir: Path, **overrides: Any) -> StackConfig:
        """A stack beside any other (tests, benchmarks): every port free, its own state dir."""
        ports: dict[str, Any] = {
            f.name: free_port() for f in fields(cls) if f.name.endswith("_port")
        }
        if overrides.get("cluster"):
            names = [f"kafka-{i}" for i in range(2, KAFKA_NODES + 1)]
            names += [f"elasticsearch-{n}" for n, _ in ES_NODES[1:]]
            ports["node_ports"] = {n: (free_port(), free_port()) for n in names}
        return cls(state_dir=state_dir, lib_dir=lib_dir, **(ports | overrides))

    def _node(self, name: str, first: tuple[int, int], step: int, i: int, role: str) -> Node:
        port, peer = self.node_ports.get(name, (first[0] + step * i, first[1] + step * i))
        return Node(name, port, peer, role)

    def kafka_nodes(self) -> list[Node]:
        first = (self.kafka_port, self.kafka_controller_port)
        if not self.cluster:
            return [Node("kafka", *first, "broker,controller")]
        return [self._node(f"kafka-{i + 1}", first, 2, i, "broker,controller")
                for i in range(KAFKA_NODES)]  # fmt: skip

    def es_nodes(self) -> list[Node]:
        first = (self.es_port, self.es_transport_port)
        if not self.cluster:
            return [Node("elasticsearch", *first, "master,data")]
        return [self._node(f"elasticsearch-{n}", first, 1, i, role)
                for i, (n, role) in enumerate(ES_NODES)]  # fmt: skip

    @property
    def topic_partitions(self) -> int:
        return self.partitions or (6 if self.cluster else 2)

    @property
    def kafka_bootstrap(self) -> str:
        """Every broker: a client that finds one of them down bootstraps from another."""
        return ",".join(f"127.0.0.1:{n.port}" for n in self.kafka_nodes())

    @property
    def es_url(self) -> str:
        """Every data node (the master-only node serves no searches)."""
        return ",".join(f"http://127.0.0.1:{n.port}" for n in self.es_nodes() if "data" in n.role)

    def service_env(self) -> dict[str, str]:
        """The environment every service process gets: the ports of this stack."""
        env = dict(os.environ)
        env.update(
            NEWSFLOW_KAFKA_BOOTSTRAP=self.kafka_bootstrap,
            NEWSFLOW_ES_URL=self.es_url,
            NEWSFLOW_INGEST_PORT=str(self.ingest_port),
            NEWSFLOW_SEARCH_PORT=str(self.search_port),
            NEWSFLOW_ENRICH_PORT=str(self.enrich_port),
            NEWSFLOW_STORIES_PORT=str(self.stories_port),
            NEWSFLOW_STORY_INDEXER_PORT=str(self.story_indexer_port),
            NEWSFLOW_STATE_DIR=str(self.state_dir),
        )
        env.update(self.extra_env)
        return env
