"""One real cluster for every test in this package: three Kafka brokers (replication 3, min ISR
2), two Elasticsearch data nodes and a master-only one, and the services, started with the code of
`newsflow stack up --cluster` on free ports. The tests kill its nodes; each leaves it whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from newsflow_cli.components import StackConfig
from newsflow_cli.stack import Stack

from tests.conftest import _lib_dir

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
                                       cluster=True, extra_env=ENV)  # fmt: skip
    stack = Stack(config, say=lambda m: print(f"[cluster] {m}"))
    try:
        stack.up()
        yield stack
    finally:
        stack.down()
