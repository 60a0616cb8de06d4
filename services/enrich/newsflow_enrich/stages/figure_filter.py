"""The learned figure filter: a logistic model over the words and parse around each number the
rules found, which drops the ones annotators do not count ('the two services', a box score's
'11 6 15', a poem called 'Two Days'). Trained by bench/train_figure_filter on annotated pages;
the weights are a small JSON file in newsflow_enrich/data, named in the event's pipeline field.

Learned, not written as more rules: such numbers take a new shape on every site (a rule found on
one half of the real dev sites did nothing on the other), and what tells them apart is many weak
cues at once. Written by hand rather than taken from a library for the reason the object/event
chooser is (figure_rerank): a logistic model over sparse features is a few lines.
"""

from __future__ import annotations

import json
import math
from itertools import repeat
from pathlib import Path
from typing import Any

from newsflow_contracts.events import Figure
from spacy.tokens import Doc, Span, Token

from newsflow_enrich.stages.figure_rerank import unit_kind
from newsflow_enrich.stages.not_figures import listed_count, suffered

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "figure_filter.json"


def _bucket(x: float) -> str:
    if x <= 0:
        return "0"
    return str(min(int(math.log10(x)), 9)) if x >= 1 else "frac"


def _word(t: Token | None) -> str:
    if t is None:
        return "^"
    return "#" if t.like_num else t.lower_ if t.is_alpha or t.is_punct else t.shape_


_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion"}
_ENDS = {".", "?", "!", '"', "”", ":"}


def _sentence(sent: Span) -> list[str]:
    """What kind of line the number stands in: a box score is mostly numbers, a headline or a
    title has no final stop and capitalised words."""
    words = [t for t in sent if not t.is_space]
    nums = sum(t.like_num for t in words)
    caps = sum(t.is_title for t in words if t.is_alpha)
    alpha = sum(t.is_alpha for t in words) or 1
    last = words[-1].text if words else ""
    return [
        f"s_nums={min(nums, 6)}",
        f"s_numfrac={round(nums / max(len(words), 1), 1)}",
        f"s_len={_bucket(len(words))}",
        f"s_caps={round(caps / alpha, 1)}",
        "s_end=" + (last if last in _ENDS else "other"),
        "s_verb" if any(t.pos_ in ("VERB", "AUX") for t in words) else "s_noverb",
    ]


def features(doc: Doc, fig: Figure, sent_feats: dict[int, list[str]],
             doubt: str | None = None) -> list[str]:  # fmt: skip
    """Features of one figure found by the rules (or left out by a doubtful rule: `doubt`)."""
    found = _number(doc, fig)
    if found is None:
        return ["bias"]
    span, num = found
    if fig.low is not None:  # a range is read by its high end: "one to three years" is no pronoun
        num = _high_end(span, num)
    root = span.root
    prev1 = doc[span.start - 1] if span.start > 0 else None
    prev2 = doc[span.start - 2] if span.start > 1 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    uk = unit_kind(fig.unit)
    # "one and a half million", "one billion": an amount, not the word "one"
    scaled = num.is_alpha and any(t.lower_ in _SCALE_WORDS for t in span)
    shape = ("w=scaled" if scaled else f"w={num.lower_}" if num.is_alpha
             else "digits" if num.text.replace(",", "").isdigit() else "digitsx")  # fmt: skip
    f = ["bias", shape, f"unit={uk}", f"{shape}|{uk}", f"val={_bucket(abs(fig.value))}",
         f"val={_bucket(abs(fig.value))}|{uk}", f"p1={_word(prev1)}", f"p2={_word(prev2)}",
         f"p1p2={_word(prev2)}_{_word(prev1)}", f"n1={_word(nxt)}",
         f"n1pos={nxt.pos_ if nxt is not None else '$'}", f"dep={root.dep_}",
         f"head={root.head.lemma_.lower()}", f"headpos={root.head.pos_}",
         f"ent={num.ent_type_ or '-'}", f"obj={fig.object is not None}|{uk}",
         f"ev={fig.event is not None}", f"qual={fig.qualifier is not None}",
         f"range={fig.low is not None}"]  # fmt: skip
    if fig.object:
        f.append(f"olem={fig.object.split()[-1].lower()}")
    if fig.event:
        f.append(f"elem={fig.event.lower()}")
    if num.is_alpha and num.is_title:
        f.append("cap_word")
    if prev1 is not None and prev1.lower_ in ("the", "these", "those", "both", "its", "their"):
        f.append(f"det|{shape}")
    sent = span.sent
    if sent.start not in sent_feats:
        sent_feats[sent.start] = _sentence(sent) + (["s_first"] if sent.start == 0 else [])
    f += sent_feats[sent.start]
    # A doubtful number has weights of its own: "one" is rarely a figure, "One death" is; and
    # the many pronoun "one"s must not teach the model that "one billion" is not a figure.
    return f if doubt is None else [f"doubt={doubt}|{x}" for x in f]


def _number(doc: Doc, fig: Figure) -> tuple[Span, Token] | None:
    """The figure's tokens and its number among them (None where they are no tokens)."""
    span = doc.char_span(*fig.span, alignment_mode="expand")
    if span is None:
        return None
    return span, next((t for t in span if t.like_num or any(c.isdigit() for c in t.text)), span[0])


def _high_end(span: Span, low: Token) -> Token:
    """The last number of a range's tokens ("three" of "one to three", "20" of "19 or 20"; "50" of
    "$40-50 billion", not its scale word)."""
    return next((t for t in reversed(span) if t.lower_ not in _SCALE_WORDS
                 and (t.like_num or any(c.isdigit() for c in t.text))), low)  # fmt: skip


def _toll(doc: Doc, fig: Figure) -> bool:
    """A count the parse vouches for: of people a toll's verb is told of, or a lone "one" listed
    beside another count ("six men and one woman"), which the filter's weights for the word
    "one" (mostly a pronoun) would drop."""
    found = _number(doc, fig) if fig.unit is None else None
    return found is not None and (suffered(found[1]) or found[1].lower_ == "one"
                                  and listed_count(found[1]))  # fmt: skip


class Filter:
    """Weights per feature; `keep` drops the figures scored below `threshold` (a probability),
    never a sub-count with its parent, and renumbers the parents of the others."""

    def __init__(self, weights: dict[str, float], version: str, threshold: float) -> None:
        self.w = weights
        self.version = version
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = DEFAULT) -> Filter:
        obj: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return cls(obj["weights"], obj["version"], obj["threshold"])

    def prob(self, feats: list[str]) -> float:
        z = sum(map(self.w.get, feats, repeat(0.0)))  # a generator per call cost more
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, doc: Doc, figures: list[Figure],
             doubts: list[str | None] | None = None) -> list[Figure]:  # fmt: skip
        """The figures it counts: of the rules' own, and of the doubtful ones (`doubts`, one per
        figure, as figures.candidates gives them)."""
        sent_feats: dict[int, list[str]] = {}
        doubts = doubts or [None] * len(figures)
        # A sub-count the rules tied to its whole ("six astronauts, including one Russian") is
        # read by the parse, not guessed: kept. Most lone "one"s are not figures; these are.
        # So is a count of people a toll's verb is told of ("Sixty residents had to be
        # evacuated").
        kept = [d is None and (f.parent is not None or _toll(doc, f))
                or self.prob(features(doc, f, sent_feats, d)) >= self.threshold
                for f, d in zip(figures, doubts, strict=True)]  # fmt: skip
        # a parent may come after its sub-count ("four of its 27 plants"): number them all first
        new_index = {k: n for n, k in enumerate(k for k in range(len(figures)) if kept[k])}
        out: list[Figure] = []
        for k, fig in enumerate(figures):
            if not kept[k]:
                continue
            parent = new_index.get(fig.parent) if fig.parent is not None else None
            out.append(fig if parent == fig.parent else fig.model_copy(update={"parent": parent}))
        return out
