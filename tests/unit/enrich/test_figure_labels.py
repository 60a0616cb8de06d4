"""Numbers that label or place rather than count (stages/number_labels.py): made-up sentences in
the shapes met on real dev pages."""

import pytest
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages.figures import candidates


def rule_values(enricher: Enricher, sentence: str) -> list[float]:
    """The rules' figures, the learned filter left out (it would hide what the rules do)."""
    figs, _ = candidates(enricher.nlp(sentence))
    return [f.value for f in figs]


@pytest.mark.parametrize("sentence", [
    "Police were called about 50 minutes after the crash.",
    "Ten hours later, he was released on bail.",
    "The painting, a 1761 work by Chardin, set a record.",
    "A small 2025 study found that runners slept better.",
    "The launch slipped to late 2020, the agency said.",
    "Our oldest finds are from around 500 BC, the team said.",
    "The shooting happened in the 23300 block of Edmond Street.",
    "It is unclear if the 13-inch MacBook Pro will follow suit.",
    "Power goes to the rear wheels via a 10-speed automatic transmission.",
    "How iOS 13 FaceTime works is simple.",
    "The show featured in episode two, where a trial collapses.",
    "They won again in game four of the semifinals.",
    "Highlights from day six of the Olympics follow.",
    "She was diagnosed with stage three breast cancer in 2005.",
    "Holtz said the Big Ten would have a team in the playoff.",
])  # fmt: skip
def test_labels_and_placed_times_are_not_figures(enricher: Enricher, sentence: str) -> None:
    assert rule_values(enricher, sentence) == []


@pytest.mark.parametrize(("sentence", "values"), [
    ("The lab sold the samples in the two months after the fire.", [2]),  # a span of time
    ("He was sentenced to two years in prison.", [2]),
    ("The tablet has a 14-inch display.", [14]),  # a size, not a model's name
    ("Officials counted 2014 ballots in the village.", [2014]),  # a plural noun: a count
    ("On the day three people died, the town was quiet.", [3]),  # "three" counts the people
])  # fmt: skip
def test_durations_sizes_and_counts_stay(enricher: Enricher, sentence: str,
                                        values: list[float]) -> None:  # fmt: skip
    assert rule_values(enricher, sentence) == values


@pytest.mark.parametrize("sentence", [
    "In March, The Nolans singer, 64, gave a devastating update on her illness.",
    "We thank them for their tenderness with Cameron who was only 17 at the time.",
    "Daniel Whitmore, 58, was convicted on Friday.",
])  # fmt: skip
def test_ages_are_not_figures(enricher: Enricher, sentence: str) -> None:
    assert rule_values(enricher, sentence) == []


def test_a_count_between_commas_after_a_thing_stays(enricher: Enricher) -> None:
    assert rule_values(enricher, "The plant, 64, closed.") == [64]


@pytest.mark.parametrize("sentence", [
    "Version notes for GrooveDB 4.2 list a faster index.",  # a version after a coined name
    "The 7Bolt 48 Keyboard ships in grey next month.",  # a number in a coined product name
    "The phones work on 4G and 5G networks across the region.",  # a network's generation
])  # fmt: skip
def test_versions_and_generations_in_names_are_not_figures(enricher: Enricher,
                                                           sentence: str) -> None:  # fmt: skip
    assert rule_values(enricher, sentence) == []


def test_a_decimal_after_a_plain_name_stays(enricher: Enricher) -> None:
    # an amount may follow a name; a version follows a coined one ("GrooveDB 4.2")
    assert rule_values(enricher, "In all, the recall covers Toyota 1.5 million cars.") == [1.5e6]


def test_a_count_after_a_name_spelt_like_a_product_stays(enricher: Enricher) -> None:
    # "O'Neill" has a capital inside it, as "OpenVPN" has; a person's name is no product
    assert 2 in rule_values(enricher, "Reading won 3-1. Liam O'Neill 2 goals, 1 assist.")
