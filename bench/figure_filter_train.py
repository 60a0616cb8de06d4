"""Train the learned figure filter (newsflow_enrich.stages.figure_filter) on annotated pages,
cross-validated with the real dev sites held out in folds, and compare it with the rules alone.

Usage: bench/train_figure_filter [--folds 5] [--epochs 20] [--seed 7] [--min-count 5]
       [--l2 0.001] [--l2-words 0.03] [--seeds 1]
       [--thresholds 0.4,0.45,0.5,0.55] [--threshold T] [--out FILE] [--no-write] [--parsed DIR]
       [--held-at REV]

Training data: every figure the rules find on the real dev pages (bench/real, split real-dev; never
real-test) and on the written sets (bench/data), labelled right when it matches a gold figure by
value (bench/quality's matching). A logistic model (AdaGrad, L2, a stronger one on the word
features, WORDS; features of fewer than --min-count figures dropped) is fitted on every fold of
real dev sites but one plus the written sets, and applied to the sites left out; pages of one site
stay in one fold, so a site's habits are never learned and scored at once. Printed: figure F1 of
the rules and of the rules with the filter, per fold and threshold, and the cross-validated scores
per half of the sites (bench/quality --half); then trained on half a and the written sets and
scored on half b, and the other way round. Then fitted on everything and written to --out (the
service's bundled weights) unless --no-write, with the threshold that did best in cross-validation.
Same seed, same weights; parses are cached in bench/out (bench/train_figures) and read from
bench/quality's --parsed DIR when given.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figure_learn as learn
from figure_learn import row, seen_counts
from figure_score import match_figures
from figure_train import parse_pages, site_folds
from newsflow_enrich.stages import figure_filter as ff
from quality import BENCH, LOCKED, load_cases, real_dev_cases, site_halves


def examples(page: dict[str, Any]) -> list[tuple[list[str], bool]]:
    """(features, right) for each figure the rules found on the page and each number a
    doubtful rule left out (figures.candidates)."""
    cands = page["cands"]
    matched = set(match_figures(page["gold"].get("figures", []),
                                [f.model_dump() for f in cands]).values())  # fmt: skip
    sent_feats: dict[int, list[str]] = {}
    return [(ff.features(page["doc"], f, sent_feats, d), k in matched)
            for k, (f, d) in enumerate(zip(cands, page["doubts"], strict=True))]  # fmt: skip


# The word features: which word stands before or after the number, governs it, or is its object
# or event. Each is seen on a few pages, so its weight swings from one retrain to the next
# (elem=take +1.65 -> -0.21 in session 24); --l2-words holds them nearer 0 than the features of
# the parse and the number's shape, which every page has.
WORDS = ("p1=", "p2=", "p1p2=", "n1=", "head=", "olem=", "elem=")


def is_word(feature: str) -> bool:
    """A word feature, of a doubtful number too ('doubt=one|p1=the')."""
    return feature.split("|", 1)[1 if feature.startswith("doubt=") else 0].startswith(WORDS)


def fit(data: list[tuple[list[str], bool]], args: argparse.Namespace) -> dict[str, float]:
    """Logistic regression by AdaGrad on the log loss; with --seeds N, the mean of the weights of
    N shuffles (seeds --seed, --seed + 1, ...)."""
    seen = seen_counts(feats for feats, _ in data)
    data = [([x for x in feats if seen[x] >= args.min_count], ok) for feats, ok in data]
    l2 = args.l2

    def l2_of(x: str) -> float:
        return args.l2_words if is_word(x) else l2

    runs = [learn.fit(list(data), learn.log_loss_gradient, args.epochs, args.seed + k, 0.1, l2,
                      digits=12, l2_of=l2_of) for k in range(args.seeds)]  # fmt: skip
    mean: dict[str, float] = defaultdict(float)
    for w in runs:
        for x, v in w.items():
            mean[x] += v / len(runs)
    return {x: round(v, 3) for x, v in sorted(mean.items()) if abs(v) >= 1e-3}


def f1s(pages: list[dict[str, Any]], model: ff.Filter | None) -> dict[str, float]:
    return learn.f1s(pages, lambda p: p["rules"] if model is None
                     else model.keep(p["doc"], p["cands"], p["doubts"]))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-count", type=int, default=5, help="drop rarer features")
    ap.add_argument("--l2", type=float, default=1e-3, help="L2 of the parse and shape features")
    ap.add_argument("--l2-words", type=float, default=0.03, help="L2 of the word features (WORDS)")
    ap.add_argument("--seeds", type=int, default=1, help="average the weights of this many seeds")
    ap.add_argument("--thresholds", default="0.4,0.45,0.5,0.55")
    ap.add_argument("--threshold", type=float, help="ship this threshold (default: best in CV)")
    ap.add_argument("--out", type=Path, default=ff.DEFAULT)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--model", help="the spaCy pipeline (as the service's model setting)")
    ap.add_argument("--held-at", metavar="REV",
                    help="train on the real dev pages this git revision held (default: all)")  # fmt: skip
    ap.add_argument("--parsed", type=Path,
                    help="read parses from bench/quality's --parsed DIR where it holds them")  # fmt: skip
    args = ap.parse_args()
    real_cases = real_dev_cases(args.held_at)
    assert all(c[2].get("split") != LOCKED for c in real_cases)
    print(f"parsing {len(real_cases)} real dev pages and the written sets ...", flush=True)
    real = parse_pages(real_cases, args.model, args.parsed)
    written = parse_pages(load_cases(BENCH / "data"), args.model, args.parsed)
    for p in real + written:
        p["examples"] = examples(p)
    extra = [x for p in written for x in p["examples"]]
    thresholds = [float(t) for t in args.thresholds.split(",")]
    print("\n| real dev fold (by site) | pages | value rules / filter | +object | +object+event |")
    print("|---|---|---|---|---|")
    for k, held in enumerate(site_folds(real, args.folds, args.seed)):
        train = [x for p in real if p not in held for x in p["examples"]] + extra
        weights = fit(train, args)
        for t in thresholds:
            model = ff.Filter(weights, "cv", t)
            print(row(f"fold {k + 1}, threshold {t}", len(held), f1s(held, None),
                      f1s(held, model)), flush=True)  # fmt: skip
            for p in held:
                p[f"cv{t}"] = model.keep(p["doc"], p["cands"], p["doubts"])
    rules = f1s(real, None)
    cv = {t: learn.f1s(real, lambda p, t=t: p[f"cv{t}"]) for t in thresholds}
    for t in thresholds:
        print(row(f"all (cross-validated), threshold {t}", len(real), rules, cv[t]))
    threshold = args.threshold if args.threshold is not None else max(
        thresholds, key=lambda t: cv[t]["figures value"])  # fmt: skip
    halves = site_halves()
    half = {h: [p for p in real if halves[p["name"]] == h] for h in "ab"}
    for h, ps in half.items():  # the same folds' predictions, read per half of the sites
        for t in thresholds:
            print(row(f"half {h} (cross-validated), threshold {t}", len(ps), f1s(ps, None),
                      learn.f1s(ps, lambda p, t=t: p[f"cv{t}"])))  # fmt: skip
    for train, test in (("a", "b"), ("b", "a")):
        weights = fit([x for p in half[train] for x in p["examples"]] + extra, args)
        model = ff.Filter(weights, f"half-{train}", threshold)
        print(f"\nthreshold {threshold}; trained on half {train} + written, scored on half {test}:")
        print(row(f"half {test}", len(half[test]), f1s(half[test], None), f1s(half[test], model)))
    weights = fit([x for p in real for x in p["examples"]] + extra, args)
    model = ff.Filter(weights, "written-check", threshold)
    by_split: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in written:
        by_split[p["gold"].get("split", "dev")].append(p)
    print(
        "\n| written set (in-sample) | articles | value rules / filter | +object | +object+event |"
    )
    print("|---|---|---|---|---|")
    for split, ps in sorted(by_split.items()):
        print(row(split, len(ps), f1s(ps, None), f1s(ps, model)))
    if not args.no_write:
        blob = json.dumps([weights, threshold], sort_keys=True).encode()
        version = f"figure-filter-{hashlib.sha256(blob).hexdigest()[:8]}"
        args.out.write_text(json.dumps(
            {"version": version, "trained_on": "bench/real real-dev"
             + (f" held at {args.held_at}" if args.held_at else "") + " + bench/data",
             "seed": args.seed, "seeds": args.seeds, "epochs": args.epochs,
             "min_count": args.min_count, "l2": args.l2, "l2_words": args.l2_words,
             "threshold": threshold, "weights": weights}, indent=0) + "\n")  # fmt: skip
        print(f"\n{len(weights)} weights written to {args.out} ({version})")


if __name__ == "__main__":
    main()
