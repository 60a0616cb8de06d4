"""The story indexer as the stack runs it: `python -m newsflow_search indexer stories`, a
process of its own (issue 13). Stories become visible through the API while no article indexer
runs at all, and an article indexed later still gets its story's id (the handshake of
members.py, now across two processes). A stories index an earlier version made takes the
shorter refresh interval of stories. Real Kafka and Elasticsearch."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from elasticsearch import AsyncElasticsearch
from newsflow_cli.components import REPO, component
from newsflow_cli.processes import Managed, free_port
from newsflow_cli.stack import Stack
from newsflow_search.config import SearchSettings
from newsflow_search.indexer import Indexer
from newsflow_search.main import create_app
from newsflow_search.mapping import (
    SETTINGS,
    STORY_MAPPING,
    STORY_SETTINGS,
    STORY_VERSION,
    ensure_index,
)

from tests.integration.search.test_story_index import enriched, snapshot, until
from tests.kafka_io import create_topic


@pytest.fixture(scope="module")
async def names() -> AsyncIterator[dict[str, str]]:
    tag = uuid.uuid4().hex[:8]
    yield {"tag": tag, "articles": f"tpa-{tag}", "stories": f"tps-{tag}",
           "enriched_topic": f"enriched-{tag}", "stories_topic": f"stories-{tag}"}  # fmt: skip


async def test_stories_are_visible_while_no_article_indexer_runs(
    stack: Stack, kafka_bootstrap: str, es_url: str, names: dict[str, str]
) -> None:
    tag = names["tag"]
    await create_topic(kafka_bootstrap, names["stories_topic"])
    config = dataclasses.replace(stack.config, story_indexer_port=free_port(), extra_env={
        "NEWSFLOW_KAFKA_BOOTSTRAP": kafka_bootstrap, "NEWSFLOW_ES_URL": es_url,
        "NEWSFLOW_SEARCH_INDEX_ALIAS": names["articles"],
        "NEWSFLOW_SEARCH_STORIES_ALIAS": names["stories"],
        "NEWSFLOW_SEARCH_STORIES_TOPIC": names["stories_topic"],
        "NEWSFLOW_SEARCH_STORIES_GROUP_ID": f"gs-{tag}"})  # fmt: skip
    comp = component(config, "story-indexer")
    proc = Managed(f"story-indexer-{tag}", config.state_dir / "run", config.state_dir / "logs")
    es = AsyncElasticsearch(es_url)
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    # The API alone: no consumer of either topic runs in this test's process.
    app = create_app(SearchSettings(index_alias=names["articles"], stories_alias=names["stories"],
                                    run_indexer=False), es_url=es_url)  # fmt: skip
    indexer = Indexer(es, kafka_bootstrap, names["articles"], f"ga-{tag}",
                      stories_alias=names["stories"], topic=names["enriched_topic"])  # fmt: skip
    task = None
    try:
        # An index made by an earlier version, at the articles' refresh interval
        await ensure_index(es, names["stories"], STORY_MAPPING, STORY_VERSION)
        await asyncio.to_thread(proc.wait_healthy, proc.start(comp.argv(), comp.env(), cwd=REPO),
                                comp.check, comp.startup_timeout)  # fmt: skip
        await producer.start()
        arts = [enriched(tag, i) for i in range(2)]
        sid = f"{tag}-s1"
        for n in (1, 2):
            update = snapshot(sid, arts[:n], kind="created" if n == 1 else "article_added")
            await producer.send_and_wait(names["stories_topic"], update.model_dump_json().encode(),
                                         key=sid.encode())  # fmt: skip
        async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://search") as client:  # fmt: skip

            async def listed() -> bool:
                r = await client.get("/stories", params={"q": f"Hajin {tag}"})
                hits = r.json()["hits"] if r.status_code == 200 else []
                return [h["size"] for h in hits if h["id"] == sid] == [2]  # the latest snapshot

            async def both_listed() -> bool:
                story = (await client.get(f"/stories/{sid}")).json()
                return [a["id"] for a in story.get("articles", [])] == [a.id for a in arts]

            await until(both_listed, "the story with both articles, from the process")
            await until(listed, "the story with both articles found by /stories (searchable)")
            assert (await client.get(f"/articles/{arts[0].id}")).status_code == 404
            async with httpx.AsyncClient(timeout=5) as direct:
                metrics = (await direct.get(f"{comp.where()}/metrics")).text
            assert "newsflow_search_stories_indexed_total" in metrics
            got = await es.indices.get_settings(index=names["stories"], name="*refresh_interval")
            assert [v["settings"]["index"]["refresh_interval"] for v in got.body.values()] == \
                [STORY_SETTINGS["refresh_interval"]] != [SETTINGS["refresh_interval"]]  # fmt: skip
            # Only now an article indexer: it joins the articles to the story the other
            # process wrote.
            await create_topic(kafka_bootstrap, names["enriched_topic"])
            task = asyncio.create_task(indexer.run())
            for a in arts:
                await producer.send_and_wait(names["enriched_topic"],
                                             a.model_dump_json().encode(), key=a.id.encode())  # fmt: skip

            async def joined() -> bool:
                got = [(await client.get(f"/articles/{a.id}")) for a in arts]
                return all(r.status_code == 200 and r.json().get("story_id") == sid for r in got)

            await until(joined, "both articles indexed with the story's id", timeout=60)
    finally:
        if task:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        proc.stop()
        await producer.stop()
        found = await es.indices.get(index=f"{names['articles']}*,{names['stories']}*")
        if found:
            await es.indices.delete(index=",".join(found))
        await es.close()
