"""docker-compose.yml is valid for Compose (checked with the Compose CLI; no engine needed)."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from newsflow_cli.components import REPO


def _compose() -> list[str]:
    docker = shutil.which("docker")
    if (
        docker
        and subprocess.run(
            [docker, "compose", "version"], capture_output=True, check=False
        ).returncode
        == 0
    ):
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    if legacy:
        return [legacy]
    pytest.fail(
        "neither `docker compose` nor `docker-compose` is installed "
        "(`make test` installs Debian's docker-compose)"
    )


def _config(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_compose(), "-f", str(path), "config"], capture_output=True,
                          text=True, cwd=path.parent, check=False)  # fmt: skip


def test_compose_file_is_valid_and_runs_the_whole_stack() -> None:
    done = _config(REPO / "docker-compose.yml")
    assert done.returncode == 0, done.stderr
    config = yaml.safe_load(done.stdout)
    services = config["services"]
    assert {"kafka", "elasticsearch", "ingest", "enrich", "stories", "search"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["elasticsearch"]["environment"]["xpack.security.enabled"] == "false"
    published = {str(p.get("published", p) if isinstance(p, dict) else p).split(":")[0]
                 for s in services.values() for p in s.get("ports", [])}  # fmt: skip
    assert {"9092", "9200", "8001", "8002", "8003", "8004"} <= published
    for svc in ("ingest", "enrich", "stories", "search"):
        build = services[svc]["build"]
        assert (Path(build["context"]) / build["dockerfile"]).is_file()
        # one recipe for every service: the build argument picks the package it installs and runs
        assert build["args"]["SERVICE"] == svc
        assert (REPO / "services" / svc / f"newsflow_{svc}" / "__main__.py").is_file()


def test_an_invalid_compose_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "docker-compose.yml"
    bad.write_text("services:\n  kafka:\n    image: apache/kafka:4.1.1\n    ports: 9092\n"
                   "    restart: sometimes-maybe\n    no_such_key: 1\n")  # fmt: skip
    assert _config(bad).returncode != 0


def _pom_version(part: str, prop: str) -> str:
    pom = (REPO / "deploy" / part / "pom.xml").read_text()
    return pom.split(f"<{prop}>", 1)[1].split("<", 1)[0]


def test_compose_runs_the_versions_the_local_stack_runs() -> None:
    services = yaml.safe_load(_config(REPO / "docker-compose.yml").stdout)["services"]
    kafka, es = _pom_version("kafka", "kafka.version"), _pom_version("elasticsearch", "es.version")
    for name, svc in services.items():
        image = svc.get("image", "")
        if "kafka" in image:
            assert image == f"apache/kafka:{kafka}", name
        if "elasticsearch" in image:
            assert image.endswith(f"/elasticsearch:{es}"), name


def test_the_cluster_profile_has_three_brokers_and_two_data_nodes_and_a_tie_breaker() -> None:
    done = subprocess.run([*_compose(), "-f", str(REPO / "docker-compose.yml"), "--profile",
                           "cluster", "config"], capture_output=True, text=True, cwd=REPO, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    services = yaml.safe_load(done.stdout)["services"]
    brokers = [services[f"kafka-{i}"]["environment"] for i in (1, 2, 3)]
    assert [int(b["KAFKA_NODE_ID"]) for b in brokers] == [1, 2, 3]
    assert len({b["CLUSTER_ID"] for b in brokers}) == 1
    assert all(b["KAFKA_CONTROLLER_QUORUM_VOTERS"].count("@") == 3 for b in brokers)
    assert all(int(b["KAFKA_MIN_INSYNC_REPLICAS"]) == 2 for b in brokers)
    assert "--replication-factor 3" in " ".join(services["topics-cluster"]["command"])
    roles = {n: services[n]["environment"]["node.roles"] for n in
             ("elasticsearch-1", "elasticsearch-2", "elasticsearch-3")}  # fmt: skip
    assert roles == {"elasticsearch-1": "master,data", "elasticsearch-2": "master,data",
                     "elasticsearch-3": "master"}  # fmt: skip
    for svc in ("ingest-cluster", "enrich-cluster", "search-cluster"):
        env = services[svc]["environment"]
        assert env["NEWSFLOW_KAFKA_BOOTSTRAP"].count(",") == 2
        assert env["NEWSFLOW_ES_URL"].count(",") == 1
        assert services[svc]["profiles"] == ["cluster"]
    published = {str(p.get("published", p) if isinstance(p, dict) else p).split(":")[0]
                 for s in services.values() for p in s.get("ports", [])}  # fmt: skip
    assert len(published) == sum(len(s.get("ports", [])) for s in services.values())


@pytest.mark.parametrize("profile,job", [(None, "topics"), ("cluster", "topics-cluster")])
def test_the_stories_topics_are_created_compacted(profile: str | None, job: str) -> None:
    """As `stack up` and the stories service make them: `stories` keeps every story's latest
    snapshot, `stories.state` (one partition) the engine's state a restart reads back."""
    args = ["--profile", profile] if profile else []
    done = subprocess.run([*_compose(), "-f", str(REPO / "docker-compose.yml"), *args, "config"],
                          capture_output=True, text=True, cwd=REPO, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    script = " ".join(yaml.safe_load(done.stdout)["services"][job]["command"])
    creates = {
        c.split("--topic ", 1)[1].split()[0]: c for c in script.split(";") if "--topic " in c
    }
    for topic in ("stories", "stories.state"):
        assert "--config cleanup.policy=compact" in creates[topic], topic
    assert "--partitions 1 " in creates["stories.state"]
    loop = script.split("for t in ", 1)[1].split(";", 1)[0]
    assert "stories" not in loop.split(), "the loop makes topics that delete by age"


@pytest.mark.parametrize("profile,suffix", [(None, ""), ("cluster", "-cluster")])
def test_the_story_indexer_runs_apart_from_the_search_api(profile: str | None,
                                                          suffix: str) -> None:  # fmt: skip
    """As `newsflow stack up` runs it: the search image's story indexer in a container of its
    own (with /healthz on 8005), and the search container without it."""
    args = ["--profile", profile] if profile else []
    done = subprocess.run([*_compose(), "-f", str(REPO / "docker-compose.yml"), *args, "config"],
                          capture_output=True, text=True, cwd=REPO, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    services = yaml.safe_load(done.stdout)["services"]
    search, stories = services[f"search{suffix}"], services[f"story-indexer{suffix}"]
    assert search["environment"]["NEWSFLOW_SEARCH_RUN_STORY_INDEXER"] == "false"
    assert "command" not in search
    assert stories["build"]["args"]["SERVICE"] == "search"
    assert stories["command"] == ["python", "-m", "newsflow_search", "indexer", "stories"]
    assert str(stories["environment"]["NEWSFLOW_SEARCH_INDEXER_PORT"]) == "8005"
    assert [str(p.get("target", "")) for p in stories["ports"]] == ["8005"]
    assert stories["environment"]["NEWSFLOW_KAFKA_BOOTSTRAP"] == \
        search["environment"]["NEWSFLOW_KAFKA_BOOTSTRAP"]  # fmt: skip
