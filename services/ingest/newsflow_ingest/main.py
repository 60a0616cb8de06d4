"""The ingest HTTP service: POST /articles and /articles/batch, answered after Kafka's ack."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse
from newsflow_contracts.settings import get_stack_settings
from prometheus_client import CONTENT_TYPE_LATEST, Counter, generate_latest

from newsflow_ingest import articles
from newsflow_ingest.config import IngestSettings, get_settings
from newsflow_ingest.errors import (
    BrokerUnavailable,
    NewsflowError,
    PayloadTooLarge,
    Unauthorized,
    handle,
)
from newsflow_ingest.publisher import Publisher

log = logging.getLogger(__name__)
REJECTED = Counter("newsflow_ingest_rejected_total", "Articles refused", ["status"])

BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": articles.ArticleIn.model_json_schema()},
            "text/html": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


def create_app(settings: IngestSettings | None = None, bootstrap: str | None = None) -> FastAPI:
    settings = settings or get_settings()
    bootstrap = bootstrap or get_stack_settings().kafka_bootstrap

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        publisher = Publisher(bootstrap, settings.publish_timeout_s)
        await publisher.start()
        app.state.publisher = publisher
        try:
            yield
        finally:
            await publisher.stop()

    app = FastAPI(title="newsflow ingest", version="1", lifespan=lifespan)
    app.add_exception_handler(NewsflowError, handle)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["POST"], allow_headers=["content-type", "x-api-key"])  # fmt: skip

    def publisher_dep(request: Request) -> Publisher:
        return request.app.state.publisher  # type: ignore[no-any-return]

    async def authorized(x_api_key: Annotated[str | None, Header()] = None) -> None:
        if settings.api_key and x_api_key != settings.api_key:
            raise Unauthorized("a valid X-API-Key header is required", field="X-API-Key")

    PublisherDep = Annotated[Publisher, Depends(publisher_dep)]

    async def read_body(request: Request) -> bytes:
        limit = settings.max_body_bytes
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise PayloadTooLarge(f"body is {declared} bytes; the limit is {limit}", field="body")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise PayloadTooLarge(f"body exceeds the limit of {limit} bytes", field="body")
            chunks.append(chunk)
        return b"".join(chunks)

    @app.post("/articles", status_code=202, openapi_extra=BODY_DOC,
              dependencies=[Depends(authorized)])  # fmt: skip
    async def post_article(
        request: Request,
        publisher: PublisherDep,
        url: Annotated[str | None, Query(max_length=4096)] = None,
        source: Annotated[str | None, Query(max_length=512)] = None,
    ) -> dict[str, str]:
        """One article: JSON, a raw HTML page or scraped text. 202 once Kafka has it."""
        try:
            body = await read_body(request)
            event = articles.from_body(body, request.headers.get("content-type", ""), url, source)
        except NewsflowError as exc:
            REJECTED.labels(str(exc.status)).inc()
            raise
        await publisher.publish(event)
        log.info("accepted", extra={"article_id": event.id, "content_type": event.content_type})
        return {"id": event.id, "status": "accepted"}

    @app.post("/articles/batch", openapi_extra=BODY_DOC | {"requestBody": {"required": True,
              "content": {"application/json": {"schema": {"type": "array",
              "items": articles.ArticleIn.model_json_schema()}},
              "application/x-ndjson": {"schema": {"type": "string"}}}}},
              dependencies=[Depends(authorized)])  # fmt: skip
    async def post_batch(request: Request, publisher: PublisherDep) -> JSONResponse:
        """Many JSON articles (array or NDJSON). Per-item results; valid items are published."""
        body = await read_body(request)
        items = articles.batch_items(body, request.headers.get("content-type", ""))
        if len(items) > settings.max_batch_items:
            raise PayloadTooLarge(f"{len(items)} items; the limit is {settings.max_batch_items}",
                                  field="body")  # fmt: skip
        parsed = [articles.from_item(item, i) for i, item in enumerate(items)]
        good = [(i, p) for i, p in enumerate(parsed) if not isinstance(p, NewsflowError)]
        errors = await publisher.publish_many([p for _, p in good]) if good else []
        results: list[dict[str, Any]] = [{} for _ in parsed]
        for i, p in enumerate(parsed):
            if isinstance(p, NewsflowError):
                REJECTED.labels(str(p.status)).inc()
                results[i] = {"status": "rejected", "error": p.problem()}
        for (i, p), err in zip(good, errors, strict=True):
            results[i] = ({"id": p.id, "status": "accepted"} if err is None
                          else {"id": p.id, "status": "failed", "error": err})  # fmt: skip
        counts = {
            s: sum(r["status"] == s for r in results) for s in ("accepted", "rejected", "failed")
        }
        if good and counts["accepted"] == 0:
            # Nothing was written: the whole request failed, as a single POST would.
            raise BrokerUnavailable(publisher.last_error or "Kafka did not acknowledge")
        code = 202 if counts["accepted"] == len(results) else 207
        return JSONResponse({**counts, "results": results}, status_code=code)

    @app.get("/healthz")
    async def healthz(publisher: PublisherDep) -> Response:
        ok, reason = await publisher.healthy()
        return JSONResponse({"status": "ok" if ok else "unavailable", "reason": reason},
                            status_code=200 if ok else 503)  # fmt: skip

    @app.get("/metrics")
    async def metrics() -> Response:
        return PlainTextResponse(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app
