"""Figure tracks: a number that sizes a body ("the 640-member union", "a 180-seat assembly")
counts its members or seats, not the body: with no verb it is one count with the same value of
the same members told under another verb. Made-up reports of an invented union ballot."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Harwick": "LOC", "Harwick Porters Union": "ORG"}
LEDE = "The Harwick Porters Union voted on Tuesday to strike at the Harwick docks. "

_report = reporter(LEDE, "Harwick porters vote to strike", ENTS)


def test_a_body_sized_by_its_members_is_the_count_of_its_members() -> None:
    a = _report("The 640-member union has never struck before.",
                [fig("640", "union", None, 640)])  # fmt: skip
    b = _report("Its 640 members were balloted by post.",
                [fig("640", "members", "balloted", 640)], hour=11)  # fmt: skip
    c = _report("The 640-member union meets again in May.",
                [fig("640", "union", None, 640)], hour=12)  # fmt: skip
    assert list(track_values(a, b, c).values()) == [[640, 640, 640]]


def test_seats_are_counted_not_the_assembly() -> None:
    a = _report("The dockers hold 180 seats on the council.",
                [fig("180", "seats", "hold", 180)])  # fmt: skip
    b = _report("The strike splits a 180-seat council.",
                [fig("180", "council", None, 180)], hour=11)  # fmt: skip
    assert list(track_values(a, b).values()) == [[180, 180]]


def test_another_size_is_another_count() -> None:
    a = _report("The 640-member union has never struck before.",
                [fig("640", "union", None, 640)])  # fmt: skip
    b = _report("A 90-member crew stayed on board.", [fig("90", "crew", None, 90)], hour=11)
    assert sorted(track_values(a, b).values()) == [[90], [640]]


def test_a_bodys_size_is_not_dated_by_a_past_time_unless_a_change_starts_from_it() -> None:
    a = _report("Its 640 members were balloted by post.",
                [fig("640", "members", "balloted", 640)])  # fmt: skip
    b = _report("In September, the 640-member union voted to affiliate.",
                [fig("640", "union", "voted", 640)], hour=11)  # fmt: skip
    assert list(track_values(a, b).values()) == [[640, 640]]
    c = _report("The union went from a 900-member body in 2019 to 640 members now.",
                [fig("900", "body", "went", 900)], hour=12)  # fmt: skip
    assert 900 not in [v for vs in track_values(a, c).values() for v in vs]
