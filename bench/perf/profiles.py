"""Where the ingest service's CPU goes: the service itself run under cProfile (its own process,
same environment), loaded like the measured run, stopped with SIGTERM so the profile is written."""

from __future__ import annotations

import io
import os
import pstats
import signal
import sys
from pathlib import Path
from typing import Any

from newsflow_cli.components import REPO, Ingest
from newsflow_cli.processes import Managed

from bench.perf import corpus, load


async def ingest_profile(bench: Any, progress: Any, out: Path, quick: bool) -> dict[str, Any]:
    import asyncio

    await asyncio.to_thread(bench.down, ["ingest"])
    prof = out / "ingest.prof"
    prof.unlink(missing_ok=True)
    comp = Ingest(bench.config)
    proc = Managed(
        "ingest-profiled", bench.config.state_dir / "run", bench.config.state_dir / "logs"
    )
    argv = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "newsflow_ingest"]
    popen = proc.start(argv, comp.env(), cwd=REPO)
    try:
        await asyncio.to_thread(proc.wait_healthy, popen, comp.check, comp.startup_timeout)
        base = comp.where()
        n = 2000 if quick else 6000
        await load.batch_throughput(base, corpus.build(n, offset=3_000_000), 250, 4, progress)
        await load.open_loop(base, corpus.build(n // 4, offset=4_000_000), 200, progress,
                             "ingest single under cProfile")  # fmt: skip
    finally:
        # SIGINT, to the service only: uvicorn drains, then re-raises it as KeyboardInterrupt,
        # which cProfile survives to write the profile (SIGTERM would kill it before that).
        pid = proc.pid()
        if pid is not None:
            os.kill(pid, signal.SIGINT)
            for _ in range(100):
                if popen.poll() is not None:
                    break
                await asyncio.sleep(0.2)
        await asyncio.to_thread(proc.stop)
    return summarize(prof, 30)


def summarize(path: Path, top: int) -> dict[str, Any]:
    if not path.exists():
        return {"error": f"no profile written at {path}"}
    buf = io.StringIO()
    stats = pstats.Stats(str(path), stream=buf)
    stats.sort_stats("tottime").print_stats(top)
    total = stats.total_tt  # type: ignore[attr-defined]
    return {
        "profile": str(path),
        "total_s": total,
        "top_tottime": buf.getvalue().splitlines()[: top + 12],
    }
