"""`newsflow stories` and `newsflow story`: stories through the search API, as tables.

Story text comes from articles: it goes into tables as rich `Text`, never parsed as markup.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
from rich.console import Console
from rich.table import Table
from rich.text import Text


def _get(url: str, params: dict[str, Any] | None = None) -> Any:
    r = httpx.get(url, params=params, timeout=30)
    if r.status_code != 200:
        try:
            detail = r.json().get("detail", r.text)
        except ValueError:
            detail = r.text
        raise ValueError(f"{r.status_code}: {str(detail)[:300]}")
    return r.json()


def stories(search_url: str, q: str, entity: list[str], since: str | None, sort: str,
            size: int) -> Any:  # fmt: skip
    params: dict[str, Any] = {"q": q, "sort": sort, "size": size}
    if entity:
        params["entity"] = entity
    if since:
        params["since"] = since
    return _get(f"{search_url}/stories", params)


def story(search_url: str, story_id: str) -> Any:
    return _get(f"{search_url}/stories/{quote(story_id, safe='')}")


def _num(v: float | None) -> str:
    return "" if v is None else f"{v:,.10g}"


def _track_name(t: dict[str, Any]) -> str:
    return " · ".join(x for x in (t.get("event"), t.get("object"), t.get("place")) if x) or t["key"]


def _row(*cells: str | None) -> list[Text]:
    return [Text(c or "") for c in cells]


def print_stories(data: Any, out: Console | None = None) -> None:
    out = out or Console()
    table = Table("last report", "story", "articles", "sources", "figure tracks (latest / highest)",
                  title=f"{data['total']} stor{'y' if data['total'] == 1 else 'ies'}",
                  show_lines=True)  # fmt: skip
    for s in data["hits"]:
        tracks = "\n".join(f"{_track_name(t)}: {_num(t.get('latest'))} / {_num(t.get('highest'))}"
                           for t in s.get("tracks", []))  # fmt: skip
        title = Text(s.get("title") or s["id"])
        title.append("\n" + s["id"], style="dim")
        table.add_row(Text((s.get("last_at") or "")[:10]), title, Text(str(s.get("size", 0))),
                      Text(", ".join(s.get("sources", []))), Text(tracks))  # fmt: skip
    out.print(table)


def print_story(s: Any, out: Console | None = None) -> None:
    out = out or Console()
    head = Text(s.get("title") or s["id"], style="bold")
    head.append("  " + s["id"], style="dim")
    out.print(head)
    out.print(Text(f"{(s.get('first_at') or '')[:10]} – {(s.get('last_at') or '')[:10]} · "
                   f"{len(s.get('articles', []))} articles · sources: "
                   f"{', '.join(s.get('sources', []))}"))  # fmt: skip
    timeline = Table("published", "source", "agencies", "title", "article id", title="Timeline")
    for a in s.get("articles", []):
        timeline.add_row(*_row((a.get("published_at") or "")[:16], a.get("source"),
                               ", ".join(a.get("agencies", [])), a.get("title"), a["id"]))  # fmt: skip
    out.print(timeline)
    tracks = sorted(s.get("tracks", []), key=lambda t: (-len(t.get("reports", [])), t["key"]))
    for t in (t for t in tracks if len(t.get("reports", [])) > 1):
        table = Table("reported", "value", "range", "source", "agencies", "article", "as printed",
                      title=Text(f"{_track_name(t)}: latest {_num(t.get('latest'))}, highest "
                                 f"{_num(t.get('highest'))}"))  # fmt: skip
        for r in t.get("reports", []):
            ranged = r.get("low") is not None or r.get("high") is not None
            value = " ".join(x for x in (r.get("qualifier"), _num(r["value"]),
                                         r.get("unit") or t.get("unit")) if x)  # fmt: skip
            table.add_row(*_row((r.get("published_at") or "")[:16], value,
                                f"{_num(r.get('low'))}–{_num(r.get('high'))}" if ranged else "",
                                r.get("source"), ", ".join(r.get("agencies", [])),
                                r["article_id"], r.get("text")))  # fmt: skip
        out.print(table)
    once = [t for t in tracks if len(t.get("reports", [])) == 1]
    if once:  # real stories hold many figures reported once: one table for them all
        table = Table(
            "what", "value", "reported", "source", "article", title="Figures reported once"
        )
        for t in once:
            r = t["reports"][0]
            table.add_row(*_row(_track_name(t), " ".join(x for x in (r.get("qualifier"),
                                _num(r["value"]), r.get("unit") or t.get("unit")) if x),
                                (r.get("published_at") or "")[:16], r.get("source"),
                                r["article_id"]))  # fmt: skip
        out.print(table)
    ents = ", ".join(f"{e['name']} ({e['type']}, {e['count']})" for e in s.get("entities", [])[:10])
    out.print(Text(f"Top entities: {ents}"))
