"""A person's full name that the learned typer made a place ("Britney Spears", "John Capes",
"Sheryl Crow": one mention, in a list or after "by", where spaCy reads an unknown capitalised
pair as a place as often as a person) is a person, after the typer: two or three capitalised
words, the first a given name (variants.is_given_name) that names no town larger than a small
one, no later word a place of the gazetteer, a country or a US state, and no last word of a
place, a venue or a building ("Maria Lodge", "Rod Laver Arena", "Glen Eden"), no listed company
or brand ("Louis Vuitton"). Not where the text reads it as a place: every print after "in",
"near", "across" (names.PLACE_PREPS)."""

from __future__ import annotations

import re

from newsflow_enrich.stages import names, variants
from newsflow_enrich.stages.entity_types import brands, listed_companies, places
from newsflow_enrich.stages.registry import Registry, occurrences
from newsflow_enrich.stages.states import STATE_NAMES

# Last words of places and buildings beyond names.PLACE_SUFFIXES and PLACE_HEADS.
_BUILT = {"lodge", "centre", "center", "monument", "gardens", "garden", "hills", "beach", "falls",
          "springs", "heights", "hall", "house", "court", "church", "cathedral", "chapel",
          "palace", "castle", "tower", "towers", "building", "mall", "market", "school", "college",
          "university", "hospital", "museum", "library", "gallery", "hotel", "club", "cove",
          "point", "sea", "ocean", "gulf", "strait", "desert", "mountains", "mountain", "mount",
          "forest", "island", "islands", "porch", "way", "lane", "drive", "place", "row",
          "terrace", "close", "crescent", "boulevard", "week", "field", "fields", "green", "end",
          "wood", "woods", "heath", "common", "estate", "farm", "ranch", "manor", "abbey",
          "bank", "creek", "rock", "city", "town", "county", "country", "state", "zone"}  # fmt: skip
_ENDS = names.PLACE_SUFFIXES | names.PLACE_HEADS | _BUILT
# First words of places and titles that the nicknames package also holds as given names ("El
# Economista", "San Jose", "Saint Paul").
_PREFIXES = {"el", "la", "le", "los", "las", "san", "santa", "santo", "st", "saint", "fort",
             "port", "mount", "lake", "new", "old", "great", "little", "upper", "lower", "north",
             "south", "east", "west", "central", "glen", "van"}  # fmt: skip
_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z]+)*|[A-Z]\.")


def retype(reg: Registry, text: str) -> None:
    for name, c in reg.cands.items():
        if c.curated_type or reg.type_of(name) != "LOC" or not _person_shaped(name):
            continue
        before = [text[max(0, st - 12) : st] for st, _ in occurrences(name, text)]
        if before and all(_PLACE_PREP.search(b) for b in before):
            continue  # "a hotel in Maria Teresa": read as a place
        c.learned_type = "PERSON"


_PLACE_PREP = re.compile(r"\b(?:" + "|".join(sorted(names.PLACE_PREPS)) + r")\s+$")


def _person_shaped(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_WORD.fullmatch(w) for w in words):
        return False
    first, rest = words[0], words[1:]
    return (
        variants.is_given_name(first)
        and first.lower() not in _PREFIXES
        and places().get(first) in (None, "city")
        and not names.is_country(first)
        and first not in STATE_NAMES
        and name not in places()
        and not any(w in places() or names.is_country(w) or w in STATE_NAMES for w in rest)
        and words[-1].lower() not in _ENDS
        and not names.is_org_name(name)
        and name not in listed_companies()
        and name not in brands()  # "Louis Vuitton": brand_types' companies
    )
