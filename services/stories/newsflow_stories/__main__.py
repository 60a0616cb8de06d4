"""`python -m newsflow_stories`: the story worker, with /healthz and /metrics on its port."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

from aiohttp import web
from newsflow_contracts.logs import setup_logging
from newsflow_contracts.settings import get_stack_settings
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from newsflow_stories.config import get_settings
from newsflow_stories.worker import StoryWorker

log = logging.getLogger("newsflow_stories")
RESTART_BACKOFF_S = (1, 2, 5, 10)


def web_app(holder: dict[str, StoryWorker]) -> web.Application:
    async def healthz(request: Any) -> web.Response:
        ok, body = holder["worker"].health()
        return web.json_response(body, status=200 if ok else 503)

    async def metrics(request: Any) -> web.Response:
        return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    return app


async def serve() -> None:
    stack, settings = get_stack_settings(), get_settings()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    holder = {"worker": StoryWorker(stack.kafka_bootstrap, settings)}
    runner = web.AppRunner(web_app(holder))
    await runner.setup()
    await web.TCPSite(runner, settings.host, settings.port).start()
    failures = 0
    try:
        while not stop.is_set():
            try:
                await holder["worker"].run(stop)
            except Exception:
                # A failed batch leaves the engine ahead of what was committed: start over from
                # the committed state, as after a crash.
                wait = RESTART_BACKOFF_S[min(failures, len(RESTART_BACKOFF_S) - 1)]
                log.exception("story worker failed; restarting from the committed state",
                              extra={"retry_in_s": wait})  # fmt: skip
                failures += 1
                holder["worker"] = StoryWorker(stack.kafka_bootstrap, settings)
                try:
                    await asyncio.wait_for(stop.wait(), wait)
                except TimeoutError:
                    pass
            else:
                failures = 0
    finally:
        await runner.cleanup()


def main() -> None:
    setup_logging("stories", get_stack_settings().log_level)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
