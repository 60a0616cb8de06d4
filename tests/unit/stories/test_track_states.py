"""Figure tracks: a count told with only a copula, "have" or "there is" ("the line has 14
ferries", "there are 14 ferries", "14 ferries are in service") has no verb of its own: it joins
the same value of the same words, never another value. Made-up reports of an invented ferry
line in Vessa."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

_report = reporter("The Vessa ferry line was sold on Monday. ", "Vessa ferry sale",
                   {"Vessa": "LOC"})  # fmt: skip


def test_a_possessive_count_joins_the_same_value_only() -> None:
    a = _report("The line has 14 ferries, the buyer said.", [fig("14", "ferries", "has", 14)])
    b = _report("The line had 14 ferries at the sale.", [fig("14", "ferries", "had", 14)], hour=11)
    c = _report("The line had 12 ferries a year ago.", [fig("12", "ferries", "had", 12)], hour=12)
    assert sorted(track_values(a, b, c).values()) == [[12], [14, 14]]


def test_an_existential_count_and_a_copula_count_of_the_same_words_are_one() -> None:
    a = _report("There are 230 crew members on the line.",
                [fig("230", "crew members", "are", 230)])  # fmt: skip
    b = _report("Some 230 crew members were on the payroll at the sale.",
                [fig("230", "crew members", "were", 230)], hour=11)  # fmt: skip
    assert sorted(track_values(a, b).values()) == [[230, 230]]
