"""A stack of its own for fault injection: these tests kill and restart servers and services,
so they never share the session's stack. Bounded in time, loopback only."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from newsflow_cli.components import StackConfig
from newsflow_cli.stack import Stack

from tests.conftest import _lib_dir
from tests.stacks import FAST_JVM, up_side_by_side


def new_stack(state: Path, **env: str) -> Stack:
    config = StackConfig.on_free_ports(state, _lib_dir(), extra_env=FAST_JVM | env)
    return Stack(config, say=lambda m: print(f"[fault-stack] {m}"))


@pytest.fixture(scope="module")
def fault_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    stack = new_stack(tmp_path_factory.mktemp("fault-stack"),
                      NEWSFLOW_INGEST_PUBLISH_TIMEOUT_S="3")  # fmt: skip
    try:
        up_side_by_side(stack)
        yield stack
    finally:
        stack.down()


def url(stack: Stack, service: str) -> str:
    return f"http://127.0.0.1:{getattr(stack.config, f'{service}_port')}"


async def es_count(stack: Stack, ids: list[str] | None = None) -> int:
    query = {"query": {"ids": {"values": ids}}} if ids is not None else {}
    async with httpx.AsyncClient(base_url=stack.config.es_url, timeout=10) as es:
        r = await es.post("/articles/_count", json=query)
        return int(r.json().get("count", 0)) if r.status_code == 200 else 0


async def wait_count(stack: Stack, ids: list[str], timeout: float) -> int:
    deadline = time.monotonic() + timeout
    n = 0
    while time.monotonic() < deadline:
        n = await es_count(stack, ids)
        if n >= len(ids):
            return n
        await asyncio.sleep(1)
    return n


async def es_count_url_prefix(stack: Stack, prefix: str) -> int:
    """Documents whose url starts with `prefix`: more than the articles sent means duplicates."""
    async with httpx.AsyncClient(base_url=stack.config.es_url, timeout=10) as es:
        r = await es.post("/articles/_count", json={"query": {"prefix": {"url": prefix}}})
        return int(r.json()["count"])
