"""A report that gives the count of people a story's track holds for the same fate joins a story
whose size-aware bar its words alone miss (`StoryConfig.fate_size_weight`, `fates`); another
count, or a count of things ("missed two games"), does not. Invented reports of an Ecuador quake."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from newsflow_contracts.events import ArticleEnriched
from newsflow_stories.engine import StoryConfig, StoryEngine
from newsflow_stories.engine.fates import of_people
from newsflow_stories.engine.state import StoryState

from tests.unit.stories.factory import article, fig, quake


def _quake(id: str) -> ArticleEnriched:
    return quake(id, [fig("120", "people", "killing", 120)])


def _follow_up(dead: int) -> ArticleEnriched:
    # its words score ~0.25 against the story: over the bar of a story of one report (0.16),
    # under that of a story of ten (0.30)
    return article(
        "Families slept in the street for a second night after Friday's earthquake, the "
        f"risk management secretariat said. {dead} people died.",
        title="Esmeraldas mourns", published_at="2026-07-05T09:00:00Z",
        entities={"Las Palmas": "LOC"}, figures=[fig(str(dead), "people", "died", dead)],
    )  # fmt: skip


def _story_of_ten(config: StoryConfig) -> StoryEngine:
    engine = StoryEngine(config)
    for i in range(10):
        engine.add(_quake(f"copy-{i}"))
    return engine


@pytest.mark.parametrize(("dead", "joins"), [(120, True), (160, False)])
def test_the_same_count_of_the_same_fate_holds_a_report_to_the_small_storys_bar(
    dead: int, joins: bool
) -> None:
    engine = _story_of_ten(StoryConfig())
    later = _follow_up(dead)
    engine.add(later)
    assert (engine.story_of(later.id) == engine.story_of("copy-0")) is joins


def test_without_the_lower_bar_the_same_count_does_not_join() -> None:
    strict = StoryConfig()
    strict = replace(strict, fate_size_weight=strict.size_weight)
    engine = _story_of_ten(strict)
    later = _follow_up(120)
    engine.add(later)
    assert engine.story_of(later.id) != engine.story_of("copy-0")


def test_only_a_fates_count_of_people_agrees() -> None:
    assert of_people("kill", "peopl", None) and of_people("shoot", "woman", None)
    assert not of_people("miss", "game", None)  # "missed two games"
    assert not of_people("kill", "peopl", "%")
    assert not of_people("gather", "peopl", None)  # no fate


def test_the_fates_a_story_matches_on_are_rebuilt_from_its_saved_state() -> None:
    engine = StoryEngine()
    engine.add(_quake("copy-0"))
    [story] = engine._stories.values()
    assert story.fates == {("kill", 120)}
    restored = StoryState.from_dict(json.loads(json.dumps(engine.state(story.id))))
    assert restored.fates == story.fates
