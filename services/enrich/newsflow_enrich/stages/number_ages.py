"""Ages, which are not figures: after a name ("Daniel Whitmore, 58,", "Sharma (26)", "The Nolans
singer, 64,"), said of a person ("Halyna was 71", "Cameron, who was only 17"), over or under a
threshold ("people over 70") and after "aged" ("aged 24, 31 and 45"). not_figures asks."""

from __future__ import annotations

from spacy.tokens import Token

_PEOPLE = {"people", "those", "adults", "persons", "residents", "patients", "women", "men",
           "children", "workers", "everyone", "anyone", "customers", "voters",
           "pensioners"}  # fmt: skip


def is_age(t: Token) -> bool:
    return _age_threshold(t) or _aged(t) or _age_predicate(t) or _after_name(t)


def _age_threshold(t: Token) -> bool:
    """'mostly to people over 70', 'children under 5': an age, not a count."""
    doc, i = t.doc, t.i
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return i > 1 and doc[i - 1].lower_ in ("over", "under", "above", "aged") \
        and doc[i - 2].lower_ in _PEOPLE and t.text.isdigit() and int(t.text) < 120 \
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")
             or nxt.lower_ in ("years", "year"))  # fmt: skip


def _aged(t: Token) -> bool:
    """'aged 24, 31 and 45', 'aged between 15 and 17': ages."""
    k = t.i - 1
    while k >= 0 and (t.doc[k].like_num or t.doc[k].lower_ in (",", "and", "between", "to", "-")):
        k -= 1
    return k >= 0 and t.doc[k].lower_ in ("aged", "ages", "age")


def _age_predicate(t: Token) -> bool:
    """'Halyna was 71.', 'Cameron, who was only 17 at the time': a bare number said of a
    person is an age."""
    if (
        t.dep_ not in ("attr", "acomp")
        or t.head.lemma_ != "be"
        or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ in ("NOUN", "PROPN", "SYM"))
    ):
        return False
    subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ == "who" and subj.i > 0:
        k = subj.i - 1 - (t.doc[subj.i - 1].text == ",")
        subj = t.doc[k]  # the person right before "who" (the parse may hang it elsewhere)
    return subj is not None and (
        subj.pos_ == "PROPN"
        or subj.lower_ in ("he", "she", "i")
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subj.children)
    )


def _after_name(t: Token) -> bool:
    """'Sharma (26), who ...', 'Daniel Whitmore, 58, was convicted', 'Ryan S. Hollman 31, of
    Hope', 'The Nolans singer, 64, gave an update': an age after the person it is of."""
    doc, text = t.doc, t.text
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    young = text.isdigit() and int(text) < 120
    if t.i > 1 and doc[t.i - 1].text == "(" and doc[t.i - 2].pos_ == "PROPN" and young \
            and nxt is not None and nxt.text == ")":  # fmt: skip
        return True
    if t.i > 1 and doc[t.i - 1].text == ",":
        before = doc[t.i - 2]
        if before.pos_ == "PROPN" and (nxt is None or nxt.text in (",", ")", ".")):
            return True
        # a person told by a noun, the age between two commas: "The Nolans singer, 64, gave"
        if before.pos_ == "NOUN" and before.tag_ == "NN" and young and nxt is not None \
                and nxt.text == "," and any(c.pos_ == "PROPN" for c in before.lefts):  # fmt: skip
            return True
    return t.i > 0 and doc[t.i - 1].ent_type_ == "PERSON" and doc[t.i - 1].pos_ == "PROPN" \
        and young and nxt is not None and nxt.text in (",", ")")  # fmt: skip
