"""Figures on real pages: shapes met on real news (bench/real dev), as made-up sentences."""

import pytest
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages.figures import candidates
from newsflow_enrich.stages.not_figures import suffered

from tests.unit.enrich.sentences import figures


def test_a_change_to_a_count_is_not_a_range(enricher: Enricher) -> None:
    figs = figures(enricher, "Deliveries rose 9.1% to 114,700 units in the quarter.")
    assert [(f.value, f.low, f.unit) for f in figs] == [(9.1, None, "%"), (114700, None, None)]


@pytest.mark.parametrize("sentence", [
    "The bill passed on a 52-48 vote on Tuesday.",
    "Instead, the visitors lost 24-17 at home.",
    "The city recorded its lowest rate per 100,000 residents in years.",  # ("a decade" counts)
    "One thing is clear: there is one right answer, and no-one disputes it.",
    "Both parties kept lobbing attacks at one another all week.",
    "The family of Verma (26), who was found in a canal, has asked for an inquiry.",
    "A neighbour called 911 after hearing shots, police said on Sunday.",
])  # fmt: skip
def test_tallies_rate_bases_and_the_pronoun_one_are_not_figures(
    enricher: Enricher, sentence: str
) -> None:
    assert figures(enricher, sentence) == []


def test_one_as_a_part_of_a_count_stays(enricher: Enricher) -> None:
    figs = figures(enricher, "Six astronauts were aboard, including one Russian, the agency said.")
    assert [f.value for f in figs] == [6, 1]


def test_recovered_bodies_are_a_count(enricher: Enricher) -> None:
    figs = figures(
        enricher,
        "Rescue teams have recovered 145 bodies from the rubble of the "
        "collapsed buildings, officials said on Monday.",
    )
    assert [(f.value, f.object, f.event) for f in figs] == [(145, "bodies", "recovered")]


def test_one_before_a_scale_is_a_count(enricher: Enricher) -> None:
    doc = enricher.nlp("The fires killed an estimated one billion animals, experts said.")
    figs, doubts = candidates(doc)  # the rules alone, not a doubt the learned filter takes back
    assert [(f.value, d) for f, d in zip(figs, doubts, strict=True)] == [(1e9, None)]


def test_a_count_after_a_name_in_a_box_score_is_a_figure(enricher: Enricher) -> None:
    # spaCy runs the name on over the count ("K. Hupfer 1 goal" one PERSON): a person's name
    # holds no digits.
    figs = figures(
        enricher,
        "Viera beat Rockledge at home on Tuesday night in the district "
        "final. Viera (4-0): K. Hupfer 1 goal. Z. Nielsen 1 goal. A. Sanger 2 saves.",
    )
    values = [f.value for f in figs]
    assert values.count(1.0) >= 2 and 2.0 in values


@pytest.mark.parametrize("sentence", [
    "Wild 4, Sabres 1: Zach Parise scored twice in the game on Tuesday night.",
    "Buffalo is on a 1-6-2 skid and battling injuries at the forward position.",
])  # fmt: skip
def test_scores_and_records_are_not_figures(enricher: Enricher, sentence: str) -> None:
    assert [f.text for f in figures(enricher, sentence)] == []


def test_a_number_in_a_name_typed_person_is_not_a_figure(enricher: Enricher) -> None:
    sentence = ("Police in Nairobi fired tear gas on Wednesday at crowds protesting against the "
                "Finance Bill 2025, which would raise the fuel levy.")  # fmt: skip
    assert [f.text for f in figures(enricher, sentence)] == []


def test_the_numbers_of_a_numbered_list_are_not_figures(enricher: Enricher) -> None:
    from newsflow_enrich.stages import figures as figures_stage

    doc = enricher.nlp("The overall rankings of the countries were as follows:\n\n1. Finland\n\n"
                       "2. Norway\n\n3. Australia\n\nIt surveyed 54 countries.")  # fmt: skip
    assert [f.value for f in figures_stage.extract(doc)] == [54.0]


@pytest.mark.parametrize("sentence", [
    "Police searched a garage behind 4512 Maple Place on Monday evening.",
    "She was arrested at her home on 818 North Elm St. on Friday.",
    "Witnesses were asked to contact police by calling 101 quoting serial 362 of Monday.",
    "Hospitals admitted more patients with Covid 19 symptoms this week.",
    "Officers stopped Daniel P. Rourke 44, of Granby, on the highway.",
])  # fmt: skip
def test_addresses_references_and_names_are_not_figures(enricher: Enricher, sentence: str) -> None:
    assert figures(enricher, sentence) == []


def test_a_change_by_an_amount_to_a_level_is_not_a_range(enricher: Enricher) -> None:
    figs = figures(enricher, "The city saw its tally rise over the day by 235 to 1,351.")
    assert [(f.value, f.low) for f in figs] == [(235, None), (1351, None)]


def test_eight_out_of_ten_is_a_proportion(enricher: Enricher) -> None:
    assert figures(enricher, "Eight out of ten voters backed the plan in the poll.") == []


def test_a_qualifier_reaches_over_an_article(enricher: Enricher) -> None:
    [fig] = figures(enricher, "The town lies about a 4-hour drive from the capital.")
    assert (fig.value, fig.unit, fig.qualifier) == (4, "hours", "about")


@pytest.mark.parametrize(("sentence", "value", "obj", "event"), [
    ("Twenty-three people have now died in the floods that hit the port.", 23, "people", "died"),
    ("Forty-one people are now known to have died.", 41, "people", None),
    ("Police said thirty-five people were injured in the blast.", 35, "people", "injured"),
    ("Officials counted one hundred twenty-five homes destroyed.", 125, "homes", None),
])  # fmt: skip
def test_a_hyphenated_number_word_is_one_count(
    enricher: Enricher, sentence: str, value: float, obj: str, event: str | None
) -> None:
    # spaCy splits "Twenty-three" into "Twenty", "-", "three": one number, not a 20-3 score.
    [fig] = figures(enricher, sentence)
    assert (fig.value, fig.object) == (value, obj)
    if event is not None:
        assert fig.event == event


def test_the_earlier_value_after_up_from_is_a_figure(enricher: Enricher) -> None:
    # spaCy reads "38 a day earlier" as one DATE: the number counts, the rest dates it.
    figs = figures(enricher, "The death toll rose to 41 on Thursday, up from 38 a day earlier.")
    assert [f.value for f in figs] == [41, 38]


@pytest.mark.parametrize("sentence", [
    "Divers have retrieved 17 bodies from the lake since the ferry sank.",
    "Nine corpses were found in the forest near the border, police said.",
])  # fmt: skip
def test_a_count_of_bodies_is_a_toll_whatever_the_verb(enricher: Enricher,
                                                       sentence: str) -> None:  # fmt: skip
    doc = enricher.nlp(sentence)
    figs, _ = candidates(doc)
    assert len(figs) == 1 and suffered(next(t for t in doc if t.like_num))


def test_recovered_bodies_are_a_count_with_their_verb(enricher: Enricher) -> None:
    [fig] = figures(enricher, "Rescuers have recovered 23 bodies from the river since Monday.")
    assert (fig.value, fig.object, fig.event) == (23, "bodies", "recovered")


@pytest.mark.parametrize(("sentence", "qualifier", "obj"), [
    ("At least one poet has tested positive for the virus.", "at least", "poet"),
    ("Patients may be accompanied by at most one other person.", "at most", "other person"),
])  # fmt: skip
def test_one_with_a_bound_is_a_count(enricher: Enricher, sentence: str, qualifier: str,
                                     obj: str) -> None:  # fmt: skip
    [fig] = figures(enricher, sentence)
    assert (fig.value, fig.qualifier, fig.object) == (1, qualifier, obj)


def test_only_one_is_a_count_and_another_one_is_not(enricher: Enricher) -> None:
    assert [f.value for f in figures(enricher, "Only one title was left on the list.")] == [1]
    assert figures(enricher, "Then they bought another one from the shop.") == []


@pytest.mark.parametrize(("sentence", "obj", "event"), [
    ("One guard was stabbed in the yard of the prison on Friday.", "guard", "stabbed"),
    ("Police said one of the hostages was shot before the siege ended.", "hostages", "shot"),
    ("The gunman opened fire in the car park, killing one, before he fled.", None, "killing"),
    ("One victim died at the scene, the ambulance service said.", "victim", "died"),
])  # fmt: skip
def test_one_a_toll_verb_is_told_of_is_a_count(enricher: Enricher, sentence: str,
                                               obj: str | None, event: str) -> None:  # fmt: skip
    figs, doubts = candidates(enricher.nlp(sentence))  # the rules' own, no doubt for the filter
    assert [(f.value, f.object, f.event, d) for f, d in zip(figs, doubts, strict=True)] == [
        (1, obj, event, None)]  # fmt: skip


@pytest.mark.parametrize(("sentence", "counts"), [
    ("Police arrested seven people - six men and one woman - on Friday.", [(7, None), (6, None),
                                                                          (1, None)]),
    ("He was charged with two counts of murder, one count of attempted murder and arson.",
     [(2, None), (1, None)]),
    ("He was charged with two counts of murder and one of arson.", [(2, None), (1, "one")]),
])  # fmt: skip
def test_one_listed_beside_another_count_is_a_count(enricher: Enricher, sentence: str,
                                                    counts: list[tuple[int, str | None]]) -> None:  # fmt: skip
    figs, doubts = candidates(enricher.nlp(sentence), doubtful=True)
    assert [(f.value, d) for f, d in zip(figs, doubts, strict=True)] == counts
    # the filter keeps a listed "one" whatever its weights for the word (mostly a pronoun's)
    if counts[-1] == (1, None):
        assert 1 in [f.value for f in figures(enricher, sentence)]


def test_one_of_a_pronoun_or_a_speaker_stays_doubtful(enricher: Enricher) -> None:
    for sentence in ("They will not listen until one of them dies, she said.",
                     "One resident said the water was rising fast."):  # fmt: skip
        figs, doubts = candidates(enricher.nlp(sentence), doubtful=True)
        assert [(f.value, d) for f, d in zip(figs, doubts, strict=True)] == [(1, "one")]


@pytest.mark.parametrize("sentence", [
    "The measure has now passed in 29 of 50 states.",
    "At least five of 17 judges appeared to agree.",
    "Biden leads among the Blue Dogs (4 of 7) this week.",
])  # fmt: skip
def test_a_count_picked_from_the_next_count_is_its_part(enricher: Enricher, sentence: str) -> None:
    figs = figures(enricher, sentence)
    assert [(f.value, f.parent) for f in figs][:1] == [(figs[0].value, 1)]
    assert figs[1].value > figs[0].value and figs[1].parent is None


def test_an_amount_of_a_larger_amount_gets_no_parent_by_the_words_alone(
    enricher: Enricher,
) -> None:
    figs = figures(enricher, "About $500 million of the nearly $1.2 billion was spent.")
    assert [f.parent for f in figs] == [None, None]


def test_a_decade_ago_places_in_time(enricher: Enricher) -> None:
    assert figures(enricher, "The protests started more than a decade ago in the capital.") == []


@pytest.mark.parametrize(("sentence", "value", "low", "high", "unit"), [
    ("Each lecturer now earns €500–650 a month at the college.", 575, 500, 650, "EUR"),
    ("The repairs will take 6–8 weeks once the parts arrive.", 7, 6, 8, "weeks"),
])  # fmt: skip
def test_an_en_dash_between_digits_is_a_range(enricher: Enricher, sentence: str, value: float,
                                              low: float, high: float, unit: str) -> None:  # fmt: skip
    [fig] = figures(enricher, sentence)
    assert (fig.value, fig.low, fig.high, fig.unit) == (value, low, high, unit)
    assert "–" in fig.text or "-" in fig.text


@pytest.mark.parametrize(("sentence", "value", "obj", "event"), [
    ("Officials reported 42 new cases on Sunday, raising the tally to 13,274.", 13274, "tally",
     "raising"),
    ("The death toll rose to 41 on Thursday, officials said.", 41, "death toll", "rose"),
])  # fmt: skip
def test_a_bare_level_after_a_change_verb_counts_what_moved(enricher: Enricher, sentence: str,
                                                           value: float, obj: str,
                                                           event: str) -> None:  # fmt: skip
    fig = next(f for f in figures(enricher, sentence) if f.value == value)
    assert (fig.object, fig.event) == (obj, event)


def test_a_clock_time_with_a_spaced_am_is_not_a_figure(enricher: Enricher) -> None:
    figs = figures(enricher, "The boat struck a submerged log at about 6.50 am while carrying "
                   "more than 60 passengers.")  # fmt: skip
    assert [f.value for f in figs] == [60]


def test_a_named_season_is_not_a_figure(enricher: Enricher) -> None:
    assert candidates(enricher.nlp("It was his best run of the 2019 season."))[0] == []


def test_half_a_century_ago_places_in_time(enricher: Enricher) -> None:
    assert candidates(enricher.nlp("The mill closed half a century ago, he said."))[0] == []


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("The electric version should do 0-62 mph in 6.6 seconds.", 62, "mph"),
    ("It will take the car from zero to 60 mph in 5.8 seconds.", 60, "mph"),
])  # fmt: skip
def test_a_sprint_from_zero_is_its_end_speed_not_a_range(enricher: Enricher, sentence: str,
                                                         value: float, unit: str) -> None:  # fmt: skip
    figs, _ = candidates(enricher.nlp(sentence))
    speed = next(f for f in figs if f.unit == unit)
    assert (speed.value, speed.low, speed.high) == (value, None, None)


@pytest.mark.parametrize(("sentence", "event"), [
    ("Shares of the bank were up 1.9 per cent on Monday.", "up"),
    ("Costs are down 60% from a year ago, the report said.", "down"),
    ("Shares of Central Bank of India (up 1.89 per cent) led the gains.", "up"),
    ("Net asset value was S$2.06 in August, down from S$2.16 last year.", "down"),
    ("Shares of the bank closed up 2% at the end of the day.", "closed"),
])  # fmt: skip
def test_up_or_down_with_no_verb_is_the_event(enricher: Enricher, sentence: str,
                                              event: str) -> None:  # fmt: skip
    figs, _ = candidates(enricher.nlp(sentence))  # the rules alone
    assert figs[-1].event == event


def test_a_hyphenated_noun_is_the_whole_word(enricher: Enricher) -> None:
    figs = figures(enricher, "The gunman shot dead two co-workers at the plant on Monday, "
                   "police said.")  # fmt: skip
    assert [(f.value, f.object) for f in figs] == [(2, "co-workers")]


def test_what_had_to_happen_is_the_event(enricher: Enricher) -> None:
    figs = figures(enricher, "About 300 residents had to be evacuated from the area, officials "
                   "said.")  # fmt: skip
    assert [(f.value, f.object, f.event) for f in figs] == [(300, "residents", "evacuated")]


def test_a_contracted_verb_is_spelled_out(enricher: Enricher) -> None:
    figs = figures(enricher, "The walk to the nearest school is hard: it’s 12 kilometres each way.")
    assert [(f.value, f.event) for f in figs] == [(12, "is")]


def test_a_union_local_is_a_name(enricher: Enricher) -> None:
    figs = figures(enricher, "But Local 52 members are ready for a fight over the 14 depots.")
    assert [f.value for f in figs] == [14]


def test_either_of_two_numbers_is_a_range(enricher: Enricher) -> None:
    figs = figures(enricher, "The repairs on the bridge took six or seven weeks, the council said.")
    assert [(f.value, f.low, f.high, f.unit) for f in figs] == [(6.5, 6, 7, "weeks")]
    figs = figures(
        enricher, "He could sell it in two months or four months or six months, he said."
    )
    assert [f.value for f in figs] == [2, 4, 6]
