"""A UTC publication stamp told in the publisher's own time, where the page itself tells it so.

Meta tags often carry the stamp in UTC ("2022-04-29T02:08:28+00:00") where the publisher's day
was the 28th: bench/real/ANNOTATING.md takes a date from the meta tags "in the publisher's local
time". Pages that do so often print the same instant elsewhere in their markup with the
publisher's offset (JSON-LD, another meta tag, a <time datetime>: "2022-04-28T22:08:28-04:00"):
that stamp is the one to read. Only the same instant, to the second: no offset is guessed from
the site's country or from other stamps of the page.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

_STAMP = re.compile(
    r"(?<!\d)(?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)(?![\d:])"
)
_UTC = re.compile(r"(?:Z|[+-]00:?00)$")


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
    return stamp


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
