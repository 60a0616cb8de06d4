"""Figure tracks: "murdering two dockers" and "the slayings of two dockers" are the toll that
"killed two dockers" gives; "two counts of murder" stays a count of charges. Made-up reports of
an invented pub shooting in Harwick."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Harwick": "LOC", "Anchor Inn": "ORG"}
LEDE = "A gunman opened fire at the Anchor Inn in Harwick on Saturday night. "

_report = reporter(LEDE, "Shooting at Harwick's Anchor Inn", ENTS)


def test_murder_and_slayings_are_the_toll() -> None:
    a = _report("A porter is accused of murdering two dockers.",
                [fig("two", "dockers", "murdering", 2)])  # fmt: skip
    b = _report("A man was charged on Monday in the slayings of two dockers.",
                [fig("two", "dockers", "charged", 2)], hour=11)  # fmt: skip
    c = _report("The gunman killed two dockers and fled.",
                [fig("two", "dockers", "killed", 2)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"kill|docker|": [2, 2, 2]}


def test_counts_of_murder_are_charges_not_the_toll() -> None:
    a = _report("The gunman killed two dockers and fled.", [fig("two", "dockers", "killed", 2)])
    b = _report("He was charged with two counts of murder.",
                [fig("two", "counts", "charged", 2)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"kill|docker|": [2], "charg|murder|": [2]}
