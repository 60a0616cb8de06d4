"""`newsflow stack up | down | status`: the local broker, search engine and services.

The same code serves the CLI and the test fixtures (which give it free ports and a temp state dir).
"""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from newsflow_cli import fetch
from newsflow_cli.components import (
    ALL,
    CLUSTER_MARK,
    INFRA,
    REPO,
    Component,
    StackConfig,
    component,
    expand,
)
from newsflow_cli.processes import Managed, StackError, group_rss_mb, port_free


@dataclass
class Status:
    name: str
    pid: int | None
    healthy: bool
    detail: str
    where: str
    rss_mb: float | None = None
    role: str = ""


class Stack:
    def __init__(self, config: StackConfig, say: Callable[[str], None] = print) -> None:
        self.config = config
        self.say = say

    def component(self, name: str) -> Component:
        return component(self.config, name)

    def managed(self, name: str) -> Managed:
        return Managed(name, self.config.state_dir / "run", self.config.state_dir / "logs")

    def fetch(self, parts: Iterable[str] = INFRA) -> None:
        kinds = {p.partition("-")[0] for p in parts}
        fetch.fetch_all(self.config.lib_dir, self.say, [p for p in INFRA if p in kinds])

    def up(self, names: Iterable[str] = ALL) -> dict[str, float]:
        """Start what is not running yet, in order, each healthy before the next. Idempotent.

        `kafka` and `elasticsearch` name all their nodes, `kafka-2` one of them. The nodes of one
        cluster start together (a quorum of three elects nobody with one member up), then each
        is waited for. Returns the seconds each started process took to become healthy.
        """
        names = expand(self.config, list(names))
        self.fetch(names)
        if self.config.cluster:
            (self.config.state_dir / "run").mkdir(parents=True, exist_ok=True)
            (self.config.state_dir / "run" / CLUSTER_MARK).write_text("three brokers, 2+1 nodes")
        timings: dict[str, float] = {}
        for group in _groups(names):
            # The nodes of a cluster prepare side by side: each Kafka node formats its storage in
            # a JVM of its own (5-20 s each), and one after the other they added up.
            with ThreadPoolExecutor(len(group)) as pool:
                started = [s for s in pool.map(self._start, group) if s is not None]
            for comp, proc, popen in started:
                timings[comp.name] = proc.wait_healthy(popen, comp.check, comp.startup_timeout)
                self.say(f"{comp.name}: up at {comp.where()} in {timings[comp.name]:.1f}s "
                         f"(pid {popen.pid})")  # fmt: skip
            if started and group[0].startswith("kafka"):
                asyncio.run(ensure_topics(self.config.kafka_bootstrap,
                                          self.config.topic_partitions,
                                          len(self.config.kafka_nodes())))  # fmt: skip
        return timings

    def _start(self, name: str) -> tuple[Component, Managed, subprocess.Popen[bytes]] | None:
        """Start one process unless it runs (then wait until it is healthy)."""
        comp, proc = self.component(name), self.managed(name)
        if proc.pid() is not None:
            ok, detail = comp.check()
            self.say(f"{name}: already running (pid {proc.pid()}), {detail}")
            if not ok:
                proc.wait_healthy(None, comp.check, comp.startup_timeout)
            return None
        taken = [p for p in comp.ports() if not port_free(p)]
        if taken:
            raise StackError(
                f"cannot start {name}: port {taken[0]} is already taken by another process "
                f"(stop it, or choose another port with the NEWSFLOW_* variables)"
            )
        comp.prepare()
        return comp, proc, proc.start(comp.argv(), comp.env(), cwd=REPO)

    def down(self, names: Iterable[str] = ALL) -> list[str]:
        """Stop, in reverse order, what our pid files say we started. Returns what was stopped."""
        names = list(names)
        stopped = []
        for group in reversed(_groups(expand(self.config, names))):
            # The nodes of a cluster stop together: one by one, the last broker waits for a
            # controller quorum that is gone, until it is killed.
            with ThreadPoolExecutor(len(group)) as pool:
                done = list(pool.map(lambda n: self.managed(n).stop(), reversed(group)))
            for name, was_running in zip(reversed(group), done, strict=True):
                if was_running:
                    stopped.append(name)
                    self.say(f"{name}: stopped")
        if set(INFRA) <= set(names):
            (self.config.state_dir / "run" / CLUSTER_MARK).unlink(missing_ok=True)
        return stopped

    def status(self, names: Iterable[str] = ALL) -> list[Status]:
        result = []
        for name in expand(self.config, list(names)):
            comp, pid = self.component(name), self.managed(name).pid()
            ok, detail = comp.check() if pid is not None else (False, "not running")
            rss = group_rss_mb(pid) if pid is not None else None
            result.append(Status(name, pid, ok, detail, comp.where(), rss, comp.role()))
        return result


def _groups(names: list[str]) -> list[list[str]]:
    """Consecutive processes of one kind (the nodes of one cluster) form a group."""
    groups: list[list[str]] = []
    for name in names:
        if groups and groups[-1][0].partition("-")[0] == name.partition("-")[0]:
            groups[-1].append(name)
        else:
            groups.append([name])
    return groups


async def ensure_topics(bootstrap: str, partitions: int = 2, replicas: int = 1) -> None:
    """Create the contract's topics (idempotent), so subscribers can attach before any data."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError
    from newsflow_contracts import topics

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        # `stories` carries whole snapshots keyed by story id: compacted, it keeps every story's
        # latest for ever, so a subscriber starting from the beginning gets every story.
        configs = {topics.STORIES: {"cleanup.policy": "compact"}}
        missing = [NewTopic(t, partitions, replicas, topic_configs=configs.get(t))
                   for t in topics.ALL if t not in existing]  # fmt: skip
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
