"""What a figure is about, read off spaCy's dependency parse: the thing counted or measured
(object), what happened to it (event), and the figure it is part of (parent).

Counts ("34 jihadists") take the noun they modify. Amounts with a unit ("61.4 percent",
"$3.2 billion") are the unit's phrase; their object is what they are "of" ("38 percent of the
vote"), what the money is "in"/"on"/"for" ("$150 million in emergency aid"), the noun they modify
("a $3.2 billion budget"), or, when they measure a change ("trims subsidies by 12 percent",
"revenue tripled to $22.1 billion"), the thing that changed: the verb's object, else its subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

NOUNS = ("NOUN", "PROPN")
_SUBJ = ("nsubj", "nsubjpass")
_OBJ = ("dobj", "obj", "attr", "oprd")
_PARTS = ("including", "among", "of whom", "of which")


def head_of(doc: Doc, start: int, end: int) -> Token:
    """The token of doc[start:end] whose head lies outside it (the phrase's syntactic head)."""
    for t in doc[start:end]:
        if t.head.i < start or t.head.i >= end or t.head.i == t.i:
            return t
    return doc[end - 1]


def count_object(doc: Doc, start: int, end: int) -> Token | None:
    """The noun counted: the head of a nummod, or the noun after 'of' ('dozens of families')."""
    last = doc[end - 1]
    for t in doc[start:end]:
        if t.dep_ == "nummod" and t.head.pos_ in NOUNS and not start <= t.head.i < end:
            return t.head if t.head.i >= start else None
    nxt = doc[end] if end < len(doc) else None
    head: Token = last
    if nxt is not None and nxt.lower_ == "of":
        pobj = [c for c in nxt.children if c.dep_ == "pobj"]
        head = pobj[0] if pobj else last
    elif nxt is not None and nxt.pos_ in NOUNS and nxt.head.i != last.i and nxt.dep_ != "npadvmod":
        head = nxt
    elif last.head.pos_ in NOUNS and last.dep_ in ("nummod", "compound") and last.head.i > last.i:
        head = last.head
    return head if head.pos_ in NOUNS and head.i >= end else None


def amount_object(doc: Doc, start: int, end: int, kind: str) -> tuple[Token | None, Token | None]:
    """(object, event) of an amount with a unit, doc[start:end] being the whole amount; `kind`
    is money, percent or measure."""
    money = kind == "money"
    h = head_of(doc, start, end)
    # "6.94 million, or 48.85 percent": an amount in apposition shares its head's context.
    while h.dep_ in ("conj", "appos") and (h.head.like_num or h.head.pos_ in NOUNS) \
            and any(c.like_num for c in h.head.subtree):  # fmt: skip
        h = h.head
    for prep in (c for c in h.children if c.dep_ == "prep"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUNS), None)
        if pobj is not None and (prep.lower_ == "of" or money and prep.lower_ in ("in", "on", "for")):
            return pobj, verb_of(h)
    if h.dep_ in ("compound", "nmod", "amod", "nummod") and h.head.pos_ in NOUNS and h.head.i >= end:
        return h.head, event_of(h.head)
    if h.dep_ == "pobj" and h.head.dep_ in ("prep", "agent"):
        prep = h.head
        if prep.head.pos_ in NOUNS and not _has_number(prep.head):
            return prep.head, event_of(prep.head)  # "a deficit of nearly $980 million"
        if prep.head.pos_ in ("VERB", "AUX"):
            return changed_thing(prep.head, money), _verb(prep.head)
    if h.dep_ in (*_OBJ, "npadvmod", "advmod", "nsubj", "nsubjpass") and h.head.pos_ in ("VERB",
                                                                                      "AUX"):
        verb = h.head
        if h.dep_ in ("nsubj", "nsubjpass"):
            return None, _verb(verb)
        if kind == "measure" and h.dep_ in _OBJ and verb.dep_ not in ("acl", "relcl"):
            return None, _verb(verb)  # "burned 14,000 acres": the measure is what was counted
        return changed_thing(verb, money, skip=h), _verb(verb)
    return None, None


def changed_thing(verb: Token, money: bool, skip: Token | None = None) -> Token | None:
    """What a change or amount verb is about: its object ('trims subsidies by 12 percent'),
    else its subject ('revenue tripled', 'Turnout reached 61.4 percent'); common nouns only."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    for deps in ((_SUBJ, _OBJ) if passive else (_OBJ, _SUBJ)):
        for c in verb.children:
            if c.dep_ in deps and c is not skip and c.pos_ == "NOUN" and not _has_number(c):
                return c
    # "Winds gusting up to 60 mph": a participle describing the noun.
    if verb.dep_ in ("acl", "relcl") and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ == "NOUN":
        return verb.head
    return None


def _has_number(t: Token) -> bool:
    """The noun is itself a measured amount ("61.4 percent", "300 metres")."""
    return any(c.like_num for c in t.children) or t.like_num


def verb_of(tok: Token) -> Token | None:
    """The verb whose argument `tok` is, directly or through a preposition."""
    if tok.dep_ in (*_OBJ, *_SUBJ, "npadvmod", "dative") and tok.head.pos_ in ("VERB", "AUX"):
        return _verb(tok.head)
    if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
        return tok.head.head
    return None


def _verb(t: Token) -> Token | None:
    return t if t.pos_ == "VERB" else None


def event_of(noun: Token) -> Token | None:
    """What happened to the counted thing: the verb whose subject or object it is."""
    t = noun
    while t.dep_ in ("conj", "appos") and t.head is not t:
        t = t.head
    # Up through "including ..." / "of ..." attachments to the noun that carries the verb.
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in NOUNS:
        t = t.head.head
        while t.dep_ in ("conj", "appos"):
            t = t.head
    # "civilians ... to flee", "300 people killed in the blast": a clause on the noun itself.
    for c in t.children:
        if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and (
            c.tag_ == "VBN" or any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        ):
            return c
    head = t.head
    # "reduced to ten men", "delivering food to 100,000 people": the verb of the preposition.
    if t is noun and t.dep_ == "pobj" and head.lower_ in ("to", "on", "into") \
            and head.head.pos_ == "VERB":  # fmt: skip
        return head.head
    if head.pos_ not in ("VERB", "AUX") or t.dep_ not in (*_SUBJ, *_OBJ, "npadvmod", "dative"):
        return None
    # "allowing 1,000 civilians to flee": what happened to them is the infinitive.
    xcomp = [c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
             and c.i > t.i]  # fmt: skip
    if t.dep_ in ("dobj", "obj") and xcomp:
        return xcomp[0]
    return head if head.pos_ == "VERB" else None


def part_of(doc: Doc, anchor: Token) -> bool:
    """The figure is introduced by 'including' / 'among': a part of an earlier count."""
    t = anchor
    if t.dep_ == "pobj" and t.head.lower_ in ("including", "among"):
        return True
    return t.i > 0 and doc[t.i - 1].lower_ in ("including", "among") or \
        t.i > 1 and doc[t.i - 2].lower_ in ("including", "among")  # fmt: skip
