"""What the learned parts share in training: the AdaGrad loop over sparse features and the dropping
of rare features (the figures' two models and the entity typer, entity_train.py), and the figure
F1s and table rows the figure scripts print.

The chooser (figure_train.py, a conditional logit over a figure's candidates) and the filter
(figure_filter_train.py, a logistic model over each figure) differ only in their loss: each passes
the gradient of its own, per feature set, to `fit`. Written here rather than taken from a library
for the reason the models are hand-written (stages/figure_rerank.py): a few lines over sparse
string features, with no dependency to carry into the service.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from figure_score import score_figures
from quality_score import Scores

LEVELS = ("figures value", "figures +object", "figures +object+event")

Weights = dict[str, float]
# One training item's gradient: (features, d loss / d score) per scored thing, in order.
Gradient = Callable[[Any, Weights], list[tuple[list[str], float]]]


def seen_counts(feature_sets: Iterable[Iterable[str]]) -> dict[str, int]:
    """In how many items (a group, an example) each feature occurs."""
    seen: dict[str, int] = defaultdict(int)
    for feats in feature_sets:
        for x in set(feats):
            seen[x] += 1
    return seen


def log_loss_gradient(example: Any, w: Weights) -> list[tuple[list[str], float]]:
    """The logistic models' gradient (the figure filter, the caption filter, the merge study):
    an example is (features, right, ...), its score the sum of its features' weights."""
    feats, ok = example[0], example[1]
    z = max(-30.0, min(30.0, sum(w[x] for x in feats)))
    return [(feats, 1.0 / (1.0 + math.exp(-z)) - (1.0 if ok else 0.0))]


def fit(data: list[Any], gradient: Gradient, epochs: int, seed: int, lr: float = 0.1,
        l2: float = 1e-3, digits: int = 3, l2_of: Callable[[str], float] | None = None,
        average: bool = False) -> Weights:  # fmt: skip
    """AdaGrad with L2 over `data` (shuffled each epoch, by `seed`); the weights rounded to
    `digits` places, the ones smaller than the last place left out. `l2_of` gives a feature an
    L2 of its own (the others take `l2`). `average`: the weights are the mean of the last
    epoch's (one after each item), not its last ones, which move with the order the seed
    shuffled it in."""
    rng = random.Random(seed)
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(lambda: 1e-8)
    penalty: dict[str, float] = {}
    mean: dict[str, float] = {}
    for epoch in range(epochs):
        rng.shuffle(data)
        last = average and epoch == epochs - 1
        if last:  # each step's change counts in the mean for the items left after it
            mean = defaultdict(float, w)
        for t, item in enumerate(data):
            for feats, grad in gradient(item, w):
                for x in feats:
                    if x not in penalty:
                        penalty[x] = l2 if l2_of is None else l2_of(x)
                    gx = grad + penalty[x] * w[x]
                    g2[x] += gx * gx
                    step = lr * gx / math.sqrt(g2[x])
                    w[x] -= step
                    if last:
                        mean[x] -= step * (len(data) - t) / len(data)
    if average:
        w = mean
    return {k: round(v, digits) for k, v in sorted(w.items()) if abs(v) >= 10**-digits}


def f1s(pages: list[dict[str, Any]], figures_of: Callable[[dict[str, Any]], list[Any]],
        levels: tuple[str, ...] = LEVELS) -> dict[str, float]:  # fmt: skip
    """Figure F1 per level over `pages`, each page's figures given by `figures_of(page)`."""
    s = Scores()
    for p in pages:
        score_figures(p["gold"], [f.model_dump() for f in figures_of(p)], s)
    return {k: s.prf[k].row()["f1"] or 0.0 for k in levels}


def row(name: str, n: int, rules: dict[str, float], model: dict[str, float],
        levels: tuple[str, ...] = LEVELS) -> str:  # fmt: skip
    """A markdown row: 'rules / model' F1 per level."""
    cells = [f"{rules[k]:.3f} / {model[k]:.3f}" for k in levels]
    return f"| {name} | {n} | " + " | ".join(cells) + " |"
