"""`/search?story=ID` and `story:ID` on real Elasticsearch, including on an articles index made
before `story_id` was mapped: the index is kept, gains the field in place and its documents
become findable by story (backfilled from the members index), with nothing replayed."""

from __future__ import annotations

import copy
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_bulk
from newsflow_search.config import SearchSettings
from newsflow_search.indexer import Indexer, to_document
from newsflow_search.main import create_app
from newsflow_search.mapping import MAPPING, SETTINGS, index_name
from newsflow_search.members import ensure_members, members_index

from bench.synthetic import corpus
from tests.asgi import serving

N = 30


def _story(i: int) -> str:
    return f"st-{i % 3}"


@pytest.fixture(scope="module")
async def old_index(es_url: str) -> AsyncIterator[tuple[AsyncElasticsearch, SearchSettings]]:
    """An articles index as the previous code made it (no `story_id` in the mapping, no _meta),
    whose documents carry story_id in _source, and the members index that says the same."""
    tag = uuid.uuid4().hex[:8]
    settings = SearchSettings(index_alias=f"tsf-a-{tag}", stories_alias=f"tsf-s-{tag}",
                              run_indexer=False)  # fmt: skip
    alias, name = settings.index_alias, index_name(settings.index_alias)
    old = copy.deepcopy(MAPPING)
    old["properties"].pop("story_id", None)
    old.pop("_meta", None)
    es = AsyncElasticsearch(es_url)
    await es.indices.create(index=name, settings=SETTINGS, mappings=old,
                            aliases={alias: {}})  # fmt: skip
    events = list(corpus(N))
    await async_bulk(es, [{"_index": alias, "_id": e.id,
                           "_source": to_document(e, story_id=_story(i))}
                          for i, e in enumerate(events)], refresh="wait_for")  # fmt: skip
    members = members_index(settings.stories_alias)
    await ensure_members(es, members)
    await async_bulk(es, [{"_index": members, "_id": e.id, "_source": {"story_id": _story(i)}}
                          for i, e in enumerate(events)], refresh="wait_for")  # fmt: skip
    yield es, settings
    names = await es.indices.get(index=f"{alias}*,{settings.stories_alias}*")
    await es.indices.delete(index=",".join(names))
    await es.close()


async def _search(settings: SearchSettings, es_url: str, **params: Any) -> dict[str, Any]:
    app = create_app(settings, es_url=es_url)
    async with serving(app) as client:
        r = await client.get("/search", params={"group": "false", "size": 100} | params)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def test_an_index_made_before_story_id_was_mapped_is_migrated_in_place(
    old_index: tuple[AsyncElasticsearch, SearchSettings], es_url: str
) -> None:
    es, settings = old_index
    indexer = Indexer(es, "unused:9092", settings.index_alias, "unused",
                      stories_alias=settings.stories_alias)  # fmt: skip
    await indexer.prepare()
    await es.indices.refresh(index=settings.index_alias)
    aliased = await es.indices.get_alias(name=settings.index_alias)
    assert list(aliased.body) == [index_name(settings.index_alias)], "the same index, kept"
    assert (await es.count(index=settings.index_alias))["count"] == N
    expected = {e.id for i, e in enumerate(corpus(N)) if _story(i) == "st-1"}
    body = await _search(settings, es_url, story="st-1")
    assert {h["id"] for h in body["hits"]} == expected and body["total"] == len(expected)
    assert {h["story_id"] for h in body["hits"]} == {"st-1"}
    body = await _search(settings, es_url, q="story:st-2")
    assert {h["id"] for h in body["hits"]} == {
        e.id for i, e in enumerate(corpus(N)) if _story(i) == "st-2"}  # fmt: skip
    # Once done, it is recorded: a second start changes nothing and backfills nothing.
    mapping = (await es.indices.get_mapping(index=settings.index_alias)).body
    [m] = mapping.values()
    assert m["mappings"]["properties"]["story_id"] == {"type": "keyword"}
    assert "story_id" in m["mappings"]["_meta"]["fields"]
    assert await indexer.prepare() == []


async def test_unknown_story_finds_nothing(
    old_index: tuple[AsyncElasticsearch, SearchSettings], es_url: str
) -> None:
    _, settings = old_index
    body = await _search(settings, es_url, story="st-none")
    assert body["total"] == 0
