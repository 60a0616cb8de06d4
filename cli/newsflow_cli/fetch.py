"""Fetch the servers' jars from Maven Central (cached) and build the Elasticsearch launcher."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from newsflow_cli.components import DEPLOY, java_bin
from newsflow_cli.processes import StackError

ES_JAVA_MAJOR = 17
ES_LAUNCHER_CLASS = "NewsflowElasticsearch"


def _digest(*files: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()


def _mvn() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise StackError(
            "Maven (`mvn`) is needed once to fetch the Kafka and Elasticsearch jars from Maven "
            "Central and was not found (install it, e.g. `apt-get install maven`)."
        )
    return mvn


def _copy_dependencies(pom: Path, out: Path, say: Callable[[str], None]) -> bool:
    """Resolve `pom`'s dependencies into `out`, unless `out` already holds that pom's jars."""
    marker = out / ".pom.sha256"
    digest = _digest(pom)
    if marker.exists() and marker.read_text() == digest:
        return False
    say(f"fetching {pom.parent.name} jars from Maven Central into {out} ...")
    started = time.monotonic()
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    done = subprocess.run(
        [_mvn(), "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
         f"-DoutputDirectory={tmp}"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise StackError(f"mvn failed for {pom}:\n{(done.stdout + done.stderr)[-3000:]}")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)  # all or nothing: a broken download never looks cached
    marker.write_text(digest)
    say(f"  {len(list(out.glob('*.jar')))} jars in {time.monotonic() - started:.1f}s")
    return True


def fetch_all(
    lib: Path, say: Callable[[str], None] = print, parts: Iterable[str] = ("kafka", "elasticsearch")
) -> None:
    lib.mkdir(parents=True, exist_ok=True)
    for part in parts:
        _copy_dependencies(DEPLOY / part / "pom.xml", lib / part, say)
    if "elasticsearch" in parts:
        _build_launcher(lib, say)


def _build_launcher(lib: Path, say: Callable[[str], None]) -> None:
    src = DEPLOY / "elasticsearch" / "src" / f"{ES_LAUNCHER_CLASS}.java"
    out = lib / "es-launcher"
    marker = out / ".src.sha256"
    digest = _digest(src)
    if marker.exists() and marker.read_text() == digest:
        return
    javac = Path(java_bin(ES_JAVA_MAJOR)).with_name("javac")
    if not javac.exists():
        raise StackError(f"javac is needed to build the Elasticsearch launcher ({javac} missing)")
    say("building the Elasticsearch launcher ...")
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        [str(javac), "-cp", f"{lib / 'elasticsearch'}/*", "-d", str(out), str(src)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise StackError(f"javac failed:\n{done.stdout}{done.stderr}")
    marker.write_text(digest)


def elasticsearch_argv(
    *, java: str, lib: Path, home: Path, logs: Path, http_port: int, transport_port: int,
    heap: str = "512m", node_name: str | None = None, seed_hosts: str | None = None,
    initial_master_nodes: str | None = None, roles: str | None = None,
) -> list[str]:  # fmt: skip
    """The launcher's command line (deploy/elasticsearch/README.md explains each flag); the
    keywords after `heap` make the node one of a cluster."""
    cluster = {"node-name": node_name, "seed-hosts": seed_hosts,
               "initial-master-nodes": initial_master_nodes, "roles": roles}  # fmt: skip
    return [
        java,
        f"-Xms{heap}",
        f"-Xmx{heap}",
        "-XX:+UseG1GC",
        "-Xss1m",
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8",
        "-Djava.locale.providers=SPI,COMPAT",
        "-Dio.netty.noUnsafe=true",
        "-Dio.netty.noKeySetOptimization=true",
        "-Dio.netty.recycler.maxCapacityPerThread=0",
        "-XX:+ExitOnOutOfMemoryError",
        "-cp",
        f"{lib / 'elasticsearch'}/*:{lib / 'es-launcher'}",
        ES_LAUNCHER_CLASS,
        "--http-port", str(http_port),
        "--transport-port", str(transport_port),
        "--data", str(home / "data"),
        "--logs", str(logs / "elasticsearch"),
        "--cluster-name", "newsflow",
        *(arg for k, v in cluster.items() if v for arg in (f"--{k}", v)),
    ]  # fmt: skip
