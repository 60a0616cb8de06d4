"""The learned object/event chooser: a conditional logit over parse features that picks each
figure's object among its sentence's nouns and its event among its verbs (or none), the rules'
own choice being one feature among others. Trained by bench/train_figures on annotated pages;
the weights are a small JSON file in newsflow_enrich/data, named in the event's pipeline field.
A weights file may also hold a hidden layer (figure_net.Net, bench/train_figures --hidden), which
reads the candidates' features and the figure's `context` together; the shipped file has none.

Written by hand rather than taken from a library: a conditional logit over a few hundred sparse
features is twenty lines, and sklearn (which has no conditional logit) would add ~40 MB to the
service for it.
"""

from __future__ import annotations

import json
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy
from newsflow_contracts.events import Figure
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc, Token

from newsflow_enrich.stages.figure_context import hyphen_glued, word_text
from newsflow_enrich.stages.figure_net import Net
from newsflow_enrich.stages.numbers import DURATION_UNITS, MONEY

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "figure_rerank.json"
KINDS = {"obj": ("NOUN", "PROPN"), "ev": ("VERB",)}


class View:
    """What the features read of every token of one doc, read once as arrays. A spaCy `Token`
    is built anew at every `doc[i]` and `t.head`, and the features of every candidate of every
    figure walked the parse through them: the figures stage's biggest cost. Read after the
    entities stage, which may set the doc's entities."""

    def __init__(self, doc: Doc) -> None:
        cols = doc.to_array([HEAD, DEP, POS, LOWER, LEMMA, TAG, ENT_TYPE, ORTH])
        self.head: list[int] = (numpy.arange(len(doc)) + cols[:, 0].astype(numpy.int64)).tolist()
        # Each distinct string decoded once (a doc holds ~8 of them per token, mostly repeats).
        hashes, at = numpy.unique(cols[:, 1:], return_inverse=True)
        s = doc.vocab.strings
        strings = [s[h] for h in hashes.tolist()]
        at = at.reshape(len(doc), 7)
        self.dep, self.pos, self.lower, self.lemma, self.tag, self.ent, self.text = (
            [strings[i] for i in at[:, k].tolist()] for k in range(7)
        )
        self._up: dict[int, tuple[list[str], dict[int, int]]] = {}

    def up(self, a: int) -> tuple[list[str], dict[int, int]]:
        """The labels from `a` up its heads (at most 9), and each ancestor's distance."""
        if a not in self._up:
            up, anc = [], {}
            t, k = a, 0
            while True:
                anc[t] = k
                if self.head[t] == t or k > 8:
                    break
                up.append(self.dep[t])
                t, k = self.head[t], k + 1
            self._up[a] = (up, anc)
        return self._up[a]


def _path(v: View, a: int, b: int) -> str:
    """The dependency path from a to b: labels up to the common ancestor, then down."""
    up, anc = v.up(a)
    down, t = [], b
    while t not in anc and len(down) < 9:
        down.append(v.dep[t])
        if v.head[t] == t:
            return "far"
        t = v.head[t]
    if t not in anc:
        return "far"
    ups = up[: anc[t]]
    if len(ups) + len(down) > 5:
        return "far"
    return "/".join(ups) + "^" + "/".join(reversed(down))


def _bucket(d: int) -> str:
    s = "+" if d > 0 else "-"
    d = abs(d)
    return s + ("1" if d <= 1 else "2" if d <= 2 else "4" if d <= 4 else "8" if d <= 8 else "far")


def unit_kind(unit: str | None) -> str:
    if unit is None:
        return "count"
    if unit in DURATION_UNITS:  # "lasted 15 days": what lasted is the object, not what is counted
        return "dur"
    if unit in ("%", "pp"):
        return "pct"
    return "money" if unit in MONEY else "measure"


def features(kind: str, anchor: Token, cand: Token | None, rule: str | None,
             unit: str | None, view: View | None = None) -> list[str]:  # fmt: skip
    """Features of one candidate (None: no object / no event); `rule` is the rules' choice
    (the object's last word or the event, lower-cased); `view`: the doc's, if read already."""
    uk = unit_kind(unit)
    if cand is None:
        f = ["none", f"none|{uk}"] + (["rule", f"rule|{uk}"] if rule is None else [])
        return [f"{kind}:{x}" for x in f]
    v = view or View(anchor.doc)
    a, c = anchor.i, cand.i
    p = _path(v, a, c)
    pos, dep = v.pos[c], v.dep[c]
    f = [f"path={p}", f"path={p}|{uk}", f"dist={_bucket(c - a)}",
         f"pos={pos}", f"dep={dep}", f"dep={dep}|{uk}",
         f"plen={p.count('/') + 1 if p != 'far' else 'far'}"]  # fmt: skip
    if rule is not None and v.lower[c] == rule:
        f += ["rule", f"rule|{uk}"]
    if kind == "ev":
        f.append(f"lemma={v.lemma[c].lower()}")
        f.append(f"tag={v.tag[c]}")
        if pos == "AUX" and _existential(v, c):
            f.append("expl")
    else:
        f.append(f"ent={v.ent[c] or '-'}")
        f.append(f"lemma={v.lemma[c].lower()}")
        h = v.head[c]
        if v.lower[h] == "of" and v.head[h] == a:
            f.append("of_num")
    lo, hi = sorted((c, a))
    between = sum(x in KINDS[kind] for x in v.pos[lo + 1 : hi])  # nearer candidates of its kind
    f.append(f"nearer={min(between, 3)}{'+' if c > a else '-'}")
    if "VERB" in v.pos[lo + 1 : hi]:
        f.append("verb_between")
    if any(t in (",", ";", "—", "(") for t in v.text[lo + 1 : hi]):
        f.append("punct_between")
    return [f"{kind}:{x}" for x in f]


def context(kind: str, anchor: int, rule: str | None, unit: str | None, v: View) -> list[str]:
    """What every candidate of one figure shares: the number's own dependency, its head's
    dependency and part of speech, the unit's kind and whether the rules chose one. The linear
    part cannot use them (they add the same to every candidate); the net (figure_net) reads
    them beside each candidate's own features, so that "a path" can weigh otherwise for a number
    that is a subject than for one under a preposition."""
    h = v.head[anchor]
    f = [f"adep={v.dep[anchor]}", f"hdep={v.dep[h]}", f"hpos={v.pos[h]}",
         f"uk={unit_kind(unit)}", f"rule={'none' if rule is None else 'set'}"]  # fmt: skip
    return [f"{kind}:ctx:{x}" for x in f]


def rule_choice(fig: Figure, kind: str) -> str | None:
    text = fig.object if kind == "obj" else fig.event
    # "co-workers": spaCy's tokens are "co", "-", "workers"; the last one is the candidate
    return text.replace("-", " ").split()[-1].lower() if text and text.strip("- ") else None


def candidates(doc: Doc, fig: Figure,
               view: View | None = None) -> dict[str, tuple[Token, list[Token | None]]] | None:  # fmt: skip
    """Per kind: the figure's anchor token and its candidates (None first)."""
    span = doc.char_span(*fig.span, alignment_mode="expand")
    if span is None:
        return None
    v = view or View(doc)
    sent = span.sent
    copulas = _copulas_over(v, span.root.i)
    out: dict[str, tuple[Token, list[Token | None]]] = {}
    for kind, pos in KINDS.items():
        cands: list[Token | None] = [None]
        cands += [doc[i] for i in range(sent.start, sent.end)
                  if (v.pos[i] in pos or kind == "ev" and i in copulas)
                  and not span.start <= i < span.end]  # fmt: skip
        out[kind] = (span.root, cands)
    return out


def _copulas_over(v: View, root: int) -> set[int]:
    """'be' or 'have' as the main verb over the figure, up to three heads up ('the rate was
    753.2', 'Total costs were 6.8 per cent higher'): real annotators write them as the event, the
    written sets mostly not; as candidates, the model learns when. Auxiliaries are never events.
    Also "up" / "down" with no verb to move ("Shares were up 1.9 per cent", "Canara Bank (up 1.28
    per cent)"): both sets' annotators write them as the event (figure_context gives them)."""
    out, t = set(), root
    for _ in range(3):
        t = v.head[t]
        copula = v.pos[t] == "AUX" and v.lemma[t] in ("be", "have") \
            and v.dep[t] not in ("aux", "auxpass")  # fmt: skip
        moved = v.lower[t] in ("up", "down") and v.dep[t] in ("advmod", "prep") \
            and v.pos[v.head[t]] != "VERB"  # fmt: skip
        if copula or moved:
            out.add(t)
    return out


def _existential(v: View, t: int) -> bool:
    """'there were 14,000 refugees': a copula whose subject is the expletive 'there' (read off
    the View's arrays, as figure_events.existential reads a Token)."""
    return any(v.dep[c] == "expl" and v.head[c] == t for c in range(max(0, t - 4), t))


def _object_text(noun: Token, fig: Figure) -> str:
    """The noun with its modifiers, never reaching into the figure itself."""
    doc = noun.doc
    left = min((c.i for c in noun.lefts if c.dep_ in ("amod", "compound")), default=noun.i)
    while left < noun.i and doc[left].idx < fig.span[1] and noun.idx >= fig.span[1]:
        left += 1
    # the first part of a hyphenated word ("e" of "e-bikes": spaCy's tokens "e", "-", "bikes")
    # is the whole word, as rule_choice reads the rules' "co-workers" by its last part
    end = noun.i
    while hyphen_glued(doc, end) and not fig.span[0] <= doc[end + 2].idx < fig.span[1]:
        end += 2
    return doc[left : end + 1].text


def _infinitive_of(rule: Token | None, pick: Token | None) -> bool:
    """The rules' event is the infinitive clause of the model's verb ('allowing ... to flee',
    'forced ... to leave'): the rules read what happened to the counted thing, and the model,
    which has seen few such clauses, keeps to the governing verb. The rules win there."""
    return (
        rule is not None
        and pick is not None
        and next((a.i for a in rule.ancestors if a.pos_ == "VERB"), None) == pick.i
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in rule.children)
    )


class Reranker:
    """Weights per feature; `choose` rescores the rules' figures, overruling the rules only by
    more than `margin` (the rules' pick is kept on a near tie). A copula must win by more than
    `copula_margin` (the weights file's): the real pages' annotators write "was" as the event of
    "the rate was 753.2", and the written sets' gold, which once left it out ("Turnout was 65
    percent": none), names it too since session 25; the shipped weights take 0, so a copula
    competes as any verb. An existential copula ("there have been 16,639 cases") never takes a
    margin: the real annotators write it as the event."""

    def __init__(self, weights: dict[str, float], version: str, margin: float = 0.0,
                 copula_margin: float = 0.0, net: Net | None = None) -> None:  # fmt: skip
        self.w = weights
        self.version = version
        self.margin = margin
        self.copula_margin = copula_margin
        self.net = net  # the hidden layer over the same features and the `context`, if any

    @classmethod
    def load(cls, path: Path = DEFAULT) -> Reranker:
        obj: dict[str, Any] = json.loads(path.read_text("utf-8"))
        net = Net.from_json(obj["net"]) if obj.get("net") else None
        return cls(obj["weights"], obj["version"], obj.get("margin", 0.0),
                   obj.get("copula_margin", 0.0), net)  # fmt: skip

    def pick(self, feats: list[list[str]], rule: int | None = None,
             copulas: frozenset[int] = frozenset()) -> int:  # fmt: skip
        scores = [sum(map(self.w.get, f, repeat(0.0))) - self.copula_margin * (k in copulas)
                  for k, f in enumerate(feats)]  # fmt: skip
        if self.net is not None:
            scores = [s + d for s, d in zip(scores, self.net.scores(feats), strict=True)]
        best = max(range(len(scores)), key=lambda k: scores[k])
        if rule is not None and scores[best] - scores[rule] <= self.margin:
            return rule
        return best

    def choose(self, doc: Doc, figures: list[Figure]) -> list[Figure]:
        out = []
        view = View(doc) if figures else None
        for fig in figures:
            cands = candidates(doc, fig, view)
            if cands is None:
                out.append(fig)
                continue
            update: dict[str, Any] = {}
            for kind, (anchor, toks) in cands.items():
                rule = rule_choice(fig, kind)
                at = next((k for k, c in enumerate(toks) if (c and c.lower_) == rule), None)
                feats = [features(kind, anchor, c, rule, fig.unit, view) for c in toks]
                if self.net is not None:
                    ctx = context(kind, anchor.i, rule, fig.unit, view)
                    feats = [f + ctx for f in feats]
                # (the only AUX candidates are the copulas `candidates` added: KINDS has none)
                copulas = frozenset(k for k, c in enumerate(toks) if c is not None
                                    and c.pos_ == "AUX"
                                    and not _existential(view, c.i))  # fmt: skip
                pick = toks[self.pick(feats, at, copulas)]
                if kind == "ev" and at is not None and _infinitive_of(toks[at], pick):
                    continue  # "allowing 1,000 civilians to flee": what happened to them
                text = None if pick is None else pick.lower_
                if text == rule:
                    continue  # the rules' own choice, with its modifiers
                key = "object" if kind == "obj" else "event"
                update[key] = (
                    None
                    if pick is None
                    else (_object_text(pick, fig) if kind == "obj" else word_text(pick))
                )
            out.append(fig.model_copy(update=update) if update else fig)
        return out
