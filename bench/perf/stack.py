"""The benchmark's own stack: Kafka, Elasticsearch and the services on free ports, state in a temp
dir, started with `newsflow stack` code; extra enrich workers join the same consumer group."""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from newsflow_cli.components import REPO, Enrich, StackConfig
from newsflow_cli.processes import Managed, free_port, group_rss_mb
from newsflow_cli.stack import Stack

LIB = Path(os.environ.get("NEWSFLOW_LIB_DIR", REPO / ".newsflow" / "lib"))


TICK = os.sysconf("SC_CLK_TCK")


def group_cpu_s(pgid: int) -> float:
    """CPU seconds (user + system) used so far by the live processes of a process group."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid:
                total += int(fields[11]) + int(fields[12])  # utime, stime
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
    return total / TICK


def own_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by one process, without its children."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields) - idle) / TICK, sum(fields) / TICK


class BenchStack:
    def __init__(self, say: Callable[[str], None], keep: bool = False,
                 cluster: bool = False) -> None:  # fmt: skip
        self.root = Path(tempfile.mkdtemp(prefix="newsflow-perf-"))
        self.keep = keep
        # 6 partitions (the cluster's default) on the single node too, so 3 workers all get some
        self.config = StackConfig.on_free_ports(self.root / "state", LIB, cluster=cluster,
                                                partitions=6)  # fmt: skip
        self.stack = Stack(self.config, say=say)
        self.workers: list[Managed] = []

    def up(self, names: list[str]) -> dict[str, float]:
        return self.stack.up(names)

    def down(self, names: list[str]) -> None:
        self.stack.down(names)

    def pid(self, name: str) -> int | None:
        return self.stack.managed(name).pid()

    def start_enrich(self, workers: int, processes: int, env: dict[str, str] | None = None) -> None:
        """`workers` enrich processes in one consumer group, each with `processes` spaCy
        processes, its own web port and faust data dir; returns when all are healthy."""
        self.stop_enrich()
        started = []
        for i in range(workers):
            port = free_port()
            state = self.root / f"enrich-{i}"
            state.mkdir(parents=True, exist_ok=True)  # faust creates only the last level
            extra = {"NEWSFLOW_ENRICH_PROCESSES": str(processes), "NEWSFLOW_STATE_DIR": str(state),
                     "NEWSFLOW_ENRICH_PORT": str(port), **(env or {})}  # fmt: skip
            comp = Enrich(dataclasses.replace(self.config, enrich_port=port, extra_env=extra))
            proc = Managed(f"enrich-w{i}", self.config.state_dir / "run",
                           self.config.state_dir / "logs")  # fmt: skip
            started.append((comp, proc, proc.start(comp.argv(), comp.env(), cwd=REPO)))
            self.workers.append(proc)
        for comp, proc, popen in started:
            proc.wait_healthy(popen, comp.check, comp.startup_timeout)

    def kafka_cpu_s(self) -> float:
        """CPU seconds of every broker (three in the cluster)."""
        nodes = [n.name for n in self.config.kafka_nodes()]
        return sum(group_cpu_s(pid) for n in nodes if (pid := self.pid(n)) is not None)

    def enrich_cpu_s(self) -> float:
        return sum(group_cpu_s(pid) for w in self.workers if (pid := w.pid()) is not None)

    def enrich_main_cpu_s(self) -> float:
        """CPU seconds of the faust processes alone (Kafka, JSON, the pool's pickling), without
        their spaCy processes."""
        return sum(own_cpu_s(pid) for w in self.workers if (pid := w.pid()) is not None)

    def enrich_rss_mb(self) -> list[float]:
        return [group_rss_mb(pid) for w in self.workers if (pid := w.pid()) is not None]

    def stop_enrich(self) -> None:
        for w in self.workers:
            w.stop()
        self.workers = []

    def close(self) -> None:
        try:
            self.stop_enrich()
        finally:
            self.stack.down()
            if not self.keep:
                shutil.rmtree(self.root, ignore_errors=True)
