"""Byline, news agencies, dateline, publication date and language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import dateparser

from newsflow_enrich.stages import date_shapes
from newsflow_enrich.stages.language import language
from newsflow_enrich.stages.text import Cleaned

# Canonical agency name -> how pages print it. Word-bounded, case-sensitive where the short form
# is also an ordinary word ("AP", "PA").
AGENCIES: dict[str, list[str]] = {
    "AFP": [r"AFP", r"Agence France[- ]Presse"],
    "Reuters": [r"Reuters", r"REUTERS"],
    "Associated Press": [r"Associated Press", r"AP"],
    # Bloomberg alone is also a person: a credit after a slash ("Jeenah Moon/Bloomberg")
    "Bloomberg": [r"Bloomberg News", r"(?<=/)\s?Bloomberg"],
    "UPI": [r"UPI", r"United Press International"],
    "Xinhua": [r"Xinhua"],
    "dpa": [r"dpa", r"DPA", r"Deutsche Presse-Agentur"],
    "ANSA": [r"ANSA"],
    "EFE": [r"EFE"],
    "Kyodo": [r"Kyodo( News)?"],
    "PTI": [r"PTI", r"Press Trust of India"],
    "Anadolu": [r"Anadolu( Agency)?"],  # the names of bench/real/ANNOTATING.md
    "TASS": [r"TASS"],
    "Yonhap": [r"Yonhap"],
    "Jiji": [r"Jiji( Press)?", r"JIJI"],
    "CNA": [r"CNA"],
    # PA alone is also Pennsylvania: its wire and photo credits ("Photo: PA", "Jane Doe/PA Wire")
    "PA Media": [r"PA Media", r"Press Association", r"PA (Wire|Images)|(?<=/)PA|(?<=Photo: )PA"],
    "Bernama": [r"Bernama", r"BERNAMA"],
    "Antara": [r"Antara"],
    "AAP": [r"AAP", r"Australian Associated Press"],
    "IANS": [r"IANS"],
    "ANI": [r"ANI"],
    "Sputnik": [r"Sputnik"],
    "Canadian Press": [r"(The )?Canadian Press"],
    "EPA": [r"EPA", r"European Pressphoto Agency"],  # a photo agency (bench/real/ANNOTATING.md)
}
_AGENCY_RE = {
    name: re.compile(r"(?<![\w-])(" + "|".join(forms) + r")(?![\w-])")
    for name, forms in AGENCIES.items()
}
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
_BYLINE_SPLIT = re.compile(
    r"\s+[-–—|•·]\s+|\s+on\s+(?=\d|[A-Z][a-z]{2,8}\.? \d)|\s*,\s+(?=\d{1,2}:\d\d)"
)
_NOT_NAME = re.compile(
    r"\d|^\s*(published|posted|updated|last updated|modified|on|at)\b"
    r"|\bread\b|\bago\b",
    re.IGNORECASE,
)
_DATEISH = re.compile(
    r"\b(\d{4}-\d{2}-\d{2}|\w{3,9}\.? \d{1,2}, ?\d{4}|\d{1,2} \w{3,9}\.? \d{4}|\d{1,2}/\d{1,2}/\d{4})"
)


@dataclass
class Metadata:
    title: str | None
    byline: str | None
    agencies: list[str] = field(default_factory=list)
    published_at: str | None = None
    dateline: str | None = None
    language: str = "en"


def agencies_in(text: str) -> list[str]:
    return [name for name, rx in _AGENCY_RE.items() if rx.search(text)]


# A line crediting the story's sources ("The Associated Press contributed to this report.",
# "Additional reporting from PA", "With reporting by Reuters"): the agencies it names are
# credited (bench/real/ANNOTATING.md), wherever the page prints it, body or foot.
_CREDIT_LINE = re.compile(
    r"contributed (reporting|to (this|the) (report|story|article))|additional reporting"
    r"|with reporting (by|from)|(reporting|material|information) from|compiled (by|from)"
    r"|wire services|from (news )?agencies",
    re.IGNORECASE,
)
_CREDIT_WORDS = 40
# In a credit line, "PA" alone is the agency (elsewhere it is also Pennsylvania).
_PA_ALONE = re.compile(r"(?<![\w-])PA(?![\w-])")


def credit_lines(lines: list[str]) -> list[str]:
    return [_PA_ALONE.sub("PA Media", ln) for ln in lines
            if len(ln.split()) <= _CREDIT_WORDS and _CREDIT_LINE.search(ln)]  # fmt: skip


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
_LABEL = re.compile(
    r"^(published|posted|updated|last updated|last modified|modified|date|on|at)"
    r"(\s+(on|at))?\s*:?\s*",
    re.IGNORECASE,
)
# A trailing zone abbreviation ("IST", "PKT"): dropped so the time stays as printed, local.
_ZONE = re.compile(r"\s+\(?[A-Z]{2,5}\)?\s*$")
_OFFSET = re.compile(r"\s*\b(GMT|UTC)\s*[+-]\s*\d{1,2}(:?\d\d)?\b")  # "2:17 PM GMT+3, March 11"
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?![\d])|\b\d{1,2} ?[ap]\.?m\b", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """An ISO 8601 date (or datetime, when a time is printed) from a printed date, or None."""
    text = text.strip()
    if _ISO.match(text):
        try:
            parsed = datetime.fromisoformat(text.replace(" ", "T"))
        except ValueError:
            return None
        return parsed.isoformat(timespec="seconds") if "T" in text or " " in text else text[:10]
    text = _ZONE.sub("", _OFFSET.sub("", _LABEL.sub("", text))).replace(",", ", ").replace(" |", "")
    text = " ".join(text.split())
    text = re.sub(r"\s+at\s+(?=\d)", " ", text)  # "14/03/2025 at 08:42"
    parsed = dateparser.parse(
        text, languages=["en"],
        # "09/04/2025" is 9 April, as printed outside the US; a dateline can say otherwise.
        settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY",
                  "RETURN_AS_TIMEZONE_AWARE": False},
    )  # fmt: skip
    if parsed is None and len(text.split()) > 2:
        # "07.02.2024, 08:14 Uhr": a trailing word of another language or a zone name.
        return parse_date(text.rsplit(" ", 1)[0])
    if parsed is None:
        return None
    if _CLOCK.search(text):
        return parsed.isoformat(timespec="seconds")
    return parsed.date().isoformat()


def split_byline(line: str) -> tuple[str, str | None]:
    """'By AFP - Dec 06,2018 - Last updated at Dec 06,2018' -> ('By AFP', '2018-12-06');
    'Posted by Sports Desk on 26/02/2024' -> ('Posted by Sports Desk', '2024-02-26')."""
    cuts = list(_BYLINE_SPLIT.finditer(line))
    parts = _BYLINE_SPLIT.split(line)
    date = None
    for k, part in enumerate(parts[1:], start=1):
        # "Mar 27, 2023 | 14:05": a date and its time may be printed as two parts.
        joined = part if k + 1 >= len(parts) or not _CLOCK.match(parts[k + 1]) \
            else f"{part} {parts[k + 1]}"  # fmt: skip
        if date := parse_date(joined):
            break
    # The byline runs to the first part that is a date, a time or a label ("Updated ..."): an
    # outlet or job title printed in the same text stays ("Ana Rusk | USA TODAY").
    end = next((k for k in range(1, len(parts)) if _NOT_NAME.search(parts[k])), len(parts))
    return line[: cuts[end - 1].start()].strip() if end < len(parts) else line.strip(), date


def dateline(body: str) -> tuple[str | None, str | None]:
    """The dateline place of the lead paragraph (one of the first lines: a dek, a byline or a
    caption left in the text may come first), and an agency credited in it."""
    lines = [ln for ln in body.split("\n", 2 * _DATELINE_LINES) if ln.strip()]
    for line in lines[:_DATELINE_LINES]:
        place, agency = _dateline(line)
        if place:
            return place, agency
    return None, None


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


def extract(cleaned: Cleaned, *, title: str | None, published_at: str | None,
            byline: str | None = None) -> Metadata:  # fmt: skip
    """Metadata of the page; `title`, `byline` and `published_at` given with the article (JSON
    fields) win over what the page prints."""
    byline_date = None
    if byline or cleaned.byline:
        byline, byline_date = split_byline(byline or cleaned.byline or "")
    place, dateline_agency = dateline(cleaned.body)
    if dateline_agency:  # "(efe-epa)", "(UrduPoint News / Sputnik - 29th April)": each apart
        dateline_agency = re.sub(r"[-/]", " ", dateline_agency.upper() if
                                 dateline_agency.islower() else dateline_agency)  # fmt: skip
    credited = " \n".join(
        filter(None, [byline, cleaned.meta_author, dateline_agency, *cleaned.captions,
                      *credit_lines([*cleaned.body.split("\n\n"), *cleaned.chrome])])
    )  # fmt: skip
    published = _iso(published_at) or _printed_or_meta(cleaned) or byline_date \
        or _iso(cleaned.date_line)  # fmt: skip
    return Metadata(
        title=title or cleaned.title,
        byline=byline or (cleaned.meta_author if cleaned.author_shown else None),
        agencies=agencies_in(credited),
        published_at=_day_month_from_dateline(published, cleaned.body),
        dateline=place,
        language=language(cleaned.body),
    )


_DATELINE_DAY = re.compile(r"^[^\n]{0,60}?,\s*(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})\b")


def _day_month_from_dateline(published: str | None, body: str) -> str | None:
    """'04/09/2025' read as 4 September, when the dateline says 'WASHINGTON, April 9': the
    dateline's month and day win over a guessed order of the numbers."""
    m = _DATELINE_DAY.match(body)
    if not published or not m or not re.match(r"\d{4}-\d{2}-\d{2}", published):
        return published
    month, day = date_shapes.month_number(m.group("month")) or 0, int(m.group("day"))
    y, mo, d = published[:4], int(published[5:7]), int(published[8:10])
    if (mo, d) == (day, month) and mo != d:
        return f"{y}-{d:02d}-{mo:02d}{published[10:]}"
    return published


def _printed_or_meta(cleaned: Cleaned) -> str | None:
    """The printed date; the meta stamp where the page prints none, or prints the same day
    without its time (a masthead's "Tuesday, 19 March 2024" beside a stamp of 10:45+11:00)."""
    meta = _iso(cleaned.meta_date)
    printed = cleaned.printed_date
    if not printed or meta and len(printed) == 10 and meta.startswith(printed):
        return meta or printed
    if meta and len(printed) == 10 and _LOCAL_OFFSET.search(meta):
        return meta  # a stamp in the publisher's own time, to the minute, over another day
    return printed


_LOCAL_OFFSET = re.compile(r"T\d\d:\d\d.*[+-](?!00:?00)\d\d:?\d\d$")


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    # A machine stamp puts the year first, also cut to two digits ("14-12-29": 29 Dec 2014).
    value = _SHORT_STAMP.sub(r"20\1-\2-\3", value.strip())
    return parse_date(value) or None


_SHORT_STAMP = re.compile(r"^(\d\d)-(\d\d)-(\d\d)$")
