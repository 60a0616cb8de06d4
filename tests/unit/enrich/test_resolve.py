"""Entity resolution within an article (stages/resolve.py): mentions of one person or place
across titles, possessives, surnames typed as something else and state abbreviations. Made-up
names, so no curated table can answer."""

import re

import spacy
from newsflow_contracts.events import ArticleEnriched, ArticleReceived
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import resolve
from newsflow_enrich.stages.registry import Registry


def _enrich(enricher: Enricher, text: str) -> ArticleEnriched:
    return enricher.enrich(ArticleReceived.new(text=text))


def _holding(ev: ArticleEnriched, form: str) -> list[str]:
    """The names of the entities that hold `form` (as name or alias)."""
    return [e.name for e in ev.entities if form in (e.name, *e.aliases)]


def test_a_title_before_a_surname_is_the_person(enricher: Enricher) -> None:
    ev = _enrich(enricher, (
        "CHICAGO (AP) — John Harwell, a former city treasurer, was charged on Tuesday with "
        "stealing $2 million from a pension fund, prosecutors said.\n\n"
        "Dr Harwell, as he is known to colleagues, taught economics for a decade. Harwell told "
        "reporters he was innocent. Senator Maria Okonjo said the case showed the need for "
        "reform. Senator Okonjo has called for an audit. The pension board is chaired by Ama "
        "Lewin, who was not charged. Prof Lewin declined to comment."))
    assert _holding(ev, "Harwell") == ["John Harwell"]
    assert _holding(ev, "Lewin") == ["Ama Lewin"]  # the title is its only use alone
    assert not [e for e in ev.entities if e.name in ("Dr Harwell", "Senator Okonjo", "Prof Lewin")]
    harwell = next(e for e in ev.entities if e.name == "John Harwell")
    assert harwell.mentions == 3


def test_a_possessive_with_an_apostrophe_look_alike_is_the_person(enricher: Enricher) -> None:
    text = ("Carrowʼs campaign spent $4 million, said Emily Carrow, the candidate. Supporters "
            "cheered Carrow‘s victory speech in Richmond. Carrow thanked them.")
    ev = _enrich(enricher, text)
    assert _holding(ev, "Carrow") == ["Emily Carrow"]
    assert not [e for e in ev.entities if e.name.startswith("Carrow")]
    carrow = next(e for e in ev.entities if e.name == "Emily Carrow")
    assert carrow.mentions == 4
    assert all(ev.body[s:e] in ("Carrow", "Emily Carrow") for s, e in carrow.spans)
    assert "Carrowʼs" in ev.body  # the body stays as printed


def test_a_surname_spacy_typed_org_joins_the_person_and_stays_a_person() -> None:
    text = ("Paul Brenning will step down. Brenning’s pay rose. Brenning’s successor is unknown. "
            "Brenning’s team will stay. Kestrel thanked Brenning.")
    reg = Registry()
    reg.add("Paul Brenning", "PERSON", 0)
    for m in re.finditer(r"Brenning(?!’)", text[5:]):
        reg.add("Brenning", "ORG", 5 + m.start())
    reg.add("Brenning", "ORG", 30)
    reg.add("Brenning", "ORG", 60)
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Brenning"] == "Paul Brenning"
    assert reg.type_of("Paul Brenning") == "PERSON"


def test_a_state_abbreviation_after_a_city_is_a_place(enricher: Enricher) -> None:
    # As bench/real/ANNOTATING.md annotates it: its own LOC, whatever spaCy called it.
    ev = _enrich(enricher, (
        "Shoppers in Mesa, AZ, Hartford, CT, Newark, NJ, and Austin, TX, said prices rose. "
        "Stores in Tampa, FL, and Fresno, CA, reported the same."))
    types = {e.name: e.type for e in ev.entities}
    for code in ("AZ", "CT", "NJ", "TX", "FL", "CA"):
        assert types.get(code) == "LOC", (code, types)
