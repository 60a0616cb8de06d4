"""`newsflow stack up | down | status`: the local broker, search engine and services.

The same code serves the CLI and the test fixtures (which give it free ports and a temp state dir).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsflow_cli import fetch
from newsflow_cli.components import ALL, CLASSES, INFRA, REPO, Component, StackConfig
from newsflow_cli.processes import Managed, StackError, group_rss_mb, port_free


@dataclass
class Status:
    name: str
    pid: int | None
    healthy: bool
    detail: str
    where: str
    rss_mb: float | None = None


class Stack:
    def __init__(self, config: StackConfig, say: Callable[[str], None] = print) -> None:
        self.config = config
        self.say = say

    def component(self, name: str) -> Component:
        return CLASSES[name](self.config)

    def managed(self, name: str) -> Managed:
        return Managed(name, self.config.state_dir / "run", self.config.state_dir / "logs")

    def fetch(self, parts: Iterable[str] = INFRA) -> None:
        fetch.fetch_all(self.config.lib_dir, self.say, [p for p in INFRA if p in parts])

    def up(self, names: Iterable[str] = ALL) -> dict[str, float]:
        """Start what is not running yet, in order, each healthy before the next. Idempotent.

        Returns the seconds each started component took to become healthy.
        """
        names = list(names)
        self.fetch(names)
        timings: dict[str, float] = {}
        for name in names:
            comp, proc = self.component(name), self.managed(name)
            if proc.pid() is not None:
                ok, detail = comp.check()
                self.say(f"{name}: already running (pid {proc.pid()}), {detail}")
                if not ok:
                    proc.wait_healthy(None, comp.check, comp.startup_timeout)
                continue
            taken = [p for p in comp.ports() if not port_free(p)]
            if taken:
                raise StackError(
                    f"cannot start {name}: port {taken[0]} is already taken by another process "
                    f"(stop it, or choose another port with the NEWSFLOW_* variables)"
                )
            comp.prepare()
            popen = proc.start(comp.argv(), comp.env(), cwd=REPO)
            timings[name] = proc.wait_healthy(popen, comp.check, comp.startup_timeout)
            self.say(f"{name}: up at {comp.where()} in {timings[name]:.1f}s (pid {popen.pid})")
            if name == "kafka":
                asyncio.run(ensure_topics(self.config.kafka_bootstrap))
        return timings

    def down(self, names: Iterable[str] = ALL) -> list[str]:
        """Stop, in reverse order, what our pid files say we started. Returns what was stopped."""
        stopped = []
        for name in reversed(list(names)):
            if self.managed(name).stop():
                stopped.append(name)
                self.say(f"{name}: stopped")
        return stopped

    def status(self, names: Iterable[str] = ALL) -> list[Status]:
        result = []
        for name in names:
            comp, pid = self.component(name), self.managed(name).pid()
            ok, detail = comp.check() if pid is not None else (False, "not running")
            rss = group_rss_mb(pid) if pid is not None else None
            result.append(Status(name, pid, ok, detail, comp.where(), rss))
        return result


async def ensure_topics(bootstrap: str, partitions: int = 2) -> None:
    """Create the contract's topics (idempotent), so subscribers can attach before any data."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError
    from newsflow_contracts import topics

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(t, partitions, 1) for t in topics.ALL if t not in existing]
        if missing:
            try:
                await admin.create_topics(missing)
            except TopicAlreadyExistsError:
                pass
        # The controller answers before the leaders are elected; wait until all have one.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            described = await admin.describe_topics(list(topics.ALL))
            if all(t["partitions"] and all(p["leader"] >= 0 for p in t["partitions"])
                   for t in described):  # fmt: skip
                return
            await asyncio.sleep(0.2)
    finally:
        await admin.close()
