"""Merges of people found on real pages (stages/resolve.py): nicknames, peers and titles,
generations, relatives and families, a surname inside a thing named after the person. Made-up
names, so no curated table can answer."""

import pytest
import spacy
from newsflow_enrich.stages import resolve, surnames
from newsflow_enrich.stages.registry import Registry


def test_a_nickname_of_a_given_name_is_the_person() -> None:
    text = (
        "Patrick W. Dunleavy, 55, was sentenced on Monday for threats made by phone last spring "
        "to a member of the state legislature, the district attorney's office said in a "
        "statement. He could face up to ten years in prison and a fine of $250,000 at most. "
        "Pat Dunleavy is passionate, his lawyer said. "
        "Geoffrey Marsh wrote the report; Geoff said so. Chris Hale and Christine Hale spoke."
    )
    reg = Registry()
    reg.add("Patrick W. Dunleavy", "PERSON", 0)
    reg.add("Pat Dunleavy", "PERSON", text.index("Pat Dunleavy"))
    reg.add("Geoffrey Marsh", "PERSON", text.index("Geoffrey"))
    reg.add("Geoff", "PERSON", text.index("Geoff said"))
    reg.add("Chris Hale", "PERSON", text.index("Chris Hale"))
    reg.add("Christine Hale", "PERSON", text.index("Christine"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Pat Dunleavy"] == "Patrick W. Dunleavy"
    assert "Dunleavy" not in reg.by_form  # printed alone nowhere ("W." is an initial)
    assert reg.by_form["Geoff"] == "Geoffrey Marsh"
    assert reg.by_form["Chris Hale"] == "Chris Hale"  # named together: two people


def test_a_nickname_in_quotation_marks_inside_a_name_is_the_person() -> None:
    text = (
        "Park “Ruler” Jae-hyuk lifted the trophy. Ruler said the team had worked for it. "
        "The Riverside “Open” Arena was full."
    )
    reg = Registry()
    reg.add("Ruler", "ORG", text.index("Ruler said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Ruler"] == "Park “Ruler” Jae-hyuk"
    assert reg.type_of("Park “Ruler” Jae-hyuk") == "PERSON"
    assert "Open" not in reg.by_form  # a place's name, not a person's


def test_a_quoted_nickname_joins_the_name_printed_without_it() -> None:
    text = "Han “Hana” Vell runs the shop. Han Vell opened it in 2010. Hana said it grew."
    reg = Registry()
    reg.add("Han Vell", "PERSON", text.index("Han Vell"))
    reg.add("Hana", "PERSON", text.index("Hana said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Hana"] == "Han Vell"
    assert reg.by_form["Han “Hana” Vell"] == "Han Vell"  # one person, not two


def test_a_senior_and_a_junior_are_two_people() -> None:
    text = "Orrin Dale Snr and Orrin Dale Jnr ran the bar. Orrin Dale said it was family-run."
    reg = Registry()
    reg.add("Orrin Dale Snr", "PERSON", 0)
    reg.add("Orrin Dale Jnr", "PERSON", text.index("Orrin Dale Jnr"))
    resolve.run(spacy.blank("en")(text), reg)
    assert "Orrin Dale Snr" in reg.cands and "Orrin Dale Jnr" in reg.cands


def test_a_given_name_and_a_generation_is_the_full_name_with_that_generation() -> None:
    text = "Orrin Dale Snr and Orrin Dale Jnr ran the bar. Orrin Snr said his son, Orrin Jnr, won."
    reg = Registry()
    reg.add("Orrin Dale Snr", "PERSON", 0)
    reg.add("Orrin Dale Jnr", "PERSON", text.index("Orrin Dale Jnr"))
    reg.add("Orrin Snr", "PERSON", text.index("Orrin Snr"))
    reg.add("Orrin Jnr", "PERSON", text.index("Orrin Jnr"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Orrin Snr"] == "Orrin Dale Snr"
    assert reg.by_form["Orrin Jnr"] == "Orrin Dale Jnr"


def test_a_peer_keeps_the_title_he_is_named_by() -> None:
    # "Lord Marlow" is how the story names Kenneth Marlow, a peer: the titled form is his too.
    text = "Kenneth Marlow, a former minister, spoke. Lord Marlow said the bill was wrong."
    reg = Registry()
    reg.add("Kenneth Marlow", "PERSON", 0)
    reg.add("Lord Marlow", "PERSON", text.index("Lord"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Lord Marlow"] == reg.by_form["Marlow"] == "Kenneth Marlow"


def test_lady_beside_sir_is_his_wife() -> None:
    # A knight's wife is "Lady Penwick": not him, while "Penwick" alone still is.
    text = (
        "Sir Arlo Penwick defended the gifts. Lady Penwick wore a loaned dress. Penwick said "
        "the rules were followed."
    )
    reg = Registry()
    reg.add("Arlo Penwick", "PERSON", text.index("Arlo"))
    reg.add("Lady Penwick", "PERSON", text.index("Lady"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Penwick"] == "Arlo Penwick"
    assert reg.by_form["Lady Penwick"] == "Lady Penwick"


def test_a_peer_is_named_by_title_where_spacy_tagged_the_surname_alone() -> None:
    text = (
        "The test came in with Kenneth Marlow, now Lord Marlow of Dunby, as minister. "
        "Asked about it, Lord Marlow said it was fair."
    )
    reg = Registry()
    reg.add("Kenneth Marlow", "PERSON", text.index("Kenneth"))
    reg.add("Marlow", "PERSON", text.index("Marlow said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Lord Marlow"] == reg.by_form["Lord Marlow of Dunby"] == "Kenneth Marlow"


def test_a_middle_initial_or_generation_printed_where_spacy_saw_no_name_joins_the_person() -> None:
    text = (
        "Dorian Wendell Quarry spoke on Monday. Tobin Marsh threw twice.\n\n"
        "Dorian W. Quarry Lane County Jail\n\nTobin Marsh III Photo Agency"
    )
    reg = Registry()
    reg.add("Dorian Wendell Quarry", "PERSON", 0)
    reg.add("Tobin Marsh", "PERSON", text.index("Tobin"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Dorian W. Quarry"] == "Dorian Wendell Quarry"
    assert reg.by_form["Tobin Marsh III"] == "Tobin Marsh"


def test_a_given_name_after_i_am_is_used_alone() -> None:
    text = 'Tomas Brell founded the firm. He said: "I\'m Tomas." Tomas Brell smiled.'
    reg = Registry()
    reg.add("Tomas Brell", "PERSON", 0)
    reg.add("Tomas", "PERSON", text.index('Tomas."'))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Tomas"] == "Tomas Brell"


def test_a_surname_before_family_names_the_family_not_the_person() -> None:
    text = "The Quarrie family had planned to drive. “It cost a fortune,” Delia Quarrie said."
    reg = Registry()
    reg.add("Delia Quarrie", "PERSON", text.index("Delia"))
    reg.add("Quarrie", "PERSON", text.index("Quarrie family"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Quarrie"] == "Quarrie"


def test_a_surname_two_generations_share_is_neither_s() -> None:
    text = (
        "Orrin Dale Snr and Orrin Dale Jnr ran the bar. Orrin Dale, 30, took it over in May. "
        "Dale said it was family-run."
    )
    reg = Registry()
    reg.add("Orrin Dale Snr", "PERSON", 0)
    reg.add("Orrin Dale Jnr", "PERSON", text.index("Orrin Dale Jnr"))
    reg.add("Orrin Dale", "PERSON", text.index("Orrin Dale,"))
    reg.add("Dale", "PERSON", text.index("Dale said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Dale"] == "Dale"


def test_a_spanish_first_surname_in_the_middle_is_the_person() -> None:
    # "Benítez" of "Lucía Benítez Ortiz": the first of two surnames, used alone; not a middle
    # given name ("Ann" of "Mary Ann Thorley").
    text = (
        "Marisol Quintero Vela, 40, won the vote. Quintero thanked her party. Mary Ann Thorley "
        "lost. Ann conceded."
    )
    reg = Registry()
    reg.add("Marisol Quintero Vela", "PERSON", 0)
    reg.add("Quintero", "PERSON", text.index("Quintero thanked"))
    reg.add("Mary Ann Thorley", "PERSON", text.index("Mary"))
    reg.add("Ann", "PERSON", text.index("Ann conceded"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Quintero"] == "Marisol Quintero Vela"
    assert reg.by_form["Ann"] == "Ann"


def test_a_relative_named_after_the_surname_s_possessive_does_not_share_it() -> None:
    text = (
        "Tamsin Orrell, 26, leads the local. Orrell said pay was low. Orrell’s mother, Ada "
        "Orrell, drives a van. Orrell filed a complaint."
    )
    reg = Registry()
    reg.add("Tamsin Orrell", "PERSON", 0)
    reg.add("Orrell", "ORG", text.index("Orrell said"))
    reg.add("Ada Orrell", "PERSON", text.index("Ada"))
    for name in reg.cands:
        reg.cands[name].learned_type = reg.type_of(name)
    resolve.after_typer(reg, text)
    assert reg.by_form["Orrell"] == "Tamsin Orrell"
    assert reg.by_form["Ada Orrell"] == "Ada Orrell"


def test_a_surname_only_inside_a_thing_named_after_the_person_is_not_used_alone() -> None:
    # "Pellman’s Law", "the Vantori network": the law or group, not the person by surname.
    text = (
        "The engineer Greta Pellman coined Pellman’s Law in 1990. Anas Vantori, the brother of "
        "Sirajuddin Vantori, helps lead the Vantori network, officials said."
    )
    reg = Registry()
    reg.add("Greta Pellman", "PERSON", text.index("Greta"))
    reg.add("Anas Vantori", "PERSON", text.index("Anas"))
    reg.add("Sirajuddin Vantori", "PERSON", text.index("Sirajuddin"))
    resolve.run(spacy.blank("en")(text), reg)
    assert "Pellman" not in reg.by_form
    assert "Vantori" not in reg.by_form


def test_a_surname_used_alone_beside_a_thing_named_after_the_person_is_the_person() -> None:
    text = "Greta Pellman coined Pellman’s Law in 1990. Pellman said it still holds."
    reg = Registry()
    reg.add("Greta Pellman", "PERSON", 0)
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Pellman"] == "Greta Pellman"


def test_a_given_name_before_and_a_relative_sharing_the_surname_is_no_alias() -> None:
    text = (
        "Edda Kettleby, 41, and her father, Ron Kettleby, 70, were sentenced on Friday. Ron and "
        "Edda Kettleby had denied the charge."
    )
    reg = Registry()
    reg.add("Edda Kettleby", "PERSON", 0)
    reg.add("Ron Kettleby", "PERSON", text.index("Ron Kettleby"))
    reg.add("Ron", "PERSON", text.index("Ron and"))
    resolve.run(spacy.blank("en")(text), reg)
    assert "Ron" not in reg.by_form
    assert reg.by_form["Ron Kettleby"] == "Ron Kettleby"


def test_a_given_name_used_alone_is_still_the_person() -> None:
    text = "Ron Kettleby, 70, was sentenced on Friday. Ron and his lawyer left the court."
    reg = Registry()
    reg.add("Ron Kettleby", "PERSON", 0)
    reg.add("Ron", "PERSON", text.index("Ron and"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Ron"] == "Ron Kettleby"


def test_a_surname_two_people_share_goes_to_the_one_named_with_its_title() -> None:
    text = (
        "The widow of slain County Deputy Corin Walby thanked the town. Ada Walby said she "
        "misses him. Deputy Walby and his partner were answering a call when a man shot Walby."
    )
    reg = Registry()
    reg.add("Corin Walby", "PERSON", text.index("Corin"))
    reg.add("Ada Walby", "PERSON", text.index("Ada"))
    reg.add("Walby", "PERSON", text.rindex("Walby"))
    resolve.after_typer(reg, text)
    assert reg.by_form["Walby"] == "Corin Walby"


def test_a_run_of_words_over_a_surname_is_not_its_owner() -> None:
    # spaCy's "Harbourside for Pell" (a place, "for" and the surname) is no second Pell.
    text = (
        "The singer Dorian Pell and his wife moved to Harbourside. Since they moved to "
        "Harbourside for Pell to record, the producer Pell has spent most days in the studio."
    )
    reg = Registry()
    reg.add("Dorian Pell", "PERSON", text.index("Dorian"))
    reg.add("Harbourside for Pell", "PERSON", text.index("Harbourside for"))
    reg.add("Pell", "PERSON", text.rindex("Pell"))
    surnames.merge_surnames(reg, text, kin=True)
    assert reg.by_form["Pell"] == "Dorian Pell"


def _after_typer(text: str, people: list[str], alone: str) -> Registry:
    reg = Registry()
    for name in people:
        reg.add(name, "PERSON", text.index(name))
        reg.cands[name].learned_type = "PERSON"
    reg.add(alone, "PERSON", text.index(alone + " "))
    reg.cands[alone].learned_type = "PERSON"
    resolve.after_typer(reg, text)
    return reg


def test_a_form_of_address_names_the_owner_of_its_gender() -> None:
    # Two people share "Vantreight"; "Mrs" names the woman, by the pronouns after each name.
    text = (
        "Odile Vantreight said she would stand again. Her husband Corin Vantreight was mayor "
        "before. Mrs Vantreight, 61, plans to announce her run in May."
    )
    reg = _after_typer(text, ["Odile Vantreight", "Corin Vantreight"], "Vantreight")
    assert reg.by_form["Vantreight"] == "Odile Vantreight"
    text = (
        "Corin Vantreight said he would stand again. His sister Odile Vantreight backs him. "
        "Mr Vantreight will announce his run in May."
    )
    reg = _after_typer(text, ["Corin Vantreight", "Odile Vantreight"], "Vantreight")
    assert reg.by_form["Vantreight"] == "Corin Vantreight"


@pytest.mark.parametrize(
    ("people", "text"),
    [
        (
            ["Odile Vantreight", "Corin Vantreight"],
            (
                "Odile Vantreight said she would stand. Corin Vantreight said he would not. "
                "Mrs Vantreight and Mr Vantreight met in May."
            ),
        ),
        (
            ["Odile Vantreight", "Mina Vantreight"],
            (
                "Odile Vantreight said she would stand. Mina Vantreight said she would not. "
                "Ms Vantreight spoke in May."
            ),
        ),
    ],
)
def test_forms_of_address_of_both_genders_or_one_gender_twice_decide_nothing(
    people: list[str], text: str
) -> None:
    reg = Registry()
    for name in people:
        reg.add(name, "PERSON", text.index(name))
    assert surnames._titled_gender(reg, people, "Vantreight", text) == []


def test_a_surname_after_a_sentence_s_conjunction_is_used_alone() -> None:
    text = "Tamsin Orrell runs the fund. But Orrell says the returns were thin."
    reg = Registry()
    reg.add("Tamsin Orrell", "PERSON", 0)
    reg.cands["Tamsin Orrell"].learned_type = "PERSON"
    resolve.after_typer(reg, text)
    assert "Orrell" in reg.cands["Tamsin Orrell"].forms
    text = "Tamsin Orrell ran the race. Her book, “Go Orrell! Go”, came out in May."
    reg = Registry()
    reg.add("Tamsin Orrell", "PERSON", 0)
    reg.cands["Tamsin Orrell"].learned_type = "PERSON"
    resolve.after_typer(reg, text)
    assert "Orrell" not in reg.cands["Tamsin Orrell"].forms


def test_a_surname_goes_to_the_one_person_named_in_full_before_it_after_the_typer() -> None:
    # Relatives named later ("his mother, Odile Quarrie") do not take the surname from the one
    # person of the story named before it is used alone; before the typer nothing moves.
    text = (
        "Tamsin Quarrie was 18 when the storm came. Quarrie said the water rose fast. Later "
        "that night, his mother, Odile Quarrie, and his uncle, Benn Quarrie, left by boat."
    )
    people = ["Tamsin Quarrie", "Odile Quarrie", "Benn Quarrie"]
    reg = _after_typer(text, people, "Quarrie")
    assert reg.by_form["Quarrie"] == "Tamsin Quarrie"
    reg = Registry()
    for name in [*people, "Quarrie"]:
        reg.add(name, "PERSON", text.index(name))
    surnames.merge_surnames(reg, text)
    assert reg.by_form["Quarrie"] == "Quarrie"


def test_a_surname_is_not_given_to_the_second_of_a_pair_who_share_it() -> None:
    # "Idris and Maelle Corvane": "Corvane" is either's; "Idris Corvane and Maelle Corvane"
    # names both in full.
    text = (
        "The gifts came from Idris and Maelle Corvane. Corvane has given to two candidates. "
        "Idris Corvane spoke later."
    )
    reg = _after_typer(text, ["Maelle Corvane", "Idris Corvane"], "Corvane")
    assert reg.by_form["Corvane"] == "Corvane"
    text = (
        "The gifts came from Maelle Corvane. Corvane has given to two candidates. Idris "
        "Corvane and Maelle Corvane spoke later."
    )
    reg = _after_typer(text, ["Maelle Corvane", "Idris Corvane"], "Corvane")
    assert reg.by_form["Corvane"] == "Maelle Corvane"


def test_a_person_stays_a_person_when_the_surname_spacy_called_a_company_joins() -> None:
    # After the typer, the surname alone (spaCy: ORG many times, the typer: PERSON) brings its
    # votes into the full name the typer left to them; the person's reading holds.
    text = "Orla Brenning runs the fund. Brenning said it grew. " + "Brenning agreed. " * 8
    reg = Registry()
    reg.add("Orla Brenning", "PERSON", 0)
    at = text.index("Brenning said")
    reg.add("Brenning", "ORG", at, weight=30)
    reg.cands["Brenning"].learned_type = "PERSON"
    resolve.after_typer(reg, text)
    assert reg.by_form["Brenning"] == "Orla Brenning"
    assert reg.type_of("Orla Brenning") == "PERSON"
