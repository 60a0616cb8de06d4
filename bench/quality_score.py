"""Scoring for bench/quality: gold annotations against enriched events (ours or the baseline).

Matching rules (also in bench/README.md):
- text: a story line is lost when any of its sentences is missing from the body (whitespace
  collapsed); a chrome line is left when it is a whole line of the body, or (20+ characters) a
  substring of it.
- entities: PERSON / ORG / LOC only. A predicted entity matches a gold one of the same type when
  their forms (name + aliases, lower-cased, "the"/"'s"/dots stripped) intersect. A second
  predicted entity matching an already matched gold entity is a false positive (an unmerged
  duplicate). Gold entities marked "optional" count neither way.
- merges: every gold alias that occurs in the body or captions is a pair (name, alias); it is
  right when the predicted entity holding the gold name also holds the alias. Predicted aliases
  count (for precision) only when they occur in the article: a curated alias listed for search
  ("USA") claims no merge.
- figures: bench/figure_score.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

SCORED_TYPES = ("PERSON", "ORG", "LOC")
_SENT = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“A-Z0-9])")


@dataclass
class PRF:
    """Counts for precision and recall, kept apart: matching is not always one to one."""

    tp_p: int = 0
    n_pred: int = 0
    tp_r: int = 0
    n_gold: int = 0

    def add(self, other: PRF) -> None:
        self.tp_p += other.tp_p
        self.n_pred += other.n_pred
        self.tp_r += other.tp_r
        self.n_gold += other.n_gold

    def row(self) -> dict[str, float | int | None]:
        p = self.tp_p / self.n_pred if self.n_pred else None
        r = self.tp_r / self.n_gold if self.n_gold else None
        f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
        return {"p": p, "r": r, "f1": f, "n_gold": self.n_gold, "n_pred": self.n_pred}


@dataclass
class Scores:
    prf: dict[str, PRF] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def get(self, key: str) -> PRF:
        return self.prf.setdefault(key, PRF())

    def add(self, other: Scores) -> None:
        for k, v in other.prf.items():
            self.get(k).add(v)


def squash(text: str) -> str:
    # A soft hyphen (U+00AD) is not printed unless a line breaks there: not part of the text.
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u00ad", "")
    return " ".join(text.split())


def norm_form(text: str) -> str:
    t = squash(text).lower().replace(".", "")
    t = re.sub(r"^the\s+", "", t)
    return re.sub(r"['’]s?$", "", t).strip()


def _alts(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# ---- text ------------------------------------------------------------------------------------


def score_text(gold: dict[str, Any], body: str, s: Scores) -> None:
    flat = squash(body)
    lines = {squash(ln) for ln in body.split("\n") if ln.strip()}
    story = s.get("story lines kept")
    for line in gold.get("story_lines", []):
        sents = [x for x in _SENT.split(squash(line)) if x.strip()]
        kept = all(x in flat for x in sents)
        story.n_gold += 1
        story.tp_r += kept
        if not kept:
            s.misses.append(f"story lost: {line[:70]}")
    chrome = s.get("chrome lines removed")
    for line in gold.get("chrome_lines", []):
        c = squash(line)
        left = c in lines or (len(c) >= 20 and c in flat)
        chrome.n_gold += 1
        chrome.tp_r += not left
        if left:
            s.misses.append(f"chrome left: {line[:70]}")
    story.tp_p, story.n_pred = story.tp_r, story.n_gold
    chrome.tp_p, chrome.n_pred = chrome.tp_r, chrome.n_gold


# ---- metadata --------------------------------------------------------------------------------


def _date_ok(gold: str | None, pred: str | None) -> bool:
    if not gold or not pred:
        return gold == pred
    return pred[: 16 if "T" in gold else 10] == gold[: 16 if "T" in gold else 10]


def score_metadata(gold: dict[str, Any], pred: dict[str, Any], s: Scores) -> None:
    checks = {
        "title": (
            squash(gold.get("title") or "").lower() == squash(pred.get("title") or "").lower()
        ),
        "byline": squash(gold.get("byline") or "") == squash(pred.get("byline") or ""),
        "agencies": sorted(gold.get("agencies", [])) == sorted(pred.get("agencies") or []),
        "published_at": _date_ok(gold.get("published_at"), pred.get("published_at")),
        "dateline": (gold.get("dateline") or "").upper() == (pred.get("dateline") or "").upper(),
        "language": gold.get("language", "en") == pred.get("language"),
        "captions": sorted(squash(c) for c in gold.get("captions", []))
        == sorted(squash(c) for c in pred.get("captions") or []),
    }
    for name, ok in checks.items():
        for key in (f"meta {name}", "meta (all fields)"):
            m = s.get(key)
            m.n_gold += 1
            m.n_pred += 1
            m.tp_r += ok
            m.tp_p += ok
        if not ok:
            s.misses.append(f"meta {name}: gold={gold.get(name)!r} pred={pred.get(name)!r}")


# ---- entities --------------------------------------------------------------------------------


def _forms(ent: dict[str, Any]) -> set[str]:
    return {norm_form(f) for f in [ent["name"], *ent.get("aliases", [])]} - {""}


def _occurs(form: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text) is not None


def alias_kind(name: str, alias: str, type_: str) -> str:
    bare = alias.replace(".", "")
    if bare.isalpha() and bare.isupper() and 2 <= len(bare) <= 8 and not name.isupper():
        return "acronym"
    if type_ == "PERSON" and len(alias.split()) == 1 and alias in name.split():
        return "surname"
    return "variant"


def score_entities(
    gold: dict[str, Any], pred: list[dict[str, Any]], body: str, captions: str, s: Scores
) -> None:
    golds = [g for g in gold.get("entities", []) if set(_alts(g["type"])) & set(SCORED_TYPES)]
    preds = [p for p in pred if p["type"] in SCORED_TYPES]
    pforms = [_forms(p) for p in preds]
    owner: dict[int, int] = {}  # gold index -> the predicted entity that holds it
    for gi, g in enumerate(golds):
        gf, types = _forms(g), _alts(g["type"])
        hits = [pi for pi, p in enumerate(preds) if p["type"] in types and pforms[pi] & gf]
        named = [pi for pi in hits if norm_form(g["name"]) in pforms[pi]]
        if hits:
            owner[gi] = (named or hits)[0]
        if g.get("optional"):
            continue
        m = s.get(f"entities {types[0]}")
        m.n_gold += 1
        m.tp_r += bool(hits)
        if not hits:
            s.misses.append(f"entity missed: {types[0]} {g['name']}")
    taken: set[int] = set()
    for pi, p in enumerate(preds):
        gis = [
            gi
            for gi, g in enumerate(golds)
            if p["type"] in _alts(g["type"]) and pforms[pi] & _forms(g)
        ]
        if gis and any(golds[gi].get("optional") for gi in gis):
            continue
        m = s.get(f"entities {p['type']}")
        m.n_pred += 1
        if gis and gis[0] not in taken:
            taken.add(gis[0])
            m.tp_p += 1
        else:
            s.misses.append(f"entity spurious/dup: {p['type']} {p['name']}")
    _score_merges(golds, preds, pforms, owner, body, captions, s)


def _score_merges(
    golds: list[dict[str, Any]],
    preds: list[dict[str, Any]],
    pforms: list[set[str]],
    owner: dict[int, int],
    body: str,
    captions: str,
    s: Scores,
) -> None:
    text = body + "\n" + captions
    for gi, g in enumerate(golds):
        if g.get("optional"):
            continue
        for alias in g.get("aliases", []):
            if not _occurs(alias, text) or norm_form(alias) == norm_form(g["name"]):
                continue
            kind = alias_kind(g["name"], alias, _alts(g["type"])[0])
            ok = gi in owner and norm_form(alias) in pforms[owner[gi]]
            for key in (f"merges {kind}", "merges (all)"):
                m = s.get(key)
                m.n_gold += 1
                m.tp_r += ok
            if not ok:
                s.misses.append(f"merge missed ({kind}): {g['name']} <- {alias}")
    for pi, p in enumerate(preds):
        gs = [g for g in golds if norm_form(p["name"]) in _forms(g)]
        # Aliases the entity was found under: its spans' text (body), or caption mentions.
        used = {body[a:b] for a, b in p.get("spans", [])}
        for alias in p.get("aliases", []):
            if norm_form(alias) == norm_form(p["name"]) or not gs:
                continue
            if alias not in used and not _occurs(alias, captions):
                continue
            ok = any(norm_form(alias) in _forms(g) for g in gs)
            kind = alias_kind(p["name"], alias, p["type"])
            for key in (f"merges {kind}", "merges (all)"):
                m = s.get(key)
                m.n_pred += 1
                m.tp_p += ok
            if not ok:
                s.misses.append(f"merge wrong: {p['name']} <- {alias}")
