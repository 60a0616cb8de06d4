"""The cost of one big story: one event reported thousands of times (bench/stories_growth.py's
`one_story`), so one story grows to thousands of articles (issue 15: the cluster's fault tests
make such stories; a real stream does too, an election, a war).

Usage: bench/stories_big.py [--articles 3000] [--marks 10,100,1000,3000] [--batches 1,10,100]

Prints, at each story size, the stories worker's CPU per article and the bytes per article it
writes to the topic `stories`, for:
- before: one `StoryUpdated` per article placed, each with a snapshot of the whole story (the
  worker until 2026-12-06);
- after, batch B: the worker now: every article of a transaction of B placed first, then one
  update per changed story (engine/updates.py). B is the number of articles per transaction,
  up to NEWSFLOW_STORIES_BATCH_SIZE (200): a stream that trickles in gives small ones, a
  worker that lags (catching up, after a restart) large ones.
CPU is the engine's placing, the snapshot and its JSON; an update's cost and bytes are shared
by the articles of its transaction. "At size s" is the mean over the articles that took the
story from s/2 to s. gzip is what the worker's producer now does to each batch (aiokafka's
level 9), measured here on each update alone (a batch of one record: the least it gains).
Writes bench/out/stories-big.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsflow_contracts.events import ArticleEnriched
from newsflow_contracts.stories import StoryUpdated
from newsflow_stories.engine import StoryEngine
from newsflow_stories.engine.updates import coalesce
from stories_growth import one_story

OUT = Path(__file__).resolve().parent / "out"


class Costs:
    """CPU seconds and bytes per article, an update's shared by the articles it stands for."""

    def __init__(self, n: int) -> None:
        self.cpu, self.raw, self.gz, self.gz_cpu = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n

    def share(self, first: int, last: int, cpu: float, updates: Sequence[StoryUpdated]) -> None:
        """Articles first..last (0-based, inclusive) made `updates` at a CPU cost of `cpu`."""
        raw = gz = gz_cpu = 0.0
        for u in updates:
            started = time.process_time()
            value = u.model_dump_json().encode()
            cpu += time.process_time() - started
            started = time.process_time()
            gz += len(gzip.compress(value, compresslevel=9))
            gz_cpu += time.process_time() - started
            raw += len(value)
        k = last - first + 1
        for i in range(first, last + 1):
            self.cpu[i] += cpu / k
            self.raw[i] += raw / k
            self.gz[i] += gz / k
            self.gz_cpu[i] += gz_cpu / k

    def at(self, size: int) -> dict[str, float]:
        window = range(size // 2, size)

        def mean(xs: list[float]) -> float:
            return sum(xs[i] for i in window) / len(window)

        return {"ms": mean(self.cpu) * 1000, "kb": mean(self.raw) / 1000,
                "gz_kb": mean(self.gz) / 1000, "gz_ms": mean(self.gz_cpu) * 1000}  # fmt: skip


def before(stream: Sequence[ArticleEnriched]) -> tuple[Costs, StoryEngine]:
    """One update per article with its snapshot, as the worker did."""
    engine, costs = StoryEngine(), Costs(len(stream))
    for i, article in enumerate(stream):
        started = time.process_time()
        updates = engine.add(article)
        costs.share(i, i, time.process_time() - started, updates)
    return costs, engine


def after(stream: Sequence[ArticleEnriched], batch: int) -> tuple[Costs, StoryEngine]:
    """Transactions of `batch` articles, one update per changed story each."""
    engine, costs = StoryEngine(), Costs(len(stream))
    for first in range(0, len(stream), batch):
        chunk = stream[first : first + batch]
        started = time.process_time()
        placed = [engine.place(a) for a in chunk]
        updates = coalesce([p for p in placed if p], engine.snapshot)
        costs.share(first, first + len(chunk) - 1, time.process_time() - started, updates)
        engine.evict_closed()
    return costs, engine


def largest(engine: StoryEngine) -> int:
    return max((len(s.articles) for s in engine.stories()), default=0)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--marks", default="10,100,1000,3000")
    ap.add_argument("--batches", default="1,10,100")
    args = ap.parse_args(argv)
    marks = [int(m) for m in args.marks.split(",") if int(m) <= args.articles]
    stream = list(one_story(args.articles))
    # Warm-up (imports, the word lists' first loads), so that it lands on no run: it cost the
    # first run 0.7 ms per article at size 10 when it was measured.
    after(list(one_story(50, seed=1)), 10)
    runs: dict[str, Callable[[], tuple[Costs, StoryEngine]]] = {
        "before": lambda: before(stream)}  # fmt: skip
    for b in (int(x) for x in args.batches.split(",")):
        runs[f"after, batch {b}"] = lambda b=b: after(stream, b)  # type: ignore[misc]
    result: dict[str, Any] = {"articles": args.articles, "marks": marks, "runs": {}}
    for name, run in runs.items():
        wall = time.monotonic()
        costs, engine = run()
        result["runs"][name] = {str(m): costs.at(m) for m in marks}
        result["runs"][name]["largest_story"] = largest(engine)
        print(f"  ({name}: {time.monotonic() - wall:.0f} s; {engine.story_count()} stories, "
              f"the largest {largest(engine)} articles)", file=sys.stderr)  # fmt: skip
    _print(result)
    OUT.mkdir(exist_ok=True)
    (OUT / "stories-big.json").write_text(json.dumps(result, indent=1))


def _print(result: dict[str, Any]) -> None:
    marks = result["marks"]
    head = "".join(f"{m:>16,}" for m in marks)
    print(f"\none story growing to {result['articles']:,} articles: per article at story size")
    for what, key, unit in (("worker CPU (place, snapshot, JSON)", "ms", "ms"),
                            ("bytes to `stories` (JSON)", "kb", "KB"),
                            ("bytes to `stories`, gzip", "gz_kb", "KB"),
                            ("gzip CPU", "gz_ms", "ms")):  # fmt: skip
        print(f"\n{what + ' [' + unit + ']':<40}{head}")
        for name, run in result["runs"].items():
            print(f"  {name:<38}" + "".join(f"{run[str(m)][key]:16.3f}" for m in marks))


if __name__ == "__main__":
    main()
