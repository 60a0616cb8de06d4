"""The time of day a page's publication meta tags give, for a publication date found to the day.

Our meta tags (`text._DATE_META`) and the printed date often give the day only ("2015-02-20"),
where another publication tag of the page carries the stamp with its time (BBC's
"OriginalPublicationDate" "2015/02/20 15:42:28"): bench/real/ANNOTATING.md takes the time when
the page gives one. The tag names are htmldate's list of publication-date meta names (a kept
library; its modified-date names are left out), read in page order; a UTC stamp is told in the
publisher's own time where the page prints that (`local_stamp`). Only a stamp on the same day
counts: the day stays the one found.
"""

from __future__ import annotations

from htmldate.core import DATE_ATTRIBUTES
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from newsflow_enrich.stages import local_stamp

_ATTRS = ("name", "property", "itemprop")


def stamps(tree: HTMLParser, html: str) -> list[str]:
    """The values of the page's publication-date meta tags, in page order."""
    out = []
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = next((attrs.get(a) for a in _ATTRS if attrs.get(a)), None) or ""
        value = (attrs.get("content") or attrs.get("value") or "").strip()
        if value and key.lower() in DATE_ATTRIBUTES:
            out.append(local_stamp.in_local_time(value, html) or value)
    return out
