"""HTTP load against 127.0.0.1 only, bounded in count and time: ingest throughput and latency,
and freshness (202 -> searchable)."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp


def percentiles(values: list[float], ps: tuple[int, ...] = (50, 95, 99)) -> dict[str, float]:
    """Nearest-rank percentiles, plus max and count."""
    if not values:
        return {f"p{p}": float("nan") for p in ps} | {"max": float("nan"), "n": 0}
    v = sorted(values)
    out = {f"p{p}": v[min(len(v) - 1, max(0, -(-p * len(v) // 100) - 1))] for p in ps}
    return out | {"max": v[-1], "n": len(v)}


def _session(limit: int = 200) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=limit),
                                 timeout=aiohttp.ClientTimeout(total=60))  # fmt: skip


async def batch_throughput(base: str, articles: list[dict[str, Any]], batch: int,
                           concurrency: int, progress: Any) -> dict[str, Any]:  # fmt: skip
    """POST /articles/batch with `concurrency` clients in flight; articles accepted per second."""
    bodies = ["\n".join(json.dumps(a) for a in articles[i:i + batch]).encode()
              for i in range(0, len(articles), batch)]  # fmt: skip
    task = progress.add_task(f"ingest batch ({batch}/request, {concurrency} in flight)",
                             total=len(articles))  # fmt: skip
    latencies: list[float] = []
    accepted = failed = 0
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for b in bodies:
        queue.put_nowait(b)
    async with _session() as s:
        # warm-up: one request, not counted
        async with s.post(f"{base}/articles/batch", data=bodies[0],
                          headers={"content-type": "application/x-ndjson"}) as r:  # fmt: skip
            await r.read()

        async def client() -> None:
            nonlocal accepted, failed
            while not queue.empty():
                body = queue.get_nowait()
                t = time.perf_counter()
                async with s.post(f"{base}/articles/batch", data=body,
                                  headers={"content-type": "application/x-ndjson"}) as r:  # fmt: skip
                    result = await r.json()
                latencies.append((time.perf_counter() - t) * 1000)
                accepted += result.get("accepted", 0)
                failed += len(body.splitlines()) - result.get("accepted", 0)
                progress.advance(task, len(body.splitlines()))

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        seconds = time.perf_counter() - started
    return {"articles": len(articles), "accepted": accepted, "failed": failed,
            "batch": batch, "concurrency": concurrency, "seconds": seconds,
            "articles_per_s": accepted / seconds,
            "mb_per_s": sum(map(len, bodies)) / seconds / 1e6,
            "request_ms": percentiles(latencies)}  # fmt: skip


async def open_loop(base: str, articles: list[dict[str, Any]], rate: float, progress: Any,
                    label: str, on_accept: Any = None) -> dict[str, Any]:  # fmt: skip
    """POST /articles one by one at a fixed `rate` (open loop: request i is due at i/rate, and its
    latency counts from then, so a slow server cannot hide by slowing the client down)."""
    task = progress.add_task(label, total=len(articles))
    latencies: list[float] = []
    late: list[float] = []
    codes: dict[int, int] = {}
    async with _session(limit=1000) as s:
        async with s.post(f"{base}/articles", json=articles[0]) as r:  # warm-up
            await r.read()
        started = time.perf_counter()

        async def one(i: int, art: dict[str, Any]) -> None:
            due = started + i / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            late.append((time.perf_counter() - due) * 1000)
            async with s.post(f"{base}/articles", json=art) as r:
                body = await r.json()
            done = time.perf_counter()
            latencies.append((done - due) * 1000)
            codes[r.status] = codes.get(r.status, 0) + 1
            if r.status == 202 and on_accept is not None:
                on_accept(body["id"], time.monotonic())
            progress.advance(task)

        await asyncio.gather(*(one(i, a) for i, a in enumerate(articles[1:])))
        seconds = time.perf_counter() - started
    return {"requests": len(articles) - 1, "rate": rate, "seconds": seconds,
            "achieved_per_s": (len(articles) - 1) / seconds, "status": codes,
            "latency_ms": percentiles(latencies), "client_late_ms": percentiles(late)}  # fmt: skip


def visible_in_stories(hits: list[dict[str, Any]], pending: set[str]) -> set[str]:
    """The pending article ids that the story documents found list."""
    return {a for h in hits for a in h["_source"]["article_ids"] if a in pending}


async def freshness(ingest: str, es_url: str, bootstrap: str, articles: list[dict[str, Any]],
                    rate: float, progress: Any, alias: str = "articles", settle: float = 60,
                    during: Any = None, stories: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Post at `rate`; for each accepted id, the time until an Elasticsearch search finds it
    (polled every 50 ms with an ids query: searchable means refreshed, not just stored), split
    at the moment its enriched event appears on articles.enriched. With `stories` (the stories
    alias), also the time until a story listing it is found there (`/stories` sees it then;
    `/stories/{id}` and the article's `story_id` are real-time gets, no later)."""
    from bench.perf.kafka import Outputs

    out = Outputs(bootstrap, stories=bool(stories))
    await out.start()
    accepted: dict[str, float] = {}
    found: dict[str, float] = {}
    in_story: dict[str, float] = {}
    sizes: dict[str, Any] = {}
    stop = asyncio.Event()

    async def poll(index: str, seen: dict[str, float], query: Any, matched: Any) -> None:
        """Every 50 ms, one search for the accepted ids not seen yet in `index`."""
        async with _session() as s:
            while not stop.is_set():
                pending = [i for i in accepted if i not in seen][:1000]
                if pending:
                    async with s.post(f"{es_url}/{index}/_search", json=query(pending)) as r:
                        now = time.monotonic()
                        hits = (await r.json())["hits"]["hits"] if r.status == 200 else []
                    for i in matched(hits, set(pending)):
                        seen.setdefault(i, now)
                await asyncio.sleep(0.05)

    pollers = [asyncio.create_task(poll(
        alias, found,
        lambda ids: {"query": {"ids": {"values": ids}}, "size": len(ids), "_source": False},
        lambda hits, _: [h["_id"] for h in hits]))]  # fmt: skip
    if stories:
        pollers.append(asyncio.create_task(poll(
            stories, in_story,
            lambda ids: {"query": {"terms": {"article_ids": ids}}, "size": len(ids),
                         "_source": ["article_ids"]},
            visible_in_stories)))  # fmt: skip
    sampler = asyncio.create_task(during()) if during else None
    try:
        load = await open_loop(ingest, articles, rate, progress,
                               f"freshness: {rate:.0f} articles/s",
                               lambda i, t: accepted.setdefault(i, t))  # fmt: skip
        deadline = time.monotonic() + settle
        while time.monotonic() < deadline and (
            len(found) < len(accepted) or (stories and len(in_story) < len(accepted))
        ):
            await asyncio.sleep(0.2)
        if stories:  # every update carries its whole story: big stories cost more to index
            async with _session() as s:
                q = {"size": 3, "sort": [{"size": "desc"}], "_source": ["size"]}
                async with s.post(f"{es_url}/{stories}/_search", json=q) as r:
                    body = await r.json() if r.status == 200 else {}
            largest = [h["_source"]["size"] for h in body.get("hits", {}).get("hits", [])]
            sizes = {"stories": body.get("hits", {}).get("total", {}).get("value"),
                     "largest": largest}  # fmt: skip
    finally:
        stop.set()
        await asyncio.gather(*pollers)
        await out.stop()
        if sampler:
            sampler.cancel()
    lat = [(found[i] - t) * 1000 for i, t in accepted.items() if i in found]
    to_enriched = [(out.seen[i] - t) * 1000 for i, t in accepted.items() if i in out.seen]
    to_search = [(found[i] - out.seen[i]) * 1000 for i in found if i in out.seen]
    result = {"rate": rate, "accepted": len(accepted), "searchable": len(found),
              "post": load, "freshness_ms": percentiles(lat),
              "accepted_to_enriched_ms": percentiles(to_enriched),
              "enriched_to_searchable_ms": percentiles(to_search)}  # fmt: skip
    if stories:
        result["story_sizes"] = sizes
        result["stories_visible"] = len(in_story)
        result["story_visible_ms"] = percentiles(
            [(in_story[i] - t) * 1000 for i, t in accepted.items() if i in in_story]
        )
        result["searchable_to_story_ms"] = percentiles(
            [(in_story[i] - found[i]) * 1000 for i in in_story if i in found]
        )
        # where the story path spends it: the stories service (enriched -> committed update)
        # and the search service's story indexer (committed update -> found in the index)
        result["enriched_to_placed_ms"] = percentiles(
            [(out.placed[i] - out.seen[i]) * 1000 for i in out.placed if i in out.seen]
        )
        result["placed_to_story_visible_ms"] = percentiles(
            [(in_story[i] - out.placed[i]) * 1000 for i in in_story if i in out.placed]
        )
    return result
