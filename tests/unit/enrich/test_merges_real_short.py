"""Organisations named by a shorter form of their full name (stages/name_parts.py, after the
typer), found as general shapes on real pages. Made-up names, so no curated table can answer."""

import spacy
from newsflow_enrich.stages import resolve
from newsflow_enrich.stages.registry import Registry


def _run(text: str, tagged: list[tuple[str, str, str]]) -> Registry:
    """Candidates tagged at the first print of each (form, type, after) after `after`."""
    reg = Registry()
    for form, type_, after in tagged:
        reg.add(form, type_, text.index(form, text.index(after) if after else 0))
    resolve.run(spacy.blank("en")(text), reg)
    resolve.after_typer(reg, text)
    return reg


def test_an_organisation_is_named_by_the_first_words_of_its_full_name() -> None:
    text = (
        "Lawyers at Brannock Welde advised the buyer. A spokesman for Brannock said the deal "
        "closed, and Brannock will be paid in shares."
    )
    reg = _run(text, [("Brannock Welde", "ORG", ""), ("Brannock", "ORG", "spokesman")])
    assert reg.by_form["Brannock"] == "Brannock Welde"


def test_no_first_words_where_the_rest_is_a_unit_or_two_names_begin_so() -> None:
    text = (
        "The Corvane Budget Committee met at noon. Corvane said the Tessell Rowe and "
        "Tessell Kade deal is off; Tessell declined to comment. The Centre for Dale met, and the "
        "Centre said no."
    )
    reg = _run(
        text,
        [
            ("Corvane Budget Committee", "ORG", ""),
            ("Corvane", "ORG", "Corvane said"),
            ("Tessell Rowe", "ORG", ""),
            ("Tessell Kade", "ORG", ""),
            ("Tessell", "ORG", "Tessell declined"),
            ("Centre for Dale", "ORG", ""),
            ("Centre", "ORG", "Centre said"),
        ],
    )
    assert reg.by_form["Corvane"] == "Corvane"  # the whole, not its committee
    assert reg.by_form["Tessell"] == "Tessell"  # which of two is not said
    assert reg.by_form["Centre"] == "Centre"  # "X for Y": not by this rule


def test_an_organisation_of_a_place_is_named_by_the_words_before_of() -> None:
    text = (
        "Rates rose after the Bank of Velmor met. The Bank said inflation would fall, and the "
        "Bank's governor agreed."
    )
    reg = _run(text, [("Bank of Velmor", "ORG", ""), ("Bank", "ORG", "The Bank said")])
    assert reg.by_form["Bank"] == "Bank of Velmor"


def test_no_words_before_of_where_they_were_printed_before_the_full_name() -> None:
    text = "The Bank said rates would hold. Later the Bank of Velmor raised them."
    reg = _run(text, [("Bank", "ORG", ""), ("Bank of Velmor", "ORG", "")])
    assert reg.by_form["Bank"] == "Bank"


def test_no_first_words_before_the_full_name_is_printed() -> None:
    text = "Marlowe said profits rose. Marlowe Kettering, the bank, later confirmed it."
    reg = _run(text, [("Marlowe", "ORG", ""), ("Marlowe Kettering", "ORG", "")])
    assert reg.by_form["Marlowe"] == "Marlowe"


def test_a_short_name_typed_a_place_no_gazetteer_lists_joins_the_company() -> None:
    text = (
        "Shares of Quendrix Biotherapeutics rose. Quendrix said the trial worked. Staff of "
        "Alaska Ferry Lines flew to Alaska."
    )
    reg = _run(
        text,
        [
            ("Quendrix Biotherapeutics", "ORG", ""),
            ("Quendrix", "LOC", "Quendrix said"),
            ("Alaska Ferry Lines", "ORG", ""),
            ("Alaska", "LOC", "to Alaska"),
        ],
    )
    assert reg.by_form["Quendrix"] == "Quendrix Biotherapeutics"
    assert reg.by_form["Alaska"] == "Alaska"  # a listed place stays the place


def test_a_company_named_after_a_person_is_named_by_the_surname() -> None:
    text = (
        "The drug maker Lionel Brask Inc. won approval. Brask said sales rose. At Gloria Vant "
        "Ltd., Vant staff and Ruth Vant disagreed."
    )
    reg = _run(
        text,
        [
            ("Lionel Brask Inc.", "ORG", ""),
            ("Brask", "ORG", "Brask said"),
            ("Gloria Vant Ltd.", "ORG", ""),
            ("Vant", "ORG", "Vant staff"),
            ("Ruth Vant", "PERSON", ""),
        ],
    )
    assert reg.by_form["Brask"] == "Lionel Brask Inc."
    assert reg.by_form["Vant"] != "Gloria Vant Ltd."  # a person of the article has the surname


def test_no_first_words_into_a_headline_read_as_one_name() -> None:
    text = (
        "Corvane Fixes GX, But Bugs Remain The maker shipped a fix for its Gate Explorer (GX) "
        "tool. Corvane said more fixes follow."
    )
    reg = _run(
        text,
        [
            ("Corvane Fixes GX", "ORG", ""),
            ("GX", "ORG", "(GX)"),
            ("Corvane", "ORG", "Corvane said"),
        ],
    )
    assert reg.by_form["Corvane"] == "Corvane"  # "GX" is another name of the article


def test_no_first_words_into_a_name_that_swallowed_a_title_nor_a_founder_slip() -> None:
    text = (
        "The Tarnby Fire Service Capt Ola Berg said the blaze spread. Tarnby Fire Service crews "
        "stayed. Lena said Brask was wrong, Lena told Brask on Monday."
    )
    reg = _run(
        text,
        [
            ("Tarnby Fire Service Capt", "ORG", ""),
            ("Tarnby Fire Service", "ORG", "Tarnby Fire Service crews"),
            ("Lena told Brask", "ORG", ""),
            ("Brask", "ORG", "Brask was"),
        ],
    )
    assert reg.by_form["Tarnby Fire Service"] == "Tarnby Fire Service"
    assert reg.by_form["Brask"] == "Brask"


def test_a_longer_name_typed_misc_is_no_second_organisation_that_begins_so() -> None:
    text = (
        "Quorvex Communications is launching a streaming service. At the home of Quorvex CIO "
        "Dana Holt, Quorvex executives showed Quorvex Fios TV. Quorvex said prices stay."
    )
    reg = _run(
        text,
        [
            ("Quorvex Communications", "ORG", ""),
            ("Quorvex CIO", "MISC", ""),
            ("Quorvex Fios TV", "MISC", ""),
            ("Quorvex", "ORG", "Quorvex executives"),
        ],
    )
    assert reg.by_form["Quorvex"] == "Quorvex Communications"
    assert reg.by_form["Quorvex CIO"] == "Quorvex CIO"  # left as it was


def test_a_place_by_its_city_of_name_unless_the_long_name_is_a_place_of_its_own() -> None:
    text = (
        "Officials of the City of Quendale met. Quendale has 1,200 people. The State Of Varnia "
        "agreed, and Varnia will pay. Banks in the City of London and London shops closed."
    )
    reg = _run(
        text,
        [
            ("City of Quendale", "LOC", ""),
            ("Quendale", "LOC", "Quendale has"),
            ("State Of Varnia", "LOC", ""),
            ("Varnia", "LOC", "Varnia will"),
            ("City of London", "LOC", ""),
            ("London", "LOC", "London shops"),
        ],
    )
    assert reg.by_form["City of Quendale"] == "Quendale"
    assert reg.by_form["State Of Varnia"] == "Varnia"
    assert reg.by_form["City of London"] == "City of London"  # the gazetteer's own place


def test_a_one_word_name_typed_misc_joins_the_one_organisation_it_begins() -> None:
    text = (
        "Brellwick International warned on Monday. Brellwick said the law was harsh. QTV News "
        "reported it, and QTV said more."
    )
    reg = _run(
        text,
        [
            ("Brellwick International", "ORG", ""),
            ("Brellwick", "MISC", "Brellwick said"),
            ("QTV News", "ORG", ""),
            ("QTV", "MISC", "QTV said"),
        ],
    )
    assert reg.by_form["Brellwick"] == "Brellwick International"
    assert reg.by_form["QTV"] == "QTV"  # capitals: as often a name of its own
