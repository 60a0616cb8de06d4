"""The dateline of a story's lead: the place (and agency) printed before its first words
("BEIRUT, March 7 (Reuters) -", "WASHINGTON —" on a line of its own). One pattern for the
metadata's dateline and for the lead finder (stages/leads.py), which asks whether a paragraph
opens with its own dateline."""

from __future__ import annotations

import re

from newsflow_enrich.stages import date_shapes

# "BEIRUT —", "BEIRUT:", "NEW YORK, Nov 5 (Reuters) -", "Kabul (AFP) -", "BEIRUT/THE HAGUE,
# March 7 (Reuters) -", "DHAKA, Dec 20, 2025 (BSS) -"
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'\- ]{1,40}?|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'\-/ ]{1,40}?)"
    r"(?:,\s*(?P<extra>[A-Z0-9][\w ./]{1,25}?)){0,2}\s*"
    r"(?:\((?P<agency>(?=[^)]*[A-Za-z])[^)]{2,60})\))?\s*"
    # a dash or colon, and a line of its own ("WASHINGTON —" over the lead); a dash lost to a
    # bad encoding ("WASHINGTON\ufffd\ufffdThe", 'Italy (AP) " The'); nothing after an agency
    # ("Hong Kong (CNN Business)A muddled view"); a dash with no space to the lead's first word
    # ("VATICAN CITY—Six years ago", "NEW YORK--Verizon": checked for capitals below)
    r"(?:(?P<sep>—|–|\.?-{1,2}|:)\s+|(?P<alone>—|–|-{1,2})$|(?P<lost>\ufffd+|(?<=\) )\")\s*|(?<=\))\s*(?=[A-Z])"
    r"|(?P<glued>—|--)(?=[A-Z][a-z]))"
)
# Labels printed like a dateline ("FILE PHOTO: ...", "Update: ..."): not places.
_NOT_PLACES = {
    "file photo",
    "photo",
    "photos",
    "update",
    "updated",
    "watch",
    "breaking",
    "breaking news",
    "exclusive",
    "opinion",
    "analysis",
    "editorial",
    "note",
    "video",
    "live",
    "listen",
    "read",
    "related",
    "correction",
    "summary",
    "warning",
    "comment",
    "review",
    "explainer",
    "fact check",
    "advertisement",
    "sponsored",
    "image",
    "more",
    "posted",
    "published",
    "last updated",
    "modified",
    "filed",
    "created",
    "date",
    "anchor",  # a transcript's speakers ("Anchor: After heavy rain ...")
    "reporter",
    "report",
    "related photos",
    "related stories",
}
# What a date label prints after its colon: a date or a time, not the story's first words.
_DATED = re.compile(rf"\d{{1,4}} ?[/.:-] ?\d{{1,2}}\b|{date_shapes.MONTH_START}[a-z]*\.? "
                    rf"\d{{1,2}}\b|\d{{1,2}} {date_shapes.MONTH_START}", re.IGNORECASE)  # fmt: skip
# A headline, a dek, a byline or a date line may come before the lead (trafilatura keeps some)
_DATELINE_LINES = 5


def dateline(body: str) -> tuple[str | None, str | None]:
    """The dateline place of the lead paragraph (one of the first lines: a dek, a byline or a
    caption left in the text may come first), and an agency credited in it."""
    lines = [ln for ln in body.split("\n", 2 * _DATELINE_LINES) if ln.strip()]
    for line in lines[:_DATELINE_LINES]:
        place, agency = _dateline(line)
        if place:
            return place, agency
    return None, None


def opens_with_one(line: str) -> bool:
    """The line opens with a dateline ("NEW YORK--Verizon is ...", "Kabul (AFP) - ...")."""
    return _dateline(line)[0] is not None


def alone(line: str) -> bool:
    """The line is a dateline alone ("AUBURN, Wash. —", printed in an element of its own)."""
    m = DATELINE.match(line)
    return m is not None and m.group("alone") is not None and opens_with_one(line)


def _dateline(first: str) -> tuple[str | None, str | None]:
    # "(ANSA) - BORMIO, MAY 27 - Italian rider ...": the agency first.
    lead = re.match(r"^\((?P<agency>[^)]{2,30})\)\s*(?:—|–|-{1,2})\s+", first)
    if lead:
        place, _ = _dateline(first[lead.end() :])
        return (place, lead.group("agency")) if place else (None, None)
    m = DATELINE.match(first)
    if not m or m.group("place").strip().lower() in _NOT_PLACES or _DATED.match(first[m.end() :]):
        return None, None  # (a label, or a date label: "POSTED: 05/02/07, 9:00 PM PDT")
    place = m.group("place").strip()
    if place.lower().rstrip(".") in date_shapes.WEEKDAY_WORDS:
        return None, None  # "Thursday, December 11, 2008 Prediction: ...": a date, no place
    if m.group("agency") and m.group("agency") == "".join(w[0] for w in place.split()).upper():
        return None, None  # "British Virgin Islands (BVI) Governor ...": the place's initials
    # A dateline place is printed in capitals, or is a short proper name followed by "(Agency)",
    # by its country ("Paris, France —") or by a colon ("Kigali: Four young people ...").
    titled = len(place.split()) <= 3 and all(w[:1].isupper() for w in place.split())
    colon = m.group("sep") == ":"
    if (m.group("glued") or m.group("alone")) and not (place.isupper() and len(place) >= 4):
        return None, None  # "Anti—Semitic", "UK--Based": a dash inside the words
    if not (place.isupper() or m.group("agency") or (titled and (m.group("extra") or colon))):
        return None, None
    if not (m.group("sep") or m.group("lost") or m.group("glued") or m.group("alone")) and not (
        titled and (m.group("extra") or m.group("agency"))
    ):
        return None, None  # "Mumbai, Mar 4 (PTI) A special court": no dash, but a dated place
    return place, m.group("agency")
