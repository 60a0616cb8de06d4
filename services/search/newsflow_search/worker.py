"""`python -m newsflow_search indexer [articles|stories]`: the indexers without the API, in a
process of their own (both by default), with /healthz and /metrics when
NEWSFLOW_SEARCH_INDEXER_PORT is set.

The local stack runs the story indexer so: sharing the API's event loop with the article
indexer, a story update waited behind that indexer's CPU work (near-duplicate signatures and
documents of a whole batch) and became visible seconds after its article (bench/README, issue
13). Each indexer keeps its own consumer group either way, so moving one between processes
re-reads nothing and skips nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import uvicorn
from elasticsearch import AsyncElasticsearch
from fastapi import FastAPI, Response
from fastapi.responses import PlainTextResponse
from newsflow_contracts.settings import get_stack_settings, url_list
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from newsflow_search.config import SearchSettings
from newsflow_search.main import KINDS, consumers, health, indexing


def kinds_of(args: Sequence[str]) -> list[str]:
    """The indexers named after `indexer` on the command line; none named: all of them."""
    unknown = [a for a in args if a not in KINDS]
    if unknown:
        raise SystemExit(f"unknown indexer(s) {unknown}; choose from {list(KINDS)}")
    return [k for k in KINDS if k in args] or list(KINDS)


def worker_app(settings: SearchSettings, kinds: Sequence[str], es_url: str | None = None,
               bootstrap: str | None = None) -> FastAPI:  # fmt: skip
    """The indexers of `kinds` as the lifespan of an app that answers /healthz and /metrics."""
    stack = get_stack_settings()
    es_url = es_url or stack.es_url
    bootstrap = bootstrap or stack.kafka_bootstrap

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with indexing(app, es_url, bootstrap, settings, kinds):
            yield

    app = FastAPI(title=f"newsflow search indexer ({', '.join(kinds)})", lifespan=lifespan)

    @app.get("/healthz")
    async def healthz() -> Response:
        return await health(app.state.es, es_url, app.state.consumers)

    @app.get("/metrics")
    async def metrics() -> Response:
        return PlainTextResponse(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app


async def _bare(settings: SearchSettings, kinds: Sequence[str]) -> None:
    """Without a port: only the consumers (as `indexer` ran before it had one)."""
    stack = get_stack_settings()
    es = AsyncElasticsearch(url_list(stack.es_url), request_timeout=10)
    try:
        running = consumers(es, stack.kafka_bootstrap, settings, kinds)
        await asyncio.gather(*(c.run() for c in running))
    finally:
        await es.close()


def run(settings: SearchSettings, args: Sequence[str]) -> None:
    kinds = kinds_of(args)
    if settings.indexer_port is None:
        asyncio.run(_bare(settings, kinds))
        return
    uvicorn.run(worker_app(settings, kinds), host=settings.host, port=settings.indexer_port,
                log_config=None, timeout_graceful_shutdown=15)  # fmt: skip
