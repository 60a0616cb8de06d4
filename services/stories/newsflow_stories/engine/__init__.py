"""The story engine (pure, no I/O): `StoryEngine(config).add(article) -> [StoryUpdated]`."""

from newsflow_stories.engine.config import StoryConfig
from newsflow_stories.engine.engine import StoryEngine, story_id_for

__all__ = ["StoryConfig", "StoryEngine", "story_id_for"]
