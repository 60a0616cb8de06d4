"""Names the text gives by their shape where spaCy tags none or the wrong type (the entities
stage's candidates): players in a box score ("Tolivert 25 points."), streets and squares
("Goscote Lane", "Nachtigalplatz"), and a place after its kind or a member's seat ("the district
of Wedding", "the MP for Newcastle Central").
"""

from __future__ import annotations

import re

from newsflow_enrich.stages import clubs, credits
from newsflow_enrich.stages.registry import STRONG, Registry, clean_form

# A box score's line: "Tolivert 25 points. Davis 17 points." (one to three capitalised words, a
# count and what was counted), after a line's start, a sentence's end or a team's record.
_STAT_LINE = re.compile(r"(?:^|(?<=[.:;]) )((?:[A-Z]\. )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}) \d{1,3} (?:points?|"
                        r"rebounds?|assists?|steals?|blocks?|goals?|saves?|digs?|aces?|"
                        r"tackles?|sacks?|strikeouts?|RBIs?)\b", re.MULTILINE)  # fmt: skip


def stat_lines(text: str, reg: Registry, credited: list[tuple[int, int]]) -> None:
    """Players named by surname in a box score, which spaCy leaves untagged: a person. Only
    where three or more such lines make a box score (not "Amassing 10 kills" in a story)."""
    found = list(_STAT_LINE.finditer(text))
    for m in found if len(found) >= 3 else ():
        if not credits.in_ranges(credited, m.start(1)) and not clubs.is_club(m.group(1)):
            reg.add(m.group(1), "PERSON", m.start(1), weight=STRONG)


# A street, road or square: one to three capitalised words or ordinals before a street word
# ("Goscote Lane", "West 23rd Street", "St. Mark's Square", "County Road 600S"), not inside a
# longer name ("Wall Street Journal"); German compounds ("Nachtigalplatz", "Lüderitzstrasse").
_STREET_WORD = r"(?:[A-Z][\w’'.-]*|\d+(?:st|nd|rd|th))"
_STREET = re.compile(r"(?<![\w’'.-])(" + _STREET_WORD + " (?:" + _STREET_WORD + " ){0,2}"
                     r"(?:Road(?: \d{1,4}[NSEW]?(?!\w))?|Street|Lane|Avenue|Drive|Boulevard|Terrace|Square))"
                     r"(?![\w’'-]| [A-Z&]| (?:of|de)\b)"
                     r"|\b([A-ZÄÖÜ][a-zäöüß]{3,}(?:strasse|straße|platz|allee|gasse))\b")  # fmt: skip
# a surname that is also a street word: "Oliver Lane" is a person where spaCy says so
_SURNAME_STREETS = {"Lane", "Street", "Square"}


def streets(text: str, reg: Registry, credited: list[tuple[int, int]]) -> None:
    """Streets and squares are places (bench/real/ANNOTATING.md), which spaCy often tags as a
    person or an organisation, or not at all ("Goscote Lane, Coalpool Road")."""
    for m in _STREET.finditer(text):
        group = 1 if m.group(1) else 2
        words = m.group(group).split(" ")
        while len(words) > 1 and words[0].lower() in _NOT_IN_STREET:  # "On Coalpool Road"
            words.pop(0)
        # "New York’s Times Square": the place whose street it is; not "St Mildred’s Road"
        owner = max((i for i, w in enumerate(words[:-1]) if w[-2:] in ("’s", "'s")), default=-1)
        if owner >= 0 and (owner == 0 or words[owner - 1].rstrip(".") not in ("St", "Saint")):
            words = words[owner + 1 :]
        start = m.end(group) - len(" ".join(words))
        form = clean_form(" ".join(words))
        if group == 1 and (len(words) < 2 or len(words) == 2 and words[0] in ("Main", "High")) \
                or credits.in_ranges(credited, start):  # fmt: skip
            continue  # "Main Street", "the High Street": any town's
        name = reg.by_form.get(form)
        if name and words[-1] in _SURNAME_STREETS and reg.type_of(name) == "PERSON":
            continue
        reg.add(form, "LOC", start, weight=STRONG)


_NOT_IN_STREET = {"the", "a", "an", "on", "in", "at", "of", "off", "and", "or", "from", "to", "by",
                  "via", "near", "along", "this", "that", "but", "as", "when", "while", "after"}  # fmt: skip


# "the Sudanese city of Khartoum North", "Bhakkar district of Punjab", "the district of Wedding",
# "the MP for Newcastle Central": the name after a kind of place and "of", or after a member's
# seat and "for", is a place (spaCy: often nothing, a person or an organisation).
_PLACE_OF = re.compile(r"\b(?:(?:district|province|state|region|county|city|town|village|island"
                       r"|municipality|suburb|neighbou?rhood|borough|prefecture|governorate)s? of "
                       r"|(?:MP|MSP|MLA|MEP|TD|[Cc]ouncillors?) for )"  # a constituency, a ward
                       r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)")  # fmt: skip


def places_of(text: str, reg: Registry) -> None:
    for m in _PLACE_OF.finditer(text):
        form = clean_form(m.group(1))
        if len(form) >= 2 and "’s" not in form and "'s" not in form:  # "Ukraine’s Donbas"
            reg.add(form, "LOC", m.start(1), weight=STRONG)
