"""Enrich's errors: each skip is a DLQ entry with its stage and reason, and is counted."""

from typing import ClassVar


class NewsflowError(Exception):
    retriable: ClassVar[bool] = False
    stage: ClassVar[str] = "enrich"


class InvalidMessage(NewsflowError):
    """The message on articles.raw is not an article (bad JSON, wrong schema, bad encoding)."""

    stage = "decode"


class ExtractionSkipped(NewsflowError):
    """The article has nothing to enrich (no text, too large, not a story)."""

    stage = "extract"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EnrichFailed(NewsflowError):
    """An unexpected error on one article (a bug or a pathological page), kept to that article."""

    stage = "enrich"


class ModelMismatch(Exception):
    """A configured learned model cannot be used with the configured spaCy pipeline (a startup
    configuration error, not an article's: the service refuses to start)."""
