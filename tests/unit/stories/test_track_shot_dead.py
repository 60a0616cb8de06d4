"""Figure tracks: a shooting the words around the figure say was fatal is the toll ("One man was
shot and killed", "shot one person dead", "He shot one man fatally"), whatever verb enrich gave
("shot"); the shooters ("Two officers shot and killed a teenager") and the shot who lived ("shot
three people, killing one") stay what they were. Made-up reports of an invented office shooting
in Vessa."""

from __future__ import annotations

from newsflow_stories.engine import readings

from tests.unit.stories.factory import fig, reporter, track_values

_shooting = reporter("A gunman opened fire at an office party in Vessa on Friday. ",
                     "Vessa office shooting", {"Vessa": "LOC"})  # fmt: skip


def test_a_fatal_shooting_is_the_toll_whatever_verb_enrich_gave() -> None:
    a = _shooting("The gunman entered the party, killing one man.",
                  [fig("one", "man", "killing", 1)])  # fmt: skip
    b = _shooting("Police said one man was shot and killed but the others got out.",
                  [fig("one", "man", "shot", 1)], hour=11)  # fmt: skip
    c = _shooting("He walked in with a firearm and shot one man dead immediately.",
                  [fig("one", "man", "shot", 1)], hour=12)  # fmt: skip
    d = _shooting('"He shot one man fatally right away," a spokesman said.',
                  [fig("one", "man", "shot", 1)], hour=13)  # fmt: skip
    assert track_values(a, b, c, d) == {"kill|man|": [1, 1, 1, 1]}


def test_the_shot_who_lived_and_the_shooters_stay_shot() -> None:
    a = _shooting("The gunman shot three people, killing one, before he fled.",
                  [fig("three", "people", "shot", 3), fig("one", None, "killing", 1)])  # fmt: skip
    tracks = track_values(a)
    assert tracks["shoot|peopl|"] == [3]
    assert readings.shot_dead("Vessa police said ", " officers shot and killed a teenager") is False
    assert readings.shot_dead("", " men were shot and killed by a teenager") is True
    assert readings.shot_dead("the gunman shot ", " people, killing one") is False
