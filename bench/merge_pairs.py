"""Could a learned pairwise merger add to the rules' merges? A study, not a shipped part.

The pairs: two entities enrich left apart in one real dev page (PERSON, ORG or LOC) that share
a word ("Jones" and "Stephen Jones", "House" and "U.S. House"), each matched to a gold entity;
the label: whether the gold matches both to the same entity. A logistic model over pair
features (shared words, prefix / suffix, types, gazetteer, listed company, head word, which is
printed first, the mentions' ratio, the longer name's other words; `figure_learn.fit`) is
trained on one half of the sites and scored on the other. Prints the headroom (same-entity pairs
among all) and, per direction and threshold, how many pairs the model would merge rightly and
wrongly. Only dev pages are read; the locked test split is never loaded.

Usage: bench/merge_pairs.py [--parsed DIR] [--epochs 30]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figure_learn as learn
from quality import ours, real_dev_cases, site_halves
from quality_score import SCORED_TYPES, _alts, _forms


def _words(name: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", name.lower())


def features(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    from newsflow_enrich.stages import names
    from newsflow_enrich.stages.entity_types import listed_companies, places

    s, long = sorted((a, b), key=lambda p: (len(p["name"]), p["name"]))
    ws, wl = _words(s["name"]), _words(long["name"])
    shared = set(ws) & set(wl)
    first = [min((st for st, _ in p["spans"]), default=10**9) for p in (s, long)]
    return [
        "bias",
        f"types={s['type']}>{long['type']}",
        f"share={round(len(shared) / max(1, len(set(ws))), 1)}",
        f"subset={set(ws) <= set(wl)}",
        f"prefix={long['name'].startswith(s['name'] + ' ')}",
        f"suffix={long['name'].endswith(' ' + s['name'])}",
        f"words={min(len(ws), 3)}/{min(len(wl), 4)}",
        f"place={places().get(s['name'])}",
        f"listed={s['name'] in listed_companies()}",
        f"org_head={names.is_org_name(long['name'])}",
        f"upper={s['name'].isupper()}",
        f"short_first={first[0] < first[1]}",
        f"mentions={min(3, round(s['mentions'] / max(1, long['mentions'])))}",
        *[f"rest={w}" for w in wl if w not in shared][:3],
    ]


def pairs(case: tuple[str, Any, dict[str, Any]], event: dict[str, Any]) -> list[Any]:
    """(features, 1.0 if one gold entity else 0.0, page, names) for each word-sharing pair."""
    golds = [g for g in case[2].get("entities", []) if set(_alts(g["type"])) & set(SCORED_TYPES)]
    preds = [p for p in event.get("entities", []) if p["type"] in SCORED_TYPES]
    owner = []
    for p in preds:
        hit = [
            i
            for i, g in enumerate(golds)
            if p["type"] in _alts(g["type"]) and _forms(p) & _forms(g)
        ]
        owner.append(hit[0] if hit else None)
    out = []
    for i, a in enumerate(preds):
        for j in range(i + 1, len(preds)):
            b = preds[j]
            if (
                owner[i] is None
                or owner[j] is None
                or not set(_words(a["name"])) & set(_words(b["name"]))
            ):
                continue
            out.append(
                (features(a, b), float(owner[i] == owner[j]), case[0], (a["name"], b["name"]))
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parsed", type=Path, help="bench/parsed.py's cache of parses")
    ap.add_argument("--epochs", type=int, default=30)
    args = ap.parse_args()
    halves = site_halves()
    cases = real_dev_cases()
    events, _ = ours(cases, parsed=args.parsed)
    data: dict[str, list[Any]] = {"a": [], "b": []}
    for case, event in zip(cases, events, strict=True):
        if "error" not in event and halves.get(case[0]) in data:
            data[halves[case[0]]] += pairs(case, event)
    for half, items in data.items():
        print(f"half {half}: {int(sum(i[1] for i in items))} same-entity pairs of {len(items)}")
    for train, test in (("a", "b"), ("b", "a")):
        w = learn.fit(list(data[train]), learn.log_loss_gradient, epochs=args.epochs, seed=1)
        for cut in (0.0, 1.0):
            merged = [i for i in data[test] if sum(w.get(x, 0.0) for x in i[0]) > cut]
            right = int(sum(i[1] for i in merged))
            print(f"trained on {train}, scored on {test}, score > {cut}: "
                  f"{right} right, {len(merged) - right} wrong")  # fmt: skip


if __name__ == "__main__":
    main()
