"""The years an article carries: the date its page prints at its top, and the latest year its
text names. Two reports years apart tell two events, however alike their words and names (an
Internet Explorer emergency patch of 2008 and one of 2013; Klitschko's title defences of 2006
and 2012). A stream's `published_at` parts them by the join window when it is the page's own
date; these read the page's date where `published_at` is only when the article was received
(an archive fed late, a page with no date in its metadata).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsflow_stories.engine.counts import THIS_WEEK, YEAR, stamp

_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip
# A month in a date stamp, in any case ("WEDNESDAY 03 JULY 2013", "Thu 6 May 2010").
_STAMP_MONTH = re.compile(rf"\b({'|'.join(m[:3] for m in _MONTHS)})[a-z]*\b", re.IGNORECASE)
# A month named in running text: capitalised, whole or cut with a full stop ("Feb.", "Sept."),
# since "may" and "march" are words too.
_MONTH = "(?:" + "|".join(rf"{m}\b|{m[:3]}\." for m in _MONTHS) + r"|Sept\.)"


def _month_number(name: str) -> int:
    return [m[:3].lower() for m in _MONTHS].index(name[:3].lower()) + 1


@dataclass(frozen=True)
class PageDate:
    """The date stamp that opens an article's body (`counts.stamp`), read once per article for
    both the join (`years_apart`) and the tracks (a count of an older year)."""

    # The page's own year ("Published August 02, 2013 Ellen DeGeneres will host ...",
    # "Updated: July 02, 2013 15:50 IST A 6.1-magnitude ..."), printed by its site; None
    # without a stamp, or for a month and year alone ("By March 2030 the city ...": a site dates
    # its page to the day, so that is what the text tells).
    year: int | None = None
    end: int = 0  # where the stamp ends (any stamp, a day or not), 0 without one
    month: int | None = None  # 1-12, when the stamp with a year names its month by name
    # The months a stamp in digits may mean ("9 / 10 / 2010": September 10 in the US order,
    # October 9 in the day-first one); empty when it names its month or prints none.
    months: tuple[int, ...] = ()


def page_date(body: str) -> PageDate:
    """The date stamp that opens the body, if any (see `PageDate`)."""
    m = stamp(body)
    if m is None:
        return PageDate()
    day = _DAY.search(YEAR.sub("", m.group(0)))
    if not day:
        return PageDate(None, m.end())
    name = _STAMP_MONTH.search(m.group(0))
    month = _month_number(name.group(1)) if name else None
    digits = [] if name else [int(d) for d in _DAY.findall(YEAR.sub("", m.group(0)))[:2]]
    months = tuple(sorted({d for d in digits if 1 <= d <= 12})) if len(digits) == 2 else ()
    return PageDate(int(YEAR.findall(m.group(0))[-1]), m.end(), month, months)


# A sentence that opens on a month and no day ("In February, a gunman killed five people", "In
# early March, ..."): what that month saw. On a page of another month it is an older event's
# count, as one in a sentence naming a past year is (counts.past_year).
_MONTH_OPENER = re.compile(rf"^\W*[Ii]n\s+(?:(?:early|late|mid)[\s-]*)?({_MONTH})(?!\s*\d)")
# A sentence that opens on a past time ("In April last year an 8.6-magnitude quake struck ...",
# "In 2004 a massive tremor ...", "Last year ...") begins the story of an older event.
_PAST_OPENER = re.compile(
    rf"^\W*(?:[Ii]n|[Dd]uring)\s+(?:(?:early|late|mid)[\s-]*)?(?:{_MONTH}\s+)?(?:of\s+)?"
    rf"(?:(last year)|((?:19|20)\d\d)\b)|^\W*([Ll]ast year)\b"
)
# What a sentence tells of its own time besides this week's days (counts.THIS_WEEK): a year, a
# month, the present ("So far, they have taught 2,585 students") or a time after the opener's
# ("Five years later").
_OWN_TIME = re.compile(rf"(?i:\b(?:(?:19|20)\d\d|so far|now|currently|to date|later)\b)|{_MONTH}")


def past_month(sentence: str, page_month: int | None, page_months: tuple[int, ...] = ()) -> bool:
    """Does the sentence open on a month other than the page's, with no day ("In February, a
    gunman killed five people" on a page of April)? `page_months`: the months a stamp in digits
    may mean, when `page_month` is None; a month that is neither is another."""
    m = _MONTH_OPENER.search(sentence)
    if not m:
        return False
    named = _month_number(m.group(1))
    if page_month is None:
        return bool(page_months) and named not in page_months
    return named != page_month


# "four years ago", "a decade ago": a time before the page's, counted back from it. Not a span
# to now ("Since its founding 25 years ago, the foundation has ...") nor a comparison ("compared
# to a year ago", "higher than a year ago"; "more than a decade ago" is a time).
_AGO = re.compile(r"\b(?:[\w-]+)\s+(?:years?|decades?)\s+ago\b", re.IGNORECASE)
_SPAN_OR_COMPARED = re.compile(
    r"\b(?:since|compared\s+(?:to|with)|(?<!more )(?<!less )than|from)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


def years_ago(before: str) -> bool:
    """Does the sentence before the figure date it years back ("The catastrophe four years ago
    devastated ... and killed more than 230,000 people")?"""
    return any(not _SPAN_OR_COMPARED.search(before[: m.start()]) for m in _AGO.finditer(before))


def continues_past(previous: str, sentence: str, page_year: int | None) -> bool:
    """Does the sentence go on telling the older event the sentence before it opened on ("In
    April last year an 8.6-magnitude quake struck ... Five people died and seven were injured in
    Aceh in the quake")? Only when it names no time of its own: a day, a year or a month starts
    another account."""
    m = _PAST_OPENER.search(previous)
    if m is None or THIS_WEEK.search(sentence.lower()) or _OWN_TIME.search(sentence):
        return False
    year = m.group(2)
    return year is None or (page_year is not None and int(year) < page_year)


def latest_year(body: str) -> int | None:
    """The latest year the text names (its own date included). A report is no older than the
    latest year it names as past, and names a later one only as a plan ("will make his debut in
    2010"), so a story's reports are from about this year or before it."""
    found = YEAR.findall(body)
    return max(map(int, found)) if found else None


def years_apart(own: int | None, story_latest: int | None, gap: int) -> bool:
    """Whether an article dated `own` is at least `gap` years after every year a story's
    reports carry or name: a later event of the same kind, not a follow-up (gap 0: never)."""
    return bool(gap) and own is not None and story_latest is not None and own - story_latest >= gap
