"""Figure tracks: a noun written open or closed is one noun ("Web sites" / "websites"), and an
acronym's plural is the acronym ("KOs" / "KO's" / "KO"). Made-up reports of an invented attack
on a browser and an invented fight."""

from __future__ import annotations

from newsflow_stories.engine.objects import normalize_object

from tests.unit.stories.factory import fig, reporter, track_values

_report = reporter("A flaw in the Corvel browser is being exploited. ", "Corvel browser flaw",
                   {"Corvel": "ORG"})  # fmt: skip


def test_a_compound_written_open_or_closed_is_one_noun() -> None:
    a = _report("About 4,000 Web sites have been infected, researchers said.",
                [fig("4,000", "Web sites", "infected", 4000)])  # fmt: skip
    b = _report("The flaw has infected about 4,000 websites.",
                [fig("4,000", "websites", "infected", 4000)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"infect|websit|": [4000, 4000]}


def test_only_words_english_writes_closed_are_joined() -> None:
    assert normalize_object("bank workers", {}) == "bank worker"
    assert normalize_object("fire fighters", {}) == "firefight"


def test_an_acronyms_plural_is_the_acronym() -> None:
    assert normalize_object("KOs", {}) == normalize_object("KO's", {}) == normalize_object("KO", {})
    assert normalize_object("CEOs", {}) == "ceo"
    assert normalize_object("US troops", {}) == "us troop"  # no plural: "US" stays
