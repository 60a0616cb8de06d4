"""Byline, news agencies, dateline, publication date and language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import dateparser

from newsflow_enrich.stages import date_shapes
from newsflow_enrich.stages.datelines import dateline
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
    # PA alone is also Pennsylvania: its wire and photo credits ("Photo: PA", "(Image: PA)",
    # "Jane Doe/PA Wire")
    "PA Media": [
        r"PA Media",
        r"Press Association",
        r"PA (Wire|Images)|(?<=/)PA",
        *(rf"(?<={label}: )PA" for label in ("Photo", "Image", "Picture", "Pic", "Credit")),
    ],
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
                      *cleaned.unlisted,
                      *credit_lines([*cleaned.body.split("\n\n"), *cleaned.chrome])])
    )  # fmt: skip
    published = _iso(published_at) or _printed_or_meta(cleaned) or byline_date \
        or _iso(cleaned.date_line)  # fmt: skip
    return Metadata(
        title=title or cleaned.title,
        byline=byline or (cleaned.meta_author if cleaned.author_shown else None),
        agencies=agencies_in(credited),
        published_at=_with_time(_day_month_from_dateline(published, cleaned.body), cleaned),
        dateline=place,
        language=language(cleaned.body),
    )


def _with_time(published: str | None, cleaned: Cleaned) -> str | None:
    """A date found to the day, with the time a publication meta tag of the page gives on that
    day (`meta_times`)."""
    if not published or len(published) != 10:
        return published
    for value in cleaned.meta_stamps:
        stamp = _iso(value)
        if stamp and "T" in stamp and stamp[:10] == published:
            return stamp
    return published


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
