"""The years an article carries: the date its page prints at its top, and the latest year its
text names. Two reports years apart tell two events, however alike their words and names (an
Internet Explorer emergency patch of 2008 and one of 2013; Klitschko's title defences of 2006
and 2012). A stream's `published_at` parts them by the join window when it is the page's own
date; these read the page's date where `published_at` is only when the article was received
(an archive fed late, a page with no date in its metadata).
"""

from __future__ import annotations

import re

from newsflow_stories.engine.counts import YEAR, stamp

_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def own_year(body: str) -> int | None:
    """The year of the date stamp that opens the body ("Published August 02, 2013 Ellen
    DeGeneres will host ...", "Updated: July 02, 2013 15:50 IST A 6.1-magnitude ..."), if any:
    the page's own date, printed by its site. A site dates its page to the day: a month and
    year alone opening the text ("By March 2030 the city ...") is what the text tells."""
    m = stamp(body)
    if m is None or not _DAY.search(YEAR.sub("", m.group(0))):
        return None
    return int(YEAR.findall(m.group(0))[-1])


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
