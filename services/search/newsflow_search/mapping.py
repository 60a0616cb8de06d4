"""The articles index: an explicit mapping, a versioned index behind an alias."""

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
SETTINGS: dict[str, Any] = {
    "number_of_shards": 1,
    # One copy on one node (health green), a replica as soon as a second data node exists
    # (`stack up --cluster`): searches then survive the loss of either node. No setting to keep
    # in step with the cluster's size.
    "auto_expand_replicas": "0-1",
    "refresh_interval": "1s",
}


def index_name(alias: str) -> str:
    return f"{alias}-v{VERSION}"


async def ensure_index(es: AsyncElasticsearch, alias: str) -> str:
    """Create `<alias>-vN` with the mapping and point the alias at it, and only at it.

    A new mapping version starts empty: replay articles.enriched (reset the indexer's consumer
    group) to fill it. The old index stays until deleted by hand.
    """
    name = index_name(alias)
    if not await es.indices.exists(index=name):
        await es.options(ignore_status=400).indices.create(
            index=name, settings=SETTINGS, mappings=MAPPING
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
