"""Stories against the story gold set: B-cubed of the assignment, exact figure tracks, cost.

Usage: bench/stories [--test] [--misses] [--sizes 1000,10000,100000] [--no-cost] [--refresh]
                     [--keep-closed] [--set NAME=VALUE ...]
       bench/stories --cv threshold=0.2,0.25 [--cv anchor_weight=0,0.5 ...] [--folds 5,10]
                     [--seeds 0,1,2]

Reads bench/stories-data/ (see its README), enriches every article offline with the enrich
service's own `Enricher` (cached in bench/out/stories-enriched.ndjson; --refresh redoes it),
feeds the dev split (or, with --test, the locked test split) in publication order to a fresh
`StoryEngine`, and prints B-cubed precision/recall/F1, the share of gold figure tracks that are
exactly right, and the engine's CPU per article at 1k, 10k and 100k articles of synthetic
growth (bench/stories_growth.py), next to the enrich pipeline's CPU per article measured in the
same run, and the process's RSS growth at each size. Writes bench/out/stories.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stories_cv
from newsflow_contracts.events import ArticleEnriched, ArticleReceived
from stories_growth import grown
from stories_score import BCubed, TrackResult, bcubed, member_bcubed, misses, score_track

BENCH = Path(__file__).resolve().parent
DATA = BENCH / "stories-data"
OUT = BENCH / "out"
CACHE = OUT / "stories-enriched.ndjson"
ENRICH_SAMPLE = 64  # articles enriched afresh in every run, for the CPU ratio
BATCH = 200  # articles per evict_closed() in the cost stream: the service's default batch


def load_gold() -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, Any]]:
    articles = []
    for name in ("ecbplus.ndjson", "written.ndjson"):
        articles += [json.loads(line) for line in (DATA / name).read_text().splitlines()]
    labels = json.loads((DATA / "labels.json").read_text())
    tracks = json.loads((DATA / "tracks.json").read_text())
    return articles, labels, tracks


def received(article: dict[str, Any]) -> ArticleReceived:
    """The article as ingest turns a JSON body into an event (`newsflow enrich`'s path)."""
    from newsflow_ingest.articles import from_body

    body = {k: article[k] for k in ("url", "source", "title", "published_at", "text")}
    return from_body(json.dumps(body).encode(), "application/json", url=None, source=None)


def _cache_key(articles: Sequence[dict[str, Any]], pipeline: str) -> str:
    """Changes with the data, the model and the enrich code (its version string alone does not
    move with every commit)."""
    import newsflow_enrich
    import newsflow_ingest

    digest = hashlib.sha256(pipeline.encode())
    for package in (newsflow_enrich, newsflow_ingest):
        for source in sorted(Path(package.__file__).parent.rglob("*.py")):
            digest.update(source.read_bytes())
    for a in articles:
        digest.update(json.dumps(a, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def _enricher() -> Any:
    from newsflow_enrich.config import get_settings
    from newsflow_enrich.pipeline import Enricher

    return Enricher(get_settings().model)


def enrich_all(articles: Sequence[dict[str, Any]], enricher: Any, refresh: bool
               ) -> tuple[dict[str, ArticleEnriched], dict[str, str]]:  # fmt: skip
    """gid -> enriched event, and gid -> why the pipeline refused the article (it would go to
    the dead-letter topic, so no story ever sees it). From the cache when it was made from the
    same data and code."""
    key = _cache_key(articles, enricher.pipeline.model_dump_json())
    if CACHE.exists() and not refresh:
        lines = CACHE.read_text().splitlines()
        if lines and json.loads(lines[0]).get("key") == key:
            rows = [json.loads(line) for line in lines[1:]]
            return (
                {
                    r["gid"]: ArticleEnriched.model_validate(r["event"])
                    for r in rows
                    if "event" in r
                },
                {r["gid"]: r["refused"] for r in rows if "refused" in r},
            )
    print(f"enriching {len(articles)} articles (cached afterwards) ...", file=sys.stderr)
    out: dict[str, ArticleEnriched] = {}
    refused: dict[str, str] = {}
    for start in range(0, len(articles), 32):
        batch = articles[start:start + 32]  # fmt: skip
        for a, result in zip(
            batch, enricher.enrich_many([received(a) for a in batch]), strict=True
        ):
            if isinstance(result, ArticleEnriched):
                out[a["gid"]] = result
            else:
                refused[a["gid"]] = str(result)
    OUT.mkdir(exist_ok=True)
    with CACHE.open("w") as f:
        f.write(json.dumps({"key": key}) + "\n")
        for gid, event in out.items():
            f.write(json.dumps({"gid": gid, "event": event.model_dump(mode="json")}) + "\n")
        for gid, why in refused.items():
            f.write(json.dumps({"gid": gid, "refused": why}) + "\n")
    return out, refused


def enrich_cpu_per_article(articles: Sequence[dict[str, Any]], enricher: Any) -> float:
    """CPU seconds per article of the enrich pipeline (model loaded before timing)."""
    sample = list(articles[:ENRICH_SAMPLE])
    raws = [received(a) for a in sample]
    start = time.process_time()
    for i in range(0, len(raws), 16):
        enricher.enrich_many(raws[i:i + 16])  # fmt: skip
    return (time.process_time() - start) / len(sample)


def engine_class(settings: Sequence[str] = (), quiet: bool = False) -> Any:
    """A factory of fresh engines, with `--set name=value` applied to the engine's config."""
    try:
        from newsflow_stories.engine import StoryConfig, StoryEngine
    except ImportError as exc:
        raise SystemExit(f"the story engine is not installed ({exc}); nothing to score") from None
    if not settings:
        return StoryEngine
    config = dataclasses.replace(
        StoryConfig(), **dict(_setting(StoryConfig(), s) for s in settings)
    )
    if not quiet:
        print(f"engine config: {config}")
    return lambda: StoryEngine(config)


def _setting(config: Any, text: str) -> tuple[str, Any]:
    """'threshold=0.2' -> ('threshold', 0.2); durations as '36h' or '5d'."""
    name, _, value = text.partition("=")
    current = getattr(config, name)  # an unknown name fails here, with its name
    if isinstance(current, timedelta):
        return name, timedelta(hours=float(value[:-1]) * (24 if value.endswith("d") else 1))
    return name, type(current)(value)


def in_time_order(events: Iterable[ArticleEnriched]) -> list[ArticleEnriched]:
    return sorted(events, key=lambda e: (e.published_at or "", e.id))


def assign(split: str, gold_events: dict[str, ArticleEnriched], labels: dict[str, Any],
           tracks: dict[str, Any], new_engine: Any) -> tuple[Any, ...]:  # fmt: skip
    """Feed one split to a fresh engine: (gold stories, predicted, track results, CPU/article,
    B-cubed over the tracks' members)."""
    stories = {g: s for g, s in labels["stories"].items()
               if labels["splits"][s] == split and g in gold_events}  # fmt: skip
    events = in_time_order(gold_events[g] for g in stories)
    engine = new_engine()
    start = time.process_time()
    for event in events:
        engine.add(event)
    cpu = (time.process_time() - start) / len(events)
    predicted = {g: engine.story_of(gold_events[g].id) for g in stories}
    split_tracks = {s: ts for s, ts in tracks.items() if labels["splits"][s] == split}
    results, members = _score_tracks(engine, split_tracks, {g: gold_events[g] for g in stories})
    return stories, predicted, results, cpu, members


def run_quality(split: str, gold_events: dict[str, ArticleEnriched], labels: dict[str, Any],
                tracks: dict[str, Any], show_misses: bool, new_engine: Any) -> dict[str, Any]:  # fmt: skip
    """Feed one split to a fresh engine and score it."""
    stories, predicted, results, cpu, members = assign(split, gold_events, labels, tracks,
                                                       new_engine)  # fmt: skip
    score = bcubed(stories, predicted)
    exact = sum(r.exact for r in results)
    extracted = sum(r.kind != "figure not extracted" for r in results)
    report = {"split": split, "articles": score.items, "stories": len(set(stories.values())),
              "predicted_stories": len(set(predicted.values())), "precision": score.precision,
              "recall": score.recall, "f1": score.f1, "tracks": len(results),
              "tracks_exact": exact, "tracks_extracted": extracted,
              "track_members": {"precision": members.precision, "recall": members.recall,
                                "f1": members.f1, "items": members.items},
              "engine_cpu_ms_per_article": cpu * 1000, "misses": list(misses(stories, predicted)),
              "track_misses": [r.__dict__ for r in results if not r.exact]}  # fmt: skip
    print(f"\n{split}: {score.items} articles, {report['stories']} gold stories, "
          f"{report['predicted_stories']} predicted")  # fmt: skip
    print(f"  B-cubed precision {score.precision:.3f}  recall {score.recall:.3f}  "
          f"F1 {score.f1:.3f}   (target F1 >= 0.90)")  # fmt: skip
    print(f"  figure tracks exactly right {exact}/{len(results)} = "
          f"{exact / max(len(results), 1):.3f}   (target >= 0.9; enrich extracted every "
          f"member of {extracted})")  # fmt: skip
    print(f"  track members B-cubed precision {members.precision:.3f}  recall "
          f"{members.recall:.3f}  F1 {members.f1:.3f}   ({members.items} members and foreign "
          f"figures)")  # fmt: skip
    if show_misses:
        for line in report["misses"]:
            print("   ", line)
        for r in results:
            if not r.exact:
                print(f"    track {r.story} {r.label}: {r.kind} {r.detail}")
    return report


def run_cv(specs: Sequence[str], ks: Sequence[int], seeds: Sequence[int],
           gold_events: dict[str, ArticleEnriched], labels: dict[str, Any],
           tracks: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """Every setting of the grid on dev, then k-fold held-out scores (bench/stories_cv.py) for
    each k and each draw of folds (seed 0: topics dealt in natural order)."""
    settings = stories_cv.grid(specs)
    runs, rows = [], []
    for setting in settings:
        new_engine = engine_class([f"{n}={v}" for n, v in setting.items()], quiet=True)
        stories, predicted, results, _, _ = assign("dev", gold_events, labels, tracks, new_engine)
        fold_of = stories_cv.folds(stories, ks[0], seeds[0])
        full = bcubed(stories, predicted)
        per = [stories_cv.score_on(stories, predicted, fold_of, {f}).f1 for f in range(ks[0])]
        exact = sum(r.exact for r in results)
        runs.append(predicted)
        rows.append({"setting": setting, "precision": full.precision, "recall": full.recall,
                     "f1": full.f1, "tracks_exact": exact, "fold_f1": per})  # fmt: skip
        folds_f1 = " ".join(f"{x:.3f}" for x in per)
        print(f"  {setting}: dev P {full.precision:.3f} R {full.recall:.3f} F1 {full.f1:.3f}, "
              f"tracks {exact}/{len(results)}; F1 per fold {folds_f1}")  # fmt: skip
    out: dict[str, Any] = {"grid": rows, "held_out": []}
    for k in ks:
        draws = []
        for seed in seeds:
            held = stories_cv.held_out(stories, runs, stories_cv.folds(stories, k, seed), k)
            if len(ks) == 1 and len(seeds) == 1:
                for h in held:
                    print(f"  fold {h.fold}: chose {settings[h.chosen]} on the other folds -> "
                          f"held out P {h.score.precision:.3f} R {h.score.recall:.3f} "
                          f"F1 {h.score.f1:.3f}")  # fmt: skip
            p, r, f1 = stories_cv.mean([h.score for h in held])
            draws.append((p, r, f1))
            print(f"  held-out mean over {k} folds, seed {seed}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
            out["held_out"].append({"folds": k, "seed": seed, "precision": p, "recall": r,
                                    "f1": f1, "chosen": [settings[h.chosen] for h in held]})  # fmt: skip
        if len(seeds) > 1:
            p, r, f1 = (sum(d[i] for d in draws) / len(draws) for i in range(3))
            print(f"  {k} folds, mean over {len(seeds)} draws: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    return out


def _score_tracks(engine: Any, gold_tracks: dict[str, Any],
                  events: dict[str, ArticleEnriched]) -> tuple[list[TrackResult], BCubed]:  # fmt: skip
    """Each gold track against the engine's tracks (members as (gold id, figure index)), and
    B-cubed over the members."""
    gid_of = {e.id: g for g, e in events.items()}
    track_of, members_of = {}, {}
    for story in engine.stories():
        for track in story.tracks:
            name = f"{story.id}/{track.key}"
            members = {(gid_of.get(r.article_id, r.article_id), r.figure) for r in track.reports}
            members_of[name] = members
            track_of.update(dict.fromkeys(members, name))
    figures_of = {g: [f.text for f in e.figures] for g, e in events.items()}
    where_of = {g: (e.body, [f.span for f in e.figures]) for g, e in events.items()}
    results = [score_track(s, t, figures_of, track_of, members_of, where_of)
               for s, ts in sorted(gold_tracks.items()) for t in ts]  # fmt: skip
    return results, member_bcubed(gold_tracks, figures_of, track_of, where_of)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_cost(base: Sequence[ArticleEnriched], sizes: Sequence[int], enrich_cpu: float,
             new_engine: Any, evict: bool = True) -> dict[str, Any]:  # fmt: skip
    """Engine CPU per article over the last 1,000 articles before each size, in one stream, and
    the process's RSS growth at each size. Closed stories are evicted every `BATCH` articles,
    as the service does after each transaction (`evict=False`: kept, as before eviction)."""
    engine, window = new_engine(), 1000
    rss_before = _rss_mb()
    marks = {n: 0.0 for n in sizes}
    rss = {n: 0.0 for n in sizes}
    total, spent = 0.0, []
    for i, event in enumerate(grown(base, max(sizes)), start=1):
        start = time.process_time()
        engine.add(event)
        if evict and i % BATCH == 0:
            engine.evict_closed()
        spent.append(time.process_time() - start)
        total += spent[-1]
        if i in marks:
            marks[i] = sum(spent[-window:]) / window
            rss[i] = _rss_mb() - rss_before
        if len(spent) > window:
            spent = spent[-window:]
        if i % 10_000 == 0:
            print(f"  ... {i} articles, RSS +{_rss_mb() - rss_before:,.0f} MB, "
                  f"{engine.held():,} of {engine.story_count():,} stories held", file=sys.stderr)  # fmt: skip
    print(f"\ncost (engine CPU per article, mean over the {window} articles before each size)")
    for n in sizes:
        print(f"  at {n:>7,}: {marks[n] * 1000:8.3f} ms = {marks[n] / enrich_cpu:6.1%} of enrich")
    ratio = marks[max(sizes)] / marks[min(sizes)]
    print(f"  enrich pipeline: {enrich_cpu * 1000:.1f} ms CPU per article (same run)")
    grew_mb = _rss_mb() - rss_before
    held = f"{engine.held():,} of {engine.story_count():,} stories held"
    how = "closed stories evicted" if evict else "closed stories kept (--keep-closed)"
    print(f"  memory (RSS growth of the process, {how}): "
          + ", ".join(f"at {n:,} {rss[n]:,.0f} MB" for n in sizes) + f"; {held}")  # fmt: skip
    print(
        f"  cost@{max(sizes):,} / cost@{min(sizes):,} = {ratio:.2f}   (target <= 1.5; "
        f"engine share target <= 10%)"
    )
    return {"ms_per_article": {str(n): marks[n] * 1000 for n in sizes}, "ratio": ratio,
            "enrich_ms_per_article": enrich_cpu * 1000, "rss_growth_mb": grew_mb,
            "rss_growth_mb_at": {str(n): rss[n] for n in sizes}, "evict": evict,
            "held": engine.held(), "stories": engine.story_count(),
            "share_of_enrich": {str(n): marks[n] / enrich_cpu for n in sizes}}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--test", action="store_true", help="score the locked test split (once)")
    ap.add_argument("--misses", action="store_true", help="print split/merged stories, bad tracks")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--no-cost", action="store_true")
    ap.add_argument(
        "--keep-closed",
        action="store_true",
        help="cost stream without evicting closed stories (memory as before)",
    )
    ap.add_argument("--refresh", action="store_true", help="enrich again, ignoring the cache")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an engine config field for this run, e.g. threshold=0.2, window=5d",
    )
    ap.add_argument(
        "--cv",
        action="append",
        default=[],
        metavar="NAME=V1,V2,...",
        help="cross-validate a grid of engine settings over dev's topics (quality only)",
    )
    ap.add_argument("--folds", default="5", help="folds for --cv (several: 5,10)")
    ap.add_argument(
        "--seeds",
        default="0",
        help="draws of folds for --cv (0: topics dealt in natural order; others shuffle them)",
    )
    args = ap.parse_args(argv)
    articles, labels, tracks = load_gold()
    new_engine = engine_class(args.set)
    enricher = _enricher()
    gold_events, refused = enrich_all(articles, enricher, args.refresh)
    for gid, why in sorted(refused.items()):
        print(f"not scored: {gid}: the enrich pipeline refuses it ({why})")
    dev = [a for a in articles if labels["splits"][labels["stories"][a["gid"]]] == "dev"
           and a["gid"] in gold_events]  # fmt: skip
    if args.cv:
        ks = [int(k) for k in args.folds.split(",")]
        seeds = [int(x) for x in args.seeds.split(",")]
        print(f"\ncross-validation over dev's topics, {args.folds} folds, seeds {args.seeds}")
        OUT.mkdir(exist_ok=True)
        cv = run_cv(args.cv, ks, seeds, gold_events, labels, tracks)
        (OUT / "stories-cv.json").write_text(json.dumps(cv, indent=1))
        return
    enrich_cpu = enrich_cpu_per_article(dev, enricher)
    result: dict[str, Any] = {"enrich_ms_per_article": enrich_cpu * 1000, "refused": refused}
    result["dev"] = run_quality("dev", gold_events, labels, tracks, args.misses, new_engine)
    if args.test:
        result["test"] = run_quality("test", gold_events, labels, tracks, args.misses, new_engine)
    if not args.no_cost:
        base = in_time_order(gold_events[a["gid"]] for a in dev)
        sizes = [int(s) for s in args.sizes.split(",")]
        result["cost"] = run_cost(base, sizes, enrich_cpu, new_engine, not args.keep_closed)
    OUT.mkdir(exist_ok=True)
    (OUT / "stories.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
