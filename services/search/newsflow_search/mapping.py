"""The articles and stories indices: explicit mappings, versioned indices behind aliases."""

from __future__ import annotations

import logging
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


def index_name(alias: str, version: int = VERSION) -> str:
    return f"{alias}-v{version}"


async def ensure_index(es: AsyncElasticsearch, alias: str, mapping: dict[str, Any] = MAPPING,
                       version: int = VERSION) -> str:  # fmt: skip
    """Create `<alias>-vN` with the mapping and point the alias at it, and only at it.

    A new mapping version starts empty: replay the topic (reset the indexer's consumer group)
    to fill it. The old index stays until deleted by hand.
    """
    name = index_name(alias, version)
    if not await es.indices.exists(index=name):
        await es.options(ignore_status=400).indices.create(
            index=name, settings=SETTINGS, mappings=mapping
        )
        log.info("created index %s", name)
    current = await es.options(ignore_status=404).indices.get_alias(name=alias)
    others = [i for i in (current.body if current.meta.status == 200 else {}) if i != name]
    if others or name not in (current.body if current.meta.status == 200 else {}):
        actions = [{"remove": {"index": i, "alias": alias}} for i in others]
        actions.append({"add": {"index": name, "alias": alias}})
        await es.indices.update_aliases(actions=actions)
        log.info("alias %s -> %s (was %s)", alias, name, others or "unset")
    return name
