"""Entity resolution within one article: which candidates (collected by the entities stage from
spaCy's mentions and the text) name the same thing.
- an acronym and its expansion, "X, known as Y" (acronyms.py);
- a surname and the full name ("Khalil" -> "Redur Khalil"), unless two people share it (not a
  sentence's first word or the line before glued to the surname: "Among Ghani’s"); a given
  name spaCy tagged alone and the only full name it starts ("Mina" -> "Mina Starsiak Hawk");
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
After the learned typer, the merges that read types run again (after_typer), and in a sports
story a team's nickname joins the team ("Buckeyes" for "Ohio State", teams.py).
A possessive is its name ("Smith’s"): clean_form cuts it, and the text spaCy parses spells every
apostrophe before a possessive "s" as ’ (text.for_nlp), so that the tokenizer splits it off.
"""

from __future__ import annotations

import re
from itertools import chain

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from newsflow_enrich.stages import (
    acronyms,
    name_parts,
    names,
    org_heads,
    states,
    teams,
    titles,
    variants,
)
from newsflow_enrich.stages.clubs import club_short_forms, is_club
from newsflow_enrich.stages.doc_text import text_of
from newsflow_enrich.stages.entity_types import places
from newsflow_enrich.stages.registry import (
    STRONG,
    Registry,
    curated,
    occurrences,
)
from newsflow_enrich.stages.states import STATE_NAMES


def _merge_surnames(reg: Registry, text: str, kin: bool = False) -> None:
    """A person's last name, alone, is that person, unless two people in the article share it.
    The surname becomes a form even when spaCy never tagged it alone ("Ruto, 55, thanked").
    With `kin` (after the typer), a relative named only as one ("Fischer’s mother, Adrianne
    Fischer") does not share it."""
    people = [n for n in reg.cands if len(n.split()) >= 2 and (reg.type_of(n) == "PERSON"
              or _person_by_surname(reg, n)) and not n.startswith("Lady ")]  # fmt: skip
    by_surname: dict[str, list[str]] = {}
    for p in people:
        by_surname.setdefault(names.surname(p), []).append(p)
        # "Abdel Fattah al-Burhan" is "Burhan": Arabic article prefixes drop in later mentions.
        bare = re.sub(r"^(al|el|ad|ar|as|at|an|az|ash)-", "", names.surname(p), flags=re.IGNORECASE)
        if bare != names.surname(p):
            by_surname.setdefault(bare, []).append(p)
        # "Lucía Benítez Ortiz" is "Benítez" (spaCy: a person): a Spanish name's first surname,
        # in the middle; not a middle name ("Mary Ann Smith": a given name).
        words = p.split()
        alone = reg.by_form.get(words[1]) if len(words) == 3 else None
        if alone == words[1] and reg.type_of(alone) == "PERSON" and words[1].istitle() \
                and len(words[1]) >= 3 and words[1].lower() not in names.PARTICLES \
                and names.surname(p) == words[2] and not variants.is_given_name(words[1]):  # fmt: skip
            by_surname.setdefault(words[1], []).append(p)
    # "Xi Jinping" ... "Xi": family name first, "Mina Starsiak Hawk" ... "Mina": a given name,
    # when spaCy tags it alone ("LINDA Nolan" in a headline is "Linda").
    for p in people:
        first = reg.by_lower.get(p.split()[0].lower())
        if first in reg.cands and len(first.split()) == 1 and len(p.split()) <= 3 \
                and first not in by_surname and not _place(reg, first):  # fmt: skip
            by_surname.setdefault(first, []).append(p)
    for surname, owners in by_surname.items():
        owners = _unglued(reg, [o for o in owners if o in reg.cands])
        glued = _glued_word(reg, owners, text)
        owners = [o for o in owners if o not in glued]
        if len(owners) > 1 and len({names.without_generation(o) for o in owners}) == 1:
            continue  # "Allan Bryant Snr" and "Allan Bryant Jnr": "Bryant" is either
        if len(owners) > 1 and kin:
            owners = [o for o in owners if not _kin_only(reg, o, text)] or owners
        if len(owners) > 1:
            owners = _last_named(reg, owners, surname, text)
        if len(owners) != 1 or not (glued or _used_alone(surname, text)):
            continue
        other = reg.by_form.get(surname)
        if other and other not in (owners[0], surname) and len(other.split()) >= 2:
            continue  # the word is also another multi-word name's form
        reg.merge(into=owners[0], form=surname)
        # The person stays a person whatever spaCy called the surname alone ("Brenning": ORG).
        reg.cands[owners[0]].types["PERSON"] += STRONG
        for peer in re.finditer(rf"\b(?:Lord|Lady|Baroness|Baron) {re.escape(surname)}"
                                r"(?: of [A-Z][\w-]+)?(?![\w-])", text):  # fmt: skip
            if not (peer.group().startswith("Lady") and titles.wife(surname, text)):
                reg.merge(into=owners[0], form=peer.group())  # "Lord Baker (of Dorking)": a peer


def _place(reg: Registry, word: str) -> bool:
    """A one-word name that spaCy read as a place and the gazetteer lists as more than a small
    town ("Israel" of "Israel Katz", "Gauteng" of "Gauteng Cogta"): the word alone names the
    place, not a person by the given name. (Not a people's word: spaCy calls "Sean" and the
    family name "Han" that too.)"""
    return reg.type_of(word) == "LOC" and places().get(word) not in (None, "city")


_KIN = (r"(?:mother|father|son|daughter|wife|husband|brother|sister|widow|widower|grandson|"
        r"granddaughter|grandmother|grandfather|niece|nephew|uncle|aunt|cousin)")  # fmt: skip


def _kin_only(reg: Registry, name: str, text: str) -> bool:
    """Every print of the full name follows the surname's possessive and a kin word ("Fischer’s
    mother, Adrianne Fischer"): the surname alone is the other one. (Not after "his" or "her":
    "Molly Martens and her father, Tom Martens" leaves "Martens" either's.)"""
    kin = re.compile(rf"\b{re.escape(names.surname(name))}['’]s {_KIN},? $")
    starts = [st for f in reg.cands[name].forms if len(f.split()) >= 2
              for st, _ in occurrences(f, text)]  # fmt: skip
    return bool(starts) and all(kin.search(text, max(0, st - 40), st) for st in starts)


def _last_named(reg: Registry, owners: list[str], surname: str, text: str) -> list[str]:
    """Of two or more people with one surname, the one named in full last before the surname's
    first use alone, where no other of them is named in full after that ("Franklin Roosevelt
    ... James Roosevelt Jr. ... Roosevelt said"), as a reader would take it; else all."""
    full = sorted((start, o) for o in owners for f in reg.cands[o].forms
                  if len(f.split()) >= 2 for start, end in occurrences(f, text))  # fmt: skip
    spans = [(start, start + len(f)) for o in owners for f in reg.cands[o].forms
             if len(f.split()) >= 2 for start, _ in occurrences(f, text)]  # fmt: skip
    alone = [st for st, _ in occurrences(surname, text) if not any(a <= st < b for a, b in spans)]
    if not alone or " and " in " ".join(owners):
        return owners
    before = [o for st, o in full if st < alone[0]]
    after = {o for st, o in full if st > alone[0]}
    if not before or after - {before[-1]}:
        return owners
    return [before[-1]]


def _unglued(reg: Registry, owners: list[str]) -> list[str]:
    """Owners of one surname where one is the other with capitalised words glued before it
    ("Tottenham Hotspur Jose Mourinho": a caption's club and its manager, tagged as one person)
    are one person: the glued candidate goes, and its words are read as the names they hold."""
    if len(owners) < 2:
        return owners
    short = min(owners, key=len)
    glued = [o for o in owners if o != short and o.endswith(" " + short) and o[:1].isupper()]
    if len(glued) != len(owners) - 1:
        return owners
    for o in glued:
        reg.drop(o)
    return [short]


def _glued_word(reg: Registry, owners: list[str], text: str) -> list[str]:
    """Owners of one surname that are another owner's surname with a word spaCy glued before
    it, dropped (their one mention is the surname alone): a sentence's first word that is a
    common word and no given name ("Among Ghani’s first ...", "Oceanographer Pattiaratchi
    said"), or the last word of the line before ("the Guardian\n\nWiig")."""
    if len(owners) < 2:
        return []
    glued = []
    for o in owners:
        first, rest = o.split(" ", 1) if " " in o else (o, "")
        at = reg.cands[o].first
        printed = re.search(r"\s+".join(map(re.escape, o.split())), text[at : at + len(o) + 12])
        across = printed is not None and "\n" in printed.group()
        at += printed.start() if printed else 0  # past "the"
        # Every print of it starts a sentence (a page may print a paragraph twice).
        if rest and any(names.surname(p) == rest for p in owners if p != o) and (
            across or _sentence_start(text, at) and _common_word(first, text)
            and all(_sentence_start(text, st) for st, _ in occurrences(o, text))
        ):  # fmt: skip
            glued.append(o)
    if len(glued) == len(owners):
        return []
    for o in glued:
        reg.drop(o)
    return glued


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(" ")
    return not before or before[-1] in '.!?\n"“”'


def _common_word(word: str, text: str) -> bool:
    """The text also prints `word` in lower case, or it is a stop word; and it is no given name
    ("Will")."""
    low = word.lower()
    return (low in STOP_WORDS or _printed_lower(low, text)) and not variants.is_given_name(low)


def _printed_lower(word: str, text: str) -> bool:
    """The text prints `word` in lower case, as a word of its own ("health" beside "Health"):
    then the capitalised form may be that common word at a sentence's start, not a name."""
    return next(occurrences(word.lower(), text), None) is not None


def _person_by_surname(reg: Registry, name: str) -> bool:
    """'Marcus Hale' (spaCy: ORG) is a person when 'Hale' alone is one by a strong cue ('Hale,
    23,'): a two- or three-word name, no organisation or club word in it."""
    words = name.split()
    last = reg.by_form.get(words[-1])
    if reg.cands[name].learned_type not in (None, "PERSON"):
        return False  # the typer read it as something else ("Hosting Cook": MISC)
    return len(words) <= 3 and last is not None and last != name \
        and reg.cands[last].types["PERSON"] >= STRONG and reg.type_of(last) == "PERSON" \
        and not names.is_org_name(name) and not is_club(name)  # fmt: skip


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
                    and _printed_lower(short, text):  # fmt: skip
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
            if _used_alone(short, text):
                reg.merge(into=name, form=short)
                if type_ == "ORG":  # "Daewon" (spaCy: a person) names "Daewon Construction"
                    reg.cands[name].types["ORG"] += STRONG


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


# A country or state by its polity: "Kingdom of Cambodia", "State of New Jersey".
_POLITY = re.compile(r"(?:(?:Federal |People['’]s |Islamic |Democratic )?Republic|Kingdom|State"
                     r"|Commonwealth|Principality|Sultanate|Emirate|Grand Duchy) of (?:the )?"
                     r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})")  # fmt: skip


def _minor_place(reg: Registry, owner: str, short: str, shorts: list[str]) -> bool:
    """'Alden' for 'Alden Capital' though spaCy once called it a place: a company's short name
    that is no country or state and that spaCy took for a place at most twice."""
    return short in shorts and not names.is_country(short) and short not in STATE_NAMES \
        and reg.cands[owner].types["LOC"] <= 2  # fmt: skip


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
            and sum(n.endswith(" " + t) for n in reg.cands if n != name) == 0]  # fmt: skip


# A middle initial ("Kevin C. Downs") is inside a name, not a sentence's end before the form
# (one that ends a line is: "on the platform X.\n\nKarahan said"); "I" and its contractions
# ("I'm Jim") start no name.
_INITIAL = re.compile(r"[A-Z]\. ")
_FIRST_PERSON = re.compile(r"I(?:['’](?:m|d|ll|ve))?")


def _used_alone(form: str, text: str) -> bool:
    """The form occurs as a word, not only inside a longer capitalised name; a compound with a
    lower-case word counts ("a Jobs-like persona"); "the Peterson family" names a family."""
    uses = chain(occurrences(form, text, "-", "-", _capital_word_next),
                 occurrences(form, text, "-", "", _lower_compound))  # fmt: skip
    for start, end in uses:
        if _FAMILY.match(text, end):
            continue
        prev = re.search(r"([\w.'’-]+)\s$", text[max(0, start - 40) : start])
        if prev is None or not prev.group(1)[:1].isupper() \
                or prev.group(1).endswith(".") and not _INITIAL.fullmatch(prev.group()) \
                or prev.group(1) in ("The", "A", "An") or _FIRST_PERSON.fullmatch(prev.group(1)) \
                or prev.group(1).lower() in titles.HONORIFICS:  # "Dr Fauci" is Fauci alone  # fmt: skip
            return True
    return False


_FAMILY = re.compile(r"s?\s(?:family|families|household|clan|brothers|sisters|siblings|twins)\b")


def _lower_compound(text: str, end: int) -> bool:
    """Not (?=-[a-z]) at `end`: rejects all but a compound with a lower-case word ("a
    Jobs-like persona", "Trump-era rules"), which names the person alone."""
    return not (text[end : end + 1] == "-" and text[end + 1 : end + 2].islower())


def _capital_word_next(text: str, end: int) -> bool:
    """(?= [A-Z]) at `end`: a capitalised word follows ('Police' in 'Police Scotland')."""
    return text[end : end + 1] == " " and "A" <= text[end + 1 : end + 2] <= "Z"


def run(doc: Doc, reg: Registry, sport: bool = False) -> None:
    """Merge the candidates of `reg` that name the same thing in `doc` (see the module's list)."""
    text = text_of(doc)
    acronyms.paren_acronyms(doc, reg)
    acronyms.known_as(text, reg)
    acronyms.merge_acronyms(reg, text)
    acronyms.merge_inner_acronyms(reg)
    states.mark(reg, text)
    titles.titled(reg, text)
    variants.run(reg, text)
    variants.quoted_nicknames(reg, text)
    org_heads.press(reg, text)
    _merge_surnames(reg, text)
    org_heads.departments(reg, text)
    _merge_short_forms(reg, text, sport)
    org_heads.run(reg, text)


def after_typer(reg: Registry, text: str, sport: bool = False) -> bool:
    """The merges that read types once more, after the learned typer has retyped the candidates
    (a full name spaCy called an organisation is now a person, a company spaCy called a place
    is now a company); whether any merge happened."""
    before = len(reg.cands)
    variants.misspelt_given_names(reg)  # "Rushiyah Narker" (spaCy: ORG), now a person
    _merge_surnames(reg, text, kin=True)  # not in run(): a change after the typer's inputs
    variants.misspelt_surnames(reg)  # "Ramswamy" beside "Vivek Ramaswamy", now a person
    _merge_short_forms(reg, text, sport)  # "Alden" (spaCy: a place) for "Alden Capital"
    acronyms.merge_inner_acronyms(reg, words=2)  # "WBG" for "Weibo Gaming" (spaCy: a person)
    nicknamed = teams.merge_nicknames(reg, text, sport)  # "Buckeyes" for "Ohio State"
    name_parts.run(reg)  # "Reagan National Airport" for "Ronald Reagan National Airport"
    return len(reg.cands) != before or nicknamed
