"""What a figure is about, read off spaCy's dependency parse: the thing counted or measured
(object) and the figure it is part of (parent); what happened to it (event) is figure_events'.

Counts ("34 jihadists") take the noun they modify. Amounts with a unit ("61.4 percent",
"$3.2 billion") are the unit's phrase; their object is what they are "of" ("38 percent of the
vote"), what the money is "in"/"on"/"for" ("$150 million in emergency aid"), the noun they modify
("a $3.2 billion budget"), or, when they measure a change ("trims subsidies by 12 percent",
"revenue tripled to $22.1 billion"), the thing that changed: the verb's object, else its subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsflow_enrich.stages.figure_events import NOUNS, OBJ, SUBJ, as_verb, event_of, verb_of

# Nouns that are themselves an amount's unit: never what another amount is "of".
_AMOUNT_WORDS = {"percent", "%", "cent", "euros", "dollars", "pounds", "yuan", "yen", "rupees"}
_PARTS = ("including", "among", "of whom", "of which")
# Money verbs whose subject is what the money is for: "the recall will cost", "payments reached".
_COST = {"cost", "total", "fetch", "reach", "top", "exceed"}


def hyphen_glued(doc: Doc, k: int) -> bool:
    """doc[k], "-" and doc[k + 2] printed as one word, a word of letters after the hyphen:
    spaCy splits "co-workers", "e-bikes" and "co-founded" into three tokens."""
    return (k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_
            and not doc[k + 1].whitespace_ and doc[k + 2].is_alpha)  # fmt: skip


def word_text(tok: Token) -> str:
    """The whole word a verb's token is part of: spaCy splits "co-founded", "self-isolate" and
    "re-evaluate" into three tokens, and the event is the word as printed (the objects' own
    reading of "co-workers", figure_rerank._object_text). Only letters are joined, never a
    number ("a five-year plan")."""
    doc = tok.doc

    def joined(k: int) -> bool:
        return hyphen_glued(doc, k) and all(t.is_alpha and not t.like_num
                                            for t in (doc[k], doc[k + 2]))  # fmt: skip

    start = end = tok.i
    while start >= 2 and joined(start - 2):
        start -= 2
    while joined(end):
        end += 2
    return tok.text if start == end else doc[start : end + 1].text


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
    # "six of the dead": an adjective used as a noun.
    nominal = head.pos_ == "ADJ" and any(c.lower_ == "the" for c in head.children)
    return head if (head.pos_ in NOUNS or nominal) and head.i >= end else None


def amount_object(doc: Doc, start: int, end: int, kind: str) -> tuple[Token | None, Token | None]:
    """(object, event) of an amount with a unit, doc[start:end] being the whole amount; `kind`
    is money, percent or measure."""
    noun, event = _amount_context(doc, start, end, kind)
    if kind == "money" and end + 1 < len(doc) and doc[end].lower_ == "per" \
            and doc[end + 1].pos_ == "NOUN":  # fmt: skip
        noun = doc[end + 1]  # "$38.50 per share": money per unit of something
    return noun, event


def _amount_context(doc: Doc, start: int, end: int, kind: str) -> tuple[Token | None, Token | None]:
    money = kind == "money"
    h = head_of(doc, start, end)
    # "a reward of 5 million pesos for information": the noun the amount is "of" comes first.
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ in NOUNS \
            and not _has_number(h.head.head) and h.head.head.lower_ not in _AMOUNT_WORDS:  # fmt: skip
        return h.head.head, event_of(h.head.head)
    # "The victory was worth $1.58 million": what is worth it.
    if h.head.lower_ == "worth" and h.head.head.pos_ in ("VERB", "AUX"):
        return changed_thing(h.head.head, money), None
    # "cannabis worth about £2,400", "The masks, worth ¥40,000, had been kept": the noun worth it.
    if h.head.lower_ == "worth" and h.head.dep_ == "amod" and h.head.head.pos_ == "NOUN":
        return h.head.head, event_of(h.head.head)
    # "or about 6% of its global workforce": the amount's own "of" comes first.
    own = _prep_object(h, money)
    # "6.94 million, or 48.85 percent": an amount in apposition shares its head's context.
    while h.dep_ in ("conj", "appos") and (h.head.like_num or h.head.pos_ in NOUNS) \
            and any(c.like_num for c in h.head.subtree):  # fmt: skip
        h = h.head
    pobj = own if own is not None else _prep_object(h, money)
    if pobj is not None:
        return pobj, verb_of(h)
    if (
        h.dep_ in ("compound", "nmod", "amod", "nummod")
        and h.head.pos_ in NOUNS
        and h.head.i >= end
    ):
        return h.head, event_of(h.head)
    if h.dep_ == "pobj" and h.head.dep_ in ("prep", "agent"):
        prep = h.head
        if prep.head.pos_ in NOUNS and not _has_number(prep.head):
            return prep.head, event_of(prep.head)  # "a deficit of nearly $980 million"
        if prep.head.pos_ in NOUNS and prep.lower_ == "of":
            # "defrauding 2,000 investors of $90 million": the counted noun's verb.
            return None, event_of(prep.head)
        if prep.head.pos_ in ("VERB", "AUX"):
            return changed_thing(prep.head, money), as_verb(prep.head)
    if h.dep_ in (*OBJ, "npadvmod", "advmod", "nsubj", "nsubjpass") and h.head.pos_ in (
        "VERB",
        "AUX",
    ):
        verb = h.head
        if h.dep_ in ("nsubj", "nsubjpass"):
            return None, as_verb(verb)
        if kind == "measure" and h.dep_ in OBJ and verb.dep_ not in ("acl", "relcl"):
            return None, as_verb(verb)  # "burned 14,000 acres": the measure is what was counted
        if money and verb.lemma_ in _COST:  # "the recall will cost 70 million euros"
            return changed_thing(verb, money, skip=h), as_verb(verb)
        if money and h.dep_ in OBJ:  # "approved RM4.2 million in aid"
            used = _prep_object(verb, money, after=h.i)
            if used is not None:
                return used, as_verb(verb)
        # "the agency needed $100 million": whoever has, needs or raises the money is not
        # what it is of; only a change verb's object is ("trims subsidies by $2 million").
        subject = not (money and h.dep_ in OBJ)
        return changed_thing(verb, money, skip=h, subject=subject), as_verb(verb)
    if (up := _up_or_down(h, money)) is not None:
        return up
    # "rainfall was 784 percent above the average", "three days later": an amount measuring
    # a preposition or adverb of the clause; what it measures is the clause's subject.
    # ("60 kilometres to the west" of a place is a distance, not a comparison: copulas only.)
    if h.dep_ == "npadvmod" and h.head.pos_ in ("ADV", "ADJ") and h.head.head.pos_ == "VERB":
        return None, h.head.head
    if h.dep_ == "npadvmod" and h.head.pos_ == "ADP" and h.head.head.pos_ == "AUX":
        return changed_thing(h.head.head, money), None
    return None, None


def _up_or_down(h: Token, money: bool) -> tuple[Token | None, Token] | None:
    """'Shares were up 1.9 per cent', 'Costs are down 60%', 'Canara Bank (up 1.28 per cent)',
    'down from S$2.16': with no verb but a copula (or none), 'up' / 'down' is the event, as both
    the real pages' and the written sets' annotators write it; after a verb ('closed up 2%') the
    verb is."""
    adv = h.head
    if h.dep_ == "pobj" and adv.lower_ == "from":  # "up from 18.4"
        adv = adv.head
    elif h.dep_ != "npadvmod":
        return None
    if adv.lower_ not in ("up", "down") or adv.dep_ not in ("advmod", "prep") \
            or adv.head.pos_ == "VERB":  # fmt: skip
        return None
    # the object as before: the clause's subject only where "up" is a preposition of a copula
    keep = h.dep_ == "npadvmod" and adv.pos_ == "ADP" and adv.head.pos_ == "AUX"
    return (changed_thing(adv.head, money=money) if keep else None), adv


def _prep_object(h: Token, money: bool, after: int = -1) -> Token | None:
    """What an amount is "of" (or, for money, "in"/"on"/"for"); never another amount
    ("a pay rise of 12.5 percent, or 500 euros": the euros are not of the percent). With
    `after`, only prepositions after that token (a verb's, for the amount it governs)."""
    for prep in (c for c in h.children if c.dep_ == "prep" and c.i > after):
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUNS), None)
        if (
            pobj is not None
            and pobj.lower_ not in _AMOUNT_WORDS
            and (
                prep.lower_ == "of"
                or money
                and prep.lower_ in ("in", "on", "for")
                and pobj.lemma_.lower() not in _PERIODS  # "in the 12 months to July": a time frame
            )
        ):
            return pobj
    return None


_PERIODS = {
    "year",
    "month",
    "week",
    "day",
    "quarter",
    "period",
    "decade",
    "hour",
    "half",
    "time",
    "season",
}


def changed_thing(
    verb: Token, money: bool, skip: Token | None = None, subject: bool = True
) -> Token | None:
    """What a change or amount verb is about: its object ('trims subsidies by 12 percent'),
    else its subject ('revenue tripled', 'Turnout reached 61.4 percent'); common nouns only."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    order = (SUBJ, OBJ) if passive else (OBJ, SUBJ)
    for deps in order if subject else (OBJ,):
        for c in verb.children:
            if c.dep_ in deps and (skip is None or c.i != skip.i) and _common_noun(c) \
                    and not _has_number(c):  # fmt: skip
                return c
    # "imports, which rose 11 percent": the noun the relative clause is about.
    if (
        verb.dep_ == "relcl"
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ in SUBJ and c.lower_ in ("which", "that") for c in verb.children)
    ):
        return verb.head
    # "Winds gusting up to 60 mph": a participle describing the noun.
    if verb.dep_ in ("acl", "relcl") and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ == "NOUN":
        return verb.head
    return None


def _common_noun(t: Token) -> bool:
    """A common noun; also one the tagger took for a proper noun at the start of a sentence
    ("Turnout reached ...") when the entity recognizer does not name it."""
    if t.pos_ == "NOUN":
        return True
    return t.pos_ == "PROPN" and t.is_sent_start and t.ent_type_ not in _PLACES_ORGS \
        and not any(c.dep_ in ("compound", "flat") for c in t.children)  # fmt: skip


_PLACES_ORGS = {"GPE", "LOC", "ORG", "NORP", "FAC"}


def _has_number(t: Token) -> bool:
    """The noun is itself a measured amount ("61.4 percent", "300 metres")."""
    # "a one-off payment": a number inside a hyphenated modifier is not an amount.
    return t.like_num or any(
        c.like_num and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == "-") for c in t.children
    )


_TIME_FRAME = {"over", "in", "during", "after", "within", "since", "before", "throughout"}


def time_frame(h: Token) -> bool:
    """A duration that frames the clause ("over 12 months", "after nearly four hours")."""
    return h.dep_ == "pobj" and h.head.lower_ in _TIME_FRAME and h.head.head.pos_ in ("VERB", "AUX")


def part_of(doc: Doc, anchor: Token) -> bool:
    """The figure is introduced by 'including' / 'among': a part of an earlier count."""
    t = anchor
    if t.dep_ == "pobj" and t.head.lower_ in ("including", "among"):
        return True
    return t.i > 0 and doc[t.i - 1].lower_ in ("including", "among") or \
        t.i > 1 and doc[t.i - 2].lower_ in ("including", "among")  # fmt: skip
