"""Parts of a number as printed on real pages: vulgar and slashed fractions ("2½ years", "a
5-1/2 year low"), half of a unit ("half an hour", "a half hour") and a part of a scale ("a
quarter million"). Made-up sentences; the rules' candidates, before the learned filter."""

import pytest
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages.figures import candidates


def _values(enricher: Enricher, sentence: str) -> list[tuple[float, str | None]]:
    figs, _ = candidates(enricher.nlp(sentence))
    return [(f.value, f.unit) for f in figs]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The mayor has held the post for 2½ years, aides said.", [(2.5, "years")]),
    ("The probe fell silent 6 ½ minutes into the flight.", [(6.5, "minutes")]),
    ("Oil slid to a 5-1/2 year low on Monday.", [(5.5, "years")]),
    ("The suspect is about 5 1/2 feet tall.", [(5.5, "ft")]),
])  # fmt: skip
def test_a_fraction_printed_after_a_whole_number_is_one_value(
    enricher: Enricher, sentence: str, expected: list[tuple[float, str | None]]
) -> None:
    assert _values(enricher, sentence) == expected


def test_a_slash_between_whole_numbers_is_no_fraction(enricher: Enricher) -> None:
    values = [v for v, _ in _values(enricher, "The clinic is open 24/7 and saw 12 patients.")]
    assert 24.25 not in values and 12 in values


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The leaders talked for half an hour about the deal.", [(0.5, "hours")]),
    ("It took about a half hour to find a bus that would start.", [(0.5, "hours")]),
    ("The new town will house a quarter million people by 2040.", [(250000, None)]),
    ("The flat is now worth a quarter of a million, she said.", [(250000, None)]),
    ("The region has a half million more people than the city.", [(500000, None)]),
])  # fmt: skip
def test_half_and_quarter_of_a_unit_or_a_scale(
    enricher: Enricher, sentence: str, expected: list[tuple[float, str | None]]
) -> None:
    assert _values(enricher, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Half an hour later the rescuers reached the village.",
    "They won by a quarter of the vote and half the seats.",
])  # fmt: skip
def test_a_half_that_places_or_shares_is_no_figure(enricher: Enricher, sentence: str) -> None:
    assert _values(enricher, sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A vaccine could follow in one to three years, he said.", [(2.0, 1.0, 3.0)]),
    ("It would cost one to two billion dollars per year.", [(1.5e9, 1e9, 2e9)]),
])  # fmt: skip
def test_the_word_one_opening_a_range_is_its_low_end(
    enricher: Enricher, sentence: str, expected: list[tuple[float, float, float]]
) -> None:
    figs, _ = candidates(enricher.nlp(sentence), doubtful=True)
    assert [(f.value, f.low, f.high) for f in figs] == expected


def test_quarters_are_a_duration_inside_a_date(enricher: Enricher) -> None:
    """spaCy tags "six quarters" a DATE; quarters are how long, as seasons are."""
    assert _values(enricher, "Campbell was benched after just six quarters at the helm.") == [
        (6, None)
    ]
