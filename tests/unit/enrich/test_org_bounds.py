"""Where an organisation's name ends and what an acronym names, read from a parse built by hand
(words, heads, labels), so that the model's parse of the day does not decide the test; the names
are made up."""

from newsflow_enrich.stages import bounds, count_nouns, name_cues
from newsflow_enrich.stages.registry import Registry
from spacy.lang.en import English
from spacy.tokens import Doc

_VOCAB = English().vocab  # lexical attributes: lower case, alphabetic


def _doc(words: list[str], heads: list[int], deps: list[str], ents: list[str] | None = None,
         pos: list[str] | None = None) -> Doc:  # fmt: skip
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, ents=ents,
               pos=pos or ["PROPN"] * len(words),
               sent_starts=[True] + [False] * (len(words) - 1))  # fmt: skip


# "the Varnish Institute of Allergy and Infectious Diseases said ." (spaCy: an organisation up
# to "Allergy"): the words after "and" are coordinated with "Allergy", the name's object.
_WORDS = ["the", "Varnish", "Institute", "of", "Allergy", "and", "Infectious", "Diseases", "said",
          "."]  # fmt: skip
_HEADS = [2, 2, 8, 2, 3, 4, 7, 4, 8, 8]
_DEPS = ["det", "compound", "nsubj", "prep", "pobj", "cc", "amod", "conj", "ROOT", "punct"]
_ENTS = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]


def _extended(words: list[str], heads: list[int] = _HEADS, deps: list[str] = _DEPS) -> str:
    doc = _doc(words, heads, deps, _ENTS)
    return bounds.extended(doc.ents[0], sport=False).text


def test_an_organisation_named_for_two_things_keeps_both() -> None:
    assert _extended(_WORDS) == "the Varnish Institute of Allergy and Infectious Diseases"


def test_not_a_second_organisation_after_the_and() -> None:
    words = [*_WORDS[:6], "Foreign", "Office", *_WORDS[8:]]
    assert _extended(words) == "the Varnish Institute of Allergy"


def test_not_where_the_parse_joins_the_words_after_and_to_something_else() -> None:
    deps = [*_DEPS[:7], "nsubj", *_DEPS[8:]]
    heads = [*_HEADS[:7], 8, *_HEADS[8:]]
    assert _extended(_WORDS, heads, deps) == "the Varnish Institute of Allergy"


def test_not_a_name_without_an_object() -> None:
    words = ["the", "Varnish", "Institute", "Allergy", "Clinic", "and", "Infectious", "Diseases",
             "said", "."]  # fmt: skip
    deps = ["det", "compound", "compound", "compound", "nsubj", "cc", "amod", "conj", "ROOT",
            "punct"]  # fmt: skip
    heads = [4, 4, 4, 4, 8, 4, 7, 4, 8, 8]
    assert _extended(words, heads, deps) == "the Varnish Institute Allergy Clinic"


def _acronym_reg(doc: Doc, name: str) -> Registry:
    reg = Registry()
    reg.add(name, "ORG", doc.text.index(name))
    return reg


def test_an_acronym_the_article_counts_is_no_organisation() -> None:
    # "Clinics need a QXR ."
    doc = _doc(["Clinics", "need", "a", "QXR", "."], [1, 1, 3, 1, 1],
               ["nsubj", "ROOT", "det", "dobj", "punct"])  # fmt: skip
    reg = _acronym_reg(doc, "QXR")
    count_nouns.retype(doc, reg)
    assert reg.type_of("QXR") == "MISC"


def test_an_acronym_printed_in_the_plural_is_no_organisation() -> None:
    # "The QXR said most QXRs fail ."
    doc = _doc(["The", "QXR", "said", "most", "QXRs", "fail", "."], [1, 2, 2, 4, 5, 2, 2],
               ["det", "nsubj", "ROOT", "amod", "nsubj", "ccomp", "punct"])  # fmt: skip
    reg = _acronym_reg(doc, "QXR")
    count_nouns.retype(doc, reg)
    assert reg.type_of("QXR") == "MISC"


def test_an_organisation_s_acronym_before_a_counted_noun_stays_one() -> None:
    # "A QXR spokesman said ." : the article is the spokesman's
    doc = _doc(["A", "QXR", "spokesman", "said", "."], [2, 2, 3, 3, 3],
               ["det", "compound", "nsubj", "ROOT", "punct"])  # fmt: skip
    reg = _acronym_reg(doc, "QXR")
    count_nouns.retype(doc, reg)
    assert reg.type_of("QXR") == "ORG"


def test_a_curated_acronym_stays_an_organisation() -> None:
    doc = _doc(["Clinics", "need", "a", "QXR", "."], [1, 1, 3, 1, 1],
               ["nsubj", "ROOT", "det", "dobj", "punct"])  # fmt: skip
    reg = _acronym_reg(doc, "QXR")
    reg.cands["QXR"].curated_type = "ORG"
    count_nouns.retype(doc, reg)
    assert reg.type_of("QXR") == "ORG"


def test_a_determiner_the_parse_hangs_on_the_acronym_across_a_noun_is_not_its_own() -> None:
    # "a rover QXR plans" (the parse: "a" the acronym's, over "rover")
    doc = _doc(["a", "rover", "QXR", "plans", "."], [2, 2, 3, 3, 3],
               ["det", "compound", "nsubj", "ROOT", "punct"],
               pos=["DET", "NOUN", "PROPN", "VERB", "PUNCT"])  # fmt: skip
    reg = _acronym_reg(doc, "QXR")
    count_nouns.retype(doc, reg)
    assert reg.type_of("QXR") == "ORG"


def test_not_after_a_name_that_was_whole_nor_before_an_acronym() -> None:
    # "the Varnish Institute of Tellurics Lab and Infectious Diseases said ."
    words = ["the", "Varnish", "Institute", "of", "Tellurics", "Lab", "and", "Infectious",
             "Diseases", "said", "."]  # fmt: skip
    heads = [2, 2, 9, 2, 5, 3, 5, 8, 5, 9, 9]
    deps = ["det", "compound", "nsubj", "prep", "compound", "pobj", "cc", "amod", "conj", "ROOT",
            "punct"]  # fmt: skip
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    doc = _doc(words, heads, deps, ents)
    assert (
        bounds.extended(doc.ents[0], sport=False).text == "the Varnish Institute of Tellurics Lab"
    )
    # "... of Allergy and QXR said ."
    words = ["the", "Varnish", "Institute", "of", "Allergy", "and", "QXR", "said", "."]
    heads = [2, 2, 7, 2, 3, 4, 4, 7, 7]
    deps = ["det", "compound", "nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"]
    doc = _doc(words, heads, deps, ents[:5] + ["O"] * 4)
    assert bounds.extended(doc.ents[0], sport=False).text == "the Varnish Institute of Allergy"


def test_not_a_person_the_parse_coordinates_with_the_object() -> None:
    # "the Varnish Institute of Allergy and Tomas Quell said ." (spaCy: a person after "and",
    # which the parse coordinates with "Allergy")
    words = [*_WORDS[:6], "Tomas", "Quell", *_WORDS[8:]]
    ents = [*_ENTS[:6], "B-PERSON", "I-PERSON", "O", "O"]
    doc = _doc(words, _HEADS, _DEPS, ents)
    assert bounds.extended(doc.ents[0], sport=False).text == "the Varnish Institute of Allergy"
    # the same words untagged are the name's
    assert _extended(words) == "the Varnish Institute of Allergy and Tomas Quell"


def test_a_place_printed_in_capitals_is_no_acronym() -> None:
    # "OSLO — The minister said ." (spaCy: a place); "QXRTV said ." (an acronym, spaCy: a place)
    doc = _doc(["OSLO", "—", "The", "minister", "said", "."], [4, 4, 3, 4, 4, 4],
               ["npadvmod", "punct", "det", "nsubj", "ROOT", "punct"],
               ["B-GPE", "O", "O", "O", "O", "O"])  # fmt: skip
    assert name_cues.type_cue(doc.ents[0], "OSLO") != "ORG"
    doc = _doc(["QXRTV", "said", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"],
               ["B-GPE", "O", "O"])  # fmt: skip
    assert name_cues.type_cue(doc.ents[0], "QXRTV") == "ORG"


def test_a_dotted_abbreviation_of_two_letters_is_no_four_letter_acronym() -> None:
    # "He moved to Q.X. in 2011 ." (spaCy: a place): two letters, whatever the dots
    doc = _doc(["He", "moved", "to", "Q.X.", "in", "2011", "."], [1, 1, 1, 2, 1, 4, 1],
               ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
               ["O", "O", "O", "B-GPE", "O", "O", "O"])  # fmt: skip
    assert name_cues.type_cue(doc.ents[0], "Q.X.") != "ORG"


def test_a_compass_word_before_an_organisation_s_head_word_is_spacy_s_place() -> None:
    # "Talks in West Bank stalled ." (spaCy: a place); "West Bank" labelled an organisation is one
    words, heads = ["Talks", "in", "West", "Bank", "stalled", "."], [4, 0, 3, 1, 4, 4]
    deps = ["nsubj", "prep", "compound", "pobj", "ROOT", "punct"]
    place = _doc(words, heads, deps, ["O", "O", "B-GPE", "I-GPE", "O", "O"])
    assert name_cues.type_cue(place.ents[0], "West Bank") != "ORG"
    org = _doc(words, heads, deps, ["O", "O", "B-ORG", "I-ORG", "O", "O"])
    assert name_cues.type_cue(org.ents[0], "West Bank") == "ORG"
