"""What an amount measures when it is said of a subject: the copula's ('The estimated value is
$4.3 million', 'Top speed is 124 mph', 'the death toll is 16,002') and a verb of lasting's ('The
strike lasted for 15 days'). The real pages' annotators name that subject as the object."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsflow_enrich.stages.figure_context import _common_noun, _has_number
from newsflow_enrich.stages.figure_events import SUBJ, existential
from newsflow_enrich.stages.names import LEGAL_FORMS

# After the amount or on it, a comparison: "$530 million above the request", "5 points higher".
_COMPARE = {"above", "below", "than", "more", "less", "higher", "lower", "times"}


def copula_subject(doc: Doc, h: Token, end: int) -> Token | None:
    """The subject of the copula `h` (the amount's head, ending before `end`) is the attribute
    of; 'the number of people killed is 8,700' counts the people. Not a comparison."""
    verb = h.head
    if h.dep_ != "attr" or verb.lemma_ != "be" or existential(verb):
        return None
    if end < len(doc) and doc[end].lower_ in _COMPARE \
            or any(c.dep_ == "prep" and c.lower_ in _COMPARE for c in h.children):  # fmt: skip
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not _common_noun(subj) or _has_number(subj):
        return None
    if subj.lemma_.lower() == "total":
        return counted(subj)
    return number_of(subj)


def counted(noun: Token) -> Token:
    """'the number of people killed': the noun a count word is "of" (else the word itself)."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    what = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return what if what is not None and what.pos_ == "NOUN" else noun


def number_of(noun: Token) -> Token:
    """A count said of 'the number of X' counts the X, whatever the verb ('the number of active
    cases stands at 698', 'expect the number of stores to grow to 80'); a percentage of it
    stays the number's ('the number of users rose 23 percent')."""
    return counted(noun) if noun.lemma_.lower() == "number" else noun


# Verbs a duration is the length of their subject by.
_LASTING = {"last", "persist", "remain", "average", "stretch", "span", "linger", "endure"}


def lasting_subject(h: Token) -> Token | None:
    """What a duration is the length of: the subject of a verb of lasting ('the outage lasted
    about two hours', 'signs will remain up for another three days')."""
    verb = h.head
    if h.dep_ == "pobj" and h.head.lower_ == "for" and h.head.dep_ == "prep":
        verb = h.head.head
    elif h.dep_ not in ("dobj", "npadvmod"):
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LASTING:
        return None
    subj = clause_subject(verb)
    return subj if subj is not None and _common_noun(subj) and not _has_number(subj) else None


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject, also where the parse gives it elsewhere: the first verb's of two
    coordinated ones ('The strike involved 185,000 workers and lasted 15 days'), the governing
    verb's of an infinitive ('scheduled to last six months'), and the noun a relative pronoun
    stands for ('an attack that lasted 45 seconds', 'the commission, which is to last')."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
        if subj is not None:
            break
        if verb.dep_ not in ("conj", "xcomp") or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = verb.head
    if subj is None:
        return None
    if subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl" \
            and verb.head.pos_ in ("NOUN", "PROPN"):  # fmt: skip
        return verb.head
    return subj


# Words naming a stock index: "the BSE Sensex", "Benchmark NSE Nifty50 index", "the Dow".
_INDEX = {"index", "indices", "sensex", "nifty", "nifty50", "dow", "nasdaq", "ftse", "nikkei",
          "dax", "cac", "kospi", "composite", "s&p", "topix", "asx", "seng", "stoxx", "msci"}  # fmt: skip


def index_subject(t: Token) -> Token | None:
    """'the BSE Sensex was up 152.71 points at 41,268.09', 'The Dow fell 120 points to 28,500':
    an index's points and level are of the index, the subject of their clause (a player's
    'scored 31 points' are points)."""
    if t.dep_ == "pobj" and t.head.dep_ == "prep":  # "at 41,268.09"
        t = t.head
    if t.dep_ in ("npadvmod", "prep") and t.head.lower_ in ("up", "down"):  # "up 152.71 points"
        t = t.head
    verb = t.head
    if t.dep_ not in ("dobj", "npadvmod", "prep", "advmod", "attr") \
            or verb.pos_ not in ("VERB", "AUX"):  # fmt: skip
        return None
    subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    words = subj.doc[subj.left_edge.i : subj.i + 1]  # "The Dow Jones Industrial Average"
    return subj if any(w.lower_ in _INDEX for w in words) else None


# A quote code printed after a name: "the Dow Jones Industrial Average .DJI", "the euro EUR=",
# "Japan's Nikkei futures NKc1".
_TICKER = re.compile(r"\.[A-Z0-9.]+|[A-Z]{2,}[a-z]\d|[A-Z]{3}=")


def untickered(noun: Token) -> Token:
    """The name a quote code follows, for the code itself ('the Nasdaq Composite .IXIC added
    20.72 points': the Composite)."""
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if _TICKER.fullmatch(noun.text) and before is not None and before.head.i == noun.i \
            and before.pos_ in ("NOUN", "PROPN"):  # fmt: skip
        return before
    return noun


def hyphen_adjective_noun(h: Token) -> Token | None:
    """'a four-day-long barrage', 'an 18,000-strong student body', 'its 500-metre-wide dish':
    the noun the amount's hyphenated adjective describes is what it measures or counts."""
    adj = h.head
    doc = h.doc
    if h.dep_ not in ("npadvmod", "advmod") or adj.pos_ != "ADJ" or adj.dep_ != "amod" \
            or adj.head.pos_ != "NOUN" or adj.head.i < adj.i \
            or not (adj.i > 0 and doc[adj.i - 1].text == "-"):  # fmt: skip
        return None
    return adj.head


# Verbs of a price or share moving: "Pfizer Inc. fell 1.2 percent", "Copper rose to $5,880".
_MARKET_MOVES = {"rise", "fall", "gain", "lose", "drop", "climb", "jump", "slip", "slide", "sink",
                 "surge", "soar", "tumble", "plunge", "rally", "shed", "edge", "dip", "decline",
                 "advance", "retreat", "trade", "close", "end", "finish", "settle"}  # fmt: skip


def market_subject(h: Token) -> Token | None:
    """What moved by or to a percentage or a price, named ('Pfizer Inc. fell 1.2 percent',
    'Copper CMCU3 rose 0.86% to $5,880.00', 'crude fell toward $50 a barrel')."""
    t = h
    if t.dep_ == "pobj" and t.head.lower_ in ("to", "toward", "towards", "at") \
            and t.head.dep_ == "prep":  # fmt: skip
        t = t.head
    elif t.dep_ not in ("dobj", "npadvmod"):
        return None
    verb = t.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MARKET_MOVES:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    subj = untickered(subj)
    if (
        subj.lower_.rstrip(".") in LEGAL_FORMS
        and subj.i > 0
        and subj.doc[subj.i - 1].head.i == subj.i
    ):
        subj = subj.doc[subj.i - 1]  # "Pfizer Inc.": Pfizer
    # named: a common noun is changed_thing's ("revenue rose"), and "investors lost $2 trillion"
    # lost money of their own
    if subj.pos_ != "PROPN" or subj.ent_type_ in ("PERSON", "GPE"):
        return None
    return subj
