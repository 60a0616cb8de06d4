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
# Nouns that are themselves an amount's unit: never what another amount is "of".
_AMOUNT_WORDS = {"percent", "%", "cent", "euros", "dollars", "pounds", "yuan", "yen", "rupees"}
_PARTS = ("including", "among", "of whom", "of which")
_QUANTIFIERS = {
    "most",
    "many",
    "some",
    "all",
    "half",
    "part",
    "majority",
    "none",
    "much",
    "several",
    "each",
    "any",
    "both",
    "few",
    "dozens",
    "hundreds",
    "thousands",
}
_SAY = {"say", "tell", "report", "announce", "state", "add"}
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
            return changed_thing(prep.head, money), _verb(prep.head)
    if h.dep_ in (*_OBJ, "npadvmod", "advmod", "nsubj", "nsubjpass") and h.head.pos_ in (
        "VERB",
        "AUX",
    ):
        verb = h.head
        if h.dep_ in ("nsubj", "nsubjpass"):
            return None, _verb(verb)
        if kind == "measure" and h.dep_ in _OBJ and verb.dep_ not in ("acl", "relcl"):
            return None, _verb(verb)  # "burned 14,000 acres": the measure is what was counted
        if money and verb.lemma_ in _COST:  # "the recall will cost 70 million euros"
            return changed_thing(verb, money, skip=h), _verb(verb)
        if money and h.dep_ in _OBJ:  # "approved RM4.2 million in aid"
            used = _prep_object(verb, money, after=h.i)
            if used is not None:
                return used, _verb(verb)
        # "the agency needed $100 million": whoever has, needs or raises the money is not
        # what it is of; only a change verb's object is ("trims subsidies by $2 million").
        subject = not (money and h.dep_ in _OBJ)
        return changed_thing(verb, money, skip=h, subject=subject), _verb(verb)
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
    order = (_SUBJ, _OBJ) if passive else (_OBJ, _SUBJ)
    for deps in order if subject else (_OBJ,):
        for c in verb.children:
            if c.dep_ in deps and (skip is None or c.i != skip.i) and _common_noun(c) \
                    and not _has_number(c):  # fmt: skip
                return c
    # "imports, which rose 11 percent": the noun the relative clause is about.
    if (
        verb.dep_ == "relcl"
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ in _SUBJ and c.lower_ in ("which", "that") for c in verb.children)
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


def verb_of(tok: Token) -> Token | None:
    """The verb whose argument `tok` is, directly or through a preposition; a coordinated
    argument ('shot down 81 of the drones and four of the missiles') shares its verb."""
    while tok.dep_ == "conj" and tok.head is not tok and tok.pos_ in ("NUM", "NOUN", "PROPN"):
        tok = tok.head
    if tok.dep_ in (*_OBJ, *_SUBJ, "npadvmod", "dative") and tok.head.pos_ in ("VERB", "AUX"):
        return _verb(tok.head)
    if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
        return tok.head.head
    # "raise the age from 62 to 64": "to" hangs off "from".
    prep = tok.head
    if tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lower_ == "from" \
            and prep.head.head.pos_ == "VERB":  # fmt: skip
        return prep.head.head
    return None


def _verb(t: Token) -> Token | None:
    return t if t.pos_ == "VERB" else None


def event_of(noun: Token) -> Token | None:
    """What happened to the counted thing: the verb whose subject or object it is."""
    t = noun
    while t.dep_ in ("conj", "appos") and t.head is not t:
        t = t.head
    # Up through "including ..." / "of ..." attachments to the noun that carries the verb.
    # ("each of his two matches": also through a quantifying pronoun).
    # "closing most of the country's 2,400 schools": also through a quantifying word.
    while (
        t.dep_ == "pobj"
        and t.head.dep_ == "prep"
        and (
            t.head.head.pos_ in NOUNS
            or t.head.lower_ == "of"
            and (t.head.head.pos_ == "PRON" or t.head.head.lower_ in _QUANTIFIERS)
        )
    ):
        t = t.head.head
        while t.dep_ in ("conj", "appos"):
            t = t.head
    # "civilians ... to flee", "300 people killed in the blast": a clause on the noun itself.
    governed = t.dep_ in (*_SUBJ, *_OBJ) and t.head.pos_ == "VERB"
    for c in t.children:
        if (
            c.dep_ in ("relcl", "acl")
            and c.pos_ == "VERB"
            and (
                c.tag_ == "VBN"
                and not governed
                or any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            )
        ):
            return c
    # "listened to the 25,000 people who marched", "with all 18 teams playing", "there are 25
    # systems standing there": for a counted thing that is no verb's subject or object (but an
    # existential copula's), what it did or had done is the clause on it.
    # (The counted noun's own clause, not one on the noun of a group it is part of: "a series
    # of outages, including one last month that affected ...".)
    if t is noun and (t.dep_ not in (*_SUBJ, *_OBJ) and not _recipient(t)
                      or t.dep_ == "attr" and existential(t.head)):  # fmt: skip
        for c in t.children:
            if c.pos_ == "VERB" and (c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") or _relative(c)):
                return c
    head = t.head
    # "reduced to ten men", "delivering food to 100,000 people": the verb of the preposition;
    # "hit by about 20 typhoons": the verb of a passive's agent.
    if t.dep_ == "pobj" and (t is noun and head.lower_ in ("to", "on", "into", "between")
                             or head.dep_ == "agent") and head.head.pos_ == "VERB":  # fmt: skip
        return head.head
    # "said more than 5,600 families ... had fled": a count is never what was said; the
    # misparsed clause is the verb coordinated with the reporting verb.
    if t.dep_ in ("dobj", "obj") and head.lemma_ in _SAY:
        later = [c for c in head.children if c.dep_ in ("conj", "ccomp") and c.pos_ == "VERB"
                 and c.i > t.i]  # fmt: skip
        return later[0] if later else None
    if head.pos_ not in ("VERB", "AUX") or t.dep_ not in (*_SUBJ, *_OBJ, "npadvmod", "dative"):
        return None
    # "300 residents had to be evacuated": what happened to them is the infinitive of "have to".
    if t.dep_ in _SUBJ and head.lemma_ in _SEMI_MODALS:
        inf = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                    and any(a.lower_ == "to" for a in c.children)), None)  # fmt: skip
        if inf is not None:
            return inf
    # "allowing 1,000 civilians to flee": what happened to them is the infinitive.
    xcomp = [c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
             and c.i > t.i]  # fmt: skip
    if t.dep_ in ("dobj", "obj") and xcomp:
        return xcomp[0]
    if existential(head) and t.dep_ == "attr":
        return head  # "there were 14,000 refugees": the annotators' event is the copula
    return head if head.pos_ == "VERB" else None


_SEMI_MODALS = {"have", "need", "ought"}


def _recipient(t: Token) -> bool:
    """'gave them to five users who lived ...', 'sentences were handed down to two suppliers
    who dealt ...': what was given to them is the event, not their own clause."""
    prep, verb = t.head, t.head.head
    return t.dep_ == "pobj" and prep.lower_ in ("to", "for") and verb.pos_ == "VERB" \
        and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)  # fmt: skip


def _relative(clause: Token) -> bool:
    """A relative clause whose subject is its relative pronoun ('people who marched')."""
    return clause.dep_ == "relcl" and any(
        a.dep_ in _SUBJ and a.lower_ in ("who", "that", "which") for a in clause.children
    )


def existential(verb: Token) -> bool:
    """'there were 14,000 refugees': 'be' with the expletive 'there' as its subject."""
    return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)


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
