"""Acronyms and names in brackets or after "known as", for the resolve stage: "Long Name (ACR)"
wherever the letters fit (or the name is an entity ending right before the bracket: "Authority
(AFAD)"), "the National Health Surveillance Agency (Anvisa)", "X, known as Y", and "ACR" whose
letters are the initials of a name in the article, or its word starts and inner consonants
("VW": "Volkswagen"; split from resolve.py for its size)."""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from newsflow_enrich.stages import names, states
from newsflow_enrich.stages.doc_text import text_of
from newsflow_enrich.stages.registry import STRONG, TYPES, Registry, clean_form, curated
from newsflow_enrich.stages.states import STATE_NAMES

_PAREN = re.compile(r"\(([A-Z][A-Za-z.&]{1,9})\)")
# A stock ticker and its exchange ("RELI.NS", "AAPL.O"), as Reuters prints it in brackets.
_TICKER = re.compile(r"[A-Z]{1,6}\.[A-Z]{1,2}")
_KNOWN_AS = re.compile(
    r"(?:,\s*|\()(?:also |commonly |better )?known (?:as|by (?:its|the) (?:\w+ )?"
    r"(?:acronym|initials|abbreviation)) (?:the )?"
    r"([A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,4})"
)


def paren_acronyms(doc: Doc, reg: Registry) -> None:
    """'Syrian Democratic Forces (SDF)': the acronym is an alias of the name before it."""
    text = text_of(doc)
    for m in _PAREN.finditer(text):
        short = m.group(1)
        if _TICKER.fullmatch(short):
            continue  # "Reliance Industries (RELI.NS)": a stock ticker, no name the story uses
        before = text[: m.start()].rstrip()
        if not names.is_acronym(short):
            _paren_alias(doc, reg, before, short, m.start())
            continue
        long = names.expansion(before, short)
        # spaCy's entity that ends at the bracket, or swallowed it ("Processes (ONPE").
        ent = next((e for e in doc.ents if e.start_char < len(before) <= e.end_char + 1
                    and e.end_char <= m.end()), None)  # fmt: skip
        if long is None and ent is not None and ent.label_ == "ORG":
            long = clean_form(ent.text)  # "Disaster and Emergency Management Authority (AFAD)"
        if not long or len(long) <= len(short) or long.isupper():
            continue  # "CHICAGO (AP)" is a dateline and its agency
        type_ = TYPES.get(ent.label_) if ent is not None else None
        # "UN Office for the Coordination of Humanitarian Affairs (OCHA)": a longer name that
        # ends with the expansion is the one spelled.
        into = (
            reg.by_form.get(long)
            or next(
                (n for n in reg.cands if n.endswith(" " + long) and before.endswith(n)),
                None,
            )
            or reg.add(long, type_ or "ORG", len(before) - len(long))
        )
        reg.merge(into=into, form=short)
        if names.is_org_name(long):
            reg.cue(into, "ORG")


def _paren_alias(doc: Doc, reg: Registry, before: str, short: str, at: int) -> None:
    """'the National Health Surveillance Agency (Anvisa)': a one-word name in brackets right
    after an organisation's name is what the article calls it later."""
    inner = doc.char_span(at + 1, at + 1 + len(short))
    if not short.isalpha() or not short[:1].isupper() or inner is None \
            or inner[0].ent_type_ in ("GPE", "LOC", "NORP"):  # fmt: skip
        return
    long = next((n for n in sorted(reg.cands, key=len, reverse=True) if before.endswith(n)
                 and len(n.split()) >= 2 and reg.type_of(n) == "ORG"), None)  # fmt: skip
    if long is not None:
        reg.merge(into=long, form=short)


def known_as(text: str, reg: Registry) -> None:
    """'the California Department of Forestry and Fire Protection, known as Cal Fire'."""
    for m in _KNOWN_AS.finditer(text):
        before = text[: m.start()]
        owner = max((f for f in reg.by_form if before.endswith(f)), key=len, default=None)
        alias = clean_form(m.group(1).split(". ")[0])  # not into the next sentence
        long = names.expansion(before, alias) if names.is_acronym(alias) else None
        if long and len(long) > len(owner or alias):
            # "the Philippine Atmospheric, Geophysical and ... Administration, known as PAGASA":
            # the whole name the letters spell, not the end of it spaCy tagged.
            name = reg.by_form.get(long) or reg.add(long, "ORG", len(before) - len(long))
            if owner:
                reg.merge(into=name, form=owner)
            owner = long
        if owner:
            reg.merge(into=reg.by_form[owner], form=alias)


def merge_acronyms(reg: Registry, text: str) -> None:
    """An acronym whose letters are the initials of a multi-word entity in the article: an
    entity, or (three letters or more) any capitalised word ('PSG have 56 points')."""
    long_names: dict[str, str] = {}
    for n in reg.cands:
        if len(n.split()) >= 2:
            for variant in _acronym_sources(reg, n):
                long_names.setdefault(names.initials(variant), n)
                # "DOJ", "COI": the "of" has its letter too
                long_names.setdefault(names.initials(variant.replace(" of ", " O ")), n)
    # Not the letters of a ticker ("ONGC.NS").
    for m in re.finditer(r"(?<![\w-])[A-Z][A-Z&]{1,7}[A-Z](?![\w-]|\.[A-Z])", text):
        target = long_names.get(m.group().replace("&", ""))
        if target and m.group() not in reg.by_form and m.group().lower() not in curated():
            reg.merge(into=target, form=m.group())
    for name in list(reg.cands):
        if (
            name in reg.cands
            and names.is_acronym(name)
            and name.lower() not in curated()
            and not states.after_cities(name, text)
        ):  # "Santa Fe, N.M.": a place of its own
            target = long_names.get(name.replace(".", "").replace("&", "").upper())
            if target and target != name and target in reg.cands:
                reg.merge(into=target, form=name)


# A run of capitalised words, small words allowed between them ("Party of Japan").
_JOINERS = ("of", "for", "and", "the", "&", "on", "in", "de")
_RUN = re.compile(r"[A-Z][\w'’.-]*(?: +(?:(?:" + "|".join(map(re.escape, _JOINERS))
                  + r") +)*[A-Z][\w'’.-]*)+")  # fmt: skip
_SENTENCE_END = re.compile(r"[A-Z][a-z'’-]{3,}\.")


def spelled_out(reg: Registry, text: str) -> None:
    """'WMP' and 'West Midlands Police' where spaCy tagged no such name: an acronym printed in
    the article whose letters are the initials of one run of capitalised words of the text,
    the run whole (bounded by no capitalised word: not "Traffic Safety Administration" inside
    "National Highway Traffic Safety Administration") and ending in an organisation's head
    word, is that organisation's acronym; the run is the name."""
    spelling: dict[str, set[str]] | None = None  # the text's runs by their initials, read once
    for acr in sorted(set(re.findall(r"(?<![\w-])[A-Z]{3,8}(?![\w-]|\.[A-Z])", text))):
        owner = reg.by_form.get(acr)
        if owner is not None and owner != acr or acr.lower() in curated():
            continue
        if spelling is None:
            spelling = defaultdict(set)
            for run in _runs(text):
                spelling[names.initials(run)].add(run)
        runs = spelling.get(acr, set())
        if len(runs) != 1:
            continue
        [long] = runs
        if not names.is_org_name(long):
            continue
        into = reg.by_form.get(long) or reg.add(long, "ORG", text.index(long), STRONG)
        reg.merge(into=into, form=acr)


def _runs(text: str) -> list[str]:
    """The stretches of each capitalised run that begin and end at the run's edges or at a
    small word ("Ministers and the National Farmers' Union": also "National Farmers' Union")."""
    out = []
    for m in _RUN.finditer(text):
        words = m.group().split()
        # A sentence ends in the run ("... Farmers' Union. Last week"): cut it there.
        end = next((k + 1 for k, w in enumerate(words) if _SENTENCE_END.fullmatch(w)), len(words))
        words = [w.rstrip(".") for w in words[:end]]
        words = words[1:] if words[0] == "The" else words  # "The Sunrise Party" at a start
        starts = [0] + [k + 1 for k, w in enumerate(words[:-1]) if w in _JOINERS]
        ends = [k for k, w in enumerate(words[1:]) if w in _JOINERS] + [len(words)]
        out += [
            " ".join(words[i:j])
            for i in starts
            for j in ends
            if j > i and words[i] not in _JOINERS and words[j - 1] not in _JOINERS
        ]
    return out


def merge_inner_acronyms(reg: Registry, words: int = 1) -> None:
    """'VW' is 'Volkswagen', 'WBG' 'Weibo Gaming': an organisation's acronym that spells the
    first letter of each word of its name and consonants inside them (a long acronym also a
    word's second letter: "NASCOM"), where one organisation
    of the article fits (the in-order letter match of Schwartz and Hearst's abbreviation
    algorithm, held to word starts and consonants since no brackets define the acronym)."""
    orgs = [n for n in reg.cands if reg.type_of(n) == "ORG" and not names.is_acronym(n)
            and len(n.split()) >= words]  # fmt: skip
    for short in list(reg.cands):
        if short not in reg.cands or not short.isalpha() or not short.isupper() \
                or not names.is_acronym(short) or reg.type_of(short) != "ORG" \
                or short.lower() in curated() or short.lower() in STOP_WORDS \
                or len(reg.cands[short].forms) > 1:  # fmt: skip
            continue
        # A vowel second letter only in an acronym of four letters or more: "EA" is no "Eagles".
        second = len(short) >= 4
        fits = [n for n in orgs if n in reg.cands and _spells(short.lower(), _words(n), second)]
        if len(fits) == 1:
            reg.merge(into=fits[0], form=short)


def _words(name: str) -> list[str]:
    return [w.lower() for w in re.split(r"[\s\-]+", name)
            if w and w.lower() not in ("of", "and", "the", "for", "&")]  # fmt: skip


def _spells(letters: str, words: list[str], second: bool = False) -> bool:
    """Each word gives its first letter and then none or more of its consonants, in order; with
    `second`, also its second letter ("NASCOM": "National Aerospace Services Company")."""
    if not words:
        return not letters
    if not letters or letters[0] != words[0][0]:
        return False
    word, k = words[0], 1
    if _spells(letters[1:], words[1:], second):
        return True
    for i in range(1, len(word)):  # more letters from inside this word
        if k < len(letters) and word[i] == letters[k] \
                and (word[i] not in "aeiou" or i == 1 and second):  # fmt: skip
            k += 1
            if _spells(letters[k:], words[1:], second):
                return True
    return False


def _acronym_sources(reg: Registry, name: str) -> list[str]:
    """What an acronym may spell: the name, without its legal suffix ('PG&E': 'Pacific Gas &
    Electric Co.'), without a leading place ('PUC': 'California Public Utilities Commission')."""
    out = [name]
    legal = names.without_legal_suffix(name)
    if legal != name and len(legal.split()) >= 2:
        out.append(legal)
    for k in (1, 2):  # "California ...", "New York ..."
        first, rest = " ".join(name.split()[:k]), " ".join(name.split()[k:])
        place = reg.by_form.get(first)
        if len(rest.split()) >= 2 and (
            names.is_country(first)
            or first in STATE_NAMES
            or place is not None
            and reg.type_of(place) == "LOC"
        ):
            out.append(rest)  # fmt: skip
    return out
