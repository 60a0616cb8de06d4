"""Run the stories service on real Kafka with topics of its own, feed it, read what it wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from aiokafka import AIOKafkaProducer
from newsflow_cli.processes import free_port
from newsflow_contracts.events import ArticleEnriched
from newsflow_contracts.stories import StoryUpdated

from tests.kafka_io import committed_reader, read_all


class StoriesProcess:
    """`python -m newsflow_stories` reading `input_topic`, writing topics named after `name`."""

    def __init__(self, bootstrap: str, input_topic: str, name: str, log_dir: Path,
                 **env: str) -> None:  # fmt: skip
        self.bootstrap, self.name, self.port = bootstrap, name, free_port()
        self.output_topic, self.state_topic = f"stories-{name}", f"stories-state-{name}"
        self.env = (
            os.environ
            | {
                "NEWSFLOW_KAFKA_BOOTSTRAP": bootstrap,
                "NEWSFLOW_STORIES_PORT": str(self.port),
                "NEWSFLOW_STORIES_INPUT_TOPIC": input_topic,
                "NEWSFLOW_STORIES_OUTPUT_TOPIC": self.output_topic,
                "NEWSFLOW_STORIES_STATE_TOPIC": self.state_topic,
                "NEWSFLOW_STORIES_GROUP_ID": f"stories-{name}",
                "NEWSFLOW_STORIES_TRANSACTIONAL_ID": f"stories-{name}",
            }
            | env
        )
        self.log = log_dir / f"stories-{name}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "newsflow_stories"],
                                         env=self.env, stdout=log, stderr=log)  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"stories exited {self.proc.returncode}:\n{self.tail()}")
            if self.health()[0] == 200:
                return
            time.sleep(0.3)
        raise AssertionError(f"stories not healthy in {timeout}s:\n{self.tail()}")

    def health(self) -> tuple[int, dict[str, Any]]:
        try:
            r = httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=2)
            return r.status_code, r.json()
        except httpx.HTTPError:
            return 0, {}

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()  # SIGKILL: no flush, no commit, no goodbye
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()

    def tail(self, n: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])


def new_name() -> str:
    return uuid.uuid4().hex[:10]


async def produce(bootstrap: str, topic: str, articles: Iterable[ArticleEnriched | bytes],
                  at: Iterable[datetime] | None = None) -> None:  # fmt: skip
    """Each article keyed by its id; `at` gives the record times (else now)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    times = iter(at) if at is not None else None
    try:
        for a in articles:
            ms = int(next(times).timestamp() * 1000) if times is not None else None
            if isinstance(a, bytes):
                await producer.send_and_wait(topic, a, key=b"poison", timestamp_ms=ms)
            else:
                await producer.send_and_wait(topic, a.model_dump_json().encode(),
                                             key=a.id.encode(), timestamp_ms=ms)  # fmt: skip
    finally:
        await producer.stop()


async def updates(bootstrap: str, topic: str) -> list[StoryUpdated]:
    return [StoryUpdated.model_validate_json(r.value) for r in await read_all(bootstrap, topic)]


def placed_ids(ups: list[StoryUpdated]) -> list[str]:
    """The articles the updates stand for, each as often as an update names it (one update
    names every article its story gained in one transaction)."""
    return [aid for u in ups for aid in u.caused_by()]


async def wait_placed(
    bootstrap: str, topic: str, n: int, timeout: float = 120
) -> list[StoryUpdated]:
    """Every committed update once `n` articles have been placed, read by one consumer from
    the start of the topic."""
    consumer = committed_reader(bootstrap, topic)
    await consumer.start()
    got: list[StoryUpdated] = []
    try:
        deadline = time.monotonic() + timeout
        while len(placed_ids(got)) < n and time.monotonic() < deadline:
            for msgs in (await consumer.getmany(timeout_ms=500)).values():
                got += [StoryUpdated.model_validate_json(m.value) for m in msgs]
    finally:
        await consumer.stop()
    if len(placed_ids(got)) < n:
        raise AssertionError(f"{len(placed_ids(got))} of {n} articles placed after {timeout}s")
    return got


def final_stories(ups: list[StoryUpdated]) -> dict[str, dict[str, Any]]:
    """The latest snapshot of every story, as a subscriber keeping the last per key would."""
    latest: dict[str, StoryUpdated] = {}
    for u in ups:
        latest[u.story_id] = u
    return {sid: u.story.model_dump(mode="json") for sid, u in latest.items()}


def membership(stories: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """article id -> the stories whose latest snapshot lists it (exactly one each, we hope)."""
    out: dict[str, list[str]] = {}
    for sid, s in stories.items():
        for a in s["articles"]:
            out.setdefault(a["id"], []).append(sid)
    return out


def duplicate_reports(stories: dict[str, dict[str, Any]]) -> list[tuple[str, int]]:
    seen: dict[tuple[str, int], int] = {}
    for s in stories.values():
        for t in s["tracks"]:
            for r in t["reports"]:
                k = (r["article_id"], r["figure"])
                seen[k] = seen.get(k, 0) + 1
    return [k for k, c in seen.items() if c > 1]


def dumps(x: Any) -> str:
    return json.dumps(x, sort_keys=True)
