"""Reports years apart tell two events: the date a page prints at its top against the latest
year a story's reports name (engine/years.py)."""

from __future__ import annotations

import json

from newsflow_stories.engine import StoryConfig, StoryEngine
from newsflow_stories.engine.state import StoryState
from newsflow_stories.engine.years import (
    PageDate,
    latest_year,
    page_date,
    years_ago,
    years_apart,
)

from tests.unit.stories.factory import article

# Invented: two emergency patches of one browser, five years apart. The stream's times are one
# morning (an archive fed late: published_at is when it was received), so only the pages' own
# dates part them.
_NAMES = {"Orbis": "ORG", "Orbis Navigator": "MISC"}
_PATCH = (
    "Orbis released an emergency patch for its Orbis Navigator browser on Wednesday, outside "
    "its monthly cycle, to fix a critical flaw that attackers were exploiting to take over "
    "computers through booby-trapped web pages. The company urged users to install the "
    "emergency update at once."
)


def _first(i: int) -> object:
    return article(
        f"{_PATCH} The flaw affects every version of the browser released since 2006 ({i}).",
        published_at=f"2026-03-02T0{i}:00:00Z", entities=_NAMES,
    )  # fmt: skip


def _later(stamp: str) -> object:
    return article(
        f"{stamp} {_PATCH} Security firms said the attacks had begun a week earlier.",
        published_at="2026-03-02T05:00:00Z", entities=_NAMES,
    )  # fmt: skip


def _placed(config: StoryConfig, *articles: object) -> list[str | None]:
    engine = StoryEngine(config)
    for a in articles:
        engine.add(a)  # type: ignore[arg-type]
    return [engine.story_of(a.id) for a in articles]  # type: ignore[attr-defined]


def test_a_page_dated_years_after_every_year_a_story_names_starts_its_own_story() -> None:
    later = _later("Published September 18, 2013")
    one, two, three = _placed(StoryConfig(), _first(1), _first(2), later)
    assert one == two and three != one
    # the same articles without the rule: the words and names make them one story
    assert len(set(_placed(StoryConfig(year_gap=0), _first(1), _first(2), later))) == 1


def test_a_page_dated_within_the_gap_or_a_story_naming_no_year_still_joins() -> None:
    assert len(set(_placed(StoryConfig(), _first(1), _first(2), _later("March 2, 2007")))) == 1
    undated = article(_PATCH, published_at="2026-03-02T01:00:00Z", entities=_NAMES)
    assert len(set(_placed(StoryConfig(), undated, _later("September 18, 2013")))) == 1


def test_the_years_of_a_text() -> None:
    updated = "Updated: July 02, 2013 15:50 IST A 6.1-magnitude earthquake"
    assert page_date(updated) == PageDate(2013, len("Updated: July 02, 2013"), 7)
    # a date inside the first sentence, past the top, is what the sentence tells
    assert page_date("A 6.1-magnitude earthquake hit the Indonesian province of Aceh on July 02, "
                    "2013, killing a child.") == PageDate()  # fmt: skip
    posted = "Article posted on 08.07.2012 Wladimir Klitschko stops Tony Thompson"
    assert page_date(posted).year == 2012
    # a month and year alone: no year of the page's own, but the stamp's end is still read
    assert page_date("By March 2030 the city wants every bus to run on batteries.") == PageDate(
        None, len("By March 2030"))  # fmt: skip
    assert latest_year("debut in 2010, replacing the actor cast in 2005") == 2010
    assert latest_year("no year here") is None
    assert years_apart(2013, 2010, 2) and not years_apart(2011, 2010, 2)
    assert not years_apart(2013, None, 2) and not years_apart(None, 2010, 2)
    assert not years_apart(2013, 2000, 0)


def test_a_restored_story_keeps_the_years_its_reports_name() -> None:
    engine = StoryEngine()
    first = _first(1)
    engine.add(first)  # type: ignore[arg-type]
    state = json.loads(json.dumps(engine.state(engine.story_of(first.id))))  # type: ignore[attr-defined,arg-type]
    assert StoryState.from_dict(state).latest_year == 2006
    for m in state["members"]:
        del m["year"]  # a state written before years were kept
    assert StoryState.from_dict(state).latest_year is None


def test_years_ago_dates_a_count_back_but_not_a_span_to_now_or_a_comparison() -> None:
    assert years_ago("The catastrophe four years ago devastated the coast and killed more than ")
    assert years_ago("More than a decade ago, he was accused of molesting ")
    assert not years_ago("Since its founding 25 years ago, the foundation has built galleries at ")
    assert not years_ago("Prices were up compared to a year ago, and down by ")
    assert not years_ago("The quake four days ago killed ")  # days: this week's event
