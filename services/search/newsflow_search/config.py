"""Search settings (NEWSFLOW_SEARCH_*)."""

from functools import lru_cache

from newsflow_contracts import topics
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
    stories_topic: str = topics.STORIES  # the contract's; tests give their own
    bulk_max_records: int = 500
    # Run the indexer in the API process (one `search` process in the local stack).
    run_indexer: bool = True
    # The story indexer in the API process too (None: as run_indexer). The local stack and
    # docker-compose run it as a process of its own (`python -m newsflow_search indexer
    # stories`): on the API's event loop it waited behind the article indexer's CPU work.
    run_story_indexer: bool | None = None
    # `python -m newsflow_search indexer ...` serves /healthz and /metrics here when set.
    indexer_port: int | None = None
    cors_origins: list[str] = []
    # When set, creating and deleting subscriptions needs `X-API-Key: <api_key>`; search stays open.
    api_key: str | None = None


@lru_cache
def get_settings() -> SearchSettings:
    return SearchSettings()
