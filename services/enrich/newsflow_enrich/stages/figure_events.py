"""What happened to a figure's counted thing, read off spaCy's dependency parse: the verb whose
subject or object it is, the clause on its noun, the infinitive of "have to" or of "allowing ...
to", an existential copula ("there were 14,000 refugees"). figure_context reads the object."""

from __future__ import annotations

from spacy.tokens import Token

NOUNS = ("NOUN", "PROPN")
SUBJ = ("nsubj", "nsubjpass")
OBJ = ("dobj", "obj", "attr", "oprd")
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


def verb_of(tok: Token) -> Token | None:
    """The verb whose argument `tok` is, directly or through a preposition; a coordinated
    argument ('shot down 81 of the drones and four of the missiles') shares its verb."""
    while tok.dep_ == "conj" and tok.head is not tok and tok.pos_ in ("NUM", "NOUN", "PROPN"):
        tok = tok.head
    if tok.dep_ in (*OBJ, *SUBJ, "npadvmod", "dative") and tok.head.pos_ in ("VERB", "AUX"):
        return as_verb(tok.head)
    if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
        return tok.head.head
    # "raise the age from 62 to 64": "to" hangs off "from".
    prep = tok.head
    if tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lower_ == "from" \
            and prep.head.head.pos_ == "VERB":  # fmt: skip
        return prep.head.head
    return None


def as_verb(t: Token) -> Token | None:
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
    governed = t.dep_ in (*SUBJ, *OBJ) and t.head.pos_ == "VERB"
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
    if t is noun and (t.dep_ not in (*SUBJ, *OBJ) and not _recipient(t)
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
    if head.pos_ not in ("VERB", "AUX") or t.dep_ not in (*SUBJ, *OBJ, "npadvmod", "dative"):
        return None
    # "300 residents had to be evacuated": what happened to them is the infinitive of "have to".
    if t.dep_ in SUBJ and head.lemma_ in _SEMI_MODALS:
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
        a.dep_ in SUBJ and a.lower_ in ("who", "that", "which") for a in clause.children
    )


def existential(verb: Token) -> bool:
    """'there were 14,000 refugees': 'be' with the expletive 'there' as its subject."""
    return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)
