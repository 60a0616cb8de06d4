"""A service's FastAPI app in process, for tests: its lifespan run and an httpx client on it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI


@asynccontextmanager
async def serving(
    app: FastAPI, base_url: str = "http://search"
) -> AsyncIterator[httpx.AsyncClient]:
    """Start the app as uvicorn would (lifespan: clients, consumers), then talk to it over ASGI."""
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url=base_url) as client,
    ):
        yield client
