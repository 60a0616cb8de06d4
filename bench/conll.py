"""CoNLL-2003 English (bench/data/conll2003, train and dev only): reading, the mapping between
its four types and the model's OntoNotes labels, and per-type scoring.

The files hold one "token TAG" line per token (IOB2 tags), a blank line between sentences and
"-DOCSTART- O" between documents; see bench/data/README.md for their source.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "conll2003"
CONLL_TYPES = ("PER", "ORG", "LOC", "MISC")
# The model's labels read as CoNLL's (for scoring): OntoNotes' places are all CoNLL LOC, its
# nationalities, events, products, works, laws and languages CoNLL MISC.
TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
            "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
            "LAW": "MISC", "LANGUAGE": "MISC"}  # fmt: skip
# No space before these tokens, none after the opening ones: Reuters' text is re-joined so that
# spaCy's tokenizer sees ordinary prose ("U.S.", "(Reuters)", "1.5%").
_NO_SPACE_BEFORE = re.compile(r"^([.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


@dataclass
class Sentence:
    text: str
    ents: list[tuple[int, int, str]]  # character spans with CoNLL types


def read(split: str) -> list[Sentence]:
    """'train' (eng.train) or 'dev' (eng.testa). The published test part is not in the repo."""
    name = {"train": "eng.train.gz", "dev": "eng.testa.gz"}[split]
    with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
        return [s for s in _sentences(f) if s.text]


def documents(split: str) -> list[Sentence]:
    """The articles of 'train' or 'dev' (between -DOCSTART- lines), sentences joined by a space
    (a blank line where Reuters' own lines break: the headline, the dateline's line)."""
    name = {"train": "eng.train.gz", "dev": "eng.testa.gz"}[split]
    docs: list[list[Sentence]] = []
    with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
        lines: list[str] = []
        for line in f:
            if line.startswith("-DOCSTART-"):
                docs.append([s for s in _sentences(lines) if s.text])
                lines = []
            else:
                lines.append(line)
        docs.append([s for s in _sentences(lines) if s.text])
    out = []
    for sents in (d for d in docs if d):
        text, ents = "", []
        for k, sent in enumerate(sents):
            sep = "" if not k else "\n\n" if k <= 2 else " "
            ents += [
                (s + len(text) + len(sep), e + len(text) + len(sep), t) for s, e, t in sent.ents
            ]
            text += sep + sent.text
        out.append(Sentence(text, ents))
    return out


def _sentences(lines: Iterable[str]) -> Iterator[Sentence]:
    words: list[tuple[str, str]] = []
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            continue
        if not line:
            if words:
                yield _joined(words)
            words = []
            continue
        word, tag = line.rsplit(" ", 1)
        words.append((word, tag))
    if words:
        yield _joined(words)


def _joined(words: list[tuple[str, str]]) -> Sentence:
    text = ""
    ents: list[tuple[int, int, str]] = []
    open_: tuple[int, str] | None = None
    end = 0
    for i, (word, tag) in enumerate(words):
        if i and not _NO_SPACE_BEFORE.match(word) and words[i - 1][0] not in _NO_SPACE_AFTER:
            text += " "
        start = len(text)
        text += word
        if open_ and not tag.startswith("I-"):
            ents.append((open_[0], end, open_[1]))
            open_ = None
        if tag.startswith("B-") or tag.startswith("I-") and open_ is None:
            open_ = (start, tag[2:])
        end = len(text)
    if open_:
        ents.append((open_[0], end, open_[1]))
    return Sentence(text, ents)


@dataclass
class Counts:
    tp: Counter[str]
    fp: Counter[str]
    fn: Counter[str]

    def prf(self, type_: str | None = None) -> tuple[float, float, float]:
        keys = [type_] if type_ else list(CONLL_TYPES)
        tp = sum(self.tp[k] for k in keys)
        fp = sum(self.fp[k] for k in keys)
        fn = sum(self.fn[k] for k in keys)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[Sentence], predicted: Iterable[list[tuple[int, int, str]]]) -> Counts:
    """Exact-span, same-type matching (the CoNLL-2003 measure); `predicted` holds the model's
    character spans with its own labels, one list per sentence."""
    c = Counts(Counter(), Counter(), Counter())
    for sent, pred in zip(gold, predicted, strict=True):
        want = set(sent.ents)
        got = {(s, e, TO_CONLL[label]) for s, e, label in pred if label in TO_CONLL}
        for s, e, t in got & want:
            c.tp[t] += 1
        for s, e, t in got - want:
            c.fp[t] += 1
        for s, e, t in want - got:
            c.fn[t] += 1
    return c


def table(rows: dict[str, Counts]) -> str:
    """A markdown table: one column per model, P / R / F1 per CoNLL type and over all four."""
    head = "| type | " + " | ".join(rows) + " |\n|---|" + "---|" * len(rows) + "\n"
    lines = []
    for t in (*CONLL_TYPES, None):
        cells = ["{:.3f} / {:.3f} / {:.3f}".format(*c.prf(t)) for c in rows.values()]
        lines.append(f"| {t or 'all'} | " + " | ".join(cells) + " |")
    return head + "\n".join(lines)
