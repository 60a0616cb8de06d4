"""Train the learned entity typer (newsflow_enrich.stages.entity_types) and compare it with the
rules, cross-validated by page.

Usage: bench/train_entities [--folds 5] [--repeats 5] [--jobs 1] [--epochs 10] [--seed 7] [--min-count 5]
       [--conll-docs 216] [--conll-weight 0.3] [--written-weight 1] [--lexical-l2 0]
       [--knowledge-l2 0] [--average] [--role-min-count N] [--parsed DIR]
       [--margins 0,0.5,1,2] [--margin M] [--no-write]
       [--out FILE] [--model NAME] [--vote NAME] [--ner NAME]

Gazetteer: newsflow_enrich/data/places.json (bench/places.py), the kind of place a name is.
Knowledge of organisations: listed_companies.json (bench/listed_companies.py), brands.json
(bench/brands.py).
Lexicon: for every capitalised word of CoNLL-2003 English train (bench/data/conll2003; never its
test part) seen 3+ times, the class its annotators gave it most (PER, ORG, LOC, MISC or O, not
a name), kept when that class has 60%+ of its uses. Word clusters (features of a name's first
and last word): newsflow_enrich/data/word_clusters.json, written by bench/word_clusters.py.
Examples: every candidate entity the rules find (entities.candidates, after resolution) on the
real dev pages (bench/real, split real-dev; never real-test) and the written sets (bench/data),
labelled with the type of the gold entity whose forms it shares (bench/quality's matching), or
OTHER when it shares none; a candidate of an optional gold entity is labelled with its type or
OTHER (either is right; the loss is on their summed probability). Also, counted
--conll-weight each and never scored, the candidates of --conll-docs articles of CoNLL-2003 dev
(its annotators' names as gold). The features include the second NER's votes (models.add_vote)
when the service pipeline runs one.
A multinomial logit (AdaGrad, L2, features of fewer than --min-count examples dropped; the words'
own features can be held nearer 0 than the knowledge features: --lexical-l2) is fitted
on every fold of pages but one and applied to the one left out (folds by page, real dev and
written sets alike), for each margin by which the model must beat the rules' own class; the
entity F1s of the rules and of the model are printed for real dev (and its two halves by site,
as bench/quality --half splits it) and the written sets; --repeats pools that many
cross-validations with other folds and orders (seed, seed + 1, ...). Then it
is fitted on everything and written to --out (the service's bundled weights) unless --no-write,
with the margin that did best on real dev in cross-validation. Same seed, same weights; parses
are cached in bench/out (shared with bench/train_figures).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_data import lexicon, pages
from figure_learn import Weights, fit, seen_counts
from newsflow_enrich.stages import entities, name_roles
from newsflow_enrich.stages import entity_types as et
from quality import BENCH
from quality_score import SCORED_TYPES, Scores, score_entities

ROWS = [*(f"entities {t}" for t in SCORED_TYPES), "merges variant", "merges (all)"]


# The features of the words themselves: the name's words and their shape, their Brown clusters,
# what CoNLL's annotators called them, the words around the mentions. Each is known from a few
# pages, so a retrain on a few more pages swings them (and the names at the decision boundary
# with them: "Oita", "Koshi"); --lexical-l2 holds them nearer 0 than the knowledge features
# (the gazetteer, the listed companies, the brands, the rules' and the NERs' votes, the parse).
LEXICAL = ("w0=", "wl=", "c0_", "cl_", "lex0=", "lexl=", "lexany=", "lexform=", "first_name",
           "prev=", "next=", "prev_p=", "next_p=", "head=", "acronym", "allcaps", "digit", "amp",
           "hyphen", "dot", "apos", "camel", "ends_s", *name_roles.WORDS)  # fmt: skip


def train(exs: list[tuple[list[str], str, str]], epochs: int, seed: int, min_count: int,
          l2: float = 1e-4, rate: float = 0.3, extra: list[tuple[list[str], str, str]] = (),
          extra_weight: float = 1.0, written: list[tuple[list[str], str, str]] = (),
          written_weight: float = 1.0, lexical_l2: float = 0.0, knowledge_l2: float = 0.0,
          average: bool = False, role_min_count: int | None = None) -> dict[str, float]:  # fmt: skip
    """A multinomial logit by AdaGrad (figure_learn.fit, the figure models' loop); weights keyed
    "feature|class". `extra` examples (CoNLL's) count `extra_weight` each, `written` ones (the
    written sets') `written_weight` each. `lexical_l2` / `knowledge_l2`: an L2 penalty of
    lambda / 2 * |w|^2 on the weights of the LEXICAL features / of the others, over the whole
    data (each use of a feature takes lambda / its weighted count of uses), on top of `l2`'s
    per use; a feature seen on a few pages is held nearer 0 than a common one. `average`: the
    mean weights of the last epoch (figure_learn.fit), which another seed's order moves less.
    `role_min_count`: the fewest examples a feature of the words a name's role is read by
    (name_roles.WORDS: "rd=nsubj:say", "pp=of:share") needs to be kept; a few pages' head word
    would otherwise take a weight of +-2 (None: `min_count`)."""
    seen = seen_counts(feats for feats, _, _ in [*exs, *written, *extra])
    least = min_count if role_min_count is None else role_min_count
    keep = {f for f, n in seen.items()
            if n >= (least if f.startswith(name_roles.WORDS) else min_count)}  # fmt: skip
    data = [([f for f in feats if f in keep], label, weight)
            for group, weight in ((exs, 1.0), (written, written_weight), (extra, extra_weight))
            for feats, label, _ in group]  # fmt: skip
    own: dict[str, float] = {}
    if lexical_l2 or knowledge_l2:
        uses: dict[str, float] = defaultdict(float)
        for feats, _, weight in data:
            for f in feats:
                uses[f] += weight
        own = {f"{f}|{k}": l2 + (lexical_l2 if f.startswith(LEXICAL) else knowledge_l2) / n
               for f, n in uses.items() for k in et.CLASSES}  # fmt: skip
    return fit(data, _gradient, epochs, seed, lr=rate, l2=l2, digits=4,
               l2_of=(lambda key: own.get(key, l2)) if own else None, average=average)  # fmt: skip


def _gradient(item: tuple[list[str], str, float], w: Weights) -> list[tuple[list[str], float]]:
    """The logit's gradient for one example, per class: the features keyed by that class and
    d loss / d score. A label may allow several classes (an optional gold name: its type or
    OTHER): the loss is -log of their summed probability, so each allowed class is pulled up by
    its share of that sum."""
    feats, label, weight = item
    s = {k: sum(w.get(f"{x}|{k}", 0.0) for x in feats) for k in et.CLASSES}
    top = max(s.values())
    z = sum(math.exp(v - top) for v in s.values())
    allowed = label.split("|")
    top_ok = max(s[k] for k in allowed)
    z_ok = sum(math.exp(s[k] - top_ok) for k in allowed)
    out = []
    for k in et.CLASSES:
        share = math.exp(s[k] - top_ok) / z_ok if k in allowed else 0.0
        out.append(([f"{x}|{k}" for x in feats], weight * (math.exp(s[k] - top) / z - share)))
    return out


def score(pgs: list[dict[str, Any]], typer: et.Typer | None,
          misses: dict[str, list[str]] | None = None) -> dict[str, Scores]:  # fmt: skip
    out: dict[str, Scores] = defaultdict(Scores)
    for p in pgs:
        ents = entities.extract(p["doc"], len(p["body"]), p["dateline"], p["agencies"], typer)
        s = Scores()
        score_entities(p["gold"], [e.model_dump(mode="json") for e in ents], p["body"],
                       p["captions"], s)  # fmt: skip
        out[p["group"]].add(s)
        if p["half"]:  # the real dev pages' halves by site, as bench/quality --half reads them
            out[f"{p['group']} {p['half']}"].add(s)
        if misses is not None:
            misses[p["name"]] = s.misses
    return out


def f1s(s: Scores) -> str:
    return "  ".join(f"{k.split()[-1]} {s.prf[k].row()['f1'] or 0:.3f}" for k in ROWS if k in s.prf)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument(
        "--conll-docs",
        type=int,
        default=216,
        help="also train on this many CoNLL-2003 dev articles (never scored)",
    )
    ap.add_argument(
        "--conll-weight",
        type=float,
        default=0.3,
        help="what a CoNLL example counts in training against a page's",
    )
    ap.add_argument(
        "--written-weight",
        type=float,
        default=1.0,
        help="what an example of the written sets counts in training against a real page's",
    )
    ap.add_argument(
        "--lexical-l2",
        type=float,
        default=0.0,
        help="an L2 penalty over the whole data on the weights of the words' own features "
        "(entity_train.LEXICAL: words, shapes, clusters, CoNLL's lexicon, the words around)",
    )
    ap.add_argument(
        "--knowledge-l2",
        type=float,
        default=0.0,
        help="the same on every other feature's weights (gazetteer, lists, votes, parse)",
    )
    ap.add_argument(
        "--average",
        action="store_true",
        help="ship the mean weights of the last epoch, not its last ones (steadier across seeds)",
    )
    ap.add_argument(
        "--role-min-count",
        type=int,
        help="the fewest examples a feature of the words around a name's role (name_roles.WORDS: "
        "rd=, pp=) needs to be kept (default: --min-count)",
    )
    ap.add_argument(
        "--parsed",
        type=Path,
        help="read parses from bench/quality's --parsed DIR where it holds them",
    )
    ap.add_argument(
        "--repeats",
        type=int,
        default=5,
        help="cross-validate this many times (seeds --seed, --seed + 1, ...) and pool the scores",
    )
    ap.add_argument("--margins", default="0,0.5,1,2")
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="run the repeats in this many processes (forked; the same scores as one)",
    )
    ap.add_argument("--margin", type=float, help="ship this margin, not CV's best")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument(
        "--vote",
        help="the second opinion the typer reads (a bundled model's "
        'name, a directory, or "" for none); default: the service\'s',
    )
    ap.add_argument(
        "--model",
        help="the spaCy pipeline (as the service's model setting); default: the service's",
    )
    ap.add_argument(
        "--ner",
        help="the learned NER put into the pipeline (as the service's ner setting: a bundled "
        "name, a directory, or \"\" for the pipeline's own); default: the service's",
    )
    ap.add_argument(
        "--diff",
        action="store_true",
        help="print the misses that differ between "
        "the rules and the cross-validated model (at --margin)",
    )
    ap.add_argument("--out", type=Path, default=et.DEFAULT)
    args = ap.parse_args()
    t0 = time.perf_counter()
    lex = lexicon()
    print(f"lexicon: {len(lex)} CoNLL train words ({time.perf_counter() - t0:.0f}s)")
    pgs = pages(lex, args.conll_docs, args.vote, args.model, args.ner, args.parsed)
    extra = [p for p in pgs if p["group"] == "conll"]  # always trained on, never scored
    pgs = [p for p in pgs if p["group"] != "conll"]
    conll_ex = [e for p in extra for e in p["examples"]]
    print(f"{len(pgs)} pages, {sum(len(p['examples']) for p in pgs)} candidates "
          f"({time.perf_counter() - t0:.0f}s)")  # fmt: skip
    margins = [float(m) for m in args.margins.split(",")]
    cv: dict[float, dict[str, Scores]] = {m: defaultdict(Scores) for m in margins}
    cv_misses: dict[str, list[str]] = {}
    keep_margin = args.margin if args.margin is not None else 1.0
    global _CV_STATE  # read by _one_repeat in the forked workers (pages hold spaCy docs)
    _CV_STATE = (pgs, conll_ex, lex, margins, keep_margin, args)
    seeds = [args.seed + r for r in range(args.repeats)]
    if args.jobs > 1:  # each repeat is its own seed: the same scores as one process, sooner
        with multiprocessing.get_context("fork").Pool(min(args.jobs, len(seeds))) as pool:
            results = pool.imap(_one_repeat, seeds)
            _pool_repeats(results, cv, cv_misses, args, t0)
    else:
        _pool_repeats(map(_one_repeat, seeds), cv, cv_misses, args, t0)
    rules_misses: dict[str, list[str]] = {}
    rules = score(pgs, None, rules_misses)
    (BENCH / "out").mkdir(exist_ok=True)
    (BENCH / "out" / "entity_cv_misses.json").write_text(
        json.dumps({"rules": rules_misses, "model": cv_misses}, indent=1, ensure_ascii=False)
    )
    if args.diff:
        for name, ms in rules_misses.items():
            for m in sorted(set(ms) ^ set(cv_misses[name])):
                print(f"{'-' if m in ms else '+'} {name}: {m}")
    print("\ncross-validated by page (F1):")
    for g in ("real", "real a", "real b", "written"):
        print(f"  {g:8s} rules          {f1s(rules[g])}")
        for m in margins:
            print(f"  {g:8s} model m={m:<4}   {f1s(cv[m][g])}")
    margin = args.margin if args.margin is not None else max(
        margins, key=lambda m: _mean_f1(cv[m]["real"]))  # fmt: skip
    w = _fit(pgs, conll_ex, args.seed, args)
    clusters = hashlib.sha256(et.CLUSTERS.read_bytes()).hexdigest()[:8]  # features read it
    places = hashlib.sha256(et.PLACES.read_bytes()).hexdigest()[:8]  # and the gazetteer
    listed = hashlib.sha256(et.LISTED.read_bytes()).hexdigest()[:8]  # and the listed companies
    brands = hashlib.sha256(et.BRANDS.read_bytes()).hexdigest()[:8]  # and the brands
    key = json.dumps([w, lex, margin, clusters, places, listed, brands], sort_keys=True)
    digest = hashlib.sha256(key.encode()).hexdigest()[:8]
    version = f"entity-types-{digest}"
    print(f"\nshipped margin {margin}; {len(w)} weights, {len(lex)} lexicon words; {version}")
    if not args.no_write:
        args.out.write_text(json.dumps({
            "version": version, "trained_on": "bench/real real-dev + bench/data + CoNLL-2003 "
            "English dev articles; lexicon: CoNLL-2003 English train", "seed": args.seed,
            "epochs": args.epochs, "conll_docs": args.conll_docs,
            "conll_weight": args.conll_weight, "written_weight": args.written_weight,
            "lexical_l2": args.lexical_l2, "knowledge_l2": args.knowledge_l2,
            "average": args.average,
            "min_count": args.min_count, "role_min_count": args.role_min_count, "margin": margin, "word_clusters": clusters,
            "places": places,
            "listed_companies": listed, "brands": brands,
            "lexicon": lex, "weights": w,
        }, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")  # fmt: skip
        print(f"wrote {args.out}")


_CV_STATE: tuple[Any, ...] = ()


def _one_repeat(seed: int) -> tuple[int, dict[float, dict[str, Scores]], dict[str, list[str]]]:
    """One cross-validation (folds and order by `seed`): the scores per margin and group, and
    the misses at the margin kept for --diff (first repeat only)."""
    pgs, conll_ex, lex, margins, keep_margin, args = _CV_STATE
    rng = random.Random(seed)
    order = list(range(len(pgs)))
    rng.shuffle(order)
    fold = {i: k % args.folds for k, i in enumerate(order)}
    cv: dict[float, dict[str, Scores]] = {m: defaultdict(Scores) for m in margins}
    misses: dict[str, list[str]] = {}
    for f in range(args.folds):
        w = _fit([p for i, p in enumerate(pgs) if fold[i] != f], conll_ex, seed, args)
        held = [p for i, p in enumerate(pgs) if fold[i] == f]
        for m in margins:
            keep = misses if seed == args.seed and m == keep_margin else None
            for g, s in score(held, et.Typer(w, lex, "cv", m), keep).items():
                cv[m][g].add(s)
    return seed, cv, misses


def _fit(pgs: list[dict[str, Any]], conll_ex: list[tuple[list[str], str, str]], seed: int,
         args: Any) -> dict[str, float]:  # fmt: skip
    """The typer trained on these pages (real and written, the written counted
    --written-weight) and the CoNLL examples (counted --conll-weight)."""
    real = [e for p in pgs if p["group"] != "written" for e in p["examples"]]
    written = [e for p in pgs if p["group"] == "written" for e in p["examples"]]
    return train(real, args.epochs, seed, args.min_count, args.l2, extra=conll_ex,
                 extra_weight=args.conll_weight, written=written,
                 written_weight=args.written_weight, lexical_l2=args.lexical_l2,
                 knowledge_l2=args.knowledge_l2, average=args.average,
                 role_min_count=args.role_min_count)  # fmt: skip


def _pool_repeats(results: Any, cv: dict[float, dict[str, Scores]],
                  cv_misses: dict[str, list[str]], args: Any, t0: float) -> None:  # fmt: skip
    for k, (_, one, misses) in enumerate(results, 1):
        for m, groups in one.items():
            for g, s in groups.items():
                cv[m][g].add(s)
        cv_misses.update(misses)
        print(f"  cross-validation {k}/{args.repeats} ({time.perf_counter() - t0:.0f}s)",
              flush=True)  # fmt: skip


def _mean_f1(s: Scores) -> float:
    return sum(s.prf[f"entities {t}"].row()["f1"] or 0 for t in SCORED_TYPES) / len(SCORED_TYPES)


if __name__ == "__main__":
    main()
