"""A parsed document's text, joined once.

spaCy's `Doc.text` is not stored: every read builds a Python `Token` for every token and joins
their texts (~9 ms for a 500-word article). The stages read it several times per article, so it
is kept in the doc's `user_data` after the first read (the pipeline puts in the text it parsed,
which spaCy's tokenizer, being non-destructive, gives back unchanged).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsflow.text"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def remember(doc: Doc, text: str) -> Doc:
    """Record `text` as the text of `doc` (the string `doc` was parsed from)."""
    doc.user_data[_KEY] = text
    return doc
