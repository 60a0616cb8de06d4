"""Which stories are sports stories (clubs.is_sport): the entity rules read them apart."""

from newsflow_enrich.stages import clubs

_FILLER = (
    "The committee met again on Thursday to discuss the budget, the schools and the roads, "
    "and its members said they would publish a report on the housing plan next month. "
)


def test_a_match_report_is_a_sports_story() -> None:
    text = (
        "Kestrel United beat Harbor City 2-1 in the league on Saturday. The striker scored "
        "twice before halftime, and the coach praised the squad after the match."
    )
    assert clubs.is_sport(text)


def test_a_long_story_that_uses_sports_words_in_passing_is_none() -> None:
    text = (
        "The rocket's final stage failed to reach its goal. "
        + _FILLER * 10
        + "Workers were owed overtime, and the firm paid a penalty. "
        + _FILLER * 10
    )
    assert not clubs.is_sport(text)
