"""A company's or brand's name the typer made a place (stages/brand_types.py). Made-up names,
with the registry lists patched, so no real list decides the test."""

import pytest
from newsflow_enrich.stages import brand_types
from newsflow_enrich.stages.registry import STRONG, Registry

from tests.unit.enrich.registries import placed


@pytest.fixture(autouse=True)
def _lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(brand_types, "brands", lambda: frozenset({"Quillstack", "Tarnova"}))
    monkeypatch.setattr(brand_types, "listed_companies", lambda: frozenset())
    monkeypatch.setattr(brand_types, "places", lambda: {"Tarnova": "city"})


def _typed(text: str, name: str) -> Registry:
    return placed(brand_types.retype, text, name)


def test_a_brand_the_typer_made_a_place_is_an_organisation() -> None:
    text = "He posted on Quillstack under a new handle. The Quillstack posts were removed."
    assert _typed(text, "Quillstack").type_of("Quillstack") == "ORG"


def test_a_brand_read_as_a_place_stays_a_place() -> None:
    text = "Fires spread across the Quillstack this summer, the agency said."
    assert _typed(text, "Quillstack").type_of("Quillstack") == "LOC"
    text = "A landslide hit Quillstack, Vellmar Prefecture, on Friday."
    assert _typed(text, "Quillstack").type_of("Quillstack") == "LOC"


def test_a_brand_the_gazetteer_lists_stays_a_place() -> None:
    text = "Buses to Tarnova were cancelled."
    assert _typed(text, "Tarnova").type_of("Tarnova") == "LOC"


def test_a_name_with_an_organisation_s_head_word_the_typer_made_a_place_is_one() -> None:
    text = "Volunteers of Harrowgate Relief Services and Quellmoor Partners arrived on Monday."
    for name in ("Harrowgate Relief Services", "Quellmoor Partners"):
        assert _typed(text, name).type_of(name) == "ORG", name


def test_a_place_with_such_a_head_word_stays_a_place() -> None:
    text = "Raids across the West Bank and in Tarnova Court went on overnight."
    assert _typed(text, "West Bank").type_of("West Bank") == "LOC"
    text = "Buses to Tarnova were cancelled."
    assert _typed(text, "Tarnova").type_of("Tarnova") == "LOC"


def _person(text: str, name: str, votes: int = 1, others: tuple[str, ...] = ()) -> Registry:
    reg = Registry()
    reg.add(name, "PERSON", text.index(name), weight=votes)
    for other in others:
        reg.add(other, "PERSON", text.index(other))
    brand_types.retype(reg, text)
    return reg


def test_a_brand_spacy_made_a_person_is_an_organisation() -> None:
    text = "Quillstack said on Monday that it would hire 200 engineers."
    assert _person(text, "Quillstack").type_of("Quillstack") == "ORG"


def test_a_brand_a_title_made_a_person_stays_a_person() -> None:
    text = "Ms Quillstack said on Monday that she would hire 200 engineers."
    assert _person(text, "Quillstack", votes=STRONG).type_of("Quillstack") == "PERSON"


def test_a_brand_that_is_a_person_s_surname_stays_a_person() -> None:
    text = "Ada Quillstack founded it. Quillstack said on Monday that she would hire."
    reg = _person(text, "Quillstack", others=("Ada Quillstack",))
    assert reg.type_of("Quillstack") == "PERSON"


def test_a_person_the_lists_do_not_hold_stays_a_person() -> None:
    text = "Verrin Hal said on Monday that he would hire 200 engineers."
    assert _person(text, "Verrin Hal").type_of("Verrin Hal") == "PERSON"
