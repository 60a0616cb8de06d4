"""Story search latency: p50/p95 of GET /stories (text, entity alias, track filter, sorts) and
GET /stories/{id} over N synthetic stories in the real Elasticsearch node, through the search
API in-process (no HTTP socket), as bench/search.py does for articles.

    .venv/bin/python -m bench.story_search [--stories 5000] [--queries 300]

Starts Elasticsearch with `newsflow stack` code when NEWSFLOW_ES_URL is not set. Prints a table
and writes bench/out/story_search.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from typing import Any

import httpx
from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_bulk, async_streaming_bulk
from newsflow_search.config import SearchSettings
from newsflow_search.indexer import to_document
from newsflow_search.main import create_app
from newsflow_search.mapping import STORY_MAPPING, STORY_VERSION, ensure_index
from newsflow_search.stories import to_story_document
from rich.console import Console
from rich.table import Table

from bench.search import OUT, es_url
from bench.synthetic import OBJECTS, ORGS, PLACES, WORDS, corpus
from bench.synthetic_stories import EVENTS, stories

ALIAS, ARTICLES = "bench-stories", "bench-story-articles"


async def fill(es: AsyncElasticsearch, n: int) -> tuple[int, float]:
    await ensure_index(es, ALIAS, STORY_MAPPING, STORY_VERSION)
    await ensure_index(es, ARTICLES)  # a few articles, for entity aliases ("SDF")
    await async_bulk(es, [{"_index": ARTICLES, "_id": e.id, "_source": to_document(e)}
                          for e in corpus(200)])  # fmt: skip
    have = (await es.count(index=ALIAS))["count"]
    started = time.monotonic()
    if have < n:
        actions = ({"_index": ALIAS, "_id": u.story_id, "_source": to_story_document(u)}
                   for u in stories(n, seed=1) if int(u.story_id.rsplit("-", 1)[1]) >= have)  # fmt: skip
        async for ok, item in async_streaming_bulk(es, actions, chunk_size=500):
            assert ok, item
        await es.indices.refresh(index=f"{ALIAS},{ARTICLES}")
        await es.indices.forcemerge(index=ALIAS, max_num_segments=1)  # as bench/search.py does
    await es.indices.refresh(index=f"{ALIAS},{ARTICLES}")
    return (await es.count(index=ALIAS))["count"], time.monotonic() - started


def params(kind: str, rng: random.Random, n: int) -> tuple[str, dict[str, Any]]:
    if kind == "recent":
        return "/stories", {"size": 10}
    if kind == "text":
        return "/stories", {"q": f"{rng.choice(PLACES)} {rng.choice(WORDS)}", "size": 10}
    if kind == "entity, by size":
        return "/stories", {"entity": rng.choice(ORGS[:2])[1][0], "sort": "size", "size": 10}
    if kind == "track":
        return "/stories", {"fig_event": rng.choice(EVENTS), "fig_object": rng.choice(OBJECTS[:4]),
                            "fig_min": 100, "size": 10}  # fmt: skip
    return f"/stories/syn-story-{rng.randrange(n):06d}", {}


async def measure(client: httpx.AsyncClient, kind: str, queries: int, n: int) -> dict[str, float]:
    rng = random.Random(kind)
    for _ in range(10):  # warm-up
        path, p = params(kind, rng, n)
        await client.get(path, params=p)
    times = []
    for _ in range(queries):
        path, p = params(kind, rng, n)
        t = time.perf_counter()
        r = await client.get(path, params=p)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, r.text
    times.sort()
    return {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times)) - 1],
            "max_ms": times[-1], "queries": queries}  # fmt: skip


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stories", type=int, default=5000)
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()
    url = es_url()
    es = AsyncElasticsearch(url, request_timeout=120)
    try:
        count, index_seconds = await fill(es, args.stories)
        app = create_app(SearchSettings(index_alias=ARTICLES, stories_alias=ALIAS,
                                        run_indexer=False), es_url=url)  # fmt: skip
        results = {}
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://s", timeout=60) as c:
                for kind in ("recent", "text", "entity, by size", "track", "one story"):
                    results[kind] = await measure(c, kind, args.queries, count)
    finally:
        await es.close()
    table = Table(title=f"story search latency over {count:,} stories")
    for col in ("request", "p50 ms", "p95 ms", "max ms"):
        table.add_column(col)
    for kind, r in results.items():
        table.add_row(kind, f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}", f"{r['max_ms']:.1f}")
    Console().print(table)
    OUT.mkdir(exist_ok=True)
    (OUT / "story_search.json").write_text(
        json.dumps({"stories": count, "index_seconds": index_seconds, "results": results}, indent=2)
    )


if __name__ == "__main__":
    asyncio.run(main())
