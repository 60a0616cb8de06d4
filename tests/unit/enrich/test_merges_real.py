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
