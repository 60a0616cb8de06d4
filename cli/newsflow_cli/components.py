"""What `newsflow stack` runs: Kafka, Elasticsearch and the services, and how each is checked."""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import httpx

from newsflow_cli.config import (  # noqa: F401  (StackConfig and REPO: where they always were)
    CLUSTER_MARK,
    REPO,
    Node,
    StackConfig,
)
from newsflow_cli.processes import StackError

DEPLOY = Path(os.environ.get("NEWSFLOW_DEPLOY_DIR", REPO / "deploy"))
JVM_DIRS = Path("/usr/lib/jvm")


def java_bin(min_major: int = 17) -> str:
    """A java binary of at least `min_major`: $JAVA_HOME, then PATH, then the JDKs in /usr/lib/jvm."""
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    if shutil.which("java"):
        candidates.append(Path(shutil.which("java") or "java"))
    candidates += sorted(JVM_DIRS.glob("*/bin/java"), reverse=True)
    for java in candidates:
        if java.exists() and _java_major(java) >= min_major:
            return str(java)
    raise StackError(
        f"Java {min_major}+ is needed to run Kafka and Elasticsearch and none was found "
        "(set JAVA_HOME, or install it, e.g. `apt-get install openjdk-17-jre-headless`)."
    )


def _java_major(java: Path) -> int:
    release = java.resolve().parents[1] / "release"
    try:
        for line in release.read_text().splitlines():
            if line.startswith("JAVA_VERSION="):
                version = line.split("=", 1)[1].strip('"')
                return int(version.split(".")[0])
    except (FileNotFoundError, ValueError):
        pass
    return 0


# Formatting a Kafka node's storage is a JVM run of a few seconds: C1's code is ready sooner than
# C2's. One format alone, load average ~20 (two runs each): 20.8 / 19.6 s wall, 2.6 / 2.7 s user
# CPU by default; 14.2 / 12.3 s, 1.6 / 1.6 s with C1 only.
FORMAT_JVM = ("-XX:TieredStopAtLevel=1",)
_CLUSTER_ID_LOCK = threading.Lock()


class Component:
    name: str = ""
    startup_timeout: float = 120.0

    def __init__(self, config: StackConfig) -> None:
        self.config = config

    def ports(self) -> list[int]:
        raise NotImplementedError

    def prepare(self) -> None:
        """One-time set-up before the first start (config files, storage format)."""

    def argv(self) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        return self.config.service_env()

    def check(self) -> tuple[bool, str]:
        raise NotImplementedError

    def where(self) -> str:
        raise NotImplementedError

    def role(self) -> str:
        return "service"


class ServerNode(Component):
    """One server process (a Kafka broker, an Elasticsearch node): its own ports and home."""

    def __init__(self, config: StackConfig, node: Node) -> None:
        super().__init__(config)
        self.node = node
        self.name = node.name

    @property
    def home(self) -> Path:
        return self.config.state_dir / self.name

    def ports(self) -> list[int]:
        return [self.node.port, self.node.peer_port]


class Kafka(ServerNode):
    """One Kafka broker+controller: the single node, or node `index` (1-3) of the cluster."""

    name = "kafka"
    startup_timeout = 90.0

    def __init__(self, config: StackConfig, index: int = 1) -> None:
        super().__init__(config, config.kafka_nodes()[index - 1])
        self.index = index

    def where(self) -> str:
        return f"127.0.0.1:{self.node.port}"

    def role(self) -> str:
        return f"broker+controller, node.id {self.index}"

    def properties(self, data: Path) -> str:
        c, nodes = self.config, self.config.kafka_nodes()
        if c.cluster:
            # A static quorum: every node knows the three voters, so all format the same way.
            voters = ",".join(f"{i + 1}@127.0.0.1:{n.peer_port}" for i, n in enumerate(nodes))
            quorum, replicas, min_isr = f"controller.quorum.voters={voters}", 3, 2
        else:
            quorum, replicas, min_isr = (
                f"controller.quorum.bootstrap.servers=127.0.0.1:{self.node.peer_port}",
                1,
                1,
            )
        return (DEPLOY / "kafka" / "server.properties").read_text().format(
            node_id=self.index, quorum=quorum, port=self.node.port,
            controller_port=self.node.peer_port, data_dir=data, partitions=c.topic_partitions,
            replicas=replicas, min_isr=min_isr,
        )  # fmt: skip

    def cluster_id(self) -> str:
        """One id for every node of a cluster, kept beside their homes (the nodes prepare side
        by side: the first to ask writes it, under a lock, and the others read it)."""
        shared = self.config.state_dir / "kafka-cluster.id"
        with _CLUSTER_ID_LOCK:
            if self.config.cluster and shared.exists():
                return shared.read_text().strip()
            cluster_id = "-"
            while cluster_id.startswith("-"):  # as Kafka's Uuid does: "-..." reads as an option
                cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
            if self.config.cluster:
                shared.parent.mkdir(parents=True, exist_ok=True)
                shared.write_text(cluster_id)
            return cluster_id

    def prepare(self) -> None:
        c = self.config
        data = self.home / "data"
        data.mkdir(parents=True, exist_ok=True)
        (self.home / "server.properties").write_text(self.properties(data))
        if not (data / "meta.properties").exists():
            standalone = [] if c.cluster else ["--standalone"]
            done = subprocess.run(
                [java_bin(), *FORMAT_JVM, "-cp", f"{c.lib_dir / 'kafka'}/*", "kafka.tools.StorageTool",
                 "format", *standalone, "-t", self.cluster_id(),
                 "-c", str(self.home / "server.properties")],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode != 0:
                raise StackError(f"formatting Kafka's log dir failed:\n{done.stdout}{done.stderr}")

    def argv(self) -> list[str]:
        return [
            java_bin(),
            "-Xms256m",
            "-Xmx512m",
            f"-Dlog4j2.configurationFile={DEPLOY / 'kafka' / 'log4j2.properties'}",
            "-cp",
            f"{self.config.lib_dir / 'kafka'}/*",
            "kafka.Kafka",
            str(self.home / "server.properties"),
        ]

    def check(self) -> tuple[bool, str]:
        return asyncio.run(kafka_ready(self.where(), self.index if self.config.cluster else None))


async def kafka_ready(bootstrap: str, node_id: int | None = None) -> tuple[bool, str]:
    """True when the broker answers a metadata request (and, given `node_id`, lists that node
    among the live brokers: a restarted cluster node counts once the controller unfenced it)."""
    from aiokafka.client import AIOKafkaClient

    client = AIOKafkaClient(bootstrap_servers=bootstrap, request_timeout_ms=2000)
    try:
        await client.bootstrap()
        brokers = {b.nodeId for b in client.cluster.brokers()}
        ok = bool(brokers) and (node_id is None or node_id in brokers)
        return ok, f"{len(brokers)} broker(s) live"
    except Exception as exc:  # noqa: BLE001 - any failure just means "not yet"
        return False, f"broker metadata: {type(exc).__name__}: {exc}"
    finally:
        await client.close()


class Elasticsearch(ServerNode):
    """One Elasticsearch node: the single node, or node `index` (1-3) of the cluster."""

    name = "elasticsearch"
    startup_timeout = 180.0

    def __init__(self, config: StackConfig, index: int = 1) -> None:
        super().__init__(config, config.es_nodes()[index - 1])

    def where(self) -> str:
        return f"http://127.0.0.1:{self.node.port}"

    def role(self) -> str:
        return "master-eligible, data" if "data" in self.node.role else "master-eligible only"

    def prepare(self) -> None:
        (self.home / "data").mkdir(parents=True, exist_ok=True)

    def argv(self) -> list[str]:
        from newsflow_cli import fetch

        nodes = self.config.es_nodes()
        cluster = {
            "node_name": self.name,
            "seed_hosts": ",".join(f"127.0.0.1:{n.peer_port}" for n in nodes),
            "initial_master_nodes": ",".join(n.name for n in nodes),
            "roles": self.node.role,
            # The tie-breaker holds no shards and serves no searches: a small heap is enough.
            "heap": "512m" if "data" in self.node.role else "256m",
        }
        return fetch.elasticsearch_argv(
            java=java_bin(fetch.ES_JAVA_MAJOR),
            lib=self.config.lib_dir,
            home=self.home,
            logs=self.config.state_dir / "logs",
            http_port=self.node.port,
            transport_port=self.node.peer_port,
            **(cluster if self.config.cluster else {}),
        )

    def check(self) -> tuple[bool, str]:
        # Asked of this node, answered by the elected master: a node counts once it has joined.
        url = f"{self.where()}/_cluster/health?timeout=1s&master_timeout=1s"
        try:
            health = httpx.get(url, timeout=3.0).json()
            status = health.get("status")
        except (httpx.HTTPError, ValueError) as exc:
            return False, f"cluster health: {type(exc).__name__}"
        if self.config.cluster:
            nodes = health.get("number_of_nodes")
            return status in ("yellow", "green"), f"cluster health {status}, {nodes} node(s)"
        return status in ("yellow", "green"), f"cluster health {status}"


class Service(Component):
    """One of our Python services: `python -m <module>`, healthy when /healthz answers 200."""

    module: str = ""
    startup_timeout = 120.0

    def port(self) -> int:
        raise NotImplementedError

    def ports(self) -> list[int]:
        return [self.port()]

    def where(self) -> str:
        return f"http://127.0.0.1:{self.port()}"

    def argv(self) -> list[str]:
        return [sys.executable, "-m", self.module]

    def check(self) -> tuple[bool, str]:
        try:
            r = httpx.get(f"{self.where()}/healthz", timeout=2.0)
        except httpx.HTTPError as exc:
            return False, f"/healthz: {type(exc).__name__}"
        return r.status_code == 200, f"/healthz {r.status_code} {r.text[:200]}"


class Ingest(Service):
    name = "ingest"
    module = "newsflow_ingest"

    def port(self) -> int:
        return self.config.ingest_port


class Enrich(Service):
    name = "enrich"
    module = "newsflow_enrich"
    startup_timeout = 180.0  # loads the spaCy model

    def port(self) -> int:
        return self.config.enrich_port


class Stories(Service):
    name = "stories"
    module = "newsflow_stories"

    def port(self) -> int:
        return self.config.stories_port


class Search(Service):
    name = "search"
    module = "newsflow_search"

    def port(self) -> int:
        return self.config.search_port

    def env(self) -> dict[str, str]:
        # The story indexer runs apart (StoryIndexer); the caller's environment may say otherwise.
        return {"NEWSFLOW_SEARCH_RUN_STORY_INDEXER": "false"} | super().env()


class StoryIndexer(Service):
    """The search service's story indexer (topic `stories` -> the stories index) in a process of
    its own: on the search process's event loop a story update waited behind the article
    indexer's CPU work and was visible seconds after its article (bench/README, issue 13)."""

    name = "story-indexer"
    module = "newsflow_search"

    def port(self) -> int:
        return self.config.story_indexer_port

    def argv(self) -> list[str]:
        return [*super().argv(), "indexer", "stories"]

    def env(self) -> dict[str, str]:
        return super().env() | {"NEWSFLOW_SEARCH_INDEXER_PORT": str(self.port())}

    def role(self) -> str:
        return "search: the story indexer"


INFRA = ("kafka", "elasticsearch")
SERVICES = ("enrich", "stories", "search", "story-indexer", "ingest")
ALL = INFRA + SERVICES
CLASSES: dict[str, type[Component]] = {
    "kafka": Kafka,
    "elasticsearch": Elasticsearch,
    "enrich": Enrich,
    "stories": Stories,
    "search": Search,
    "story-indexer": StoryIndexer,
    "ingest": Ingest,
}


def component(config: StackConfig, name: str) -> Component:
    """A component by name; `kafka-2` is node 2 of the cluster's brokers."""
    kind, _, index = name.partition("-")
    if kind in INFRA and index:
        return CLASSES[kind](config, int(index))  # type: ignore[call-arg]
    return CLASSES[name](config)


def expand(config: StackConfig, names: list[str]) -> list[str]:
    """Process names, in order: `kafka` is every broker, `elasticsearch` every node."""
    nodes = {"kafka": config.kafka_nodes(), "elasticsearch": config.es_nodes()}
    return [x for name in names
            for x in ([n.name for n in nodes[name]] if name in nodes else [name])]  # fmt: skip
