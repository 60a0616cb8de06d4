"""Fixtures of the end-to-end tests: the whole stack on free ports, and helpers to wait on it."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer
from newsflow_cli.stack import Stack

from tests.stacks import up_side_by_side


@pytest.fixture(scope="module")
def urls(stack: Stack, kafka_bootstrap: str, es_url: str) -> dict[str, str]:
    # the story indexer runs apart from search, as in `stack up` (the page's story view needs it)
    up_side_by_side(stack, ["enrich", "search", "story-indexer", "ingest"])
    c = stack.config
    return {"ingest": f"http://127.0.0.1:{c.ingest_port}",
            "search": f"http://127.0.0.1:{c.search_port}",
            "enrich": f"http://127.0.0.1:{c.enrich_port}"}  # fmt: skip


async def wait_for_key(bootstrap: str, topic: str, key: str, timeout: float = 60,
                       where: Callable[[dict[str, Any]], bool] = lambda value: True) -> Any:  # fmt: skip
    """Read a topic from the start, as an outside subscriber would, until `key` shows up
    (with a value that `where` accepts: an article can have alerts of other tests' subscriptions)."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                                auto_offset_reset="earliest")  # fmt: skip
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for msgs in (await consumer.getmany(timeout_ms=1000)).values():
                for m in msgs:
                    if m.key and m.key.decode() == key and where(value := json.loads(m.value)):
                        return value
        raise AssertionError(f"{key} did not appear on {topic} within {timeout}s")
    finally:
        await consumer.stop()


async def search_until(client: httpx.AsyncClient, params: dict[str, Any], article_id: str,
                       timeout: float = 30) -> dict[str, Any]:  # fmt: skip
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = await client.get("/search", params=params)
        assert r.status_code == 200, r.text
        for hit in r.json()["hits"]:
            if hit["id"] == article_id:
                return hit
        await asyncio.sleep(0.3)
    raise AssertionError(f"{article_id} not found with {params} within {timeout}s")
