"""Annotation helper for the real pages: shows a page as an annotator reads it, and builds gold.

Usage:
  .venv/bin/python bench/real/annotate.py show NAME        # meta tags, JSON-LD and numbered text blocks
  .venv/bin/python bench/real/annotate.py build NOTES [--out DIR]   # notes file -> NAME.gold.json

`show` is a plain HTML-to-lines view (lxml, a line break at every block element), not the
pipeline: annotators never run `newsflow enrich` or `bench/quality` before their gold is written.
The notes format and the conventions are in bench/real/ANNOTATING.md.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import lxml.html

REAL = Path(__file__).resolve().parent
PAGES = REAL / "pages"
BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "section",
          "article", "header", "footer", "figure", "figcaption", "blockquote", "ul", "ol", "table",
          "nav", "aside", "main", "form", "dt", "dd", "label", "button", "time", "address", "hr",
          "picture", "caption", "option", "select"}  # fmt: skip
SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed"}


def text_lines(html: str) -> list[str]:
    """The page's visible text, one line per block element, whitespace collapsed."""
    root = lxml.html.fromstring(html)
    out: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        line = " ".join("".join(cur).split())
        if line:
            out.append(line)
        cur.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in SKIP or not isinstance(el.tag, str):
            if el.tail:
                cur.append(el.tail)
            return
        block = tag.lower() in BLOCKS
        if block:
            flush()
        if el.text:
            cur.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            cur.append(el.tail)

    walk(root)
    flush()
    return out


def meta(html: str) -> dict[str, Any]:
    root = lxml.html.fromstring(html)
    tags = {}
    for m in root.iter("meta"):
        key = m.get("property") or m.get("name") or m.get("itemprop")
        if (
            key
            and m.get("content")
            and re.search(
                r"title|author|date|time|site_name|byline|creator|"
                r"publish|modified|lang",
                key,
                re.IGNORECASE,
            )
        ):
            tags.setdefault(key, m.get("content"))
    ld = []
    for s in root.iter("script"):
        if (s.get("type") or "").lower() == "application/ld+json" and s.text:
            ld.append(" ".join(s.text.split())[:1500])
    title = root.findtext(".//title")
    return {
        "<title>": " ".join((title or "").split()),
        "meta": tags,
        "ld+json": ld,
        "html lang": root.get("lang"),
    }


def show(name: str) -> None:
    html = (PAGES / f"{name}.html").read_text("utf-8")
    print(json.dumps(meta(html), indent=1, ensure_ascii=False))
    for i, line in enumerate(text_lines(html)):
        print(f"{i:4d} {line}")


# ---- notes -> gold ----------------------------------------------------------------------------


def _val(x: str) -> Any:
    x = x.strip()
    if x in ("", "-"):
        return None
    if "/" in x and not re.search(r"\d/\d", x):  # "null/votes" -> [null, "votes"]
        return [_val(a) for a in x.split("/")]
    if x == "null":
        return None
    return x


def _unit(x: str) -> Any:
    """A unit with a slash in it ("km/h") is one unit; only "null/..." gives two readings."""
    readings = [a.strip() for a in x.split("/")]
    if "/" in x and any(a in ("null", "-", "") for a in readings):
        return _val(x)
    return None if x.strip() in ("", "-", "null") else x.strip()


def _num(x: str) -> float | int | None:
    x = x.strip()
    if x in ("", "-"):
        return None
    v = float(x)
    return int(v) if v.is_integer() else v


def build(notes: Path, out_dir: Path) -> list[Path]:
    """Parse a notes file (one or more articles) into gold JSON files."""
    written = []
    for chunk in re.split(r"^=== ", notes.read_text("utf-8"), flags=re.MULTILINE)[1:]:
        name, _, body = chunk.partition("\n")
        written.append(_build_one(name.strip(), body, out_dir))
    return written


def _build_one(name: str, body: str, out_dir: Path) -> Path:
    manifest = {m["name"]: m for m in json.loads((REAL / "manifest.json").read_text("utf-8"))}
    html = (PAGES / f"{name}.html").read_text("utf-8")
    lines = text_lines(html)
    gold: dict[str, Any] = {
        "split": f"real-{manifest[name]['split']}",
        "format": "html",
        "language": "en",
        "title": None,
        "byline": None,
        "agencies": [],
        "published_at": None,
        "dateline": None,
        "captions": [],
        "entities": [],
        "figures": [],
        "story_lines": [],
        "chrome_lines": [],
    }
    not_chrome: set[int] = set()
    for raw in body.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        key, _, rest = raw.partition(" ")
        rest = rest.strip()
        if key in ("title", "byline", "dateline", "published_at"):
            gold[key] = None if rest == "null" else rest
        elif key == "agencies":
            gold["agencies"] = [a.strip() for a in rest.split("|") if a.strip()]
        elif key == "caption":
            gold["captions"].append(rest)
        elif (
            key == "story"
        ):  # block ranges "12-30 -14 -17" or "zyte" (the articleBody's paragraphs)
            gold["story_lines"] = _story(rest, lines, manifest[name])
        elif key == "story_extra":  # a story paragraph printed in one block with something else
            gold["story_lines"].insert(0, rest)
        elif key == "fix":  # "fix OLD => NEW": a typo of the source's body, against the page
            old, _, new = rest.partition(" => ")
            gold["story_lines"] = [x.replace(old, new) for x in gold["story_lines"]]
        elif key == "keep":  # blocks neither story nor chrome (title, byline, date, captions)
            not_chrome |= _ranges(rest)
        elif key == "E":
            gold["entities"].append(_entity(rest))
        elif key == "F":
            gold["figures"].append(_figure(rest))
        else:
            raise ValueError(f"{name}: unknown line {raw!r}")
    gold["chrome_lines"] = _chrome(lines, gold, not_chrome)
    out = out_dir / f"{name}.gold.json"
    out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return out


def _ranges(spec: str) -> set[int]:
    got: set[int] = set()
    for part in spec.split():
        neg = part.startswith("-")
        a, _, b = part.lstrip("-").partition("..")
        idx = set(range(int(a), int(b or a) + 1))
        got = got - idx if neg else got | idx
    return got


def _story(spec: str, lines: list[str], entry: dict[str, Any]) -> list[str]:
    if spec.startswith("zyte"):
        paras = [p.strip() for p in entry["source_gold"]["articleBody"].split("\n")]
        drop = {int(x) for x in spec.split()[1:]}  # paragraph numbers the source wrongly kept
        return [p for i, p in enumerate(x for x in paras if x) if i not in drop]
    return [lines[i] for i in sorted(_ranges(spec))]


def _entity(rest: str) -> dict[str, Any]:
    # TYPE | name | alias; alias | optional
    parts = [p.strip() for p in rest.split("|")]
    types = parts[0].split("/")
    ent: dict[str, Any] = {"name": parts[1], "type": types[0] if len(types) == 1 else types,
                           "aliases": [a.strip() for a in (parts[2] if len(parts) > 2 else "").split(";")
                                       if a.strip()]}  # fmt: skip
    if len(parts) > 3 and parts[3] == "optional":
        ent["optional"] = True
    return ent


def _figure(rest: str) -> dict[str, Any]:
    # value | text | qualifier | unit | low | high | object | event | parent_value
    p = [x for x in rest.split("|")] + [""] * 9
    fig = {
        "value": _num(p[0]),
        "text": p[1].strip(),
        "qualifier": _val(p[2]),
        "unit": _unit(p[3]),
        "low": _num(p[4]),
        "high": _num(p[5]),
        "object": _val(p[6]),
        "event": _val(p[7]),
    }
    if p[8].strip():
        fig["parent_value"] = _num(p[8])
    return fig


def _chrome(lines: list[str], gold: dict[str, Any], keep: set[int]) -> list[str]:
    """Every other text block of the page is chrome, unless it is part of the story or metadata."""
    story = " ".join(" ".join(s.split()) for s in gold["story_lines"])
    protected = [x for x in (gold["title"], gold["byline"], *gold["captions"]) if x]
    chrome: list[str] = []
    for i, line in enumerate(lines):
        if i in keep or len(line) < 3 or line in chrome:
            continue
        if line in story or any(s in line for s in gold["story_lines"] if len(s) > 15):
            continue
        if any(line in p or p in line for p in protected):
            continue
        chrome.append(line)
    return chrome


def check(gold_path: Path) -> list[str]:
    """What in a gold file is not on its page: typos in names, figure texts, captions, lines."""
    name = gold_path.name.removesuffix(".gold.json")
    gold = json.loads(gold_path.read_text("utf-8"))
    page = " ".join(text_lines((PAGES / f"{name}.html").read_text("utf-8")))
    story = " ".join([*gold["story_lines"], *gold["captions"]])
    problems = [
        f"story line not on page: {s[:60]}"
        for s in gold["story_lines"]
        if " ".join(s.split()) not in page
    ]
    problems += [
        f"caption not on page: {c[:60]}"
        for c in gold["captions"]
        if not all(w in page for w in c.split())
    ]
    if gold["title"] and " ".join(gold["title"].split()) not in page:
        problems.append(f"title not on page: {gold['title'][:60]}")
    for ent in gold["entities"]:
        problems += [
            f"entity form not in story/captions: {f}"
            for f in [ent["name"], *ent["aliases"]]
            if f.lower() not in story.lower()
        ]
    problems += [
        f"figure text not in story: {f['text']}"
        for f in gold["figures"]
        if f["text"].lower() not in " ".join(gold["story_lines"]).lower()
    ]
    return problems


def main() -> None:
    cmd, arg = sys.argv[1], sys.argv[2]
    if cmd == "check":
        for path in sorted(Path(arg).glob("*.gold.json")):
            for problem in check(path):
                print(f"{path.name}: {problem}")
    elif cmd == "show":
        show(arg)
    elif cmd == "build":
        out = Path(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--out" else PAGES
        for p in build(Path(arg), out):
            g = json.loads(p.read_text("utf-8"))
            print(
                p.name,
                len(g["story_lines"]),
                "story",
                len(g["chrome_lines"]),
                "chrome",
                len(g["entities"]),
                "entities",
                len(g["figures"]),
                "figures",
            )


if __name__ == "__main__":
    main()
