"""A name listed with organisations that spaCy left untagged (stages/org_context.py). The parse is
built by hand (words, heads, labels), so the model's parse of the day does not decide the test;
the names are made up."""

from newsflow_enrich.stages import org_context
from newsflow_enrich.stages.registry import Registry, clean_form
from spacy.tokens import Doc
from spacy.vocab import Vocab

# "Investors include Quillstack , Tarnova Labs and Vellmar ."
_WORDS = ["Investors", "include", "Quillstack", ",", "Tarnova", "Labs", "and", "Vellmar", "."]
_HEADS = [1, 1, 1, 2, 5, 2, 2, 2, 1]
_DEPS = ["nsubj", "ROOT", "dobj", "punct", "compound", "conj", "cc", "conj", "punct"]
_POS = ["NOUN", "VERB", "PROPN", "PUNCT", "PROPN", "PROPN", "CCONJ", "PROPN", "PUNCT"]


def _doc(ents: list[str]) -> Doc:
    return Doc(Vocab(), words=_WORDS, heads=_HEADS, deps=_DEPS, pos=_POS,
               sent_starts=[True] + [False] * (len(_WORDS) - 1), ents=ents)  # fmt: skip


def _reg(doc: Doc) -> Registry:
    reg = Registry()
    for ent in doc.ents:
        reg.add(clean_form(ent.text), "LOC" if ent.label_ == "GPE" else ent.label_,
                ent.start_char)  # fmt: skip
    return reg


def test_an_untagged_name_listed_with_organisations_is_one() -> None:
    doc = _doc(["O", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O"])
    reg = _reg(doc)
    org_context.siblings(doc, reg, [])
    assert reg.type_of("Tarnova Labs") == "ORG"
    assert reg.cands["Tarnova Labs"].types["ORG"] == 1  # one vote: the typer may overrule it


def test_not_in_a_list_that_also_names_a_person_or_a_place() -> None:
    for other in ("B-PERSON", "B-GPE"):
        doc = _doc(["O", "O", "B-ORG", "O", "O", "O", "O", other, "O"])
        reg = _reg(doc)
        org_context.siblings(doc, reg, [])
        assert "Tarnova Labs" not in reg.cands, other


def test_not_in_a_list_of_no_organisation() -> None:
    doc = _doc(["O", "O", "B-PRODUCT", "O", "O", "O", "O", "B-PRODUCT", "O"])
    reg = _reg(doc)
    org_context.siblings(doc, reg, [])
    assert "Tarnova Labs" not in reg.cands


def test_not_inside_a_credit() -> None:
    doc = _doc(["O", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O"])
    reg = _reg(doc)
    start = doc[4].idx
    org_context.siblings(doc, reg, [(start, start + 20)])
    assert "Tarnova Labs" not in reg.cands


# "She formed Quillstack , a nonprofit , in May ."
_AWORDS = ["She", "formed", "Quillstack", ",", "a", "nonprofit", ",", "in", "May", "."]
_AHEADS = [1, 1, 1, 2, 5, 2, 2, 1, 7, 1]
_ADEPS = ["nsubj", "ROOT", "dobj", "punct", "det", "appos", "punct", "prep", "pobj", "punct"]
_APOS = ["PRON", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "ADP", "PROPN", "PUNCT"]


def _apposed(noun: str, ents: list[str]) -> Registry:
    words = [noun if w == "nonprofit" else w for w in _AWORDS]
    doc = Doc(Vocab(), words=words, heads=_AHEADS, deps=_ADEPS, pos=_APOS,
              sent_starts=[True] + [False] * (len(words) - 1), ents=ents)  # fmt: skip
    reg = _reg(doc)
    org_context.apposed(doc, reg, [])
    return reg


def test_a_name_in_apposition_to_an_organisation_noun_is_one() -> None:
    reg = _apposed("nonprofit", ["O"] * 10)  # spaCy tagged nothing
    assert reg.type_of("Quillstack") == "ORG"
    reg = _apposed("charity", ["O", "O", "B-PERSON"] + ["O"] * 7)  # spaCy: a person
    assert reg.type_of("Quillstack") == "ORG"


def test_not_in_apposition_to_a_person_s_noun() -> None:
    reg = _apposed("spokesman", ["O", "O", "B-PERSON"] + ["O"] * 7)
    assert reg.type_of("Quillstack") == "PERSON"
    reg = _apposed("spokesman", ["O"] * 10)
    assert "Quillstack" not in reg.cands


def test_not_a_person_s_full_name_nor_a_noun_the_parse_reached_too_far_for() -> None:
    # "She met Ada Quill , the publisher ." (spaCy: a person's full name)
    words = ["She", "met", "Ada", "Quill", ",", "the", "publisher", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1, 3, 6, 3, 1],
              deps=["nsubj", "ROOT", "compound", "dobj", "punct", "det", "appos", "punct"],
              pos=["PRON", "VERB", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT"],
              sent_starts=[True] + [False] * 7,
              ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"])  # fmt: skip
    reg = _reg(doc)
    org_context.apposed(doc, reg, [])
    assert reg.type_of("Ada Quill") == "PERSON"
    # "She formed Quillstack in May , a nonprofit ." : the noun is not next to the name
    words = ["She", "formed", "Quillstack", "in", "May", ",", "a", "nonprofit", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 2, 3, 2, 7, 2, 1],
              deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "det", "appos", "punct"],
              pos=["PRON", "VERB", "PROPN", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT"],
              sent_starts=[True] + [False] * 8, ents=["O"] * 9)  # fmt: skip
    reg = _reg(doc)
    org_context.apposed(doc, reg, [])
    assert "Quillstack" not in reg.cands
