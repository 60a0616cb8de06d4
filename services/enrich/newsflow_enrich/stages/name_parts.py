"""Shorter names of places and organisations the story uses after the full one, for the resolve
stage (after the typer, when the types are settled):
- a name after a person without the person's given name ("Reagan National Airport" for "Ronald
  Reagan National Airport", "Kennedy Space Center" for "John F. Kennedy Space Center");
- an airport or a school without "International" ("Stansted Airport" for "Stansted
  International Airport");
- an organisation by the first words of its name, named in full first ("Proskauer" for
  "Proskauer Rose", "Bank" for "Bank of England"), unless the rest names a part of it ("House
  Science Committee");
- a company named after a person by the surname ("Lilly" for "Eli Lilly");
- an organisation by the first and last words of its name ("Elite League" for "Elite Ice
  Hockey League");
- an organisation without the place its name begins with, "&" and "and" alike ("Jazz &
  Heritage Foundation" for "New Orleans Jazz and Heritage Foundation");
- a place by "City of" ("City of Ludowici" is "Ludowici");
- a magazine without the word ("Forbes" for "Forbes Magazine"), and a paper by the word its name
  ends with where spaCy tagged that alone as an organisation and no other paper of the article
  ends so ("a Times reporter" for "the New York Times").
"""

from __future__ import annotations

import re

from newsflow_enrich.stages import names, titles, variants
from newsflow_enrich.stages.entity_types import places
from newsflow_enrich.stages.registry import Registry
from newsflow_enrich.stages.states import STATE_NAMES

_INTERNATIONAL = re.compile(r" International(?= [A-Z])")


def run(reg: Registry) -> bool:
    """Merge the shorter names of the module's list where spaCy tagged them; whether any merged."""
    merged = False
    for name in sorted(reg.cands, key=lambda n: reg.cands[n].first):
        if name not in reg.cands or reg.type_of(name) not in ("ORG", "LOC"):
            continue
        for short in _shorter(name):
            owner = reg.by_form.get(short)
            if owner is not None and owner != name and owner == short \
                    and reg.type_of(owner) == reg.type_of(name):  # fmt: skip
                reg.merge(into=name, form=short)
                merged = True
    merged = _first_words(reg) | _founder(reg) or merged
    return _inner_words(reg) | _papers(reg) | _without_place(reg) | _city_of(reg) or merged


# A place by its municipality or polity ("City of Ludowici", "State Of New Jersey", as printed).
_CITY_OF = re.compile(r"(?:City|Town|Village|Borough|State|Commonwealth) [Oo][Ff] (?:[Tt]he )?(.+)")


def _city_of(reg: Registry) -> bool:
    """'City of Ludowici' is 'Ludowici', 'State Of New Jersey' is 'New Jersey': a place named
    "City of X" (a town, village, borough, state) where X is a place of the article; not one the
    gazetteer lists under the long name ("City of London" is a place of its own)."""
    merged = False
    for name in [n for n in reg.cands if reg.type_of(n) == "LOC"]:
        m = _CITY_OF.fullmatch(name)
        place = reg.by_form.get(m.group(1)) if m else None
        if name in reg.cands and place is not None and place != name and place in reg.cands \
                and reg.type_of(place) == "LOC" and places().get(name) is None:  # fmt: skip
            reg.merge(into=place, form=name)
            merged = True
    return merged


def _first_words(reg: Registry) -> bool:
    """'Proskauer' for 'Proskauer Rose', 'Brookings' for 'Brookings Institution', 'NBC' for
    'NBC News': an organisation spaCy tagged by the first words of the one longer name of the
    article that begins so, an organisation named in full before; also a one-word "place" the
    gazetteer does not list ("Intellia" for "Intellia Therapeutics") or a one-word name the typer
    left MISC ("Amnesty"). Not where the rest of the name is an organisation's own name ("NASA"
    and the "NASA Goddard Institute for Space Studies", "House" and the "House Science
    Committee": a part and the whole), nor a name that goes on with "for", "in", "on" or "at"
    ("Centre for Policy Studies"; "of" does: "Bank" for "Bank of England", "NewsGuild" for
    "NewsGuild of New York"), nor one that holds another name of the article ("Microsoft Patches
    IE", a headline spaCy read as one name) or ends with a title ("Woodburn Police Department
    Capt", the next person's title swallowed). Longer names typed MISC do not count as other
    names that begin so."""
    merged = False
    shorts = [n for n in reg.cands
              if reg.type_of(n) == "ORG" or _unlisted_place(reg, n) or _misc_word(reg, n)]  # fmt: skip
    for short in shorts:
        words = short.split()
        if short not in reg.cands or reg.by_form.get(short) != short:
            continue
        # A longer name the typer left MISC ("Verizon CIO", "Verizon Fios TV": a title or a
        # product run on from spaCy's span) is no second organisation that begins so.
        fits = [n for n in reg.cands if n != short and len(n.split()) > len(words)
                and n.split()[: len(words)] == words and reg.type_of(n) != "MISC"]  # fmt: skip
        if len(fits) != 1 or reg.type_of(fits[0]) != "ORG" \
                or reg.cands[fits[0]].first > reg.cands[short].first:  # fmt: skip
            continue
        rest = " ".join(fits[0].split()[len(words) :])
        if rest.split()[0] in ("for", "in", "on", "at") \
                or names.is_org_name(rest) and names.without_legal_suffix(rest) == rest \
                or _glued(reg, fits[0], rest) \
                or rest.split()[-1].rstrip(".").lower() in titles.HONORIFICS:  # fmt: skip
            continue
        reg.merge(into=fits[0], form=short)
        merged = True
    return merged


def _without_place(reg: Registry) -> bool:
    """'Jazz & Heritage Foundation' for 'New Orleans Jazz and Heritage Foundation': an
    organisation spaCy tagged by the name without the place it begins with (a place of the
    article), "&" and "and" alike."""
    merged = False
    orgs = [n for n in reg.cands if reg.type_of(n) == "ORG"]
    keys = {_and(n): n for n in orgs if len(n.split()) >= 2}
    for name in orgs:
        words = name.split()
        for k in (1, 2):  # "Texas ...", "New Orleans ..."
            place, rest = " ".join(words[:k]), " ".join(words[k:])
            owner = reg.by_form.get(place)
            short = keys.get(_and(rest))
            if len(rest.split()) >= 2 and owner is not None and reg.type_of(owner) == "LOC" \
                    and short is not None and short != name and short in reg.cands \
                    and reg.by_form.get(short) == short:  # fmt: skip
                reg.merge(into=name, form=short)
                merged = True
    return merged


def _glued(reg: Registry, name: str, rest: str) -> bool:
    """A word of `rest` is another entity of the article, not a place ("IE" in "Microsoft
    Patches IE"; a place ends many names: "Justice League NYC")."""
    others = [reg.by_form.get(w) for w in rest.split()]
    return any(o is not None and o != name and reg.type_of(o) != "LOC" for o in others)


def _founder(reg: Registry) -> bool:
    """'Lilly' for 'Eli Lilly', 'Knopf' for 'Alfred A. Knopf': a company named after a person,
    by the surname, where spaCy tagged the surname alone as an organisation and no person of
    the article has that surname; every word of the name capitalised ("Henry told CRN" is
    spaCy's slip, no company)."""
    surnames = {n.split()[-1] for n in reg.cands
                if reg.type_of(n) == "PERSON" and len(n.split()) >= 2}  # fmt: skip
    merged = False
    for name in [n for n in reg.cands if reg.type_of(n) == "ORG"]:
        words = names.without_legal_suffix(name).split()
        if len(words) < 2 or "&" in words or "and" in words \
                or not all(w[:1].isupper() for w in words) \
                or not variants.is_given_name(words[0]):  # fmt: skip
            continue
        last = words[-1]
        if reg.by_form.get(last) == last and reg.type_of(last) == "ORG" and last not in surnames:
            reg.merge(into=name, form=last)
            merged = True
    return merged


def _unlisted_place(reg: Registry, name: str) -> bool:
    """A one-word name typed a place that no gazetteer lists: as likely a company's short name
    spaCy read out of context ("Tyvak", "Intellia"); a listed one is the place ("Alaska" is no
    "Alaska Airlines")."""
    return reg.type_of(name) == "LOC" and _unlisted_word(name)


def _misc_word(reg: Registry, name: str) -> bool:
    """A one-word name the typer left MISC ("Amnesty" beside "Amnesty International", "National"
    beside "National Car Rental"), no place the lists hold; not in capitals: an acronym that
    begins a longer name is as often a name of its own ("CBS" and "CBS News")."""
    return reg.type_of(name) == "MISC" and not name.isupper() and _unlisted_word(name)


def _unlisted_word(name: str) -> bool:
    """One word that no gazetteer, country or state list holds."""
    return len(name.split()) == 1 and places().get(name) is None and not names.is_country(name) \
        and name not in STATE_NAMES  # fmt: skip


def _and(name: str) -> str:
    return name.replace(" & ", " and ")


def _inner_words(reg: Registry) -> bool:
    """'Elite League' for 'Elite Ice Hockey League': an organisation spaCy tagged by the first
    and last words of one longer organisation's name, where one fits (requiring it printed after
    the longer name lost both halves' pairs and kept "Indian Bank" in "Indian Overseas Bank")."""
    orgs = [n for n in reg.cands if reg.type_of(n) == "ORG"]
    merged = False
    for short in orgs:
        words = short.split()
        if short not in reg.cands or len(words) != 2 or reg.by_form.get(short) != short:
            continue
        fits = [n for n in orgs if n in reg.cands and len(n.split()) >= 3
                and n.split()[0] == words[0] and n.split()[-1] == words[1]]  # fmt: skip
        if len(fits) == 1:
            reg.merge(into=fits[0], form=short)
            merged = True
    return merged


def _shorter(name: str) -> list[str]:
    words = name.split()
    out = []
    if len(words) >= 4 and variants.is_given_name(words[0]):
        k = 2 if re.fullmatch(r"[A-Z]\.", words[1]) else 1  # "John F. Kennedy ..."
        if len(words) - k >= 3:
            out.append(" ".join(words[k:]))
    no_int = _INTERNATIONAL.sub("", name)
    if no_int != name and len(no_int.split()) >= 2:
        out.append(no_int)
    if len(words) >= 2 and words[-1] == "Magazine":
        out.append(" ".join(words[:-1]))
    return out


# Last words of newspapers' names that name the paper alone.
_PAPER_ENDS = {"Times", "Post", "Journal", "Herald", "Tribune", "Chronicle", "Guardian",
               "Telegraph", "Observer", "Globe", "Gazette", "Inquirer", "Courant", "Examiner"}  # fmt: skip


def _papers(reg: Registry) -> bool:
    """'Times' (spaCy: an organisation) for the article's one paper that ends so, named in full
    before it."""
    merged = False
    for last in _PAPER_ENDS:
        alone = reg.by_form.get(last)
        if alone != last or reg.type_of(alone) != "ORG":
            continue
        papers = [n for n in reg.cands if n.endswith(" " + last) and reg.type_of(n) == "ORG"]
        # Named in full first: "Tribune" said before "the Chicago Tribune" is its owner.
        if len(papers) == 1 and reg.cands[papers[0]].first < reg.cands[last].first:
            reg.merge(into=papers[0], form=last)
            merged = True
    return merged
