"""Numbers that label or place rather than count (not_figures.excluded_surely asks): a duration
that places an event in time ("two weeks before the election"), a year before the thing it
dates ("a 1761 work", "late 2020", "500 BC"), a street block ("the 23300 block of"), a product's
type or model ("the 13-inch MacBook Pro", "a 10-speed gearbox", "iOS 13") and a number word in a
name ("the Big Ten", "episode two", "stage three cancer").

Each is a shape the annotation guide (bench/real/ANNOTATING.md) names as no figure: "six months
ago places an event in time", years and names are not figures, product types are not counted.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsflow_enrich.stages.numbers import UNITS, currency_follows, is_number_token

DURATIONS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour",
             "hours", "minute", "minutes", "decade", "decades", "second", "seconds"}  # fmt: skip
# "two weeks before the election", "ten hours later": spaCy hangs the duration on these words.
_PLACERS = {"before", "after", "later", "earlier", "prior", "since", "ago"}


def after_number_run(t: Token) -> int:
    """The index of the word after the number run that starts at `t`, through a range ("about
    50 minutes", "two to three weeks", "12 to 18 months"); len(doc) at its end."""
    doc, k = t.doc, t.i + 1
    while k < len(doc) and (is_number_token(doc[k]) or doc[k].text == "-"
                            or doc[k].lower_ in ("to", "or", "and")
                            and k + 1 < len(doc) and is_number_token(doc[k + 1])):  # fmt: skip
        k += 1
    return k


def _unit_after(t: Token) -> Token | None:
    k = after_number_run(t)
    return t.doc[k] if k < len(t.doc) else None


def places_in_time(t: Token) -> bool:
    """'two weeks before the election', 'about 50 minutes after takeoff', 'Ten hours later':
    the duration says when something happened, not how long ('in the two months after the
    attack' is a span of time and stays)."""
    unit = _unit_after(t)
    return unit is not None and unit.lower_ in DURATIONS and unit.dep_ == "npadvmod" \
        and unit.head.lower_ in _PLACERS  # fmt: skip


_YEAR = re.compile(r"(1[6-9]|20)\d\d")
_ERAS = {"bc", "bce", "ad", "ce", "b.c.", "a.d.", "b.c.e."}


def dates_a_thing(t: Token) -> bool:
    """'a 1761 work', 'A small 2025 study', 'late 2020', 'around 500 BC': a year (or an era's
    number), not a count ('2014 votes' counts: a plural noun)."""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in _ERAS:
        return True
    if not _YEAR.fullmatch(t.text):
        return False
    if t.i > 0 and doc[t.i - 1].lower_ in ("late", "early", "mid", "mid-"):
        return True
    return nxt is not None and nxt.tag_ == "NN" and t.head.i == nxt.i \
        and nxt.lower_ not in UNITS and not currency_follows(t)  # fmt: skip


def street_block(t: Token) -> bool:
    """'in the 23300 block of Edmond Street': an address on American police pages."""
    doc, i = t.doc, t.i
    return t.text.isdigit() and i + 2 < len(doc) and doc[i + 1].lower_ == "block" \
        and doc[i + 2].lower_ == "of"  # fmt: skip


# Hyphenated types: "a four-door coupe", "a 10-speed gearbox", "a 360-degree camera".
_TYPES = {"door", "speed", "seater", "wheeler", "cylinder", "pack", "degree", "bit", "core"}
_SIZES = {"inch", "in", "inches"}


def product_type(t: Token) -> bool:
    """'a 10-speed automatic transmission', 'the 13-inch MacBook Pro' (a model's size before its
    name), 'iOS 13', 'the iPhone 11': what kind of product, not how many."""
    doc, i = t.doc, t.i
    if i + 2 < len(doc) and doc[i + 1].text == "-":
        word = doc[i + 2]
        if word.lower_ in _TYPES:
            return True
        after = doc[i + 3] if i + 3 < len(doc) else None
        if word.lower_ in _SIZES and after is not None and after.pos_ == "PROPN":
            return True
    prev = doc[i - 1] if i > 0 else None
    # "iOS", "iPhone", "macOS": a lower-case letter then capitals names a product line
    return prev is not None and t.text.isdigit() and prev.is_alpha and prev.text[:1].islower() \
        and any(c.isupper() for c in prev.text[1:])  # fmt: skip


_NAME_LABELS = {"episode", "stage", "season", "phase", "chapter", "level", "grade", "category",
                "series", "part", "act", "round", "week"}  # fmt: skip
# A match's or a meeting's numbered part ("game two", "day six of the Olympics"), read as a label
# only where the number is the word's (not "the day two planes hit": those count the planes).
_ROUNDS = {"game", "day"}


def word_in_name(t: Token) -> bool:
    """'the Big Ten', 'the Big Three automakers' (a capitalised number word after a capitalised
    word inside a sentence); 'episode two', 'stage three breast cancer', 'game four' (a number
    word after a word it labels)."""
    if not t.is_alpha or t.i == 0:
        return False
    prev = t.doc[t.i - 1]
    if t.is_title and prev.is_title and prev.is_alpha and not prev.is_sent_start:
        return True
    if prev.lower_ in _ROUNDS and prev.tag_ == "NN":
        return t.head.i < t.i  # "game two", "day six"; not "the day three people died"
    return prev.lower_ in _NAME_LABELS and prev.tag_ == "NN"
