"""The search API over a real Elasticsearch node and a synthetic corpus whose answers are
counted by brute force: facets, figure filters, aliases, cursor paging, copies, similar."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_bulk
from newsflow_contracts.events import ArticleEnriched
from newsflow_search.config import SearchSettings
from newsflow_search.indexer import Indexer, to_document
from newsflow_search.main import create_app
from newsflow_search.mapping import ensure_index, index_name

from bench.synthetic import corpus
from tests.asgi import serving

N = 150


async def index_articles(es: AsyncElasticsearch, alias: str, events: list[ArticleEnriched]) -> None:
    """Index through the indexer's own document and near-duplicate code (no Kafka needed)."""
    indexer = Indexer(es, "unused:9092", alias, "unused")
    groups = await indexer._dup_groups({e.id: e for e in events})
    ok, errors = await async_bulk(es, [{"_index": alias, "_id": e.id,
                                        "_source": to_document(e, groups[e.id])} for e in events],
                                  refresh="wait_for")  # fmt: skip
    assert ok == len(events) and not errors


@pytest.fixture(scope="module")
async def setup(es_url: str) -> AsyncIterator[tuple[httpx.AsyncClient, list[ArticleEnriched]]]:
    alias = "tsearch"
    es = AsyncElasticsearch(es_url)
    await ensure_index(es, alias)
    events = list(corpus(N))
    await index_articles(es, alias, events)
    app = create_app(SearchSettings(index_alias=alias, run_indexer=False), es_url=es_url)
    async with serving(app) as client:
        yield client, events
    await es.indices.delete(index=index_name(alias))
    await es.close()


async def get(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    r = await client.get("/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def test_facet_counts_equal_brute_force(setup: Any) -> None:
    client, events = setup
    for params, pick in (({}, lambda e: True), ({"agency": "AFP"}, lambda e: "AFP" in e.agencies)):
        chosen = [e for e in events if pick(e)]
        body = await get(client, size=0, **params)
        assert body["total"] == len(chosen)
        for etype in ("PERSON", "ORG", "LOC"):
            truth = Counter(en.name for e in chosen for en in e.entities if en.type == etype)
            facet = body["facets"]["entities"][etype]
            for item in facet:
                assert item["count"] == truth[item["name"]], (etype, item)
            shown = {i["name"] for i in facet}
            assert min(i["count"] for i in facet) >= max(
                [c for n, c in truth.items() if n not in shown], default=0
            )
        assert {i["name"]: i["count"] for i in body["facets"]["agencies"]} == dict(
            Counter(a for e in chosen for a in e.agencies)
        )
        assert {i["name"]: i["count"] for i in body["facets"]["sources"]} == dict(
            Counter(e.source for e in chosen)
        )


async def test_figure_filter_matches_one_figure(setup: Any) -> None:
    client, events = setup
    truth = {
        e.id
        for e in events
        for f in e.figures
        if f.object == "civilians" and f.event == "killed" and f.value >= 100
    }
    body = await get(client, fig_object="civilians", fig_event="killed", fig_min=100, size=100)
    assert {h["id"] for h in body["hits"]} == truth and body["total"] == len(truth)


async def test_entity_filter_by_alias_and_query_syntax(setup: Any) -> None:
    client, events = setup
    truth = {
        e.id for e in events if any(en.name == "Syrian Democratic Forces" for en in e.entities)
    }
    assert truth
    by_alias = await get(client, entity="sdf", size=100)
    assert {h["id"] for h in by_alias["hits"]} == truth
    by_syntax = await get(client, q="entity:SDF", size=100)
    assert {h["id"] for h in by_syntax["hits"]} == truth


@pytest.mark.parametrize("sort", ["relevance", "date"])
async def test_cursor_paging_visits_every_hit_once(setup: Any, sort: str) -> None:
    client, events = setup
    q = "attack OR vote"
    total = (await get(client, q=q, size=0))["total"]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"q": q, "size": 7, "sort": sort}
        if cursor:
            params["cursor"] = cursor
        body = await get(client, **params)
        seen += [h["id"] for h in body["hits"]]
        cursor = body["cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == total > 20
    if sort == "date":
        dates = [next(e.published_at for e in events if e.id == i) for i in seen]
        assert dates == sorted(dates, reverse=True)


async def test_bad_parameters_are_400_not_500(setup: Any) -> None:
    client, _ = setup
    assert (await client.get("/search", params={"cursor": "garbage!"})).status_code == 400
    assert (await client.get("/search", params={"size": 1000})).status_code == 422
    assert (await client.get("/search", params={"since": "yesterday"})).status_code == 422
    r = await client.get("/search", params={"q": '"unbalanced AND (('})
    assert r.status_code == 200  # simple_query_string never fails on syntax


async def test_wire_copies_are_grouped_and_similar_finds_related(setup: Any, es_url: str) -> None:
    client, events = setup
    original = events[0]
    copy = original.model_copy(update={
        "id": "copy-of-0", "source": "copycat.test",
        "body": "Updated at 10:00. " + original.body + " Reporting by staff."})  # fmt: skip
    es = AsyncElasticsearch(es_url)
    try:
        await index_articles(es, "tsearch", [copy])
    finally:
        await es.close()
    grouped = await get(client, q=f'"{original.title}"', size=50)
    ids = [h["id"] for h in grouped["hits"]]
    assert original.id in ids and copy.id not in ids
    assert next(h for h in grouped["hits"] if h["id"] == original.id)["copies"] == 1
    ungrouped = await get(client, q=f'"{original.title}"', size=50, group="false")
    assert {original.id, copy.id} <= {h["id"] for h in ungrouped["hits"]}
    copies = (await client.get(f"/articles/{copy.id}/copies")).json()
    assert copies["group"] == original.id
    assert [a["id"] for a in copies["articles"]] == [original.id, copy.id]
    similar = (await client.get(f"/articles/{original.id}/similar")).json()["hits"]
    assert similar and copy.id not in [h["id"] for h in similar]
    assert (await client.get("/articles/nope/similar")).status_code == 404


async def test_subscriptions_need_the_api_key_when_one_is_set(es_url: str) -> None:
    app = create_app(SearchSettings(index_alias="tsearch-key", run_indexer=False, api_key="k3y",
                                    cors_origins=["http://newsroom.test"]), es_url=es_url)  # fmt: skip
    async with serving(app) as client:
        assert (await client.post("/subscriptions", json={"query": "x"})).status_code == 401
        ok = await client.post("/subscriptions", json={"query": "x"},
                               headers={"x-api-key": "k3y"})  # fmt: skip
        assert ok.status_code == 201
        assert (await client.delete(f"/subscriptions/{ok.json()['id']}")).status_code == 401
        # Search stays open and read-only; CORS answers the configured origin only.
        r = await client.get("/search", headers={"origin": "http://newsroom.test"})
        assert r.status_code == 200
        assert r.headers["access-control-allow-origin"] == "http://newsroom.test"
        other = await client.get("/search", headers={"origin": "http://evil.test"})
        assert "access-control-allow-origin" not in other.headers
        assert (await client.post("/search")).status_code == 405
