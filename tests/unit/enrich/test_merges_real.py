"""Merges found on real pages (stages/resolve.py): what the learned typer's types change, first
names, spelling variants. Made-up names, so no curated table can answer."""

import spacy
from newsflow_enrich.stages import resolve
from newsflow_enrich.stages.registry import STRONG, Registry


def test_a_name_the_typer_retyped_does_not_share_the_surname_after_it() -> None:
    # spaCy: "Hosting Teller" (a sentence-initial verb glued to the surname) is a person.
    text = (
        "Mira Teller spoke on Tuesday. Teller said sales rose. Hosting Teller at the fair "
        "was a coup, the host said. Teller smiled."
    )
    reg = Registry()
    reg.add("Mira Teller", "PERSON", 0)
    reg.add("Teller", "PERSON", text.index("Teller said"), weight=STRONG)
    reg.add("Hosting Teller", "PERSON", text.index("Hosting"))
    reg.cands["Hosting Teller"].learned_type = "MISC"
    resolve.after_typer(reg, spacy.blank("en")(text).text)
    assert reg.by_form["Teller"] == "Mira Teller"


def test_a_given_name_spacy_tagged_alone_joins_a_three_word_name() -> None:
    text = "Nora Ellery Quell, 35, spoke on Tuesday. Nora said the show would return."
    reg = Registry()
    reg.add("Nora Ellery Quell", "PERSON", 0)
    reg.add("Nora", "ORG", text.index("Nora said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Nora"] == "Nora Ellery Quell"


def test_a_given_name_spacy_tagged_alone_joins_a_name_a_headline_shouts() -> None:
    text = "NORA Quell opens up\n\nNora Quell spoke on Tuesday. Nora said the show would return."
    reg = Registry()
    reg.add("NORA Quell", "PERSON", 0)
    reg.add("Nora Quell", "PERSON", text.index("Nora Quell"))
    reg.add("Nora", "PERSON", text.index("Nora said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Nora"] == reg.by_form["Nora Quell"]


def test_spellings_that_differ_in_case_hyphens_dots_or_accents_are_one_name() -> None:
    text = (
        "Strikes hit Kafr al-Duwar on Monday. In Kafr Al Duwar, Vela.io and Vela IO staff "
        "fled. Jürgen Kessler spoke. Jurgen said little; Kössler and Koessler disagreed."
    )
    reg = Registry()
    reg.add("Kafr al-Duwar", "LOC", text.index("Kafr al"))
    reg.add("Kafr Al Duwar", "LOC", text.index("Kafr Al"))
    reg.add("Vela.io", "ORG", text.index("Vela.io"))
    reg.add("Vela IO", "ORG", text.index("Vela IO"))
    reg.add("Anna Kössler", "PERSON", 0)
    reg.add("Koessler", "PERSON", text.index("Koessler"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Kafr Al Duwar"] == "Kafr al-Duwar"
    assert reg.by_form["Vela IO"] == "Vela.io"
    # "Kossler" is not in the text as a word, "Kössler" and "Koessler" are.
    assert reg.by_form["Koessler"] == reg.by_form["Kössler"] == "Anna Kössler"
    assert "Kossler" not in reg.by_form


def test_a_middle_initial_and_the_middle_name_are_one_person() -> None:
    text = "Colin Ashby Marsh was charged. Colin A. Marsh, 41, denied it. Colin B. Marsh did not."
    reg = Registry()
    reg.add("Colin Ashby Marsh", "PERSON", 0)
    reg.add("Colin A. Marsh", "PERSON", text.index("Colin A."))
    reg.add("Colin B. Marsh", "PERSON", text.index("Colin B."))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Colin A. Marsh"] == "Colin Ashby Marsh"
    assert reg.by_form["Colin B. Marsh"] == "Colin B. Marsh"


def test_a_surname_misspelt_by_one_letter_is_the_person() -> None:
    text = (
        "Priya Venkataraman won. Venkataraman said so. Critics mocked Venkatraman, and "
        "the Venkataramans too. Dana Allen and Allan met. Ms Holl and Hol met."
    )
    reg = Registry()
    reg.add("Priya Venkataraman", "PERSON", 0)
    reg.add("Venkataraman", "PERSON", text.index("Venkataraman said"))
    reg.add("Venkatraman", "ORG", text.index("Venkatraman,"))
    reg.add("Venkataramans", "ORG", text.index("Venkataramans"))
    reg.add("Dana Allen", "PERSON", text.index("Dana"))
    reg.add("Allan", "PERSON", text.index("Allan"))
    reg.add("Beth Holl", "PERSON", text.index("Holl"))
    reg.add("Hol", "PERSON", text.index("Hol "))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Venkatraman"] == "Priya Venkataraman"
    assert reg.type_of("Priya Venkataraman") == "PERSON"
    assert reg.by_form["Venkataramans"] == "Venkataramans"  # a letter added at the end
    assert reg.by_form["Allan"] == "Allan"  # a letter changed: another person as often
    assert reg.by_form["Hol"] == "Hol"  # too short to tell


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


def test_any_name_spelt_without_its_accents_is_the_name() -> None:
    text = "Music filled Bréville on Sunday. Residents of Breville said the parade was late."
    reg = Registry()
    reg.add("Bréville", "LOC", text.index("Bréville"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Breville"] == "Bréville"


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


def test_a_common_word_glued_before_a_surname_is_no_second_person() -> None:
    # spaCy: "Among Osgood" and "Oceanographer Veyra" (a sentence's first word glued to the
    # surname) are people; each shares its surname with the person the story is about.
    text = (
        "Rena Osgood spoke on Tuesday. Among Osgood’s first acts was a tax cut. "
        "“Move quickly,” said Tamsin Veyra, an oceanographer at the institute.\n\n"
        "Oceanographer Veyra said debris would drift east."
    )
    reg = Registry()
    reg.add("Rena Osgood", "PERSON", 0)
    reg.add("Among Osgood", "PERSON", text.index("Among"))
    reg.add("Tamsin Veyra", "PERSON", text.index("Tamsin"))
    reg.add("Oceanographer Veyra", "PERSON", text.index("Oceanographer"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Osgood"] == "Rena Osgood"
    assert reg.by_form["Veyra"] == "Tamsin Veyra"
    assert "Among Osgood" not in reg.cands and "Oceanographer Veyra" not in reg.cands


def test_a_glued_word_printed_twice_at_a_sentence_start_is_no_second_person() -> None:
    # A page that prints the paragraph twice: "Among Tarvik" starts a sentence both times.
    para = "Among Tarvik’s first acts was a tax cut. "
    text = "Osman Tarvik took office. " + para + "Critics objected.\n\n" + para
    reg = Registry()
    reg.add("Osman Tarvik", "PERSON", 0)
    reg.add("Among Tarvik", "PERSON", text.index("Among"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Tarvik"] == "Osman Tarvik"
    assert "Among Tarvik" not in reg.cands


def test_a_given_name_that_is_a_listed_place_stays_the_place() -> None:
    # "Jordan" (spaCy: a place; the gazetteer's country) is not Jordan Vellacott; "Trevan"
    # (spaCy: a place, but no place the gazetteer knows) is Trevan Oakes by the given name.
    text = (
        "Jordan Vellacott, the envoy, flew in. Jordan closed its border on Monday. Trevan "
        "Oakes, 12, won the race. Trevan said he was tired."
    )
    reg = Registry()
    reg.add("Jordan Vellacott", "PERSON", 0)
    reg.add("Jordan", "LOC", text.index("Jordan closed"))
    reg.add("Trevan Oakes", "PERSON", text.index("Trevan Oakes"))
    reg.add("Trevan", "LOC", text.index("Trevan said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Jordan"] == "Jordan"
    assert reg.by_form["Trevan"] == "Trevan Oakes"


def test_a_name_spacy_glued_across_a_line_break_is_no_second_person() -> None:
    text = "Dara Quist opens up. Photograph: the Chronicle\n\nQuist smiles when asked."
    reg = Registry()
    reg.add("Dara Quist", "PERSON", 0)
    reg.add("Chronicle Quist", "PERSON", text.index("Chronicle"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Quist"] == "Dara Quist"


def test_a_given_name_before_a_shared_surname_is_a_second_person() -> None:
    # "Will" is also a common word, but a given name: two Garners, "Garner" stays apart.
    text = "Lena Garner spoke on Tuesday. Will Garner said the will was read. Garner left."
    reg = Registry()
    reg.add("Lena Garner", "PERSON", 0)
    reg.add("Will Garner", "PERSON", text.index("Will"))
    reg.add("Garner", "PERSON", text.index("Garner left"))
    resolve.run(spacy.blank("en")(text), reg)
    assert "Will Garner" in reg.cands
    assert reg.by_form["Garner"] != "Lena Garner"  # Will Garner, named in full last before it


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


def test_a_surname_spaced_or_misspelt_where_spacy_saw_no_name_is_the_person() -> None:
    text = (
        "Mayor Bill DeVarna spoke. Critics blamed De Varna. Orla Pettigrove wrote; others "
        "had barred Pettigrrove from speaking. Pettigrove said little."
    )
    reg = Registry()
    reg.add("Bill DeVarna", "PERSON", text.index("Bill"))
    reg.add("De Varna", "PERSON", text.index("De Varna"))
    reg.add("Orla Pettigrove", "PERSON", text.index("Orla"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["De Varna"] == "Bill DeVarna"
    assert reg.by_form["Pettigrrove"] == "Orla Pettigrove"


def test_a_given_name_misspelt_by_one_letter_beside_the_same_surname_is_one_person() -> None:
    text = (
        "Pietrona Valcourt, 41, was named. Pietrona Valcourt said the fund would grow. "
        "Pietona Valcourt added that it was time. Valcourt smiled."
    )
    reg = Registry()
    reg.add("Pietrona Valcourt", "PERSON", 0, weight=STRONG)
    reg.add("Pietona Valcourt", "ORG", text.index("Pietona"))
    reg.cands["Pietona Valcourt"].learned_type = "PERSON"  # the typer's reading
    resolve.after_typer(reg, text)
    assert reg.by_form["Pietona Valcourt"] == reg.by_form["Valcourt"] == "Pietrona Valcourt"


def test_a_surname_after_a_middle_initial_is_not_used_alone() -> None:
    # A photo credit prints the full name only; "C." is an initial, not a sentence's end.
    text = "The club opened on Friday.\n\nRuth Kell spoke. Photo: Dana C. Orrin/for the Herald"
    reg = Registry()
    reg.add("Dana C. Orrin", "PERSON", text.index("Dana"))
    reg.add("Ruth Kell", "PERSON", text.index("Ruth"))
    resolve.run(spacy.blank("en")(text), reg)
    assert "Orrin" not in reg.cands["Dana C. Orrin"].forms
    # A line that ends in a one-letter word and a full stop does end a sentence.
    text = "She wrote on the platform X.\n\nKell said the club would reopen. Ruth Kell left."
    reg = Registry()
    reg.add("Ruth Kell", "PERSON", text.index("Ruth"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Kell"] == "Ruth Kell"


def test_a_given_name_after_i_am_is_used_alone() -> None:
    text = 'Tomas Brell founded the firm. He said: "I\'m Tomas." Tomas Brell smiled.'
    reg = Registry()
    reg.add("Tomas Brell", "PERSON", 0)
    reg.add("Tomas", "PERSON", text.index('Tomas."'))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Tomas"] == "Tomas Brell"


def test_a_shared_surname_is_the_person_named_in_full_last_before_it() -> None:
    text = (
        "The act was signed by Franklin Ostrow in 1935. Jonah Ostrow, his grandson, spoke on "
        "Monday. Ostrow said the act had lasted. Ostrow left at noon."
    )
    reg = Registry()
    reg.add("Franklin Ostrow", "PERSON", text.index("Franklin"))
    reg.add("Jonah Ostrow", "PERSON", text.index("Jonah"))
    reg.add("Ostrow", "PERSON", text.index("Ostrow said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Ostrow"] == "Jonah Ostrow"
    # Named in full again after the surname's first use alone: either could be meant.
    text += " Franklin Ostrow was president."
    reg = Registry()
    reg.add("Franklin Ostrow", "PERSON", text.index("Franklin"))
    reg.add("Jonah Ostrow", "PERSON", text.index("Jonah"))
    reg.add("Ostrow", "PERSON", text.index("Ostrow said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Ostrow"] == "Ostrow"


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


def test_a_surname_in_a_compound_with_a_lower_case_word_is_used_alone() -> None:
    text = "Like Stan Orvell, he was called a visionary. He built an Orvell-like persona."
    reg = Registry()
    reg.add("Stan Orvell", "PERSON", text.index("Stan"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Orvell"] == "Stan Orvell"
    # A double-barrelled name is not its parts ("Orvell-Kane" is someone else's name).
    text = "Stan Orvell spoke. Mia Orvell-Kane replied."
    reg = Registry()
    reg.add("Stan Orvell", "PERSON", 0)
    reg.add("Mia Orvell-Kane", "PERSON", text.index("Mia"))
    resolve.run(spacy.blank("en")(text), reg)
    assert "Orvell" not in reg.by_form


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
