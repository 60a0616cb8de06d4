"""Session fixtures: the real Kafka broker and Elasticsearch node, started once per test run.

When NEWSFLOW_KAFKA_BOOTSTRAP / NEWSFLOW_ES_URL are set, the tests use those servers instead.
Otherwise the servers start with the same code as `newsflow stack`, on free ports, with data in a
temp dir and jars from the shared cache (.newsflow/lib). A server that cannot start fails the
tests with its log tail; nothing is skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from newsflow_cli.components import REPO, StackConfig
from newsflow_cli.stack import Stack

SEED = REPO / "tests" / "data" / "seed" / "article.txt"


def _lib_dir() -> Path:
    return Path(os.environ.get("NEWSFLOW_LIB_DIR", REPO / ".newsflow" / "lib"))


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A Stack on free ports; each server/service starts when a test first needs it."""
    config = StackConfig.on_free_ports(tmp_path_factory.mktemp("newsflow-state"), _lib_dir())
    s = Stack(config, say=lambda m: print(f"[stack] {m}"))
    try:
        yield s
    finally:
        s.down()


@pytest.fixture(scope="session")
def kafka_bootstrap(stack: Stack) -> str:
    if os.environ.get("NEWSFLOW_KAFKA_BOOTSTRAP"):
        return os.environ["NEWSFLOW_KAFKA_BOOTSTRAP"]
    stack.up(["kafka"])
    return stack.config.kafka_bootstrap


@pytest.fixture(scope="session")
def es_url(stack: Stack) -> str:
    if os.environ.get("NEWSFLOW_ES_URL"):
        return os.environ["NEWSFLOW_ES_URL"]
    stack.up(["elasticsearch"])
    return stack.config.es_url


@pytest.fixture
def unique() -> str:
    """A unique suffix for topics, groups and indices: tests never see each other's data."""
    return uuid.uuid4().hex[:10]
