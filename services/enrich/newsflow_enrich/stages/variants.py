"""Spelling variants of one name within an article, for the resolve stage:
- the same letters once case, accents, hyphens, dots and spaces are set aside ("Deir al-Balah" /
  "Deir Al Balah", "Determined AI" / "Determined.ai", "Müller" / "Muller");
- a German umlaut written out ("Müller" / "Mueller");
- a full name with its middle name, only its initial or neither ("Daniel Stephen Johnson" /
  "Daniel S. Johnson", "Christopher L. Tays" / "Christopher Tays"), or without its generation
  ("Marlon Teague III" / "Marlon Teague"); a given name and a generation ("Allan Jnr" /
  "Allan Bryant Jnr");
- a surname misspelt by one letter left out, doubled or swapped with the next ("Ramaswamy" /
  "Ramswamy", "Garrett" / "Garett"), where the story uses the right spelling too, whether or
  not spaCy tagged the misspelling; a surname spaced otherwise ("De Blasio" / "DeBlasio");
- a full name without a middle name, or without the given name ("Edward Lorenz", "Chavez
  Rodriguez" for "Edward Norton Lorenz", "Julie Chavez Rodriguez"; after the typer);
- a full name printed with its middle initial or a generation where spaCy tagged no name
  ("Daniel S. Johnson" in a caption, "Mike Glass III");
- a given name's nickname ("Pat Carlineo" / "Patrick W. Carlineo", "Geoff" / "Geoffrey Skelley"),
  from the hand-curated table of the `nicknames` package;
- a nickname in quotation marks inside a name ('Earvin "Magic" Johnson' / "Magic");
- a peer's or a pope's title printed before the name ("Lord Curry" / "Curry").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from nicknames import NickNamer

from newsflow_enrich.stages import names
from newsflow_enrich.stages.alone import outside
from newsflow_enrich.stages.registry import STRONG, Registry, occurrences

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                          "ß": "ss"})  # fmt: skip


def _ascii(form: str) -> str:
    return unicodedata.normalize("NFKD", form).encode("ascii", "ignore").decode()


def key(form: str) -> str:
    """The letters and digits of a form, lower case and without accents."""
    return re.sub(r"[^0-9a-z]", "", _ascii(form).lower())


def spellings(form: str) -> set[str]:
    """Other ways a text may print `form`: without accents, with umlauts written out."""
    return {_ascii(form), form.translate(_UMLAUTS)} - {form}


# Titles that are part of the name a person goes by: a peer's ("Lord Curry") and a pope's
# ("Pope Francis"); bench/real/ANNOTATING.md cuts every other title.
_STYLED = ("Lord", "Lady", "Baron", "Baroness", "Pope")


def _printed_title(reg: Registry, text: str) -> None:
    """'Lord Curry', 'Pope Benedict XVI' printed where spaCy tagged 'Curry', 'Benedict XVI': the
    titled form is what the person goes by, a form of the name. Only where every mention is
    titled: "Lady Starmer" beside "Starmer" is someone else than Keir Starmer."""
    for name in list(reg.cands):
        if name not in reg.cands or reg.type_of(name) != "PERSON" or len(name.split()) > 2:
            continue
        starts = [start for start, _ in occurrences(name, text)]
        for title in _STYLED:
            form = f"{title} {name}"
            if starts and reg.by_form.get(form) is None \
                    and all(text[max(0, i - len(title) - 1):i] == title + " " for i in starts):  # fmt: skip
                reg.merge(into=name, form=form)
                break


def run(reg: Registry, text: str) -> None:
    _shorter_names(reg, text)
    _printed_generation(reg, text)
    _given_generation(reg)
    _printed_title(reg, text)
    _same_letters(reg)
    _same_surname_letters(reg)
    _unaccented(reg, text)
    _middle_initials(reg, text)
    misspelt_surnames(reg, text)
    misspelt_given_names(reg)
    _nicknames(reg, text)


def _same_letters(reg: Registry) -> None:
    """Candidates of one type whose keys are equal are one: into the one named first."""
    by_key: dict[tuple[str, str], str] = {}
    for name in sorted(reg.cands, key=lambda n: reg.cands[n].first):
        if name not in reg.cands or reg.cands[name].curated_type:
            continue
        k = (key(name), reg.type_of(name))
        if len(k[0]) < 4:
            continue  # "A.P." is no "AP" here: too short to tell
        other = by_key.setdefault(k, name)
        if other != name and other in reg.cands:
            reg.merge(into=other, form=name)


def _unaccented(reg: Registry, text: str) -> None:
    """'Muller' and 'Mueller' alone are 'Gerhard Müller', 'Treme' is 'Tremé': a person's surname
    or any name spelt without its accents (the form is added where the text uses it, whether or
    not spaCy tagged it)."""
    for name in list(reg.cands):
        if name not in reg.cands or reg.cands[name].curated_type:
            continue
        person = reg.type_of(name) == "PERSON" and len(name.split()) >= 2
        forms = spellings(names.surname(name)) if person else set()
        for variant in forms | spellings(name):
            owner = reg.by_form.get(variant)
            if owner and (owner == name or len(owner.split()) > len(variant.split())):
                continue
            if owner or next(occurrences(variant, text), None):
                reg.merge(into=name, form=variant)
                if person:
                    reg.cue(name, "PERSON")


_GENERATION = re.compile(r"(?:Jr|Sr|Jnr|Snr)\.?|II|III|IV")  # "Jnr": British papers
_GENERATION_AFTER = re.compile(r",? (?:(?:Jr|Sr|Jnr|Snr)\.?|II|III|IV)(?!\w)")


def _shorter_names(reg: Registry, text: str) -> None:
    """'Christopher Tays' is 'Christopher L. Tays': the full name without its middle initial;
    'Marlon Teague' is 'Marlon Teague III': without the generation after it, unless another
    generation of the name is in the article too ("Allan Bryant Snr" and "Allan Bryant Jnr")."""
    generations: dict[str, int] = {}
    for name in reg.cands:
        if _GENERATION.fullmatch(name.split()[-1]):
            base = " ".join(name.split()[:-1]).rstrip(",")
            generations[base] = generations.get(base, 0) + 1
    for name in list(reg.cands):
        words = name.split()
        if name not in reg.cands or reg.type_of(name) != "PERSON":
            continue
        if len(words) == 3 and re.fullmatch(r"[A-Z]\.", words[1]):
            short = f"{words[0]} {words[2]}"
        elif len(words) >= 3 and _GENERATION.fullmatch(words[-1]):
            short = " ".join(words[:-1]).rstrip(",")
            if generations.get(short, 0) > 1:
                continue
        else:
            continue
        if short in reg.by_form or next(occurrences(short, text, before="."), None):
            reg.merge(into=name, form=short)


def fewer_words(reg: Registry, text: str) -> None:
    """'Edward Lorenz' for 'Edward Norton Lorenz', 'Mohd Firdaus' for 'Mohd Firdaus Ramli',
    'Chavez Rodriguez' for 'Julie Chavez Rodriguez': a name of two words or more spaCy tagged
    as a person, whose words are in order words of the one longer person's name of the article
    named before it, printed away from that name (not a piece of it spaCy cut: "Yoon Suk" of
    "Yoon Suk Yeol"). Named after, the longer one is someone else ("Stephen Jones" and his son
    "John Stephen Jones"). After the typer."""
    people = [n for n in reg.cands if reg.type_of(n) == "PERSON"]
    for short in people:
        words = short.split()
        if short not in reg.cands or len(words) < 2 or reg.by_form.get(short) != short:
            continue
        fits = [n for n in people if n in reg.cands and len(n.split()) > len(words)
                and _in_order(words, n.split()) and reg.cands[n].first < reg.cands[short].first
                and outside(short, reg.cands[n].forms, text)]  # fmt: skip
        if len(fits) == 1:
            reg.merge(into=fits[0], form=short)


def _in_order(words: list[str], longer: list[str]) -> bool:
    rest = iter(longer)
    return all(w in rest for w in words)


def _given_generation(reg: Registry) -> None:
    """'Allan Jnr' is 'Allan Bryant Jnr': a given name and a generation, where one full name of
    the article has both (the story tells a father and son apart so)."""
    for name in list(reg.cands):
        words = name.split()
        if name not in reg.cands or len(words) != 2 or not _GENERATION.fullmatch(words[1]):
            continue
        fits = [n for n in reg.cands if n != name and reg.type_of(n) == "PERSON"
                and len(w := n.split()) >= 3 and w[0] == words[0]
                and w[-1].rstrip(".") == words[1].rstrip(".")]  # fmt: skip
        if len(fits) == 1:
            reg.merge(into=fits[0], form=name)


def _printed_generation(reg: Registry, text: str) -> None:
    """'Mike Glass III' printed for 'Mike Glass' where spaCy did not tag it: a generation after
    the name, unless the article names another generation of it."""
    for name in list(reg.cands):
        words = name.split()
        if name not in reg.cands or reg.type_of(name) != "PERSON" or len(words) < 2 \
                or _GENERATION.fullmatch(words[-1]):  # fmt: skip
            continue
        # A literal search and one compiled pattern: a pattern per name cost 3 ms per article.
        gens = {text[start:m.end()] for start, end in occurrences(name, text)
                if (m := _GENERATION_AFTER.match(text, end))}  # fmt: skip
        if len(gens) == 1 and reg.by_form.get(form := gens.pop()) is None:
            reg.merge(into=name, form=form)


def _same_surname_letters(reg: Registry) -> None:
    """'De Blasio' for 'Bill DeBlasio': a person's name with the letters of the surname of one
    person of the article (spaces, case and hyphens aside)."""
    people = [n for n in reg.cands if reg.type_of(n) == "PERSON" and len(n.split()) >= 2]
    by_key: dict[str, set[str]] = {}
    for p in people:
        by_key.setdefault(key(names.surname(p)), set()).add(p)
    for name in list(reg.cands):
        c = reg.cands.get(name)
        if c is None or c.curated_type or reg.type_of(name) != "PERSON" or len(key(name)) < 5:
            continue
        owners = by_key.get(key(name), set()) - {name}
        if len(owners) == 1 and name != names.surname(next(iter(owners))):
            [owner] = owners
            if owner in reg.cands and not owner.endswith(" " + name):
                reg.merge(into=owner, form=name)


def _middle_initials(reg: Registry, text: str) -> None:
    """'Daniel S. Johnson' is 'Daniel Stephen Johnson' (same first and last word, the middle
    name's initial): a candidate of its own joins the full name, and so does the form printed
    where spaCy did not tag it (a caption)."""
    people = [n for n in reg.cands if reg.type_of(n) == "PERSON" and len(n.split()) == 3]
    full = {(w[0], w[1][0], w[2]): n for n in people
            if len((w := n.split())[1].rstrip(".")) > 1}  # fmt: skip
    for n in people:
        w = n.split()
        if n in reg.cands and re.fullmatch(r"[A-Z]\.?", w[1]):
            into = full.get((w[0], w[1][0], w[2]))
            if into and into in reg.cands and into != n:
                reg.merge(into=into, form=n)
    for name in full.values():
        w = name.split()
        form = f"{w[0]} {w[1][0]}. {w[2]}"
        if name in reg.cands and len(w[1]) > 2 and w[1].isalpha() \
                and reg.by_form.get(form) is None and next(occurrences(form, text), None):  # fmt: skip
            reg.merge(into=name, form=form)


def misspelt_surnames(reg: Registry, text: str = "") -> None:
    """A one-word name one slip away from the surname of one person of the article, used less
    often than that person is named, is that person; so is a capitalised word of `text` spaCy
    did not tag, one slip from the surname of one person ("Yiannopoulous")."""
    people = [n for n in reg.cands if reg.type_of(n) == "PERSON" and len(n.split()) >= 2]
    surnames: dict[str, list[str]] = {}
    for p in people:
        surnames.setdefault(names.surname(p), []).append(p)
    for word in {w for w in re.findall(r"(?<![\w’'-])[A-Z][a-z]{4,}(?![\w-])", text)
                 if w not in reg.by_form and w not in surnames}:  # fmt: skip
        owners = {p for s, ps in surnames.items() if one_slip(word, s) for p in ps}
        if len(owners) == 1 and (owner := owners.pop()) in reg.cands:
            reg.merge(into=owner, form=word)
    for name in list(reg.cands):
        c = reg.cands.get(name)
        if c is None or len(name.split()) != 1 or len(name) < 5 or c.curated_type \
                or name in surnames or not name[:1].isupper():  # fmt: skip
            continue
        owners = {p for s, ps in surnames.items() if one_slip(name, s) for p in ps}
        if len(owners) != 1:
            continue
        [owner] = owners
        if owner in reg.cands and sum(c.types.values()) <= sum(reg.cands[owner].types.values()):
            reg.merge(into=owner, form=name)
            reg.cue(owner, "PERSON")


def misspelt_given_names(reg: Registry) -> None:
    """'Rushiyah Narker' beside 'Rushdiyah Narker': two full names with one surname whose given
    names are one slip apart are one person, under the name printed more often."""
    people = [n for n in reg.cands if reg.type_of(n) == "PERSON" and len(n.split()) == 2]
    for a in people:
        for b in people:
            if a < b and a in reg.cands and b in reg.cands and a.split()[1] == b.split()[1] \
                    and one_slip(a.split()[0], b.split()[0]):  # fmt: skip
                into = reg.most_printed((a, b))
                reg.merge(into=into, form=b if into == a else a)


def one_slip(a: str, b: str) -> bool:
    """One letter left out or added (inside the word, not its first or last), or two
    neighbouring letters swapped; both at least five letters. Not a letter changed: 'Allen' and
    'Allan' are two people as often as one."""
    if min(len(a), len(b)) < 5 or a == b or a[0] != b[0] or a[-1] != b[-1]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]  # fmt: skip
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long) - 1))


@cache
def _namer() -> NickNamer:
    return NickNamer()


def is_given_name(word: str) -> bool:
    """A given name or a nickname of one, by the nicknames package ("will", "pat")."""
    low = word.lower()
    return bool(_namer().nicknames_of(low) or _namer().canonicals_of(low))


def _same_given(a: str, b: str) -> bool:
    """'Pat' and 'Patrick', 'Geoff' and 'Geoffrey': one is a nickname of the other (the
    nicknames package) and begins it."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    return short != long and long.startswith(short[:2]) \
        and long in _namer().canonicals_of(short)  # fmt: skip


def _nicknames(reg: Registry, text: str) -> None:
    """'Pat Carlineo' is 'Patrick W. Carlineo', 'Geoff' alone is 'Geoffrey Skelley': a given
    name's nickname, where one person of the article fits. Two full names are not one where the
    text names them close together ("Chris Hale and Christine Hale": two people)."""
    people = [n for n in reg.cands if reg.type_of(n) == "PERSON" and len(n.split()) >= 2]
    for name in list(reg.cands):
        if name not in reg.cands or reg.type_of(name) != "PERSON":
            continue
        w = name.split()
        fits = [p for p in people if p != name and p in reg.cands
                and _same_given(w[0], p.split()[0])
                and (len(w) == 1 or names.surname(p) == names.surname(name)
                     and not _close(reg.cands[p].forms, reg.cands[name].forms, text))]  # fmt: skip
        if len(fits) == 1:
            reg.merge(into=max(fits + [name], key=len), form=min(fits + [name], key=len))


def _close(forms_a: set[str], forms_b: set[str], text: str, within: int = 200) -> bool:
    at_a = [s for f in forms_a for s, _ in occurrences(f, text)]
    at_b = [s for f in forms_b for s, _ in occurrences(f, text)]
    return any(abs(x - y) <= within for x in at_a for y in at_b)


_WORD = r"[A-Z][\w'’.-]*"
_QUOTED_NICKNAME = re.compile(
    rf"(?<![\w’'-])({_WORD}(?: {_WORD})?) [“\"]({_WORD}(?: {_WORD})?)[”\"] ({_WORD})(?![\w-])"
)


def quoted_nicknames(reg: Registry, text: str) -> None:
    """'Lee “Faker” Sang-hyeok', 'Earvin "Magic" Johnson': a person named with a nickname in
    quotation marks, who is the nickname alone in the rest of the story (spaCy tags the name
    as pieces, if at all)."""
    for m in _QUOTED_NICKNAME.finditer(text):
        full, nick = m.group(0), m.group(2)
        first, last = m.group(1).split()[0], m.group(3).lower()
        if last in names.ORG_SUFFIXES or last in names.PLACE_SUFFIXES \
                or first in ("The", "A", "An") or names.is_title_only(m.group(1)):  # fmt: skip
            continue  # "the Riverside “Open” Arena"
        owner = reg.by_form.get(nick)
        if owner is not None and len(owner.split()) > len(nick.split()):
            continue
        name = reg.add(full, "PERSON", m.start(), weight=STRONG)
        plain = reg.by_form.get(f"{m.group(1)} {m.group(3)}")
        if plain is not None and plain != name:
            reg.merge(into=plain, form=full)  # 'Han “Hana” Lee' is the 'Han Lee' printed too
            name = plain
        if owner is not None or next(occurrences(nick, text), None):
            reg.merge(into=name, form=nick)
