"""Nothing accepted is lost, nothing is duplicated: faults injected into a real stack.

Each test appends what it injected and counted to test-artifacts/faults.json; `bench/faults`
runs this module and prints those figures.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
import zlib
from pathlib import Path

import httpx
from aiokafka import AIOKafkaProducer
from newsflow_cli.components import REPO
from newsflow_cli.processes import port_free
from newsflow_cli.stack import Stack
from newsflow_contracts import topics
from newsflow_contracts.events import ArticleEnriched, Pipeline

from bench.synthetic import corpus
from tests.faults.cluster.load import partition_of_id, short_articles
from tests.faults.conftest import (
    es_count,
    es_count_url_prefix,
    url,
    wait_count,
)
from tests.kafka_io import read_all
from tests.stacks import up_side_by_side

REPORT = Path(os.environ.get("NEWSFLOW_TEST_ARTIFACTS", REPO / "test-artifacts")) / "faults.json"


async def record(stack: Stack, fault: str, ids: list[str], prefix: str) -> None:
    """Count what reached the index: by id (lost) and by url (duplicated under another id)."""
    sent, found = len(ids), await es_count(stack, ids)
    duplicated = await es_count_url_prefix(stack, prefix) - found
    assert (found, duplicated) == (sent, 0), (fault, sent, found, duplicated)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    rows = json.loads(REPORT.read_text()) if REPORT.exists() else []
    rows = [r for r in rows if r["fault"] != fault]
    rows.append({"fault": fault, "sent": sent, "found": found, "lost": sent - found,
                 "duplicated": duplicated, "at": time.strftime("%Y-%m-%dT%H:%M:%S")})  # fmt: skip
    REPORT.write_text(json.dumps(rows, indent=2))


def prefix(tag: str) -> str:
    return f"https://faults.test/{tag}/"


def articles(n: int, tag: str) -> list[dict[str, str]]:
    """Distinct plain-text articles of a few hundred words (synthetic, seeded by the tag: the same
    articles in every run, which `hash` of a str is not)."""
    return [{"url": prefix(tag) + e.id, "title": e.title,
             "text": f"PARIS — {e.body}"} for e in corpus(n, seed=zlib.crc32(tag.encode()) % 1000)]  # fmt: skip


async def post_batch(stack: Stack, items: list[dict[str, str]], chunk: int = 250) -> list[str]:
    ids = []
    async with httpx.AsyncClient(base_url=url(stack, "ingest"), timeout=60) as client:
        for i in range(0, len(items), chunk):
            r = await client.post("/articles/batch", json=items[i : i + chunk])
            assert r.status_code == 202, r.text
            ids += [x["id"] for x in r.json()["results"]]
    return ids


async def duplicates_on(stack: Stack, topic: str, ids: list[str]) -> int:
    keys = [m.key.decode() for m in await read_all(stack.config.kafka_bootstrap, topic)
            if m.key and m.key.decode() in set(ids)]  # fmt: skip
    return len(keys) - len(set(keys))


async def test_broker_down_ingest_answers_503_then_heals(fault_stack: Stack) -> None:
    ingest_pid = fault_stack.managed("ingest").pid()
    async with httpx.AsyncClient(base_url=url(fault_stack, "ingest"), timeout=30) as client:
        before = await client.post(
            "/articles",
            json={
                "url": prefix("broker") + "before",
                "text": "BERLIN — Before the outage, 3 trains were cancelled, officials said.",
            },
        )
        assert before.status_code == 202
        await asyncio.to_thread(fault_stack.down, ["kafka"])
        during = await client.post("/articles", json={"text": "During the outage."})
        assert during.status_code == 503
        assert int(during.headers["retry-after"]) > 0
        health = await client.get("/healthz")
        assert health.status_code == 503 and "Kafka" in health.json()["reason"]
        await asyncio.to_thread(fault_stack.up, ["kafka"])
        deadline, after = time.monotonic() + 60, None
        while time.monotonic() < deadline:
            after = await client.post(
                "/articles",
                json={
                    "url": prefix("broker") + "after",
                    "text": "MADRID — After the outage, 12 flights resumed, officials said.",
                },
            )
            if after.status_code == 202:
                break
            await asyncio.sleep(1)
        assert after is not None and after.status_code == 202, "ingest did not heal"
        assert (await client.get("/healthz")).status_code == 200
    assert fault_stack.managed("ingest").pid() == ingest_pid  # healed without a restart
    ids = [before.json()["id"], after.json()["id"]]
    assert await wait_count(fault_stack, ids, timeout=90) == 2
    await record(fault_stack, "Kafka broker stopped and restarted", ids, prefix("broker"))


async def test_enrich_worker_killed_mid_stream(fault_stack: Stack) -> None:
    # Two-sentence articles (the cluster tests' load), 1,000 of them: the kill lands at ~200
    # indexed with hundreds waiting on both partitions and a batch in flight, as it did with
    # 2,000; the wait for all of them after the restart (most of this test) is half as long.
    # What the test checks is delivery, not enrichment.
    n = 1000
    items = short_articles(n, "kill")
    ids = await post_batch(fault_stack, items)
    assert len(set(ids)) == n
    deadline = time.monotonic() + 120
    while await es_count(fault_stack, ids) < 200 and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
    progress = await es_count(fault_stack, ids)
    assert 0 < progress < n, "kill must land mid-stream"
    pid = fault_stack.managed("enrich").pid()
    assert pid is not None
    os.killpg(pid, signal.SIGKILL)  # the worker and its spaCy processes, no goodbye
    deadline = time.monotonic() + 30
    while (
        fault_stack.managed("enrich").pid() is not None  # until the kernel has them all dead
        or not port_free(fault_stack.config.enrich_port)
    ) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.to_thread(fault_stack.up, ["enrich"])
    found = await wait_count(fault_stack, ids, timeout=600)
    assert found == n, f"lost {n - found} articles"
    reenriched = await duplicates_on(fault_stack, topics.ENRICHED, ids)
    print(f"killed at {progress}/{n} indexed; {reenriched} re-enriched after the restart")
    await record(fault_stack, "enrich worker SIGKILL mid-stream", ids, prefix("kill"))


async def test_elasticsearch_outage_backs_off_and_drops_nothing(fault_stack: Stack) -> None:
    await asyncio.to_thread(fault_stack.down, ["elasticsearch"])
    outage_started = time.monotonic()
    ids = await post_batch(fault_stack, articles(200, "es-outage"), chunk=20)
    async with httpx.AsyncClient(base_url=url(fault_stack, "search"), timeout=10) as search:
        deadline, metrics = time.monotonic() + 45, ""
        while time.monotonic() < deadline:
            metrics = (await search.get("/metrics")).text
            if "newsflow_search_es_up 0.0" in metrics:
                break
            await asyncio.sleep(1)
        assert "newsflow_search_es_up 0.0" in metrics
        assert (await search.get("/healthz")).status_code == 503
        lag = 0.0
        while time.monotonic() < deadline and lag == 0:  # the backlog shows in /metrics
            text = (await search.get("/metrics")).text
            lag = float(next(ln.split()[1] for ln in text.splitlines()
                             if ln.startswith("newsflow_search_indexer_lag ")))  # fmt: skip
            await asyncio.sleep(1)
        assert lag > 0
        await asyncio.sleep(max(0.0, 30 - (time.monotonic() - outage_started)))
        await asyncio.to_thread(fault_stack.up, ["elasticsearch"])
        found = await wait_count(fault_stack, ids, timeout=120)
        assert found == 200
        # A consumer that shares the gauge (the story indexer, when it runs in the search
        # process) may still be in its back-off (up to 10 s) when the articles are all back:
        # wait for its next call rather than racing it.
        deadline = time.monotonic() + 30
        metrics = (await search.get("/metrics")).text
        while "newsflow_search_es_up 1.0" not in metrics and time.monotonic() < deadline:
            await asyncio.sleep(1)
            metrics = (await search.get("/metrics")).text
        assert "newsflow_search_es_up 1.0" in metrics
        assert "newsflow_search_bulk_retries_total" in metrics
    await record(fault_stack, "Elasticsearch stopped for 30 s", ids, prefix("es-outage"))


def enriched(i: str, **changes: object) -> bytes:
    event = ArticleEnriched(id=i, title=f"t {i}", language="en", body=f"Body of {i} story.",
                            url=prefix("enriched-poison") + i,
                            pipeline=Pipeline(version="t", model="t"))  # fmt: skip
    return json.dumps(event.model_dump(mode="json") | changes).encode()


async def test_bad_messages_on_enriched_go_to_dlq_and_the_rest_is_indexed(
    fault_stack: Stack, unique: str
) -> None:
    good = [f"good-{unique}-{i}" for i in range(3)]
    poison = {
        f"baddate-{unique}": enriched(f"baddate-{unique}", published_at="not a date"),
        f"badjson-{unique}": b"{not json",
        f"badschema-{unique}": json.dumps({"id": f"badschema-{unique}"}).encode(),
        f"badutf8-{unique}": b"\xff\xfe\xfd",
        f"nul-{unique}": b'{"id": "x\x00"}',
    }
    producer = AIOKafkaProducer(bootstrap_servers=fault_stack.config.kafka_bootstrap, acks="all")
    await producer.start()
    try:
        batch = (
            [(g, enriched(g)) for g in good[:2]]
            + list(poison.items())
            + [(good[2], enriched(good[2]))]
        )
        for key, value in batch:
            await producer.send(topics.ENRICHED, value, key=key.encode())
        await producer.flush()
    finally:
        await producer.stop()
    assert await wait_count(fault_stack, good, timeout=60) == 3
    deadline = time.monotonic() + 30
    # The stories service reads articles.enriched too and dead-letters the same poison under its
    # own stage: keep the search service's letters apart from it.
    letters: dict[str, dict[str, object]] = {}
    stories: set[str] = set()
    while time.monotonic() < deadline and (len(letters) < len(poison) or not stories):
        for m in await read_all(fault_stack.config.kafka_bootstrap, topics.DLQ):
            if m.key and m.key.decode() in poison:
                letter = json.loads(m.value)
                if str(letter["stage"]).startswith("search."):
                    letters[m.key.decode()] = letter
                else:
                    stories.add(m.key.decode())
        await asyncio.sleep(1)
    assert set(letters) == set(poison)
    assert f"badjson-{unique}" in stories  # the other reader did not choke on it either
    assert letters[f"baddate-{unique}"]["stage"] == "search.index"
    assert "rejected by Elasticsearch" in str(letters[f"baddate-{unique}"]["error"])
    assert letters[f"badjson-{unique}"]["stage"] == "search.schema"
    assert await es_count(fault_stack, list(poison)) == 0
    await record(fault_stack, "poison on articles.enriched (5 kinds)", good,
                 prefix("enriched-poison") + "good-")  # fmt: skip


async def test_poison_on_raw_goes_to_dlq_and_the_stream_goes_on(fault_stack: Stack,
                                                                unique: str) -> None:  # fmt: skip
    def raw(key: str, **fields: object) -> bytes:
        return json.dumps({"id": key, "received_at": "2025-01-01T00:00:00Z",
                           "content_type": "text/plain"} | fields).encode()  # fmt: skip

    poison = {
        f"huge-{unique}": raw(f"huge-{unique}", text="word " * 1_800_000),  # 9 MB of text
        f"nested-{unique}": raw(
            f"nested-{unique}",
            content_type="text/html",
            html="<div>" * 50_000 + "deep" + "</div>" * 50_000,
        ),
        f"json-{unique}": b'{"id": "unterminated',
        f"utf8-{unique}": b"\xc3\x28 not utf-8",
        f"schema-{unique}": json.dumps({"id": f"schema-{unique}", "text": 5}).encode(),
        f"german-{unique}": raw(
            f"german-{unique}",
            text="BERLIN — Die Bundesregierung hat am "
            "Montag ein neues Gesetz beschlossen, das die Mieten in den "
            "Großstädten begrenzen soll, teilte ein Sprecher mit.",
        ),
    }
    good_id = f"after-{unique}"
    producer = AIOKafkaProducer(bootstrap_servers=fault_stack.config.kafka_bootstrap, acks="all",
                                max_request_size=10_485_760)  # fmt: skip
    await producer.start()
    try:
        for key, value in poison.items():
            await producer.send_and_wait(topics.RAW, value, key=key.encode())
        await producer.send_and_wait(topics.RAW, raw(good_id, url=prefix("raw-poison") + good_id,
                                                     text=(
            "ROME — Italy's parliament approved a law on Tuesday that cuts 300 local councils, "
            "officials said.")), key=good_id.encode())  # fmt: skip
    finally:
        await producer.stop()
    assert await wait_count(fault_stack, [good_id], timeout=120) == 1
    dlq = [json.loads(m.value) for m in await read_all(fault_stack.config.kafka_bootstrap,
                                                             topics.DLQ)]  # fmt: skip
    by_id = {d.get("id"): d for d in dlq}
    assert "limit" in by_id[f"huge-{unique}"]["error"]
    assert "language 'de'" in by_id[f"german-{unique}"]["error"]
    assert by_id[f"schema-{unique}"]["stage"] == "decode"
    decode_errors = [d for d in dlq if d["stage"] == "decode"]
    assert any(d["payload"] == '{"id": "unterminated' for d in decode_errors)
    assert any("base64" in d["payload"] for d in decode_errors if isinstance(d["payload"], dict))
    nested = by_id.get(f"nested-{unique}")  # a DLQ entry with a reason, or enriched: never a crash
    assert nested is None or nested["error"]
    assert (
        await httpx.AsyncClient().get(url(fault_stack, "enrich") + "/healthz")
    ).status_code == 200
    await record(fault_stack, "poison on articles.raw (6 kinds)", [good_id], prefix("raw-poison"))


async def test_sigterm_drains_in_flight_requests(fault_stack: Stack) -> None:
    """A request in flight when ingest gets SIGTERM is answered, not cut off."""
    await asyncio.to_thread(fault_stack.down, ["kafka"])  # so a POST waits (publish timeout 3 s)
    try:
        async with httpx.AsyncClient(base_url=url(fault_stack, "ingest"), timeout=30) as client:
            in_flight = asyncio.create_task(client.post("/articles", json={"text": "In flight."}))
            await asyncio.sleep(1.0)
            pid = fault_stack.managed("ingest").pid()
            assert pid is not None and not in_flight.done()
            os.kill(pid, signal.SIGTERM)
            response = await in_flight
            assert response.status_code == 503  # a whole answer: Kafka never acknowledged it
        deadline = time.monotonic() + 30
        while fault_stack.managed("ingest").pid() is not None and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        assert fault_stack.managed("ingest").pid() is None, "ingest did not exit after draining"
    finally:
        await asyncio.to_thread(fault_stack.up, ["kafka", "ingest"])


async def test_stack_down_then_up_keeps_data_and_positions(fault_stack: Stack) -> None:
    """Run last in this module: SIGTERM everything, start again, nothing redone or skipped."""
    bootstrap = fault_stack.config.kafka_bootstrap
    indexed = await es_count(fault_stack)
    enriched_before = len(await read_all(bootstrap, topics.ENRICHED))
    await asyncio.to_thread(fault_stack.down)
    await asyncio.to_thread(up_side_by_side, fault_stack)
    assert await es_count(fault_stack) == indexed
    # New articles on every partition of articles.raw, waited for until indexed: enrich and the
    # indexer read each partition in order, so a consumer that lost its position has re-read
    # (and enrich re-published) what came before them by then. This replaced a fixed 8 s sleep.
    ids = await post_batch(fault_stack, articles(20, "after-restart"))
    parts = fault_stack.config.topic_partitions
    assert {partition_of_id(i, parts) for i in ids} == set(range(parts))
    assert await wait_count(fault_stack, ids, timeout=90) == 20
    assert len(await read_all(bootstrap, topics.ENRICHED)) == enriched_before + 20
    assert await es_count(fault_stack) == indexed + 20
    await record(fault_stack, "stack down + up (SIGTERM all)", ids, prefix("after-restart"))
