"""The whole stack, as a user and an outside subscriber see it: HTTP in, Kafka out, search."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from newsflow_contracts import topics
from newsflow_contracts.events import ArticleEnriched, DeadLetter

from tests.conftest import SEED
from tests.e2e.conftest import search_until, wait_for_key


async def test_seed_flows_from_http_to_kafka_to_search(urls: dict[str, str], kafka_bootstrap: str,
                                                       es_url: str) -> None:  # fmt: skip
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=urls["ingest"], timeout=30) as ingest:
        r = await ingest.post("/articles", content=SEED.read_bytes(),
                              headers={"content-type": "text/plain"}, params={"source": "seed"})  # fmt: skip
        assert r.status_code == 202, r.text
        article_id = r.json()["id"]

    raw = await wait_for_key(kafka_bootstrap, topics.ENRICHED, article_id)
    event = ArticleEnriched.model_validate(raw)
    assert event.schema_version == "1" and event.source == "seed"
    assert event.title == "US-backed fighters break into Daesh holdout in East Syria"
    assert "SDF" in {a for e in event.entities for a in e.aliases}

    async with httpx.AsyncClient(base_url=urls["search"], timeout=30) as search:
        hit = await search_until(search, {"q": "Hajin"}, article_id)
        latency = time.monotonic() - started
        print(f"end-to-end latency (202 -> searchable): {latency:.2f}s")
        assert any("<mark>Hajin</mark>" in f for f in hit["highlights"]["body"])
        await search_until(search, {"entity": "Qamishli"}, article_id)
        await search_until(search, {"entity": "SDF"}, article_id)
        await search_until(search, {"fig_object": "civilians", "fig_event": "killed",
                                    "fig_min": 100}, article_id)  # fmt: skip
        # "how many civilians fled": the seed says "to flee".
        await search_until(search, {"fig_object": "civilians", "fig_event": "fled"}, article_id)
        r = await search.get("/search", params={"fig_object": "civilians", "fig_min": 5000})
        assert article_id not in [h["id"] for h in r.json()["hits"]]
        body = (await search.get("/search", params={"q": "Hajin"})).json()
        assert body["facets"]["agencies"] == [{"name": "AFP", "count": body["total"]}]
        full = (await search.get(f"/articles/{article_id}")).json()
        # The same event; `story_id` is the search service's addition once a story has it.
        got = ArticleEnriched.model_validate(full)
        assert got == event.model_copy(update={"story_id": got.story_id})

        # The same article again: same id, still one document.
        async with httpx.AsyncClient(base_url=urls["ingest"], timeout=30) as ingest:
            again = await ingest.post("/articles", content=SEED.read_bytes(),
                                      headers={"content-type": "text/plain"})  # fmt: skip
        assert again.json()["id"] == article_id
        await asyncio.sleep(2.5)  # past a refresh: a duplicate would be visible now
    async with httpx.AsyncClient(base_url=es_url) as es:
        count = (await es.post("/articles/_count",
                               json={"query": {"ids": {"values": [article_id]}}})).json()  # fmt: skip
        total = await es.post("/articles/_count", json={"query": {"match": {"body": "Hajin"}}})
        assert count["count"] == 1
        assert total.json()["count"] == 1


async def test_poison_goes_to_the_dlq_and_the_stream_goes_on(urls: dict[str, str],
                                                             kafka_bootstrap: str,
                                                             unique: str) -> None:  # fmt: skip
    poison = [b"{not json", b'{"schema_version": "1", "id": "x"}', b"\xff\xfe\x00",
              json.dumps({"id": f"empty-{unique}", "received_at": "2025-01-01T00:00:00Z",
                          "content_type": "text/plain", "text": "   "}).encode()]  # fmt: skip
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    await producer.start()
    try:
        for i, value in enumerate(poison):
            await producer.send_and_wait(topics.RAW, value, key=f"poison-{unique}-{i}".encode())
    finally:
        await producer.stop()
    async with httpx.AsyncClient(base_url=urls["ingest"], timeout=30) as ingest:
        good = await ingest.post("/articles", json={
            "title": "After the poison", "text": f"ROME — Italy's parliament approved a law on "
            f"Tuesday that cuts 300 local councils, officials said. Ref {unique}."})  # fmt: skip
        assert good.status_code == 202
    letter = DeadLetter.model_validate(
        await wait_for_key(kafka_bootstrap, topics.DLQ, f"empty-{unique}")
    )
    assert letter.stage == "extract" and "empty" in letter.error
    assert letter.payload["id"] == f"empty-{unique}"
    enriched = await wait_for_key(kafka_bootstrap, topics.ENRICHED, good.json()["id"])
    assert enriched["title"] == "After the poison"
    dlq = AIOKafkaConsumer(topics.DLQ, bootstrap_servers=kafka_bootstrap, group_id=None,
                           auto_offset_reset="earliest")  # fmt: skip
    await dlq.start()
    stages = []
    try:
        for msgs in (await dlq.getmany(timeout_ms=3000)).values():
            stages += [json.loads(m.value) for m in msgs]
    finally:
        await dlq.stop()
    decode_errors = [d for d in stages if d["stage"] == "decode"]
    assert len(decode_errors) >= 3
    assert any(d["payload"] == "{not json" for d in decode_errors)


async def test_every_service_reports_health_and_metrics(urls: dict[str, str]) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        for name, url in urls.items():
            health = await client.get(f"{url}/healthz")
            assert health.status_code == 200, (name, health.text)
            metrics = await client.get(f"{url}/metrics")
            assert metrics.status_code == 200
            assert f"newsflow_{name}_" in metrics.text


async def test_standing_query_alerts_on_a_newly_fed_article(urls: dict[str, str],
                                                            kafka_bootstrap: str,
                                                            unique: str) -> None:  # fmt: skip
    async with httpx.AsyncClient(base_url=urls["search"], timeout=30) as search:
        r = await search.post("/subscriptions", json={"query": "Daesh", "name": f"watch {unique}"})
        assert r.status_code == 201, r.text
        sub_id = r.json()["id"]
        other = (await search.post("/subscriptions", json={"query": "volcano"})).json()["id"]
        async with httpx.AsyncClient(base_url=urls["ingest"], timeout=30) as ingest:
            fed = await ingest.post("/articles", json={
                "title": f"Daesh cell dismantled {unique}",
                "text": "BAGHDAD — Iraqi forces dismantled a Daesh cell in Anbar province on "
                        "Sunday and arrested five suspects, the interior ministry said."})  # fmt: skip
        article_id = fed.json()["id"]
        # other tests' subscriptions on this stack may match the article too: wait for ours
        alert = await wait_for_key(kafka_bootstrap, topics.ALERTS, article_id,
                                   where=lambda a: a["subscription_id"] == sub_id)  # fmt: skip
        assert alert["title"] == f"Daesh cell dismantled {unique}"
        matches = (await search.get(f"/subscriptions/{sub_id}/matches")).json()["matches"]
        assert [m["article_id"] for m in matches] == [article_id]
        assert (await search.get(f"/subscriptions/{other}/matches")).json()["matches"] == []
        assert (await search.delete(f"/subscriptions/{sub_id}")).status_code == 204
        assert (await search.get(f"/subscriptions/{sub_id}/matches")).status_code == 404
        bad = await search.post("/subscriptions", json={"query": "  "})
        assert bad.status_code == 422
