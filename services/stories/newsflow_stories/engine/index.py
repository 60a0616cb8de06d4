"""The candidate index: open stories by the keys they are about (entities, heaviest words).

An article looks up its own keys and scores only the stories found there, so its cost depends
on how many open stories share its keys, not on how many stories exist. Keys shared by more
than `max_posting` open stories are skipped at lookup (they say little). Stories leave the index
when they close. Postings are plain sets: lookups sum each story's hits in the article's key
order and rank by (hits, story id), so the result never depends on set order.
"""

from __future__ import annotations

from newsflow_stories.engine.config import StoryConfig
from newsflow_stories.engine.state import StoryState
from newsflow_stories.engine.text import Vector, top


def story_keys(story: StoryState, config: StoryConfig) -> set[str]:
    return {f"e:{k}" for k in story.ents} | {f"t:{k}" for k in top(story.text, config.index_terms)}


def article_keys(text: Vector, ents: Vector, config: StoryConfig) -> list[tuple[str, float]]:
    keys = [(f"e:{k}", v) for k, v in ents.items()]
    return keys + [(f"t:{k}", v) for k, v in top(text, config.index_terms).items()]


class CandidateIndex:
    def __init__(self, config: StoryConfig) -> None:
        self.config = config
        self._postings: dict[str, set[str]] = {}
        self._keys: dict[str, set[str]] = {}  # story id -> keys it is indexed under

    def __len__(self) -> int:
        return len(self._keys)

    def put(self, story: StoryState) -> None:
        new = story_keys(story, self.config)
        old = self._keys.get(story.id, set())
        for k in old - new:
            self._discard(k, story.id)
        for k in new - old:
            self._postings.setdefault(k, set()).add(story.id)
        self._keys[story.id] = new

    def remove(self, story_id: str) -> None:
        for k in self._keys.pop(story_id, set()):
            self._discard(k, story_id)

    def _discard(self, key: str, story_id: str) -> None:
        posting = self._postings.get(key)
        if posting is not None:
            posting.discard(story_id)
            if not posting:
                del self._postings[key]

    def candidates(self, keys: list[tuple[str, float]]) -> list[str]:
        hits: dict[str, float] = {}
        for key, weight in keys:
            posting = self._postings.get(key)
            if not posting or len(posting) > self.config.max_posting:
                continue
            for sid in posting:
                hits[sid] = hits.get(sid, 0.0) + weight
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
        return [sid for sid, _ in ranked[: self.config.max_candidates]]
