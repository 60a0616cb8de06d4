"""A company's or a brand's name that the learned typer made a place ("Reddit", "Pfizer",
"Quora": spaCy reads an unknown capitalised word in "on Reddit" or "at Pfizer" as a place as
often as not) is an organisation, after the typer: where the name is a listed company's or a
registry brand's (entity_types.listed_companies, brands) and no gazetteer, country or US state
list holds it, unless the text treats it as a place: "the Amazon" (a region, with "the"; not
"the Reddit poster"), "Toho, Fukuoka Prefecture" (a place after it, after a comma). So is a
name the lists do not hold whose head word is an organisation's ("Catholic Relief Services",
"Greylock Partners"). A listed company's or a brand's own name that spaCy and the typer left a
person ("Moderna", "Evernote", "SpaceX": a capitalised word nobody bears as a first name) is an
organisation too, unless a title or an age said person ("Ms Swift"), or it is the surname of
a person the article names ("Ford" beside "Harrison Ford")."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from newsflow_enrich.stages.entity_types import brands, listed_companies, places
from newsflow_enrich.stages.names import COMPASS, ORG_HEADS, is_country
from newsflow_enrich.stages.registry import STRONG, Registry, occurrences
from newsflow_enrich.stages.states import STATE_NAMES


def retype(reg: Registry, text: str) -> None:
    people = {w for n in reg.cands if reg.type_of(n) == "PERSON" and " " in n for w in n.split()}
    for name, c in reg.cands.items():
        if c.curated_type:
            continue
        if reg.type_of(name) == "PERSON":
            if _company(name) and c.types["PERSON"] < STRONG and name not in people:
                c.learned_type = "ORG"  # "Moderna", "Evernote"
            continue
        if reg.type_of(name) != "LOC" or _place(name):
            continue
        if _org_headed(name):
            c.learned_type = "ORG"  # "Catholic Relief Services", "Greylock Partners"
            continue
        if not _company(name):
            continue
        spans = list(occurrences(name, text))
        if spans and not any(_placed(text, s, e) for s, e in spans):
            c.learned_type = "ORG"


def _org_headed(name: str) -> bool:
    """A name of two words or more whose head word (the last before "of") is one organisations
    end with ("Services", "Society", "Partners"), no place's ("West Bank": a compass word
    first)."""
    words = name.split(" of ")[0].split()
    return len(name.split()) >= 2 and words[-1].lower().rstrip(".") in ORG_HEADS \
        and words[0] not in COMPASS  # fmt: skip


def _company(name: str) -> bool:
    return name in listed_companies() or name in brands()


def _place(name: str) -> bool:
    return name in places() or is_country(name) or name in STATE_NAMES


_THE = re.compile(r"\b[Tt]he\s+$")
_THEN_PLACE = re.compile(r",\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _placed(text: str, start: int, end: int) -> bool:
    """'the Amazon', 'the Amazon basin', 'Toho, Fukuoka Prefecture': read as a place; not 'the
    Reddit poster', 'the Verizon service' (the name before a noun)."""
    if _THE.search(text[max(0, start - 5) : start]):
        noun = _NOUN.match(text, end)
        if noun is None or noun.group(1) in _LAND or noun.group(1) in STOP_WORDS:
            return True
    m = _THEN_PLACE.match(text, end)
    return m is not None and (_place(m.group(1)) or m.group(1).split()[-1] in _DIVISIONS)


_NOUN = re.compile(r"\s+([a-z]+)\b")
_LAND = {"rainforest", "forest", "jungle", "river", "basin", "region", "delta", "valley", "coast"}
_DIVISIONS = {"Prefecture", "Province", "County", "Region", "State", "District", "Oblast"}
