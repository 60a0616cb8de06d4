"""From search parameters to one Elasticsearch request, and from its answer to ours.

User text only ever reaches `simple_query_string` with a fixed set of operators (no regexp,
no wildcard, no scripts), so no query can be made expensive on purpose.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from typing import Any

SEARCH_FIELDS = ["title^3", "body", "captions"]
# AND/OR/NOT, "phrases" and (grouping): what users need; PREFIX, FUZZY and SLOP stay off.
QUERY_FLAGS = "AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE"
FACET_SIZE = 10
ENTITY_FACET_POOL = 250
ENTITY_TYPES = ["PERSON", "ORG", "LOC", "NORP", "EVENT", "MISC"]


class BadQuery(ValueError):
    """A parameter that cannot be searched; the message names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass
class SearchParams:
    q: str | None = None
    entity: list[str] | None = None
    type: str | None = None
    agency: str | None = None
    source: str | None = None
    dateline: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None
    fig_object: str | None = None
    fig_event: str | None = None
    fig_min: float | None = None
    fig_max: float | None = None
    story: str | None = None  # a story id: that story's articles
    sort: str = "relevance"
    size: int = 10
    cursor: str | None = None
    # Show one article per group of near-duplicate wire copies (the first indexed).
    group: bool = True


# `title:word`, `title:"a phrase"`, `entity:SDF`, `entity:"Redur Khalil"`, `agency:AFP` ...
FIELD_TERM = re.compile(r'(?<!\S)(title|entity|agency|source|dateline|language|story):'
                        r'(?:"([^"]*)"|(\S+))', re.IGNORECASE)  # fmt: skip
FIELD_FILTERS = {"agency": "agencies", "source": "source", "dateline": "dateline",
                 "language": "language", "story": "story_id"}  # fmt: skip


def text_clauses(q: str | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Full-text clauses, filters and entity names from the user's query string."""
    must: list[dict[str, Any]] = []
    filters: list[dict[str, Any]] = []
    entities: list[str] = []
    if not q or not q.strip():
        return must, filters, entities
    for m in FIELD_TERM.finditer(q):
        field, value = m.group(1).lower(), (m.group(2) if m.group(2) is not None else m.group(3))
        if field == "title":
            term = f'"{value}"' if m.group(2) is not None else value
            must.append(_sqs(term, ["title"]))
        elif field == "entity":
            entities.append(value)
        else:
            filters.append({"term": {FIELD_FILTERS[field]: value}})
    rest = FIELD_TERM.sub(" ", q).strip()
    if rest:
        must.append(_sqs(rest, SEARCH_FIELDS))
    return must, filters, entities


def _sqs(text: str, fields: list[str]) -> dict[str, Any]:
    return {"simple_query_string": {"query": text, "fields": fields, "default_operator": "and",
                                    "flags": QUERY_FLAGS}}  # fmt: skip


def build(p: SearchParams) -> dict[str, Any]:
    must, filters, q_entities = text_clauses(p.q)
    for name in [*(p.entity or []), *q_entities]:
        filters.append({"term": {"entity_keys": name.strip().lower()}})
    if p.type:
        filters.append({"nested": {"path": "entities",
                                   "query": {"term": {"entities.type": p.type.upper()}}}})  # fmt: skip
    for field, value in (("agencies", p.agency), ("source", p.source), ("dateline", p.dateline),
                         ("language", p.language), ("story_id", p.story)):  # fmt: skip
        if value:
            filters.append({"term": {field: value}})
    if p.since or p.until:
        filters.append({"range": {"published_at": {k: v for k, v in
                                                   (("gte", p.since), ("lte", p.until)) if v}}})  # fmt: skip
    figure = figure_query(p)
    if figure:
        filters.append(figure)
    bool_query: dict[str, Any] = {"must": must or [{"match_all": {}}], "filter": filters}
    if p.group:
        bool_query["must_not"] = [{"term": {"is_copy": True}}]
    body: dict[str, Any] = {
        "query": {"bool": bool_query},
        "size": p.size,
        "track_total_hits": True,
        "sort": _sort(p.sort),
        "_source": [
            "id",
            "title",
            "published_at",
            "source",
            "agencies",
            "url",
            "dateline",
            "dup_group",
            "story_id",
        ],
        "highlight": {
            "encoder": "html",  # article text is escaped; only our <mark> tags are markup
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {
                "body": {"fragment_size": 160, "number_of_fragments": 3, "no_match_size": 200},
                "title": {"number_of_fragments": 0},
            },
        },
        "aggs": {
            # One pass over "TYPE|Name" values, split per type below: a third faster on broad
            # queries than one aggregation per type (bench/search.py). Per type, the top
            # FACET_SIZE are exact unless over ENTITY_FACET_POOL names of other types outrank them.
            "entities": {"terms": {"field": "entity_facets", "size": ENTITY_FACET_POOL}},
            "agencies": {"terms": {"field": "agencies", "size": FACET_SIZE}},
            "sources": {"terms": {"field": "source", "size": FACET_SIZE}},
            "datelines": {"terms": {"field": "dateline", "size": FACET_SIZE}},
            "dates": {
                "date_histogram": {
                    "field": "published_at",
                    "calendar_interval": "month",
                    "min_doc_count": 1,
                    "format": "yyyy-MM",
                }
            },
        },
    }
    if p.cursor:
        body["search_after"] = decode_cursor(p.cursor)
    return body


def figure_query(p: SearchParams) -> dict[str, Any] | None:
    """Object, event and value range, all on the same figure (a nested query)."""
    must: list[dict[str, Any]] = []
    if p.fig_object:
        must.append({"match": {"figures.object": {"query": p.fig_object, "operator": "and"}}})
    if p.fig_event:
        words = p.fig_event.lower().split()
        # The printed verb through the english analyzer, or any inflection of it ("fled" finds
        # "to flee", which no stemmer maps).
        must.append({"bool": {"minimum_should_match": 1, "should": [
            {"match": {"figures.event": {"query": p.fig_event, "operator": "and"}}},
            {"bool": {"filter": [{"term": {"figures.event_forms": w}} for w in words]}},
        ]}})  # fmt: skip
    if p.fig_min is not None or p.fig_max is not None:
        rng = {k: v for k, v in (("gte", p.fig_min), ("lte", p.fig_max)) if v is not None}
        must.append({"range": {"figures.value": rng}})
    if not must:
        return None
    return {"nested": {"path": "figures", "query": {"bool": {"must": must}}}}


def _sort(sort: str) -> list[Any]:
    # The article id breaks ties, so cursor paging is stable deep into the results.
    if sort == "date":
        return [{"published_at": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    if sort == "relevance":
        return ["_score", {"id": "asc"}]
    raise BadQuery("sort", "use relevance or date")


def encode_cursor(sort_values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(sort_values).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, json.JSONDecodeError):
        raise BadQuery("cursor", "not a cursor this service returned") from None
    if not isinstance(values, list) or not values:
        raise BadQuery("cursor", "not a cursor this service returned")
    return values


def shape(resp: dict[str, Any], size: int) -> dict[str, Any]:
    hits = resp["hits"]["hits"]
    out_hits = [{
        "id": h["_id"], "title": h["_source"].get("title"),
        "published_at": h["_source"].get("published_at"), "source": h["_source"].get("source"),
        "agencies": h["_source"].get("agencies", []), "url": h["_source"].get("url"),
        "dateline": h["_source"].get("dateline"), "score": h.get("_score"),
        "dup_group": h["_source"].get("dup_group"), "story_id": h["_source"].get("story_id"),
        "highlights": {"body": h.get("highlight", {}).get("body", []),
                       **({"title": h["highlight"]["title"]} if "title" in h.get("highlight", {})
                          else {})},
    } for h in hits]  # fmt: skip
    aggs = resp.get("aggregations", {})
    return {
        "total": resp["hits"]["total"]["value"],
        "hits": out_hits,
        "facets": {
            "entities": entity_facets(aggs),
            "agencies": _buckets(aggs.get("agencies")),
            "sources": _buckets(aggs.get("sources")),
            "datelines": _buckets(aggs.get("datelines")),
            "dates": [
                {"name": b["key_as_string"], "count": b["doc_count"]}
                for b in aggs.get("dates", {}).get("buckets", [])
            ],
        },
        "cursor": encode_cursor(hits[-1]["sort"]) if len(hits) == size and hits else None,
    }


def entity_facets(aggs: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The flat `TYPE|Name` entity aggregation as the top names of each type."""
    facets: dict[str, list[dict[str, Any]]] = {}
    for b in aggs.get("entities", {}).get("buckets", []):
        etype, name = b["key"].split("|", 1)
        bucket = facets.setdefault(etype, [])
        if len(bucket) < FACET_SIZE:
            bucket.append({"name": name, "count": b["doc_count"]})
    return facets


def _buckets(agg: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [{"name": b["key"], "count": b["doc_count"]} for b in (agg or {}).get("buckets", [])]


def copies_query(groups: list[str]) -> dict[str, Any]:
    """How many indexed articles each near-duplicate group has."""
    return {
        "size": 0,
        "query": {"terms": {"dup_group": groups}},
        "aggs": {"groups": {"terms": {"field": "dup_group", "size": max(1, len(groups))}}},
    }


def similar_query(article_id: str, index: str, size: int) -> dict[str, Any]:
    """More like this: same words in title and body, other stories (copies excluded)."""
    return {
        "query": {"bool": {
            "must": [{"more_like_this": {
                "fields": ["title", "body"], "like": [{"_index": index, "_id": article_id}],
                "min_term_freq": 1, "min_doc_freq": 1, "max_query_terms": 40,
                "minimum_should_match": "20%"}}],
            "must_not": [{"term": {"is_copy": True}}, {"ids": {"values": [article_id]}}],
        }},
        "size": size,
        "_source": ["id", "title", "published_at", "source", "agencies"],
    }  # fmt: skip
