"""What an amount said of a subject measures (stages/figure_subjects.py), on made-up sentences of
the shapes met on real news pages: the rules alone."""

import pytest
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages.figures import candidates


def rules(enricher: Enricher, sentence: str) -> list[tuple[str, str | None]]:
    figs, _ = candidates(enricher.nlp(sentence))
    return [(f.text, f.object) for f in figs]


@pytest.mark.parametrize(("sentence", "text", "obj"), [
    ("The estimated price of the bridge is $12.8 million, the council said.", "$12.8 million",
     "estimated price"),
    ("Top speed is a limited 155 mph.", "155 mph", "Top speed"),
    ("The death toll from the storm is 3,412, officials said.", "3,412", "death toll"),
    ("The number of people killed in the clashes is more than 2,600.", "2,600", "people"),
])  # fmt: skip
def test_the_copula_s_subject_is_what_an_amount_is(
    enricher: Enricher, sentence: str, text: str, obj: str
) -> None:
    assert (text, obj) in rules(enricher, sentence)


@pytest.mark.parametrize("sentence", [
    "The tally this year is 300 more than in 2019.",
    "The region would be 350,000 below the peak, the bank said.",
])  # fmt: skip
def test_a_comparison_keeps_no_subject(enricher: Enricher, sentence: str) -> None:
    assert [obj for _, obj in rules(enricher, sentence)] == [None]


@pytest.mark.parametrize(("sentence", "text", "obj"), [
    ("The blackout lasted about six hours on the island.", "six hours", "blackout"),
    ("The walkout by nurses lasted for 11 days.", "11 days", "walkout"),
    ("The warnings will remain in place for another two weeks.", "two weeks", "warnings"),
])  # fmt: skip
def test_a_duration_of_lasting_is_its_subject_s(
    enricher: Enricher, sentence: str, text: str, obj: str
) -> None:
    assert rules(enricher, sentence) == [(text, obj)]


def test_a_duration_of_other_verbs_keeps_no_subject(enricher: Enricher) -> None:
    assert rules(enricher, "The court jailed the driver for nine years.") == [("nine years", None)]


def test_worth_names_the_noun_it_qualifies(enricher: Enricher) -> None:
    figs = rules(enricher, "Officers seized jewellery worth about £9,500 from the flat.")
    assert figs == [("£9,500", "jewellery")]


def test_an_index_s_points_and_level_are_of_the_index(enricher: Enricher) -> None:
    figs = rules(enricher, "The Nikkei index was up 210.5 points at 23,180.4 on Friday.")
    assert figs == [("210.5", "Nikkei index"), ("23,180.4", "Nikkei index")]
    assert ("0.4 percent", "FTSE") in rules(
        enricher, "The FTSE 100 gained 0.4 percent in early trade."
    )


def test_a_player_s_points_stay_points(enricher: Enricher) -> None:
    assert rules(enricher, "Garcia scored 27 points in the win over Denver.") == [("27", "points")]


def test_a_quote_code_after_a_name_is_not_the_object(enricher: Enricher) -> None:
    figs = rules(enricher, "In Tokyo the Topix index .TOPX fell 12.4 points to 1,702.3.")
    assert [obj.split()[-1] if obj else None for _, obj in figs] == ["index", "index"]


def test_a_count_a_level_verb_reaches_is_its_subject_s(enricher: Enricher) -> None:
    figs = rules(enricher, "Weekly jobless claims have topped 3 million for the first time.")
    assert figs == [("3 million", "Weekly jobless claims")]


@pytest.mark.parametrize(("sentence", "head"), [
    ("Forecasters warned of a three-day-long heatwave across the south.", "heatwave"),
    ("The club's 40,000-strong membership voted on the plan.", "membership"),
])  # fmt: skip
def test_a_hyphenated_adjective_s_noun_is_the_object(
    enricher: Enricher, sentence: str, head: str
) -> None:
    [(_, obj)] = rules(enricher, sentence)
    assert obj is not None and obj.split()[-1] == head


def test_a_named_share_that_moved_is_the_object(enricher: Enricher) -> None:
    figs = rules(enricher, "Boeing Co. slid 2.4 percent in late trading.")
    assert figs == [("2.4 percent", "Boeing")]
    # every legal form names.LEGAL_FORMS knows is stepped over, "Holdings" too
    figs = rules(enricher, "Tarvex Holdings fell 2.1 percent on Tuesday.")
    assert figs == [("2.1 percent", "Tarvex")]


@pytest.mark.parametrize(("sentence", "text", "obj"), [
    # a relative pronoun's noun
    ("Rescuers ended a search that lasted nine hours.", "nine hours", "search"),
    ("The festival, which usually lasts four days, was cancelled.", "four days", "festival"),
    # the first of two coordinated verbs holds the subject
    ("The blockade began in March and lasted for 40 days.", "40 days", "blockade"),
    # the governing verb of an infinitive
    ("The inquiry is expected to last three months.", "three months", "inquiry"),
])  # fmt: skip
def test_a_duration_of_lasting_finds_its_subject_across_the_clause(
    enricher: Enricher, sentence: str, text: str, obj: str
) -> None:
    assert (text, obj) in rules(enricher, sentence)


@pytest.mark.parametrize(("sentence", "text", "head"), [
    ("The number of open claims stands at 4,310, the insurer said.", "4,310", "claims"),
    ("The board wants the number of branches to grow to 85 by 2030.", "85", "branches"),
    ("The plan reduced the number of regional councils to 9.", "9", "councils"),
])  # fmt: skip
def test_a_count_of_the_number_of_x_counts_the_x(
    enricher: Enricher, sentence: str, text: str, head: str
) -> None:
    obj = dict(rules(enricher, sentence))[text]
    assert obj is not None and obj.split()[-1] == head


def test_a_percentage_of_the_number_stays_the_number_s(enricher: Enricher) -> None:
    figs = rules(enricher, "The number of visitors rose 12 percent last year.")
    assert figs == [("12 percent", "number")]
