"""Where in a doc a number phrase may start, read from spaCy's arrays.

The number phrases of a sentence were found by looking at every token of it as a spaCy `Token`,
which spaCy builds anew at every `doc[i]` (with its strings decoded): the largest part of the
figures stage's cost, for the 2-3% of tokens that are numbers. `maybe_starts` reads the doc's
token texts once as an array and marks the tokens whose text could open a phrase; only those are
looked at as `Token`s, by the same tests as before (so the phrases are the same: the marks are a
superset of what the tests accept). Whether a text could open a phrase depends on the text alone,
so it is remembered per text.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from newsflow_enrich.stages.numbers import (
    _DOLLAR_GLUED,
    GLUED,
    GLUED_DEGREES,
    GLUED_RAND,
    GLUED_SCALE,
    GLUED_SHILLINGS,
    GLUED_UNIT,
    NUMBER_WORDS,
    NUMERIC,
    VULGAR,
)

_KEY = "newsflow.number_starts"
_MAX_REMEMBERED = 500_000  # texts; the cache is cleared past this, so a long run stays bounded
_remembered: dict[int, bool] = {}


def _could_open(text: str, lower: str) -> bool:
    """What `numbers.is_number_token`, `_half_a`, `_a_dozen` and `_fraction` can accept: a
    number as printed, a currency glued to one ('RM4.2', '$US61,000'), a number word, a vulgar
    fraction printed onto a whole number ('2½'), "half", "a" or "an"."""
    low = lower.replace(",", "")
    return bool(NUMERIC.match(low) or GLUED.match(low) or _DOLLAR_GLUED.match(text)
                or GLUED_RAND.match(text) or GLUED_SHILLINGS.match(text) or GLUED_DEGREES.match(text)
                or GLUED_UNIT.match(low) or GLUED_SCALE.match(low) or low in NUMBER_WORDS
                or low in ("half", "a", "an") or VULGAR.match(low))  # fmt: skip


def maybe_starts(doc: Doc) -> bytearray:
    """One byte per token: 1 where a number phrase may start. Read once per doc."""
    marks = doc.user_data.get(_KEY)
    if marks is None:
        if len(_remembered) > _MAX_REMEMBERED:
            _remembered.clear()
        strings = doc.vocab.strings
        marks = bytearray(len(doc))
        for k, (orth, lower) in enumerate(doc.to_array([ORTH, LOWER]).tolist()):
            known = _remembered.get(orth)
            if known is None:
                known = _remembered[orth] = _could_open(strings[orth], strings[lower])
            marks[k] = known
        doc.user_data[_KEY] = marks
    return marks


class SentTokens(Sequence[Token]):
    """A sentence's tokens as a list is read (`toks[i]`, `toks[i:j]`, `len`), each `Token` built
    only when asked for, not all of them up front as `list(sent)` does."""

    __slots__ = ("_doc", "_len", "_start")

    def __init__(self, sent: Span) -> None:
        self._doc, self._start, self._len = sent.doc, sent.start, sent.end - sent.start

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, k):  # type: ignore[no-untyped-def]
        if isinstance(k, slice):
            return [self._doc[self._start + i] for i in range(*k.indices(self._len))]
        if k < 0:  # as a list reads it
            k += self._len
        if not 0 <= k < self._len:
            raise IndexError(k)
        return self._doc[self._start + k]
