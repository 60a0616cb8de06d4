"""Which story each article belongs to, and `story_id` on the article documents.

Articles (`articles.enriched`) and stories (`stories`) arrive through two consumers, in either
order: a story may list an article that is not indexed yet, and an article may be indexed after
its story was. Each side writes its own record first and then reads the other's:

- the story consumer writes `<stories alias>-members` (doc id = article id, `{"story_id"}`), then
  sets `story_id` on the article documents that exist (a missing one is not an error);
- the article indexer writes the article document, then reads the members of what it wrote and
  sets `story_id` where its document lacked it.

Gets and updates are real-time in Elasticsearch (no refresh needed), so whichever side writes
last sees the other's record: every article ends with its story's id, whatever the order. (A
partial update with `doc_as_upsert` from both sides would be the other way; it leaves bodiless
stub documents in the articles index while a story waits for its article, which every search
would then have to filter out.)
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_bulk, async_scan

log = logging.getLogger(__name__)


def members_index(stories_alias: str) -> str:
    return f"{stories_alias}-members"


async def ensure_members(es: AsyncElasticsearch, index: str) -> None:
    if not await es.indices.exists(index=index):
        await es.options(ignore_status=400).indices.create(
            index=index, settings={"number_of_shards": 1, "auto_expand_replicas": "0-1"},
            mappings={"dynamic": False, "properties": {"story_id": {"type": "keyword"}}},
        )  # fmt: skip


async def story_ids(es: AsyncElasticsearch, index: str, article_ids: list[str]) -> dict[str, str]:
    """The story of each of these articles that has one (a real-time multi-get)."""
    if not article_ids:
        return {}
    resp = await es.options(ignore_status=404).mget(index=index, ids=article_ids,
                                                    source=["story_id"])  # fmt: skip
    return {d["_id"]: d["_source"]["story_id"] for d in resp.body.get("docs", [])
            if d.get("found") and d["_source"].get("story_id")}  # fmt: skip


async def set_story_ids(es: AsyncElasticsearch, alias: str, pairs: dict[str, str],
                        reindex: bool = False) -> int:  # fmt: skip
    """Set `story_id` on the article documents that exist; returns how many were missing.

    Refusals for load (429/503) are retried; an article not indexed yet (404) is left to the
    article indexer, which reads the members after writing it. `reindex`: write the document
    even when it holds that story id already (a newly mapped field is indexed then).
    """
    extra = {"detect_noop": False} if reindex else {}
    pending = [{"_op_type": "update", "_index": alias, "_id": aid, "doc": {"story_id": sid},
                "retry_on_conflict": 3, **extra} for aid, sid in sorted(pairs.items())]  # fmt: skip
    missing, delay = 0, 0.5
    while pending:
        _, errors = await async_bulk(es, pending, raise_on_error=False, raise_on_exception=True,
                                     refresh=False)  # fmt: skip
        busy: set[str] = set()
        for err in errors:
            item: dict[str, Any] = err.get("update", {})  # type: ignore[union-attr]
            if item.get("status") == 404:
                missing += 1
            elif item.get("status") in (429, 503):
                busy.add(str(item.get("_id")))
            else:
                log.warning("story_id not set on %s: %s", item.get("_id"), item.get("error"))
        pending = [a for a in pending if a["_id"] in busy]
        if pending:
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)
    return missing


async def backfill_story_ids(es: AsyncElasticsearch, articles_index: str, index: str,
                             chunk: int = 1000) -> int:  # fmt: skip
    """Write every member's story id into its article document again (reindexed even when
    unchanged): documents indexed before `story_id` was mapped become findable by story.
    Returns the number of members read. (No update_by_query: the embedded node lacks the
    reindex module, and the members index is the source of the values anyway.)"""
    if not await es.indices.exists(index=index):
        return 0
    read, pairs = 0, {}
    async for hit in async_scan(es, index=index, query={"query": {"match_all": {}}}, size=chunk):
        pairs[hit["_id"]] = hit["_source"]["story_id"]
        if len(pairs) >= chunk:
            read += len(pairs)
            await set_story_ids(es, articles_index, pairs, reindex=True)
            pairs = {}
    read += len(pairs)
    await set_story_ids(es, articles_index, pairs, reindex=True)
    return read
