"""Stable article ids: the same article posted twice gets the same id."""

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

_WS = re.compile(r"\s+")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment and a trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def article_id(*, url: str | None, content: str) -> str:
    """The id of an article: from its canonical URL when it has one, else from its content.

    Content is whitespace-normalized first, so a re-scrape that only changes spacing keeps its id.
    """
    if url and url.strip():
        basis = "url:" + canonical_url(url)
    else:
        basis = "content:" + _WS.sub(" ", content).strip()
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]
