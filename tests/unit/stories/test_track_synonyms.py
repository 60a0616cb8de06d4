"""Figure tracks: one count told in other words that mean the same, read from WordNet
(`engine.synonyms`): an irregular verb form is its base ("said" = "say"), a noun or verb its
synonym ("attorneys" ... "lawyers"), a noun a kind of
the other ("robbers" ... "thieves"), and people named otherwise at the count's latest value
("two clerks" ... "two women"). Made-up reports of an invented trial in Corvel."""

from __future__ import annotations

from newsflow_stories.engine import synonyms
from newsflow_stories.engine.text import stem

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Corvel": "LOC", "Dane Ostrow": "PERSON"}

_report = reporter("The trial of Dane Ostrow opened in Corvel on Monday. ", "Ostrow trial", ENTS)


def test_the_table_reads_forms_synonyms_kinds_and_people() -> None:
    assert synonyms.verb_form("said") == "say"
    assert synonyms.verb_form("wound") is None  # a word of its own, not a form of "wind"
    assert synonyms.noun_form("women") == "woman"
    assert synonyms.synonymous(stem("attorney"), stem("lawyer"))
    assert synonyms.synonymous(stem("rape"), stem("assault"))  # assault's second sense
    assert not synonyms.synonymous(stem("fire"), stem("discharge"))  # a rare sense of fire
    assert not synonyms.synonymous(stem("kill"), stem("wound"))
    assert synonyms.kind_of(stem("robber"), stem("thief"))
    assert synonyms.person(stem("clerk")) and not synonyms.person(stem("murder"))
    # a stem is people when its commonest plural names a person first: "followers", though
    # "following" is the stem's commonest word; not "murders" ("murderers" are rarer)
    assert stem("followers") == stem("following") and synonyms.person(stem("followers"))
    assert stem("murders") == stem("murderers") and not synonyms.person(stem("murders"))


def test_an_irregular_form_is_its_verb() -> None:
    a = _report("Three witnesses said they saw the car.",
                [fig("Three", "witnesses", "said", 3)])  # fmt: skip
    b = _report("Three witnesses say they saw the car, the court heard.",
                [fig("Three", "witnesses", "say", 3)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"say|wit|": [3, 3]}


def test_synonyms_are_one_count_at_a_value_the_track_holds() -> None:
    a = _report("Ostrow dismissed nine attorneys before the trial.",
                [fig("nine", "attorneys", "dismissed", 9)])  # fmt: skip
    b = _report("Ostrow had dismissed nine lawyers, the judge noted.",
                [fig("nine", "lawyers", "dismissed", 9)], hour=11)  # fmt: skip
    c = _report("Ostrow had dismissed four lawyers by March.",
                [fig("four", "lawyers", "dismissed", 4)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"dismiss|attorney|": [9, 9], "dismiss|lawyer|": [4]}


def test_a_kind_of_the_noun_is_the_same_count_but_another_noun_is_not() -> None:
    a = _report("Five robbers took the safe, the court heard.",
                [fig("Five", "robbers", "took", 5)])  # fmt: skip
    b = _report("Five thieves took the safe, a witness said.",
                [fig("Five", "thieves", "took", 5)], hour=11)  # fmt: skip
    c = _report("Five safes took two days to open.",
                [fig("Five", "safes", "took", 5)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"take|robber|": [5, 5], "take|safe|": [5]}


def test_people_named_otherwise_at_the_latest_value_but_not_two_parties() -> None:
    a = _report("Ostrow is accused of threatening two clerks at the bank.",
                [fig("two", "clerks", "threatening", 2)])  # fmt: skip
    b = _report("Ostrow is accused of threatening two women at the bank.",
                [fig("two", "women", "threatening", 2)], hour=11)  # fmt: skip
    c = _report("Ostrow is also accused of threatening two officers who came.",
                [fig("two", "officers", "threatening", 2)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"threaten|clerk|": [2, 2], "threaten|offic|": [2]}
