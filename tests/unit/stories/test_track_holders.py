"""Figure tracks: whose count a figure is. Two players' points share noun and verb but are two
counts; one player's points told with other verbs, or in a record's brackets with none, are one
count; the person who says a count does not hold it; a casualty count has no holder. Made-up
reports of an invented game in Corvel and an invented fight."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

PLAYERS = {"Corvel": "LOC", "Ada Marsh": "PERSON", "Ben Oller": "PERSON", "Cy Vane": "PERSON"}
_game = reporter("Corvel beat Vessa 91-73 on Thursday night. ", "Corvel beats Vessa", PLAYERS)


def test_two_players_points_are_two_counts_and_one_players_points_one() -> None:
    a = _game("Ada Marsh scored 27 points. Ben Oller scored 19 points for Vessa.",
              [fig("27", "points", "scored", 27), fig("19", "points", "scored", 19)])  # fmt: skip
    b = _game("Ben Oller had 19 points for Vessa. Ada Marsh put up 27 points.",
              [fig("19", "points", "had", 19), fig("27", "points", "put", 27)],
              hour=11)  # fmt: skip
    tracks = track_values(a, b)
    assert sorted(tracks.values()) == [[19, 19], [27, 27]]


def test_a_record_in_brackets_is_its_holders_count() -> None:
    fight = reporter("Corvel retained his title on Saturday. ", "Title fight",
                     {"Ada Marsh": "PERSON", "Ben Oller": "PERSON"})  # fmt: skip
    a = fight("Ada Marsh (52-3, 46 KOs) stopped Ben Oller (45-7-2, 36 KOs) in the seventh.",
              [fig("46", "KOs", None, 46), fig("36", "KOs", None, 36)])  # fmt: skip
    b = fight("Ben Oller, 45-7-2, 36 KO's, was stopped by Ada Marsh, who improved to 52-3 with "
              "46 knockouts.", [fig("36", "KO's", None, 36), fig("46", "knockouts", "improved", 46)],
              hour=11)  # fmt: skip
    tracks = track_values(a, b)
    assert sorted(tracks.values()) == [[36, 36], [46, 46]]


def test_the_one_who_says_a_count_does_not_hold_it() -> None:
    a = _game("Cy Vane said Corvel made 12 three-pointers.",
              [fig("12", "three-pointers", "made", 12)])  # fmt: skip
    b = _game("Corvel made 12 three-pointers, Ada Marsh told reporters.",
              [fig("12", "three-pointers", "made", 12)], hour=11)  # fmt: skip
    assert sorted(track_values(a, b).values()) == [[12, 12]]


def test_a_casualty_count_has_no_holder() -> None:
    attack = reporter("A gunman opened fire in Corvel on Friday. ", "Corvel shooting",
                      {"Corvel": "LOC", "Ada Marsh": "PERSON", "Ben Oller": "PERSON"})  # fmt: skip
    a = attack("Ada Marsh killed two co-workers.", [fig("two", "co-workers", "killed", 2)])
    b = attack("Police said Ben Oller saw two co-workers killed.",
               [fig("two", "co-workers", "killed", 2)], hour=11)  # fmt: skip
    assert sorted(track_values(a, b).values()) == [[2, 2]]


def test_a_track_that_learns_its_holder_joins_that_persons_count() -> None:
    # a names nobody, so its track follows nobody's count; b is Marsh's; c files under a's
    # identity and names Marsh: a's track and b's are one count.
    fight = reporter("A title fight was held in Corvel on Saturday. ", "Title fight",
                     {"Ada Marsh": "PERSON", "Corvel": "LOC"})  # fmt: skip
    a = fight("The champion improved to 40-2 (35 KO) with the win.",
              [fig("35", "KO", "improved", 35)])  # fmt: skip
    b = fight("Ada Marsh, 40-2 with 35 knockouts, floored the challenger twice.",
              [fig("35", "knockouts", None, 35)], hour=11)  # fmt: skip
    c = fight("Ada Marsh improved to 40-2 (35 KO) on Saturday.",
              [fig("35", "KO", "improved", 35)], hour=12)  # fmt: skip
    assert sorted(track_values(a, b, c).values()) == [[35, 35, 35]]


def test_charges_and_a_verdict_stay_two_counts_when_the_holder_is_learnt() -> None:
    court = reporter("A trial ended in Corvel on Friday. ", "Corvel trial",
                     {"Ada Marsh": "PERSON", "Corvel": "LOC"})  # fmt: skip
    a = court("A jury convicted the driver of two counts of assault.",
              [fig("two", "counts", "convicted", 2)])  # fmt: skip
    b = court("Ada Marsh had been charged with two counts of assault.",
              [fig("two", "counts", "charged", 2)], hour=11)  # fmt: skip
    c = court("A jury convicted Ada Marsh of two counts of assault.",
              [fig("two", "counts", "convicted", 2)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"convict|assault|": [2, 2], "charg|assault|": [2]}
