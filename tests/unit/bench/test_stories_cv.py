"""bench/stories --cv: topics held out together, and settings chosen only on the other folds."""

import pytest

from bench.stories_cv import folds, grid, held_out, mean, score_on, topic


def test_a_topics_two_events_and_a_written_trap_pair_are_one_topic() -> None:
    assert topic("ecb-10-ecb") == topic("ecb-10-plus") == "ecb-10"
    assert topic("w-lagos-tanker") == topic("w-lagos-collapse") == "w-lagos"
    assert topic("ecb-1-ecb") != topic("ecb-10-ecb")


def test_folds_keep_topics_whole_and_deal_them_in_natural_order() -> None:
    stories = {"a": "ecb-10-ecb", "b": "ecb-10-plus", "c": "ecb-2-ecb", "d": "ecb-1-plus",
               "e": "w-lagos-tanker", "f": "w-lagos-collapse"}  # fmt: skip
    fold_of = folds(stories, 2)
    assert fold_of["a"] == fold_of["b"] and fold_of["e"] == fold_of["f"]
    # ecb-1, ecb-2, ecb-10, w-lagos dealt round-robin: 0, 1, 0, 1
    assert (fold_of["d"], fold_of["c"], fold_of["a"], fold_of["e"]) == (0, 1, 0, 1)


def test_a_seed_shuffles_the_topics_and_still_keeps_each_whole() -> None:
    stories = {f"{i}{side}": f"ecb-{i}-{side}" for i in range(1, 21) for side in ("ecb", "plus")}
    natural = folds(stories, 5)
    assert folds(stories, 5, seed=0) == natural  # seed 0: the natural order, as before
    draws = [folds(stories, 5, seed=s) for s in (1, 2)]
    for fold_of in draws:
        assert all(fold_of[f"{i}ecb"] == fold_of[f"{i}plus"] for i in range(1, 21))
        assert sorted(list(fold_of.values()).count(f) for f in range(5)) == [8] * 5
    assert draws[0] != natural and draws[0] != draws[1]
    assert folds(stories, 5, seed=1) == draws[0]  # reproducible


def test_scores_on_a_fold_see_only_its_items() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    fold_of = {"a": 0, "b": 0, "c": 1, "d": 1}
    merged = {"a": 1, "b": 1, "c": 1, "d": 1}  # wrong only across the folds
    assert score_on(gold, merged, fold_of, {0}).f1 == 1.0
    assert score_on(gold, merged, fold_of, {1}).f1 == 1.0
    assert score_on(gold, merged, fold_of, {0, 1}).precision == 0.5


def test_each_fold_is_scored_with_the_setting_the_other_folds_chose() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "z", "f": "z"}
    fold_of = {"a": 0, "b": 0, "c": 1, "d": 1, "e": 2, "f": 2}
    # setting 0 is right on fold 0 but merges y and z; setting 1 splits x, all else right
    s0 = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2, "f": 2}
    s1 = {"a": 1, "b": 2, "c": 3, "d": 3, "e": 4, "f": 4}
    result = held_out(gold, [s0, s1], fold_of, 3)
    # folds 1 and 2 together see the merge and choose setting 1 for fold 0; each of folds 1
    # and 2 alone does not see it (cut to one fold, the merged story is whole), and the
    # others choose setting 0 for them
    assert [h.chosen for h in result] == [1, 0, 0]
    assert result[0].score.recall == 0.5  # fold 0 pays for a choice it did not make
    assert (result[1].score.f1, result[2].score.f1) == (1.0, 1.0)
    assert mean([h.score for h in result])[2] == pytest.approx((2 / 3 + 1 + 1) / 3)


def test_a_grid_is_every_combination_and_a_bad_spec_is_refused() -> None:
    assert grid(["threshold=0.2,0.25", "window=3d"]) == [
        {"threshold": "0.2", "window": "3d"}, {"threshold": "0.25", "window": "3d"}]  # fmt: skip
    with pytest.raises(SystemExit, match="NAME=V1"):
        grid(["threshold"])
