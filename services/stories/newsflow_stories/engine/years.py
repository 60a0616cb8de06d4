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

from newsflow_stories.engine.counts import YEAR, stamp

_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


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


def page_date(body: str) -> PageDate:
    """The date stamp that opens the body, if any (see `PageDate`)."""
    m = stamp(body)
    if m is None:
        return PageDate()
    day = _DAY.search(YEAR.sub("", m.group(0)))
    return PageDate(int(YEAR.findall(m.group(0))[-1]) if day else None, m.end())


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
