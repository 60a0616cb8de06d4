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


def _stored(docs: list[dict[str, Any]], pending: set[str]) -> set[str]:
    """The pending article ids among the documents a real-time multi-get found."""
    return {d["_id"] for d in docs if d.get("found") and d["_id"] in pending}


def _stored_in_stories(docs: list[dict[str, Any]], pending: set[str]) -> set[str]:
    """The pending article ids that the story documents a real-time multi-get found list."""
    return {a for d in docs if d.get("found") for a in d["_source"]["article_ids"] if a in pending}


async def warm_up(ingest: str, es_url: str, articles: list[dict[str, Any]], stories: str,
                  timeout: float = 180) -> float:  # fmt: skip
    """Post `articles` and wait until a story lists each (so every index exists, the story
    indexer made its indices at its first story, and enrich's processes have run): what
    freshness then measures is the running pipeline's, not its first minute's. Returns the
    seconds it took."""
    started = time.monotonic()
    async with _session() as s:
        ids = []
        for art in articles:
            async with s.post(f"{ingest}/articles", json=art) as r:
                ids.append((await r.json())["id"])
        query = {"query": {"terms": {"article_ids": ids}}, "size": len(ids),
                 "_source": ["article_ids"]}  # fmt: skip
        while time.monotonic() - started < timeout:
            async with s.post(f"{es_url}/{stories}/_search", json=query) as r:
                hits = (await r.json())["hits"]["hits"] if r.status == 200 else []
            if visible_in_stories(hits, set(ids)) == set(ids):
                return time.monotonic() - started
            await asyncio.sleep(0.2)
    raise TimeoutError(f"warm-up: not every story visible within {timeout:.0f}s")


async def freshness(ingest: str, es_url: str, bootstrap: str, articles: list[dict[str, Any]],
                    rate: float, progress: Any, alias: str = "articles", settle: float = 60,
                    during: Any = None, stories: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Post at `rate`; for each accepted id, the time until an Elasticsearch search finds it
    (polled every 50 ms with an ids query: searchable means refreshed, not just stored), split
    at the moment its enriched event appears on articles.enriched and at the moment a real-time
    get finds the document (stored, not yet refreshed). With `stories` (the stories alias),
    also the time until a story listing it is found there (`/stories` sees it then;
    `/stories/{id}` and the article's `story_id` are real-time gets, no later), split the same
    way (see story_path)."""
    from bench.perf.kafka import Outputs

    out = Outputs(bootstrap, stories=bool(stories))
    await out.start()
    accepted: dict[str, float] = {}
    seen: dict[str, dict[str, float]] = {k: {} for k in
                                         ("found", "in_story", "stored", "story_stored")}  # fmt: skip
    sizes: dict[str, Any] = {}
    stop = asyncio.Event()

    async def poll(path: str, seen: dict[str, float], query: Any, matched: Any) -> None:
        """Every 50 ms, one request (`_search`, or `_mget`: real-time) for the accepted ids not
        seen yet."""
        async with _session() as s:
            while not stop.is_set():
                pending = [i for i in accepted if i not in seen][:1000]
                body = query(pending) if pending else None
                if body:
                    async with s.post(f"{es_url}/{path}", json=body) as r:
                        now = time.monotonic()
                        got = await r.json() if r.status == 200 else {}
                    docs = got.get("docs") or got.get("hits", {}).get("hits", [])
                    for i in matched(docs, set(pending)):
                        seen.setdefault(i, now)
                await asyncio.sleep(0.05)

    def story_gets(ids: list[str]) -> dict[str, Any] | None:
        """The stories the pending articles joined (known once their update is committed)."""
        sids = sorted({out.story_of[i] for i in ids if i in out.story_of})
        return {"ids": sids} if sids else None

    polls = [(f"{alias}/_search", "found",
              lambda ids: {"query": {"ids": {"values": ids}}, "size": len(ids), "_source": False},
              lambda hits, _: [h["_id"] for h in hits]),
             (f"{alias}/_mget", "stored", lambda ids: {"ids": ids}, _stored)]  # fmt: skip
    if stories:
        polls += [
            (
                f"{stories}/_search",
                "in_story",
                lambda ids: {
                    "query": {"terms": {"article_ids": ids}},
                    "size": len(ids),
                    "_source": ["article_ids"],
                },
                visible_in_stories,
            ),
            (f"{stories}/_mget", "story_stored", story_gets, _stored_in_stories),
        ]
    pollers = [asyncio.create_task(poll(path, seen[key], q, m)) for path, key, q, m in polls]
    found, in_story = seen["found"], seen["in_story"]
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
        if stories:
            sizes = await _story_sizes(es_url, stories)
    finally:
        stop.set()
        await asyncio.gather(*pollers)
        await out.stop()
        if sampler:
            sampler.cancel()
    return _freshness_result(rate, load, accepted, seen, out, sizes if stories else None)


async def _story_sizes(es_url: str, stories: str) -> dict[str, Any]:
    """How many stories, and the largest: every update carries its whole story, so big stories
    cost more to index."""
    async with _session() as s:
        q = {"size": 3, "sort": [{"size": "desc"}], "_source": ["size"]}
        async with s.post(f"{es_url}/{stories}/_search", json=q) as r:
            body = await r.json() if r.status == 200 else {}
    largest = [h["_source"]["size"] for h in body.get("hits", {}).get("hits", [])]
    return {"stories": body.get("hits", {}).get("total", {}).get("value"), "largest": largest}


def _between(start: dict[str, float], end: dict[str, float]) -> dict[str, float]:
    """Percentiles (ms) of end - start over the ids both have."""
    return percentiles([(end[i] - t) * 1000 for i, t in start.items() if i in end])


def _freshness_result(rate: float, load: dict[str, Any], accepted: dict[str, float],
                      seen: dict[str, dict[str, float]], out: Any,
                      sizes: dict[str, Any] | None) -> dict[str, Any]:  # fmt: skip
    found, stored = seen["found"], seen["stored"]
    result = {"rate": rate, "accepted": len(accepted), "searchable": len(found),
              "post": load, "freshness_ms": _between(accepted, found),
              "accepted_to_enriched_ms": _between(accepted, out.seen),
              "enriched_to_searchable_ms": _between(out.seen, found),
              # the article indexer's hop, and Elasticsearch's refresh after it
              "enriched_to_stored_ms": _between(out.seen, stored),
              "stored_to_searchable_ms": _between(stored, found)}  # fmt: skip
    if sizes is None:
        return result
    in_story = seen["in_story"]
    result |= {
        "story_sizes": sizes,
        "stories_visible": len(in_story),
        "story_visible_ms": _between(accepted, in_story),
        "searchable_to_story_ms": _between(found, in_story),
        # where the story path spends it: the stories service (enriched -> committed update,
        # split at the update's CreateTime: decided -> committed is its transaction) and the
        # story indexer (committed -> stored, real-time get), then the refresh (-> visible)
        "enriched_to_placed_ms": _between(out.seen, out.placed),
        "placed_to_story_visible_ms": _between(out.placed, in_story),
        "story_path_ms": {
            "enriched_to_decided": _between(out.seen, out.decided),
            "decided_to_committed": _between(out.decided, out.placed),
            "committed_to_stored": _between(out.placed, seen["story_stored"]),
            "stored_to_visible": _between(seen["story_stored"], in_story),
        },
    }
    return result
