"""A cheap second opinion on the base model's names: a small learned span typer over the
pipeline's own `doc.tensor`.

en_core_web_sm's shared tok2vec writes a 96-d vector per token into `doc.tensor` for the tagger
and parser: it is computed anyway. For each name the base NER found, the span's first, last and
mean vectors, the vectors of the tokens just outside it, the base label and a few shape cues go
through a one-hidden-layer net that says PERSON, ORG, LOC, MISC or none, as CoNLL-2003's
annotators would (trained by bench/train_span_vote on CoNLL-2003 train). Its answers go to
`doc.spans[VOTES]`, where the entity typer reads them as it read the second NER's (ner-news),
which cost a second tok2vec and NER pass: about a fifth of the service's words per CPU-second.

Written in numpy rather than with a library: the forward pass is two matrix products; thinc's
layers would work too but tie the artifact to thinc's serialisation for a 40k-weight net.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

# The base labels it reads (the names; numbers and dates are not asked about).
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART",
          "LAW", "LANGUAGE")  # fmt: skip
CLASSES = ("PERSON", "ORG", "LOC", "MISC", "NONE")
WEIGHTS = "weights.npz"


def span_features(doc: Doc, spans: list[tuple[int, int, str]], tensor: np.ndarray) -> np.ndarray:
    """One row per (start, end, base label) token span: the vectors (first, last, mean, the
    token before, the token after; zeros at the doc's edges), the base label one-hot and shape
    cues (length, capitals, digits, sentence start)."""
    n, width = tensor.shape
    rows = np.zeros((len(spans), 5 * width + len(LABELS) + 9), dtype=np.float32)
    for k, (s, e, label) in enumerate(spans):
        r = rows[k]
        r[0:width] = tensor[s]
        r[width:2 * width] = tensor[e - 1]
        r[2 * width:3 * width] = tensor[s:e].mean(axis=0)
        if s > 0:
            r[3 * width:4 * width] = tensor[s - 1]
        if e < n:
            r[4 * width:5 * width] = tensor[e]
        o = 5 * width
        if label in LABELS:
            r[o + LABELS.index(label)] = 1.0
        o += len(LABELS)
        words = [t.text for t in doc[s:e]]
        r[o + min(e - s, 4) - 1] = 1.0
        r[o + 4] = all(w[:1].isupper() for w in words if w[:1].isalpha())
        r[o + 5] = any(w.isupper() and len(w) > 1 for w in words)
        r[o + 6] = any(ch.isdigit() for w in words for ch in w)
        r[o + 7] = doc[s].is_sent_start is True
        r[o + 8] = words[-1].lower() in ("'s", "’s")
    return rows


class SpanNet:
    """The net's weights (a directory's weights.npz): standardise, ReLU layer, softmax."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.mean, self.scale = arrays["mean"], arrays["scale"]
        self.w1, self.b1, self.w2, self.b2 = (arrays[k] for k in ("w1", "b1", "w2", "b2"))

    @classmethod
    def load(cls, path: Path) -> SpanNet:
        with np.load(path / WEIGHTS) as z:
            return cls({k: z[k] for k in z.files})

    def logits(self, x: np.ndarray) -> np.ndarray:
        h = np.maximum((x - self.mean) * self.scale @ self.w1 + self.b1, 0.0)
        return h @ self.w2 + self.b2


class SpanVote:
    """A pipeline component (after `ner`): the net's class for each base name, in
    doc.spans[key]; a span it calls NONE is left out (the typer then reads "n2=none")."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.net: SpanNet | None = None
        self.version = ""

    def __call__(self, doc: Doc) -> Doc:
        if self.net is None:
            raise RuntimeError("newsflow_span_vote has no weights: use models.add_vote")
        ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS]
        votes: list[Span] = []
        if ents and doc.tensor is not None and doc.tensor.shape[0] == len(doc):
            best = self.net.logits(span_features(doc, ents, doc.tensor)).argmax(axis=1)
            votes = [Span(doc, s, e, label=CLASSES[c])
                     for (s, e, _), c in zip(ents, best.tolist(), strict=True)
                     if CLASSES[c] != "NONE"]  # fmt: skip
        doc.spans[self.key] = votes
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("newsflow_span_vote", default_config={"key": "ner_vote"})
def _span_vote(nlp: Language, name: str, key: str) -> SpanVote:
    return SpanVote(key)
