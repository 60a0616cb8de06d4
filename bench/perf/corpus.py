"""The benchmark corpus: the demo articles repeated and varied to realistic length.

Each article starts from one of the demo stories (JSON text, scraped text or an HTML page), gets
paragraphs of the other stories spliced into its body until it reaches 300-900 words (the range
of a wire story), has its numbers and names varied and a unique URL, so every one is a distinct
article with a distinct id. Seeded: the same `n` gives the same corpus in every run.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEMO = Path(__file__).resolve().parents[2] / "demo"
PEOPLE = [
    "Redur Khalil",
    "Rami Abdelrahman",
    "Rosa Castillo",
    "Jorge Medina",
    "Alicia Moreno",
    "Daniel Whitmore",
    "Ali Yerlikaya",
    "Petra Lindqvist",
    "Marcus Hale",
    "Romain Hugonnet",
    "Amina Diallo",
    "Kenji Watanabe",
    "Sofia Marquez",
    "Olumide Adeyemi",
    "Hanna Kowalski",
    "Tariq Mansour",
    "Ingrid Solberg",
    "Luis Ferreira",
    "Mei Lin",
    "Samuel Okafor",
]
PLACES = [
    "Hajin",
    "Qamishli",
    "Malatya",
    "Lima",
    "Chicago",
    "Paris",
    "Kabul",
    "Beirut",
    "London",
    "Nairobi",
    "Jakarta",
    "Manila",
    "Quito",
    "Tbilisi",
    "Accra",
    "Lagos",
    "Dhaka",
    "Lyon",
]
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?![\w])")
_PARA_SPLIT = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Base:
    name: str
    kind: str  # "text" | "html"
    fields: dict[str, Any]  # url/source/title/published_at and text or html
    paragraphs: list[str]  # the story's own paragraphs, for padding the other stories


def _story_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARA_SPLIT.split(text) if len(p.split()) >= 15]


def _html_paragraphs(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", p).strip()
            for p in re.findall(r"<p>(.*?)</p>", html, re.DOTALL) if len(p.split()) >= 15]  # fmt: skip


def bases() -> list[Base]:
    out = []
    for path in sorted(DEMO.iterdir()):
        if path.suffix == ".json":
            objs = [json.loads(path.read_text())]
        elif path.suffix == ".ndjson":
            objs = [json.loads(ln) for ln in path.read_text().splitlines() if ln.strip()]
        elif path.suffix == ".txt":
            objs = [{"text": path.read_text()}]
        elif path.suffix in (".html", ".htm"):
            objs = [{"html": path.read_text()}]
        else:
            continue
        for k, obj in enumerate(objs):
            kind = "html" if obj.get("html") and not obj.get("text") else "text"
            paras = (_html_paragraphs(obj["html"]) if kind == "html"
                     else _story_paragraphs(obj["text"]))  # fmt: skip
            out.append(Base(f"{path.stem}-{k}", kind, obj, paras))
    return out


def _vary(text: str, rng: random.Random, names: dict[str, str]) -> str:
    def number(m: re.Match[str]) -> str:
        digits = m.group(1).replace(",", "")
        value = int(digits)
        if 1900 <= value <= 2100 and len(digits) == 4:  # a year: keep it
            return m.group(1)
        new = max(1, round(value * rng.uniform(0.5, 1.8)))
        return f"{new:,}" if "," in m.group(1) else str(new)

    text = _NUMBER.sub(number, text)
    for old, new in names.items():
        text = text.replace(old, new)
    return text


def article(i: int, all_bases: list[Base], rng: random.Random) -> dict[str, Any]:
    """One JSON article for POST /articles and /articles/batch (fields of ArticleIn)."""
    base = all_bases[i % len(all_bases)]
    target = rng.randint(300, 900)
    pool = [p for b in all_bases if b is not base for p in b.paragraphs]
    words = sum(len(p.split()) for p in base.paragraphs)
    extra = []
    while words < target:
        p = rng.choice(pool)
        extra.append(p)
        words += len(p.split())
    names = {old: rng.choice(PEOPLE) for old in rng.sample(PEOPLE, 6)}
    names |= {old: rng.choice(PLACES) for old in rng.sample(PLACES, 4)}
    obj = {k: v for k, v in base.fields.items() if k in ("source", "title", "published_at")}
    if base.kind == "html":
        html = base.fields["html"]
        cut = html.rfind("</article>") if "</article>" in html else html.rfind("</body>")
        padding = "".join(f"<p>{p}</p>\n" for p in extra)
        obj["html"] = _vary(html[:cut] + padding + html[cut:], rng, names)
    else:
        paras = _PARA_SPLIT.split(base.fields["text"])
        at = min(len(paras), 4)  # after the lede, before any trailing page chrome
        obj["text"] = _vary("\n\n".join(paras[:at] + extra + paras[at:]), rng, names)
    if obj.get("title"):
        obj["title"] = _vary(obj["title"], rng, names)
    obj["url"] = f"https://bench.test/{base.name}/{i}"
    obj.setdefault("source", "bench.test")
    return obj


def build(n: int, seed: int = 11, offset: int = 0) -> list[dict[str, Any]]:
    """`n` articles; `offset` shifts the numbering so different stages never share an id."""
    all_bases = bases()
    rng = random.Random(seed + offset)
    return [article(offset + i, all_bases, rng) for i in range(n)]
