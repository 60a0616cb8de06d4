"""A learned caption filter measured against the caption rules (stages/captions.py) on real pages,
cross-validated by site; not shipped (bench/README.md, "Captions as a learned part").

Usage: bench/train_caption_filter [--folds 5] [--epochs 20] [--seed 7] [--min-count 3]
       [--min-sites 3] [--cuts 0/1.01,0.05/1.01,0.1/1.01,0/0.9,0.5/0.5] [--no-classes] [--more]

Candidates: every block the caption rules look at, with the rules' verdict ("kept", or why not:
in another story's box, a teaser card, hidden, a player's running time), plus the line printed
right after each photo that the rules do not take ("beside_no") and the photos' `alt` lines
(alt_captions). Features: the verdict, the tag and the class/id words of the block and three boxes
up, the boxes it sits in (a link, an aside, a list item, the footer), its length, a credit's
words, where it stands on the page (before the headline, tenth of the page), how often its text
repeats, the share of it linked, whether a photo file is known; and the line's own shape (title
case, last character, a closing bracket, its first, last and other words). With --more (session
27), where it stands by markup any site prints (`placement`): how far up the box holding the
story's paragraphs is and whether it holds the headline, a figure around it, how far its photo is
and the share of its words in the photo's `alt`, a date or a player's clock in it. A candidate is
right when its text is one of the page's gold captions (bench/quality's squash).

The model (logistic, AdaGrad, bench/figure_learn) either decides alone (cut "0.5/0.5") or
overrides the rules only where sure: "lo/hi" drops a kept candidate below lo and adds a rejected
one above hi ("0/1.01" is the rules). A feature is kept when seen on --min-sites sites (class
words are mostly one site's). Printed: pages whose captions are right (bench/quality's "meta
captions", exact set) for the rules and each cut, per half of real dev (cross-validated: the
site's fold never trained on), trained on one half and scored on the other both ways, and the
written sets' HTML pages (in-sample). Lines text.clean adds to the captions from the body (a
"FILE PHOTO:" line) are kept as they are. Never reads the locked test split.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figure_learn as learn
from figure_train import site_folds
from newsflow_enrich.stages import alt_captions, ancestry, caption_text, text
from newsflow_enrich.stages import captions as rules
from quality import BENCH, LOCKED, load_cases, real_dev_cases, site_halves, site_hosts
from quality_score import squash
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

_CLASS_WORD = re.compile(r"[a-z]{3,}")
_WORD = re.compile(r"[A-Za-z']+")
_CREDIT = re.compile(r"\b(photo|photograph|image|picture|credit|courtesy|getty|reuters|ap|afp|"
                     r"file|epa|shutterstock|istock|pa|via)\b|©|/", re.IGNORECASE)  # fmt: skip
_BESIDE_WORDS = (3, 60)
_IN_TAGS = ("a", "aside", "nav", "footer", "header", "article", "main", "li", "table")
_LEVELS = 4  # boxes up whose class words are read
_NEAR = 0.6  # a kept line sharing this share of words with a gold caption is printed otherwise

Candidate = tuple[LexborNode, str, str, str]  # block, line, source, the rules' verdict


def candidates(tree: HTMLParser) -> list[Candidate]:
    """The blocks the caption rules read, in their order, each with the rules' verdict."""
    out: list[Candidate] = []
    read: set[int] = set()
    for node in tree.css(f"figure, figcaption, {rules._PARTS}, img"):
        if node.mem_id in read:
            continue
        if node.tag == "img":
            src, line, verdict = "img", rules._caption_beside(node), "kept"
            if not line and not rules._in_figure(node):
                line, verdict = _beside(node), "beside_no"
        elif node.tag in ("figure", "figcaption"):
            if node.tag == "figcaption" and rules._in_figure(node):
                continue
            src, line = node.tag, rules._caption_of(node)
            verdict = "elsewhere" if rules._elsewhere(node) else "teaser" if rules._teaser(node) \
                else "after_teaser" if rules._after_teaser(node) else "kept"  # fmt: skip
        else:
            src, verdict = "part", "kept"
            line, parts = rules._loose_caption(node)
            read.update(p.mem_id for p in parts if line)
        if caption_text.unshown(node):
            verdict = "unshown"
        line = caption_text.once(line)
        if caption_text.PLAYER_TIME.match(line):
            verdict = "player"
        if line:
            out.append((node, line, src, verdict))
    for img, line in alt_captions.captions(tree, rules._linked_away, rules._elsewhere):
        line = caption_text.once(line)
        if line:
            out.append((img, line, "alt", "kept"))
    return out


def _beside(img: LexborNode) -> str:
    line = rules._next_element(rules._photo_box(img))
    if line is None or line.tag in ("script", "style"):
        return ""
    t = caption_text.text(line)
    return t if _BESIDE_WORDS[0] <= len(t.split()) <= _BESIDE_WORDS[1] else ""


def chosen(cands: list[tuple[str, str, str, str]], keep: list[bool]) -> list[str]:
    """The kept candidates' lines (line, source, verdict, photo file), once per photo as
    captions.captions gives them; an `alt` line only where no caption opens like it."""
    out: list[str] = []
    seen: set[tuple[str, str]] = set()
    for (line, src, _, photo), k in zip(cands, keep, strict=True):
        if k and src != "alt" and (line, photo) not in seen and (photo or line not in out):
            seen.add((line, photo))
            out.append(line)
    for (line, src, _, _), k in zip(cands, keep, strict=True):
        opening = line[: alt_captions.KEY_CHARS].lower()
        if k and src == "alt" and not any(opening in c.lower() or c[: len(opening)].lower()
                                          in line.lower() for c in out):  # fmt: skip
            out.append(line)
    return out


def features(
    tree: HTMLParser, cands: list[Candidate], classes: bool = True, more: bool = False
) -> list[list[str]]:
    """Each candidate's features (see the module's docstring); `more`: also where it stands
    against the story's text and its photo (`placement`)."""
    story = _story_counts(tree) if more else {}
    h1_boxes = _ancestors(tree.css_first("h1")) if more else set()
    order = {n.mem_id: k for k, n in enumerate(tree.root.traverse())} if tree.root else {}
    h1 = tree.css_first("h1")
    h1_at = order.get(h1.mem_id, 0) if h1 is not None else 0
    repeats: dict[str, int] = defaultdict(int)
    for _, line, _, _ in cands:
        repeats[line] += 1
    out = []
    for node, line, src, verdict in cands:
        f = ["bias", f"src={src}", f"v={verdict}", f"sv={src}|{verdict}", f"tag={node.tag}"]
        k: LexborNode | None = node
        for lvl in range(_LEVELS):
            if k is None or k.tag in ("body", "html"):
                break
            attrs = f"{k.attributes.get('class') or ''} {k.attributes.get('id') or ''}".lower()
            if classes:
                f += [x for w in set(_CLASS_WORD.findall(attrs)) for x in (f"c{min(lvl, 2)}={w}",
                                                                          f"ca={w}")]  # fmt: skip
            if lvl:
                f.append(f"p{lvl}={k.tag}")
            k = k.parent
        inside, k = set(), node.parent
        while k is not None and k.tag not in ("body", "html"):
            inside.add(k.tag)
            cls = k.attributes.get("class") or ""
            if rules._ELSEWHERE_CLASS.search(cls) or rules._OTHER_STORIES_CLASS.search(cls):
                inside.add("elsewhere-class")
            k = k.parent
        f += [f"in={t}" for t in (*_IN_TAGS, "elsewhere-class") if t in inside]
        at = order.get(node.mem_id, 0)
        linked = sum(len(a.text(strip=True)) for a in node.css("a"))
        f += [f"len={min(len(line.split()) // 5, 8)}", f"credit={bool(_CREDIT.search(line))}",
              f"pos={10 * at // max(len(order), 1)}", f"before_h1={at < h1_at}",
              f"repeats={min(repeats[line], 3)}", f"linked={min(linked / len(line), 1.0):.1f}",
              f"photo={bool(rules._photo_of(node))}", *shape(line)]  # fmt: skip
        if more:
            f += placement(node, line, story, h1_boxes)
        out.append(f)
    return out


_CLOCK = re.compile(r"\d{1,2}:\d\d")  # a player's running time before a video's title
_STORY_WORDS = 20  # a paragraph of this many words is the story's (or another story's) text
_STORY_BOX = 3  # the box around a candidate that holds this many such paragraphs
_MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\b(mon|tues|"
                     r"wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)  # fmt: skip


def _ancestors(node: LexborNode | None) -> set[int]:
    """`node` and every element around it, by mem_id."""
    return {k.mem_id for k in ancestry.boxes(node, self_too=True)} if node is not None else set()


def _story_counts(tree: HTMLParser) -> dict[int, int]:
    """For each box, how many paragraphs of story length it holds."""
    counts: dict[int, int] = defaultdict(int)
    for para in tree.css("p"):
        if len(para.text(strip=True, separator=" ").split()) >= _STORY_WORDS:
            for box in _ancestors(para.parent):
                counts[box] += 1
    return counts


def placement(node: LexborNode, line: str, story: dict[int, int], h1_boxes: set[int]) -> list[str]:
    """Where the candidate stands, by markup any site prints: how far up the box that holds
    the story's paragraphs is and whether that box holds the headline too (a rail of other
    stories reaches the text only at the page's top), whether it sits in a figure or a
    figcaption, how far its photo is and how many words it shares with the photo's `alt`."""
    f: list[str] = []
    k: LexborNode | None = node
    up = 0
    while k is not None and story.get(k.mem_id, 0) < _STORY_BOX:
        k, up = k.parent, up + 1
    f += [f"story_up={min(up, 12) // 2}", f"story_h1={k is not None and k.mem_id in h1_boxes}"]
    f += [
        f"anc={t}"
        for t in ("figure", "figcaption")
        if any(b.tag == t for b in ancestry.boxes(node))
    ]
    m: LexborNode | None = node
    media_up = None
    for lvl in range(rules._MEDIA_LEVELS + 1):
        if m is None or m.tag in ("body", "html"):
            break
        img = m if m.tag == "img" else m.css_first("img")
        if img is not None:
            media_up = lvl
            alt = set(_WORD.findall((img.attributes.get("alt") or "").lower()))
            words = set(_WORD.findall(line.lower()))
            share = len(alt & words) / max(len(words), 1)
            f += [f"alt_share={round(share * 4) / 4}", f"alt_none={not alt}"]
            break
        m = m.parent
    f.append(f"media_up={media_up}")
    return [*f, f"t_date={bool(_MONTHS.search(line))}", f"t_clock={bool(_CLOCK.match(line))}"]


def shape(line: str) -> list[str]:
    """The line's own shape: a caption reads as a sentence with a credit, a card of another
    story as a headline."""
    words = _WORD.findall(line)
    low = [w.lower() for w in words]
    long = [w for w in words if len(w) > 3]
    caps = sum(w[0].isupper() for w in long) / max(len(long), 1)
    end = line.rstrip()
    return [f"t_caps={caps:.1f}", f"t_end={end[-1:]}", f"t_paren_end={end.endswith(')')}",
            f"t_colon5={':' in ' '.join(line.split()[:5])}", f"t_q={'?' in line}",
            *(f"t_first={w}" for w in low[:2]), *(f"t_last={w}" for w in low[-2:]),
            *(f"t_w={w}" for w in set(low))]  # fmt: skip


def read_pages(
    cases: list[Any], group: str, classes: bool, more: bool = False
) -> list[dict[str, Any]]:
    halves, hosts = site_halves(), site_hosts()
    pages = []
    for name, raw, gold in cases:
        if not raw.html:
            continue
        tree = HTMLParser(raw.html)
        found = candidates(tree)
        cands = [(text.normalize(line).strip(), src, verdict, rules._photo_of(node))
                 for node, line, src, verdict in found]  # fmt: skip
        ruled = chosen(cands, [c[2] == "kept" for c in cands])
        final = text.clean(raw, 2_000_000).captions
        pages.append({
            "name": name, "group": group, "half": halves.get(name), "gold": gold.get("captions", []),
            "cands": cands, "feats": features(tree, found, classes, more), "rules": ruled,
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
    args = ap.parse_args()
    cuts = [tuple(float(x) for x in c.split("/")) for c in args.cuts.split(",")]
    real_cases = real_dev_cases()
    assert all(c[2].get("split") != LOCKED for c in real_cases)
    print(f"reading {len(real_cases)} real dev pages and the written sets ...", flush=True)
    real = read_pages(real_cases, "real", not args.no_classes, args.more)
    written = read_pages(load_cases(BENCH / "data"), "written", not args.no_classes, args.more)
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
    w = fit([x for p in real for x in examples(p)] + extra, args)
    cells = " | ".join(
        str(right(written, {p["name"]: predicted(p, w, c) for p in written})) for c in cuts
    )
    print(f"| written (HTML), in-sample | {len(written)} | {right(written, base)} | {cells} |")
    for h, ps in half.items():
        print(f"\nhalf {h}: {headroom(ps)}")


if __name__ == "__main__":
    main()
