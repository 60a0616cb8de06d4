"""The articles and stories indices: explicit mappings, versioned indices behind aliases."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from elasticsearch import AsyncElasticsearch

log = logging.getLogger(__name__)
VERSION = 5

_TEXT = {"type": "text", "analyzer": "english"}
# Facet fields build their global ordinals at refresh, not on the first query after it.
MAPPING: dict[str, Any] = {
    "dynamic": False,  # unknown fields are stored in _source, never mapped by guess
    "properties": {
        "id": {"type": "keyword"},
        "url": {"type": "keyword", "ignore_above": 2048},
        "source": {"type": "keyword", "eager_global_ordinals": True},
        "title": {**_TEXT, "fields": {"raw": {"type": "keyword", "ignore_above": 512}}},
        "byline": {"type": "text"},
        "agencies": {"type": "keyword", "eager_global_ordinals": True},
        "published_at": {"type": "date", "format": "strict_date_optional_time||epoch_millis"},
        "dateline": {"type": "keyword", "eager_global_ordinals": True},
        "language": {"type": "keyword"},
        # Offsets make highlighting a long body cheap (no re-analysis at query time).
        "body": {**_TEXT, "index_options": "offsets"},
        "captions": _TEXT,
        # Canonical names and aliases, lower-cased at index time: the entity filter's field.
        "entity_keys": {"type": "keyword"},
        # "TYPE|Name" per entity: facets aggregate this flat field; a nested aggregation over
        # every matching article was the slowest part of a broad query (bench/search.py).
        "entity_facets": {"type": "keyword", "eager_global_ordinals": True},
        "entities": {
            "type": "nested",
            "properties": {
                "name": {"type": "keyword"},
                "type": {"type": "keyword"},
                "aliases": {"type": "keyword"},
                "mentions": {"type": "integer"},
            },
        },
        "figures": {
            "type": "nested",
            "properties": {
                "value": {"type": "double"},
                "low": {"type": "double"},
                "high": {"type": "double"},
                "text": {"type": "keyword"},
                "qualifier": {"type": "keyword"},
                "unit": {"type": "keyword"},
                "object": {**_TEXT, "fields": {"raw": {"type": "keyword", "ignore_above": 256}}},
                "event": {**_TEXT, "fields": {"raw": {"type": "keyword", "ignore_above": 256}}},
                # Inflections of the event's verb (indexer.event_forms): "fled" ~ "flee".
                "event_forms": {"type": "keyword"},
                "parent": {"type": "integer"},
                "sentence": {"type": "text", "index": False},
            },
        },
        "indexed_at": {"type": "date"},
        # The article's story (set by the story consumer, members.py): `/search?story=ID`.
        # Added to version 5 in place (see ensure_index), not a new version.
        "story_id": {"type": "keyword"},
        # Near-duplicates (dedup.py): the group's first article, lookup bands, the signature.
        "dup_group": {"type": "keyword"},
        "is_copy": {"type": "boolean"},
        "dup_bands": {"type": "keyword"},
        "minhash": {"type": "long", "index": False, "doc_values": False},
    },
}
# Stories (topic `stories`): the latest snapshot per story id. What is only shown (the timeline,
# each report of a track) is kept in _source and not indexed; what is searched, filtered,
# faceted or sorted on is mapped. Tracks are nested so a filter applies to one and the same track.
STORY_VERSION = 1
_OFF = {"type": "object", "enabled": False}
STORY_MAPPING: dict[str, Any] = {
    "dynamic": False,
    "properties": {
        "id": {"type": "keyword"},
        "title": {**_TEXT, "fields": {"raw": {"type": "keyword", "ignore_above": 512}}},
        "article_titles": _TEXT,
        # Entity names and datelines as words, so "Hajin" finds a story whose titles omit it.
        "names": _TEXT,
        "first_at": {"type": "date", "format": "strict_date_optional_time||epoch_millis"},
        "last_at": {"type": "date", "format": "strict_date_optional_time||epoch_millis"},
        "size": {"type": "integer"},
        "article_ids": {"type": "keyword"},
        "articles": _OFF,
        "sources": {"type": "keyword", "eager_global_ordinals": True},
        "agencies": {"type": "keyword", "eager_global_ordinals": True},
        "datelines": {"type": "keyword"},
        "entities": _OFF,
        "entity_keys": {"type": "keyword"},
        "entity_facets": {"type": "keyword", "eager_global_ordinals": True},
        "tracks": {
            "type": "nested",
            "properties": {
                "key": {"type": "keyword"},
                "object": {**_TEXT, "fields": {"raw": {"type": "keyword", "ignore_above": 256}}},
                "event": {**_TEXT, "fields": {"raw": {"type": "keyword", "ignore_above": 256}}},
                "event_forms": {"type": "keyword"},
                "place": {"type": "keyword"},
                "unit": {"type": "keyword"},
                "parent": {"type": "keyword"},
                "latest": {"type": "double"},
                "highest": {"type": "double"},
                "lowest": {"type": "double"},
                "count": {"type": "integer"},
                "reports": _OFF,
            },
        },
        "kind": {"type": "keyword"},
        "updated_at": {"type": "date"},
    },
}
SETTINGS: dict[str, Any] = {
    "number_of_shards": 1,
    # One copy on one node (health green), a replica as soon as a second data node exists
    # (`stack up --cluster`): searches then survive the loss of either node. No setting to keep
    # in step with the cluster's size.
    "auto_expand_replicas": "0-1",
    "refresh_interval": "1s",
}
# The stories index refreshes 4x as often: a story is searchable one stories-service hop after
# its article, and the refresh wait (up to the interval) is the part of its own path left to
# win back (issue 13; measured in bench/README). One small document per story, rewritten in
# place, so a refresh writes a small segment.
STORY_SETTINGS: dict[str, Any] = SETTINGS | {"refresh_interval": "250ms"}


def index_name(alias: str, version: int = VERSION) -> str:
    return f"{alias}-v{version}"


# Fills a field added to a mapping version in the documents an existing index already holds:
# (concrete index name, the fields) -> None. The owner of the index knows where the values are.
Backfill = Callable[[str, list[str]], Awaitable[None]]


async def ensure_index(es: AsyncElasticsearch, alias: str, mapping: dict[str, Any] = MAPPING,
                       version: int = VERSION, backfill: Backfill | None = None,
                       settings: dict[str, Any] = SETTINGS) -> list[str]:  # fmt: skip
    """Create `<alias>-vN` with the mapping and settings and point the alias at it, and only at
    it. Returns the fields added to an existing index and backfilled (see add_fields); an
    existing index takes the settings' refresh interval (a dynamic setting).

    A new mapping version starts empty: replay the topic (reset the indexer's consumer group)
    to fill it. The old index stays until deleted by hand. A new field alone needs no new
    version: it is added to the existing index in place.
    """
    name = index_name(alias, version)
    added: list[str] = []
    if not await es.indices.exists(index=name):
        await es.options(ignore_status=400).indices.create(
            index=name, settings=settings,
            mappings=mapping | {"_meta": {"fields": sorted(mapping["properties"])}},
        )  # fmt: skip
        log.info("created index %s", name)
    else:
        added = await add_fields(es, name, mapping, backfill)
        await es.indices.put_settings(index=name,
                                      settings={"refresh_interval": settings["refresh_interval"]})  # fmt: skip
    current = await es.options(ignore_status=404).indices.get_alias(name=alias)
    others = [i for i in (current.body if current.meta.status == 200 else {}) if i != name]
    if others or name not in (current.body if current.meta.status == 200 else {}):
        actions = [{"remove": {"index": i, "alias": alias}} for i in others]
        actions.append({"add": {"index": name, "alias": alias}})
        await es.indices.update_aliases(actions=actions)
        log.info("alias %s -> %s (was %s)", alias, name, others or "unset")
    return added


async def add_fields(es: AsyncElasticsearch, name: str, mapping: dict[str, Any],
                     backfill: Backfill | None) -> list[str]:  # fmt: skip
    """Map the fields this version gained since the index was made, in place (adding a field is
    the one mapping change Elasticsearch makes on a live index; a changed field needs a new
    VERSION), then have `backfill` fill them in the documents written before, then record them
    in the index's `_meta`: a crash in between backfills again at the next start, and without
    `backfill` (a caller that does not own the data) the fields wait for their owner's start.
    An index made before `_meta` was kept counts the fields it maps as done."""
    current = (await es.indices.get_mapping(index=name)).body[name]["mappings"]
    meta = current.get("_meta") or {}
    done = set(meta.get("fields") or current.get("properties", {}))
    missing = {f: spec for f, spec in mapping["properties"].items() if f not in done}
    if not missing:
        return []
    await es.indices.put_mapping(index=name, properties=missing,
                                 meta=meta | {"fields": sorted(done)})  # fmt: skip
    if backfill is None:
        return []
    log.info("index %s: backfilling the new fields %s", name, sorted(missing))
    await backfill(name, sorted(missing))
    await es.indices.put_mapping(index=name, meta=meta | {"fields": sorted(done | set(missing))})
    return sorted(missing)
