"""Ingest settings (NEWSFLOW_INGEST_*); the shared ones are in newsflow_contracts.settings."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class IngestSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_INGEST_", extra="ignore")

    port: int = 8001
    host: str = "127.0.0.1"
    # A raw news page is rarely over 1 MB; 5 MB leaves room and stays under the broker's 10 MB.
    max_body_bytes: int = 5_000_000
    max_batch_items: int = 5_000
    # How long a POST waits for Kafka's acknowledgement before answering 503.
    publish_timeout_s: float = 10.0
    # When set, POST endpoints need the header `X-API-Key: <api_key>`.
    api_key: str | None = None
    # Origins allowed to POST from a browser (CORS); none by default.
    cors_origins: list[str] = []


@lru_cache
def get_settings() -> IngestSettings:
    return IngestSettings()
