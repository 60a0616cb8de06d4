"""Background processes with pid files: start detached, wait until healthy, stop what we started."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class StackError(Exception):
    """Something the user must fix; the message says what."""


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


_EPHEMERAL = Path("/proc/sys/net/ipv4/ip_local_port_range")
_LOWEST = 20000  # above the well-known and the project's default ports (8001-8005, 9092-9300)
_handed_out: set[int] = set()


def ephemeral_low() -> int:
    """The first port of the kernel's ephemeral range (outgoing connections' local ports)."""
    try:
        return int(_EPHEMERAL.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default


def free_port() -> int:
    """A free port below the ephemeral range, never the same twice in one process. A port the
    kernel hands out (bind to 0) lies in that range, so once released any process's outgoing
    connection may take it as its local port, and a server restarted on it finds it taken (a
    loaded CI run lost the cluster's story indexer so)."""
    rng, high = random.SystemRandom(), ephemeral_low()
    for _ in range(1000 if high > _LOWEST + 1000 else 0):
        port = rng.randrange(_LOWEST, high)
        if port not in _handed_out and port_free(port):
            _handed_out.add(port)
            return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:  # no room below the range
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def log_tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(errors="replace")
    except FileNotFoundError:
        return "(no log written)"
    return "\n".join(text.splitlines()[-lines:])


@dataclass
class Managed:
    """One process that `stack up` starts: where its pid file and log live."""

    name: str
    run_dir: Path
    log_dir: Path

    @property
    def pid_file(self) -> Path:
        return self.run_dir / f"{self.name}.pid"

    @property
    def log_file(self) -> Path:
        return self.log_dir / f"{self.name}.log"

    def pid(self) -> int | None:
        """The pid from our pid file, if that process is still the one we started."""
        try:
            info = json.loads(self.pid_file.read_text())
        except (FileNotFoundError, ValueError):
            return None
        pid = int(info["pid"])
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except (FileNotFoundError, ProcessLookupError):
            return None  # gone, or exiting while its /proc entry is read (ESRCH): not running
        # A recycled pid runs something else: never signal it.
        if not cmdline or cmdline[0].decode(errors="replace") != info["argv0"]:
            return None
        if _is_zombie(pid):
            return None
        return pid

    def start(self, argv: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_file, "ab") as log:
            log.write(f"\n=== newsflow: starting {self.name} at {time.ctime()}\n".encode())
            log.flush()
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=cwd,
                start_new_session=True,  # survives the CLI; `down` signals the whole group
            )
        self.pid_file.write_text(json.dumps({"pid": proc.pid, "argv0": argv[0]}))
        return proc

    def wait_healthy(
        self,
        proc: subprocess.Popen[bytes] | None,
        check: Callable[[], tuple[bool, str]],
        timeout: float,
    ) -> float:
        """Poll `check` until it passes; fail with the log's tail if the process dies or hangs."""
        started = time.monotonic()
        reason = "not checked yet"
        while time.monotonic() - started < timeout:
            if proc is not None and proc.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise StackError(
                    f"{self.name} exited at start-up with code {proc.returncode}; "
                    f"last lines of {self.log_file}:\n{log_tail(self.log_file)}"
                )
            ok, reason = check()
            if ok:
                return time.monotonic() - started
            time.sleep(0.3)
        self.stop()
        raise StackError(
            f"{self.name} was not healthy after {timeout:.0f}s ({reason}); "
            f"last lines of {self.log_file}:\n{log_tail(self.log_file)}"
        )

    def stop(self, timeout: float = 30.0) -> bool:
        """SIGTERM the process group we started, SIGKILL after `timeout`. True if one was running."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        _signal_group(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            _signal_group(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
        self.pid_file.unlink(missing_ok=True)
        return True


def _signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    if _is_zombie(pid):
        # The leader turns zombie before its other threads have exited, and they still hold
        # its sockets (a SIGKILLed JVM): it is gone once it is the last one left.
        try:
            if len(os.listdir(f"/proc/{pid}/task")) > 1:
                return True
        except FileNotFoundError:
            return False
        # Our own child that exited: reap it so it does not linger.
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        return False
    return True


def group_rss_mb(pgid: int) -> float:
    """Resident memory of a process group (a service and its worker processes), in MB."""
    total_kb = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:  # field 5 of /proc/pid/stat: the process group
                continue
            for line in (stat.parent / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
    return total_kb / 1024
