"""The general rules on numbers (figures, qualifiers, units, ranges, sub-counts, what is not a
figure), on made-up text, so they cannot pass by a lookup."""

import pytest
from newsflow_contracts.events import ArticleReceived
from newsflow_enrich.pipeline import Enricher


def test_coordinated_counts_share_their_event(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "KORVA — In two months of fighting, more than 820 rebels and more than 480 soldiers "
                "have been killed, a monitor said on Friday."
            )
        )
    )
    figs = {f.value: f for f in ev.figures}
    assert figs[820].event == figs[480].event == "killed"
    assert figs[480].qualifier == "more than"


def test_partitive_sub_count_takes_an_earlier_parent(enricher: Enricher) -> None:
    """'Six of the dead' is part of the count of dead given in an earlier sentence."""
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "KORVA — A bomb near the ministry killed at least 23 people and wounded about 40 "
                "others on Monday, officials said. Six of the dead were ministry staff, police said."
            )
        )
    )
    figs = {f.value: f for f in ev.figures}
    assert figs[6].parent == ev.figures.index(figs[23])


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        (
            "He was convicted of defrauding the council of nearly $400,000, the court heard.",
            400_000,
            "nearly",
        ),
        ("Police said he stole about £180 from the till.", 180, "about"),
        ("The union was offered a 10 percent increase spread over three years.", 3, None),
        ("The mayor said the council would need over 300 new staff.", 300, "over"),
    ],
)
def test_qualifiers_before_currencies_and_time_frames(
    enricher: Enricher, sentence: str, value: float, qualifier: str | None
) -> None:
    ev = enricher.enrich(ArticleReceived.new(text=sentence))
    [fig] = [f for f in ev.figures if f.value == value]
    assert fig.qualifier == qualifier


def test_one_off_is_not_a_count(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=('"This is not a one-off," the professor said of the one-time payment.')
        )
    )
    assert ev.figures == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The men, aged 24, 31 and 45, appeared in court on Monday.",
        "Anyone with information can contact the force on 101 or call 0800 555 111.",
        "The No. 6 reactor at the plant restarted on Tuesday, the operator said.",
        (
            "SEOUL, May 2 (Yonhap) -- The Supreme Court upheld the conviction of a former builder on "
            "Friday, rejecting his final appeal."
        ),
        "The recall covers the PowerPack 500 and PowerPack 625 batteries sold in Germany.",
        '"My neighbour Halyna was 71. She was kind," he said.',
        "The phase 3 study found the vaccine safe, the institute said.",
        "The gang mostly called people over 70, the court said.",
    ],
)
def test_ages_phone_numbers_names_and_days_are_not_figures(
    enricher: Enricher, sentence: str
) -> None:
    assert enricher.enrich(ArticleReceived.new(text=sentence)).figures == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The instruments work at temperatures as low as minus 40 degrees Celsius.", -40, "deg"),
        ("The court ordered him to forfeit 820 million won in illicit gains.", 820e6, "KRW"),
        ("UNICEF is trucking some 400,000 litres of clean water a day into the camps.", 400e3, "l"),
        ("Waves of up to 3 meters (10 feet) hampered the search.", 10, "ft"),
        ("The rocket put a 2.4-tonne satellite into orbit.", 2.4, "t"),
        ("The party won 41 seats in the 81-seat parliament.", 41, None),
        ("Revenue will be $24 billion, plus or minus 2 percent.", 2, "%"),
        ("Winter temperatures there have risen by 3 degrees Celsius since 1980.", 3, "deg"),
        (
            "A special court jailed him in a Rs 1,460-crore loan fraud case on Tuesday.",
            14.6e9,
            "INR",
        ),
        ("The court imposed a fine of Rs 25 lakh on the former director.", 2.5e6, "INR"),
        ("Ferri finished 38 seconds ahead of the pink jersey on the final climb.", 38, "s"),
        ("Organisers fined the team 500 Swiss francs for the illegal feed.", 500, "CHF"),
        ("The state approved RM4.2 million in aid for the farmers.", 4.2e6, "MYR"),
        ("The government released 12 million cedis for emergency shelter.", 12e6, "GHS"),
        ("The Assembly passed a 13.8 tln-won extra budget on Friday.", 13.8e12, "KRW"),
        ("MANILA — The governor offered a reward of 5 million pesos for information.", 5e6, "PHP"),
        ("Investors lost 1.9 billion liras when the platform collapsed.", 1.9e9, "TRY"),
        ("His run has earned him $US61,000 ($A97,000) in prize money.", 61_000, "USD"),
        ("His run has earned him $US61,000 ($A97,000) in prize money.", 97_000, "AUD"),
        ('"We lost the game in a 20-minute spell," the coach said.', 20, "minutes"),
    ],
)
def test_units_currencies_and_negative_values(
    enricher: Enricher, sentence: str, value: float, unit: str | None
) -> None:
    ev = enricher.enrich(ArticleReceived.new(text=sentence))
    [fig] = [f for f in ev.figures if f.value == value]
    assert fig.unit == unit


@pytest.mark.parametrize(
    ("text", "child", "parent"),
    [
        ("The company will close four of its 27 European plants, it said on Monday.", 4, 27),
        ("Of the remaining nine people arrested, five were released on bail, police said.", 5, 9),
        (
            (
                "At least 12,600 civilians have been killed since the invasion began, more than 650 of "
                "them children, the monitors said."
            ),
            650,
            12_600,
        ),
        (
            (
                "A cholera outbreak has killed at least 57 people, officials said. Adeyemi said 14 of the "
                "deaths occurred before patients reached a clinic."
            ),
            14,
            57,
        ),
    ],
)
def test_partitive_sub_counts(enricher: Enricher, text: str, child: float, parent: float) -> None:
    ev = enricher.enrich(ArticleReceived.new(text=text))
    figs = {f.value: f for f in ev.figures}
    assert figs[child].parent == ev.figures.index(figs[parent])


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        (
            "The cocaine had a street value of between £2.5 million and £3 million, police said.",
            2.5e6,
            3e6,
            "GBP",
        ),
        (
            "Raman said the deal could take 12 to 18 months to close, pending approval.",
            12,
            18,
            "months",
        ),
        (
            "Each question won the support of between 89% and 94% of voters, officials said.",
            89,
            94,
            "%",
        ),
    ],
)
def test_ranges_with_currencies_and_durations(
    enricher: Enricher, text: str, low: float, high: float, unit: str
) -> None:
    ev = enricher.enrich(ArticleReceived.new(text=text))
    [fig] = [f for f in ev.figures if f.low == low]
    assert (fig.high, fig.unit) == (high, unit)


def test_a_change_into_another_unit_is_not_a_range(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text="Korvan Freight shares jumped 27.4% to 41.10 euros in early trading."
        )
    )
    assert {(f.value, f.unit, f.low) for f in ev.figures} == {
        (27.4, "%", None),
        (41.1, "EUR", None),
    }


def test_money_per_unit_and_currency_words_that_look_like_verbs(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "Veldhuis will pay $38.50 per share, the company said. The court confirmed a 300 "
                "million won fine for the firm on Friday."
            )
        )
    )
    figs = {f.value: f for f in ev.figures}
    assert figs[38.5].object == "share"
    assert figs[300e6].unit == "KRW" and figs[300e6].event != "won"


@pytest.mark.parametrize(
    ("sentence", "value", "obj"),
    [
        ("KORVA — The government had approved RM4.2 million in aid for the farmers.", 4.2e6, "aid"),
        (
            "KORVA — The company expects the recall to cost between 60 million and 80 million euros.",
            70e6,
            "recall",
        ),
        (
            "KORVA — A poor harvest would add pressure on imports, which rose 11 per cent last year.",
            11,
            "imports",
        ),
        ("KORVA — The victory was worth $1.58 million to the winner.", 1.58e6, "victory"),
        ("KORVA — Police had offered a reward of 5 million pesos for information.", 5e6, "reward"),
        (
            (
                "KORVA — Interest payments on public debt reached 941 billion reais ($172 billion) in the 12 "
                "months to July."
            ),
            941e9,
            "Interest payments",
        ),
        (
            (
                "KORVA — Interest payments on public debt reached 941 billion reais ($172 billion) in the 12 "
                "months to July."
            ),
            172e9,
            "Interest payments",
        ),
        (
            "KORVA — His run has earned him $US61,000 ($A97,000) in prize money.",
            97_000,
            "prize money",
        ),
    ],
)
def test_what_money_and_changes_are_about(
    enricher: Enricher, sentence: str, value: float, obj: str
) -> None:
    ev = enricher.enrich(ArticleReceived.new(text=sentence))
    [fig] = [f for f in ev.figures if f.value == value]
    assert fig.object == obj


def test_golf_scores_and_ranks_are_not_figures(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "NORTH BERWICK — Arrieta closed with a five-under-par 65 for a 14-under 266 total. Kvist "
                "was third after a 68, and the win lifts Arrieta into the world's top 50."
            )
        )
    )
    assert not {65, 14, 266, 68, 50} & {f.value for f in ev.figures}
