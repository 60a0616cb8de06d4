"""Figure tracks: a year after the figure that describes the counted things, not the count,
does not make it an older event's: a participle clause ("four earlier convictions, dating from
2009 to 2011"), what the counted people stand accused of ("the three dockers accused of robbing
the depot in 2015": their trial is this week's), the crime a count of charges is laid for
("charged with three counts of arson in the March 2016 fires"). A year before the figure, or in
an attribution ("according to a 2019 survey"), still dates it. Made-up reports of an invented
trial in Corvel."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Corvel": "LOC"}

_report = reporter("Three dockers went on trial in Corvel on Monday. ", "Corvel depot trial", ENTS)


def test_a_participle_clause_dates_the_things_not_the_count() -> None:
    a = _report("The driver has four earlier speeding convictions, dating from 2009 to 2011.",
                [fig("four", "earlier speeding convictions", "has", 4)])  # fmt: skip
    b = _report("Records show the driver has four earlier speeding convictions, spanning 2009 "
                "to 2011.", [fig("four", "earlier speeding convictions", "has", 4)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"|earlier speed convict||=4": [4, 4]}


def test_a_participle_of_span_dates_the_things_without_a_comma_too() -> None:
    a = _report("The driver has four earlier speeding convictions, dating from 2009 to 2011.",
                [fig("four", "earlier speeding convictions", "has", 4)])  # fmt: skip
    b = _report("Records show the driver has four earlier speeding conviction spanning from 2009 "
                "to 2011.", [fig("four", "earlier speeding conviction", "has", 4)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"|earlier speed convict||=4": [4, 4]}


def test_what_the_counted_people_are_accused_of_dates_the_crime_not_the_trial() -> None:
    a = _report("The jury saw the footage at the trial of the three dockers accused of robbing "
                "the depot in 2015.", [fig("three", "dockers", "accused", 3)])  # fmt: skip
    b = _report("Evidence was heard at the trial of three dockers accused of robbing the depot in "
                "2015.", [fig("three", "dockers", "accused", 3)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"accus|docker|": [3, 3]}


def test_charges_are_laid_now_for_an_older_crime() -> None:
    a = _report("Prosecutors have charged the foreman with two counts of arson in the March 2016 "
                "fires.", [fig("two", "counts", "charged", 2)])  # fmt: skip
    b = _report("The foreman also faces two counts of arson in the 2016 warehouse fires.",
                [fig("two", "counts", "faces", 2)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"charg|arson|": [2, 2]}


def test_a_year_before_the_figure_or_of_a_source_still_dates_the_count() -> None:
    a = _report("In 2016, a jury convicted the foreman of two counts of theft. About 40 percent "
                "of dockers are unionised, according to a 2019 survey.",
                [fig("two", "counts", "convicted", 2), fig("40 percent", "dockers", "unionised",
                                                           40, unit="%")])  # fmt: skip
    b = _report("In 2016, a jury convicted the foreman of two counts of theft. About 40 percent "
                "of dockers are unionised, according to a 2019 survey.",
                [fig("two", "counts", "convicted", 2), fig("40 percent", "dockers", "unionised",
                                                           40, unit="%")], hour=11)  # fmt: skip
    assert track_values(a, b) == {}
