"""The real Elasticsearch node with the official async client: what the search service relies on."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_bulk


@pytest.fixture
async def es(es_url: str) -> AsyncIterator[AsyncElasticsearch]:
    client = AsyncElasticsearch(es_url)
    try:
        yield client
    finally:
        await client.close()


@pytest.fixture
async def index(es: AsyncElasticsearch, unique: str) -> AsyncIterator[str]:
    name = f"t-{unique}"
    await es.indices.create(
        index=name,
        settings={"number_of_shards": 1, "number_of_replicas": 0},
        mappings={"properties": {
            "title": {"type": "text", "analyzer": "english"},
            "body": {"type": "text", "analyzer": "english"},
            "agency": {"type": "keyword"},
            "published_at": {"type": "date"},
            "figures": {"type": "nested", "properties": {
                "value": {"type": "double"}, "object": {"type": "text", "analyzer": "english"}}},
        }},
    )  # fmt: skip
    try:
        yield name
    finally:
        await es.indices.delete(index=name)


DOCS = [
    {"title": "Fighters break into Hajin", "body": "Clashes in the town of Hajin killed 34.",
     "agency": "AFP", "published_at": "2018-12-06",
     "figures": [{"value": 34, "object": "jihadists"}]},
    {"title": "Quake in Turkey", "body": "Rescuers searched collapsed buildings.",
     "agency": "Reuters", "published_at": "2025-03-14",
     "figures": [{"value": 41, "object": "people"}]},
    {"title": "Civilians flee Hajin", "body": "More than 1,000 civilians fled from Hajin.",
     "agency": "AFP", "published_at": "2018-12-07",
     "figures": [{"value": 1000, "object": "civilians"}]},
]  # fmt: skip


async def test_product_check_and_version(es: AsyncElasticsearch) -> None:
    info = await es.info()  # the client refuses a server that is not Elasticsearch
    assert info["version"]["number"].startswith("8.")
    health = await es.cluster.health(wait_for_status="yellow", timeout="10s")
    assert health["status"] in ("yellow", "green")


async def test_index_search_highlight_and_aggregate(es: AsyncElasticsearch, index: str) -> None:
    ok, errors = await async_bulk(es, [{"_index": index, "_id": str(i), "_source": d}
                                       for i, d in enumerate(DOCS)], refresh="wait_for")  # fmt: skip
    assert ok == 3 and not errors
    resp = await es.search(
        index=index,
        query={"match": {"body": "Hajin"}},
        highlight={"fields": {"body": {}}, "pre_tags": ["<mark>"], "post_tags": ["</mark>"]},
        aggs={"agencies": {"terms": {"field": "agency"}},
              "days": {"date_histogram": {"field": "published_at", "calendar_interval": "day"}}},
    )  # fmt: skip
    assert resp["hits"]["total"]["value"] == 2
    assert all("<mark>Hajin</mark>" in h["highlight"]["body"][0] for h in resp["hits"]["hits"])
    assert {b["key"]: b["doc_count"] for b in resp["aggregations"]["agencies"]["buckets"]} == {
        "AFP": 2
    }
    assert [b["doc_count"] for b in resp["aggregations"]["days"]["buckets"]] == [1, 1]
    # The english analyzer stems: "civilian" finds "civilians".
    stem = await es.search(index=index, query={"match": {"body": "civilian"}})
    assert stem["hits"]["total"]["value"] == 1


async def test_nested_figure_query(es: AsyncElasticsearch, index: str) -> None:
    await async_bulk(es, [{"_index": index, "_id": str(i), "_source": d}
                          for i, d in enumerate(DOCS)], refresh="wait_for")  # fmt: skip
    resp = await es.search(index=index, query={"nested": {"path": "figures", "query": {"bool": {
        "must": [{"match": {"figures.object": "civilians"}},
                 {"range": {"figures.value": {"gte": 100}}}]}}}})  # fmt: skip
    assert [h["_id"] for h in resp["hits"]["hits"]] == ["2"]
