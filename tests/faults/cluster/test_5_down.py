"""Run last in the package: `stack down` stops every process of the cluster; nothing listens on
its ports afterwards."""

from __future__ import annotations

import socket

from newsflow_cli.components import CLUSTER_MARK
from newsflow_cli.stack import Stack


def listening(port: int) -> bool:
    # Whether a server still answers there: what a process left running would do.
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_down_stops_every_node(cluster: Stack) -> None:
    names = [s.name for s in cluster.status()]
    ports = {p: n for n in names for p in cluster.component(n).ports()}
    stopped = cluster.down()
    assert sorted(stopped) == sorted(names)
    assert all(cluster.managed(n).pid() is None for n in names)
    assert {p: n for p, n in ports.items() if listening(p)} == {}
    assert not (cluster.config.state_dir / "run" / CLUSTER_MARK).exists()
