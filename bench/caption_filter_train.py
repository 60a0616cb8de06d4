"""The learned caption filter (stages/caption_filter.py) measured against the caption rules
(stages/captions.py) on real pages, cross-validated by site, and written (bench/README.md,
"Captions as a learned part"; bench/docs/page-and-metadata.md, session 33).

Usage: bench/train_caption_filter [--folds 5] [--epochs 20] [--seed 7] [--min-count 3]
       [--min-sites 3] [--cuts 0/1.01,0.05/1.01,0.1/1.01,0/0.9,0.5/0.5] [--no-classes] [--more]
       [--story] [--held-at REV] [--fresh-since REV] [--write PATH --cut 0.2]
The shipped filter: --held-at 7dceb7b --no-classes --more --story --fresh-since 527984d
       --write services/enrich/newsflow_enrich/data/caption_filter.json --cut 0.2

Candidates (stages/caption_candidates.py): every block the caption rules look at, with the rules'
verdict ("kept", or why not: in another story's box, a teaser card, hidden, a player's running
time), plus the line printed right after each photo that the rules do not take ("beside_no")
and the photos' `alt` lines (alt_captions). Features (stages/caption_features.py): the verdict,
the tag and the class/id words of the block and three boxes up (not with --no-classes), the boxes
it sits in (a link, an aside, a list item, the footer), its length, a credit's words, where it
stands on the page (before the headline, tenth of the page), how often its text repeats, the
share of it linked, whether a photo file is known; and the line's own shape (title case, last
character, a closing bracket, its first, last and other words). With --more (session 27), where
it stands by markup any site prints (`placement`): how far up the box holding the story's
paragraphs is and whether it holds the headline, a figure around it, how far its photo is and the
share of its words in the photo's `alt`, a date or a player's clock in it. With --story (session
33), the share of its words the story's text or headline prints. A candidate is right when its
text is one of the page's gold captions (bench/quality's squash).

The model (logistic, AdaGrad, bench/figure_learn) either decides alone (cut "0.5/0.5") or
overrides the rules only where sure: "lo/hi" drops a kept candidate below lo and adds a rejected
one above hi ("0/1.01" is the rules; the shipped filter only drops, at lo 0.2). A feature is kept
when seen on --min-sites sites (class words are mostly one site's). Printed: pages whose captions
are right (bench/quality's "meta captions", exact set) for the rules and each cut, per half of
real dev (cross-validated: the site's fold never trained on), trained on one half and scored on
the other both ways, trained on the pages --fresh-since REV held and scored on the ones added
since, and the written sets' HTML pages (in-sample). --write: the filter trained on every real
dev page read and the written sets. Lines text.clean adds to the captions from the body (a "FILE
PHOTO:" line) are kept as they are. Never reads the locked test split.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figure_learn as learn
from figure_train import site_folds
from newsflow_enrich.stages import text
from newsflow_enrich.stages.caption_candidates import candidates, chosen, lines
from newsflow_enrich.stages.caption_features import content_words, features
from quality import (
    BENCH,
    LOCKED,
    load_cases,
    pages_at,
    real_dev_cases,
    site_halves,
    site_hosts,
)
from quality_score import squash
from selectolax.lexbor import LexborHTMLParser as HTMLParser

_WORD = re.compile(r"[A-Za-z']+")
_NEAR = 0.6  # a kept line sharing this share of words with a gold caption is printed otherwise


def read_pages(
    cases: list[Any], group: str, classes: bool, more: bool = False, story: bool = True
) -> list[dict[str, Any]]:
    halves, hosts = site_halves(), site_hosts()
    pages = []
    for name, raw, gold in cases:
        if not raw.html:
            continue
        tree = HTMLParser(raw.html)
        found = candidates(tree)
        cands = lines(found, text.normalize)
        ruled = chosen(cands, [c[2] == "kept" for c in cands])
        cleaned = text.clean(raw, 2_000_000, filtered=False)
        final = cleaned.captions
        words = content_words(f"{cleaned.body}\n{cleaned.title or ''}") if story else None
        pages.append({
            "name": name, "group": group, "half": halves.get(name), "gold": gold.get("captions", []),
            "cands": cands, "feats": features(tree, found, words, classes, more), "rules": ruled,
            "added": [c for c in final if c not in ruled],  # text.clean's lines from the body
            "site": hosts[name] if group == "real" else name,
        })  # fmt: skip
    return pages


def examples(p: dict[str, Any]) -> list[tuple[list[str], bool, str]]:
    gold = {squash(g) for g in p["gold"]}
    return [(f, squash(c[0]) in gold, p["site"]) for c, f in zip(p["cands"], p["feats"],
                                                                 strict=True)]  # fmt: skip


def fit(data: list[tuple[list[str], bool, str]], args: argparse.Namespace) -> learn.Weights:
    seen = learn.seen_counts(f for f, _, _ in data)
    sites: dict[str, set[str]] = defaultdict(set)
    for f, _, site in data:
        for x in f:
            sites[x].add(site)
    kept = [([x for x in f if seen[x] >= args.min_count and len(sites[x]) >= args.min_sites], ok)
            for f, ok, _ in data]  # fmt: skip
    return learn.fit(kept, learn.log_loss_gradient, args.epochs, args.seed)


def predicted(p: dict[str, Any], w: learn.Weights | None, cut: tuple[float, float]) -> list[str]:
    if w is None:
        return p["rules"] + p["added"]
    lo, hi = cut
    keep = []
    for c, f in zip(p["cands"], p["feats"], strict=True):
        z = max(-30.0, min(30.0, sum(w.get(x, 0.0) for x in f)))
        pr = 1.0 / (1.0 + math.exp(-z))
        keep.append(pr >= (lo if c[2] == "kept" else hi))
    return chosen(p["cands"], keep) + p["added"]


def right(pages: list[dict[str, Any]], pred: dict[str, list[str]]) -> int:
    return sum(sorted(squash(g) for g in p["gold"]) == sorted(squash(c) for c in pred[p["name"]])
               for p in pages)  # fmt: skip


def headroom(pages: list[dict[str, Any]]) -> str:
    """What any filter over these candidates could reach: pages right when exactly the gold
    candidates are kept (the oracle); the candidates the rules keep that are no gold caption,
    printed otherwise than one (most words shared) or another block; the gold ones they reject."""
    oracle, kept_wrong, near = 0, 0, 0
    rejected: dict[str, int] = defaultdict(int)
    for p in pages:
        gold = {squash(g) for g in p["gold"]}
        golds = [set(_WORD.findall(g.lower())) for g in p["gold"]]
        keep = [squash(c[0]) in gold for c in p["cands"]]
        oracle += right([p], {p["name"]: chosen(p["cands"], keep) + p["added"]})
        for (line, src, verdict, _), ok in zip(p["cands"], keep, strict=True):
            if verdict == "kept" and not ok:
                kept_wrong += 1
                words = set(_WORD.findall(line.lower()))
                near += any(len(words & g) >= _NEAR * len(words | g) for g in golds)
            elif verdict != "kept" and ok:
                rejected[f"{src}/{verdict}"] += 1
    rej = ", ".join(f"{k} {n}" for k, n in sorted(rejected.items(), key=lambda kv: -kv[1]))
    return (
        f"oracle {oracle} pages right; kept by the rules but no gold caption {kept_wrong} "
        f"({near} printed otherwise than one, {kept_wrong - near} another block); gold "
        f"captions the rules reject: {rej or 'none'}"
    )


def write(path: Path, w: learn.Weights, cut: float) -> None:
    """The weights (rounded; zero weights left out) and the cut, named by their hash."""
    weights = {k: round(v, 4) for k, v in sorted(w.items()) if round(v, 4)}
    blob = json.dumps({"weights": weights, "threshold": cut}, sort_keys=True)
    version = "caption-filter-" + hashlib.sha1(blob.encode()).hexdigest()[:8]
    path.write_text(json.dumps({"version": version, "threshold": cut, "weights": weights},
                               indent=0, sort_keys=True) + "\n")  # fmt: skip
    print(f"wrote {path} ({version}, {len(weights)} weights)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-count", type=int, default=3, help="drop rarer features")
    ap.add_argument("--min-sites", type=int, default=3, help="drop features of fewer sites")
    ap.add_argument("--cuts", default="0/1.01,0.05/1.01,0.1/1.01,0/0.9,0/0.8,0.1/0.9,0.5/0.5")
    ap.add_argument("--no-classes", action="store_true", help="no class/id words")
    ap.add_argument("--more", action="store_true", help="also the placement features")
    ap.add_argument("--story", action="store_true", help="also the story share (session 33)")
    ap.add_argument(
        "--write",
        type=Path,
        metavar="PATH",
        help="write the filter trained on "
        "every real dev page read and the written sets, at --cut, to PATH",
    )
    ap.add_argument("--cut", type=float, default=0.2, help="with --write: the probability "
                    "below which a kept caption is dropped")  # fmt: skip
    ap.add_argument("--fresh-since", metavar="REV", help="also trained on the real dev pages git "
                    "revision REV held and scored on the ones added since (a session's fresh "
                    "pages, out of sample for the rules too)")  # fmt: skip
    ap.add_argument("--held-at", metavar="REV", help="only the real dev pages git revision REV "
                    "held (a fixed set while the gold grows)")  # fmt: skip
    args = ap.parse_args()
    cuts = [tuple(float(x) for x in c.split("/")) for c in args.cuts.split(",")]
    real_cases = real_dev_cases(args.held_at)
    assert all(c[2].get("split") != LOCKED for c in real_cases)
    print(f"reading {len(real_cases)} real dev pages and the written sets ...", flush=True)
    real = read_pages(real_cases, "real", not args.no_classes, args.more, args.story)
    written = read_pages(load_cases(BENCH / "data"), "written", not args.no_classes, args.more,
                         args.story)  # fmt: skip
    extra = [x for p in written for x in examples(p)]
    cv: dict[tuple[float, float], dict[str, list[str]]] = defaultdict(dict)
    for held in site_folds(real, args.folds, args.seed):
        names = {p["name"] for p in held}
        w = fit([x for p in real if p["name"] not in names for x in examples(p)] + extra, args)
        for cut in cuts:
            cv[cut].update({p["name"]: predicted(p, w, cut) for p in held})
    base = {p["name"]: predicted(p, None, (0, 0)) for p in real + written}
    head = " | ".join(f"{lo:g}/{hi:g}" for lo, hi in cuts)
    print(f"\npages with every caption right; cuts lo/hi (rules: 0/1.01)\n\n| | pages | rules | "
          f"{head} |\n|---|---|---|" + "---|" * len(cuts))  # fmt: skip
    half = {h: [p for p in real if p["half"] == h] for h in "ab"}
    for h, ps in half.items():
        cells = " | ".join(str(right(ps, cv[c])) for c in cuts)
        print(f"| half {h}, cross-validated by site | {len(ps)} | {right(ps, base)} | {cells} |")
    for tr, te in (("a", "b"), ("b", "a")):
        w = fit([x for p in half[tr] for x in examples(p)] + extra, args)
        cells = " | ".join(
            str(right(half[te], {p["name"]: predicted(p, w, c) for p in half[te]})) for c in cuts
        )
        print(f"| half {te}, trained on half {tr} | {len(half[te])} | {right(half[te], base)} | "
              f"{cells} |")  # fmt: skip
    if args.fresh_since:
        held_then = pages_at(args.fresh_since)
        old = [p for p in real if p["name"] in held_then]
        new = [p for p in real if p["name"] not in held_then]
        w = fit([x for p in old for x in examples(p)] + extra, args)
        cells = " | ".join(
            str(right(new, {p["name"]: predicted(p, w, c) for p in new})) for c in cuts
        )
        print(f"| fresh since {args.fresh_since}, trained on the {len(old)} older | {len(new)} | "
              f"{right(new, base)} | {cells} |")  # fmt: skip
    w = fit([x for p in real for x in examples(p)] + extra, args)
    if args.write:
        write(args.write, w, args.cut)
    cells = " | ".join(
        str(right(written, {p["name"]: predicted(p, w, c) for p in written})) for c in cuts
    )
    print(f"| written (HTML), in-sample | {len(written)} | {right(written, base)} | {cells} |")
    for h, ps in half.items():
        print(f"\nhalf {h}: {headroom(ps)}")


if __name__ == "__main__":
    main()
