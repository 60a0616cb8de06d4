"""What an amount measures when it is said of a subject: the copula's ('The estimated value is
$4.3 million', 'Top speed is 124 mph', 'the death toll is 16,002') and a verb of lasting's ('The
strike lasted for 15 days'). The real pages' annotators name that subject as the object."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsflow_enrich.stages.figure_context import _SUBJ, _common_noun, _has_number, existential

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
    if subj.lemma_.lower() in ("number", "total"):
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return counted if counted is not None and counted.pos_ == "NOUN" else subj
    return subj


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
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    return subj if subj is not None and _common_noun(subj) and not _has_number(subj) else None
