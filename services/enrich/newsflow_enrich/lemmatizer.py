"""spaCy's rule lemmatizer, remembered: the same lemmas without a Python `Token` per token.

A lemma of en_core_web_sm's rule lemmatizer depends on the token's text, POS and morphology
only. spaCy's lemmatizer builds a `Token` for every token and caches only some results (a base
form, most of a news article's words, is worked out again at every occurrence): 7% of the
model's CPU on our articles. `MemoLemmatizer` reads those three values as one array, looks the
lemma up by them, asks spaCy's lemmatizer only for a combination it has not seen, and writes all
lemmas back as one array: the same lemma for every token (tests/unit/enrich/test_ruler.py).
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc


class MemoLemmatizer:
    """A rule-mode `Lemmatizer` (`inner`), remembered; in any other mode, `inner` itself. A
    plain callable component (no `pipe`: spaCy then calls it once per doc)."""

    def __init__(self, inner: Lemmatizer | None = None) -> None:
        self.inner = inner
        self.memo: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        assert inner is not None, "use_memo_lemmatizer sets the lemmatizer it wraps"
        if inner.mode != "rule" or inner.overwrite or not len(doc):
            return inner(doc)
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        memo, strings = self.memo, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:  # set before (by the attribute ruler): kept, as spaCy's does
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                if len(memo) > 500_000:  # a bound, for a worker that runs for months
                    memo.clear()
                found = memo[key] = strings.add(inner.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("newsflow_memo_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer()


def use_memo_lemmatizer(nlp: Language) -> None:
    """Swap `nlp`'s rule lemmatizer for the remembering one (same name, same place)."""
    for name in nlp.pipe_names:
        old = nlp.get_pipe(name)
        if type(old) is not MemoLemmatizer and isinstance(old, Lemmatizer) and old.mode == "rule":
            old._validate_tables()  # spaCy checks the lookup tables at its first call
            nlp.replace_pipe(name, "newsflow_memo_lemmatizer").inner = old
