"""Settings every service shares (NEWSFLOW_*). Each service adds its own NEWSFLOW_<SVC>_* class."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class StackSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", extra="ignore")

    kafka_bootstrap: str = "127.0.0.1:9092"
    es_url: str = "http://127.0.0.1:9200"
    ingest_port: int = 8001
    search_port: int = 8002
    enrich_port: int = 8003
    stories_port: int = 8004
    # The search service's story indexer run apart (`python -m newsflow_search indexer stories`):
    # its /healthz and /metrics.
    story_indexer_port: int = 8005
    # Where `newsflow stack` keeps data, logs and pid files.
    state_dir: str = ".newsflow"
    log_level: str = "INFO"


def url_list(value: str) -> list[str]:
    """NEWSFLOW_ES_URL (or any address setting) as a list: it may name several nodes, a, b."""
    return [u.strip() for u in value.split(",") if u.strip()]


@lru_cache
def get_stack_settings() -> StackSettings:
    return StackSettings()
