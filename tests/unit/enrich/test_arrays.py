"""Stages that read spaCy's arrays (`Doc.to_array`) instead of building a `Token` per token
must read what the tokens say, at the edges too: an empty doc, whitespace tokens, characters
outside ASCII, an entity at the doc's end, numbers with punctuation."""

import pytest
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import entity_types

TEXTS = [
    "",
    "   ",
    "Zürich’s mayor met   Łódź officials.\n\nThey spent €3.2m on 1,000 trees",
    "The council met in Paris",  # an entity at the doc's end
    "Prices rose 4.5% to $1,250.00 (about £980), U.S. officials said on Jan. 3.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_token_starts_are_the_tokens_offsets(enricher: Enricher, text: str) -> None:
    doc = enricher.nlp(text)
    assert entity_types.token_starts(doc) == [t.idx for t in doc]
