"""An Elasticsearch data node SIGKILLed while the indexer writes and users search: searches are
answered from the other copy without a 5xx, the indexer keeps going, and nothing is lost."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import httpx
from newsflow_cli.stack import Stack

from tests.faults.cluster.load import (
    Stream,
    es,
    indexed,
    record,
    short_articles,
    tally,
    wait_indexed,
)
from tests.faults.cluster.test_2_brokers import Kill, ingest


async def search_while(stack: Stack, stop: asyncio.Event, statuses: Counter[int]) -> None:
    """Query the search API (with facets and highlights) as fast as one client does."""
    url = f"http://127.0.0.1:{stack.config.search_port}"
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        while not stop.is_set():
            try:
                r = await client.get("/search", params={"q": "officials", "size": 5})
                statuses[r.status_code] += 1
            except httpx.HTTPError:
                statuses[0] += 1
            await asyncio.sleep(0.1)


async def test_a_data_node_dies_during_indexing(cluster: Stack, kill: Kill) -> None:
    shards = await es(cluster, "GET", "/_cat/shards/articles", params={"format": "json"})
    victim = next(s["node"] for s in shards if s["prirep"] == "p")  # the primary's node
    # 1,000 at 50 a second: the same 20 s stream as 2,000 at 100 (the kill at ~200 indexed,
    # the 15 s of indexing with one node down, within it), half the articles to enrich after it.
    articles = short_articles(1000, "es-node-kill")
    urls = [a["url"] for a in articles]
    stream = Stream(ingest(cluster), articles, rate=50, partitions=6)
    stop, searches = asyncio.Event(), Counter[int]()
    running = asyncio.create_task(stream.run())
    searching = asyncio.create_task(search_while(cluster, stop, searches))
    deadline = time.monotonic() + 240
    while await indexed(cluster, urls) < 200:  # indexing is under way
        assert time.monotonic() < deadline, "nothing was indexed"
        await asyncio.sleep(0.5)
    kill(victim)
    at_kill = await indexed(cluster, urls)
    await asyncio.sleep(15)
    during = await indexed(cluster, urls)
    assert during > at_kill, "the indexer stopped with one data node down"
    await running
    await asyncio.to_thread(cluster.up, [victim])
    accepted = stream.accepted()
    found = await wait_indexed(cluster, accepted, timeout=600)
    stop.set()
    await searching
    health = await es(cluster, "GET", "/_cluster/health/articles",
                      params={"wait_for_status": "green", "timeout": "60s"})  # fmt: skip
    counts = await tally(cluster, "es-node-kill", accepted)
    record(
        "Elasticsearch data node (primary) SIGKILLed during indexing",
        counts,
        searches=dict(searches),
        indexed_at_kill=at_kill,
        indexed_15s_later=during,
    )
    assert not [s for s in searches if s >= 500 or s == 0], searches
    assert health["status"] == "green"
    assert found == len(accepted) == stream.statuses()[202]
    assert (counts["found_by_url"], counts["duplicated"]) == (len(accepted), 0), counts
