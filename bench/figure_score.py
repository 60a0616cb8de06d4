"""Scoring of figures for bench/quality (the rest of the scoring is in quality_score.py).

Matching rule (also in bench/README.md): figures are matched on value (ranges on low/high), one to
one, in text order; then the object's head noun (last word, plural stripped), the event's stem (its
verb, not a trailing particle), the qualifier, the range and the parent's value are compared on the
matched pairs. A gold event of several words ("made public", "took part", "went on strike") is
also read by its verb, the first word that is no modal or "to": an event is right when it names
the verb of the phrase or the word the stem reads. Among equal values the prediction is preferred
that locates the gold's mention: its text holds the gold's text, then its sentence does.
"""

from __future__ import annotations

import re
from typing import Any

from quality_score import Scores, _alts


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


# Words before a phrase's verb ("will be", "to take part"): never the verb itself.
_BEFORE_VERB = {"to", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
                "not", "n't", "also", "just", "still"}  # fmt: skip


def event_keys(value: Any) -> set[str | None]:
    """What an event (or a list of readings) is compared by: each reading's stem and, for a
    reading of several words, the stem of its verb ("made public": "make" and "public"; "took
    part": "take" and "part"); bench/README.md's rule reads an event by its verb."""
    keys: set[str | None] = set()
    for reading in _alts(value):
        keys.add(stem(reading))
        words = (reading or "").lower().split()
        verb = next((w for w in words if w not in _BEFORE_VERB), None)
        if len(words) > 1 and verb is not None:
            keys.add(stem(verb))
    return keys


def unit_key(unit: Any) -> Any:
    """A unit as spelled by anyone ('percent', 'metres', 'dollars') in the pipeline's own
    notation ('%', 'm', 'USD'), so that spelling is not scored; a list is its first reading."""
    from newsflow_enrich.stages.numbers import CURRENCIES, UNITS

    unit = _alts(unit)[0]
    if not isinstance(unit, str):
        return unit
    low = unit.lower()
    return UNITS.get(low) or CURRENCIES.get(low) or unit


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a))


def _value_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("low") is not None:
        return _same(g["low"], p.get("low")) and _same(g["high"], p.get("high"))
    return _same(g["value"], p["value"]) or _same(g["value"], p.get("low") or -1.0)


def object_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return head(p.get("object")) in {head(o) for o in _alts(g.get("object"))}


def event_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return bool(event_keys(p.get("event")) & event_keys(g.get("event")))


def match_figures(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[int, int]:
    """gold index -> pred index; among equal values prefer the same text, then a sentence that
    holds the gold's text (the same mention: the gold names no place, and a value printed twice
    was matched to its first unused mention even where the gold's is the second), then the same
    object."""
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
                not (g.get("text") and g["text"] in (preds[pi].get("sentence") or "")),
                not object_ok(g, preds[pi]),
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
        "figures +object": object_ok,
        "figures +object+event": lambda g, p: object_ok(g, p) and event_ok(g, p),
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
        elif not (object_ok(g, p) and event_ok(g, p)):
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
