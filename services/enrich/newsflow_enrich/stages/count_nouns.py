"""An acronym the article counts names a kind of thing, not an organisation: "an API", "a GP",
"each SDK", "the MDBs" (spaCy and the rules read a capitalised acronym as an organisation as
often as not). An organisation's acronym is one of a kind: news writes "the FBI", "NASA's",
"a NASA mission" (the article is the mission's), never "an FBI" of its own nor "FBIs". So after
the learned typer, a candidate typed ORG whose name is an acronym is no organisation where the
parse gives one of its mentions an indefinite or counting determiner of its own (right before
it, or before adjectives only), or where the text prints it in the plural; not a name of the
curated table."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsflow_enrich.stages.registry import Registry

_COUNTING = {"a", "an", "another", "each", "every", "any", "no"}


def retype(doc: Doc, reg: Registry) -> None:
    acronyms = {name for name, c in reg.cands.items()
                if not c.curated_type and _acronym(name) and reg.type_of(name) == "ORG"}  # fmt: skip
    if not acronyms:
        return
    counted = {t.text for t in doc if t.text in acronyms and _counted(t)}
    plural = {t.text[:-1] for t in doc if t.text.endswith("s") and t.text[:-1] in acronyms}
    for name in counted | plural:
        reg.cands[name].learned_type = "MISC"


def _acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def _counted(token: Token) -> bool:
    """A counting determiner of the acronym's own: right before it, or before adjectives only
    ("a new API"; not the parse's "a rover NASA plans", where "a" is the rover's)."""
    doc = token.doc
    return any(c.dep_ == "det" and c.lower_ in _COUNTING and c.i < token.i
               and all(t.pos_ == "ADJ" for t in doc[c.i + 1 : token.i])
               for c in token.children)  # fmt: skip
