"""The event of a count no verb governs is the clause on its noun (stages/figure_events.event_of),
on made-up sentences of the shapes met on real news pages: the rules alone."""

import pytest
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages.figures import candidates


def events(enricher: Enricher, sentence: str) -> dict[str, str | None]:
    figs, _ = candidates(enricher.nlp(sentence))
    return {f.text: f.event for f in figs}


@pytest.mark.parametrize(("sentence", "text", "event"), [
    ("The mayor met with the 3,000 workers who walked out on Monday.", "3,000", "walked"),
    ("There were 412 patients waiting for beds at the clinic.", "412", "waiting"),
    ("The cup was decided with all 16 clubs playing at one ground.", "16", "playing"),
])  # fmt: skip
def test_the_clause_on_a_noun_no_verb_governs_is_its_event(
    enricher: Enricher, sentence: str, text: str, event: str
) -> None:
    assert events(enricher, sentence)[text] == event


@pytest.mark.parametrize(("sentence", "text", "event"), [
    # the governing verb's object: what was done to them
    ("The agency hired 40 engineers who moved from Oslo.", "40", "hired"),
    # a recipient of what was given: the giving
    ("The fund gave grants to 25 schools that serve rural towns.", "25", "gave"),
])  # fmt: skip
def test_a_governed_noun_keeps_its_verb(
    enricher: Enricher, sentence: str, text: str, event: str
) -> None:
    assert events(enricher, sentence)[text] == event
