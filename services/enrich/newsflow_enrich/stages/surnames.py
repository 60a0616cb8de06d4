"""A surname alone is the person named in full with it, unless two people of the article share
it: the owners found, glued words before a surname dropped ("Among Ghani’s"), the one named in
full last before the surname is used (after the typer also the only one named in full before
it), a relative named after the surname's possessive; a given name spaCy tagged alone is the
only full name it starts ("Mina" -> "Mina Starsiak Hawk"), and after the typer one it did not
tag, where the word names nothing else; a peer keeps the titled form ("Lord Baker"). (Part of
resolve.py's merges.)
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from newsflow_enrich.stages import names, titles, variants
from newsflow_enrich.stages.alone import capital_word_next, outside, printed_lower, used_alone
from newsflow_enrich.stages.clubs import is_club
from newsflow_enrich.stages.entity_types import places
from newsflow_enrich.stages.registry import STRONG, Registry, occurrences


def merge_surnames(reg: Registry, text: str, kin: bool = False) -> None:
    """A person's last name, alone, is that person, unless two people in the article share it.
    The surname becomes a form even when spaCy never tagged it alone ("Ruto, 55, thanked").
    With `kin` (after the typer), a relative named only as one ("Fischer’s mother, Adrianne
    Fischer") does not share it."""
    people = [n for n in reg.cands if len(n.split()) >= 2 and (reg.type_of(n) == "PERSON"
              or _person_by_surname(reg, n)) and not n.startswith(("Lady ", "Greater "))
              and (not kin or _name_shaped(n))]  # fmt: skip
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
            if _paired(first, names.surname(p), text):
                reg.drop(first)  # "Tom and Molly Martens": the pair's names, not Tom alone
                continue
            by_surname.setdefault(first, []).append(p)
    for surname, owners in by_surname.items():
        owners = _unglued(reg, [o for o in owners if o in reg.cands])
        glued = _glued_word(reg, owners, text)
        owners = [o for o in owners if o not in glued]
        if len(owners) > 1 and len({names.without_generation(o) for o in owners}) == 1:
            continue  # "Allan Bryant Snr" and "Allan Bryant Jnr": "Bryant" is either
        if len(owners) > 1 and kin:
            owners = [o for o in owners if not _kin_only(reg, o, text)] or owners
            owners = _same_title(reg, owners, surname, text) or owners
            owners = _titled_gender(reg, owners, surname, text) or owners
        if len(owners) > 1:
            owners = _last_named(reg, owners, surname, text, kin)
        if len(owners) != 1 or not (glued or used_alone(surname, text, function_word=kin)):
            continue
        other = reg.by_form.get(surname)
        if other and other not in (owners[0], surname) and len(other.split()) >= 2:
            continue  # the word is also another multi-word name's form
        person = reg.type_of(owners[0]) == "PERSON"
        reg.merge(into=owners[0], form=surname)
        # The person stays a person whatever spaCy called the surname alone ("Brenning": ORG).
        reg.cue(owners[0], "PERSON")
        if kin and person and reg.type_of(owners[0]) != "PERSON":
            reg.cands[owners[0]].learned_type = "PERSON"  # after the typer: its reading holds
        for peer in re.finditer(rf"\b(?:Lord|Lady|Baroness|Baron) {re.escape(surname)}"
                                r"(?: of [A-Z][\w-]+)?(?![\w-])", text):  # fmt: skip
            if not (peer.group().startswith("Lady") and titles.wife(surname, text)):
                reg.merge(into=owners[0], form=peer.group())  # "Lord Baker (of Dorking)": a peer


def _name_shaped(name: str) -> bool:
    """No lower-case word but a particle ("Ludwig van Beethoven"), no quotation mark left open
    (a nickname inside is one: 'Joko “Jokowi” Widodo'): "Montecito for Foster", "Tasers on
    Blake", "Alchemy” Swift" are spaCy's runs over a surname, whose owner they are not (after
    the typer: the candidates it reads stay as they were)."""
    return (
        name.count("“") == name.count("”")
        and name.count('"') % 2 == 0
        and all(not w[:1].islower() or w in names.PARTICLES or "-" in w for w in name.split())
    )


def _paired(given: str, surname: str, text: str) -> bool:
    """Every use of `given` without a capitalised word after it names one of a pair who share
    the surname ("Tom and Molly Martens", "George and Alexander Soros"): the gold reads the
    given name there as part of the full name, not as the person by the given name alone."""
    pair = re.compile(rf" (?:and|&) [A-Z][\w'’-]+ {re.escape(surname)}(?![\w-])")
    ends = [end for _, end in occurrences(given, text, "-", "-", capital_word_next)]
    return bool(ends) and all(pair.match(text, end) for end in ends)


def _same_title(reg: Registry, owners: list[str], surname: str, text: str) -> list[str]:
    """Of two or more people with one surname, the one named in full after the title that the
    surname alone has ("Police Officer Blake Snyder ... his widow, Elizabeth Snyder ... Officer
    Snyder and his partner"), where the surname alone has only that one title; else none."""
    before = re.compile(r"([A-Z][a-z]+\.?) $")
    titles_alone = {m.group(1) for st, _ in occurrences(surname, text)
                    if (m := before.search(text, max(0, st - 20), st))
                    and m.group(1).rstrip(".").lower() in _OFFICES}  # fmt: skip
    if len(titles_alone) != 1:
        return []
    [title] = titles_alone
    return [o for o in owners
            if any(text[max(0, st - len(title) - 1) : st] == title + " "
                   for f in reg.cands[o].forms if len(f.split()) >= 2
                   for st, _ in occurrences(f, text))]  # fmt: skip


def _titled_gender(reg: Registry, owners: list[str], surname: str, text: str) -> list[str]:
    """Of two or more people with one surname, the one the surname's form of address names
    ("Mrs Clinton" beside Hillary and Bill Clinton, "Mr Johnson" beside Boris and Rachel
    Johnson): where every "Mr" / "Mrs", "Ms", "Miss" before the surname is of one gender and the
    other owners are, by the pronouns after their full names, of the other; else none."""
    said = {m.group(1) in _SHE for m in re.finditer(
        rf"\b(Mr|Mrs|Ms|Miss)\.? {re.escape(surname)}(?![\w-])", text)}  # fmt: skip
    if len(said) != 1:
        return []
    [she] = said
    kept = [o for o in owners if _gender(reg, o, text) is not (not she)]
    return kept if len(kept) == 1 else []


_SHE = {"Mrs", "Ms", "Miss"}
_PRONOUN = re.compile(r"\b(?:(she|her|hers|herself)|he|him|his|himself)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][”\"]?\s")


_KIN_BEFORE = re.compile(r"\b(?:(wife|mother|daughter|sister|widow|grandmother|aunt|niece)|husband"
                         r"|father|son|brother|widower|grandfather|uncle|nephew),? $")  # fmt: skip


def _gender(reg: Registry, name: str, text: str) -> bool | None:
    """True for a woman, False for a man, by the first pronoun in the sentence of each print of
    the full name or the next, and twice by a kin word before it ("her husband Bill Clinton"):
    the more frequent, None where they tie or there is none."""
    votes = 0
    for f in {f for f in reg.cands[name].forms | {name} if len(f.split()) >= 2}:
        for start, end in occurrences(f, text):
            kin = _KIN_BEFORE.search(text, max(0, start - 14), start)
            if kin:
                votes += 2 if kin.group(1) else -2
            ends = [m.end() for m in _SENTENCE_END.finditer(text, end, end + 300)][:2]
            m = _PRONOUN.search(text, end, ends[-1] if ends else end + 200)
            if m:
                votes += 1 if m.group(1) else -1
    return None if votes == 0 else votes > 0


# Offices a surname alone may carry ("Officer Snyder") besides the honorifics.
_OFFICES = titles.HONORIFICS | {"officer", "deputy", "trooper", "constable", "agent", "corporal",
                                "private", "sergeant", "firefighter", "nurse", "pastor"}  # fmt: skip


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


def _last_named(
    reg: Registry, owners: list[str], surname: str, text: str, only_before: bool = False
) -> list[str]:
    """Of two or more people with one surname, the one named in full last before the surname's
    first use alone, where no other of them is named in full after that ("Franklin Roosevelt
    ... James Roosevelt Jr. ... Roosevelt said"), as a reader would take it; else all. With
    `only_before` (after the typer), also the only one named in full before that use, whoever
    is named after it ("Jabbar Gibson ... Gibson said ... his mother, Bernice Gibson"), unless
    that one is printed as the second of a pair ("George and Alexander Soros")."""
    full = sorted((start, o) for o in owners for f in reg.cands[o].forms
                  if len(f.split()) >= 2 for start, end in occurrences(f, text))  # fmt: skip
    alone = outside(surname, [f for o in owners for f in reg.cands[o].forms
                              if len(f.split()) >= 2], text)  # fmt: skip
    if not alone or " and " in " ".join(owners):
        return owners
    before = [o for st, o in full if st < alone[0]]
    after = {o for st, o in full if st > alone[0]}
    if only_before and len(set(before)) == 1 and not _in_pair(reg, before[0], surname, text):
        return before[:1]
    if not before or after - {before[-1]}:
        return owners
    return [before[-1]]


def _in_pair(reg: Registry, name: str, surname: str, text: str) -> bool:
    """The full name is printed as the second of a pair who share the surname ("George and
    Alexander Soros", "Jimmy and Dee Haslam"): the surname alone is either's. ("Julie Hiramine
    and Kay Hiramine" names both in full.)"""
    pair = re.compile(r"([A-Z][\w'’.-]*) (?:and|&) $")
    return any((m := pair.search(text, max(0, st - 30), st)) and m.group(1) != surname
               for f in reg.cands[name].forms if len(f.split()) >= 2
               for st, _ in occurrences(f, text))  # fmt: skip


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
    return (low in STOP_WORDS or printed_lower(low, text)) and not variants.is_given_name(low)


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


def untagged_given_names(reg: Registry, text: str) -> None:
    """'Charlize isn't yet wearing a ring' after 'Charlize Theron': a given name spaCy did not
    tag alone is the one person of the article whose full name starts with it, where the word
    names nothing else (no other name starts with it, the text never prints it in lower case,
    no stop word, no place) and is used alone away from a sentence's start. After the typer."""
    firsts: dict[str, list[str]] = {}
    for name in reg.cands:
        firsts.setdefault(name.split()[0], []).append(name)
    for given, named in firsts.items():
        people = [n for n in named if reg.type_of(n) == "PERSON" and 2 <= len(n.split()) <= 3]
        if len(people) != 1 or len(named) != 1 or given in reg.by_form or len(given) < 3 \
                or not given.istitle() or given.lower() in STOP_WORDS \
                or printed_lower(given, text) or places().get(given) is not None:  # fmt: skip
            continue
        starts = [st for st, _ in occurrences(given, text, "-", "-", capital_word_next)]
        if starts and not all(_sentence_start(text, st) for st in starts) \
                and used_alone(given, text):  # fmt: skip
            reg.merge(into=people[0], form=given)
