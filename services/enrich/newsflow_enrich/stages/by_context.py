"""Names the words around them give, where spaCy tags none or the wrong type (the entities
stage's candidates; shaped_names reads a name's own shape): a team position or an office beside
a person ("Lock Iwan Prosser", "Amit Mehrotra, an analyst for Deutsche Bank"), a club's prefix
or suffix, "Police" before a place, an organisation noun ("the charity Emergency"), a credited
agency, the curated table's one-word names, and the outlet someone "told".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsflow_enrich.stages import bounds, clubs, credits, names
from newsflow_enrich.stages.registry import STRONG, Registry, clean_form, curated_forms, occurrences


def people_by_role(doc: Doc) -> None:
    """'Lock Iwan Prosser', 'Scrum-half Shota Ishikawa' (spaCy: nothing, or 'Shota' a place):
    a team position before a two- or three-word name makes it a person."""
    found = []
    # every word's lower case read once (a Token built per doc[i] read was most of the cost)
    strings = doc.vocab.strings
    lower = [strings[h] for h in doc.to_array(LOWER).tolist()]
    for i in range(len(doc)):
        k = bounds.title_length(doc, i, len(doc), lower)
        if not k or doc[i : i + k].text.replace(" ", "").lower() not in names.SPORT_ROLES:
            continue
        start = end = i + k
        while end < len(doc) and end - start < 4 and doc[end].pos_ == "PROPN" \
                and doc[end].text[:1].isupper():  # fmt: skip
            end += 1
        if 2 <= end - start <= 3 and not names.is_org_name(doc[start:end].text) \
                and not clubs.is_club(doc[start:end].text):  # fmt: skip
            found.append(Span(doc, start, end, label="PERSON"))
    if found:
        doc.ents = filter_spans([*found, *doc.ents])


_OF = {"of", "for", "at"}
_NAMED_AS = {"", "PERSON", "ORG", "WORK_OF_ART"}  # not a place: "Saudi Arabia, leader of OPEC"


def people_by_office(doc: Doc) -> None:
    """'Amit Mehrotra, an analyst for Deutsche Bank', 'Paco Calvo, director of the lab' (spaCy:
    nothing, or an organisation): two or three capitalised proper nouns before a comma and an
    office of something are a person. Not in a sports story ('Red Bull, leader of the
    championship')."""
    found = []
    for t in doc:
        if t.text != "," or t.i < 2:
            continue
        k = t.i + 1 + (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("a", "an", "the"))
        if k + 1 >= len(doc) or not doc[k].is_lower or doc[k].lower_ not in names.OFFICES \
                or doc[k + 1].lower_ not in _OF:  # fmt: skip
            continue
        start = end = t.i
        while start > t.sent.start and end - start < 4 and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_punct:  # fmt: skip
            start -= 1
        if 2 <= end - start <= 3 and {w.ent_type_ for w in doc[start:end]} <= _NAMED_AS \
                and not names.is_org_name(doc[start:end].text):  # fmt: skip
            found.append(Span(doc, start, end, label="PERSON"))
    if found:
        doc.ents = filter_spans([*found, *doc.ents])


def club_names(doc: Doc, reg: Registry) -> None:
    """Club names spaCy missed in a sports story: proper nouns before a club suffix ('Kestrel
    United') or after a club prefix ('Real Varnia', 'Olympique de Marseille')."""
    for t in doc:
        if not t.text[:1].isupper():
            continue
        start = end = t.i
        if t.lower_ in clubs.CLUB_SUFFIXES and t.pos_ == "PROPN":
            while start > t.sent.start and t.i - start < 2 and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].text[:1].isupper():  # fmt: skip
                start -= 1
            end = t.i + 1
        elif t.lower_ in clubs.CLUB_PREFIXES and t.i + 1 < len(doc):
            end = t.i + 1
            if doc[end].lower_ in ("de", "di") and end + 1 < len(doc):
                end += 1
            while end < len(doc) and end - t.i < 3 and doc[end].pos_ == "PROPN" \
                    and doc[end].text[:1].isupper():  # fmt: skip
                end += 1
            if doc[end - 1].lower_ in ("de", "di"):
                continue
            start = t.i
        if end - start >= 2:
            form = clean_form(doc[start:end].text)
            reg.add(form, "ORG", doc[start].idx, weight=STRONG)


def police(text: str, reg: Registry) -> None:
    """'Police Scotland': a force named 'Police' + the place it serves."""
    for m in re.finditer(r"\bPolice ([A-Z][a-z]+)\b", text):
        place = reg.by_form.get(m.group(1))
        if place is not None and reg.type_of(place) == "LOC":
            reg.add(m.group(0), "ORG", m.start(), weight=STRONG)


_NOUNS = "|".join(sorted(names.ORG_NOUNS))
_NOUN_THEN_NAME = re.compile(
    r"\b(?:(?:the|a|an)\s+(?:[A-Z][a-z]+\s+)?|(?<![A-Z])[a-z]{3,}\s+)(?:" + _NOUNS + r")\s+"
    r"([A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+){0,3})(?=[\s,.;:]+[a-z(\"“,.])"
)
_NAME_THEN_NOUN = re.compile(r"\b[Tt]he\s+([A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+){0,2})\s+(?:"
                             + _NOUNS + r")\b")  # fmt: skip


def named_by_noun(text: str, reg: Registry) -> None:
    """'the Italian charity Emergency' names an organisation even when spaCy saw no name;
    'the Verdi union' makes a name spaCy took for a person an organisation."""
    for m in _NOUN_THEN_NAME.finditer(text):
        form = clean_form(m.group(1))
        if len(form) >= 2 and not names.is_title_only(form) \
                and form.split()[0].rstrip(".").lower() not in names.OFFICES:  # fmt: skip
            reg.add(form, "ORG", m.start(1), weight=STRONG)
    for m in _NAME_THEN_NOUN.finditer(text):
        name = reg.by_form.get(m.group(1))
        if name and reg.type_of(name) in ("PERSON", "ORG", "MISC"):
            reg.cue(name, "ORG")


def agencies(text: str, agencies: Iterable[str], reg: Registry) -> None:
    """A credited agency is an organisation wherever the text names it: '(dpa)', 'data compiled
    by Bloomberg'. By its whole name: the first word of "Associated Press" or "Canadian Press"
    names no agency ("associated with", "Canadian officials")."""
    for agency in agencies:
        m = next(occurrences(agency, text, "-", "-"), None)
        if m:
            reg.add(agency, "ORG", m[0], weight=STRONG)


def curated(text: str, reg: Registry, credited: list[tuple[int, int]]) -> None:
    """A one-word name of the curated table is an entity wherever the text prints it, also where
    spaCy tagged nothing ("posted on Facebook", "shared it on Instagram"); not in a photo
    credit, and not an acronym, which a headline in capitals prints as a word ("WHO", "IS").
    Longer forms spaCy finds, and one inside another ("The Islamic State group's affiliate,
    Islamic State-Khorasan Province") would be a form the story does not use alone."""
    for form, _, type_ in curated_forms():
        if type_ not in ("PERSON", "ORG", "LOC") or form in reg.by_form or form.isupper() \
                or " " in form:  # fmt: skip
            continue
        at = next((s for s, _ in occurrences(form, text) if not credits.in_ranges(credited, s)),
                  None)  # fmt: skip
        if at is not None:
            reg.add(form, type_, at, weight=STRONG)


# "he told Mashable.", "she spoke with WIRED after ...", "according to The Hollywood Reporter,",
# "told the Argus Leader Monday", "confirmed to WIRED that":
# who is told or quoted, where spaCy tagged no name there, is the outlet that reports it.
_WORD = (  # "News.Az", "Tribune-Review", "247Sports"; not "London-based"
    r"(?:[A-Z]|\d+(?=[A-Z]))(?:[\w&+]|\.(?=[A-Za-z])|-(?=[A-Z]))*"
)
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_TOLD = re.compile(r"\b(?:told|spoke (?:with|to)|according to|in an interview with|shared with"
                   r"|confirmed to)"
                   r"[ \t]+(?:the[ \t]+)?((?:The[ \t]+)?" + _WORD + r"(?:[ \t]+(?!(?:" + _DAYS
                   + r")\b)" + _WORD + r"){0,3})"
                   r"(?=[,;:]|\.(?:\s|$)|[ \t]+(?:that|in|on|last|this|earlier|about|after|when"
                   r"|" + _DAYS + r")\b)")  # fmt: skip
_NOT_OUTLETS = {"mr", "mrs", "ms", "dr", "pm", "sir", "dame", "lord", "lady"}


def told(text: str, reg: Registry) -> None:
    for m in _TOLD.finditer(text):
        form = clean_form(m.group(1))
        first = form.split()[0].rstrip(".").lower() if form else ""
        if len(form) < 2 or form in reg.by_form or form.lower() in reg.by_lower \
                or names.is_title_only(form) or first in names.OFFICES or first in _NOT_OUTLETS:  # fmt: skip
            continue
        reg.add(form, "ORG", m.start(1), weight=STRONG)
