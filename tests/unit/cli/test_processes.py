"""A managed process's pid: ours while it runs, not running once it exits, also when it exits
while its /proc entry is being read (a SIGKILLed broker that a fault test restarts)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from newsflow_cli.processes import Managed, ephemeral_low, free_port, port_free


def test_a_process_exiting_while_its_cmdline_is_read_is_not_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        managed = Managed("sleeper", tmp_path, tmp_path)
        managed.pid_file.write_text(json.dumps({"pid": proc.pid, "argv0": sys.executable}))
        assert managed.pid() == proc.pid
        read_bytes = Path.read_bytes

        def exiting(path: Path) -> bytes:
            # reading /proc/PID/cmdline of a process in exit fails with ESRCH
            if str(path) == f"/proc/{proc.pid}/cmdline":
                raise ProcessLookupError(3, "No such process")
            return read_bytes(path)

        monkeypatch.setattr(Path, "read_bytes", exiting)
        assert managed.pid() is None
        monkeypatch.undo()
        proc.kill()
        proc.wait()
        assert managed.pid() is None
    finally:
        proc.kill()
        proc.wait()


def test_free_ports_lie_below_the_ephemeral_range_and_are_never_handed_out_twice() -> None:
    # an outgoing connection's local port comes from the ephemeral range: a server port there
    # can be taken while its server restarts
    ports = [free_port() for _ in range(200)]
    assert len(set(ports)) == len(ports)
    assert all(20000 <= p < ephemeral_low() for p in ports)
    with socket.socket() as s:
        s.bind(("127.0.0.1", ports[0]))  # free when handed out


def test_a_bound_port_is_not_free() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        assert not port_free(s.getsockname()[1])
