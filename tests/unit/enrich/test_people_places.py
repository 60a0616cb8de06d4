"""A person's full name the typer made a place (stages/people_places.py). Made-up surnames, with
the gazetteer and the company lists patched, so no real list decides the test."""

import pytest
from newsflow_enrich.stages import people_places, resolve
from newsflow_enrich.stages.registry import Registry

from tests.unit.enrich.registries import placed


@pytest.fixture(autouse=True)
def _lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people_places, "places", lambda: {"Dunmarrow": "city"})
    monkeypatch.setattr(people_places, "brands", lambda: frozenset())
    monkeypatch.setattr(people_places, "listed_companies", lambda: frozenset({"Helen Varga"}))


def _typed(text: str, name: str) -> Registry:
    return placed(people_places.retype, text, name)


def test_a_given_name_and_a_surname_the_typer_made_a_place_is_a_person() -> None:
    text = "The song was later covered by Margaret Quellbrook and two other singers."
    assert _typed(text, "Margaret Quellbrook").type_of("Margaret Quellbrook") == "PERSON"


def test_a_venue_or_a_gazetteer_place_stays_a_place() -> None:
    for text, name in [
        ("The band played Margaret Quellbrook Arena on Friday.", "Margaret Quellbrook Arena"),
        ("Guests stayed at Margaret Lodge for the weekend.", "Margaret Lodge"),
        ("Trains to Margaret Dunmarrow were cancelled.", "Margaret Dunmarrow"),
        ("West Quellbrook voted on Friday.", "West Quellbrook"),
        ("Shares of Helen Varga rose on Friday.", "Helen Varga"),  # a listed company
    ]:
        assert _typed(text, name).type_of(name) == "LOC", name


def test_a_name_printed_only_after_in_stays_a_place() -> None:
    text = "Floods hit homes in Margaret Quellbrook overnight."
    assert _typed(text, "Margaret Quellbrook").type_of("Margaret Quellbrook") == "LOC"


def test_the_person_then_takes_the_surname_alone() -> None:
    text = "The song was covered by Margaret Quellbrook in 1990. Quellbrook said it was her best."
    reg = Registry()
    reg.add("Margaret Quellbrook", "LOC", text.index("Margaret"))
    reg.cands["Margaret Quellbrook"].learned_type = "LOC"
    reg.add("Quellbrook", "PERSON", text.index("Quellbrook said"))
    resolve.after_typer(reg, text)
    assert reg.type_of("Margaret Quellbrook") == "PERSON"
    assert "Quellbrook" in reg.cands["Margaret Quellbrook"].forms
