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
- figures: matched on value (ranges on low/high), one to one, in text order; then the object's
  head noun (last word, plural stripped), the event's stem (its verb, not a trailing particle),
  the qualifier, the range and the parent's value are compared on the matched pairs.
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


def head(text: str | None) -> str | None:
    if not text:
        return None
    word = text.lower().split()[-1].strip(".,;:")
    for suf, rep in (("ies", "y"), ("ves", "f"), ("ses", "s"), ("s", "")):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            return word[: -len(suf)] + rep
    return word


_PARTICLES = {"up", "down", "out", "off", "away", "in", "on", "over", "back", "through"}


def stem(verb: str | None) -> str | None:
    """The verb's stem: the last word ("were killed"), or the one before a particle ("edged
    up", "swept away")."""
    if not verb:
        return None
    words = verb.lower().split()
    w = words[-2] if len(words) > 1 and words[-1] in _PARTICLES else words[-1]
    irregular = {
        "fled": "flee",
        "fleeing": "flee",
        "flees": "flee",
        "won": "win",
        "took": "take",
        "taken": "take",
        "cut": "cut",
        "cuts": "cut",
        "rose": "rise",
        "risen": "rise",
        "fell": "fall",
        "fallen": "fall",
        "hit": "hit",
        "made": "make",
        "paid": "pay",
        "lost": "lose",
        "spent": "spend",
        "sent": "send",
        "held": "hold",
        "left": "leave",
        "shed": "shed",
        "drew": "draw",
        "drawn": "draw",
        "gave": "give",
        "given": "give",
        "got": "get",
        "brought": "bring",
        "sold": "sell",
        "stole": "steal",
        "stolen": "steal",
        "burnt": "burn",
        "grew": "grow",
        "grown": "grow",
    }
    if w in irregular:
        return irregular[w]
    for suf in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            w = w[: -len(suf)]
            break
    return re.sub(r"(.)\1$", r"\1", w)  # "cutting" -> "cutt" -> "cut"


def unit_key(unit: Any) -> Any:
    """A unit as spelled by anyone ('percent', 'metres', 'dollars') in the pipeline's own
    notation ('%', 'm', 'USD'), so that spelling is not scored; a list is its first reading."""
    from newsflow_enrich.stages.numbers import CURRENCIES, UNITS

    unit = _alts(unit)[0]
    if not isinstance(unit, str):
        return unit
    low = unit.lower()
    return UNITS.get(low) or CURRENCIES.get(low) or unit


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


# ---- figures ---------------------------------------------------------------------------------


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a))


def _value_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("low") is not None:
        return _same(g["low"], p.get("low")) and _same(g["high"], p.get("high"))
    return _same(g["value"], p["value"]) or _same(g["value"], p.get("low") or -1.0)


def _object_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return head(p.get("object")) in {head(o) for o in _alts(g.get("object"))}


def _event_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return stem(p.get("event")) in {stem(e) for e in _alts(g.get("event"))}


def match_figures(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[int, int]:
    """gold index -> pred index; among equal values prefer the same text, then the same object."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in enumerate(golds):
        cands = [pi for pi, p in enumerate(preds) if pi not in used and _value_match(g, p)]
        if not cands:
            continue
        best = sorted(
            cands,
            key=lambda pi: (
                not (g.get("text") and g["text"] in preds[pi]["text"]),
                not _object_ok(g, preds[pi]),
            ),
        )
        pairs[gi] = best[0]
        used.add(best[0])
    return pairs


def score_figures(gold: dict[str, Any], preds: list[dict[str, Any]], s: Scores) -> None:
    golds = gold.get("figures", [])
    pairs = match_figures(golds, preds)
    rev = {pi: gi for gi, pi in pairs.items()}
    levels = {
        "figures value": lambda g, p: True,
        "figures +object": _object_ok,
        "figures +object+event": lambda g, p: _object_ok(g, p) and _event_ok(g, p),
    }
    for name, ok in levels.items():
        m = s.get(name)
        m.n_gold += len(golds)
        m.n_pred += len(preds)
        hits = sum(bool(ok(golds[gi], preds[pi])) for gi, pi in pairs.items())
        m.tp_r += hits
        m.tp_p += hits
    for gi, g in enumerate(golds):
        p = preds[pairs[gi]] if gi in pairs else None
        if p is None:
            s.misses.append(f"figure missed: {g['value']} {g.get('object')} ({g.get('text', '')})")
        elif not (_object_ok(g, p) and _event_ok(g, p)):
            s.misses.append(
                f"figure ctx: {g['value']} gold={g.get('object')}/{g.get('event')} "
                f"pred={p.get('object')}/{p.get('event')}"
            )
    for pi, p in enumerate(preds):
        if pi not in rev:
            s.misses.append(f"figure spurious: {p['value']} {p['text']!r} in: {p['sentence'][:60]}")
    _attribute(
        s,
        "figures qualifier",
        golds,
        preds,
        pairs,
        lambda f: f.get("qualifier"),
        lambda g, p: g.get("qualifier") == p.get("qualifier"),
    )
    _attribute(
        s,
        "figures range",
        golds,
        preds,
        pairs,
        lambda f: f.get("low"),
        lambda g, p: _same(g.get("low"), p.get("low")) and _same(g.get("high"), p.get("high")),
    )
    parent_value = [None if p.get("parent") is None else preds[p["parent"]]["value"] for p in preds]
    _attribute(
        s,
        "figures parent",
        golds,
        preds,
        pairs,
        lambda f: f.get("parent_value", f.get("parent")),
        lambda g, p: _same(g.get("parent_value"), parent_value[preds.index(p)]),
    )
    unit = s.get("figures unit")
    for gi, pi in pairs.items():
        ok = unit_key(golds[gi].get("unit")) in {unit_key(u) for u in _alts(preds[pi].get("unit"))}
        unit.n_gold += 1
        unit.n_pred += 1
        unit.tp_r += ok
        unit.tp_p += ok
        if not ok:
            s.misses.append(
                f"unit: {golds[gi]['value']} gold={golds[gi].get('unit')} "
                f"pred={preds[pi].get('unit')}"
            )


def _attribute(
    s: Scores,
    key: str,
    golds: list[dict[str, Any]],
    preds: list[dict[str, Any]],
    pairs: dict[int, int],
    has: Any,
    ok: Any,
) -> None:
    """P/R of one optional attribute: only figures that carry it, in gold or in prediction."""
    m = s.get(key)
    rev = {pi: gi for gi, pi in pairs.items()}
    for gi, g in enumerate(golds):
        if has(g) is not None:
            m.n_gold += 1
            good = gi in pairs and ok(g, preds[pairs[gi]])
            m.tp_r += good
            if not good:
                s.misses.append(f"{key} missed: {g['value']} ({g.get('text', '')})")
    for pi, p in enumerate(preds):
        if has(p) is not None:
            m.n_pred += 1
            good = pi in rev and ok(golds[rev[pi]], p)
            m.tp_p += good
            if not good:
                s.misses.append(f"{key} wrong: {p['value']} {p['text']!r}")
