"""Places real pages name that spaCy misses or mistypes (bench/real dev misses, session 21):
made-up names and text of the same shapes."""

from newsflow_contracts.events import ArticleEnriched, ArticleReceived
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import entities, shaped_names
from newsflow_enrich.stages.registry import Registry


def _enrich(enricher: Enricher, text: str) -> ArticleEnriched:
    return enricher.enrich(ArticleReceived.new(text=text))


def _forms(ev: ArticleEnriched, type_: str) -> set[str]:
    return {f for e in ev.entities if e.type == type_ for f in (e.name, *e.aliases)}


def test_streets_and_squares_are_places(enricher: Enricher) -> None:
    ev = _enrich(enricher, (
        "Officers have closed the following roads: Brantock Drive, Feltmoor Road and parts of "
        "Quillan Road, a spokesperson said on Tuesday.\n\nCampaigners want Veltenplatz and "
        "Morrisstrasse renamed before the summer."))  # fmt: skip
    places = _forms(ev, "LOC")
    assert {"Brantock Drive", "Feltmoor Road", "Quillan Road", "Veltenplatz",
            "Morrisstrasse"} <= places, places  # fmt: skip


def test_a_street_inside_a_longer_name_or_any_towns_main_street_is_none() -> None:
    reg = Registry()
    text = ("The Harrowgate Street Journal said shops on Main Street closed early. "
            "On Tessel Avenue the queue was long, and in Dunmere’s Corran Square and on West "
            "14th Street too; the Velsian Red Crescent helped.")  # fmt: skip
    shaped_names.streets(text, reg, [])
    assert set(reg.cands) == {"Tessel Avenue", "Corran Square", "West 14th Street"}, reg.cands


def test_a_person_named_like_a_street_stays_a_person() -> None:
    reg = Registry()
    reg.add("Marta Lane", "PERSON", 0)
    shaped_names.streets("Marta Lane said the vote would pass.", reg, [])
    assert reg.type_of("Marta Lane") == "PERSON"


def test_the_name_after_a_kind_of_place_and_of_is_a_place() -> None:
    reg = Registry()
    text = ("He fled the Veltish city of Orvane North, then the Dramsk district of Pellow, for a "
            "suburb of Kessing; the capital of Tarrow’s Lune region stayed calm.")  # fmt: skip
    shaped_names.places_of(text, reg)
    assert set(reg.cands) == {"Orvane North", "Pellow", "Kessing"}, reg.cands
    assert {reg.type_of(n) for n in reg.cands} == {"LOC"}


def test_a_members_seat_is_a_place() -> None:
    reg = Registry()
    text = ("Ana Brell, the MP for Kessing Vale, and the councillor for Orme spoke; so did a "
            "candidate for Senate.")  # fmt: skip
    shaped_names.places_of(text, reg)
    assert set(reg.cands) == {"Kessing Vale", "Orme"}, reg.cands


def test_a_name_printed_only_in_quotation_marks_is_no_person_or_place() -> None:
    text = "He called himself her “Sole Heir.” The “Velmar Gazette” and Ana Brell agreed."
    heir = (text.index("Sole"), text.index("Sole") + len("Sole Heir"))
    gazette = (text.index("Velmar"), text.index("Velmar") + len("Velmar Gazette"))
    brell = (text.index("Ana"), text.index("Ana") + len("Ana Brell"))
    assert entities._quoted_only([heir], text) and entities._quoted_only([gazette], text)
    assert not entities._quoted_only([brell], text)
    assert not entities._quoted_only([heir, brell], text)  # also printed bare
