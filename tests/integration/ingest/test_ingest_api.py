"""Ingest against the real broker: 202 only after Kafka has the article, clear 4xx, 503."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from aiokafka import AIOKafkaConsumer
from newsflow_cli.processes import free_port
from newsflow_contracts import topics
from newsflow_contracts.events import ArticleReceived
from newsflow_ingest.config import IngestSettings
from newsflow_ingest.main import create_app

from tests.asgi import serving
from tests.conftest import REPO


async def _client(bootstrap: str, **settings: object) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(IngestSettings(**settings), bootstrap=bootstrap)
    async with serving(app, "http://ingest") as client:
        yield client


@pytest.fixture
async def client(kafka_bootstrap: str) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client(kafka_bootstrap, max_body_bytes=100_000, publish_timeout_s=5):
        yield c


async def _read_raw(bootstrap: str, ids: set[str]) -> dict[str, list[ArticleReceived]]:
    """Every message on articles.raw for these ids (the topic is shared across tests)."""
    consumer = AIOKafkaConsumer(topics.RAW, bootstrap_servers=bootstrap,
                                auto_offset_reset="earliest", group_id=None)  # fmt: skip
    await consumer.start()
    found: dict[str, list[ArticleReceived]] = {}
    try:
        end = await consumer.end_offsets(list(consumer.assignment()))
        while any([await consumer.position(tp) < off for tp, off in end.items()]):
            for msgs in (await consumer.getmany(timeout_ms=2000)).values():
                for m in msgs:
                    if m.key is None or m.key.decode() not in ids:
                        continue  # other tests' messages, poison included
                    ev = ArticleReceived.model_validate_json(m.value)
                    if ev.id in ids:
                        assert m.key == ev.id.encode()
                        found.setdefault(ev.id, []).append(ev)
    finally:
        await consumer.stop()
    return found


async def test_seed_as_plain_text_is_on_the_topic_when_202_comes(
    client: httpx.AsyncClient, kafka_bootstrap: str, unique: str
) -> None:
    # A scraped page, but not the seed: a near-copy of the seed indexed here first would make
    # the end-to-end test's seed a grouped wire copy when the suite runs in another order.
    text = (REPO / "demo" / "court.txt").read_text() + f"\n{unique}"
    r = await client.post("/articles", content=text, headers={"content-type": "text/plain"},
                          params={"source": "seed"})  # fmt: skip
    assert r.status_code == 202, r.text
    art_id = r.json()["id"]
    assert r.json()["status"] == "accepted"
    [event] = (await _read_raw(kafka_bootstrap, {art_id}))[art_id]
    assert event.text == text and event.source == "seed" and event.content_type == "text/plain"


async def test_the_same_article_twice_gets_the_same_id(
    client: httpx.AsyncClient, unique: str
) -> None:
    body = {"url": f"https://news.test/{unique}", "title": "T", "text": "Some story."}
    a = await client.post("/articles", json=body)
    b = await client.post("/articles", json=body | {"text": "Some story, updated."})
    assert a.status_code == b.status_code == 202
    assert a.json()["id"] == b.json()["id"]


async def test_batch_json_and_ndjson_give_per_item_results(
    client: httpx.AsyncClient, kafka_bootstrap: str, unique: str
) -> None:
    items = [
        {"text": f"story one {unique}"},
        {"title": "no text"},
        {"html": f"<p>two {unique}</p>"},
    ]
    r = await client.post("/articles/batch", json=items)
    assert r.status_code == 207
    body = r.json()
    assert (body["accepted"], body["rejected"], body["failed"]) == (2, 1, 0)
    assert [x["status"] for x in body["results"]] == ["accepted", "rejected", "accepted"]
    assert body["results"][1]["error"]["status"] == 422
    ids = {x["id"] for x in body["results"] if "id" in x}
    assert set(await _read_raw(kafka_bootstrap, ids)) == ids
    nd = "\n".join(json.dumps({"text": f"nd {i} {unique}"}) for i in range(3))
    r = await client.post("/articles/batch", content=nd,
                          headers={"content-type": "application/x-ndjson"})  # fmt: skip
    assert r.status_code == 202 and r.json()["accepted"] == 3


@pytest.mark.parametrize(
    ("content", "ctype", "status", "field"),
    [
        (b"{broken", "application/json", 400, "body"),
        (b'{"title": "x"}', "application/json", 422, "body"),
        (b"x" * 100_001, "text/plain", 413, "body"),
        (b"hello", "application/xml", 415, "Content-Type"),
        (b"\xff\xfe", "text/plain", 400, "body"),
    ],
)
async def test_errors_are_problem_json_naming_the_field(
    client: httpx.AsyncClient, content: bytes, ctype: str, status: int, field: str
) -> None:
    r = await client.post("/articles", content=content, headers={"content-type": ctype})
    assert r.status_code == status
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["field"] == field and r.json()["status"] == status


async def test_broker_unreachable_is_503_and_nothing_is_accepted() -> None:
    async for client in _client(f"127.0.0.1:{free_port()}", publish_timeout_s=1):
        r = await client.post(
            "/articles", content="A story.", headers={"content-type": "text/plain"}
        )
        assert r.status_code == 503
        assert r.headers["retry-after"]
        assert "Kafka" in r.json()["detail"]
        health = await client.get("/healthz")
        assert health.status_code == 503 and "Kafka" in health.json()["reason"]


async def test_api_key_when_configured(kafka_bootstrap: str) -> None:
    async for client in _client(kafka_bootstrap, api_key="s3cret"):
        r = await client.post(
            "/articles", content="A story.", headers={"content-type": "text/plain"}
        )
        assert r.status_code == 401
        r = await client.post("/articles", content="A story.",
                              headers={"content-type": "text/plain", "x-api-key": "s3cret"})  # fmt: skip
        assert r.status_code == 202


async def test_health_and_metrics(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).status_code == 200
    await client.post("/articles", content="Counted story.", headers={"content-type": "text/plain"})
    metrics = (await client.get("/metrics")).text
    assert "newsflow_ingest_published_total" in metrics


async def test_cors_only_for_configured_origins(kafka_bootstrap: str) -> None:
    async for client in _client(kafka_bootstrap, cors_origins=["http://newsroom.test"]):
        pre = await client.options(
            "/articles",
            headers={"origin": "http://newsroom.test", "access-control-request-method": "POST"},
        )
        assert pre.headers["access-control-allow-origin"] == "http://newsroom.test"
        bad = await client.options(
            "/articles",
            headers={"origin": "http://evil.test", "access-control-request-method": "POST"},
        )
        assert "access-control-allow-origin" not in bad.headers
