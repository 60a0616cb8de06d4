"""spaCy runs in worker processes, never on the event loop; each process loads the model once."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from newsflow_contracts.events import ArticleEnriched, ArticleReceived

from newsflow_enrich.errors import NewsflowError
from newsflow_enrich.pipeline import Enricher

_enricher: Enricher | None = None


def _init(model: str, max_chars: int) -> None:
    global _enricher
    _enricher = Enricher(model, max_chars)


def _run(raws: list[ArticleReceived]) -> list[ArticleEnriched | NewsflowError]:
    assert _enricher is not None
    return _enricher.enrich_many(raws)


def _model_name() -> str:
    assert _enricher is not None
    return _enricher.pipeline.model


class Pool:
    def __init__(self, model: str, max_chars: int, processes: int) -> None:
        # spawn, not fork: the parent runs an event loop and Kafka connections.
        ctx = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(processes, ctx, initializer=_init,
                                         initargs=(model, max_chars))  # fmt: skip
        self.model: str | None = None

    async def warm_up(self) -> str:
        """Load the model in the workers (first call) and report its name."""
        loop = asyncio.get_running_loop()
        self.model = await loop.run_in_executor(self._pool, _model_name)
        return self.model

    async def enrich(self, raws: list[ArticleReceived]) -> list[ArticleEnriched | NewsflowError]:
        return await asyncio.get_running_loop().run_in_executor(self._pool, _run, raws)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
