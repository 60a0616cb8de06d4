"""Search latency at scale: p50/p95 of plain, faceted and figure queries over N synthetic
articles in the real Elasticsearch node, through the search API (in-process, no HTTP socket).

    .venv/bin/python -m bench.search [--docs 100000] [--queries 300]

Starts Elasticsearch with `newsflow stack` code when NEWSFLOW_ES_URL is not set. Prints a table
and writes bench/out/search.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import time
from pathlib import Path
from typing import Any

import httpx
from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_streaming_bulk
from newsflow_search.config import SearchSettings
from newsflow_search.indexer import to_document
from newsflow_search.main import create_app
from newsflow_search.mapping import ensure_index, index_name
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from bench.synthetic import OBJECTS, ORGS, PLACES, WORDS, corpus

OUT = Path(__file__).parent / "out"
ALIAS = "bench-articles"


def es_url() -> str:
    if os.environ.get("NEWSFLOW_ES_URL"):
        return os.environ["NEWSFLOW_ES_URL"]
    from newsflow_cli.components import StackConfig
    from newsflow_cli.stack import Stack

    stack = Stack(StackConfig.from_env())
    stack.up(["elasticsearch"])
    return stack.config.es_url


async def fill(es: AsyncElasticsearch, n: int) -> float:
    await ensure_index(es, ALIAS)
    have = (await es.count(index=ALIAS))["count"]
    if have >= n:
        return 0.0
    started = time.monotonic()
    await es.indices.put_settings(index=ALIAS, settings={"refresh_interval": "-1"})
    actions = ({"_index": ALIAS, "_id": e.id, "_source": to_document(e)}
               for e in corpus(n) if int(e.id[4:]) >= have)  # fmt: skip
    with Progress() as progress:
        task = progress.add_task(f"indexing {n - have} articles", total=n - have)
        async for ok, item in async_streaming_bulk(es, actions, chunk_size=1000):
            assert ok, item
            progress.advance(task)
    await es.indices.put_settings(index=ALIAS, settings={"refresh_interval": "1s"})
    await es.indices.refresh(index=ALIAS)
    await es.indices.forcemerge(index=ALIAS, max_num_segments=1)
    return time.monotonic() - started


def queries(kind: str, rng: random.Random) -> dict[str, Any]:
    if kind == "plain":
        return {"q": " ".join(rng.sample(WORDS, 2)), "size": 10}
    if kind == "faceted":
        return {"q": rng.choice(WORDS), "entity": rng.choice(ORGS)[0], "agency": "AFP", "size": 10}
    return {"fig_object": rng.choice(OBJECTS), "fig_min": 100, "q": rng.choice(PLACES), "size": 10}


async def measure(client: httpx.AsyncClient, kind: str, n: int) -> dict[str, float]:
    rng = random.Random(kind)
    times = []
    for _ in range(10):  # warm-up
        await client.get("/search", params=queries(kind, rng))
    for _ in range(n):
        params = queries(kind, rng)
        t = time.perf_counter()
        r = await client.get("/search", params=params)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, r.text
    times.sort()
    return {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times)) - 1],
            "max_ms": times[-1], "queries": n}  # fmt: skip


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()
    url = es_url()
    es = AsyncElasticsearch(url, request_timeout=120)
    try:
        index_seconds = await fill(es, args.docs)
        count = (await es.count(index=ALIAS))["count"]
        app = create_app(SearchSettings(index_alias=ALIAS, run_indexer=False), es_url=url)
        results = {}
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://s", timeout=60) as c:
                for kind in ("plain", "faceted", "figure"):
                    results[kind] = await measure(c, kind, args.queries)
        stats = (await es.indices.stats(index=index_name(ALIAS)))["_all"]["primaries"]
    finally:
        await es.close()
    table = Table(title=f"search latency over {count:,} articles (target p95 < 50 ms)")
    for col in ("query", "p50 ms", "p95 ms", "max ms"):
        table.add_column(col)
    for kind, r in results.items():
        table.add_row(kind, f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}", f"{r['max_ms']:.1f}")
    Console().print(table)
    OUT.mkdir(exist_ok=True)
    (OUT / "search.json").write_text(json.dumps({
        "articles": count, "index_seconds": index_seconds,
        "index_size_mb": stats["store"]["size_in_bytes"] / 1e6, "results": results,
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
