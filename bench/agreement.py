"""How far two annotators agree, and how the pipeline fares against each: the ceiling of bench/quality.

Usage: bench/agreement [--second bench/data-second] [--data bench/data] [--misses]

DIR holds <name>.gold.json: a second annotator's gold for bench/data/<name>, written without
seeing the first (entities, figures and metadata; text lines are not re-annotated). For those
articles it prints, with the matching rules of bench/quality:
- "second vs first": the second annotation read as a prediction against the first. Where the
  second lists alternatives it answers with its first non-null one (strict). "lenient" counts an
  object or event as agreed when the two lists share any reading.
- "ours vs first", "ours vs second": the pipeline against each annotator.
- "ours vs either": an object or event is right when either annotator accepts it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figure_score import event_ok, head, match_figures, object_ok, score_figures
from quality import BENCH, load_cases, ours, table
from quality_score import Scores, _alts, score_entities, score_metadata

FIG_ROWS = ("figures value", "figures +object", "figures +object+event")


def _first(value: Any) -> Any:
    alts = [a for a in _alts(value) if a]
    return alts[0] if alts else None


def as_prediction(gold: dict[str, Any], body: str) -> dict[str, Any]:
    """A gold annotation in the shape of an enriched event (spans found in `body`)."""
    ents = []
    for e in gold.get("entities", []):
        spans = [
            [m.start(), m.end()]
            for f in [e["name"], *e.get("aliases", [])]
            for m in re.finditer(r"(?<!\w)" + re.escape(f) + r"(?!\w)", body)
        ]
        ents.append(
            {
                "name": e["name"],
                "type": _alts(e["type"])[0],
                "aliases": e.get("aliases", []),
                "spans": spans,
            }
        )
    figs: list[dict[str, Any]] = []
    golds = gold.get("figures", [])
    for f in golds:
        parent = f.get("parent_value")
        idx = next(
            (i for i, q in enumerate(golds) if parent is not None and q["value"] == parent), None
        )
        figs.append(
            {
                "value": f["value"],
                "low": f.get("low"),
                "high": f.get("high"),
                "text": f.get("text") or "",
                "qualifier": f.get("qualifier"),
                "unit": f.get("unit"),
                "object": _first(f.get("object")),
                "event": _first(f.get("event")),
                "parent": idx,
                "sentence": "",
            }
        )
    return {
        **{
            k: gold.get(k)
            for k in (
                "title",
                "byline",
                "agencies",
                "published_at",
                "dateline",
                "language",
                "captions",
            )
        },
        "body": body,
        "entities": ents,
        "figures": figs,
    }


def _lenient(first: dict[str, Any], second: dict[str, Any], s: Scores) -> None:
    """Figure context agreed when the two annotators' lists share a reading."""
    golds, others = first.get("figures", []), second.get("figures", [])
    pairs = match_figures(golds, _one_object(others))
    for key, ok in (
        ("lenient +object", lambda g, o: _shared(g, o, "object", head)),
        (
            "lenient +object+event",
            lambda g, o: _shared(g, o, "object", head) and event_ok(g, o),
        ),
    ):
        m = s.get(key)
        hits = sum(ok(golds[gi], others[oi]) for gi, oi in pairs.items())
        m.n_gold += len(golds)
        m.n_pred += len(others)
        m.tp_r += hits
        m.tp_p += hits


def _one_object(figs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold figures with one object each, as match_figures compares a prediction's."""
    return [{**f, "object": _first(f.get("object"))} for f in figs]


def _shared(a: dict[str, Any], b: dict[str, Any], key: str, norm: Any) -> bool:
    return bool({norm(x) for x in _alts(a.get(key))} & {norm(x) for x in _alts(b.get(key))})


def _either(
    first: dict[str, Any], second: dict[str, Any], preds: list[dict[str, Any]], s: Scores
) -> None:
    """Ours against the first annotator's figures, context right if either annotator accepts it."""
    golds = first.get("figures", [])
    pairs = match_figures(golds, preds)
    to_second = match_figures(golds, _one_object(second.get("figures", [])))
    for key, ok in (
        ("figures +object", object_ok),
        ("figures +object+event", lambda g, p: object_ok(g, p) and event_ok(g, p)),
    ):
        m = s.get(key)
        hits = 0
        for gi, pi in pairs.items():
            alt = [second["figures"][to_second[gi]]] if gi in to_second else []
            hits += any(ok(g, preds[pi]) for g in [golds[gi], *alt])
        m.n_gold += len(golds)
        m.n_pred += len(preds)
        m.tp_r += hits
        m.tp_p += hits


def human_vs_first(first: dict[str, Any], second: dict[str, Any], pred: dict[str, Any]) -> Scores:
    """The second annotation read as a prediction against the first (entity spans are found in
    the pipeline's body, which is why a prediction is needed)."""
    body, human = pred.get("body", ""), Scores()
    as_pred = as_prediction(second, body)
    score_metadata(first, as_pred, human)
    score_entities(first, as_pred["entities"], body, "\n".join(pred.get("captions") or []), human)
    score_figures(first, as_pred["figures"], human)
    _lenient(first, second, human)
    return human


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--second", type=Path, default=BENCH / "data-second")
    ap.add_argument("--data", type=Path, default=BENCH / "data")
    ap.add_argument("--misses", action="store_true", help="print where the annotators differ")
    args = ap.parse_args()
    names = {p.name.removesuffix(".gold.json") for p in args.second.glob("*.gold.json")}
    cases = [c for c in load_cases(args.data) if c[0] in names]
    seconds = {n: json.loads((args.second / f"{n}.gold.json").read_text("utf-8")) for n in names}
    preds, _ = ours(cases)
    views = {
        v: Scores()
        for v in ("second vs first", "ours vs first", "ours vs second", "ours vs either")
    }
    for (name, _, first), pred in zip(cases, preds, strict=True):
        second, body = seconds[name], pred.get("body", "")
        captions = "\n".join(pred.get("captions") or [])
        human = human_vs_first(first, second, pred)
        views["second vs first"].add(human)
        if args.misses:
            for m in human.misses:
                print(f"{name}: {m}")
        for view, gold in (("ours vs first", first), ("ours vs second", second)):
            s = Scores()
            score_metadata(gold, pred, s)
            score_entities(gold, pred.get("entities", []), body, captions, s)
            score_figures(gold, pred.get("figures", []), s)
            views[view].add(s)
        s = Scores()
        _either(first, second, pred.get("figures", []), s)
        views["ours vs either"].add(s)
    print(f"{len(cases)} articles annotated twice\n")
    for view, s in views.items():
        print(f"## {view}\n")
        print(table(view, s, None))
        for key in ("lenient +object", "lenient +object+event"):
            if key in s.prf:
                r = s.prf[key].row()
                print(f"| {key} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} | {r['n_gold']} |")
        print()


if __name__ == "__main__":
    main()
