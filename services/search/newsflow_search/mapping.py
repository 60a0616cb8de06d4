"""The articles index: an explicit mapping, a versioned index behind an alias."""

from __future__ import annotations

import logging
from typing import Any

from elasticsearch import AsyncElasticsearch

log = logging.getLogger(__name__)
VERSION = 1

_TEXT = {"type": "text", "analyzer": "english"}
MAPPING: dict[str, Any] = {
    "dynamic": False,  # unknown fields are stored in _source, never mapped by guess
    "properties": {
        "id": {"type": "keyword"},
        "url": {"type": "keyword", "ignore_above": 2048},
        "source": {"type": "keyword"},
        "title": {**_TEXT, "fields": {"raw": {"type": "keyword", "ignore_above": 512}}},
        "byline": {"type": "text"},
        "agencies": {"type": "keyword"},
        "published_at": {"type": "date", "format": "strict_date_optional_time||epoch_millis"},
        "dateline": {"type": "keyword"},
        "language": {"type": "keyword"},
        # Offsets make highlighting a long body cheap (no re-analysis at query time).
        "body": {**_TEXT, "index_options": "offsets"},
        "captions": _TEXT,
        # Canonical names and aliases, lower-cased at index time: the entity filter's field.
        "entity_keys": {"type": "keyword"},
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
                "parent": {"type": "integer"},
                "sentence": {"type": "text", "index": False},
            },
        },
        "indexed_at": {"type": "date"},
    },
}
SETTINGS: dict[str, Any] = {
    "number_of_shards": 1,
    "number_of_replicas": 0,  # one local node; a cluster raises this
    "refresh_interval": "1s",
}


def index_name(alias: str) -> str:
    return f"{alias}-v{VERSION}"


async def ensure_index(es: AsyncElasticsearch, alias: str) -> str:
    """Create `<alias>-vN` with the mapping and point the alias at it (idempotent)."""
    name = index_name(alias)
    if not await es.indices.exists(index=name):
        await es.options(ignore_status=400).indices.create(
            index=name, settings=SETTINGS, mappings=MAPPING, aliases={alias: {}}
        )
        log.info("created index %s behind alias %s", name, alias)
    elif not await es.indices.exists_alias(name=alias, index=name):
        await es.indices.put_alias(index=name, name=alias)
    return name
