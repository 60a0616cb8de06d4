"""Placements and the story updates made of them.

The engine places an article in O(1) of its story's size; the snapshot a `StoryUpdated` carries
is O(story size) (every article, every report). Taking one snapshot per article made a story of
n articles cost O(n^2) in the worker, on the topic and in the indexer (issue 15: a story of
thousands of articles in the cluster's fault tests wrote 413 MB per broker). So the worker
places a whole batch first and then publishes one update per changed story (`coalesce`), with
the latest snapshot, as the contract allows: a subscriber keeps only the latest per story id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsflow_contracts.stories import Story, StoryUpdated, UpdateKind

# Which kind a coalesced update gets: the strongest of its placements', so that "a new story"
# (standing queries on new stories) is never hidden behind a later article of the same batch.
_STRENGTH: dict[str, int] = {"track_changed": 0, "article_added": 1, "created": 2}


@dataclass(frozen=True, slots=True)
class Placement:
    """One article placed: which story, how, and which figure tracks it changed."""

    story_id: str
    kind: UpdateKind
    article_id: str
    tracks_changed: tuple[str, ...] = ()


def coalesce(placements: Iterable[Placement], snapshot: Callable[[str], Story]
             ) -> list[StoryUpdated]:  # fmt: skip
    """One update per story, in the order the stories were first changed: the strongest kind,
    every article in the order placed (`article_id` is the last), the union of the tracks
    changed, and the story as `snapshot(story_id)` gives it now."""
    by_story: dict[str, list[Placement]] = {}
    for p in placements:
        by_story.setdefault(p.story_id, []).append(p)
    out = []
    for sid, ps in by_story.items():
        kind = max((p.kind for p in ps), key=_STRENGTH.__getitem__)
        tracks = list(dict.fromkeys(k for p in ps for k in p.tracks_changed))
        ids = [p.article_id for p in ps]
        out.append(StoryUpdated(story_id=sid, kind=kind, article_id=ids[-1], article_ids=ids,
                                tracks_changed=tracks, story=snapshot(sid)))  # fmt: skip
    return out
