"""Names from another pipeline's NER, with the base pipeline's parse and number spans kept.

`NEWSFLOW_ENRICH_NER=md-ner` (a bundled `kind: pipeline-ner` model, models.load_ner): the base
pipeline (en_core_web_sm) tags, parses and finds the number spans the figure rules read, and the
NER of the model's `base` pipeline (en_core_web_md 3.8.0, which has its own tok2vec inside its
NER: nothing else of it runs) reads the same words. Its name spans become the doc's candidates
for the entity stage, as its meta's `names` says:
- "replace": the other NER's names (NAMES) in place of the base NER's; the base NER's number
  spans (NUMBERS) stay and win an overlap, its other spans (PRODUCT, EVENT, ...) fill the rest;
- "add": every base entity stays, and the other NER's names that overlap none are added; they
  are also kept in `doc.spans[ADDED]`, which the entity typer reads as a feature of their own
  (how far to trust a name only the other NER found is learned, not set by hand);
- "both": as "add", and every name of the other NER is kept in `doc.spans[THEIRS]`, which the
  typer reads as a third opinion on each candidate's type (beside the base NER's and the vote's).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
NUMBERS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
ADDED = "names_added"  # the doc.spans key of the names only the other NER found ("add")
THEIRS = "names_theirs"  # the doc.spans key of all the other NER's names ("both")
MODES = ("replace", "add", "both")


def merged(doc: Doc, ours: Sequence[Span], theirs: Iterable[Span],
           mode: str) -> tuple[list[Span], list[Span]]:  # fmt: skip
    """`doc`'s entities from the base NER's (`ours`) and the other NER's (`theirs`, on `doc`'s
    tokens), and the names added from `theirs` (see the module's docstring)."""
    if mode not in MODES:
        raise ValueError(f"names mode {mode!r}: one of {MODES}")
    adds = mode != "replace"
    first = list(ours) if adds else [s for s in ours if s.label_ in NUMBERS]
    taken = bytearray(len(doc))
    out: list[Span] = []
    added: list[Span] = []

    def free(s: Span) -> bool:
        return not any(taken[s.start : s.end])

    def take(s: Span) -> None:
        taken[s.start : s.end] = b"\x01" * len(s)
        out.append(s)

    for s in first:
        take(s)
    for s in theirs:
        if s.label_ in NAMES and free(s):
            take(s)
            added.append(s)
    if not adds:
        for s in ours:
            if s.label_ not in NUMBERS and s.label_ not in NAMES and free(s):
                take(s)
    return sorted(out, key=lambda s: s.start), added if adds else []


class PipelineNames:
    """A pipeline component: the other pipeline's NER over each doc's words, merged into
    doc.ents (`merged`)."""

    def __init__(self) -> None:
        self.other: Language | None = None
        self.mode = "replace"
        self.version = ""

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        if self.other is None:
            raise RuntimeError("newsflow_pipeline_names has no model: use models.load_ner")
        for batch in minibatch(docs, size=batch_size):
            theirs = self.other.pipe(Doc(self.other.vocab, words=[t.text for t in d],
                                         spaces=[bool(t.whitespace_) for t in d])
                                     for d in batch)  # fmt: skip
            for doc, t in zip(batch, theirs, strict=True):
                on_ours = [Span(doc, e.start, e.end, label=e.label_) for e in t.ents]
                ents, added = merged(doc, doc.ents, on_ours, self.mode)
                doc.set_ents(ents, default="outside")
                if self.mode != "replace":
                    doc.spans[ADDED] = added
                if self.mode == "both":
                    doc.spans[THEIRS] = [s for s in on_ours if s.label_ in NAMES]
                yield doc


@Language.factory("newsflow_pipeline_names")
def _pipeline_names(nlp: Language, name: str) -> PipelineNames:
    return PipelineNames()
