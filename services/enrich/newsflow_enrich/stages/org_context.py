"""Organisations the parse around a name tells, where spaCy's labels do not:

- a name listed with organisations: "companies including Pinterest, Stripe and Slack",
  "Chevron, ExxonMobil, BP, Shell and Total". spaCy tags some items of a list and not others;
  an item it left untagged, a proper name coordinated (the parse's `conj`) with names the rules
  call an organisation and with no name of a person or a place, is a candidate organisation.
  One vote, as one of spaCy's labels: the learned typer still decides (a product in the list);
- a name in apposition to an organisation's noun: "Ice911, a nonprofit", "TEPCO, the operator
  of the nuclear plant", "HackerRank, a tech recruiting company": a cue, as "the charity X"
  (by_context.named_by_noun) is."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsflow_enrich.stages import credits
from newsflow_enrich.stages.names import ORG_NOUNS
from newsflow_enrich.stages.registry import STRONG, Registry, clean_form

_NAMED = ("PERSON", "LOC", "ORG")  # the rules' types that say what a list holds


def siblings(doc: Doc, reg: Registry, credited: list[tuple[int, int]]) -> None:
    tagged, ents = _tagged(doc), list(doc.ents)
    seen: set[int] = set()
    for ent in ents:
        root = ent.root
        if root.i in seen or not root.conjuncts:
            continue
        group = [root, *root.conjuncts]
        seen.update(t.i for t in group)
        types = [_type_of(reg, ents[tagged[t.i]]) for t in group if tagged[t.i] >= 0]
        if "ORG" not in types or "PERSON" in types or "LOC" in types:
            continue
        for t in group:
            if tagged[t.i] >= 0:
                continue
            span = _name(doc, t, tagged)
            if span is None or credits.in_ranges(credited, span.start_char):
                continue
            form = clean_form(span.text)
            if len(form) >= 2 and form not in reg.by_form:
                reg.add(form, "ORG", span.start_char)


# The nouns a name in apposition to is an organisation by: "the charity X"'s and these.
# Not a side's or a loose group's ("the Harlows, a group of friends"; sides are clubs.py's).
APPOSED = ORG_NOUNS - {"side", "team", "rivals", "outfit", "franchise", "club", "party",
                       "group"} | {
    "nonprofit", "non-profit", "organization", "organisation", "provider", "maker",
    "foundation", "institute", "network", "outlet", "magazine", "website", "studio", "subsidiary",
    "corporation", "chain", "consultancy", "coalition", "alliance",
}  # fmt: skip


def apposed(doc: Doc, reg: Registry, credited: list[tuple[int, int]]) -> None:
    tagged, ents = _tagged(doc), list(doc.ents)
    for t in doc:
        if t.dep_ != "appos" or t.text.lower() not in APPOSED or t.pos_ not in ("NOUN", "ADJ"):
            continue
        head = t.head
        if head.i > t.i or head.pos_ != "PROPN" or not head.text[:1].isupper():
            continue  # "the charity, X": the name after the noun is _named_by_noun's
        span = ents[tagged[head.i]] if tagged[head.i] >= 0 else _name(doc, head, tagged, True)
        if span is None or credits.in_ranges(credited, span.start_char) \
                or not _next_to(doc, span, t) or span.label_ in ("GPE", "LOC", "FAC") \
                or span.label_ == "PERSON" and len(span) > 1:  # fmt: skip
            continue  # "Jesse Angelo, the New York Post publisher": a person's full name
        form = clean_form(span.text)
        if len(form) >= 2 and not form.isdigit():
            name = reg.by_form.get(form)
            if name in reg.cands:
                reg.cue(name, "ORG")
            else:
                reg.add(form, "ORG", span.start_char, weight=STRONG)


def _tagged(doc: Doc) -> list[int]:
    """Token -> the index of the entity (of `doc.ents`) holding it, -1 for none."""
    tagged = [-1] * len(doc)
    for k, ent in enumerate(doc.ents):
        for i in range(ent.start, ent.end):
            tagged[i] = k
    return tagged


def _next_to(doc: Doc, span: Span, noun: Token) -> bool:
    """The noun's phrase follows the name after a comma, a dash or a bracket, nothing else
    between: "Kensho, a financial services analytics company"; not "Jim Winkler, chief strategy
    officer of the Business Group, ... organization" (a parse that reached too far)."""
    if span.end >= noun.i or doc[span.end].text not in (",", "—", "–", "-", "("):
        return False
    return all(doc[i].head.i == noun.i or noun in doc[i].ancestors
               for i in range(span.end + 1, noun.i))  # fmt: skip


def _type_of(reg: Registry, ent: Span) -> str | None:
    name = reg.by_form.get(clean_form(ent.text))
    return reg.type_of(name) if name in reg.cands else None


def _name(doc: Doc, t: Token, tagged: list[int], first: bool = False) -> Span | None:
    """The proper name headed by `t`: `t` and the capitalised proper nouns compounded before it
    ("Palantir Technologies"), none of them inside a tagged entity; `first`: also a sentence's
    first word ("TEPCO, the operator ...")."""
    if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.is_sent_start and not first:
        return None
    start = t.i
    while start > 0 and doc[start - 1].head.i == t.i and doc[start - 1].dep_ in ("compound", "flat") \
            and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
            and tagged[start - 1] < 0:  # fmt: skip
        start -= 1
    if any(doc[i].is_sent_start for i in range(start + 1, t.i + 1)) \
            or doc[start].is_sent_start and not first:  # fmt: skip
        return None
    return doc[start : t.i + 1]
