"""docker-compose.yml is valid for Compose (checked with the Compose CLI; no engine needed)."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from newsflow_cli.components import REPO


def _compose() -> list[str]:
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    if legacy:
        return [legacy]
    pytest.fail("neither `docker compose` nor `docker-compose` is installed "
                "(`make test` installs Debian's docker-compose)")


def _config(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_compose(), "-f", str(path), "config"], capture_output=True,
                          text=True, cwd=path.parent)  # fmt: skip


def test_compose_file_is_valid_and_runs_the_whole_stack() -> None:
    done = _config(REPO / "docker-compose.yml")
    assert done.returncode == 0, done.stderr
    config = yaml.safe_load(done.stdout)
    services = config["services"]
    assert {"kafka", "elasticsearch", "ingest", "enrich", "search"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["elasticsearch"]["environment"]["xpack.security.enabled"] == "false"
    published = {str(p.get("published", p) if isinstance(p, dict) else p).split(":")[0]
                 for s in services.values() for p in s.get("ports", [])}  # fmt: skip
    assert {"9092", "9200", "8001", "8002", "8003"} <= published
    for svc in ("ingest", "enrich", "search"):
        build = services[svc]["build"]
        assert (Path(build["context"]) / build["dockerfile"]).is_file()


def test_an_invalid_compose_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "docker-compose.yml"
    bad.write_text("services:\n  kafka:\n    image: apache/kafka:4.1.1\n    ports: 9092\n"
                   "    restart: sometimes-maybe\n    no_such_key: 1\n")  # fmt: skip
    assert _config(bad).returncode != 0
