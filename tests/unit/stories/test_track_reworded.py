"""Figure tracks: the same value of the same noun under the same verb, told with other words
before the noun, is one count ("three subsea cables were damaged" ... "three undersea cables
were damaged"); not two names before it, not two objects one article tells apart. Made-up
reports of an invented storm off Vessa."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Vessa": "LOC", "Corland": "LOC", "Marsh": "LOC"}

_report = reporter("A storm hit the coast of Vessa on Friday. ", "Storm off Vessa", ENTS)


def test_other_words_before_one_noun_are_one_count_at_the_same_value() -> None:
    a = _report("Three subsea cables were damaged by the storm.",
                [fig("Three", "subsea cables", "damaged", 3)])  # fmt: skip
    b = _report("The storm damaged three undersea cables, the operator said.",
                [fig("three", "undersea cables", "damaged", 3)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"damag|subsea cabl|": [3, 3]}


def test_two_names_or_two_counts_of_one_article_stay_apart() -> None:
    a = _report("Two Corland trawlers were sunk by the storm.",
                [fig("Two", "Corland trawlers", "sunk", 2)])  # fmt: skip
    b = _report("Two Marsh trawlers were sunk by the storm, and two fishing trawlers were sunk "
                "trying to help them.", [fig("Two", "Marsh trawlers", "sunk", 2),
                                         fig("two", "fishing trawlers", "sunk", 2)],
                hour=11)  # fmt: skip
    assert len(track_values(a, b)) == 3
