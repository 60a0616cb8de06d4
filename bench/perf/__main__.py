"""`bench/run [--quick]`: the performance suite, on one machine, in one run.

Builds the corpus, starts its own stack (free ports, temp state dir), runs each stage, prints a
table and writes bench/out/perf.json. Every ratio is between figures of the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsflow_cli.processes import group_rss_mb
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bench.perf import corpus, enrich, load, profiles
from bench.perf.stack import BenchStack, machine_cpu

OUT = Path(__file__).resolve().parents[1] / "out"
REPO = Path(__file__).resolve().parents[2]
console = Console()


def machine(cluster: bool = False) -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((ln.split(":", 1)[1].strip() for ln in cpuinfo if ln.startswith("model name")),
               platform.processor())  # fmt: skip
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    mem = next(int(ln.split()[1]) for ln in meminfo if ln.startswith("MemTotal"))
    import spacy

    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem / 1024 / 1024, 1),
            "kernel": platform.release(), "python": platform.python_version(),
            "spacy": spacy.__version__, "model": enrich.MODEL,
            "kafka": "4.4.0 (3 brokers, KRaft, replication 3)" if cluster else
                     "4.4.0 (1 broker, KRaft)",
            "elasticsearch": "8.19 (2 data nodes + 1 master-only)" if cluster else
                             "8.19 (1 node)"}  # fmt: skip


class Run:
    def __init__(self, args: argparse.Namespace, progress: Progress) -> None:
        self.args, self.progress = args, progress
        self.report: dict[str, Any] = {"mode": "quick" if args.quick else "full",
                                       "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                                       "machine": machine(args.cluster),
                                       "stages": {}}  # fmt: skip

    def stage(self, name: str, fn: Callable[[], Any]) -> Any:
        if self.args.only and name not in self.args.only:
            return None
        self.progress.console.print(f"[bold]== {name}[/] (load {_load()})")
        entry: dict[str, Any] = {"loadavg_start": os.getloadavg()}
        started, (busy0, total0) = time.monotonic(), machine_cpu()
        try:
            entry["result"] = fn()
        except Exception as exc:  # noqa: BLE001 - a failed stage is reported, the others still run
            entry["error"] = f"{type(exc).__name__}: {exc}"
            self.progress.console.print(f"[red]{name} failed:[/] {entry['error'][:600]}")
        entry["seconds"] = time.monotonic() - started
        entry["loadavg_end"] = os.getloadavg()
        busy1, total1 = machine_cpu()
        # cores busy on average over the stage, ours and everyone else's
        entry["cores_busy"] = (busy1 - busy0) / max(1e-9, total1 - total0) * (os.cpu_count() or 1)
        self.report["stages"][name] = entry
        self.save()
        return entry.get("result")

    def save(self) -> None:
        OUT.mkdir(exist_ok=True)
        (OUT / self.args.out).write_text(json.dumps(self.report, indent=2, default=str))


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run(args: argparse.Namespace) -> dict[str, Any]:
    from newsflow_ingest.articles import from_json_obj

    q = args.quick
    n_enrich = args.articles or (120 if q else 2000)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console) as progress:  # fmt: skip
        r = Run(args, progress)
        say = lambda m: progress.console.print(f"[dim]  {m}[/]")
        bench = BenchStack(say, keep=args.keep, cluster=args.cluster)
        try:
            docs = r.stage("corpus", lambda: _corpus(n_enrich))
            arts = corpus.build(n_enrich)
            events = [from_json_obj(a) for a in arts]
            warm = [from_json_obj(a) for a in corpus.build(24, offset=900_000)]
            es = not args.only or bool({"freshness", "search"} & args.only)
            r.stage("stack", lambda: bench.up(["kafka", "elasticsearch"] if es else ["kafka"]))
            # The raw ceiling is measured before and after the service runs, on a subset (a rate
            # needs no more), and the ratio uses their mean: others' load drifts on a shared box.
            raw_texts = enrich.prepared(events[: max(80 if q else 120, n_enrich // 3)])
            r.stage("enrich_raw", lambda: _enrich_raw(*raw_texts, both=True))
            r.stage(
                "enrich_service",
                lambda: asyncio.run(_enrich_service(bench, events, warm, progress, args)),
            )
            r.stage("enrich_raw_after", lambda: _enrich_raw(*raw_texts, both=False))
            r.stage("enrich_profile", lambda: enrich.stage_breakdown(events[: 40 if q else 300]))
            r.stage("freshness", lambda: asyncio.run(_freshness(bench, progress, args, r.report)))
            r.stage("ingest", lambda: asyncio.run(_ingest(bench, progress, q)))
            r.stage(
                "ingest_profile",
                lambda: asyncio.run(profiles.ingest_profile(bench, progress, OUT, q)),
            )
            bench.down(["ingest", "search"])
            r.stage("search", lambda: _search(bench, q))
        finally:
            bench.close()
        r.report["docs"] = docs
    return r.report


def _corpus(n: int) -> dict[str, Any]:
    arts = corpus.build(n)
    words = [len((a.get("text") or a.get("html") or "").split()) for a in arts]
    return {"articles": n, "bases": len(corpus.bases()), "html": sum("html" in a for a in arts),
            "raw_words_mean": statistics.mean(words),
            "json_bytes_mean": statistics.mean(len(json.dumps(a)) for a in arts)}  # fmt: skip


def _enrich_raw(texts: list[str], words: int, both: bool) -> dict[str, Any]:
    two = enrich.raw_throughput(texts, words, 2)
    if not both:
        return {"2": two}
    one = enrich.raw_throughput(texts, words, 1)
    return {"1": one, "2": two, "scaling": two["words_per_s"] / one["words_per_s"]}


async def _enrich_service(bench: BenchStack, events: list[Any], warm: list[Any], progress: Any,
                          args: argparse.Namespace) -> dict[str, Any]:  # fmt: skip
    # 1, 2 and 3 workers of one process each (scale-out: one consumer group), then the default
    # layout (one worker, two processes)
    configs = [(1, 1), (2, 1), (1, 2)] if args.quick else [(1, 1), (2, 1), (3, 1), (1, 2)]
    # and that layout as it was before the indexed attribute ruler (spaCy's own), in the same run
    stock = {"NEWSFLOW_ENRICH_INDEXED_RULER": "false"}
    layouts = [f"{w}x{p}" for w, p in configs] + ([] if args.quick else ["1x2:stock"])
    if args.enrich_configs:
        layouts = args.enrich_configs.split(",")
    out: dict[str, Any] = {}
    # each configuration gets fresh ids (a replay would be a no-op downstream but not here)
    from newsflow_ingest.articles import from_json_obj

    for k, layout in enumerate(layouts):
        w, p = (int(x) for x in layout.split(":")[0].split("x"))
        n = len(events) if w * p > 1 else len(events) // 3  # one core: a rate needs no more
        if args.same_articles:  # the raw stage's articles (it reads the first of them), new ids
            evs = [from_json_obj({**a, "url": f"{a['url']}?layout={k}"}) for a in corpus.build(n)]
        else:
            evs = [from_json_obj(a) for a in corpus.build(n, offset=100_000 * (k + 1))]
        env = stock if layout.endswith(":stock") else _vote_env(layout)
        out[layout] = await enrich.service_throughput(bench, evs, warm, w, p, progress, env)
    return out


_LAYOUT_ENV = {"vote": "NEWSFLOW_ENRICH_NER_VOTE", "model": "NEWSFLOW_ENRICH_MODEL"}


def _vote_env(layout: str) -> dict[str, str] | None:
    """'1x2:vote=ner-news': that layout with another second opinion on names ('vote=' none);
    '1x2:model=en_core_web_md:vote=': another spaCy pipeline (and no vote)."""
    parts = [p.partition("=") for p in layout.split(":")[1:]]
    env = {_LAYOUT_ENV[k]: v for k, eq, v in parts if eq and k in _LAYOUT_ENV}
    return env or None


async def _freshness(bench: BenchStack, progress: Any, args: argparse.Namespace,
                     report: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """202 -> searchable and 202 -> story visible, first at a third of the enrich capacity
    measured above (what the pipeline adds when it keeps up; memory is sampled then, in steady
    state), then at the 50/s asked for."""
    from newsflow_contracts import topics

    from bench.perf.kafka import wait_caught_up

    w, p = (int(x) for x in args.fresh_enrich.split("x"))
    # The story indexer in a process of its own, as the stack runs it; `--shared-story-indexer`:
    # on the search process's event loop beside the article indexer (the layout before, which
    # `NEWSFLOW_SEARCH_RUN_STORY_INDEXER` still gives), to compare the two in one sitting.
    apart = not args.shared_story_indexer
    if not apart:
        os.environ["NEWSFLOW_SEARCH_RUN_STORY_INDEXER"] = "true"  # what the services inherit
    await asyncio.to_thread(bench.up, ["stories", "search", *(["story-indexer"] if apart else []),
                                       "ingest"])  # fmt: skip
    await asyncio.to_thread(bench.start_enrich, w, p)
    # The stories service and the indexer start here, on the earlier stages' articles.enriched:
    # the load starts once they have read it.
    catch_up = await wait_caught_up(bench.config.kafka_bootstrap, topics.ENRICHED,
                                    ["newsflow-stories", "newsflow-search-indexer"])  # fmt: skip
    capacity = (report["stages"].get("enrich_service", {}).get("result") or {}) \
        .get(f"{w}x{p}", {}).get("articles_per_s", 10.0)  # fmt: skip
    seconds = 10 if args.quick else 60
    samples: dict[str, list[float]] = {}
    loads: list[float] = []

    async def sample() -> None:
        loads.append(os.getloadavg()[0])  # the box's load while the rate runs (a shared box)
        await asyncio.sleep(seconds / 4)  # past start-up: steady state
        while True:
            loads.append(os.getloadavg()[0])
            for name in ("kafka", "elasticsearch", "ingest", "search", "stories",
                         "story-indexer"):  # fmt: skip
                pid = bench.pid(name)
                if pid:
                    samples.setdefault(name, []).append(group_rss_mb(pid))
            samples.setdefault("enrich", []).append(sum(bench.enrich_rss_mb()))
            await asyncio.sleep(2)

    c = bench.config
    ingest = f"http://127.0.0.1:{c.ingest_port}"
    result: dict[str, Any] = {"enrich": f"{w} worker(s) x {p} process(es)",
                              "story_indexer": "own process" if apart else "in search",
                              "enrich_capacity_per_s": capacity, "catch_up_s": catch_up}  # fmt: skip
    try:
        # a third: the capacity was measured with enrich alone, here ingest, the indexer and
        # Elasticsearch share the same two cores
        easy = args.fresh_rate or round(capacity / 3, 1)
        warm = corpus.build(5, offset=450_000)
        result["warm_up_s"] = await load.warm_up(ingest, c.es_url, warm, "stories")
        arts = corpus.build(int(easy * seconds) + 1, offset=500_000)
        result["sustainable"] = await load.freshness(
            ingest, c.es_url, c.kafka_bootstrap, arts, easy, progress, during=sample,
            stories="stories",
        )  # fmt: skip
        result["memory_mb"] = {k: {"median": statistics.median(v), "max": max(v),
                                   "samples": len(v)} for k, v in samples.items()}  # fmt: skip
        result["sustainable"]["loadavg_1m"] = [min(loads), max(loads)] if loads else None
        hard = 50.0
        arts = corpus.build(int(hard * seconds / 2) + 1, offset=600_000)
        try:
            result["at_50"] = await load.freshness(
                ingest, c.es_url, c.kafka_bootstrap, arts, hard, progress,
                settle=10 if args.quick else 30, stories="stories",
            )  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - overload may fail it; the rate above stands
            result["at_50"] = {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        await asyncio.to_thread(bench.stop_enrich)
    return result


async def _ingest(bench: BenchStack, progress: Any, quick: bool) -> dict[str, Any]:
    """Ingest alone (enrich stopped, so the figures are the HTTP + Kafka path's own)."""
    await asyncio.to_thread(bench.up, ["ingest"])
    base = f"http://127.0.0.1:{bench.config.ingest_port}"
    n = 4000 if quick else 20000
    arts = corpus.build(n, offset=1_000_000)
    batch = await load.batch_throughput(base, arts, 250, 4, progress)
    seconds = 10 if quick else 30
    single_arts = corpus.build(200 * seconds + 1, offset=2_000_000)
    single = await load.open_loop(base, single_arts, 200, progress, "ingest single: 200 req/s")
    return {"batch": batch, "single": single,
            "rss_mb": group_rss_mb(bench.pid("ingest") or 0)}  # fmt: skip


def _search(bench: BenchStack, quick: bool) -> dict[str, Any]:
    """bench/search.py as one stage, against this run's Elasticsearch (its own index alias)."""
    docs, queries = (5000, 100) if quick else (100_000, 300)
    bench.up(["elasticsearch"])
    env = dict(os.environ, NEWSFLOW_ES_URL=bench.config.es_url, PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-m", "bench.search", "--docs", str(docs),
                    "--queries", str(queries)], env=env, cwd=REPO, check=True)  # fmt: skip
    result: dict[str, Any] = json.loads((OUT / "search.json").read_text())
    result["elasticsearch_rss_mb"] = group_rss_mb(bench.pid("elasticsearch") or 0)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="a ~2-minute smoke run")
    ap.add_argument("--articles", type=int, help="enrich corpus size (2000 full, 120 quick)")
    ap.add_argument("--only", nargs="*", help="run only these stages (corpus, stack, enrich_raw, "
                    "enrich_service, enrich_raw_after, enrich_profile, freshness, ingest, ingest_profile, "
                    "search)")  # fmt: skip
    ap.add_argument(
        "--enrich-configs",
        help="workers x processes, e.g. 1x1,2x1,3x1,1x2 (1x2:stock: spaCy's own attribute ruler; "
        "1x2:vote=ner-news: another second opinion on names, 1x2:vote= none, "
        "1x2:model=en_core_web_md: another spaCy pipeline)",
    )
    ap.add_argument("--same-articles", action="store_true", help="every enrich layout "
                    "enriches the same articles (the raw stage's and more, under new ids) instead "
                    "of its own: a ratio between layouts then does not move with the corpus")  # fmt: skip
    ap.add_argument("--fresh-enrich", default="1x2", help="enrich layout during freshness")
    ap.add_argument("--fresh-rate", type=float, help="the sustainable freshness rate (articles/s)")
    ap.add_argument(
        "--shared-story-indexer",
        action="store_true",
        help="freshness with the story indexer in the search process (as before)",
    )
    ap.add_argument("--out", default="perf.json", help="file name under bench/out")
    ap.add_argument("--keep", action="store_true", help="keep the temp state dir")
    ap.add_argument("--cluster", action="store_true", help="3 Kafka brokers and 2 (+1) "
                    "Elasticsearch nodes, as `newsflow stack up --cluster`")  # fmt: skip
    args = ap.parse_args()
    if args.only:
        args.only = set(args.only) | {"corpus", "stack"}
    report = run(args)
    from bench.perf.summary import rows, table

    report["summary"] = rows(report)
    (OUT / args.out).write_text(json.dumps(report, indent=2, default=str))
    console.print(table(report))
    console.print(f"wrote {OUT / args.out}")


if __name__ == "__main__":
    main()
