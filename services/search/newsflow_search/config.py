"""Search settings (NEWSFLOW_SEARCH_*)."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class SearchSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_SEARCH_", extra="ignore")

    port: int = 8002
    host: str = "127.0.0.1"
    # The alias every reader and writer uses; it points at the versioned index `<alias>-v1`.
    index_alias: str = "articles"
    group_id: str = "newsflow-search-indexer"
    # Stories (topic `stories`): their alias (index `<alias>-v1`) and consumer group.
    stories_alias: str = "stories"
    stories_group_id: str = "newsflow-search-stories"
    bulk_max_records: int = 500
    # Run the indexer in the API process (one `search` process in the local stack).
    run_indexer: bool = True
    cors_origins: list[str] = []
    # When set, creating and deleting subscriptions needs `X-API-Key: <api_key>`; search stays open.
    api_key: str | None = None


@lru_cache
def get_settings() -> SearchSettings:
    return SearchSettings()
