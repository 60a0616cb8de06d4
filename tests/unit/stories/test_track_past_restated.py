"""Figure tracks: a count a past time dates ("In 2008 ...", "in the 2008 raid") is not a report of
the story's news, but it may restate a value a track of the story already holds: a person's
record ("fell to 30-3 (24 knockouts)" after "In 2008, ..."), a large count ("the 2008 raid,
where authorities seized more than 400 children"), a share with its unit. Such a count joins
that track and never starts one; a small count with neither a holder nor a unit ("Five people
died in the 2004 quake") agrees by chance and stays out. Made-up reports of an invented fight
and raid."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Orvale": "LOC", "Dane Ostrow": "PERSON", "Ostrow": "PERSON"}

_report = reporter("Dane Ostrow lost his title fight in Orvale on Saturday. ", "Ostrow loses",
                   ENTS)  # fmt: skip


def test_a_persons_record_dated_in_the_past_restates_the_value_the_story_holds() -> None:
    a = _report("Ostrow has 24 knockouts in his career.",
                [fig("24", "knockouts", "has", 24)])  # fmt: skip
    b = _report("They first met in 2008. Ostrow fell to 30-3 (24 knockouts) in 2008 and again.",
                [fig("24", "knockouts", "fell", 24)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"|knockout||=24": [24, 24]}


def test_a_past_count_that_restates_nothing_the_story_holds_starts_no_track() -> None:
    a = _report("Ostrow has 24 knockouts in his career.",
                [fig("24", "knockouts", "has", 24)])  # fmt: skip
    b = _report("Ostrow had 12 knockouts in 2008, his trainer said.",
                [fig("12", "knockouts", "had", 12)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"|knockout||=24": [24]}


def test_a_large_past_count_restates_a_count_the_story_holds() -> None:
    a = _report("More than 400 children were removed from the Orvale ranch.",
                [fig("400", "children", "removed", 400)])  # fmt: skip
    b = _report("In the 2008 raid authorities seized more than 400 children at the ranch.",
                [fig("400", "children", "seized", 400)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"remov|child|": [400, 400]}


def test_a_small_past_count_with_no_holder_agrees_by_chance() -> None:
    a = _report("Five people were killed when the crowd surged in Orvale.",
                [fig("Five", "people", "killed", 5)])  # fmt: skip
    b = _report("Five people died in Orvale in a crush in 2004.",
                [fig("Five", "people", "died", 5)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"kill|peopl|": [5]}


def test_a_count_dated_years_ago_is_no_report_of_the_news() -> None:
    a = _report("Police said five people were injured in the crowd after the fight.",
                [fig("five", "people", "injured", 5)])  # fmt: skip
    b = _report("A riot after a title fight four years ago injured 40 people in Orvale. Five "
                "people were injured on Saturday.",
                [fig("40", "people", "injured", 40), fig("Five", "people", "injured", 5)],
                hour=11)  # fmt: skip
    assert track_values(a, b) == {"wound|peopl|": [5, 5]}
