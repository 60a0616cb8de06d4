"""The story indexer: topic `stories` -> the `stories` index, the latest snapshot per story id.

Each `StoryUpdated` carries the whole story, so one document per story id is enough. A story is
always on the same partition (its id is the key), so the message's offset orders its snapshots:
it is the document's external version, and a replayed or late older snapshot never overwrites a
newer one (Elasticsearch answers 409, which counts as done). Offsets are committed only after
the bulk succeeded, as in the article indexer; a snapshot the mapping refuses goes to the DLQ.
The story's articles get `story_id` through the handshake described in members.py.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_bulk
from newsflow_contracts import topics
from newsflow_contracts.stories import StoryUpdated
from prometheus_client import Counter
from pydantic import ValidationError

from newsflow_search import members
from newsflow_search.indexer import Consumer, _dead, _start_with_retry, event_forms
from newsflow_search.mapping import STORY_MAPPING, STORY_SETTINGS, STORY_VERSION, ensure_index
from newsflow_search.subscriptions import Subscriptions

log = logging.getLogger(__name__)

STORIES = Counter("newsflow_search_stories_indexed_total", "Story snapshots indexed")
STALE = Counter("newsflow_search_stories_stale_total", "Story snapshots older than the indexed")


def _iso(value: str | None) -> str | None:
    """A date Elasticsearch will take, or None: one odd date must not lose the whole story."""
    if not value:
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return None
    return value


def to_story_document(update: StoryUpdated) -> dict[str, Any]:
    """The indexed story: the snapshot, plus what it is searched, faceted and sorted by."""
    story = update.story
    doc = story.model_dump(mode="json")
    times = sorted(t for t in (_iso(a.published_at) for a in story.articles) if t)
    doc["first_at"] = _iso(story.first_at) or (times[0] if times else None)
    doc["last_at"] = _iso(story.last_at) or (times[-1] if times else None)
    doc["id"] = update.story_id
    doc["size"] = len(story.articles)
    doc["article_ids"] = [a.id for a in story.articles]
    doc["article_titles"] = [a.title for a in story.articles if a.title]
    doc["names"] = [e.name for e in story.entities] + list(story.datelines)
    doc["entity_keys"] = sorted({e.name.lower() for e in story.entities})
    doc["entity_facets"] = sorted({f"{e.type}|{e.name}" for e in story.entities})
    for track in doc["tracks"]:
        values = [r["value"] for r in track["reports"]]
        if track.get("highest") is None and values:
            track["highest"] = max(values)
        track["event_forms"] = event_forms(track.get("event"))
        track["count"] = len(values)
    doc["kind"] = update.kind
    doc["updated_at"] = datetime.now(UTC).isoformat()
    return doc


class StoryIndexer(Consumer):
    name = "story indexer"

    def __init__(self, es: AsyncElasticsearch, bootstrap: str, alias: str, articles_alias: str,
                 group_id: str, max_records: int = 500,
                 topic: str = topics.STORIES) -> None:  # fmt: skip
        super().__init__(es)
        self.topic = topic
        self.bootstrap, self.alias, self.articles_alias = bootstrap, alias, articles_alias
        self.group_id, self.max_records = group_id, max_records
        self.members_index = members.members_index(alias)
        self.subscriptions = Subscriptions(es, articles_alias, stories_alias=alias)

    async def _run(self) -> None:
        consumer = AIOKafkaConsumer(
            self.topic, bootstrap_servers=self.bootstrap, group_id=self.group_id,
            enable_auto_commit=False, auto_offset_reset="earliest",
            max_partition_fetch_bytes=10_485_760, fetch_max_bytes=52_428_800,
            # The stories service writes in Kafka transactions: an aborted batch is never read.
            isolation_level="read_committed",
        )  # fmt: skip
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all",
                                    enable_idempotence=True, max_request_size=10_485_760)  # fmt: skip
        await _start_with_retry(consumer.start, "story consumer")
        await _start_with_retry(producer.start, "story DLQ producer")
        self.running = True
        ready = False
        try:
            while True:
                batch = await consumer.getmany(timeout_ms=500, max_records=self.max_records)
                messages = [m for msgs in batch.values() for m in msgs]
                if messages:
                    if not ready:  # with the first story: a stack without stories has no index
                        await self._with_es_retry(self.ensure_indices)
                        ready = True
                    await self.index(messages, producer)
                    await consumer.commit()
        finally:
            self.running = False
            await consumer.stop()
            await producer.stop()

    async def ensure_indices(self) -> None:
        await ensure_index(self.es, self.alias, STORY_MAPPING, STORY_VERSION,
                           settings=STORY_SETTINGS)  # fmt: skip
        await ensure_index(self.es, self.articles_alias)  # so a partial update finds its index
        await members.ensure_members(self.es, self.members_index)
        await self.subscriptions.ensure_indices()

    async def index(self, messages: list[Any], producer: AIOKafkaProducer) -> None:
        """Index one batch: snapshots and members, then story ids on the articles, then alerts."""
        latest: dict[str, tuple[int, StoryUpdated]] = {}
        caused: dict[str, set[str]] = {}
        for m in sorted(messages, key=lambda m: (m.partition, m.offset)):
            try:
                update = StoryUpdated.model_validate_json(m.value)
            except (ValidationError, ValueError) as exc:
                await _dead(producer, m.key, m.value, f"not a story update: {exc}", "story")
                continue
            latest[update.story_id] = (m.offset, update)  # the latest snapshot wins
            # every article the update stands for (the stories service coalesces a batch)
            caused.setdefault(update.story_id, set()).update(update.caused_by())
        if not latest:
            return
        written = await self._with_es_retry(lambda: self._write(latest, caused, producer))
        STORIES.inc(len(written))
        if written:
            await self._alert([latest[sid][1] for sid in written], producer)

    async def _write(self, latest: dict[str, tuple[int, StoryUpdated]],
                     caused: dict[str, set[str]], producer: AIOKafkaProducer) -> list[str]:  # fmt: skip
        """Stories, then their members, then the articles: the story's half of the handshake in
        members.py. Returns the ids of the stories written (or already newer in the index)."""
        wanted = {a.id: sid for sid, (_, u) in latest.items() for a in u.story.articles}
        # The members read beside the stories' write, not before it: the write touches no
        # member, and a story is stored one Elasticsearch round trip sooner (issue 13).
        known, refused = await asyncio.gather(
            members.story_ids(self.es, self.members_index, list(wanted)),
            self._bulk([{"_op_type": "index", "_index": self.alias, "_id": sid,
                         "version": offset, "version_type": "external_gte",
                         "_source": to_story_document(update)}
                        for sid, (offset, update) in latest.items()]))  # fmt: skip
        for sid, reason in refused.items():
            update = latest[sid][1]
            await _dead(producer, sid.encode(), update.model_dump_json().encode(),
                        f"rejected by Elasticsearch: {reason}", "story")  # fmt: skip
        # Members only of stories the index took, so no article points at a refused story.
        ok = {sid for sid in latest if sid not in refused}
        await self._bulk([{"_op_type": "index", "_index": self.members_index, "_id": aid,
                           "_source": {"story_id": sid}}
                          for aid, sid in wanted.items() if sid in ok and known.get(aid) != sid])  # fmt: skip
        # New members, and every article named by an update of this batch: after a crash
        # between the two writes the members are already there, but the replayed batch names
        # the same articles again, so their documents still get their story id.
        join = {aid: sid for aid, sid in wanted.items() if sid in ok and
                (known.get(aid) != sid or aid in caused.get(sid, ()))}  # fmt: skip
        await members.set_story_ids(self.es, self.articles_alias, join)
        return sorted(ok)

    async def _bulk(self, actions: list[dict[str, Any]]) -> dict[str, str]:
        """Bulk-write; retries load refusals. Returns the story ids refused for good, with why.
        A version conflict means the index already holds this snapshot or a newer one."""
        pending, refused, delay = actions, {}, 0.5
        while pending:
            _, errors = await async_bulk(self.es, pending, raise_on_error=False,
                                         raise_on_exception=True, refresh=False)  # fmt: skip
            busy: set[tuple[bool, str]] = set()
            for err in errors:
                item: dict[str, Any] = err.get("index", {})  # type: ignore[union-attr]
                # Answers name the concrete index (stories-v1), the actions the alias.
                key = (item.get("_index") == self.members_index, str(item.get("_id")))
                if item.get("status") == 409:
                    STALE.inc()
                elif item.get("status") in (429, 503):
                    busy.add(key)
                elif key[0]:
                    log.warning("member %s not written: %s", key[1], item.get("error"))
                else:
                    refused[key[1]] = str(item.get("error", {}).get("reason", item.get("error")))
            pending = [a for a in pending
                       if (a["_index"] == self.members_index, a["_id"]) in busy]  # fmt: skip
            if pending:
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)
        return refused

    async def _alert(self, updates: list[StoryUpdated], producer: AIOKafkaProducer) -> None:
        """Run the story subscriptions over the stories just written; publish new matches."""
        await self._publish_alerts(
            "story", lambda subs: self.subscriptions.match_stories(subs, updates), producer
        )
