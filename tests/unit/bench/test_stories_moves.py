"""bench/stories_moves.py: an article that changes story is counted once, whatever the size of
the stories it leaves and joins, and enrich's changes to an article are named."""

import random

from bench.stories_moves import changes, moved, noisy
from tests.unit.stories.factory import article

BODY = "Mayor Ilse Varn of Tolmere said the Quarry Lane bridge would reopen. Varn thanked Tolmere."


def test_one_article_leaving_a_large_story_is_one_move() -> None:
    before = {f"a{i}": "s1" for i in range(20)} | {"b0": "s2", "b1": "s2"}
    after = dict(before, a7="s2")  # a7 now sits with the two of s2
    assert moved(before, after) == ["a7"]


def test_story_labels_need_not_agree_between_runs() -> None:
    before = {"a": 1, "b": 1, "c": 2}
    after = {"a": "x", "b": "x", "c": "y"}  # the same stories under other names
    assert moved(before, after) == []
    assert moved(before, {"a": "x", "b": "y", "c": "y"}) == ["b"]


def test_a_split_story_moves_its_smaller_part() -> None:
    before = dict.fromkeys("abcde", "s")
    after = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    assert sorted(moved(before, after)) == ["d", "e"]


def test_changes_name_entities_added_dropped_and_retyped() -> None:
    old = article(BODY, entities={"Ilse Varn": "PERSON", "Tolmere": "LOC", "Quarry Lane": "ORG"})
    new = article(BODY, entities={"Ilse Varn": "PERSON", "Tolmere": "MISC", "Varn": "PERSON"})
    assert changes(old, new) == [
        "- Quarry Lane (ORG x1)",
        "+ Varn (PERSON x2)",
        "~ Tolmere LOC x2 -> MISC x2",
    ]
    assert changes(old, old) == []
    retitled = article(BODY, title="Bridge to reopen", entities={"Ilse Varn": "PERSON"})
    assert changes(article(BODY, entities={"Ilse Varn": "PERSON"}), retitled)[0].startswith(
        "title None -> 'Bridge to reopen'"
    )


def test_noise_drops_or_retypes_entities_at_its_rate() -> None:
    a = article(BODY, entities={"Ilse Varn": "PERSON", "Tolmere": "LOC", "Quarry Lane": "ORG"})
    assert noisy(a, "drop", 0.0, random.Random(1)) == a
    assert noisy(a, "drop", 1.0, random.Random(1)).entities == []
    retyped = noisy(a, "type", 1.0, random.Random(1)).entities
    assert [e.name for e in retyped] == ["Ilse Varn", "Tolmere", "Quarry Lane"]
    assert all(e.type != f.type for e, f in zip(retyped, a.entities, strict=True))
