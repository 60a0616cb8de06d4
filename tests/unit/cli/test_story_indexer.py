"""The stack runs the search service's story indexer in a process of its own (issue 13)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from newsflow_cli.components import SERVICES, StackConfig, component
from newsflow_search.config import SearchSettings
from newsflow_search.main import in_process
from newsflow_search.worker import kinds_of


def _settings(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> SearchSettings:
    """The search settings a process started with `env` reads."""
    for key in [k for k in os.environ if k.startswith("NEWSFLOW_SEARCH_")]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        if key.startswith("NEWSFLOW_SEARCH_"):
            monkeypatch.setenv(key, value)
    return SearchSettings()


def test_search_runs_the_article_indexer_and_story_indexer_the_stories(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = StackConfig(Path("/s"), Path("/l"))
    search, stories = component(config, "search"), component(config, "story-indexer")
    assert in_process(_settings(search.env(), monkeypatch)) == ["articles"]
    argv = stories.argv()
    assert argv[1:4] == ["-m", "newsflow_search", "indexer"]
    assert kinds_of(argv[4:]) == ["stories"]
    settings = _settings(stories.env(), monkeypatch)
    assert settings.indexer_port == config.story_indexer_port == 8005
    assert stories.where() == "http://127.0.0.1:8005"
    # started after search (which makes the article index with its backfill) and before ingest
    assert SERVICES.index("search") < SERVICES.index("story-indexer") < SERVICES.index("ingest")


def test_a_free_port_stack_gives_the_story_indexer_its_own_port(tmp_path: Path) -> None:
    config = StackConfig.on_free_ports(tmp_path, tmp_path)
    env = component(config, "story-indexer").env()
    ports = [config.search_port, config.stories_port, config.ingest_port, config.enrich_port]
    assert int(env["NEWSFLOW_SEARCH_INDEXER_PORT"]) == config.story_indexer_port not in ports


def test_without_the_stack_the_search_process_still_runs_both(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Deployments made before keep what they had: the API with both indexers, or none."""
    assert in_process(_settings({}, monkeypatch)) == ["articles", "stories"]
    off = {"NEWSFLOW_SEARCH_RUN_INDEXER": "false"}
    assert in_process(_settings(off, monkeypatch)) == []
    assert kinds_of([]) == ["articles", "stories"]
    with pytest.raises(SystemExit, match="unknown indexer"):
        kinds_of(["story"])
