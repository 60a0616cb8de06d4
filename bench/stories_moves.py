"""Which dev articles change story when enrich changes: the story engine fed the dev split twice.

Usage: bench/stories_moves.py OLD.ndjson [NEW.ndjson]
       bench/stories_moves.py --noise drop=0.1 [--noise type=0.1 ...] [--seeds 1,2,3,4]

OLD and NEW are caches of the story gold set's enrichment as bench/stories writes them
(bench/out/stories-enriched.ndjson, the default NEW; copy it aside before enrich changes). The
dev split of each is fed in publication order to a fresh engine with the shipped settings; the
stories of the two runs are matched by their overlap (largest first, one to one), and an article
outside its story's match moved. Each mover is printed with its gold story and what enrich
changed in it (entities added, dropped or retyped, title, dateline).

--noise asks how much the dev assignment leans on enrich's entities, with no second enrichment:
each entity of each dev article is dropped (drop=P) or given another type (type=P, one of
PERSON, ORG, LOC, MISC) with probability P, and the moved articles and B-cubed are averaged
over the seeds. Only dev articles are read; the locked test split is never fed or scored.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stories as S
from newsflow_contracts.events import ArticleEnriched
from stories_score import bcubed

TYPES = ("PERSON", "ORG", "LOC", "MISC")


def moved(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """Items whose story in `after` is not the match of their story in `before`. Stories are
    matched one to one by shared items, the largest overlap first (ties by the items' order),
    so one article leaving a story of 20 moves one article, not 20."""
    groups_b: dict[Any, list[str]] = {}
    groups_a: dict[Any, list[str]] = {}
    for item in before:
        groups_b.setdefault(before[item], []).append(item)
        groups_a.setdefault(after[item], []).append(item)
    overlap: dict[tuple[Any, Any], int] = {}
    for item in before:
        pair = (before[item], after[item])
        overlap[pair] = overlap.get(pair, 0) + 1
    order = {label: i for i, label in enumerate(groups_b)}
    order_a = {label: i for i, label in enumerate(groups_a)}
    match: dict[Any, Any] = {}
    taken: set[Any] = set()
    for (b, a), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], order[kv[0][0]],
                                                             order_a[kv[0][1]])):  # fmt: skip
        if b not in match and a not in taken:
            match[b] = a
            taken.add(a)
    return [item for item in before if match.get(before[item]) != after[item]]


def changes(old: ArticleEnriched, new: ArticleEnriched) -> list[str]:
    """What enrich changed in one article, as the story keys read it."""
    out = [f"{field} {getattr(old, field)!r} -> {getattr(new, field)!r}"
           for field in ("title", "dateline") if getattr(old, field) != getattr(new, field)]  # fmt: skip
    a = {e.name: e for e in old.entities}
    b = {e.name: e for e in new.entities}
    out += [f"- {n} ({a[n].type} x{a[n].mentions})" for n in sorted(a.keys() - b.keys())]
    out += [f"+ {n} ({b[n].type} x{b[n].mentions})" for n in sorted(b.keys() - a.keys())]
    for n in sorted(a.keys() & b.keys()):
        if (a[n].type, a[n].mentions) != (b[n].type, b[n].mentions):
            out.append(f"~ {n} {a[n].type} x{a[n].mentions} -> {b[n].type} x{b[n].mentions}")
    return out


def noisy(event: ArticleEnriched, kind: str, p: float, rng: random.Random) -> ArticleEnriched:
    """The event with each entity dropped (kind "drop") or retyped ("type") with probability p."""
    ents = []
    for e in event.entities:
        if rng.random() >= p:
            ents.append(e)
        elif kind == "type":
            other = rng.choice([t for t in TYPES if t != e.type])
            ents.append(e.model_copy(update={"type": other}))
        elif kind != "drop":
            raise SystemExit(f"unknown noise {kind!r}: drop or type")
    return event.model_copy(update={"entities": ents})


def load(path: Path, dev: set[str]) -> dict[str, ArticleEnriched]:
    """The dev articles' events of one cache file (its key line is not checked)."""
    out = {}
    for line in path.read_text().splitlines()[1:]:
        row = json.loads(line)
        if row.get("gid") in dev and "event" in row:
            out[row["gid"]] = ArticleEnriched.model_validate(row["event"])
    return out


def run(events: dict[str, ArticleEnriched], labels: dict[str, Any], tracks: dict[str, Any]
        ) -> tuple[dict[str, str], dict[str, str | None], int]:  # fmt: skip
    gold, predicted, results, _, _ = S.assign("dev", events, labels, tracks, S.engine_class())
    return gold, predicted, sum(r.exact for r in results)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("old", nargs="?", type=Path)
    ap.add_argument("new", nargs="?", type=Path, default=S.CACHE)
    ap.add_argument("--noise", action="append", default=[], metavar="KIND=P")
    ap.add_argument("--seeds", default="1,2,3,4,5,6,7,8")
    args = ap.parse_args(argv)
    _, labels, tracks = S.load_gold()
    dev = {g for g, s in labels["stories"].items() if labels["splits"][s] == "dev"}
    new = load(args.new, dev)
    gold, base, exact = run(new, labels, tracks)
    score = bcubed(gold, base)
    print(f"{args.new}: dev P {score.precision:.4f} R {score.recall:.4f} F1 {score.f1:.4f}, "
          f"tracks {exact}")  # fmt: skip
    if args.old:
        old = load(args.old, dev)
        _, before, exact_old = run(old, labels, tracks)
        was = bcubed(gold, before)
        print(f"{args.old}: dev P {was.precision:.4f} R {was.recall:.4f} F1 {was.f1:.4f}, "
              f"tracks {exact_old}")  # fmt: skip
        edited = sum(bool(changes(old[g], new[g])) for g in gold if g in old)
        movers = moved({g: before[g] for g in gold}, {g: base[g] for g in gold})
        print(f"{len(movers)} of {len(gold)} dev articles moved; enrich changed the entities, "
              f"title or dateline of {edited}")  # fmt: skip
        for g in movers:
            print(f"  {g} (gold {gold[g]}): " + "; ".join(changes(old[g], new[g]) or ["-"]))
    for spec in args.noise:
        kind, _, p = spec.partition("=")
        runs = []
        for seed in (int(s) for s in args.seeds.split(",")):
            rng = random.Random(seed)
            shaken = {g: noisy(e, kind, float(p), rng) for g, e in sorted(new.items())}
            _, predicted, _ = run(shaken, labels, tracks)
            runs.append((len(moved(base, predicted)), bcubed(gold, predicted).f1))
        m = sum(r[0] for r in runs) / len(runs)
        f1 = sum(r[1] for r in runs) / len(runs)
        print(f"noise {kind}={p}, {len(runs)} seeds: {m:.1f} of {len(gold)} dev articles moved "
              f"on average, F1 {score.f1:.4f} -> {f1:.4f}")  # fmt: skip


if __name__ == "__main__":
    main()
