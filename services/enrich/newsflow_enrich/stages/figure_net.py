"""The chooser's hidden layer (figure_rerank.Reranker): a candidate's score is the linear
weights' sum plus v . relu(b1 + the sum of its features' rows), so that features can weigh
together (the number's role with the candidate's path and part of speech) without a crossed
feature for each pair. Only the features seen in enough training groups, and no lemma or entity
feature, have a row (bench/figure_net.py); the others count in the linear part alone.

Written in numpy, as models/span_vote.py is: the forward pass is a few row sums and one product
per figure, too small for a library; elementwise, never numpy's BLAS (its threads spin between
small products: span_vote.py).
"""

from __future__ import annotations

from typing import Any

import numpy


class Net:
    """The rows (one per feature that has one), the bias and the output weights."""

    def __init__(self, rows: dict[str, list[float]], b1: list[float], v: list[float]) -> None:
        self.index = {x: k for k, x in enumerate(rows)}
        hidden = len(b1)
        self.rows = numpy.array(list(rows.values()) + [[0.0] * hidden], dtype=numpy.float64)
        self.rows = self.rows.reshape(len(rows) + 1, hidden)
        self.b1 = numpy.array(b1, dtype=numpy.float64)
        self.v = numpy.array(v, dtype=numpy.float64)

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Net:
        return cls(obj["rows"], obj["b1"], obj["v"])

    def to_json(self) -> dict[str, Any]:
        rows = {x: self.rows[k].tolist() for x, k in self.index.items()}
        return {"rows": rows, "b1": self.b1.tolist(), "v": self.v.tolist()}

    def scores(self, feats: list[list[str]]) -> list[float]:
        """The hidden layer's part of each candidate's score."""
        pad = len(self.index)
        width = max(1, max(map(len, feats), default=1))
        at = numpy.full((len(feats), width), pad, dtype=numpy.int64)
        for k, f in enumerate(feats):
            idx = [self.index[x] for x in f if x in self.index]
            at[k, : len(idx)] = idx
        h = numpy.maximum(self.rows[at].sum(axis=1) + self.b1, 0.0)
        return (h * self.v).sum(axis=1).tolist()
