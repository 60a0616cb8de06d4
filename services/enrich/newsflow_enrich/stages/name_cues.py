"""Type cues from a name's context, used by the entities stage: what the words around a mention
say its type is beyond spaCy's label (a title before it, a place's preposition, a team's plural
verb, an organisation noun beside it). The word lists are names.py's."""

from __future__ import annotations

from spacy.tokens import Span

from newsflow_enrich.stages.clubs import is_club
from newsflow_enrich.stages.entity_types import places
from newsflow_enrich.stages.names import (
    COMPASS,
    ORG_NOUNS,
    PARTICLES,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_OF,
    PLACE_PREPS,
    PLACE_SUFFIXES,
    THING_SUFFIXES,
    is_acronym,
    is_country,
    is_org_name,
)

# "Shares in Veldhuis", "a stake in Arm": what one holds "in" a company.
_HOLDINGS = {
    "shares",
    "stake",
    "stakes",
    "investment",
    "investments",
    "interest",
    "holding",
    "confidence",
    "trust",
    "faith",
    "role",
    "part",
}

# First words of named operations and storms.
_NAMED_EVENTS = {"Operation", "Typhoon", "Hurricane", "Cyclone", "Storm", "Tropical"}


# The District of Columbia, printed alone ("D.C. police", "DC traffic"); "DC Comics" is a name
# of its own.
_CAPITAL_DISTRICT = {"D.C.", "DC", "D.C"}


def type_cue(ent: Span, form: str, sport: bool = False) -> str | None:
    """PERSON or ORG when the mention says so beyond spaCy's label: an organisation suffix, a
    title before the name ("Mayor Brandon Johnson"), an age after it ("Hale, 23,"), an
    organisation noun next to it ("the Verdi union"); in a sports story a club's name or a
    team's plural verb ("Marseille are ninth")."""
    if is_org_name(form) and not _compass_place(ent, form) \
            or sport and (is_club(form) or _team_verb(ent)):  # fmt: skip
        return "ORG"
    if ent.label_ != "PERSON" and (is_country(form) or form in _CAPITAL_DISTRICT):
        return "LOC"  # "Paraguay", "Türkiye", "D.C." (spaCy: an organisation)
    last = form.split()[-1].lower() if len(form.split()) >= 2 else ""
    if last in PLACE_SUFFIXES and form.split()[-2].lower() not in PARTICLES:  # not "van Dam"
        return "LOC"
    if last in THING_SUFFIXES:
        return "MISC"
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_OF:
        return "LOC"
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in PERSON_TITLES and form[:1].isupper():
        return "PERSON" if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") else None
    if form.split()[0] in _NAMED_EVENTS and len(form.split()) >= 2:
        return "MISC"  # "Operation Kestrel", "Typhoon Jongdari": an operation or a storm
    if ent.label_ in ("PERSON", "ORG", "GPE", "LOC") and _place_by_context(ent):
        return "LOC"
    # "NASUWT": an acronym of four letters or more is an organisation, not a place; "MOSCOW"
    # (a dateline's capitals) is the place.
    if ent.label_ in ("GPE", "LOC") and len(ent) == 1 and is_acronym(form) \
            and len(form.replace(".", "")) >= 4 and not _place_in_capitals(form):  # fmt: skip
        return "ORG"
    if prev is not None and prev.lower_ in ORG_NOUNS and prev.pos_ == "NOUN":
        return "ORG"
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.lower_ in ORG_NOUNS and ent.label_ == "PERSON" \
            and ent.root.dep_ == "compound" and ent.root.head.i == nxt.i:  # fmt: skip
        return "ORG"
    # "Sharma's husband, Rajesh,": in apposition to a person's role.
    if ent.root.dep_ == "appos" and ent.root.head.lower_ in PERSON_TITLES and len(ent) <= 3:
        return "PERSON"
    after = doc[ent.end : ent.end + 3]
    if len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ",":
        return "PERSON"
    return None


def _compass_place(ent: Span, form: str) -> bool:
    words = form.split()
    return ent.label_ in ("GPE", "LOC") and len(words) == 2 and words[0] in COMPASS


def _place_in_capitals(form: str) -> bool:
    return form.isupper() and (is_country(form.title()) or form.title() in places())


def _place_by_context(ent: Span) -> bool:
    """A name spaCy took for a person or an organisation that its context makes a place: the
    object of 'in'/'near', a route 'from X to Y', a modifier of 'port'/'plant'/'states', or
    coordinated with such a name ('Yobe and Adamawa states')."""
    doc, root = ent.doc, ent.root
    if ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s"):
        return False
    t = root
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ in ("compound", "nmod") and t.head.lower_ in PLACE_HEADS:
        return True
    if any(c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC") for c in t.children) \
            and t.head.lower_ in PLACE_HEADS:  # fmt: skip
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("nearby", "neighbouring", "neighboring"):
        return True  # "reached nearby Kadugli"
    if t.dep_ != "pobj":
        return False
    prep = t.head.lower_
    if prep in ("from", "to"):
        # "from Padang Bai to Lembar": a route, both ends places
        preps = {c.lower_ for c in t.head.head.children if c.dep_ == "prep"}
        return {"from", "to"} <= preps
    # "in"/"into" may hold an organisation ("invested in Microsoft"); "near" never does.
    if ent.label_ == "ORG" and prep in ("in", "into"):
        return False
    return prep in PLACE_PREPS and t.head.head.lower_ not in _HOLDINGS


def _team_verb(ent: Span) -> bool:
    """'Real Madrid are reported', 'PSG have 56 points': a singular name with a plural verb is a
    team (British usage)."""
    root = ent.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.tag_ == "NNPS" \
            or any(c.dep_ == "conj" for c in root.children):  # fmt: skip
        return False
    verb = root.head
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(w.lower_ in ("are", "have", "were") for w in words)
