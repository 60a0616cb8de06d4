"""The enrich agent: articles.raw in, articles.enriched (or articles.dlq) out. Stays thin."""

from __future__ import annotations

import base64
import logging
import time
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from typing import Any

from aiohttp import web as aioweb
from newsflow_contracts.events import ArticleEnriched, ArticleReceived, DeadLetter
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from pydantic import ValidationError

from newsflow_enrich.app import app, dlq_topic, enriched_topic, raw_topic
from newsflow_enrich.config import get_settings
from newsflow_enrich.errors import InvalidMessage, NewsflowError
from newsflow_enrich.workers import Pool

log = logging.getLogger(__name__)

ENRICHED = Counter("newsflow_enrich_enriched_total", "Articles enriched and published")
DEAD = Counter("newsflow_enrich_dlq_total", "Messages sent to the DLQ", ["stage"])
BATCH_SECONDS = Histogram("newsflow_enrich_batch_seconds", "Time to enrich one batch")
WORDS = Counter("newsflow_enrich_words_total", "Words of story text enriched")
MAX_DLQ_PAYLOAD = 1_000_000

_pool: Pool | None = None


def pool() -> Pool:
    global _pool
    if _pool is None:
        s = get_settings()
        _pool = Pool(s.model, s.max_chars, s.processes, s.ner, s.indexed_ruler, s.ner_vote)
    return _pool


def decode(value: Any) -> ArticleReceived:
    if not isinstance(value, bytes | str):
        raise InvalidMessage(f"message value is {type(value).__name__}, not JSON bytes")
    try:
        return ArticleReceived.model_validate_json(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "value"
        raise InvalidMessage(f"not an article: {where}: {first['msg']}") from None


def dead_letter(error: NewsflowError | Exception, value: Any, article_id: str | None) -> bytes:
    stage = error.stage if isinstance(error, NewsflowError) else "enrich"
    DEAD.labels(stage).inc()
    payload: Any
    if isinstance(value, bytes):
        try:
            payload = value[:MAX_DLQ_PAYLOAD].decode("utf-8")
        except UnicodeDecodeError:
            payload = {"base64": base64.b64encode(value[:MAX_DLQ_PAYLOAD]).decode()}
    else:
        payload = value
    letter = DeadLetter(error=str(error) or type(error).__name__, stage=stage, payload=payload,
                        id=article_id, failed_at=datetime.now(UTC))  # fmt: skip
    log.warning(
        "dead letter", extra={"article_id": article_id, "stage": stage, "error": str(error)}
    )
    return letter.model_dump_json().encode()


async def enrich_batch(
    raws: list[ArticleReceived],
) -> list[ArticleEnriched | NewsflowError | Exception]:
    """Enrich a batch; if a worker process dies (a poison article), isolate it one by one."""
    global _pool
    try:
        return list(await pool().enrich(raws))
    except BrokenProcessPool:
        log.error("an enrich worker process died; retrying the batch one article at a time")
    results: list[ArticleEnriched | NewsflowError | Exception] = []
    for raw in raws:
        _pool = None
        try:
            [result] = await pool().enrich([raw])
            results.append(result)
        except BrokenProcessPool as exc:
            results.append(RuntimeError(f"the enrich worker crashed on this article: {exc!r}"))
    _pool = None
    return results


@app.agent(raw_topic)
async def enrich_articles(stream: Any) -> None:
    settings = get_settings()
    await pool().warm_up()
    async for events in stream.take_events(settings.batch_size, within=settings.batch_within_s):
        started = time.monotonic()
        outputs: list[tuple[bytes | None, bytes, Any]] = []  # (key, value, topic)
        raws: list[ArticleReceived] = []
        for event in events:
            key = event.key if isinstance(event.key, bytes) else None
            try:
                raws.append(decode(event.value))
            except InvalidMessage as exc:
                # Keyed like the message it replaces, so a producer can find its own failures.
                key_text = key.decode(errors="replace") if key else None
                outputs.append((key, dead_letter(exc, event.value, key_text), dlq_topic))
        for raw, result in zip(raws, await enrich_batch(raws), strict=True):
            key = raw.id.encode()
            if isinstance(result, ArticleEnriched):
                outputs.append((key, result.model_dump_json().encode(), enriched_topic))
                WORDS.inc(len(result.body.split()))
            else:
                outputs.append((key, dead_letter(result, raw.model_dump(mode="json"), raw.id),
                                dlq_topic))  # fmt: skip
        # Wait for every acknowledgement before taking the next batch: faust commits the
        # offsets of this batch only after that, so a crash re-reads rather than loses.
        futures = [await topic.send(key=key, value=value) for key, value, topic in outputs]
        for fut in futures:
            await fut
        ENRICHED.inc(sum(t is enriched_topic for _, _, t in outputs))
        BATCH_SECONDS.observe(time.monotonic() - started)


@app.page("/healthz")
async def healthz(web: Any, request: Any) -> Any:
    problems = []
    if _pool is None or _pool.model is None:
        problems.append("the NER model is not loaded yet")
    if not app.producer or not getattr(app.producer, "_producer", None):
        problems.append("the Kafka producer is not started")
    if problems:
        return web.json({"status": "unavailable", "reason": "; ".join(problems)}, status=503)
    return web.json({"status": "ok", "model": _pool.model if _pool else None})


@app.page("/metrics")
async def metrics(web: Any, request: Any) -> Any:
    return aioweb.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})
