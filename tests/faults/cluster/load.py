"""Load for the cluster's fault tests, and the checks that nothing accepted was lost or doubled.

A stream posts short articles one per request (each answer is one article's fate) at a steady
pace, so a fault lands mid-stream; every answer is kept with its time and the partition of
articles.raw its key hashes to (Kafka's default partitioner, murmur2).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from aiokafka.partitioner import DefaultPartitioner
from newsflow_cli.stack import Stack
from newsflow_contracts import topics
from newsflow_contracts.ids import article_id

from bench.stories_growth import NOUNS, short_report
from tests.kafka_io import read_all

PEOPLE = ["Redur Khalil", "Rosa Castillo", "Jorge Medina", "Alicia Moreno", "Petra Lindqvist",
          "Marcus Hale", "Ali Yerlikaya", "Daniel Whitmore"]  # fmt: skip
PLACES = ["Hajin", "Lima", "Chicago", "Paris", "Kabul", "Beirut", "London", "Malatya", "Qamishli"]
THINGS = ["civilians", "fighters", "homes", "jobs", "votes", "buildings", "flights", "schools"]
EVENTS = ["killed", "fled", "cut", "damaged", "cast", "evacuated", "cancelled", "closed"]


def short_articles(n: int, tag: str) -> list[dict[str, str]]:
    """`n` distinct two-sentence English articles (seeded), each with a URL under the tag."""
    rng = random.Random(tag)
    out = []
    for i in range(n):
        place, person = rng.choice(PLACES), rng.choice(PEOPLE)
        nouns = rng.sample(NOUNS, 3)
        count, thing, event = rng.randint(2, 9000), rng.choice(THINGS), rng.choice(EVENTS)
        text = short_report(i, place, person, count, thing, event, nouns)
        out.append({"url": f"https://faults.test/{tag}/{i}", "title": f"{place}: {nouns[0]} {i}",
                    "text": text})  # fmt: skip
    return out


PARTITIONER = DefaultPartitioner()


def partition_of(url: str, partitions: int) -> int:
    return partition_of_id(article_id(url=url, content=""), partitions)


def partition_of_id(key: str, partitions: int) -> int:
    """The partition of articles.raw a message keyed `key` (an article id) goes to."""
    return int(PARTITIONER(key.encode(), list(range(partitions)), list(range(partitions))))


@dataclass
class Answer:
    url: str
    partition: int
    sent: float
    done: float
    status: int


@dataclass
class Stream:
    """Posts `articles` to ingest at `rate` per second with at most `concurrency` requests in
    flight: one article per POST, or `batch` per POST /articles/batch (per-item answers; an item
    Kafka did not acknowledge counts as a 503)."""

    ingest: str
    articles: list[dict[str, str]]
    rate: float
    partitions: int
    concurrency: int = 16
    batch: int = 1
    answers: list[Answer] = field(default_factory=list)
    # Why ingest refused (the problem's detail, cut short), counted.
    refusals: Counter[str] = field(default_factory=Counter)
    # Requests that got no answer (status 0): the client's exception and how long it took.
    errors: Counter[str] = field(default_factory=Counter)
    stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def _post(self, client: httpx.AsyncClient, items: list[dict[str, str]]) -> None:
        sent, statuses = time.monotonic(), [0] * len(items)  # 0: no answer, not accepted
        try:
            if self.batch == 1:
                r = await client.post("/articles", json=items[0])
                statuses = [r.status_code]
            else:
                r = await client.post("/articles/batch", json=items)
                results = r.json().get("results") if r.status_code in (202, 207) else None
                statuses = ([202 if x["status"] == "accepted" else 503 for x in results]
                            if results else [r.status_code] * len(items))  # fmt: skip
                for x in results or []:
                    if x["status"] != "accepted":
                        self.refusals[str(x.get("error"))[:60]] += 1
            if r.status_code >= 400:
                self.refusals[str(r.json().get("detail", r.status_code))[:60]] += 1
        except httpx.HTTPError as exc:
            self.errors[f"{type(exc).__name__} after {time.monotonic() - sent:.0f} s"] += 1
        done = time.monotonic()
        self.answers += [Answer(item["url"], partition_of(item["url"], self.partitions), sent,
                                done, status) for item, status in zip(items, statuses)]  # fmt: skip

    async def run(self) -> None:
        gate = asyncio.Semaphore(self.concurrency)
        started = time.monotonic()
        # Ingest (uvicorn) closes a connection idle for 5 s, and httpx's own expiry is also 5 s:
        # a POST sent on a connection the server is closing that moment fails with ReadError
        # (status 0, no answer; 3 of 320 requests after a ~5 s idle in a scratch test). That is
        # what a stream does after a burst opened all its connections, and it was the cluster
        # test's one unanswered request of 2,000. A client keeps a connection for less.
        limits = httpx.Limits(max_connections=self.concurrency, keepalive_expiry=2.0)
        async with httpx.AsyncClient(base_url=self.ingest, timeout=30, limits=limits) as client:

            async def post(items: list[dict[str, str]]) -> None:
                try:
                    await self._post(client, items)
                finally:
                    gate.release()

            tasks = []
            for i in range(0, len(self.articles), self.batch):
                await asyncio.sleep(max(0.0, started + i / self.rate - time.monotonic()))
                await gate.acquire()
                if self.stop.is_set():
                    gate.release()
                    break
                tasks.append(asyncio.create_task(post(self.articles[i : i + self.batch])))
            await asyncio.gather(*tasks)

    def accepted(self) -> list[str]:
        return [a.url for a in self.answers if a.status == 202]

    def statuses(self) -> Counter[int]:
        return Counter(a.status for a in self.answers)

    def first_202_after(self, t: float, partitions: set[int]) -> float | None:
        """Seconds from `t` to the first 202 for a request sent after `t` to one of `partitions`."""
        done = [a.done for a in self.answers
                if a.status == 202 and a.sent >= t and a.partition in partitions]  # fmt: skip
        return min(done) - t if done else None


async def es(stack: Stack, method: str, path: str, **kw: Any) -> Any:
    """A request to the first data node that answers (one may be down on purpose)."""
    error: Exception | None = None
    for url in stack.config.es_url.split(","):
        try:
            async with httpx.AsyncClient(base_url=url, timeout=30) as client:
                r = await client.request(method, path, **kw)
                r.raise_for_status()
                return r.json()
        except httpx.HTTPError as exc:
            error = exc
    raise AssertionError(f"no Elasticsearch node answered {path}: {error!r}")


def ids_of(urls: list[str]) -> list[str]:
    return [article_id(url=u, content="") for u in urls]


async def indexed(stack: Stack, urls: list[str]) -> int:
    await es(stack, "POST", "/articles/_refresh")
    r = await es(
        stack, "POST", "/articles/_count", json={"query": {"ids": {"values": ids_of(urls)}}}
    )
    return int(r["count"])


async def wait_indexed(stack: Stack, urls: list[str], timeout: float) -> int:
    deadline, n = time.monotonic() + timeout, 0
    while time.monotonic() < deadline:
        n = await indexed(stack, urls)
        if n >= len(urls):
            return n
        await asyncio.sleep(2)
    return n


async def tally(stack: Stack, tag: str, accepted: list[str]) -> dict[str, int]:
    """What reached the index of the accepted articles: found by id, found by URL, documents for
    one URL beyond the first (duplicated), documents written more than once (re-indexed, same
    id: harmless but counted), and articles enriched more than once."""
    ids = ids_of(accepted)
    by_url = await es(
        stack,
        "POST",
        "/articles/_search",
        json={
            "size": 0,
            "query": {"terms": {"url": accepted}},
            "aggs": {"twice": {"terms": {"field": "url", "min_doc_count": 2, "size": 100}}},
        },
    )
    hits = await es(
        stack,
        "POST",
        "/articles/_search",
        json={
            "size": len(ids),
            "version": True,
            "_source": False,
            "query": {"ids": {"values": ids}},
        },
    )
    wanted = set(ids)
    keys = Counter(m.key.decode() for m in await read_all(stack.config.kafka_bootstrap,
                                                                 topics.ENRICHED)
                   if m.key and m.key.decode() in wanted)  # fmt: skip
    return {
        "accepted": len(ids),
        "found_by_id": len(hits["hits"]["hits"]),
        "found_by_url": int(by_url["hits"]["total"]["value"]),
        "duplicated": sum(b["doc_count"] - 1 for b in by_url["aggregations"]["twice"]["buckets"]),
        "reindexed": sum(h["_version"] > 1 for h in hits["hits"]["hits"]),
        "reenriched": sum(n - 1 for n in keys.values()),
    }


def record(fault: str, counts: dict[str, int], **extra: object) -> None:
    """Append to test-artifacts/faults.json (what `bench/faults` prints), replacing `fault`."""
    from tests.faults.test_delivery import REPORT

    REPORT.parent.mkdir(parents=True, exist_ok=True)
    rows = json.loads(REPORT.read_text()) if REPORT.exists() else []
    rows = [r for r in rows if r["fault"] != fault]
    rows.append({"fault": fault, "sent": counts["accepted"], "found": counts["found_by_id"],
                 "lost": counts["accepted"] - counts["found_by_id"],
                 "duplicated": counts["duplicated"], **counts, **extra,
                 "at": time.strftime("%Y-%m-%dT%H:%M:%S")})  # fmt: skip
    REPORT.write_text(json.dumps(rows, indent=2))
    print(f"{fault}: {rows[-1]}")


@dataclass
class Progress:
    """A consumer group's committed offsets on a topic and the topic's end offsets (summed over
    its partitions), sampled every `every` s by a task of its own from `start()`: when the group
    committed again after a fault, and for how long it has not while messages wait."""

    stack: Stack
    group: str = "newsflow-enrich"
    topic: str = topics.RAW
    every: float = 2.0
    samples: list[tuple[float, int, int]] = field(default_factory=list)  # (when, committed, end)
    _task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            # Not gather(): after the two-broker outage a client's stop() once never returned,
            # and the fixture's teardown hung the whole suite. The sampler gets 30 s to close.
            await asyncio.wait({self._task}, timeout=30)

    async def _run(self) -> None:
        bootstrap = self.stack.config.kafka_bootstrap
        tps = [TopicPartition(self.topic, p) for p in range(self.stack.config.topic_partitions)]
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000)
        ends = AIOKafkaConsumer(bootstrap_servers=bootstrap, request_timeout_ms=5000)
        await admin.start()
        await ends.start()
        try:
            while True:
                # No answer while brokers are down: no sample.
                with contextlib.suppress(KafkaError, TimeoutError):
                    committed = await asyncio.wait_for(
                        admin.list_consumer_group_offsets(self.group, partitions=tps), 10
                    )
                    end = await asyncio.wait_for(ends.end_offsets(tps), 10)
                    self.samples.append((time.monotonic(), sum(
                        committed[tp].offset for tp in tps if tp in committed),
                        sum(end.values())))  # fmt: skip
                await asyncio.sleep(self.every)
        finally:
            for close in (ends.stop, admin.close):
                with contextlib.suppress(KafkaError, TimeoutError):
                    await asyncio.wait_for(close(), 10)

    def resumed_after(self, t: float) -> float | None:
        """Seconds from `t` to the first sample committed beyond everything committed by `t`."""
        before = max((c for when, c, _ in self.samples if when <= t), default=0)
        later = [when for when, c, _ in self.samples if when > t and c > before]
        return later[0] - t if later else None

    def idle_s(self) -> float:
        """Seconds since the group last committed more, while messages were waiting (0 if none
        wait, or nothing was sampled yet)."""
        if not self.samples or self.samples[-1][1] >= self.samples[-1][2]:
            return 0.0
        last = self.samples[-1][1]
        return time.monotonic() - min(when for when, c, _ in self.samples if c >= last)

    def waiting(self) -> int:
        return self.samples[-1][2] - self.samples[-1][1] if self.samples else -1


async def drain(stack: Stack, urls: list[str], timeout: float, enrich: Progress,
                stall_s: float = 120) -> int:  # fmt: skip
    """Wait until `urls` are indexed; return early if enrich commits nothing more for `stall_s`
    while messages wait on articles.raw and nothing more was indexed (a stalled worker)."""
    deadline, n, grown = time.monotonic() + timeout, -1, time.monotonic()
    while time.monotonic() < deadline:
        was, n = n, await indexed(stack, urls)
        if n >= len(urls):
            return n
        grown = time.monotonic() if n > was else grown
        if min(enrich.idle_s(), time.monotonic() - grown) > stall_s:
            return n
        await asyncio.sleep(2)
    return n


async def keys_on(stack: Stack, topic: str) -> set[str]:
    """The keys (article ids) of every message on `topic`."""
    messages = await read_all(stack.config.kafka_bootstrap, topic)
    return {m.key.decode() for m in messages if m.key}
