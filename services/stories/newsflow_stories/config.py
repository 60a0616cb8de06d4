"""Stories settings (NEWSFLOW_STORIES_*)."""

from functools import lru_cache
from typing import Literal

from newsflow_contracts import topics
from pydantic_settings import BaseSettings, SettingsConfigDict


class StoriesSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_STORIES_", extra="ignore")

    port: int = 8004
    host: str = "127.0.0.1"
    # The contract's topics; tests give their own.
    input_topic: str = topics.ENRICHED
    output_topic: str = topics.STORIES
    group_id: str = "newsflow-stories"
    # One decision maker: every instance uses this id, so a new one fences a zombie's producer.
    transactional_id: str = "newsflow-stories"
    # The engine's state, latest per story id (compacted, one partition): what a restart reads.
    state_topic: str = "stories.state"
    # Articles per transaction (one commit of outputs, state and input offsets).
    batch_size: int = 200
    # How long a record waits for a quiet partition before it is taken (see ordering.py).
    order_grace_ms: int = 200
    stories_partitions: int = 2
    # Codec of the worker's producer batches (stories, state, DLQ): a snapshot's JSON repeats
    # its field names and words in every article and report, and gzip makes it about 7x
    # smaller (bench/stories_big.py). gzip because it is the one aiokafka codec that needs no
    # package beyond the standard library (lz4, zstd and snappy need cramjam, no dependency
    # of ours), so every Python subscriber can read it; "none" sends plain JSON.
    compression: Literal["gzip", "none"] = "gzip"


@lru_cache
def get_settings() -> StoriesSettings:
    return StoriesSettings()
