"""Figure tracks: a fate told by its noun ("confirmed 41 deaths", "41 fatalities", "claimed 41
lives", "60 injuries", "suffered injuries"), the missing "unaccounted for", and the injured told
by how badly with an adjective ("suffered serious injuries"), and "shot to death" (the toll).
Made-up reports of an invented ferry sinking."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Port Veloz": "LOC", "Marisol Star": "ORG"}
LEDE = "The ferry Marisol Star sank off Port Veloz on Sunday night in a storm. "


_report = reporter(LEDE, "Ferry sinks off Port Veloz", ENTS)


def test_the_toll_told_by_its_noun_is_the_toll() -> None:
    a = _report("Officials confirmed 41 deaths.", [fig("41", "deaths", "confirmed", 41)])
    b = _report("There were 41 fatalities.", [fig("41", "fatalities", "were", 41)], hour=11)
    c = _report("The sinking claimed 41 lives.", [fig("41", "lives", "claimed", 41)], hour=12)
    d = _report("The storm has cost 41 lives.", [fig("41", "lives", "cost", 41)], hour=13)
    e = _report("Rescuers saved 12 lives.", [fig("12", "lives", "saved", 12)], hour=14)
    f = _report("Divers found two more deaths.", [fig("two", "more deaths", "found", 2)], hour=15)
    assert track_values(a, b, c, d, e, f) == {"kill|peopl|": [41, 41, 41, 41], "save|peopl|": [12],
                                         "find|death|": [2]}  # fmt: skip


def test_injuries_and_the_unaccounted_for_are_their_fates() -> None:
    a = _report("Sixty passengers suffered injuries.", [fig("Sixty", "passengers", "suffered", 60)])
    b = _report("There were 60 injuries.", [fig("60", "injuries", "were", 60)], hour=11)
    c = _report("Eight people had suffered from serious injury.",
                [fig("Eight", "people", "suffered", 8)], hour=12)  # fmt: skip
    d = _report("Some 300 people are unaccounted for.", [fig("300", "people", "are", 300)],
                hour=13)  # fmt: skip
    assert track_values(a, b, c, d) == {"wound|passeng|": [60, 60], "wound serious|peopl|": [8],
                                   "miss|peopl|": [300]}  # fmt: skip


def test_the_drowned_and_the_bodies_of_the_dead_are_the_toll_and_some_of_them_a_part() -> None:
    a = _report("At least 23 people drowned when the ferry capsized.",
                [fig("23", "people", "drowned", 23)])  # fmt: skip
    b = _report("Divers found the bodies of 23 passengers.",
                [fig("23", "passengers", "found", 23)], hour=11)  # fmt: skip
    c = _report("The sinking killed 23 people. Officials said 14 of the victims drowned in cabins.",
                [fig("23", "people", "killed", 23), fig("14", "victims", "drowned", 14)],
                hour=12)  # fmt: skip
    d = _report("Early reports said four of the 23 victims died.",
                [fig("four", None, "died", 4), fig("23", "victims", "died", 23)], hour=13)  # fmt: skip
    # d's four are a part, and its 23 the group they are picked from: the 23 did not all die.
    assert track_values(a, b, c, d) == {"kill|peopl|": [23, 23, 23]}


def test_people_taken_into_custody_are_arrested() -> None:
    a = _report("Police arrested 25 people for looting.", [fig("25", "people", "arrested", 25)])
    b = _report("25 looters were taken into custody.", [fig("25", "looters", "taken", 25)],
                hour=11)  # fmt: skip
    assert track_values(a, b) == {"arrest|peopl|": [25, 25]}


def test_known_to_have_died_is_the_toll_and_a_queue_waits() -> None:
    a = _report("The sinking killed 23 people.", [fig("23", "people", "killed", 23)])
    b = _report("Twenty-three people are now known to have died.",
                [fig("Twenty-three", "people", "known", 23)], hour=11)  # fmt: skip
    c = _report("The queue of tugboats waiting outside the port grew to 40.",
                [fig("40", "tugboats", "grew", 40)], hour=12)  # fmt: skip
    d = _report("The queue of tugboats grew to 40.", [fig("40", None, "grew", 40)], hour=13)
    assert track_values(a, b, c, d) == {"kill|peopl|": [23, 23], "wait|tugboat|": [40, 40]}


def test_shot_to_death_is_the_toll_and_a_sentence_to_death_is_not() -> None:
    a = _report("A gunman aboard shot to death two crew members before the storm hit.",
                [fig("two", "crew members", "shot", 2)])  # fmt: skip
    b = _report("The gunman killed two crew members, police said.",
                [fig("two", "crew members", "killed", 2)], hour=11)  # fmt: skip
    c = _report("A court in Port Veloz once sentenced to death three smugglers from the ship.",
                [fig("three", "smugglers", "sentenced", 3)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"kill|crew member|": [2, 2], "sentenc|smuggler|": [3]}


def test_the_group_a_part_is_picked_from_under_the_parts_verb_is_no_toll() -> None:
    a = _report("Radio reports first said that two of the five passengers drowned.",
                [fig("two", "passengers", "drowned", 2), fig("five", "passengers", "drowned", 5)])  # fmt: skip
    b = _report("Divers reached three of the nine sailors trapped below deck.",
                [fig("three", "sailors", "reached", 3), fig("nine", "sailors", "trapped", 9)],
                hour=11)  # fmt: skip
    c = _report("Before the storm, 12 of the 40 lorries aboard carried grain.",
                [fig("12", "lorries", "carried", 12), fig("40", "lorries", "carried", 40)],
                hour=12)  # fmt: skip
    # a's two are a part of the five (not tracked), and the five did not all drown; c's 12 are
    # a part, and its 40 still lorries carried (a verb outside the fates).
    assert track_values(a, b, c) == {"trap|sailor|": [9], "reach|sailor|": [3],
                                     "carri|lorri|": [40]}  # fmt: skip


def test_the_injury_of_some_people_is_the_wounded() -> None:
    """ "the injury of two others" (no verb) is the count "wounding two others" gives."""
    a = _report("The storm sank the ferry, wounding two others on the pier.",
                [fig("two", "others", "wounding", 2)])  # fmt: skip
    b = _report("Officials regret the death of the captain and the injury of two others.",
                [fig("two", "others", None, 2)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"wound|peopl|": [2, 2]}


def test_wound_up_is_no_injury() -> None:
    # "wound up" is the past of "wind up": the 30 passengers ended up ashore, none was hurt.
    a = _report("About 30 passengers were injured in the storm.",
                [fig("30", "passengers", "injured", 30)])  # fmt: skip
    b = _report("The rescue boat wound up with 30 passengers aboard.",
                [fig("30", "passengers", "wound", 30)], hour=11)  # fmt: skip
    assert track_values(a, b)["wound|passeng|"] == [30]
