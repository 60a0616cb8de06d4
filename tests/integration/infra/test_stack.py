"""`newsflow stack` behaviour a user relies on: idempotent up, clean down, clear errors."""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import pytest
from newsflow_cli import components
from newsflow_cli.components import StackConfig
from newsflow_cli.processes import StackError
from newsflow_cli.stack import Stack

from tests.conftest import _lib_dir


def _config(tmp_path: Path, **ports: int) -> StackConfig:
    return StackConfig.on_free_ports(tmp_path / "state", _lib_dir(), **ports)


def test_second_up_is_a_no_op(stack: Stack, kafka_bootstrap: str) -> None:
    pid = stack.managed("kafka").pid()
    assert pid is not None
    assert stack.up(["kafka"]) == {}  # nothing started
    assert stack.managed("kafka").pid() == pid
    [status] = stack.status(["kafka"])
    assert status.healthy and status.pid == pid


def test_port_already_taken_is_a_clear_error(tmp_path: Path, kafka_bootstrap: str) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        stack = Stack(_config(tmp_path, kafka_port=port), say=print)
        with pytest.raises(StackError, match=f"port {port} is already taken"):
            stack.up(["kafka"])
    assert stack.managed("kafka").pid() is None


def test_server_exiting_at_startup_shows_its_log(tmp_path: Path, kafka_bootstrap: str) -> None:
    stack = Stack(_config(tmp_path), say=print)
    data = stack.config.state_dir / "kafka" / "data"
    data.mkdir(parents=True)
    # A log dir formatted for another node: Kafka refuses to start with it.
    (data / "meta.properties").write_text(
        "version=1\ncluster.id=AAAAAAAAAAAAAAAAAAAAAA\nnode.id=7\n"
        "directory.id=AAAAAAAAAAAAAAAAAAAAAQ\n"
    )
    with pytest.raises(StackError) as err:
        stack.up(["kafka"])
    message = str(err.value)
    assert "kafka exited at start-up" in message
    assert "last lines of" in message and "node" in message.lower()
    assert stack.managed("kafka").pid() is None


def test_java_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(components, "JVM_DIRS", tmp_path)
    with pytest.raises(StackError, match=r"Java 17\+ is needed"):
        components.java_bin()


def test_maven_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    config = StackConfig(state_dir=tmp_path / "state", lib_dir=tmp_path / "empty-lib")
    with pytest.raises(StackError, match=r"Maven \(`mvn`\) is needed"):
        Stack(config, say=print).fetch(["kafka"])


def test_down_never_signals_a_process_it_did_not_start(tmp_path: Path) -> None:
    stack = Stack(_config(tmp_path), say=print)
    stranger = subprocess.Popen(["sleep", "30"])
    try:
        run = stack.config.state_dir / "run"
        run.mkdir(parents=True)
        # A stale pid file whose pid now belongs to someone else (pid reuse).
        (run / "kafka.pid").write_text(json.dumps({"pid": stranger.pid, "argv0": "/usr/bin/java"}))
        assert stack.down(["kafka"]) == []
        assert stranger.poll() is None
        assert not (run / "kafka.pid").exists()
    finally:
        stranger.kill()
        stranger.wait()
