"""A cheap second opinion on the base model's names: a small learned span typer over token
vectors the pipeline computes anyway.

en_core_web_sm's shared tok2vec writes a 96-d vector per token into `doc.tensor` for the tagger
and parser, and its NER runs a tok2vec of its own (64-d per token after its projection) for its
own decisions; `keep_ner_vectors` makes the NER leave those in the doc instead of dropping them.
For each name the base NER found, the span's first, last and mean vectors, the vectors of the
tokens just outside it, the base label and a few shape cues go through a one-hidden-layer net
that says PERSON, ORG, LOC, MISC or none, as CoNLL-2003's annotators would (trained by
bench/train_span_vote on CoNLL-2003 train; meta.json says which vectors it reads). Its answers
go to `doc.spans[VOTES]` ("LOC?" when the winner's probability is under the model's `sure`),
where the entity typer reads them as it reads the second NER's (ner-news), which costs a second
tok2vec and NER pass: about a fifth of the service's words per CPU-second.

Written in numpy rather than with a library: the forward pass is two matrix products; thinc's
layers would work too but tie the artifact to thinc's serialisation for a 53k-weight net.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps

# The base labels it reads (the names; numbers and dates are not asked about).
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART",
          "LAW", "LANGUAGE")  # fmt: skip
CLASSES = ("PERSON", "ORG", "LOC", "MISC", "NONE")
WEIGHTS = "weights.npz"
_OPS = NumpyOps()
_NER_VECTORS = "newsflow_ner_vectors"  # doc.user_data key: the base NER's own token vectors


def keep_ner_vectors(nlp: Language) -> None:
    """Make the base NER leave its tok2vec output (64-d per token, computed for its own
    decisions) in each doc's user_data, where `vectors` reads it. Its forward function is
    wrapped: thinc's model calls `_func`, and the NER calls its tok2vec once per batch."""
    t2v = nlp.get_pipe("ner").model.get_ref("tok2vec")
    if t2v.attrs.get("newsflow_keeps_vectors"):
        return
    inner = t2v._func

    def forward(model, docs, is_train):  # thinc's forward signature
        out, backprop = inner(model, docs, is_train)
        at = 0
        for doc in docs:  # one array for the batch, the docs' tokens in order
            doc.user_data[_NER_VECTORS] = out[at : at + len(doc)]
            at += len(doc)
        return out, backprop

    t2v._func = forward
    t2v.attrs["newsflow_keeps_vectors"] = True


def vectors(doc: Doc, inputs: str) -> np.ndarray | None:
    """The token vectors the net reads: 'tensor' (the shared tok2vec's doc.tensor), 'ner' (the
    NER's own, kept by keep_ner_vectors) or 'both' side by side; None when missing."""
    parts = []
    if inputs in ("tensor", "both"):
        parts.append(doc.tensor)
    if inputs in ("ner", "both"):
        parts.append(doc.user_data.pop(_NER_VECTORS, None))
    if any(p is None or len(p.shape) != 2 or p.shape[0] != len(doc) for p in parts):
        return None
    return parts[0] if len(parts) == 1 else np.hstack(parts)


def span_features(doc: Doc, spans: list[tuple[int, int, str]], tensor: np.ndarray) -> np.ndarray:
    """One row per (start, end, base label) token span: the vectors (first, last, mean, the
    token before, the token after; zeros at the doc's edges), the base label one-hot and shape
    cues (length, capitals, digits, sentence start). The vectors are gathered for all spans at
    once and the words read from one array per doc: a spaCy Token per word read (`doc[i]`) and
    a numpy mean per one-word span were most of the vote's CPU."""
    n, width = tensor.shape
    rows = np.zeros((len(spans), 5 * width + len(LABELS) + 9), dtype=np.float32)
    if not spans:
        return rows
    s = np.array([a for a, _, _ in spans])
    e = np.array([b for _, b, _ in spans])
    rows[:, 0:width] = tensor[s]
    rows[:, width : 2 * width] = tensor[e - 1]
    rows[:, 2 * width : 3 * width] = tensor[s]  # a one-word span's mean is its vector
    for k in np.flatnonzero(e - s > 1).tolist():
        rows[k, 2 * width : 3 * width] = tensor[s[k] : e[k]].mean(axis=0)
    inside = s > 0
    rows[inside, 3 * width : 4 * width] = tensor[s[inside] - 1]
    inside = e < n
    rows[inside, 4 * width : 5 * width] = tensor[e[inside]]
    orth, starts = doc.to_array(ORTH), doc.to_array(SENT_START)
    strings = doc.vocab.strings
    o = 5 * width + len(LABELS)
    for k, (a, b, label) in enumerate(spans):
        r = rows[k]
        if label in LABELS:
            r[5 * width + LABELS.index(label)] = 1.0
        words = [strings[h] for h in orth[a:b].tolist()]
        r[o + min(b - a, 4) - 1] = 1.0
        r[o + 4] = all(w[:1].isupper() for w in words if w[:1].isalpha())
        r[o + 5] = any(w.isupper() and len(w) > 1 for w in words)
        r[o + 6] = any(ch.isdigit() for w in words for ch in w)
        r[o + 7] = starts[a] == 1  # Token.is_sent_start is True
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
        # thinc's gemm (blis, one thread), not numpy's `@`: numpy's BLAS starts a thread per
        # core that spins between these small products, measured at 18x the CPU of blis on
        # two busy cores (3,000 products of 30 x 665 by 665 x 64: 2.84 against 0.15 CPU-s).
        h = np.maximum(_OPS.gemm(((x - self.mean) * self.scale).astype(np.float32), self.w1)
                       + self.b1, 0.0)  # fmt: skip
        return _OPS.gemm(np.ascontiguousarray(h, dtype=np.float32), self.w2) + self.b2


class SpanVote:
    """A pipeline component (after `ner`): the net's class for each base name, in
    doc.spans[key]; a span it calls NONE is left out (the typer then reads "n2=none")."""

    def __init__(self, key: str, inputs: str, sure: float) -> None:
        self.key, self.inputs, self.sure = key, inputs, sure
        self.net: SpanNet | None = None
        self.version = ""

    def __call__(self, doc: Doc) -> Doc:
        if self.net is None:
            raise RuntimeError("newsflow_span_vote has no weights: use models.add_vote")
        ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS]
        votes: list[Span] = []
        vecs = vectors(doc, self.inputs)
        if ents and vecs is not None:
            logits = self.net.logits(span_features(doc, ents, vecs))
            best = logits.argmax(axis=1)
            # the winner's probability: below `sure`, the label says so ("LOC?")
            top = 1.0 / np.exp(logits - logits.max(axis=1, keepdims=True)).sum(axis=1)
            votes = [Span(doc, s, e, label=CLASSES[c] + ("" if p >= self.sure else "?"))
                     for (s, e, _), c, p in zip(ents, best.tolist(), top.tolist(), strict=True)
                     if CLASSES[c] != "NONE"]  # fmt: skip
        doc.spans[self.key] = votes
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "newsflow_span_vote", default_config={"key": "ner_vote", "inputs": "tensor", "sure": 0.0}
)
def _span_vote(nlp: Language, name: str, key: str, inputs: str, sure: float) -> SpanVote:
    if inputs != "tensor":
        keep_ner_vectors(nlp)
    return SpanVote(key, inputs, sure)
