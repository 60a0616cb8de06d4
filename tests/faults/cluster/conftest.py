"""One real cluster for every test in this package: three Kafka brokers (replication 3, min ISR
2), two Elasticsearch data nodes and a master-only one, and the services, started with the code of
`newsflow stack up --cluster` on free ports. The tests kill its nodes; each leaves it whole."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator

import pytest
from newsflow_cli.components import ALL, StackConfig, expand
from newsflow_cli.processes import port_free
from newsflow_cli.stack import Stack

from tests.conftest import _lib_dir
from tests.stacks import FAST_JVM, up_side_by_side

ENV = {
    # A POST waits this long for Kafka's ack before 503: a client learns fast that a
    # partition has no leader, and retries.
    "NEWSFLOW_INGEST_PUBLISH_TIMEOUT_S": "3",
    # One spaCy process per worker: three workers share two cores in test_4.
    "NEWSFLOW_ENRICH_PROCESSES": "1",
    # A SIGKILLed worker's partitions move on after 10 s, not faust's default 60 s.
    "NEWSFLOW_ENRICH_SESSION_TIMEOUT_S": "10",
}


@pytest.fixture(scope="package")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    config = StackConfig.on_free_ports(tmp_path_factory.mktemp("cluster"), _lib_dir(),
                                       cluster=True, extra_env=FAST_JVM | ENV)  # fmt: skip
    stack = Stack(config, say=lambda m: print(f"[cluster] {m}"))
    try:
        up_side_by_side(stack)
        yield stack
    finally:
        stack.down()


@pytest.fixture
def kill(cluster: Stack) -> Iterator[Callable[[str], float]]:
    """SIGKILL one process of the cluster by name (returns when). After the test, whatever of
    the cluster is not running starts again: a test that fails before it restarted its victim
    (a broker, once) no longer fails the package's later tests with it."""

    def sigkill(name: str) -> float:
        pid = cluster.managed(name).pid()
        assert pid is not None, f"{name} is not running"
        os.killpg(pid, signal.SIGKILL)
        return time.monotonic()

    yield sigkill
    names = expand(cluster.config, list(ALL))
    down = [n for n in names if cluster.managed(n).pid() is None]
    if down:
        print(f"[cluster] {down} not running after the test: starting them again")
        deadline = time.monotonic() + 30  # a SIGKILLed JVM's threads still hold its ports
        while time.monotonic() < deadline and not all(
            port_free(p) for n in down for p in cluster.component(n).ports()
        ):
            time.sleep(0.5)
        cluster.up(down)
