"""Merges of organisations and places found on real pages (stages/resolve.py): acronyms, short
forms, teams, outlets, polity words. Made-up names, so no curated table can answer."""

import spacy
from newsflow_enrich.stages import resolve
from newsflow_enrich.stages.registry import Registry


def test_a_short_name_spacy_called_a_place_joins_the_company_once_the_typer_says_so() -> None:
    text = (
        "The fund Harrow Capital bought the paper. Harrow cut staff. Harrow sold it. Critics "
        "of Harrow were loud. Harrow declined to comment."
    )
    reg = Registry()
    reg.add("Harrow Capital", "ORG", text.index("Harrow Capital"))
    for k in range(4):
        reg.add("Harrow", "LOC", text.index("Harrow", text.index("Harrow Capital") + 1 + k))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Harrow"] == "Harrow"  # spaCy's four places: the rules keep it apart
    reg.cands["Harrow"].learned_type = "ORG"
    assert resolve.after_typer(reg, text)
    assert reg.by_form["Harrow"] == "Harrow Capital"


def test_an_institution_is_named_by_its_head_word_after_the() -> None:
    text = (
        "The Northland Parliament voted on Tuesday. Members of the Parliament said the Tarn "
        "District Council and the Vell District Council disagreed. The Council met later."
    )
    reg = Registry()
    reg.add("Northland Parliament", "ORG", text.index("Northland"))
    reg.add("Parliament", "ORG", text.index("Parliament said"))
    reg.add("Tarn District Council", "ORG", text.index("Tarn"))
    reg.add("Vell District Council", "ORG", text.index("Vell"))
    reg.add("Council", "ORG", text.index("Council met"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Parliament"] == "Northland Parliament"
    assert reg.by_form["Council"] == "Council"  # two councils: which one is not said


def test_an_acronym_may_keep_the_letter_of_of() -> None:
    text = "The Board of Harbour Pilots met. The BOHP said fees rise; the BHP did not comment."
    reg = Registry()
    reg.add("Board of Harbour Pilots", "ORG", text.index("Board"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["BOHP"] == "Board of Harbour Pilots"
    assert reg.by_form["BHP"] == "Board of Harbour Pilots"  # as before: without the "of"


def test_a_company_named_by_its_web_address_is_the_company() -> None:
    text = "Shares of Parcelo.com Inc. rose. Parcelo said sales grew, and Parcelo hired staff."
    reg = Registry()
    reg.add("Parcelo.com Inc.", "ORG", text.index("Parcelo.com"))
    reg.add("Parcelo", "ORG", text.index("Parcelo said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Parcelo"] == "Parcelo.com Inc."


def test_a_country_or_state_is_named_without_its_polity_word() -> None:
    text = (
        "The Kingdom of Velmaria signed the pact. Velmaria said it would comply. The State of "
        "New Castora sued; New Castora lost."
    )
    reg = Registry()
    reg.add("Kingdom of Velmaria", "LOC", text.index("Kingdom"))
    reg.add("Velmaria", "LOC", text.index("Velmaria said"))
    reg.add("State of New Castora", "LOC", text.index("State of"))
    reg.add("New Castora", "LOC", text.index("New Castora lost"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Velmaria"] == reg.by_form["Kingdom of Velmaria"]
    assert reg.by_form["New Castora"] == reg.by_form["State of New Castora"]


def test_a_city_is_not_the_strip_named_after_it() -> None:
    text = "Shelling hit the Velna Strip on Monday. Bakeries in Velna, the city, closed."
    reg = Registry()
    reg.add("Velna Strip", "LOC", text.index("Velna Strip"))
    reg.add("Velna", "LOC", text.index("Velna,"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Velna"] == "Velna"


def test_an_acronym_may_take_letters_from_inside_the_words_of_a_name() -> None:
    # "VW" for "Volkswagen", "WBG" for "Weibo Gaming": the first letter of each word, and
    # consonants inside them; not "EA" for "Eagles" (a vowel inside).
    text = (
        "Brannwerk unveiled a car. BW says it is a preview. Leibo Gaming won; LBG fans cheered. "
        "The Eagles lost. EA released a game."
    )
    reg = Registry()
    for name in ("Brannwerk", "BW", "Leibo Gaming", "LBG", "Eagles", "EA"):
        reg.add(name, "ORG", text.index(name))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["BW"] == "Brannwerk"
    assert reg.by_form["LBG"] == "Leibo Gaming"
    assert reg.by_form["EA"] == "EA"


def test_an_organisation_is_not_named_by_a_common_word_of_its_name() -> None:
    # "Health" (the text also says "health") is no short form of "Health Ministry"; "Orvale"
    # (a name, never in lower case) is one of "Orvale University".
    text = (
        "The Health Ministry said 40 health workers fell ill. Figures from the Ministry of "
        "Health were revised. Orvale University said Orvale would help."
    )
    reg = Registry()
    reg.add("Health Ministry", "ORG", text.index("Health Ministry"))
    reg.add("Orvale University", "ORG", text.index("Orvale University"))
    resolve.run(spacy.blank("en")(text), reg)
    assert "Health" not in reg.by_form
    assert reg.by_form["Orvale"] == "Orvale University"


def test_a_newspaper_is_the_last_word_of_its_name_after_the() -> None:
    text = (
        "The Dunmore Courant reported the sale. A spokesman told the Courant it was final. "
        "The Orwell Times and the Byford Times disagree; the Times of old would not."
    )
    reg = Registry()
    reg.add("Dunmore Courant", "ORG", text.index("Dunmore"))
    reg.add("Orwell Times", "ORG", text.index("Orwell"))
    reg.add("Byford Times", "ORG", text.index("Byford"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Courant"] == "Dunmore Courant"
    assert "Times" not in reg.by_form  # two papers end so


def test_an_organisation_spacy_tagged_by_its_last_words_after_the_full_name_is_one() -> None:
    text = (
        "The Westmere Progressive Caucus met on Monday. Later the Progressive Caucus voted. "
        "The Harbor Daily Ledger reported it."
    )
    reg = Registry()
    reg.add("Westmere Progressive Caucus", "ORG", 4)
    reg.add("Progressive Caucus", "ORG", text.index("Progressive Caucus voted"))
    reg.add("Harbor Daily Ledger", "ORG", text.index("Harbor"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Progressive Caucus"] == "Westmere Progressive Caucus"


def test_an_organisation_named_by_its_last_words_first_is_not_the_longer_name() -> None:
    # The shorter name comes first: a name of its own, not a short form of the longer one.
    text = "The Daily Ledger sold its rival. The Harbor Daily Ledger closed on Friday."
    reg = Registry()
    reg.add("Daily Ledger", "ORG", 4)
    reg.add("Harbor Daily Ledger", "ORG", text.index("Harbor"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Daily Ledger"] == "Daily Ledger"


def test_an_inner_letter_acronym_joins_a_name_the_typer_made_an_organisation() -> None:
    text = "Halvo Gaming lost the final. HVG fought back late. Nordflix aired it; NFX fans cheered."
    reg = Registry()
    reg.add("Halvo Gaming", "PERSON", 0)  # spaCy: a person
    reg.add("HVG", "ORG", text.index("HVG"))
    reg.add("Nordflix", "PERSON", text.index("Nordflix"))
    reg.add("NFX", "ORG", text.index("NFX"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["HVG"] == "HVG"
    reg.cands["Halvo Gaming"].learned_type = "ORG"
    reg.cands["Nordflix"].learned_type = "ORG"
    resolve.after_typer(reg, text)
    assert reg.by_form["HVG"] == "Halvo Gaming"
    # A one-word name's inner consonants fit too many acronyms ("NFL" in "Netflix").
    assert reg.by_form["NFX"] == "NFX"


def test_a_short_form_two_names_share_is_neither_s() -> None:
    text = (
        "Harwick United beat Dunmore United 2-1 on Saturday. United's manager praised the "
        "players. Harwick City lost."
    )
    reg = Registry()
    reg.add("Harwick United", "ORG", 0)
    reg.add("Dunmore United", "ORG", text.index("Dunmore"))
    reg.add("Harwick City", "ORG", text.index("Harwick City"))
    resolve.run(spacy.blank("en")(text), reg, sport=True)
    assert reg.by_form.get("United") in (None, "United")
    text = "Harwick United beat the visitors 2-1 on Saturday. United's manager praised them."
    reg = Registry()
    reg.add("Harwick United", "ORG", 0)
    resolve.run(spacy.blank("en")(text), reg, sport=True)
    assert reg.by_form["United"] == "Harwick United"


def _teams_registry(text: str, teams: list[str]) -> Registry:
    reg = Registry()
    for team in teams:
        reg.add(team, "ORG", text.index(team))
    for team in teams:
        reg.cands[team].learned_type = "ORG"
    return reg


def test_a_college_team_is_its_nickname_in_a_sports_story() -> None:
    text = (
        "Ohio State routed Purdue 41-7 on Saturday. The Buckeyes scored on their first three "
        "drives, and the Boilermakers never led. Pittsburgh lost too; the Panthers fell late."
    )
    reg = _teams_registry(text, ["Ohio State", "Purdue", "Pittsburgh"])
    assert resolve.after_typer(reg, text, sport=True)
    assert reg.by_form["Buckeyes"] == "Ohio State"
    assert reg.by_form["Boilermakers"] == "Purdue"
    assert "Panthers" not in reg.by_form  # Carolina's and Florida's too: not read from the table


def test_a_nickname_two_teams_of_the_story_share_is_neither_s() -> None:
    text = "Northwestern beat Kentucky. The Wildcats of Evanston were better than the Wildcats."
    reg = _teams_registry(text, ["Northwestern", "Kentucky"])
    resolve.after_typer(reg, text, sport=True)
    assert "Wildcats" not in reg.by_form


def test_outside_a_sports_story_a_nickname_joins_only_a_team_typed_an_organisation() -> None:
    text = (
        "Houston flooded again. The Cougars postponed practice; Purdue hired a Boilermakers coach."
    )
    reg = _teams_registry(text, ["Houston", "Purdue"])
    reg.cands["Houston"].learned_type = "LOC"  # the city
    assert resolve.after_typer(reg, text, sport=False)
    assert "Cougars" not in reg.by_form
    assert reg.by_form["Boilermakers"] == "Purdue"


def test_a_stock_ticker_in_brackets_is_no_name_of_the_company() -> None:
    text = "Shares of Kestrel Mining Corp (KMC.BO) rose 3%. KMC.BO has doubled this year."
    reg = Registry()
    reg.add("Kestrel Mining Corp", "ORG", text.index("Kestrel"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.cands["Kestrel Mining Corp"].forms == {"Kestrel Mining Corp"}


def test_a_place_named_after_a_person_is_named_without_the_given_name() -> None:
    text = (
        "Flights left Harold Vance Regional Airport late. Vance Regional Airport reopened at "
        "noon, and Corlan International Airport, which locals call Corlan Airport, too."
    )
    reg = Registry()
    for name in ("Harold Vance Regional Airport", "Vance Regional Airport",
                 "Corlan International Airport", "Corlan Airport"):  # fmt: skip
        reg.add(name, "LOC", text.index(name))
        reg.cands[name].learned_type = "LOC"
    resolve.after_typer(reg, text)
    assert reg.by_form["Vance Regional Airport"] == "Harold Vance Regional Airport"
    assert reg.by_form["Corlan Airport"] == "Corlan International Airport"


def test_a_long_acronym_may_take_a_word_s_second_letter() -> None:
    # "NASCOM": the "CO" of "Company"; a two-letter acronym may not ("EA" is no "Eagles").
    text = "Norland Aviation Services Company (the firm) grew. NASCOM hired 40 staff."
    reg = Registry()
    reg.add("Norland Aviation Services Company", "ORG", 0)
    reg.add("NASCOM", "ORG", text.index("NASCOM"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["NASCOM"] == "Norland Aviation Services Company"


def test_a_magazine_and_a_paper_are_named_by_their_first_or_last_word() -> None:
    text = (
        "Loftus Magazine broke the story in May; a Loftus article said so. The Harlow Times "
        "followed. A Times reporter asked the mayor. Tribune, the Morrow Tribune's owner, and "
        "the Morrow Tribune declined to comment; Tribune shares fell."
    )
    reg = Registry()
    for name in ("Loftus Magazine", "Loftus", "Harlow Times", "Times", "Tribune",
                 "Morrow Tribune"):  # fmt: skip
        reg.add(name, "ORG", text.index(name))
        reg.cands[name].learned_type = "ORG"
    resolve.after_typer(reg, text)
    assert reg.by_form["Loftus"] == "Loftus Magazine"
    assert reg.by_form["Times"] == "Harlow Times"
    assert reg.by_form["Tribune"] == "Tribune"  # said before the paper: its owner


def test_an_organisation_is_named_by_the_first_and_last_words_of_its_name() -> None:
    text = "The Corbel Ice Hockey League met. Corbel League clubs voted; the Corbel Cup went on."
    reg = Registry()
    for name in ("Corbel Ice Hockey League", "Corbel League", "Corbel Cup"):
        reg.add(name, "ORG", text.index(name))
        reg.cands[name].learned_type = "ORG"
    resolve.after_typer(reg, text)
    assert reg.by_form["Corbel League"] == "Corbel Ice Hockey League"
    assert reg.by_form["Corbel Cup"] == "Corbel Cup"


def test_an_organisation_is_named_without_the_place_it_begins_with() -> None:
    text = (
        "The Port Vell Arts and Crafts Guild met in Port Vell. Arts & Crafts Guild members voted."
    )
    reg = Registry()
    reg.add("Port Vell Arts and Crafts Guild", "ORG", text.index("Port Vell Arts"))
    reg.add("Port Vell", "LOC", text.index("Port Vell."))
    reg.add("Arts & Crafts Guild", "ORG", text.index("Arts &"))
    for name in reg.cands:
        reg.cands[name].learned_type = reg.type_of(name)
    resolve.after_typer(reg, text)
    assert reg.by_form["Arts & Crafts Guild"] == "Port Vell Arts and Crafts Guild"
    assert reg.by_form["Port Vell"] == "Port Vell"
