"""spaCy runs in worker processes, never on the event loop; each process loads the model once."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from newsflow_contracts.events import ArticleEnriched, ArticleReceived
from thinc.api import NumpyOps, set_current_ops

from newsflow_enrich.config import DEFAULT_NER, DEFAULT_NER_VOTE
from newsflow_enrich.errors import NewsflowError
from newsflow_enrich.pipeline import Enricher

_enricher: Enricher | None = None


def _init(model: str, max_chars: int, ner: str, indexed_ruler: bool, ner_vote: str) -> None:
    global _enricher
    numpy_gemm()
    _enricher = Enricher(model, max_chars, ner, indexed_ruler, ner_vote=ner_vote)


def _run(raws: list[ArticleReceived]) -> list[ArticleEnriched | NewsflowError]:
    assert _enricher is not None
    return _enricher.enrich_many(raws)


def _model_name() -> str:
    assert _enricher is not None
    return _enricher.pipeline.model


def _split(raws: list[ArticleReceived], n: int) -> list[list[int]]:
    """Indices of `raws` in at most `n` parts of about equal text length (spaCy's time grows with
    the text, so equal counts of unequal articles would leave one process waiting for the other)."""
    n = max(1, min(n, len(raws)))
    parts: list[list[int]] = [[] for _ in range(n)]
    sizes = [0] * n
    for i in sorted(range(len(raws)), key=lambda i: -len(raws[i].text or raws[i].html or "")):
        k = sizes.index(min(sizes))
        parts[k].append(i)
        sizes[k] += len(raws[i].text or raws[i].html or "")
    return [sorted(p) for p in parts if p]


def single_threaded_blas() -> None:
    """Processes spawned after this start numpy's OpenBLAS with one thread, unless the
    environment says otherwise. Its extra thread never works here (spaCy's matrix products go to
    blis), yet a process with two threads cost ~12% more CPU for the same `nlp.pipe` in
    bench/README's measurement (glibc's allocator takes its locks once a second thread exists).
    Set in the parent because numpy reads it when a spawned process imports it, before any
    initializer runs."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def numpy_gemm() -> None:
    """thinc's matrix products (tok2vec, the parser's and NER's input layers) through numpy's
    OpenBLAS, not blis, in a process where OpenBLAS runs one thread (single_threaded_blas): ~6%
    less CPU for the same `nlp.pipe`, with the same tags, parses and entities (bench/README).
    With more OpenBLAS threads numpy would spread a product over them, so blis stays."""
    if os.environ.get("OPENBLAS_NUM_THREADS") == "1":
        set_current_ops(NumpyOps(use_blis=False))


class Pool:
    def __init__(self, model: str, max_chars: int, processes: int, ner: str = DEFAULT_NER,
                 indexed_ruler: bool = True, ner_vote: str = DEFAULT_NER_VOTE) -> None:  # fmt: skip
        single_threaded_blas()
        # spawn, not fork: the parent runs an event loop and Kafka connections.
        ctx = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(processes, ctx, initializer=_init,
                                         initargs=(model, max_chars, ner, indexed_ruler,
                                                   ner_vote))  # fmt: skip
        self.processes = processes
        self.model: str | None = None

    async def warm_up(self) -> str:
        """Load the model in every worker process (submitted at once, so each one starts now
        rather than in the middle of the first batch) and report its name."""
        loop = asyncio.get_running_loop()
        names = await asyncio.gather(*(loop.run_in_executor(self._pool, _model_name)
                                       for _ in range(self.processes)))  # fmt: skip
        self.model = names[0]
        return self.model

    async def enrich(self, raws: list[ArticleReceived]) -> list[ArticleEnriched | NewsflowError]:
        """Enrich a batch, split over the worker processes so that all of them parse at once
        (one call per process; a whole batch in one call keeps all but one process idle).
        Results come back in the order of `raws`."""
        loop = asyncio.get_running_loop()
        parts = _split(raws, self.processes)
        if len(parts) == 1:
            return await loop.run_in_executor(self._pool, _run, raws)
        done = await asyncio.gather(*(loop.run_in_executor(self._pool, _run, [raws[i] for i in part])
                                      for part in parts))  # fmt: skip
        results: list[ArticleEnriched | NewsflowError | None] = [None] * len(raws)
        for part, outs in zip(parts, done, strict=True):
            for i, out in zip(part, outs, strict=True):
                results[i] = out
        return [r for r in results if r is not None]

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
