"""Entity resolution within one article: which candidates (collected by the entities stage from
spaCy's mentions and the text) name the same thing.
- an acronym and its expansion, "X, known as Y" (acronyms.py);
- a surname and the full name ("Khalil" -> "Redur Khalil"), unless two people share it (not a
  sentence's first word or the line before glued to the surname: "Among Ghani’s"); a given
  name spaCy tagged alone and the only full name it starts ("Mina" -> "Mina Starsiak Hawk")
  (surnames.py; whether a form is used alone: alone.py);
- a company without its legal suffix ("Nvidia Corp." -> "Nvidia"), a region without its
  descriptor ("Inner Mongolia Autonomous Region"), "X of Y" shortened to "X" when X has 2+ words;
  an institution by its head word after "the", a newspaper by its last word, "the State
  Department" (org_heads.py);
- spelling variants, middle names and initials, generations ("Jr."), misspelt surnames and
  nicknames (variants.py);
- a country by its polity ("Kingdom of Cambodia" -> "Cambodia");
- a title and a surname ("Dr Smith", "Senator Smith") are the person with that surname; a
  peer keeps the titled form too ("Lord Baker") (titles.py);
- a US state abbreviation after a city ("Springfield, Ill.") is the state, not a place of its
  own (states.py);
- known variants from a small curated table ("Daesh" = "Islamic State"), by the registry.
After the learned typer, a listed company's or a brand's name the typer made a place is an
organisation ("Reddit", brand_types.py), the merges that read types run again (after_typer), and
in a sports story a team's nickname joins the team ("Buckeyes" for "Ohio State", teams.py).
A possessive is its name ("Smith’s"): clean_form cuts it, and the text spaCy parses spells every
apostrophe before a possessive "s" as ’ (text.for_nlp), so that the tokenizer splits it off.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from newsflow_enrich.stages import (
    acronyms,
    brand_types,
    misspelt,
    name_parts,
    names,
    org_heads,
    people_places,
    spellings,
    states,
    teams,
    titles,
    variants,
)
from newsflow_enrich.stages.alone import printed_lower, used_alone
from newsflow_enrich.stages.clubs import club_short_forms
from newsflow_enrich.stages.doc_text import text_of
from newsflow_enrich.stages.entity_types import places
from newsflow_enrich.stages.registry import STRONG, Registry, curated
from newsflow_enrich.stages.states import STATE_NAMES
from newsflow_enrich.stages.surnames import merge_surnames, untagged_given_names


def _merge_short_forms(reg: Registry, text: str, sport: bool = False) -> None:
    """'Nvidia Corp.' -> 'Nvidia', 'Serum Institute of India' -> 'Serum Institute',
    'Inner Mongolia Autonomous Region' -> 'Inner Mongolia', when the short form is used; 'Oxford'
    for 'University of Oxford' when spaCy also calls it an organisation; in a sports story
    'City' for 'Northbridge City'."""
    shared = _shared_short_forms(reg, sport)
    for name in list(reg.cands):
        if name not in reg.cands:
            continue
        type_ = reg.type_of(name)
        shorts = names.short_forms(name, type_)
        clubs = club_short_forms(name) if type_ == "ORG" and sport else []
        shorts, clubs = (
            [c for c in shorts if c not in shared],
            [c for c in clubs if c not in shared],
        )
        feature = names.FEATURE.sub("", name) if type_ == "LOC" else name
        if feature != name and feature in reg.by_form:
            shorts.append(feature)  # "Baltic" for "Baltic Sea", when spaCy tagged it
        head = _FEATURE_OF.fullmatch(name) if type_ == "LOC" else None
        if (
            head
            and re.search(rf"\b[Tt]he {head.group(1)}\b(?! of\b)", text)
            and not any(n != name and n.startswith(head.group(1) + " ") for n in reg.cands)
        ):
            shorts.append(head.group(1))  # "the Gulf" for "the Gulf of Mexico"
        county = re.fullmatch(r"(.+) County", name) if type_ == "LOC" else None
        if county and places().get(county.group(1)) not in ("city_100k", "city_1m"):
            shorts.append(county.group(1))  # "Westchester" for "Westchester County"
        polity = _POLITY.fullmatch(name) if type_ == "LOC" else None
        if polity:
            shorts.insert(0, polity.group(1))  # "Cambodia" for "Kingdom of Cambodia"
        of = re.fullmatch(r"[A-Z]\w+ of ([A-Z]\w+)", name)
        if type_ == "ORG" and of and of.group(1) in reg.by_form \
                and reg.type_of(reg.by_form[of.group(1)]) == "ORG":  # fmt: skip
            shorts.append(of.group(1))
        tails = _org_tails(reg, name) if type_ == "ORG" else []
        nick = names.nicknames(name) if type_ == "ORG" and sport else []
        for short in shorts + clubs + tails + nick:
            if short in reg.cands[name].forms or short.lower() in curated():
                continue
            owner = reg.by_form.get(short)
            if owner and len(owner.split()) > len(short.split()) and owner != name:
                continue
            if len(short.split()) == 1 and short.lower() in STOP_WORDS:
                continue  # "The We Company" is not "we"
            if len(short.split()) == 1 and short != names.without_legal_suffix(name) \
                    and printed_lower(short, text):  # fmt: skip
                continue  # "health" is a word of the text: "Health" is no "Health Ministry"
            if (
                len(short.split()) == 1
                and short not in clubs
                and (
                    owner is None
                    and short not in shorts[:1]
                    or owner is not None
                    and reg.type_of(owner) in ("NORP", "EVENT")
                )
            ):
                continue  # "European" is not the "European Commission"
            if (
                owner
                and owner != name
                and type_ == "ORG"
                and (
                    reg.type_of(owner) == "LOC"
                    and short not in clubs
                    and short != names.without_legal_suffix(name)
                    and not _minor_place(reg, owner, short, shorts)
                    or reg.cands[owner].types["LOC"] >= STRONG
                )
            ):
                continue  # "Japan" is not "Japan Airlines"; the dateline's "Madrid" is a city
            if used_alone(short, text):
                reg.merge(into=name, form=short)
                if type_ == "ORG":  # "Daewon" (spaCy: a person) names "Daewon Construction"
                    reg.cue(name, "ORG")


def _shared_short_forms(reg: Registry, sport: bool) -> set[str]:
    """Short forms two names of the article share ("United" of Sheffield United and Manchester
    United): neither's, as a surname two people share is neither's."""
    seen: dict[str, int] = {}
    for name in reg.cands:
        type_ = reg.type_of(name)
        clubs = club_short_forms(name) if type_ == "ORG" and sport else []
        for short in set(names.short_forms(name, type_) + clubs):
            seen[short] = seen.get(short, 0) + 1
    return {short for short, k in seen.items() if k > 1}


# A natural feature named "<Head> of X" ("Gulf of Mexico", "Bay of Bengal").
_FEATURE_OF = re.compile(r"(Gulf|Bay|Sea|Strait|Lake|Isle) of [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?")


# A country or state by its polity: "Kingdom of Cambodia", "State of New Jersey".
_POLITY = re.compile(r"(?:(?:Federal |People['’]s |Islamic |Democratic )?Republic|Kingdom|State"
                     r"|Commonwealth|Principality|Sultanate|Emirate|Grand Duchy) of (?:the )?"
                     r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})")  # fmt: skip


def _minor_place(reg: Registry, owner: str, short: str, shorts: list[str]) -> bool:
    """'Alden' for 'Alden Capital' though spaCy once called it a place: a company's short name
    that is no country or state, that spaCy took for a place at most twice and that the
    gazetteer lists as no place ("Edinburgh", spaCy: a place, is the city, not "Edinburgh
    University")."""
    return short in shorts and not names.is_country(short) and short not in STATE_NAMES \
        and reg.cands[owner].types["LOC"] <= 2 and short not in places()  # fmt: skip


# Last words of an organisation's name whose last words alone still name it.
_TAIL_HEADS = names.ORG_SUFFIXES | {"center", "centre"}


def _org_tails(reg: Registry, name: str) -> list[str]:
    """'Intelligence Committee' for 'House Intelligence Committee', 'Tax Policy Center' for
    'Urban-Brookings Tax Policy Center': the last two words or more, when no other organisation
    of the article ends the same way. With any last word where spaCy tagged the tail alone as
    an organisation ("Progressive Caucus" for "Congressional Progressive Caucus", "Daily News"
    for "New York Daily News"); only for the head words above where it did not."""
    words = name.split()
    if len(words) < 3 or " of " in name:
        return []
    head = words[-1].lower() in _TAIL_HEADS
    # Not from inside "B&C Ace Home & Garden Center".
    tails = [" ".join(words[k:]) for k in range(1, len(words) - 1)
             if words[k - 1].lower() not in ("&", "and")]  # fmt: skip
    return [t for t in tails
            if (head or t in reg.cands and reg.type_of(t) == "ORG"
                and reg.cands[t].first > reg.cands[name].first)
            and not any(f.endswith(" " + t) for n in reg.cands if n != name
                        for f in reg.cands[n].forms)]  # fmt: skip


def run(doc: Doc, reg: Registry, sport: bool = False) -> None:
    """Merge the candidates of `reg` that name the same thing in `doc` (see the module's list)."""
    text = text_of(doc)
    acronyms.paren_acronyms(doc, reg)
    acronyms.known_as(text, reg)
    acronyms.merge_acronyms(reg, text)
    acronyms.spelled_out(reg, text)  # "WMP": "West Midlands Police", spaCy: no name
    acronyms.merge_inner_acronyms(reg)
    states.mark(reg, text)
    titles.titled(reg, text)
    variants.run(reg, text)
    variants.quoted_nicknames(reg, text)
    org_heads.press(reg, text)
    merge_surnames(reg, text)
    org_heads.departments(reg, text)
    _merge_short_forms(reg, text, sport)
    org_heads.run(reg, text)


def after_typer(reg: Registry, text: str, sport: bool = False) -> bool:
    """The merges that read types once more, after the learned typer has retyped the candidates
    (a full name spaCy called an organisation is now a person, a company spaCy called a place
    is now a company); whether any merge happened."""
    before = len(reg.cands)
    brand_types.retype(reg, text)  # "Reddit" (typer: a place) is a company
    people_places.retype(reg, text)  # "Sheryl Crow" (typer: a place) is a person
    variants.misspelt_given_names(reg)  # "Rushiyah Narker" (spaCy: ORG), now a person
    merge_surnames(reg, text, kin=True)  # not in run(): a change after the typer's inputs
    untagged_given_names(reg, text)  # "Charlize" for "Charlize Theron", spaCy: nothing
    variants.misspelt_surnames(reg)  # "Ramswamy" beside "Vivek Ramaswamy", now a person
    misspelt.merge(reg)  # "Rio de Janiero", "Friar Lawrence" / "Friar Laurence"
    spellings.merge(reg)  # "Fauna & Flora International" / "Fauna and Flora International"
    variants.fewer_words(reg, text)  # "Edward Lorenz" for "Edward Norton Lorenz"
    _merge_short_forms(reg, text, sport)  # "Alden" (spaCy: a place) for "Alden Capital"
    acronyms.merge_inner_acronyms(reg, words=2)  # "WBG" for "Weibo Gaming" (spaCy: a person)
    nicknamed = teams.merge_nicknames(reg, text, sport)  # "Buckeyes" for "Ohio State"
    name_parts.run(reg)  # "Reagan National Airport" for "Ronald Reagan National Airport"
    return len(reg.cands) != before or nicknamed
