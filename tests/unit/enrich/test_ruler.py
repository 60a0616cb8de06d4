"""The indexed attribute ruler matches exactly what spaCy's Matcher-based one matches, and the
remembering lemmatizer gives spaCy's lemmas."""

from typing import Any

import pytest
import spacy
from newsflow_enrich.lemmatizer import MemoLemmatizer
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.ruler import IndexedAttributeRuler
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from tests.conftest import SEED

# Words the model's special rules are about (ain't, y'all, nothin', 'nuff, it as an object,
# had as an auxiliary, a space) next to ordinary news text.
TRICKY = [
    "Y'all ain't seen nothin' yet, 'nuff said: they had had it and we'd give it to them.",
    "It  was\n\nthe 3rd time ; she said \"no\" -- and  Paris's mayor (AFP) didn't.",
    "",
    # one word as several parts of speech, in one doc and the next: remembered lemmas must
    # follow the POS and morphology, not the first reading
    "The saw cut the wood. I saw the light. He leads; the leads were cut. Leaders lead.",
    "She saw it. Saws were found. The lead leads.",
]


def _attrs(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_service_model_gives_the_attributes_of_spacys_own(enricher: Enricher) -> None:
    assert isinstance(enricher.nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(enricher.nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    stock = spacy.load(enricher.model)
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    texts = [SEED.read_text(), *TRICKY]
    for ours, theirs in zip(enricher.nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert _attrs(ours) == _attrs(theirs)


RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {
        "patterns": [[{"LOWER": "it", "DEP": {"IN": ["dobj", "pobj"]}}]],
        "attrs": {"MORPH": "Case=Acc"},
    },
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": "aux"}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {
        "patterns": [
            [{"LOWER": "ai", "TAG": {"IN": ["VBP", "VBZ"]}}, {"LOWER": {"REGEX": "^n'?t$"}}]
        ],
        "attrs": {"LEMMA": "be"},
        "index": 0,
    },
    {"patterns": [[{"LOWER": "ai"}, {"LOWER": "n't"}]], "attrs": {"LEMMA": "not"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {
        "patterns": [[{"TAG": "NN", "OP": "+"}, {"LOWER": "said"}]],
        "attrs": {"LEMMA": "say"},
        "index": -1,
    },  # an operator: left to spaCy's Matcher
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}},  # a later rule overrides
]


@pytest.mark.parametrize("ruler_class", [AttributeRuler, IndexedAttributeRuler])
def test_rules_of_every_kind_apply_as_in_spacy(ruler_class: type[AttributeRuler]) -> None:
    nlp = spacy.blank("en")
    words = ["Y'", "all", "ai", "n't", "seen", "it", "\n", "cat", "dog", "said", "it", "had"]
    tags = ["PRP", "DT", "VBP", "RB", "VBN", "PRP", "_SP", "NN", "NN", "VBD", "PRP", "VBD"]
    deps = ["nsubj", "det", "aux", "neg", "ROOT", "dobj", "dep", "compound", "nsubj", "ccomp",
            "nsubj", "aux"]  # fmt: skip
    heads = [4, 0, 4, 4, 4, 4, 4, 8, 9, 4, 11, 9]

    def doc() -> Doc:
        return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)

    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns(RULES)
    ruler = ruler_class(nlp.vocab)
    ruler.add_patterns(RULES)
    expected, got = stock(doc()), ruler(doc())
    assert ruler.match(doc()) == stock.match(doc())
    assert [(t.pos_, str(t.morph), t.lemma_) for t in got] == \
        [(t.pos_, str(t.morph), t.lemma_) for t in expected]  # fmt: skip
    assert [t.pos_ for t in got][6:9] == ["SPACE", "PROPN", "PROPN"]
    assert [t.lemma_ for t in got][:4] == ["you", "", "be", "not"]
    assert got[5].morph.get("Case") == ["Acc"] and got[11].pos_ == "AUX"
    assert got[9].lemma_ == "say"
