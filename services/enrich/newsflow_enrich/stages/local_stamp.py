"""A UTC publication stamp told in the publisher's own time, where the page itself tells it so.

Meta tags often carry the stamp in UTC ("2022-04-29T02:08:28+00:00") where the publisher's day
was the 28th: bench/real/ANNOTATING.md takes a date from the meta tags "in the publisher's local
time". Pages that do so often print the same instant elsewhere in their markup with the
publisher's offset (JSON-LD, another meta tag, a <time datetime>: "2022-04-28T22:08:28-04:00"):
that stamp is the one to read. Some print it with no offset at all, in local time (Variety's
"publishtime" "2022-03-10T16:59:41" beside "2022-03-11T00:59:41+00:00"): a stamp with no offset
that is the UTC stamp moved by whole or half hours of a real offset (-12 to +14 hours), to the
second (and not on the hour: "10:00:00" is as likely a round time of another stamp), is that
instant in the publisher's time. Only the same instant, to the second: no offset is guessed
from the site's country or from other stamps of the page.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

_STAMP = re.compile(
    r"(?<!\d)(?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)(?![\d:])"
)
_UTC = re.compile(r"(?:Z|[+-]00:?00)$")
# A stamp with no offset, to the second: "2022-03-10T16:59:41", "2022-03-10 16:59:41".
_NAIVE = re.compile(r"(?<![\d-])((?:19|20)\d\d-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?![\d:.+Z-])")
_HALF_HOUR = 30 * 60


def in_local_time(stamp: str | None, html: str) -> str | None:
    """`stamp` as the page prints it elsewhere with a local offset, when it is a UTC stamp;
    otherwise `stamp`."""
    if not stamp or not _UTC.search(stamp.strip()):
        return stamp
    instant = _parse(stamp.strip())
    if instant is None:
        return stamp
    for m in _STAMP.finditer(html):
        text = m.group(0)
        if _UTC.search(text):
            continue
        other = _parse(text)
        if other is not None and other == instant and other.utcoffset() != timedelta(0):
            return text
    return _naive_local(instant, html) or stamp


def _naive_local(instant: datetime, html: str) -> str | None:
    """The first stamp with no offset that tells `instant` in a local time other than UTC."""
    utc = instant.replace(tzinfo=None) - (instant.utcoffset() or timedelta(0))
    for m in _NAIVE.finditer(html):
        other = _parse(f"{m.group(1)}T{m.group(2)}")
        if other is None:
            continue
        shift = (other - utc).total_seconds()
        on_the_hour = other.minute == other.second == 0
        if (
            shift
            and -12 * 3600 <= shift <= 14 * 3600
            and not shift % _HALF_HOUR
            and not on_the_hour
        ):
            return other.isoformat(timespec="seconds")
    return None


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
