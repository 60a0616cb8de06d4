"""Merges found on real pages (stages/resolve.py): what the learned typer's types change, first
names, spelling variants. Made-up names, so no curated table can answer."""

import spacy
from newsflow_enrich.stages import resolve
from newsflow_enrich.stages.registry import STRONG, Registry


def test_a_name_the_typer_retyped_does_not_share_the_surname_after_it() -> None:
    # spaCy: "Hosting Teller" (a sentence-initial verb glued to the surname) is a person.
    text = ("Mira Teller spoke on Tuesday. Teller said sales rose. Hosting Teller at the fair "
            "was a coup, the host said. Teller smiled.")
    reg = Registry()
    reg.add("Mira Teller", "PERSON", 0)
    reg.add("Teller", "PERSON", text.index("Teller said"), weight=STRONG)
    reg.add("Hosting Teller", "PERSON", text.index("Hosting"))
    reg.cands["Hosting Teller"].learned_type = "MISC"
    resolve.surnames_again(reg, spacy.blank("en")(text).text)
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
