"""Figure tracks: counts whose verb says nothing (engine/readings.py): the people present at a
place ("were inside", "were at work", "the other 80 workers inside", "were at the party",
"There was a dozen people on the scene", "which had a dozen people inside"), the fire service's pumps
and appliances as fire engines ("12 fire service pumps are in attendance") and counts of charges
("charged with three counts of arson" = "arraigned on three arson charges"; a verdict's counts
and another crime are counts of their own). Made-up reports of an invented warehouse fire."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Dunmore": "LOC", "Castlebridge Logistics": "ORG", "Ada Kellerman": "PERSON"}
LEDE = "A fire gutted a Castlebridge Logistics warehouse in Dunmore; Ada Kellerman was held. "


_report = reporter(LEDE, "Dunmore warehouse fire", ENTS)


def test_the_people_present_are_one_count_whatever_the_words() -> None:
    a = _report("Around 80 people were at work in the warehouse when it caught fire.",
                [fig("80", "people", "were", 80)])  # fmt: skip
    b = _report("Most of the other 80 workers inside got out unhurt.",
                [fig("80", "workers", None, 80)], hour=11)  # fmt: skip
    c = _report("The fire spread to where nearly 80 people were.",
                [fig("80", "people", "were", 80)], hour=12)  # fmt: skip
    d = _report("A dozen staff, including three cleaners, were inside the building.",
                [fig("three", "cleaners", None, 3)], hour=13)  # fmt: skip
    assert track_values(a, b, c, d) == {"present|peopl|": [80, 80, 80], "present|cleaner|": [3]}


def test_people_at_an_event_on_the_scene_or_had_inside_are_present() -> None:
    party = reporter("A gunman opened fire at an office party in Dunmore. ", "Dunmore party",
                     {"Dunmore": "LOC"})  # fmt: skip
    a = party("Police said at least a dozen people were at the party when he entered.",
              [fig("a dozen", "people", "were", 12)])  # fmt: skip
    b = party('"There was at least a dozen other people on the scene," a constable said.',
              [fig("a dozen", "other people", "was", 12)], hour=11)  # fmt: skip
    c = party("The office, which had at least a dozen people inside, was sealed off.",
              [fig("a dozen", "people", "had", 12)], hour=12)  # fmt: skip
    d = party("The firm had a dozen people on its payroll.",
              [fig("a dozen", "people", "had", 12)], hour=13)  # fmt: skip
    assert track_values(a, b, c, d) == {"present|peopl|": [12, 12, 12]}  # d: none, "people"


def test_a_verb_of_its_own_or_a_condition_is_not_being_present() -> None:
    a = _report("Some 40 people marched to the hall, where others were inside.",
                [fig("40", "people", "marched", 40)])  # fmt: skip
    b = _report("Six people were in critical condition.", [fig("Six", "people", "were", 6)],
                hour=11)  # fmt: skip
    assert track_values(a, b) == {"march|peopl|": [40]}


def test_counts_of_one_crime_are_one_count_whatever_the_verb() -> None:
    a = _report("Kellerman was charged with three counts of arson, police said.",
                [fig("three", "counts", "charged", 3)])  # fmt: skip
    b = _report("Kellerman will be arraigned on three arson charges and one attempted arson "
                "charge on Monday.",
                [fig("three", "arson charges", "arraigned", 3),
                 fig("one", "attempted arson charge", "arraigned", 1)], hour=11)  # fmt: skip
    c = _report("A jury later found Kellerman guilty of two counts of arson.",
                [fig("two", "counts", "found", 2)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"charg|arson|": [3, 3], "charg|attempted-arson|": [1],
                                "convict|arson|": [2]}  # fmt: skip


def test_the_fire_services_pumps_are_its_fire_engines() -> None:
    a = _report("Twelve fire engines were tackling the blaze on Monday night.",
                [fig("Twelve", "fire engines", "tackling", 12)])  # fmt: skip
    b = _report("Around 12 fire service pumps are in attendance at the scene, a spokesman said.",
                [fig("12", "service pumps", "are", 12)], hour=11)  # fmt: skip
    c = _report("Council crews later used 12 pumps to drain the flooded loading bay.",
                [fig("12", "pumps", "drain", 12)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"tackl|fire engin|": [12, 12], "use|pump|": [12]}


def test_a_thing_present_is_no_other_count_of_it() -> None:
    a = _report("Firefighters fought the blaze with 14 fire appliances.",
                [fig("14", "fire appliances", "fought", 14)])  # fmt: skip
    b = _report("By noon 14 fire appliances were still in attendance. Fourteen people were "
                "inside the warehouse.",
                [fig("14", "fire appliances", "were", 14), fig("Fourteen", "people", "were", 14)],
                hour=11)  # fmt: skip
    assert track_values(a, b) == {"fight|fire engin|": [14, 14], "present|peopl|": [14]}


def test_appliances_a_fire_service_calls_are_its_fire_engines() -> None:
    """The fire service named before the figure makes its appliances fire engines ("Fire crews
    ... called a further four appliances"), which join the engines called in by another outlet."""
    a = _report("When they arrived they called in an additional six engines.",
                [fig("six", "engines", "called", 6)])  # fmt: skip
    b = _report("Fire crews from the county fire and rescue service attended and then called a "
                "further four appliances to help.", [fig("four", "appliances", "help", 4)],
                hour=11)  # fmt: skip
    c = _report("The farm's owners later hired four appliances from a dealer.",
                [fig("four", "appliances", "hired", 4)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"call|engin|": [4, 6], "hire|applianc|": [4]}
