"""From story search parameters to one Elasticsearch request over the `stories` index, and back.

User text reaches Elasticsearch only through `simple_query_string` with the flags of query.py,
as for articles. A track filter applies to one and the same figure track (a nested query).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from elasticsearch import AsyncElasticsearch

from newsflow_search.query import (
    FACET_SIZE,
    QUERY_FLAGS,
    BadQuery,
    _buckets,
    decode_cursor,
    encode_cursor,
    entity_facets,
)

# Story titles first; the titles of its articles; entity names and datelines ("Hajin").
STORY_FIELDS = ["title^3", "article_titles", "names"]
TOP_ENTITIES = 5
# A real story can hold dozens of tracks, most reported once: a list shows the most reported.
TOP_TRACKS = 5
# Shown in a list of stories; the timeline and each report stay for GET /stories/{id}.
LIST_EXCLUDES = ["articles", "tracks.reports", "tracks.event_forms", "article_ids",
                 "article_titles", "names", "entity_keys", "entity_facets"]  # fmt: skip
INTERNAL = ("article_ids", "article_titles", "names", "entity_keys", "entity_facets")


@dataclass
class StoryParams:
    q: str | None = None
    # Lower-cased canonical names (entity_keys() turns an alias into them); each is required.
    entity: list[list[str]] | None = None
    source: str | None = None
    agency: str | None = None
    since: str | None = None
    until: str | None = None
    track_object: str | None = None
    track_event: str | None = None
    track_min: float | None = None
    track_above: float | None = None
    sort: str = "recency"
    size: int = 10
    cursor: str | None = None


def track_query(p: StoryParams, inner_hits: bool = False) -> dict[str, Any] | None:
    """Object, event and value bounds on one track: its highest report counts."""
    must: list[dict[str, Any]] = []
    if p.track_object:
        must.append({"match": {"tracks.object": {"query": p.track_object, "operator": "and"}}})
    if p.track_event:
        words = p.track_event.lower().split()
        must.append({"bool": {"minimum_should_match": 1, "should": [
            {"match": {"tracks.event": {"query": p.track_event, "operator": "and"}}},
            {"bool": {"filter": [{"term": {"tracks.event_forms": w}} for w in words]}},
        ]}})  # fmt: skip
    bounds = {k: v for k, v in (("gte", p.track_min), ("gt", p.track_above)) if v is not None}
    if bounds:
        must.append({"range": {"tracks.highest": bounds}})
    if not must:
        return None
    nested: dict[str, Any] = {"path": "tracks", "query": {"bool": {"must": must}}}
    if inner_hits:
        nested["inner_hits"] = {"size": 100, "_source": ["tracks.key", "tracks.highest"]}
    return {"nested": nested}


def build(p: StoryParams, inner_hits: bool = False) -> dict[str, Any]:
    must: list[dict[str, Any]] = []
    filters: list[dict[str, Any]] = []
    if p.q and p.q.strip():
        must.append({"simple_query_string": {"query": p.q, "fields": STORY_FIELDS,
                                             "default_operator": "and", "flags": QUERY_FLAGS}})  # fmt: skip
    for keys in p.entity or []:
        filters.append({"terms": {"entity_keys": keys}})
    for field, value in (("sources", p.source), ("agencies", p.agency)):
        if value:
            filters.append({"term": {field: value}})
    if p.since or p.until:
        # A story is in the window when it overlaps it: reported after `since`, begun by `until`.
        if p.since:
            filters.append({"range": {"last_at": {"gte": p.since}}})
        if p.until:
            filters.append({"range": {"first_at": {"lte": p.until}}})
    track = track_query(p, inner_hits)
    if track:
        filters.append(track)
    body: dict[str, Any] = {
        "query": {"bool": {"must": must or [{"match_all": {}}], "filter": filters}},
        "size": p.size,
        "track_total_hits": True,
        "sort": sort_clause(p.sort),
        "_source": {"excludes": LIST_EXCLUDES},
        "aggs": {
            "entities": {"terms": {"field": "entity_facets", "size": 250}},
            "sources": {"terms": {"field": "sources", "size": FACET_SIZE}},
            "agencies": {"terms": {"field": "agencies", "size": FACET_SIZE}},
        },
    }
    if p.cursor:
        body["search_after"] = decode_cursor(p.cursor)
    return body


def sort_clause(sort: str) -> list[Any]:
    # The story id breaks ties, so cursor paging is stable.
    recent = {"last_at": {"order": "desc", "missing": "_last"}}
    if sort == "recency":
        return [recent, {"id": "asc"}]
    if sort == "size":
        return [{"size": "desc"}, recent, {"id": "asc"}]
    if sort == "relevance":
        return ["_score", recent, {"id": "asc"}]
    raise BadQuery("sort", "use recency, size or relevance")


def shape(resp: dict[str, Any], size: int) -> dict[str, Any]:
    hits = resp["hits"]["hits"]
    out = []
    for h in hits:
        s = h["_source"]
        out.append({
            "id": h["_id"], "title": s.get("title"), "first_at": s.get("first_at"),
            "last_at": s.get("last_at"), "size": s.get("size", 0),
            "sources": s.get("sources", []), "agencies": s.get("agencies", []),
            "datelines": s.get("datelines", []),
            "entities": s.get("entities", [])[:TOP_ENTITIES],
            "tracks": [{k: t.get(k) for k in ("key", "object", "event", "place", "unit", "parent",
                                              "latest", "highest", "lowest", "count")}
                       for t in sorted(s.get("tracks", []),
                                       key=lambda t: (-t.get("count", 0), t["key"]))[:TOP_TRACKS]],
            "track_count": len(s.get("tracks", [])),
            "score": h.get("_score"),
        })  # fmt: skip
    aggs = resp.get("aggregations", {})
    return {
        "total": resp["hits"]["total"]["value"],
        "hits": out,
        "facets": {
            "entities": entity_facets(aggs),
            "sources": _buckets(aggs.get("sources")),
            "agencies": _buckets(aggs.get("agencies")),
        },
        "cursor": encode_cursor(hits[-1]["sort"]) if hits and len(hits) == size else None,
    }


def shape_story(source: dict[str, Any]) -> dict[str, Any]:
    """GET /stories/{id}: the snapshot as the stories service sent it, plus size and time."""
    story = {k: v for k, v in source.items() if k not in INTERNAL}
    story["tracks"] = [{k: v for k, v in t.items() if k != "event_forms"}
                       for t in story.get("tracks", [])]  # fmt: skip
    return story


async def entity_keys(es: AsyncElasticsearch, articles_alias: str, name: str) -> list[str]:
    """The lower-cased canonical names an entity parameter stands for: itself, and the names
    that have it as an alias in the indexed articles ("SDF" -> "syrian democratic forces").

    A story keeps canonical names only; the aliases live on its articles. A sample of the
    articles that know the name bounds the cost of the look-up on a large index.
    """
    name = name.strip()
    key = name.lower()
    either = [{"term": {f"entities.{f}": {"value": name, "case_insensitive": True}}}
              for f in ("name", "aliases")]  # fmt: skip
    body = {"size": 0, "query": {"term": {"entity_keys": key}}, "aggs": {"sample": {
        "sampler": {"shard_size": 200},
        "aggs": {"ents": {"nested": {"path": "entities"}, "aggs": {"it": {
            "filter": {"bool": {"should": either}},
            "aggs": {"names": {"terms": {"field": "entities.name", "size": 5}}}}}}}}}}  # fmt: skip
    resp = await es.options(ignore_status=404).search(index=articles_alias, **body)
    buckets = (resp.body.get("aggregations", {}).get("sample", {}).get("ents", {})
               .get("it", {}).get("names", {}).get("buckets", []))  # fmt: skip
    return sorted({key, *(b["key"].lower() for b in buckets)})
