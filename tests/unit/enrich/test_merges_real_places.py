"""Places by a shorter name on real pages (stages/resolve.py, surnames.py): what joins a region
or a natural feature and what stays apart. Made-up names, so no curated table or gazetteer can
answer."""

import spacy
from newsflow_enrich.stages import resolve
from newsflow_enrich.stages.registry import Registry


def test_a_greater_region_spacy_called_a_person_is_not_the_city_by_surname() -> None:
    # spaCy reads "Greater Tarrowby" as a person; "Tarrowby" alone is the city, its own place.
    text = (
        "As Greater Tarrowby enters a second lockdown, officials urged calm. Residents of "
        "Tarrowby queued for tests, and shops in Tarrowby closed early."
    )
    reg = Registry()
    reg.add("Greater Tarrowby", "PERSON", text.index("Greater"))
    reg.add("Tarrowby", "LOC", text.index("Tarrowby queued"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Tarrowby"] == "Tarrowby"
    assert reg.by_form["Greater Tarrowby"] == "Greater Tarrowby"


def test_the_head_word_of_the_only_gulf_of_x_is_that_gulf() -> None:
    text = (
        "Oil spilled into the Gulf of Marrowind in April. Crews say the oil never reached the "
        "Gulf's coast, but much of it is still in the Gulf."
    )
    reg = Registry()
    reg.add("Gulf of Marrowind", "LOC", text.index("Gulf of"))
    reg.add("Gulf", "LOC", text.rindex("Gulf"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Gulf"] == "Gulf of Marrowind"


def test_the_gulf_stays_apart_where_two_gulfs_of_x_are_named() -> None:
    text = (
        "Ships left the Gulf of Marrowind for the Gulf of Tessary. Storms hit the Gulf on Monday."
    )
    reg = Registry()
    reg.add("Gulf of Marrowind", "LOC", text.index("Gulf of M"))
    reg.add("Gulf of Tessary", "LOC", text.index("Gulf of T"))
    reg.add("Gulf", "LOC", text.rindex("Gulf"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Gulf"] == "Gulf"


def test_a_county_by_its_name_without_the_word_county() -> None:
    text = (
        "Flooding closed roads across Quellmoor County on Friday. Schools in Quellmoor will "
        "stay shut, the county said."
    )
    reg = Registry()
    reg.add("Quellmoor County", "LOC", text.index("Quellmoor County"))
    reg.add("Quellmoor", "LOC", text.index("Quellmoor will"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Quellmoor"] == "Quellmoor County"


def test_a_place_the_gazetteer_lists_is_no_short_form_of_an_organisation() -> None:
    # "Dundee" (spaCy: a place once; a city by the gazetteer) is the city, not the police
    # named after it; "Quarve" (spaCy: a place once, no place the gazetteer knows) is the firm.
    text = (
        "Staff of Dundee Police marched. The march ended in Dundee at noon. Quarve Capital "
        "bought the firm, and Quarve will keep the staff."
    )
    reg = Registry()
    for form, type_, after in [
        ("Dundee Police", "ORG", ""),
        ("Dundee", "LOC", "ended"),
        ("Quarve Capital", "ORG", ""),
        ("Quarve", "LOC", "and"),
    ]:
        reg.add(form, type_, text.index(form, text.index(after) if after else 0))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Dundee"] == "Dundee"
    assert reg.by_form["Quarve"] == "Quarve Capital"
