"""Where a mention begins and ends: spaCy's entity spans, taken apart where real pages glue two
names into one (a possessive inside, a sports result), cut where spaCy took in words that are
not the name (a nationality, a title, a photo credit, an amount or a score after it) and
extended where it tagged part of a name (compounds, "University of Texas at San Antonio",
"Federal Reserve Bank of New York"). The entity stage (entities.py) reads spans through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsflow_enrich.stages import clubs, names, numbers
from newsflow_enrich.stages.entity_types import places
from newsflow_enrich.stages.registry import Registry, clean_form

# Plural nouns whose possessive belongs to a name: "People’s Liberation Army", "Women’s Aid".
_PLURAL_OWNERS = {
    "people",
    "children",
    "women",
    "men",
    "workers",
    "veterans",
    "farmers",
    "citizens",
    "peoples",
    "nations",
    "girls",
    "boys",
    "teachers",
    "ladies",
}
_SCORE = re.compile(r"\d+[-–]\d+")
# Letters after a name: "Edwin Poots MLA", "Jane Roe QC".
_POST_NOMINALS = {"MP", "MLA", "MSP", "MEP", "MS", "TD", "QC", "KC", "OBE", "MBE", "CBE", "KBE",
                  "DBE", "PhD"}  # fmt: skip
_AMOUNTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Offices abbreviated with a full stop ("Supt. Ramon Cortines"), never a surname.
_OFFICE_ABBREVIATIONS = {"supt", "asst", "lt", "sgt", "capt", "col", "gen", "gov", "sen", "rep",
                         "insp", "det", "cmdr", "adm", "maj", "rev", "atty"}  # fmt: skip
_CREDITS = {"AP", "AFP", "Reuters", "EPA", "Getty", "Submitted", "Contributed", "Courtesy"}
# One generic word after a possessive that ends a name: the owner names the place or the office
# ("St. Mark’s Square", "the Sheriff’s Office", "King’s College"), nothing is owned.
_OWNED_HEADS = names.ORG_SUFFIXES | names.PLACE_SUFFIXES | {
    "cathedral", "church", "chapel", "abbey", "hospital", "school", "island", "hall", "inn",
    "gate", "cross", "wharf", "market",
}  # fmt: skip


def split(ents: Iterable[Span], reg: Registry) -> Iterable[Span]:
    """spaCy's mentions, with two things real pages glue into one taken apart:
    - a possessive inside the span: "Jeff Bezos’s Blue Origin", "Vietnam’s Communist Party".
      The part after it keeps spaCy's label; the owner before it becomes a form with no vote
      of its own (its type comes from its other mentions);
    - a sports result "Palm Bay d. Rockledge": two names."""
    for ent in ents:
        doc, start = ent.doc, ent.start
        for t in ent[1:-1]:
            # Not a plural's bare apostrophe: "Leeds Magistrates’ Court" is one name.
            if t.lower_ in ("’s", "'s") and doc[t.i + 1].text[:1].isupper() \
                    and doc[t.i - 1].lower_ not in _PLURAL_OWNERS \
                    and not (t.i + 2 == ent.end and doc[t.i + 1].lower_ in _OWNED_HEADS):  # fmt: skip
                form = clean_form(doc[start : t.i].text)
                if len(form) >= 2 and form[:1].isupper():
                    name = reg.add(form, None, doc[start].idx)
                    if names.is_country(form):
                        reg.cue(name, "LOC")
                start = t.i + 1
            elif t.lower_ in ("d.", "def.") and t.i > start:
                yield Span(doc, start, t.i, label=ent.label_)
                start = t.i + 1
        yield ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_)


def trimmed(ent: Span) -> Span:
    """Words spaCy put in a name that are not part of it: a nationality before a person
    ('Australian Ben Carver'), an amount after a name ('Movistar 500 Swiss francs')."""
    doc, start, end = ent.doc, ent.start, ent.end
    if ent.label_ == "PERSON" and end - start >= 3 and doc[start].tag_ == "JJ":
        start += 1
    # "Datuk Zulkifli Hashim", "President Joe Biden": the title is not the name.
    while ent.label_ == "PERSON" and end - start >= 3 \
            and doc[start].lower_.rstrip(".") in names.OFFICES:  # fmt: skip
        start += 1
    # "Patrol Chief James Hall", "Additional District Collector Om Prakash": words of an office
    # before its title word, then the name.
    inner = _after_inner_title(doc, start, end)
    if inner is not None and (ent.label_ == "PERSON" or not names.is_org_name(doc[inner:end].text)):
        start = inner
        if ent.label_ != "PERSON":
            return Span(doc, start, end, label="PERSON")
    # "Meta spokesperson Tolan" (spaCy: a person, an organisation or a work): an office in lower
    # case inside the name, the person after it.
    inner = _after_lower_office(doc, start, end) if ent.label_ not in _AMOUNTS else None
    if inner is not None:
        start = inner
        if ent.label_ != "PERSON":
            return Span(doc, start, end, label="PERSON")
    # "EFE).- Paraguay": a dateline's credit glued to the name after it.
    for t in doc[start : end - 1]:
        if ")" in t.text:
            start = t.i + 1
    label = ent.label_
    # "Flanker Kenta Morimoto", "Scrum-half Shota Ishikawa" (spaCy: ORG, GPE): a role before a
    # two- or three-word name is a person's title, whatever spaCy called the whole.
    k = title_length(doc, start, end)
    if label != "PERSON" and k and 2 <= end - start - k <= 3 \
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[start + k:end]) \
            and not names.is_org_name(doc[start + k:end].text) \
            and doc[end - 1].lower_ not in names.PLACE_SUFFIXES:  # fmt: skip
        start, label = start + k, "PERSON"
    # "Timothy Weeks AP", "Jane Roe Submitted": a photo credit printed after the name.
    if label == "PERSON" and end - start >= 3 and doc[end - 1].text in _CREDITS | _POST_NOMINALS:
        end -= 1
    for t in ent[1:]:
        if t.like_num and numbers.currency_follows(t):
            end = t.i
            break
    # "Duvan Portillo 1 assist", "Nicolas Jarry 6-4": a count of what follows the name, or a
    # score, glued to it.
    num = next((t.i for t in doc[start + 1 : end] if t.like_num), None)
    if num is not None and num - start >= 2 and _count_or_score(doc, num):  # not "Ligue 1"
        end = num
    if (start, end, label) == (ent.start, ent.end, ent.label_) or end <= start:
        return ent
    return Span(doc, start, end, label=label)


def _after_inner_title(doc: Doc, start: int, end: int) -> int | None:
    """Where the name starts after a title word inside doc[start:end] that is not its first
    word, when two or three capitalised proper nouns follow it."""
    for j in range(end - 3, start, -1):
        if doc[j].lower_.rstrip(".") in names.OFFICES and doc[j].text[:1].isupper():
            rest = doc[j + 1 : end]
            if 2 <= len(rest) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                           for t in rest):  # fmt: skip
                return j + 1
            return None
    return None


def _after_lower_office(doc: Doc, start: int, end: int) -> int | None:
    """Where the name starts after an office printed in lower case inside doc[start:end]
    ("Meta spokesperson Tolan"), when one to three capitalised proper nouns follow it."""
    for j in range(end - 2, start, -1):
        t = doc[j]
        if t.is_lower and t.lower_ in names.OFFICES:
            if end - j - 1 <= 3 and all(w.pos_ == "PROPN" and w.text[:1].isupper()
                                        for w in doc[j + 1:end]):  # fmt: skip
                return j + 1
            break
    return None


def ends_in_office(ent: Span) -> bool:
    """'Associate Supt.', 'LAPD Asst.': spaCy's person is an abbreviated office, the name follows
    it outside the span."""
    doc = ent.doc
    return ent.label_ == "PERSON" and ent[-1].lower_ in _OFFICE_ABBREVIATIONS \
        and ent.end < len(doc) and doc[ent.end].text == "."  # fmt: skip


def _count_or_score(doc: Doc, i: int) -> bool:
    """The number at doc[i] counts the lower-case word after it ("1 goal", "2 saves"; not "4
    said") or is a score ("6-4"), so it belongs to no name before it."""
    k = i
    while k < len(doc) and (doc[k].like_num or doc[k].text in "-–"):
        k += 1
    if _SCORE.fullmatch(doc[i:k].text.replace(" ", "")):
        return True
    nxt = doc[k] if k < len(doc) else None
    return (
        nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.tag_ not in ("VBD", "VBN", "MD")
    )


def title_length(doc: Doc, start: int, end: int, lower: list[str] | None = None) -> int:
    """How many tokens of a person's title open doc[start:end]: 'Flanker' 1, 'Scrum-half' 3.
    `lower`: every token's lower case, if read already."""
    low = lower.__getitem__ if lower is not None else (lambda i: doc[i].lower_)
    if low(start).rstrip(".") in names.PERSON_TITLES:
        return 1
    if start + 2 < end and low(start + 1) == "-" \
            and f"{low(start)}-{low(start + 2)}" in names.PERSON_TITLES:  # fmt: skip
        return 3
    return 0


def extended(ent: Span, sport: bool) -> Span:
    """The whole name when spaCy tagged part of it: compounds before an organisation ('Arm
    Holdings'), 'Avon and Somerset Police', 'University of Texas at San Antonio', and in a
    sports story a club prefix ('Real Madrid')."""
    doc = ent.doc
    start, end = _with_compounds(ent), ent.end
    start = names.joint_org_start(ent) if start == ent.start else start
    if sport and start > 0 and doc[start - 1].lower_ in clubs.CLUB_PREFIXES \
            and doc[start - 1].text[:1].isupper():  # fmt: skip
        start -= 1
    # "University of Texas at San Antonio", "University of California, Berkeley": a campus
    # named after the institution.
    first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
    if _campus_follows(ent, first):
        end = _through_entity(doc, end + 2)
    # "AU Support and Stabilization Mission in Somalia": a mission is named with its country.
    if ent.label_ == "ORG" and doc[end - 1].lower_ in ("mission", "office", "delegation") \
            and end + 1 < len(doc) and doc[end].lower_ == "in" \
            and doc[end + 1].ent_type_ in ("GPE", "LOC") and doc[end + 1].ent_iob_ == "B":  # fmt: skip
        end = _through_entity(doc, end + 2)
    # "European Union Agency for Criminal Justice Cooperation": spaCy's two organisations
    # joined by "for"/"of" after an organisation's head word are one name.
    # "the Economic Club of" + "New York": spaCy cut the name after its "of".
    if ent.label_ == "ORG" and len(ent) >= 3 and doc[end - 1].lower_ in ("of", "for") \
            and end < len(doc) and doc[end].ent_iob_ == "B" \
            and doc[end].ent_type_ in ("GPE", "ORG"):  # fmt: skip
        end = _through_entity(doc, end + 1)
    # "Federal Reserve Bank of New York": ... and "of" a place it serves.
    if ent.label_ == "ORG" and end + 1 < len(doc) and doc[end].lower_ in ("for", "of") \
            and doc[end - 1].lower_ in names.ORG_SUFFIXES and doc[end + 1].ent_iob_ == "B" \
            and (doc[end + 1].ent_type_ == "ORG"
                 or doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE"):  # fmt: skip
        end = _through_entity(doc, end + 2)
    end = _joint_object(doc, ent.start, end) if ent.label_ == "ORG" else end
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


def _joint_object(doc: Doc, start: int, end: int) -> int:
    """ "National Institute of Allergy" + "and Infectious Diseases", "Police Federation of
    England" + "and Wales": an organisation named for two things ("X of A and B") that spaCy cut
    at the "and". Where the parse coordinates the capitalised words after the "and" (one to
    three, then a lower-case word or punctuation) with a word after the name's "of" / "for" /
    "on", they are the name's. Not a second organisation: an organisation's head word or an
    acronym after the "and" ("... for Infection Research and Hannover Medical School"), a head
    word before it ("University of Chicago Education Lab and MDRC"), or a word spaCy tagged as a
    person ("the Department of Homeland Security and Alex Azar": the parse may coordinate a
    person with the name's object, its entity label does not)."""
    prep = next((t.i for t in doc[start + 1 : end - 1] if t.lower_ in _OBJECT_PREPS), None)
    if prep is None or end + 1 >= len(doc) or doc[end].lower_ != "and":
        return end
    stop = end + 1
    while stop < len(doc) and stop - end <= 4 and doc[stop].text[:1].isupper() \
            and doc[stop].is_alpha:  # fmt: skip
        stop += 1
    if not 1 <= stop - end - 1 <= 3 or stop < len(doc) and doc[stop].text[:1].isupper():
        return end
    after = doc[end + 1 : stop]
    joined = any(t.dep_ == "conj" and prep < t.head.i < end for t in after)
    heads = (doc[end - 1].lower_, doc[stop - 1].lower_)
    if not joined or any(h in _ORG_HEAD_WORDS for h in heads) \
            or any(t.is_upper or t.ent_type_ == "PERSON" for t in after):  # fmt: skip
        return end
    return stop


_OBJECT_PREPS = {"of", "for", "on"}
# "... and Hannover Medical School": a second organisation, named by its head word.
_ORG_HEAD_WORDS = names.ORG_HEADS | {"school", "hospital", "centre", "center", "laboratory", "lab",
                                     "labs", "museum", "trust", "corps"}  # fmt: skip


def _campus_follows(ent: Span, first: Token) -> bool:
    """A campus's place after a university's name: "at San Antonio" after "University of
    Texas"; ", Berkeley" after a university system ("University of California", "California
    State University")."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "ORG" or end + 1 >= len(doc) or doc[end + 1].ent_type_ != "GPE" \
            or doc[end + 1].ent_iob_ != "B":  # fmt: skip
        return False
    if doc[end].lower_ == "at":
        return first.lower_ in ("university", "college")
    system = first.lower_ == "university" and first.i + 1 < end and doc[first.i + 1].lower_ == "of" \
        or doc[end - 1].lower_ == "university" and doc[end - 2].lower_ == "state"  # fmt: skip
    # "University of Toronto, Canada": a country or a state after the comma is where the
    # university is, not a campus
    where = places().get(doc[end + 1 : _through_entity(doc, end + 2)].text)
    return doc[end].text == "," and system and where not in ("country", "state")


def _through_entity(doc: Doc, start: int) -> int:
    """The end of spaCy's entity that begins at `start`."""
    end = start
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _with_compounds(ent: Span) -> int:
    """'Arm Holdings' when spaCy tagged only 'Holdings' as an organisation: the start of the
    capitalised proper nouns just before the mention that the parse attaches to it as compounds,
    that no other entity claims and that are not titles."""
    doc, start = ent.doc, ent.start
    while ent.label_ == "ORG" and start > 0:
        t = doc[start - 1]
        if t.pos_ != "PROPN" or t.dep_ != "compound" or not ent.start <= t.head.i < ent.end \
                or t.ent_type_ or not t.text[:1].isupper() \
                or t.lower_.rstrip(".") in names.PERSON_TITLES:  # fmt: skip
            break
        start -= 1
    return start
