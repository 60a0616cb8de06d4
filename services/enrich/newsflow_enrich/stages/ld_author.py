"""The author an article names in its JSON-LD (schema.org `author` of the object that carries
the `headline`): a person or an organization ("Le Monde with AFP", "ETMarkets.com"). Pages whose
author is an outlet or an agency often print it in a box no byline selector reads and give no
meta tag for it (trafilatura skips organizations as authors); printed on the page, it is the
byline (bench/real/ANNOTATING.md: an agency or outlet alone is the byline).
"""

from __future__ import annotations

import json
from typing import Any

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from newsflow_enrich.stages import printed


def authors(tree: HTMLParser) -> list[str]:
    """The article's JSON-LD authors' names, in the page's order."""
    out: list[str] = []
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text() or "")
        except ValueError:
            continue
        _walk(data, out)
    return out


def printed_author(tree: HTMLParser) -> str | None:
    """The first JSON-LD author whose name the page prints whole in one text."""
    body = tree.body
    if body is None:
        return None
    names = authors(tree)
    if not names:
        return None
    texts = [printed.squash(t.text_content) for t in printed.text_nodes(body)]
    return next((name for name in names if any(name in t for t in texts)), None)


def _walk(data: Any, out: list[str]) -> None:
    if isinstance(data, list):
        for item in data:
            _walk(item, out)
    elif isinstance(data, dict):
        if "headline" in data:
            for author in data.get("author") if isinstance(data.get("author"), list) \
                    else [data.get("author")]:  # fmt: skip
                name = author.get("name") if isinstance(author, dict) else author
                if (
                    isinstance(name, str)
                    and printed.squash(name)
                    and printed.squash(name) not in out
                ):
                    out.append(printed.squash(name))
        for value in data.values():
            if isinstance(value, (dict, list)):
                _walk(value, out)
