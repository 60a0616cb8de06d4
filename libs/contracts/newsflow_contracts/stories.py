"""Story events (topic `stories`, key = story id): one event followed across many articles.

A story groups the articles that report one event; a figure track inside it follows one counted
thing ("civilians killed") across its reports. Each `StoryUpdated` carries the whole story as it
stands after the change, so a subscriber (the search indexer among them) keeps only the latest
message per story id and never has to replay the story's history. For the same reason one
update may stand for several articles placed together (the stories service publishes one per
changed story per transaction): `article_ids` names them all.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from newsflow_contracts.events import SCHEMA_VERSION

UpdateKind = Literal["created", "article_added", "track_changed"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class FigureReport(_Frozen):
    """One article's report of a tracked count."""

    article_id: str
    figure: int = Field(description="Index of the figure in the article's `figures`")
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    text: str
    source: str | None = None
    agencies: list[str] = []
    published_at: str | None = Field(None, description="When the article reported it (ISO 8601)")


class FigureTrack(_Frozen):
    """Reports that count the same thing: same object, event and place (where known)."""

    key: str = Field(description="Stable within the story, e.g. 'killed|civilians|Hajin'")
    object: str | None = None
    event: str | None = None
    place: str | None = None
    unit: str | None = None
    parent: str | None = Field(None, description="Key of the track this one is a sub-count of")
    reports: list[FigureReport] = Field(description="In time order")
    latest: float | None = None
    highest: float | None = None
    lowest: float | None = None


class StoryArticle(_Frozen):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    agencies: list[str] = []
    published_at: str | None = None
    dateline: str | None = None


class StoryEntity(_Frozen):
    name: str
    type: str
    count: int = Field(description="Articles of the story that name it")


class Story(_Frozen):
    id: str
    title: str | None = Field(None, description="Title of the story's most central article")
    first_at: str | None = None
    last_at: str | None = None
    articles: list[StoryArticle] = Field(description="On a timeline: oldest first")
    sources: list[str] = []
    agencies: list[str] = []
    datelines: list[str] = []
    entities: list[StoryEntity] = Field([], description="Most named first")
    tracks: list[FigureTrack] = []


class StoryUpdated(_Frozen):
    """A story was created, gained articles, or one of its figure tracks changed.

    One update may stand for several articles (`article_ids`); `kind` is then the strongest
    change among them (`created` > `article_added` > `track_changed`), and `tracks_changed`
    is every track any of them changed. `article_ids` was added in schema 1 without a bump
    (an optional field): an update without it names its one article in `article_id`.
    """

    schema_version: Literal["1"] = SCHEMA_VERSION
    story_id: str
    kind: UpdateKind
    article_id: str | None = Field(
        None, description="The article that caused the update; of several, the last placed"
    )
    article_ids: list[str] = Field(
        [], description="Every article that caused the update, in the order placed"
    )
    tracks_changed: list[str] = Field([], description="Keys of the figure tracks that changed")
    story: Story

    def caused_by(self) -> list[str]:
        """The articles this update stands for, from old updates (`article_id` only) too."""
        if self.article_ids:
            return list(self.article_ids)
        return [self.article_id] if self.article_id else []
