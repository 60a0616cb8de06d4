"""What `newsflow stack` runs: Kafka, Elasticsearch and the three services, and how each is checked."""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import httpx

from newsflow_cli.processes import StackError, free_port

REPO = Path(__file__).resolve().parents[2]
DEPLOY = Path(os.environ.get("NEWSFLOW_DEPLOY_DIR", REPO / "deploy"))
JVM_DIRS = Path("/usr/lib/jvm")


def _port_of(address: str) -> int:
    return int(address.rstrip("/").rsplit(":", 1)[1])


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
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> StackConfig:
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
        )

    @classmethod
    def on_free_ports(cls, state_dir: Path, lib_dir: Path, **overrides: Any) -> StackConfig:
        """A stack beside any other (tests, benchmarks): every port free, its own state dir."""
        ports = {f.name: free_port() for f in fields(cls) if f.name.endswith("_port")}
        return cls(state_dir=state_dir, lib_dir=lib_dir, **(ports | overrides))

    @property
    def kafka_bootstrap(self) -> str:
        return f"127.0.0.1:{self.kafka_port}"

    @property
    def es_url(self) -> str:
        return f"http://127.0.0.1:{self.es_port}"

    def service_env(self) -> dict[str, str]:
        """The environment every service process gets: the ports of this stack."""
        env = dict(os.environ)
        env.update(
            NEWSFLOW_KAFKA_BOOTSTRAP=self.kafka_bootstrap,
            NEWSFLOW_ES_URL=self.es_url,
            NEWSFLOW_INGEST_PORT=str(self.ingest_port),
            NEWSFLOW_SEARCH_PORT=str(self.search_port),
            NEWSFLOW_ENRICH_PORT=str(self.enrich_port),
            NEWSFLOW_STATE_DIR=str(self.state_dir),
        )
        env.update(self.extra_env)
        return env


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


class Kafka(Component):
    name = "kafka"
    startup_timeout = 90.0

    @property
    def home(self) -> Path:
        return self.config.state_dir / "kafka"

    def ports(self) -> list[int]:
        return [self.config.kafka_port, self.config.kafka_controller_port]

    def where(self) -> str:
        return self.config.kafka_bootstrap

    def prepare(self) -> None:
        c = self.config
        data = self.home / "data"
        data.mkdir(parents=True, exist_ok=True)
        props = (DEPLOY / "kafka" / "server.properties").read_text().format(
            port=c.kafka_port, controller_port=c.kafka_controller_port, data_dir=data
        )
        (self.home / "server.properties").write_text(props)
        if not (data / "meta.properties").exists():
            cluster_id = "-"
            while cluster_id.startswith("-"):  # as Kafka's Uuid does: "-..." reads as an option
                cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
            done = subprocess.run(
                [java_bin(), "-cp", f"{c.lib_dir / 'kafka'}/*", "kafka.tools.StorageTool",
                 "format", "--standalone", "-t", cluster_id,
                 "-c", str(self.home / "server.properties")],
                capture_output=True, text=True,
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
        return asyncio.run(kafka_ready(self.config.kafka_bootstrap))


async def kafka_ready(bootstrap: str) -> tuple[bool, str]:
    """True when the broker answers a metadata request."""
    from aiokafka.client import AIOKafkaClient

    client = AIOKafkaClient(bootstrap_servers=bootstrap, request_timeout_ms=2000)
    try:
        await client.bootstrap()
        brokers = client.cluster.brokers()
        return (bool(brokers), f"{len(brokers)} broker(s)")
    except Exception as exc:  # any failure just means "not yet"
        return False, f"broker metadata: {type(exc).__name__}: {exc}"
    finally:
        await client.close()


class Elasticsearch(Component):
    name = "elasticsearch"
    startup_timeout = 180.0

    @property
    def home(self) -> Path:
        return self.config.state_dir / "elasticsearch"

    def ports(self) -> list[int]:
        return [self.config.es_port, self.config.es_transport_port]

    def where(self) -> str:
        return self.config.es_url

    def prepare(self) -> None:
        (self.home / "data").mkdir(parents=True, exist_ok=True)

    def argv(self) -> list[str]:
        from newsflow_cli import fetch

        return fetch.elasticsearch_argv(
            java=java_bin(fetch.ES_JAVA_MAJOR),
            lib=self.config.lib_dir,
            home=self.home,
            logs=self.config.state_dir / "logs",
            http_port=self.config.es_port,
            transport_port=self.config.es_transport_port,
        )

    def check(self) -> tuple[bool, str]:
        try:
            r = httpx.get(f"{self.config.es_url}/_cluster/health", timeout=2.0)
            status = r.json().get("status")
        except (httpx.HTTPError, ValueError) as exc:
            return False, f"cluster health: {type(exc).__name__}"
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


class Search(Service):
    name = "search"
    module = "newsflow_search"

    def port(self) -> int:
        return self.config.search_port


INFRA = ("kafka", "elasticsearch")
SERVICES = ("enrich", "search", "ingest")
ALL = INFRA + SERVICES
CLASSES: dict[str, type[Component]] = {
    "kafka": Kafka,
    "elasticsearch": Elasticsearch,
    "enrich": Enrich,
    "search": Search,
    "ingest": Ingest,
}
