"""Stages that read spaCy's arrays (`Doc.to_array`) instead of building a `Token` per token
must read what the tokens say, at the edges too: an empty doc, whitespace tokens, characters
outside ASCII, an entity at the doc's end, numbers with punctuation."""

import pytest
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import entity_types, figure_rerank, number_phrases, number_starts
from newsflow_enrich.stages.numbers import is_number_token

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


NUMBERS = [
    "",
    "Half a million people and about a dozen owners; two dozen more. A dozen",
    "Prices rose 4.5% to $1,250.00 (about £980), U.S. officials said on Jan. 3.",
    "He earned $US61,000 ($A97,000), RM4.2 million and Rs500; 3.2bn and 2.2-million-ounce.",
    "Between forty and fifty, one hundred and twenty, -40 degrees, +3 and 1,000,000.",
    "The vote was 52-48 in Paris. The people they counted were 40",  # a number at the end
]


@pytest.mark.parametrize("text", NUMBERS)
def test_marks_cover_every_token_a_number_phrase_may_start_at(enricher: Enricher,
                                                               text: str) -> None:  # fmt: skip
    doc = enricher.nlp(text)
    marks = number_starts.maybe_starts(doc)
    assert len(marks) == len(doc)
    for t in doc:
        if is_number_token(t) or t.lower_ in ("half", "a"):
            assert marks[t.i], t.text
    assert not any(marks[t.i] for t in doc if t.is_alpha and t.lower_ in ("people", "said"))


@pytest.mark.parametrize("text", NUMBERS)
def test_number_phrases_are_those_found_by_looking_at_every_token(
    enricher: Enricher, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = enricher.nlp(text)
    fast = [number_phrases.numbers(s) for s in doc.sents]
    monkeypatch.setattr(number_phrases, "maybe_starts", lambda d: b"\x01" * len(d))
    monkeypatch.setattr(number_phrases, "SentTokens", list)
    assert fast == [number_phrases.numbers(s) for s in doc.sents]
    assert any(fast) or not text.strip()


def test_sentence_tokens_read_as_a_list(enricher: Enricher) -> None:
    doc = enricher.nlp("Four people died. The council met in Paris")
    for sent in doc.sents:
        toks, want = number_starts.SentTokens(sent), list(sent)
        assert len(toks) == len(want)
        assert [t.i for t in toks] == [t.i for t in want]
        for k in range(-len(want), len(want)):
            assert toks[k].i == want[k].i
        for a, b in [(0, 2), (1, None), (None, -1), (5, 99)]:
            assert [t.i for t in toks[a:b]] == [t.i for t in want[a:b]]
        with pytest.raises(IndexError):
            toks[len(want)]


@pytest.mark.parametrize("text", TEXTS)
def test_the_view_reads_what_the_tokens_say_at_the_edges(enricher: Enricher, text: str) -> None:
    doc = enricher.nlp(text)
    view = figure_rerank.View(doc)
    assert [(view.head[t.i], view.dep[t.i], view.pos[t.i], view.lower[t.i], view.lemma[t.i],
             view.tag[t.i], view.ent[t.i], view.text[t.i]) for t in doc] == \
        [(t.head.i, t.dep_, t.pos_, t.lower_, t.lemma_, t.tag_, t.ent_type_, t.text)
         for t in doc]  # fmt: skip
    assert len(view.text) == len(doc)
