"""The indexer: articles.enriched -> Elasticsearch, doc id = article id (a replay never duplicates).

Offsets are committed only after a bulk request succeeded; while Elasticsearch is down it backs
off and retries the same batch. A document the mapping rejects goes to articles.dlq.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from elasticsearch import AsyncElasticsearch, TransportError
from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch.helpers import async_bulk
from lemminflect import getAllInflections, getLemma
from newsflow_contracts import topics
from newsflow_contracts.events import Alert, ArticleEnriched, DeadLetter
from prometheus_client import Counter, Gauge
from pydantic import ValidationError

from newsflow_search import dedup, members
from newsflow_search.mapping import ensure_index
from newsflow_search.members import members_index
from newsflow_search.subscriptions import Subscriptions

log = logging.getLogger(__name__)

INDEXED = Counter("newsflow_search_indexed_total", "Articles indexed")
DEAD = Counter("newsflow_search_dlq_total", "Enriched events sent to the DLQ", ["reason"])
RETRIES = Counter("newsflow_search_bulk_retries_total", "Bulk requests retried")
LAG = Gauge("newsflow_search_indexer_lag", "Messages on articles.enriched not yet indexed")
ES_UP = Gauge("newsflow_search_es_up", "1 when the last Elasticsearch call succeeded")

ALERTS = Counter("newsflow_search_alerts_total", "Standing-query matches published")


@lru_cache(maxsize=4096)
def _inflections(word: str) -> tuple[str, ...]:
    lemmas = getLemma(word, upos="VERB") or (word,)
    forms = {word, *lemmas}
    for lemma in lemmas:
        forms |= {f for fs in getAllInflections(lemma, upos="VERB").values() for f in fs}
    return tuple(sorted(forms))


def event_forms(event: str | None) -> list[str]:
    """Every inflection of the event's verbs: a search for "fled" finds "to flee"."""
    if not event:
        return []
    return sorted({f for w in event.lower().split() for f in _inflections(w)})


def to_document(event: ArticleEnriched, dup: dict[str, Any] | None = None,
                story_id: str | None = None) -> dict[str, Any]:  # fmt: skip
    """The indexed document: the event, plus lookup keys, its near-duplicate group and story."""
    doc = event.model_dump(mode="json")
    doc["story_id"] = story_id or event.story_id
    dup = dup or {"dup_group": event.id}
    doc.update(dup, is_copy=dup["dup_group"] != event.id)
    keys = {e.name.lower() for e in event.entities}
    keys |= {a.lower() for e in event.entities for a in e.aliases}
    doc["entity_keys"] = sorted(keys)
    doc["entity_facets"] = sorted({f"{e.type}|{e.name}" for e in event.entities})
    for fig in doc["figures"]:
        fig["event_forms"] = event_forms(fig.get("event"))
    doc["indexed_at"] = datetime.now(UTC).isoformat()
    return doc


class Consumer:
    """What both consumers of the service share (articles here, stories in stories.py): restart
    after a crash, retry while Elasticsearch is away, and the state /healthz reports."""

    name = "indexer"
    alias: str  # the index this consumer writes
    subscriptions: Subscriptions

    def __init__(self, es: AsyncElasticsearch) -> None:
        self.es = es
        self.running = False
        self.last_error: str | None = None

    async def run(self) -> None:
        """Consume until cancelled; an unexpected error restarts the consumer, logged."""
        while True:
            try:
                await self._run()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.last_error = f"{self.name} crashed: {exc!r}"
                log.exception("%s crashed; restarting in 2s", self.name)
                await asyncio.sleep(2)

    async def _run(self) -> None:
        raise NotImplementedError

    async def _publish_alerts(
        self,
        kind: str,
        match: Callable[[list[Any]], Awaitable[list[Alert]]],
        producer: AIOKafkaProducer,
    ) -> None:
        """Run the subscriptions of one kind over what was just written (`match`) and publish
        the new matches to `alerts`."""
        subs = [s for s in await self._with_es_retry(self.subscriptions.active)
                if s[1].get("kind", "article") == kind]  # fmt: skip
        if not subs:
            return
        await self._with_es_retry(lambda: self.es.indices.refresh(index=self.alias))
        alerts = await self._with_es_retry(lambda: match(subs))
        for alert in alerts:
            await producer.send_and_wait(topics.ALERTS, alert.model_dump_json().encode(),
                                         key=alert.article_id.encode())  # fmt: skip
        ALERTS.inc(len(alerts))

    async def _with_es_retry(self, call: Callable[[], Awaitable[Any]]) -> Any:
        delay = 0.5
        while True:
            try:
                result = await call()
                ES_UP.set(1)
                self.last_error = None
                return result
            except (ESConnectionError, TransportError) as exc:
                ES_UP.set(0)
                RETRIES.inc()
                self.last_error = f"Elasticsearch unavailable: {exc}"
                log.warning("Elasticsearch unavailable, retrying in %.1fs: %s", delay, exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)


class Indexer(Consumer):
    def __init__(self, es: AsyncElasticsearch, bootstrap: str, alias: str, group_id: str,
                 max_records: int = 500, stories_alias: str = "stories",
                 topic: str = topics.ENRICHED) -> None:  # fmt: skip
        super().__init__(es)
        self.topic = topic
        self.bootstrap, self.alias = bootstrap, alias
        self.group_id, self.max_records = group_id, max_records
        self.subscriptions = Subscriptions(es, alias)
        self.members_index = members_index(stories_alias)

    async def _run(self) -> None:
        """Consume until cancelled. Survives Kafka and Elasticsearch outages."""
        consumer = AIOKafkaConsumer(
            self.topic, bootstrap_servers=self.bootstrap, group_id=self.group_id,
            enable_auto_commit=False, auto_offset_reset="earliest",
            max_partition_fetch_bytes=10_485_760, fetch_max_bytes=52_428_800,
        )  # fmt: skip
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all",
                                    enable_idempotence=True, max_request_size=10_485_760)  # fmt: skip
        await _start_with_retry(consumer.start, "indexer consumer")
        await _start_with_retry(producer.start, "indexer DLQ producer")
        self.running = True
        lag_task = asyncio.create_task(self._lag_loop(consumer), name="indexer-lag")
        try:
            await self._with_es_retry(self.prepare)
            while True:
                batch = await consumer.getmany(timeout_ms=500, max_records=self.max_records)
                messages = [m for msgs in batch.values() for m in msgs]
                if messages:
                    await self._index(messages, producer)
                    await consumer.commit()
        finally:
            self.running = False
            lag_task.cancel()
            await consumer.stop()
            await producer.stop()

    async def prepare(self) -> list[str]:
        """The index (made, or given the fields its mapping version gained, backfilled) and the
        subscriptions' indices; returns the fields backfilled."""
        added = await ensure_index(self.es, self.alias, backfill=self._backfill)
        await self.subscriptions.ensure_indices()
        return added

    async def _backfill(self, index: str, fields: list[str]) -> None:
        if "story_id" in fields:  # the members index holds every article's story
            n = await members.backfill_story_ids(self.es, index, self.members_index)
            log.info("story_id written again on %d articles of %s", n, index)

    async def _index(self, messages: list[Any], producer: AIOKafkaProducer) -> None:
        events: dict[str, ArticleEnriched] = {}
        for m in messages:
            try:
                event = ArticleEnriched.model_validate_json(m.value)
            except (ValidationError, ValueError) as exc:
                await _dead(producer, m.key, m.value, f"not an enriched event: {exc}", "schema")
                continue
            events[event.id] = event  # the latest version of an article wins within a batch
        if not events:
            return
        groups = await self._with_es_retry(lambda: self._dup_groups(events))
        stories = await self._with_es_retry(
            lambda: members.story_ids(self.es, self.members_index, list(events))
        )
        docs = {eid: to_document(e, groups[eid], stories.get(eid)) for eid, e in events.items()}
        actions = [{"_op_type": "index", "_index": self.alias, "_id": eid, "_source": doc}
                   for eid, doc in docs.items()]  # fmt: skip

        async def bulk() -> list[Any]:
            """Bulk-index; items refused for load (429/503) are retried, others are returned."""
            pending, final, delay = actions, [], 0.5
            while pending:
                _, errors = await async_bulk(self.es, pending, raise_on_error=False,
                                             raise_on_exception=True, refresh=False)  # fmt: skip
                busy = {
                    str(e["index"]["_id"])
                    for e in errors  # type: ignore[union-attr]
                    if e.get("index", {}).get("status") in (429, 503)
                }  # type: ignore[union-attr]
                final += [e for e in errors if str(e.get("index", {}).get("_id")) not in busy]  # type: ignore[union-attr]
                pending = [a for a in pending if a["_id"] in busy]
                if pending:
                    RETRIES.inc()
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 10.0)
            return final

        errors = await self._with_es_retry(bulk)
        failed: set[str] = set()
        for err in errors:
            item = err.get("index", {})
            eid = str(item.get("_id"))
            failed.add(eid)
            reason = str(item.get("error", {}).get("reason", item.get("error")))
            await _dead(producer, eid.encode(), events[eid].model_dump_json().encode(),
                        f"rejected by Elasticsearch: {reason}", "index")  # fmt: skip
        done = [e for eid, e in events.items() if eid not in failed]
        INDEXED.inc(len(done))
        await self._with_es_retry(lambda: self._join_stories(done, docs))
        if done:
            await self._alert(done, producer)

    async def _join_stories(self, done: list[ArticleEnriched], docs: dict[str, Any]) -> None:
        """The article's half of the handshake in members.py: after writing, read the members
        again; a story that listed an article while it was being written is joined now."""
        now = await members.story_ids(self.es, self.members_index, [e.id for e in done])
        late = {aid: sid for aid, sid in now.items() if docs[aid]["story_id"] != sid}
        if late:
            await members.set_story_ids(self.es, self.alias, late)

    async def _dup_groups(self, events: dict[str, ArticleEnriched]) -> dict[str, dict[str, Any]]:
        """Each article's near-duplicate group: that of an indexed (or earlier in this batch)
        article whose body is at least dedup.THRESHOLD similar, else its own id."""
        mine = {}
        for eid, e in events.items():
            sig = dedup.signature(e.body)
            mine[eid] = {"minhash": sig, "dup_bands": dedup.band_keys(sig)}
        keys = sorted({k for m in mine.values() for k in m["dup_bands"]})
        resp = await self.es.search(index=self.alias, query={"terms": {"dup_bands": keys}},
                                    source=["dup_group", "minhash", "dup_bands"], size=1000)  # fmt: skip
        known = [(h["_id"], h["_source"]) for h in resp["hits"]["hits"]]
        out: dict[str, dict[str, Any]] = {}
        for eid, m in mine.items():
            group, best = eid, dedup.THRESHOLD
            bands = set(m["dup_bands"])
            for cid, other in known + list(out.items()):
                if cid == eid or not bands & set(other["dup_bands"]):
                    continue
                sim = dedup.similarity(m["minhash"], other["minhash"])
                if sim >= best:
                    group, best = other["dup_group"], sim
            out[eid] = {**m, "dup_group": group}
        return out

    async def _alert(self, done: list[ArticleEnriched], producer: AIOKafkaProducer) -> None:
        """Run the article standing queries on what was just indexed (stories.py runs the
        story ones)."""
        await self._publish_alerts(
            "article", lambda subs: self.subscriptions.match(subs, done), producer
        )

    async def _lag_loop(self, consumer: AIOKafkaConsumer) -> None:
        """Every 2 s: messages on articles.enriched not yet indexed and committed. A task of its
        own, so the gauge keeps moving while a batch waits for Elasticsearch to come back."""
        while True:
            await asyncio.sleep(2)
            parts = list(consumer.assignment())
            if not parts:
                continue
            try:
                ends = await consumer.end_offsets(parts)
                done = {tp: (await consumer.committed(tp)) or 0 for tp in parts}
            except Exception as exc:  # noqa: BLE001 - a missed sample is not worth a crash
                log.debug("lag sample failed: %r", exc)
                continue
            LAG.set(sum(max(0, ends[tp] - done[tp]) for tp in parts))


async def _dead(producer: AIOKafkaProducer, key: bytes | None, value: bytes, error: str,
                reason: str) -> None:  # fmt: skip
    DEAD.labels(reason).inc()
    try:
        payload: Any = value.decode("utf-8")
    except UnicodeDecodeError:
        payload = repr(value[:1000])
    letter = DeadLetter(error=error[:2000], stage=f"search.{reason}", payload=payload,
                        id=key.decode(errors="replace") if key else None,
                        failed_at=datetime.now(UTC))  # fmt: skip
    log.warning("dead letter", extra={"article_id": letter.id, "error": letter.error})
    await producer.send_and_wait(topics.DLQ, letter.model_dump_json().encode(), key=key)


async def _start_with_retry(start: Callable[[], Awaitable[None]], what: str) -> None:
    delay = 0.5
    while True:
        try:
            await start()
            return
        except Exception as exc:  # noqa: BLE001 - any start-up failure is retried
            log.warning("%s cannot start yet (%s); retrying in %.1fs", what, exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)
