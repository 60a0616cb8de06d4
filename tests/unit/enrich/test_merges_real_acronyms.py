"""An acronym spelled by a run of capitalised words that spaCy did not tag as a name
(acronyms.spelled_out), a general shape seen on several real sites. Made-up names."""

import spacy
from newsflow_enrich.stages import resolve
from newsflow_enrich.stages.registry import Registry


def _run(text: str, tagged: list[tuple[str, str]]) -> Registry:
    reg = Registry()
    for form, type_ in tagged:
        reg.add(form, type_, text.index(form))
    resolve.run(spacy.blank("en")(text), reg)
    return reg


def test_an_acronym_names_the_organisation_whose_initials_it_spells() -> None:
    text = (
        "Officers from Harrowgate Vale Police closed the road. A spokesman for HVP said the "
        "order lasts two days. Talks between Ministers and the National Tanners' Union went on."
        "\n\nLast week, NTU members met."
    )
    reg = _run(text, [("HVP", "ORG"), ("NTU", "ORG")])
    assert reg.by_form["HVP"] == "Harrowgate Vale Police"
    assert reg.type_of("Harrowgate Vale Police") == "ORG"
    assert reg.by_form["NTU"] == "National Tanners' Union"


def test_no_acronym_from_part_of_a_longer_name_or_a_job_title() -> None:
    text = (
        "The Eastmoor Coastal Ferry Service said sailings resume. CFS crews agreed. Ana Ruiz, "
        "the Chief Design Officer, said CDO staff would move."
    )
    reg = _run(text, [("CFS", "ORG"), ("CDO", "ORG")])
    assert reg.by_form["CFS"] == "CFS"  # "Coastal Ferry Service" is inside a longer name
    assert reg.by_form["CDO"] == "CDO"  # "Officer" heads no organisation
    assert "Chief Design Officer" not in reg.cands


def test_a_tail_two_names_print_is_neither_ones() -> None:
    text = (
        "The Green Farmers Party won. The Sunrise Farmers Party of Eastland leader spoke, and "
        "SFPE members cheered. Later the Farmers Party split."
    )
    reg = _run(
        text,
        [
            ("Green Farmers Party", "ORG"),
            ("Sunrise Farmers Party", "ORG"),
            ("SFPE", "ORG"),
            ("Farmers Party", "ORG"),
        ],
    )
    resolve.after_typer(reg, text)
    assert reg.by_form["SFPE"] == "Sunrise Farmers Party of Eastland"
    assert reg.by_form["Farmers Party"] == "Farmers Party"  # the Green or the Sunrise one
