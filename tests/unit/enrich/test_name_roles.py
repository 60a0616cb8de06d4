"""What the sentence does with a name, as the typer's features (stages/name_roles.py). The parses
are built by hand (words, heads, labels, lemmas), so the model's parse of the day does not decide
the test; the names are made up."""

import spacy
from newsflow_enrich.stages import name_roles
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab  # English lexical attributes: is_alpha


def _doc(words: list[str], heads: list[int], deps: list[str], lemmas: list[str]) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(words) - 1))  # fmt: skip


def _roles(doc: Doc, name: str) -> list[str]:
    s = doc.text.index(name)
    span = doc.char_span(s, s + len(name))
    return name_roles.features(doc, [(span.start, span.end)])


def test_the_subject_of_a_verb_of_saying() -> None:
    doc = _doc(["Quillstack", "said", "it", "would", "close", "."], [1, 1, 4, 4, 1, 1],
               ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
               ["Quillstack", "say", "it", "would", "close", "."])  # fmt: skip
    assert _roles(doc, "Quillstack") == ["r_say", "rd=nsubj:say"]
    assert "r_say" not in _roles(doc, "it")  # the subject of "close" is no speaker


def test_the_owner_of_shares_and_the_residents_of_a_place() -> None:
    words = ["Shares", "of", "Tarnova", "Labs", "fell", "as", "residents", "of", "Vellmar",
             "left", "."]  # fmt: skip
    heads = [4, 0, 3, 1, 4, 9, 9, 6, 7, 4, 4]
    deps = ["nsubj", "prep", "compound", "pobj", "ROOT", "mark", "nsubj", "prep", "pobj",
            "advcl", "punct"]  # fmt: skip
    lemmas = ["share", "of", "Tarnova", "Labs", "fall", "as", "resident", "of", "Vellmar",
              "leave", "."]  # fmt: skip
    doc = _doc(words, heads, deps, lemmas)
    firm = _roles(doc, "Tarnova Labs")  # the name's root is "Labs", its head "of"
    assert "r_asset" in firm and "pp=of:share" in firm and "r_place_of" not in firm
    place = _roles(doc, "Vellmar")
    assert "r_place_of" in place and "pp=of:resident" in place and "r_asset" not in place


def test_the_owner_or_modifier_of_a_job() -> None:
    # "Quillstack 's chief executive Ana Rios left ."
    words = ["Quillstack", "'s", "chief", "executive", "Ana", "Rios", "left", "."]
    heads = [5, 0, 3, 5, 5, 6, 6, 6]
    deps = ["poss", "case", "amod", "compound", "compound", "nsubj", "ROOT", "punct"]
    lemmas = ["Quillstack", "'s", "chief", "executive", "Ana", "Rios", "leave", "."]
    doc = _doc(words, heads, deps, lemmas)
    assert "r_role" in _roles(doc, "Quillstack")  # "executive", a job, is a compound of "Rios"
    # and not the person's own name: its head is the verb
    assert _roles(doc, "Ana Rios") == ["rd=nsubj:leave"]


def test_a_name_that_heads_its_sentence_has_no_role() -> None:
    doc = _doc(["Vellmar", "!"], [0, 0], ["ROOT", "punct"], ["Vellmar", "!"])
    assert _roles(doc, "Vellmar") == []
