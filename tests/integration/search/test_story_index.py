"""Stories from real Kafka into real Elasticsearch: the article and story consumers in either
order, replays, and story alerts."""

from __future__ import annotations

import asyncio
import json
import random
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from elasticsearch import AsyncElasticsearch
from newsflow_contracts import topics
from newsflow_contracts.events import ArticleEnriched
from newsflow_contracts.stories import (
    FigureReport,
    FigureTrack,
    Story,
    StoryArticle,
    StoryUpdated,
)
from newsflow_search.config import SearchSettings
from newsflow_search.indexer import Indexer
from newsflow_search.main import create_app
from newsflow_search.stories import StoryIndexer

from bench.synthetic import article
from tests.asgi import serving
from tests.kafka_io import read_all


@dataclass
class Env:
    client: httpx.AsyncClient
    es: AsyncElasticsearch
    producer: AIOKafkaProducer
    indexer: Indexer
    story_indexer: StoryIndexer
    enriched: str
    stories: str
    bootstrap: str
    tag: str


@pytest.fixture(scope="module")
async def env(es_url: str, kafka_bootstrap: str) -> AsyncIterator[Env]:
    tag = uuid.uuid4().hex[:8]
    articles, stories = f"tsa-{tag}", f"tss-{tag}"
    enriched_topic, stories_topic = f"enriched-{tag}", f"stories-{tag}"
    es = AsyncElasticsearch(es_url)
    indexer = Indexer(es, kafka_bootstrap, articles, f"ga-{tag}", stories_alias=stories,
                      topic=enriched_topic)  # fmt: skip
    story_indexer = StoryIndexer(es, kafka_bootstrap, stories, articles, f"gs-{tag}",
                                 topic=stories_topic)  # fmt: skip
    tasks = [asyncio.create_task(c.run()) for c in (indexer, story_indexer)]
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    await producer.start()
    app = create_app(SearchSettings(index_alias=articles, stories_alias=stories,
                                    run_indexer=False), es_url=es_url)  # fmt: skip
    try:
        async with serving(app) as client:
            await until(lambda: _running(indexer, story_indexer), "consumers started")
            yield Env(client, es, producer, indexer, story_indexer, enriched_topic,
                      stories_topic, kafka_bootstrap, tag)  # fmt: skip
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await producer.stop()
        names = await es.indices.get(index=f"{articles}*,{stories}*")  # deletes need names
        await es.indices.delete(index=",".join(names))
        await es.close()


async def _running(*consumers: Any) -> bool:
    return all(c.running for c in consumers)


async def until(check: Callable[[], Awaitable[Any]], what: str, timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := await check():
            return result
        await asyncio.sleep(0.2)
    raise AssertionError(f"not within {timeout}s: {what}")


def enriched(tag: str, i: int) -> ArticleEnriched:
    a = article(i, random.Random(i))
    return a.model_copy(update={"id": f"{tag}-art-{i}", "title": f"Hajin {tag} report {i}"})


def snapshot(sid: str, arts: list[ArticleEnriched], kind: str = "article_added",
             tracks: list[FigureTrack] | None = None, title: str | None = None) -> StoryUpdated:  # fmt: skip
    members = [StoryArticle(id=a.id, title=a.title, source=a.source, agencies=a.agencies,
                            published_at=a.published_at) for a in arts]  # fmt: skip
    story = Story(id=sid, title=title or arts[0].title, articles=members, tracks=tracks or [],
                  sources=sorted({a.source for a in arts if a.source}))  # fmt: skip
    return StoryUpdated(story_id=sid, kind=kind, article_id=arts[-1].id, story=story)  # type: ignore[arg-type]


async def publish(env: Env, item: ArticleEnriched | StoryUpdated) -> None:
    if isinstance(item, StoryUpdated):
        await env.producer.send_and_wait(env.stories, item.model_dump_json().encode(),
                                         key=item.story_id.encode())  # fmt: skip
    else:
        await env.producer.send_and_wait(env.enriched, item.model_dump_json().encode(),
                                         key=item.id.encode())  # fmt: skip


async def story_id_of(env: Env, article_id: str) -> str | None:
    r = await env.client.get(f"/articles/{article_id}")
    return r.json().get("story_id") if r.status_code == 200 else None


async def test_story_first_or_article_first_gives_the_same_article(env: Env) -> None:
    first, second = enriched(env.tag, 1), enriched(env.tag, 2)
    # The story names an article not indexed yet ...
    await publish(env, snapshot(f"{env.tag}-s1", [first], kind="created"))
    await until(lambda: _ok(env.client.get(f"/stories/{env.tag}-s1")), "story s1 indexed")
    assert (await env.client.get(f"/articles/{first.id}")).status_code == 404
    await publish(env, first)
    # ... and the article indexed before its story.
    await publish(env, second)
    await until(lambda: _ok(env.client.get(f"/articles/{second.id}")), "article 2 indexed")
    assert await story_id_of(env, second.id) is None
    await publish(env, snapshot(f"{env.tag}-s2", [second], kind="created"))
    for art, sid in ((first, f"{env.tag}-s1"), (second, f"{env.tag}-s2")):
        await until(lambda a=art, s=sid: _equals(story_id_of(env, a.id), s), f"{art.id} in {sid}")
        got = ArticleEnriched.model_validate((await env.client.get(f"/articles/{art.id}")).json())
        assert got == art.model_copy(update={"story_id": sid})

    async def hit_story() -> Any:
        r = await env.client.get("/search", params={"q": f'"{first.title}"'})
        return [h["story_id"] for h in r.json()["hits"] if h["id"] == first.id]

    assert await until(hit_story, "the search hit shows its story") == [f"{env.tag}-s1"]


async def _ok(call: Awaitable[httpx.Response]) -> bool:
    return (await call).status_code == 200


async def _equals(call: Awaitable[Any], expected: Any) -> bool:
    return (await call) == expected


async def test_interleaved_streams_join_every_article(env: Env) -> None:
    """Articles and a growing story published together: whatever the consumers interleave,
    every article ends up with the story's id."""
    arts = [enriched(env.tag, i) for i in range(10, 40)]
    sid = f"{env.tag}-s3"
    sends = []
    for i, a in enumerate(arts):
        sends.append(publish(env, a))
        sends.append(publish(env, snapshot(sid, arts[: i + 1])))
    await asyncio.gather(*sends)

    async def all_joined() -> bool:
        ids = [await story_id_of(env, a.id) for a in arts]
        return ids == [sid] * len(arts)

    await until(all_joined, "every article joined its story", timeout=60)
    story = (await env.client.get(f"/stories/{sid}")).json()
    assert [a["id"] for a in story["articles"]] == [a.id for a in arts]


async def test_a_replayed_update_of_several_articles_gives_each_its_story_id(env: Env) -> None:
    """The stories service sends one update per story per transaction, naming every article
    it placed (`article_ids`). After a crash between the members write and the articles write,
    the replayed update must give all of them their story id, not only `article_id`."""
    arts = [enriched(env.tag, i) for i in range(80, 83)]
    sid = f"{env.tag}-s8"
    for a in arts:
        await publish(env, a)
    for a in arts:
        await until(lambda a=a: _ok(env.client.get(f"/articles/{a.id}")), f"{a.id} indexed")
    # The crash: the story's members were written, its articles were not updated.
    for a in arts:
        await env.es.index(index=f"tss-{env.tag}-members", id=a.id, document={"story_id": sid})
    update = snapshot(sid, arts, kind="created").model_copy(
        update={"article_ids": [a.id for a in arts]})  # fmt: skip
    await publish(env, update)

    async def all_joined() -> bool:
        return [await story_id_of(env, a.id) for a in arts] == [sid] * len(arts)

    await until(all_joined, "every article the update names has its story id")


def track(values: list[tuple[str, float]]) -> FigureTrack:
    reports = [FigureReport(article_id=aid, figure=0, value=v, text=f"{v:,.0f}",
                            qualifier="more than") for aid, v in values]  # fmt: skip
    return FigureTrack(key="killed|people|Hajin", object="people", event="killed", place="Hajin",
                       reports=reports, latest=values[-1][1], highest=max(v for _, v in values))  # fmt: skip


async def test_story_alerts_once_per_story_and_track_even_on_replay(env: Env) -> None:
    subs = {}
    # Only s4's title has "toll"; the other stories of this module are about Hajin too.
    for name, body in (("story", {"query": f"Hajin {env.tag} toll", "kind": "story"}),
                       ("track", {"query": f"Hajin {env.tag} toll",
                                  "track": {"event": "killing", "above": 1000}}),
                       ("other", {"query": "volcano", "kind": "story"})):  # fmt: skip
        r = await env.client.post("/subscriptions", json=body)
        assert r.status_code == 201, r.text
        subs[name] = r.json()["id"]
    bad = await env.client.post("/subscriptions", json={"query": "x", "track": {"above": 3}})
    assert bad.status_code == 422

    arts = [enriched(env.tag, i) for i in range(50, 53)]
    sid = f"{env.tag}-s4"
    steps = [[(arts[0].id, 900.0)], [(arts[0].id, 900.0), (arts[1].id, 1200.0)],
             [(arts[0].id, 900.0), (arts[1].id, 1200.0), (arts[2].id, 1500.0)]]  # fmt: skip
    for n, values in enumerate(steps, start=1):
        await publish(
            env,
            snapshot(
                sid, arts[:n], tracks=[track(values)], title=f"Hajin {env.tag}: the toll rises"
            ),
        )
        await until(lambda n=n: _size_is(env, sid, n), f"story at {n} articles")

    async def matches(name: str) -> list[dict[str, Any]]:
        r = await env.client.get(f"/subscriptions/{subs[name]}/matches")
        return r.json()["matches"]  # type: ignore[no-any-return]

    await until(lambda: matches("track"), "track alert listed")
    story_matches, track_matches = await matches("story"), await matches("track")
    assert [(m["story_id"], m["article_id"]) for m in story_matches] == [(sid, arts[0].id)]
    assert [(m["story_id"], m["track"], m["value"], m["article_id"]) for m in track_matches] == [
        (sid, "killed|people|Hajin", 1200.0, arts[1].id)
    ]
    assert await matches("other") == []

    # A replay of everything on the topic: no snapshot goes back, no alert comes twice.
    version = (await env.es.get(index=f"tss-{env.tag}", id=sid))["_version"]
    replay = await read_all(env.bootstrap, env.stories)
    await env.story_indexer.index(replay, env.producer)
    await env.indexer._index(await read_all(env.bootstrap, env.enriched), env.producer)
    assert (await env.es.get(index=f"tss-{env.tag}", id=sid))["_version"] == version
    assert await _size_is(env, sid, 3)
    assert len(await matches("story")) == 1 and len(await matches("track")) == 1
    # The replayed articles keep the story ids they were given.
    assert await story_id_of(env, f"{env.tag}-art-1") == f"{env.tag}-s1"
    assert await story_id_of(env, f"{env.tag}-art-2") == f"{env.tag}-s2"
    assert await story_id_of(env, f"{env.tag}-art-25") == f"{env.tag}-s3"
    published = [json.loads(m.value) for m in await read_all(env.bootstrap, topics.ALERTS)]
    mine = [a for a in published if a["subscription_id"] in subs.values()]
    assert sorted((a["subscription_id"], a.get("track")) for a in mine) == sorted(
        [(subs["story"], None), (subs["track"], "killed|people|Hajin")]
    )


async def _size_is(env: Env, sid: str, n: int) -> bool:
    r = await env.client.get(f"/stories/{sid}")
    return r.status_code == 200 and r.json()["size"] == n


async def test_unknown_story_is_a_404_problem(env: Env) -> None:
    r = await env.client.get("/stories/no-such-story")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["field"] == "id"


async def test_a_bad_story_update_goes_to_the_dlq_and_the_stream_goes_on(env: Env) -> None:
    key = f"{env.tag}-poison"
    await env.producer.send_and_wait(env.stories, b'{"story_id": "x", "kind": "created"}',
                                     key=key.encode())  # fmt: skip
    # A keyword of 40,000 characters is more than Elasticsearch indexes: the snapshot is refused.
    huge = snapshot(f"{env.tag}-huge", [enriched(env.tag, 61)], kind="created")
    huge = huge.model_copy(
        update={"story": huge.story.model_copy(update={"sources": ["x" * 40_000]})}
    )
    await publish(env, huge)
    await publish(env, snapshot(f"{env.tag}-s5", [enriched(env.tag, 60)], kind="created"))
    await until(lambda: _ok(env.client.get(f"/stories/{env.tag}-s5")), "the next story indexed")
    letters = {m.key.decode(): json.loads(m.value) for m in await read_all(env.bootstrap, topics.DLQ)
               if m.key in (key.encode(), huge.story_id.encode())}  # fmt: skip
    assert letters[key]["stage"] == "search.story" and "not a story update" in letters[key]["error"]
    assert "rejected by Elasticsearch" in letters[huge.story_id]["error"]
    assert (await env.client.get(f"/stories/{huge.story_id}")).status_code == 404
    members = await env.es.options(ignore_status=404).get(index=f"tss-{env.tag}-members",
                                                          id=f"{env.tag}-art-61")  # fmt: skip
    assert members.meta.status == 404  # no article points at a refused story


async def test_an_aborted_story_transaction_is_never_indexed(env: Env) -> None:
    """The stories service writes in transactions; what it aborts must not show."""
    tx = AIOKafkaProducer(bootstrap_servers=env.bootstrap, transactional_id=f"tx-{env.tag}")
    await tx.start()
    try:
        aborted = snapshot(f"{env.tag}-aborted", [enriched(env.tag, 70)], kind="created")
        await tx.begin_transaction()
        await tx.send_and_wait(env.stories, aborted.model_dump_json().encode(),
                               key=aborted.story_id.encode())  # fmt: skip
        await tx.abort_transaction()
        kept = snapshot(f"{env.tag}-kept", [enriched(env.tag, 71)], kind="created")
        async with tx.transaction():
            await tx.send(env.stories, kept.model_dump_json().encode(), key=kept.story_id.encode())
    finally:
        await tx.stop()
    await until(lambda: _ok(env.client.get(f"/stories/{kept.story_id}")), "the committed story")
    assert (await env.client.get(f"/stories/{aborted.story_id}")).status_code == 404
