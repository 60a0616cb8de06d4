"""Train the chooser with a hidden layer (newsflow_enrich.stages.figure_net) for
bench/train_figures --hidden N: the same groups, features and loss as figure_train.fit (a
conditional logit, -log P(any right candidate) per group), the score a wide part (one weight per
feature, as the linear chooser) plus a ReLU layer over the features that have a row: those seen
in at least `deep_min_count` groups, no lemma or entity feature (the words fit single sites), and
the figure's `context` features, which only the layer can use. Adam on batches of groups,
dropout on the layer, fixed seed, one thread (figure_train sets it): the same seed gives the
same weights.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from figure_learn import seen_counts
from newsflow_enrich.stages.figure_net import Net

LEXICAL = (":lemma=", ":ent=")


def has_row(feature: str, seen: int, deep_min_count: int) -> bool:
    return seen >= deep_min_count and not any(t in feature for t in LEXICAL)


def fit(groups: list[list[Any]], hidden: int = 32, epochs: int = 15, seed: int = 7,
        min_count: int = 5, deep_min_count: int = 50, lr: float = 3e-3, l2: float = 1e-5,
        dropout: float = 0.3, batch: int = 32,
        digits: int = 4) -> tuple[dict[str, float], Net]:  # fmt: skip
    """(the wide part's weights, the layer), rounded to `digits` places."""
    data = [g for g in groups if any(ok for _, ok in g)]
    seen = seen_counts({x for feats, _ in cands for x in feats} for cands in data)
    names = sorted(x for x, c in seen.items() if c >= min_count)
    vocab = {x: k for k, x in enumerate(names)}
    pad = len(names)
    rows_of = [[vocab[x] for x in feats if x in vocab] for g in data for feats, _ in g]
    width = max(1, max(map(len, rows_of), default=1))
    idx = np.full((len(rows_of), width), pad, dtype=np.int64)
    for k, r in enumerate(rows_of):
        idx[k, : len(r)] = r
    lab = np.array([bool(ok) for g in data for _, ok in g], dtype=np.float64)
    sizes = np.array([len(g) for g in data])
    starts = np.concatenate([[0], np.cumsum(sizes)])
    deep = np.zeros(pad + 1, dtype=bool)
    deep[[vocab[x] for x in names if has_row(x, seen[x], deep_min_count)]] = True

    rng = np.random.default_rng(seed)
    p = {"lin": np.zeros(pad + 1), "E": rng.normal(0, 1 / np.sqrt(8), (pad + 1, hidden)),
         "b1": np.zeros(hidden), "v": rng.normal(0, 1 / np.sqrt(hidden), hidden)}  # fmt: skip
    p["E"][~deep] = 0
    m = {k: np.zeros_like(x) for k, x in p.items()}
    s2 = {k: np.zeros_like(x) for k, x in p.items()}
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(data))
        for i in range(0, len(order), batch):
            gs = order[i : i + batch]
            ci = np.concatenate([np.arange(starts[g], starts[g + 1]) for g in gs])
            st = np.concatenate([[0], np.cumsum(sizes[gs])[:-1]])
            seg = np.repeat(np.arange(len(gs)), sizes[gs])
            x, y = idx[ci], lab[ci]
            pre = p["E"][x].sum(1) + p["b1"]
            keep = (rng.random(pre.shape) >= dropout) / (1 - dropout)
            h = np.maximum(pre, 0) * keep
            s = p["lin"][x].sum(1) + h @ p["v"]
            e = np.exp(s - np.maximum.reduceat(s, st)[seg])
            z, right = np.add.reduceat(e, st), np.add.reduceat(e * y, st)
            ds = (e / z[seg] - y * e / right[seg]) / len(gs)
            dh = np.outer(ds, p["v"]) * (pre > 0) * keep
            grads = {"lin": np.zeros(pad + 1), "E": np.zeros_like(p["E"]),
                     "b1": dh.sum(0), "v": h.T @ ds}  # fmt: skip
            np.add.at(grads["lin"], x.ravel(), np.repeat(ds, x.shape[1]))
            np.add.at(grads["E"], x.ravel(), np.repeat(dh, x.shape[1], axis=0))
            step += 1
            for k, g in grads.items():
                g = g + l2 * p[k] if k in ("lin", "E") else g
                m[k] = 0.9 * m[k] + 0.1 * g
                s2[k] = 0.999 * s2[k] + 0.001 * g * g
                p[k] -= lr * (m[k] / (1 - 0.9**step)) / (np.sqrt(s2[k] / (1 - 0.999**step)) + 1e-8)
            p["E"][~deep] = 0
            p["lin"][pad] = 0
    r = 10.0**-digits
    lin = {x: round(float(p["lin"][k]), digits) for x, k in vocab.items()
           if abs(p["lin"][k]) >= r}  # fmt: skip
    rows = {x: [round(float(w), digits) for w in p["E"][k]] for x, k in vocab.items() if deep[k]}
    net = Net(rows, [round(float(b), digits) for b in p["b1"]],
              [round(float(w), digits) for w in p["v"]])  # fmt: skip
    return lin, net


def fit_many(groups: list[list[Any]], k: int, seed: int, **kw: Any) -> tuple[dict[str, float], Net]:
    """The mean of `k` nets of seeds seed, seed + 1, ...: one net whose layer is theirs side by
    side (each output weight divided by k) and whose wide part is their mean, so the service
    reads it as one. The seeds' spread is the size of most gains measured (bench/README)."""
    fitted = [fit(groups, seed=seed + j, **kw) for j in range(k)]
    if k == 1:
        return fitted[0]
    digits = kw.get("digits", 4)
    names = sorted({x for lin, _ in fitted for x in lin})
    lin = {x: round(sum(f[0].get(x, 0.0) for f in fitted) / k, digits) for x in names}
    lin = {x: w for x, w in lin.items() if w}
    widths = [len(net.b1) for _, net in fitted]
    rows = {}
    for x in sorted({x for _, net in fitted for x in net.index}):
        rows[x] = [w for (_, net), n in zip(fitted, widths, strict=True)
                   for w in (net.rows[net.index[x]].tolist() if x in net.index else [0.0] * n)]  # fmt: skip
    b1 = [b for _, net in fitted for b in net.b1.tolist()]
    v = [round(w / k, digits + 1) for _, net in fitted for w in net.v.tolist()]
    return lin, Net(rows, b1, v)
