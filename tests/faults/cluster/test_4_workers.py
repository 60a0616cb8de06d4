"""Three enrich workers share articles.raw; one is SIGKILLed mid-stream. Its partitions move to
the other two once its session times out, nothing is lost, and the articles enriched twice (the
dead worker's output whose offsets it never committed) are counted."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Iterator

import pytest
from newsflow_cli.components import ALL, REPO, Enrich, expand
from newsflow_cli.processes import Managed, free_port, group_rss_mb
from newsflow_cli.stack import Stack

from bench.perf.kafka import group_members, wait_group
from tests.faults.cluster.conftest import ENV
from tests.faults.cluster.load import Stream, indexed, record, short_articles, tally, wait_indexed
from tests.faults.cluster.test_2_brokers import Kill, ingest

GROUP = "newsflow-enrich"


@pytest.fixture
def workers(cluster: Stack) -> Iterator[list[Managed]]:
    """Two more enrich workers beside the stack's own, in its consumer group."""
    started, procs = [], []
    for i in (2, 3):
        state = cluster.config.state_dir / f"enrich-{i}"
        state.mkdir(parents=True, exist_ok=True)
        port = free_port()
        env = {"NEWSFLOW_STATE_DIR": str(state), "NEWSFLOW_ENRICH_PORT": str(port)}
        comp = Enrich(dataclasses.replace(cluster.config, enrich_port=port,
                                          extra_env=cluster.config.extra_env | env))  # fmt: skip
        proc = cluster.managed(f"enrich-{i}")
        started.append((comp, proc, proc.start(comp.argv(), comp.env(), cwd=REPO)))
        procs.append(proc)
    try:
        for comp, proc, popen in started:
            proc.wait_healthy(popen, comp.check, comp.startup_timeout)
        yield procs
    finally:
        for proc in procs:
            proc.stop()


async def test_an_enrich_worker_dies_and_its_partitions_move(
    cluster: Stack, workers: list[Managed], kill: Kill
) -> None:
    bootstrap = cluster.config.kafka_bootstrap
    assert await wait_group(bootstrap, GROUP, 3, timeout=90), await group_members(bootstrap, GROUP)
    # 1,000 at 50 a second: the same 20 s stream as 2,000 at 100 (the kill at ~200 indexed, the
    # partitions moving ~10-15 s later, within it), half the articles to enrich after it.
    articles = short_articles(1000, "worker-kill")
    urls = [a["url"] for a in articles]
    stream = Stream(ingest(cluster), articles, rate=50, partitions=6)
    running = asyncio.create_task(stream.run())
    deadline = time.monotonic() + 240
    while await indexed(cluster, urls) < 200:
        assert time.monotonic() < deadline, "nothing was indexed"
        await asyncio.sleep(0.5)
    # Everything this cluster runs, under load: brokers, nodes, services and three workers.
    names = [*expand(cluster.config, list(ALL)), *(w.name for w in workers)]
    rss = sum(group_rss_mb(pid) for n in names if (pid := cluster.managed(n).pid()) is not None)
    killed_at = kill(workers[0].name)
    at_kill = await indexed(cluster, urls)
    moved = await wait_group(bootstrap, GROUP, 2, timeout=60)
    moved_after = time.monotonic() - killed_at
    await running
    accepted = stream.accepted()
    found = await wait_indexed(cluster, accepted, timeout=600)
    counts = await tally(cluster, "worker-kill", accepted)
    timeout = float(ENV["NEWSFLOW_ENRICH_SESSION_TIMEOUT_S"])
    record(
        "one of three enrich workers SIGKILLed mid-stream",
        counts,
        indexed_at_kill=at_kill,
        partitions_moved_after_s=round(moved_after, 1),
        session_timeout_s=timeout,
        rss_mb_everything=round(rss),
    )
    assert moved, "the group never settled on the two live workers"
    assert moved_after < timeout + 15, f"{moved_after:.1f}s to move the dead worker's partitions"
    assert found == len(accepted)
    assert (counts["found_by_url"], counts["duplicated"]) == (len(accepted), 0), counts
    # Bounded: at most what the dead worker had in hand since its last commit (faust commits
    # every 2.8 s), far from the whole stream.
    assert counts["reenriched"] < len(accepted) // 4, counts
