"""GET /stories and /stories/{id} over real Elasticsearch and synthetic stories whose answers are
counted by brute force: facets, text, entity aliases, track filters, sorts, cursor paging."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_bulk
from newsflow_cli.main import app as cli
from newsflow_cli.processes import free_port
from newsflow_contracts.stories import Story, StoryUpdated
from newsflow_search.config import SearchSettings
from newsflow_search.indexer import to_document
from newsflow_search.main import create_app
from newsflow_search.mapping import STORY_MAPPING, STORY_VERSION, ensure_index
from newsflow_search.stories import to_story_document
from typer.testing import CliRunner

from bench.synthetic import corpus
from bench.synthetic_stories import stories
from tests.asgi import serving

N = 120


@pytest.fixture(scope="module")
def settings() -> SearchSettings:
    tag = uuid.uuid4().hex[:8]
    return SearchSettings(index_alias=f"tsapi-a-{tag}", stories_alias=f"tsapi-s-{tag}",
                          run_indexer=False)  # fmt: skip


@pytest.fixture(scope="module")
async def setup(es_url: str, settings: SearchSettings
                ) -> AsyncIterator[tuple[httpx.AsyncClient, list[StoryUpdated]]]:  # fmt: skip
    articles, alias = settings.index_alias, settings.stories_alias
    es = AsyncElasticsearch(es_url)
    await ensure_index(es, alias, STORY_MAPPING, STORY_VERSION)
    await ensure_index(es, articles)
    updates = list(stories(N, seed=11))
    # Articles give the aliases an entity filter resolves ("SDF").
    await async_bulk(es, [{"_index": articles, "_id": e.id, "_source": to_document(e)}
                          for e in corpus(20)], refresh="wait_for")  # fmt: skip
    ok, errors = await async_bulk(es, [{"_index": alias, "_id": u.story_id,
                                        "_source": to_story_document(u)} for u in updates],
                                  refresh="wait_for")  # fmt: skip
    assert ok == N and not errors
    app = create_app(settings, es_url=es_url)
    async with serving(app) as client:
        yield client, updates
    names = await es.indices.get(index=f"{articles}*,{alias}*")
    await es.indices.delete(index=",".join(names))
    await es.close()


async def get(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    r = await client.get("/stories", params=params)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def test_facets_equal_brute_force(setup: Any) -> None:
    client, updates = setup
    body = await get(client, size=0)
    assert body["total"] == N
    assert {i["name"]: i["count"] for i in body["facets"]["sources"]} == dict(
        Counter(s for u in updates for s in u.story.sources)
    )
    truth = Counter(e.name for u in updates for e in u.story.entities if e.type == "ORG")
    assert {i["name"]: i["count"] for i in body["facets"]["entities"]["ORG"]} == dict(truth)


async def test_text_entity_alias_and_track_filters(setup: Any) -> None:
    client, updates = setup
    hajin = {u.story_id for u in updates if u.story.datelines == ["HAJIN"]}
    assert hajin
    assert {h["id"] for h in (await get(client, q="Hajin", size=100))["hits"]} == hajin
    sdf = {u.story_id for u in updates
           if any(e.name == "Syrian Democratic Forces" for e in u.story.entities)}  # fmt: skip
    assert sdf
    assert {h["id"] for h in (await get(client, entity="SDF", size=100))["hits"]} == sdf
    killed = {u.story_id for u in updates for t in u.story.tracks
              if t.event == "killed" and (t.highest or 0) >= 1000}  # fmt: skip
    assert killed
    body = await get(client, fig_event="kill", fig_min=1000, size=100)
    assert {h["id"] for h in body["hits"]} == killed


@pytest.mark.parametrize("sort", ["recency", "size"])
async def test_sorted_cursor_paging_visits_every_story_once(setup: Any, sort: str) -> None:
    client, _ = setup
    seen: list[dict[str, Any]] = []
    cursor = None
    while True:
        body = await get(client, sort=sort, size=17, **({"cursor": cursor} if cursor else {}))
        seen += body["hits"]
        if not (cursor := body["cursor"]):
            break
    assert len({h["id"] for h in seen}) == len(seen) == N
    key = "last_at" if sort == "recency" else "size"
    values = [h[key] for h in seen]
    assert values == sorted(values, reverse=True)


async def test_one_story_with_its_timeline_and_tracks(setup: Any) -> None:
    client, updates = setup
    update = next(u for u in updates if u.story.tracks and len(u.story.articles) > 2)
    r = await client.get(f"/stories/{update.story_id}")
    assert r.status_code == 200
    body = r.json()
    assert Story.model_validate(body) == update.story
    assert body["size"] == len(update.story.articles)
    report = body["tracks"][0]["reports"][0]
    assert {"value", "qualifier", "low", "high", "source", "agencies", "article_id",
            "published_at"} <= set(report)  # fmt: skip


async def test_bad_parameters_are_4xx(setup: Any) -> None:
    client, _ = setup
    assert (await client.get("/stories", params={"sort": "name"})).status_code == 422
    assert (await client.get("/stories", params={"cursor": "garbage!"})).status_code == 400
    r = await client.get("/stories", params={"q": '"unbalanced AND (('})
    assert r.status_code == 200


@pytest.fixture(scope="module")
def server(setup: Any, settings: SearchSettings, es_url: str) -> Iterator[int]:
    """The same API on a real port, for the CLI (which talks HTTP like any client)."""
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(settings, es_url=es_url), port=port,
                                        log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the API did not start"
    yield port
    srv.should_exit = True
    thread.join(10)


def test_cli_lists_and_shows_stories(
    setup: Any, server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, updates = setup
    monkeypatch.setenv("NEWSFLOW_SEARCH_PORT", str(server))
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    listed = runner.invoke(cli, ["stories", "Hajin", "--json", "--size", "100"])
    assert listed.exit_code == 0, listed.output
    hajin = {u.story_id for u in updates if u.story.datelines == ["HAJIN"]}
    assert {h["id"] for h in json.loads(listed.output)["hits"]} == hajin
    table = runner.invoke(cli, ["stories", "Hajin", "--sort", "size", "--size", "3"])
    assert table.exit_code == 0 and f"{len(hajin)} stories" in table.output
    biggest = max((u for u in updates if u.story_id in hajin),
                  key=lambda u: (len(u.story.articles), u.story.last_at))  # fmt: skip
    assert biggest.story_id in table.output
    update = next(u for u in updates if any(len(t.reports) > 1 for t in u.story.tracks))
    shown = runner.invoke(cli, ["story", update.story_id])
    assert shown.exit_code == 0, shown.output
    track = next(t for t in update.story.tracks if len(t.reports) > 1)
    assert f"highest {track.highest:,.10g}" in shown.output
    assert update.story.articles[0].id in shown.output
    missing = runner.invoke(cli, ["story", "no/such story"])
    assert missing.exit_code == 1 and "404" in missing.output
