"""The events on the wire. Every topic's value is one of these models, serialized as JSON.

Subscribers get JSON Schemas generated from these models (`asyncapi.py`), never hand-written.
Adding an optional field is fine; a breaking change bumps SCHEMA_VERSION's major.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"
ContentType = Literal["text/plain", "text/html", "application/json"]


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str = Field(
        description="Stable article id; also the Kafka key, so one article stays ordered"
    )


class ArticleReceived(Event):
    """An accepted article as received by ingest (topic `articles.raw`)."""

    url: str | None = None
    source: str | None = None
    title: str | None = None
    byline: str | None = None
    published_at: str | None = None
    content_type: ContentType = "text/plain"
    text: str | None = None
    html: str | None = None
    received_at: datetime

    @classmethod
    def new(cls, *, url: str | None = None, content_type: ContentType = "text/plain",
            text: str | None = None, html: str | None = None, **meta: Any) -> ArticleReceived:  # fmt: skip
        """An article received now, with its stable id (the one way ids are given)."""
        from newsflow_contracts.ids import article_id

        return cls(
            id=article_id(url=url, content=text or html or ""),
            url=url, content_type=content_type, text=text, html=html,
            received_at=datetime.now(UTC), **meta,
        )  # fmt: skip


class Entity(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(description="Canonical name")
    type: str = Field(description="PERSON | ORG | LOC | NORP | EVENT | MISC ...")
    aliases: list[str] = []
    mentions: int
    spans: list[tuple[int, int]] = Field(description="[start, end) offsets into body")


class Figure(BaseModel):
    model_config = ConfigDict(frozen=True)

    value: float
    low: float | None = None
    high: float | None = None
    text: str
    qualifier: str | None = None
    unit: str | None = None
    object: str | None = None
    event: str | None = None
    parent: int | None = None
    sentence: str
    span: tuple[int, int]


class Pipeline(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: str
    model: str


class ArticleEnriched(Event):
    """An enriched article (topic `articles.enriched`, and `newsflow enrich` output)."""

    url: str | None = None
    source: str | None = None
    title: str | None = None
    byline: str | None = None
    agencies: list[str] = []
    published_at: str | None = None
    dateline: str | None = None
    language: str
    body: str
    captions: list[str] = []
    entities: list[Entity] = []
    figures: list[Figure] = []
    pipeline: Pipeline
    story_id: str | None = Field(
        None,
        description="The story this article joined; set downstream of enrich (topic `stories`)",
    )


class DeadLetter(BaseModel):
    """A message that could not be processed (topic `articles.dlq`)."""

    model_config = ConfigDict(frozen=True)

    error: str
    stage: str
    payload: Any = None
    id: str | None = None
    failed_at: datetime | None = None


class Alert(BaseModel):
    """A standing query matched a newly indexed article, a story, or a story's figure track
    going above a threshold (topic `alerts`)."""

    model_config = ConfigDict(frozen=True)

    schema_version: Literal["1"] = SCHEMA_VERSION
    subscription_id: str
    article_id: str = Field(
        description="The matching article; for a story, the article that "
        "caused the match (for a track, the report above the threshold)"
    )
    title: str | None = None
    matched_at: datetime
    story_id: str | None = Field(None, description="Set when a story subscription matched")
    track: str | None = Field(
        None, description="Key of the figure track that went above the subscription's threshold"
    )
    value: float | None = Field(None, description="The track's report above the threshold")
