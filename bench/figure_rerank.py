"""Experiment: can a learned reranker over spaCy's parse pick a figure's object and event better
than the rules? Leave-one-split-out over bench/data, against the rules on the same figures.

Usage: .venv/bin/python bench/figure_rerank.py [--data bench/data] [--test DIR] [--epochs 8]

For each figure the rules found and that matches a gold figure by value, the candidates are the
sentence's nouns (object) and verbs (event), and "none". A conditional logit over sparse features
(dependency path from the number, distance, part of speech, the rules' own choice, the verb's
lemma) is trained on every split but one and scored on the one left out; with --test, trained
on all of --data and scored on DIR.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import BENCH, load_cases
from quality_score import _alts, head, match_figures, stem

NONE = None


def _path(a: Any, b: Any) -> str:
    up, anc = [], {}
    t, k = a, 0
    while True:
        anc[t.i] = k
        if t.head.i == t.i or k > 8:
            break
        up.append(t.dep_)
        t, k = t.head, k + 1
    down, t = [], b
    while t.i not in anc and len(down) < 9:
        down.append(t.dep_)
        if t.head.i == t.i:
            return "far"
        t = t.head
    if t.i not in anc:
        return "far"
    ups = up[: anc[t.i]]
    if len(ups) + len(down) > 5:
        return "far"
    return "/".join(ups) + "^" + "/".join(reversed(down))


def _bucket(d: int) -> str:
    s = "+" if d > 0 else "-"
    d = abs(d)
    return s + ("1" if d <= 1 else "2" if d <= 2 else "4" if d <= 4 else "8" if d <= 8 else "far")


def unit_kind(unit: str | None) -> str:
    if unit is None:
        return "count"
    if unit in ("%", "pp"):
        return "pct"
    if unit.isupper() and len(unit) == 3:
        return "money"
    return "measure"


def features(kind: str, anchor: Any, cand: Any, rule_head: str | None, fig: dict[str, Any],
             span: tuple[int, int]) -> list[str]:
    uk = unit_kind(fig.get("unit"))
    if cand is NONE:
        f = ["none", f"none|{uk}"]
        if rule_head is None:
            f += ["rule", f"rule|{uk}"]
        return [f"{kind}:{x}" for x in f]
    norm = head if kind == "obj" else stem
    p = _path(anchor, cand)
    f = [f"path={p}", f"path={p}|{uk}", f"dist={_bucket(cand.i - anchor.i)}",
         f"pos={cand.pos_}", f"dep={cand.dep_}", f"dep={cand.dep_}|{uk}",
         f"plen={p.count('/') + 1 if p != 'far' else 'far'}"]
    if rule_head is not None and norm(cand.text) == rule_head:
        f += ["rule", f"rule|{uk}"]
    if kind == "ev":
        f += [f"lemma={cand.lemma_.lower()}"]
    else:
        f += [f"ent={cand.ent_type_ or '-'}"]
        if cand.head.lower_ == "of" and cand.head.head.i == anchor.i:
            f.append("of_num")
    lo, hi = sorted((cand.i, anchor.i))
    if any(t.pos_ == "VERB" for t in anchor.doc[lo + 1:hi]):
        f.append("verb_between")
    if any(t.text in (",", ";", "—", "(") for t in anchor.doc[lo + 1:hi]):
        f.append("punct_between")
    return [f"{kind}:{x}" for x in f]


def examples(data: Path) -> list[dict[str, Any]]:
    """One item per rule figure matched to a gold figure: candidates, features, labels."""
    from newsflow_enrich.pipeline import Enricher, _nlp_text
    from newsflow_enrich.stages import figures as figs_stage

    enricher = Enricher()
    out = []
    for name, raw, gold in load_cases(data):
        p = enricher.prepare(raw)
        doc = enricher.nlp(_nlp_text(p.cleaned))
        preds = [f.model_dump() for f in figs_stage.extract(doc, len(p.cleaned.body))]
        golds = gold.get("figures", [])
        pairs = match_figures(golds, preds)
        for gi, pi in pairs.items():
            g, f = golds[gi], preds[pi]
            span = doc.char_span(*f["span"], alignment_mode="expand")
            if span is None:
                continue
            anchor, sent = span.root, span.sent
            item: dict[str, Any] = {"split": gold.get("split", "dev"), "article": name,
                                    "gold": g, "pred": f}
            for kind, norm, key, pos in (("obj", head, "object", ("NOUN", "PROPN")),
                                         ("ev", stem, "event", ("VERB",))):
                rule_head = norm(f.get(key))
                gold_heads = {norm(x) for x in _alts(g.get(key))}
                cands = [NONE] + [t for t in sent if t.pos_ in pos
                                  and not (span.start <= t.i < span.end)]
                item[kind] = [(features(kind, anchor, c, rule_head, f, f["span"]),
                               (None if c is NONE else norm(c.text)) in gold_heads,
                               None if c is NONE else norm(c.text)) for c in cands]
                item[f"{kind}_rule_ok"] = rule_head in gold_heads
            out.append(item)
    return out


class Logit:
    """A conditional logit over candidates: softmax of summed feature weights."""

    def __init__(self) -> None:
        self.w: dict[str, float] = defaultdict(float)

    def scores(self, cands: list[Any]) -> list[float]:
        return [sum(self.w[x] for x in feats) for feats, _, _ in cands]

    def fit(self, groups: list[list[Any]], epochs: int, lr: float = 0.1, l2: float = 1e-3) -> None:
        rng = random.Random(7)
        groups = [g for g in groups if any(ok for _, ok, _ in g)]
        g2: dict[str, float] = defaultdict(lambda: 1e-8)
        for _ in range(epochs):
            rng.shuffle(groups)
            for cands in groups:
                s = self.scores(cands)
                m = max(s)
                e = [math.exp(x - m) for x in s]
                z = sum(e)
                gold_mass = sum(ei for ei, (_, ok, _) in zip(e, cands, strict=True) if ok)
                for ei, (feats, ok, _) in zip(e, cands, strict=True):
                    # gradient of -log P(any gold candidate)
                    grad = ei / z - (ei / gold_mass if ok else 0.0)
                    for x in feats:
                        gx = grad + l2 * self.w[x]
                        g2[x] += gx * gx
                        self.w[x] -= lr * gx / math.sqrt(g2[x])

    def pick(self, cands: list[Any]) -> int:
        s = self.scores(cands)
        return max(range(len(cands)), key=lambda k: s[k])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=BENCH / "data")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--test", type=Path, help="train on all of --data, score this directory")
    args = ap.parse_args()
    items = examples(args.data)
    if args.test:
        items = [{**it, "split": "train"} for it in items] + examples(args.test)
    splits = sorted({it["split"] for it in items} - ({"train"} if args.test else set()))
    print("| held out | figures | rules obj | model obj | rules ev | model ev | rules both | model both |")
    print("|---|---|---|---|---|---|---|---|")
    tot = defaultdict(int)
    for held in splits:
        train = [it for it in items if it["split"] != held]
        test = [it for it in items if it["split"] == held]
        models = {}
        for kind in ("obj", "ev"):
            models[kind] = Logit()
            models[kind].fit([it[kind] for it in train], args.epochs)
        c = defaultdict(int)
        for it in test:
            ok = {}
            for kind in ("obj", "ev"):
                k = models[kind].pick(it[kind])
                ok[kind] = it[kind][k][1]
                c[f"rules {kind}"] += it[f"{kind}_rule_ok"]
                c[f"model {kind}"] += ok[kind]
            c["rules both"] += it["obj_rule_ok"] and it["ev_rule_ok"]
            c["model both"] += ok["obj"] and ok["ev"]
        n = len(test)
        for k, v in c.items():
            tot[k] += v
        tot["n"] += n
        print(f"| {held} | {n} | " + " | ".join(f"{c[k] / n:.3f}" for k in (
            "rules obj", "model obj", "rules ev", "model ev", "rules both", "model both")) + " |")
    n = tot["n"]
    print(f"| all | {n} | " + " | ".join(f"{tot[k] / n:.3f}" for k in (
        "rules obj", "model obj", "rules ev", "model ev", "rules both", "model both")) + " |")


if __name__ == "__main__":
    main()
