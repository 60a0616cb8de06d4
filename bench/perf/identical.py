"""Enriched events before and after a speed change, compared byte for byte.

`python -m bench.perf.identical --write FILE` enriches the evaluation corpus (bench/data, the
real dev pages of bench/real, the demo articles and 300 articles of the bench corpus) in batches
of 8, as one pool process of the service gets them, and writes one JSON event per line;
`--check FILE` enriches again and names every article whose event differs. The pipeline's
version is left out (a speed change may bump it); everything else must be identical. The locked
real test pages are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsflow_contracts.events import ArticleReceived

BENCH = Path(__file__).resolve().parents[1]
DEMO = BENCH.parent / "demo"
RECEIVED = datetime(2026, 1, 1, tzinfo=UTC)  # fixed, so nothing depends on the clock


def _article(path: Path) -> list[ArticleReceived]:
    content = path.read_text("utf-8")
    if path.suffix == ".html":
        return [ArticleReceived.new(html=content, content_type="text/html")]
    if path.suffix == ".ndjson":
        return [ArticleReceived.new(content_type="application/json", **json.loads(line))
                for line in content.splitlines() if line.strip()]  # fmt: skip
    if path.suffix == ".json":
        return [ArticleReceived.new(content_type="application/json", **json.loads(content))]
    return [ArticleReceived.new(text=content)]


def corpus(bench_articles: int = 300) -> list[tuple[str, ArticleReceived]]:
    from newsflow_ingest.articles import from_json_obj

    from bench.perf import corpus as bench_corpus

    paths = [
        p
        for p in sorted((BENCH / "data").iterdir())
        if p.suffix in (".txt", ".html", ".json") and not p.name.endswith(".gold.json")
    ]
    manifest = json.loads((BENCH / "real" / "manifest.json").read_text())
    dev = {m["name"] for m in manifest if m["split"] == "dev"}  # never the locked test pages
    paths += [
        p
        for p in sorted((BENCH / "real" / "pages").iterdir())
        if p.stem in dev and not p.name.endswith(".gold.json")
    ]
    paths += [
        p for p in sorted(DEMO.iterdir()) if p.suffix in (".txt", ".html", ".json", ".ndjson")
    ]
    out = [(f"{p.parent.name}/{p.name}#{i}", a) for p in paths for i, a in enumerate(_article(p))]
    out += [
        (f"corpus#{i}", from_json_obj(a)) for i, a in enumerate(bench_corpus.build(bench_articles))
    ]
    return [(name, a.model_copy(update={"received_at": RECEIVED})) for name, a in out]


def events(cases: list[tuple[str, ArticleReceived]], batch: int = 8) -> dict[str, str]:
    from newsflow_enrich.pipeline import Enricher
    from newsflow_enrich.workers import numpy_gemm

    numpy_gemm()  # as a pool process does (with OPENBLAS_NUM_THREADS=1, as the pool sets)
    enricher = Enricher()
    out: dict[str, str] = {}
    for i in range(0, len(cases), batch):
        part = cases[i : i + batch]
        for (name, _), result in zip(part, enricher.enrich_many(a for _, a in part), strict=True):
            if isinstance(result, Exception):
                out[name] = json.dumps({"error": type(result).__name__, "message": str(result)})
            else:
                event: dict[str, Any] = result.model_dump(mode="json")
                event["pipeline"].pop("version")
                out[name] = json.dumps(event, ensure_ascii=False, sort_keys=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the events here")
    group.add_argument("--check", type=Path, help="compare with the events written here")
    args = ap.parse_args()
    cases = corpus()
    started = time.process_time()
    got = events(cases)
    print(f"{len(got)} articles enriched in {time.process_time() - started:.1f} CPU-s")
    if args.write:
        args.write.write_text("".join(json.dumps([k, v]) + "\n" for k, v in got.items()))
        return
    want = dict(json.loads(line) for line in args.check.read_text().splitlines())
    differ = [k for k in want.keys() | got.keys() if want.get(k) != got.get(k)]
    for name in sorted(differ):
        print(f"differs: {name}")
    print(f"{len(want) - len(differ)} of {len(want)} identical; {len(differ)} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
