"""Figure tracks: the lede tells the news whatever year it names ("convicted ... of two counts of
murder in the 2019 shooting", a cold case's "murdering two dockers ... in 1979"), so its count is
tracked; a later sentence that names an older year still tells an older event. Made-up reports
of an invented trial in Harwick."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Harwick": "LOC", "Anchor Inn": "ORG"}

# No lede before the body: each report's first sentence is the figure's.
_report = reporter("", "Verdict in the Anchor Inn shooting", ENTS)


def test_the_ledes_old_year_is_the_news_and_a_later_ones_an_older_event() -> None:
    a = _report("A Harwick jury has convicted a porter of two counts of murder in the 2019 "
                "shooting at the Anchor Inn. He is sentenced in May.",
                [fig("two", "counts", "convicted", 2)])  # fmt: skip
    b = _report("A porter was found guilty of two counts of murder in the 2019 shooting at the "
                "Anchor Inn in Harwick. In 2012, a fire at the same pub killed four people.",
                [fig("two", "counts", "found", 2), fig("four", "people", "killed", 4)],
                hour=11)  # fmt: skip
    assert track_values(a, b) == {"convict|murder|": [2, 2]}
