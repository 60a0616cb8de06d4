"""Merges of people found on real pages (stages/resolve.py): surnames, given names and spelling
variants. Made-up names, so no curated table can answer."""

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


def test_any_name_spelt_without_its_accents_is_the_name() -> None:
    text = "Music filled Bréville on Sunday. Residents of Breville said the parade was late."
    reg = Registry()
    reg.add("Bréville", "LOC", text.index("Bréville"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Breville"] == "Bréville"


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


def test_a_given_name_spacy_did_not_tag_alone_is_the_one_person_it_starts() -> None:
    text = (
        "The actor proposed to Zephyrine Moullard last week. A source said that Zephyrine is "
        "not yet wearing a ring."
    )
    reg = Registry()
    reg.add("Zephyrine Moullard", "PERSON", text.index("Zephyrine"))
    resolve.after_typer(reg, text)
    assert reg.by_form["Zephyrine"] == "Zephyrine Moullard"


def test_a_given_name_printed_in_lower_case_too_is_not_read_as_the_person() -> None:
    text = "Grace Moullard spoke first. Officials said Grace would follow, with grace, later."
    reg = Registry()
    reg.add("Grace Moullard", "PERSON", 0)
    resolve.after_typer(reg, text)
    assert "Grace" not in reg.by_form


def test_a_full_name_without_its_middle_name_is_the_person_named_in_full_before() -> None:
    text = (
        "The painter Oskar Vellam Trudd died. Friends said Oskar Trudd loved the sea. His son, "
        "Aarne Oskar Trudd, was there. Later Reet Tamm and Reet Anni Tamm spoke."
    )
    reg = Registry()
    for form in ("Oskar Vellam Trudd", "Oskar Trudd", "Aarne Oskar Trudd", "Reet Tamm",
                 "Reet Anni Tamm"):  # fmt: skip
        reg.add(form, "PERSON", text.index(form))
    resolve.run(spacy.blank("en")(text), reg)
    resolve.after_typer(reg, text)
    assert reg.by_form["Oskar Trudd"] == "Oskar Vellam Trudd"
    assert reg.by_form["Aarne Oskar Trudd"] == "Aarne Oskar Trudd"  # the son, named after
    assert reg.by_form["Reet Anni Tamm"] == "Reet Anni Tamm"  # the longer one named after
