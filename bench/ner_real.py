"""Real news pages (bench/real, manifest split `dev` only; never `test`) as NER examples and as a
span score, for bench/ner_train.py's `--real`.

The text is what the pipeline's entity stage parses (pipeline._nlp_text: the cleaned body, then
the captions). Its gold mentions are every printed occurrence of a gold entity's name or alias
(longest first, whole words; also printed in capitals), typed by the gold. As
bench/real/ANNOTATING.md defines the gold:
- it names every PERSON / ORG / LOC of the story lines and captions, so there a name the base
  model found and the gold does not name is a negative example (outside), unless its words are
  part of a gold name or alias (an alias the annotator did not list: left unlabelled);
- elsewhere (title, byline, chrome the cleaning left, related links) the gold is silent: those
  tokens are missing (no loss), except printed gold names, which are labelled there too;
- optional gold names and two-type names ("ORG/LOC") are missing, a MISC / EVENT name takes the
  base model's own label for that span (NORP, EVENT, PRODUCT ...) or is missing;
- rehearsal as for CoNLL (bench/ner_train.py): the base model's DATE, CARDINAL, MONEY ... spans
  that no gold name overlaps stay targets; its NORP / FAC / EVENT ... spans are missing.
Each paragraph of a page is one example (a few sentences, like CoNLL's).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

REAL = Path(__file__).resolve().parent / "real"
SCORED = {"PERSON", "ORG", "LOC"}
REHEARSED = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
PLACES = {"GPE", "LOC", "FAC"}
MISC_LABELS = {"NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
# The base model's labels read as the gold's scored types (models.CONLL_CLASS).
AS_GOLD = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

Span3 = tuple[int, int, str]


@dataclass
class Page:
    name: str
    half: str
    text: str
    mentions: list[Span3]  # gold: PERSON / ORG / LOC / MISC, or "?" (optional, two types)
    regions: list[tuple[int, int]]  # story lines and captions: where the gold is complete
    forms: set[str] = field(default_factory=set)  # every gold name and alias, for_nlp'd

    def chunks(self) -> list[tuple[int, int]]:
        """The paragraphs: (start, end) of each non-blank line."""
        return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", self.text)]


def load(half: str | None) -> list[Page]:
    """The dev pages of `half` ("a", "b" by site, as bench/quality --half; None: all)."""
    from newsflow_enrich.errors import ExtractionSkipped
    from newsflow_enrich.pipeline import _nlp_text
    from newsflow_enrich.stages import text as text_stage
    from quality import site_halves

    halves = site_halves()
    out = []
    for entry in json.loads((REAL / "manifest.json").read_text("utf-8")):
        if entry.get("split") != "dev" or half and halves[entry["name"]] != half:
            continue  # the locked test pages are never read
        gold = json.loads((REAL / "pages" / f"{entry['name']}.gold.json").read_text("utf-8"))
        try:
            cleaned = text_stage.clean(_raw(entry["name"]), 2_000_000)
        except ExtractionSkipped:
            continue
        text = _nlp_text(cleaned)
        out.append(Page(entry["name"], halves[entry["name"]], text, mentions(text, gold),
                        regions(text, gold), _forms(gold)))  # fmt: skip
    return out


def _raw(name: str) -> Any:
    from newsflow_contracts.events import ArticleReceived

    [src] = [
        p
        for p in (REAL / "pages").glob(name + ".*")
        if p.suffix in (".txt", ".html", ".json") and not p.name.endswith(".gold.json")
    ]
    content = src.read_text("utf-8")
    if src.suffix == ".html":
        return ArticleReceived.new(html=content, content_type="text/html")
    if src.suffix == ".json":
        return ArticleReceived.new(content_type="application/json", **json.loads(content))
    return ArticleReceived.new(text=content)


def _nlp(s: str) -> str:
    from newsflow_enrich.stages.text import for_nlp

    return for_nlp(s)


def _kind(ent: dict[str, Any]) -> str:
    t = ent["type"]
    types = t if isinstance(t, list) else t.split("/")
    if ent.get("optional") or len(types) != 1:
        return "?"
    return types[0] if types[0] in SCORED else "MISC"


def _forms(gold: dict[str, Any]) -> set[str]:
    return {_nlp(f) for e in gold.get("entities", []) for f in [e["name"], *e.get("aliases", [])]
            if f.strip()}  # fmt: skip


def mentions(text: str, gold: dict[str, Any]) -> list[Span3]:
    """Every printed occurrence of a gold name or alias, longest first, not overlapping."""
    hits = []
    for ent in gold.get("entities", []):
        kind = _kind(ent)
        for form in {_nlp(f).strip() for f in [ent["name"], *ent.get("aliases", [])]} - {""}:
            for variant in {form, form.upper()}:
                pat = r"\s+".join(re.escape(w) for w in variant.split())
                for m in re.finditer(rf"(?<!\w){pat}(?!\w)", text):
                    hits.append((m.start(), m.end(), kind))
    taken = bytearray(len(text))
    out = []
    for s, e, kind in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if not any(taken[s:e]):
            taken[s:e] = b"\x01" * (e - s)
            out.append((s, e, kind))
    return sorted(out)


def regions(text: str, gold: dict[str, Any]) -> list[tuple[int, int]]:
    """Where the story lines and captions are in the text (whitespace collapsed; a line not
    found whole is looked for sentence by sentence)."""
    flat, index = [], []
    for i, ch in enumerate(text):
        if ch.isspace():
            if flat and flat[-1] == " ":
                continue
            ch = " "
        flat.append(ch)
        index.append(i)
    joined = "".join(flat)
    out = []
    for line in [*gold.get("story_lines", []), *gold.get("captions", [])]:
        norm = " ".join(_nlp(line).split())
        parts = [norm] if norm in joined else re.split(r"(?<=[.!?”\"])\s+", norm)
        for part in parts:
            k = joined.find(part) if len(part) >= 12 else -1
            if k >= 0:
                out.append((index[k], index[k + len(part) - 1] + 1))
    return out


def reference(doc: Doc, page: Page, offset: int, base: list[Span3]) -> Doc:
    """The training target of one paragraph (`doc`, starting at `offset` in the page's text):
    IOB tags, "" where the gold is silent (see the module docstring)."""
    n = len(doc)
    tags: list[str | None] = [None] * n
    inside = bytearray(len(doc.text))
    for s, e in page.regions:
        lo, hi = max(s - offset, 0), min(e - offset, len(doc.text))
        if lo < hi:
            inside[lo:hi] = b"\x01" * (hi - lo)
    for t in doc:
        if not all(inside[t.idx : t.idx + len(t.text)]):
            tags[t.i] = ""
    base_at = {(s, e): label for s, e, label in base}
    claimed = set()
    end = offset + len(doc.text)
    for s, e, kind in page.mentions:
        if s < offset or e > end:
            continue
        span = doc.char_span(s - offset, e - offset, alignment_mode="expand")
        if span is None:
            continue
        b = base_at.get((s - offset, e - offset))
        label = {"PERSON": "PERSON", "ORG": "ORG", "LOC": b if b in PLACES else "GPE",
                 "MISC": b if b in MISC_LABELS else ""}.get(kind, "")  # fmt: skip
        _tag(tags, span.start, span.end, label)
        claimed.update(range(span.start, span.end))
    for s, e, label in base:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or claimed & set(range(span.start, span.end)):
            continue
        if label in REHEARSED:
            _tag(tags, span.start, span.end, label)
        elif label in MISC_LABELS or label == "FAC" or _inside_form(span.text, page.forms):
            _tag(tags, span.start, span.end, "")
    ref = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
              ents=[t if t is not None else "O" for t in tags])  # fmt: skip
    return ref


def _tag(tags: list[str | None], start: int, end: int, label: str) -> None:
    for i in range(start, end):
        tags[i] = "" if not label else ("B-" if i == start else "I-") + label


def _inside_form(name: str, forms: set[str]) -> bool:
    """The words of `name` are a run of words of a gold name or alias ("Epstein" in "Jeffrey
    Epstein"), so it may be an alias the annotator did not list."""
    words = " " + " ".join(name.split()) + " "
    return any(words in " " + " ".join(f.split()) + " " for f in forms)


def score(pages: list[Page], predicted: list[list[Span3]]) -> dict[str, tuple[int, int, int]]:
    """Exact span and type against the gold mentions of the story lines and captions, per type:
    (true, predicted, gold). A prediction on an optional / two-type / MISC mention, or outside
    the story lines and captions, counts neither way."""
    out = {t: [0, 0, 0] for t in SCORED}
    for page, preds in zip(pages, predicted, strict=True):
        inside = bytearray(len(page.text))
        for s, e in page.regions:
            inside[s:e] = b"\x01" * (e - s)
        gold = {(s, e, k) for s, e, k in page.mentions if k in SCORED and all(inside[s:e])}
        ignored = [(s, e) for s, e, k in page.mentions if k not in SCORED]
        got = set()
        for s, e, label in preds:
            t = AS_GOLD.get(label)
            if t and all(inside[s:e]) and not any(s < ie and is_ < e for is_, ie in ignored):
                got.add((s, e, t))
        for t in SCORED:
            g, p = {x for x in gold if x[2] == t}, {x for x in got if x[2] == t}
            out[t][0] += len(g & p)
            out[t][1] += len(p)
            out[t][2] += len(g)
    return {t: (a, b, c) for t, (a, b, c) in out.items()}


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def table(rows: dict[str, dict[str, tuple[int, int, int]]]) -> str:
    """P / R / F1 per type (and all three), one column per model."""
    head = "| type | " + " | ".join(rows) + " |\n|---|" + "---|" * len(rows) + "\n"
    lines = []
    for t in ("PERSON", "ORG", "LOC", None):
        cells = []
        for counts in rows.values():
            tp, npred, ngold = (sum(counts[k][i] for k in ([t] if t else SCORED)) for i in range(3))
            cells.append("{:.3f} / {:.3f} / {:.3f}".format(*prf(tp, npred, ngold)))
        lines.append(f"| {t or 'all'} | " + " | ".join(cells) + " |")
    return head + "\n".join(lines)
