"""Figure tracks: a count told by a long description and no verb a class knows ("despite two
earlier planning objections", "has two motor vehicle theft convictions") is one count with the
same value of the same words, whatever the verb or none; another value, or a share of a group
("four of its last five matches"), is not. Made-up reports of an invented depot dispute."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Marlow Vale": "LOC", "Brennick Freight": "ORG"}
LEDE = "Marlow Vale's council approved a Brennick Freight depot on Tuesday. "


_report = reporter(LEDE, "Marlow Vale depot approved", ENTS)


def test_the_same_words_and_value_are_one_count_whatever_the_verb() -> None:
    a = _report("It went ahead despite two earlier planning objections from residents.",
                [fig("two", "earlier planning objections", None, 2)])  # fmt: skip
    b = _report("The vote came despite two earlier planning objections.",
                [fig("two", "earlier planning objections", "came", 2)], hour=11)  # fmt: skip
    c = _report("Councillors looked past two earlier planning objections.",
                [fig("two", "earlier planning objections", "looked", 2)], hour=12)  # fmt: skip
    d = _report("Residents have since lodged three earlier planning objections again.",
                [fig("three", "earlier planning objections", None, 3)], hour=13)  # fmt: skip
    tracks = track_values(a, b, c, d)
    assert sorted(tracks.values()) == [[2, 2, 2], [3]]


def test_a_share_of_a_group_is_not_a_count_the_words_name() -> None:
    a = _report("The home side has lost four of its last five league matches.",
                [fig("four", "last five league matches", "lost", 4)])  # fmt: skip
    b = _report("The visitors have won four of their last five league matches.",
                [fig("four", "last five league matches", "won", 4)], hour=11)  # fmt: skip
    assert sorted(track_values(a, b).values()) == [[4], [4]]


def test_short_words_with_no_verb_make_no_count() -> None:
    a = _report("It went ahead despite two objections.", [fig("two", "objections", None, 2)])
    b = _report("The vote came despite two objections.",
                [fig("two", "objections", "came", 2)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"come|object|": [2]}
