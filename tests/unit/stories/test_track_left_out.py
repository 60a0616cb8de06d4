"""Figure tracks: the noun a count leaves out, where enrich gave it none (engine/left_out.py):
a partitive's whole ("All seven of those ... were convicted" after "Eleven ... men were
charged") and a person noun the parse did not reach ("there were six fully kitted out, heavily
armed tactical officers"). Made-up reports of an invented siege and trial."""

from __future__ import annotations

from newsflow_stories.engine.left_out import _person_after

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Harlow Cross": "LOC", "Mira Castell": "PERSON"}
LEDE = "Police ended a siege at a flat in Harlow Cross on Monday; Mira Castell was detained. "
_report = reporter(LEDE, "Harlow Cross siege", ENTS)
_QUOTE = ('"Suddenly in the street there were six fully kitted out, heavily armed tactical '
          'officers aiming at the window," a neighbour said.')  # fmt: skip


def test_a_person_noun_after_the_count_is_its_noun() -> None:
    a, b, c = (
        _report(_QUOTE + more, [fig("six", None, "were", 6)], hour=h)
        for h, more in ((10, ""), (11, " No one was hurt."), (12, " Roads reopened."))
    )
    d = _report("Officers cleared six flats above the shop.",
                [fig("six", "flats", "cleared", 6)], hour=13)  # fmt: skip
    assert track_values(a, b, c, d) == {"|offic||=6": [6, 6, 6], "clear|flat|": [6]}


def test_the_words_after_a_count_that_name_no_counted_people() -> None:
    assert _person_after(" fully kitted out, heavily armed tactical officers aiming") == "officers"
    assert _person_after(", workers said. People were standing") is None  # who tell
    assert _person_after(" of the officers were hurt") is None  # a partitive of its own
    assert _person_after(" were arrested. Officers said") is None  # the next sentence's
    assert _person_after(" flats above the shop") is None  # no person


def test_a_partitive_without_a_noun_counts_its_whole() -> None:
    trial = reporter("A gang's trial at Harlow Cross Crown Court ended on Friday. ",
                     "Harlow Cross gang trial", ENTS)  # fmt: skip
    a = trial("Eleven other gang members were charged with robbery. All seven of those who "
              "have been tried were convicted, a spokesman said.",
              [fig("Eleven", "other gang members", "charged", 11),
               fig("seven", None, "convicted", 7, parent=0)])  # fmt: skip
    b = trial("Seven of the gang members have been convicted so far.",
              [fig("Seven", "gang members", "convicted", 7)], hour=11)  # fmt: skip
    tracks = track_values(a, b)
    assert tracks["convict|gang member|"] == [7, 7]
