"""The scoring behind bench/stories: B-cubed on hand-computed cases, exact figure tracks, and
the gold set's own consistency (every label and track member points at a real article)."""

import json
import re
from pathlib import Path

import pytest

from bench.stories_score import bcubed, in_context, locate, member_bcubed, misses, score_track

DATA = Path(__file__).resolve().parents[3] / "bench" / "stories-data"


def test_bcubed_perfect_clustering_is_one_whatever_the_names() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    score = bcubed(gold, {"a": 7, "b": 7, "c": 8})
    assert (score.precision, score.recall, score.f1, score.items) == (1.0, 1.0, 1.0, 3)


def test_bcubed_everything_in_one_cluster() -> None:
    # gold {a,b} {c}: a and b see 2/3 of their cluster right, c sees 1/3; recall is whole
    score = bcubed({"a": "x", "b": "x", "c": "y"}, {"a": 1, "b": 1, "c": 1})
    assert score.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert score.recall == 1.0
    assert score.f1 == pytest.approx(2 * (5 / 9) / (5 / 9 + 1))


def test_bcubed_all_singletons_and_missing_items() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    # b is missing from the prediction: it counts as a cluster of its own
    score = bcubed(gold, {"a": 1, "c": 2, "d": 3})
    assert score.precision == 1.0
    assert score.recall == pytest.approx((1 / 3 * 3 + 1) / 4)


def test_bcubed_split_story_hand_computed() -> None:
    # gold x = {a,b,c,d}; predicted {a,b} {c,d,e} where e is gold y
    gold = {"a": "x", "b": "x", "c": "x", "d": "x", "e": "y"}
    pred = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}
    score = bcubed(gold, pred)
    assert score.precision == pytest.approx((1 + 1 + 2 / 3 + 2 / 3 + 1 / 3) / 5)
    assert score.recall == pytest.approx((0.5 * 4 + 1) / 5)


def test_misses_names_splits_and_merges() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    lines = list(misses(gold, {"a": 1, "b": 2, "c": 2}))
    assert any(line.startswith("split   x") for line in lines)
    assert any(line.startswith("merged  2") and "x x1" in line and "y x1" in line
               for line in lines)  # fmt: skip


def test_locate_prefers_equal_text_then_containment_and_skips_taken() -> None:
    texts = ["about 1.2 million", "1.2 million", "3.4 million"]
    assert locate("1.2 million", texts, set()) == 1
    assert locate("1.2 million", texts, {1}) == 0
    assert locate("Nine", ["nine"], set()) == 0
    assert locate("17", ["170"], set()) is None


TRACK = {"object": "people", "event": "killed", "place": "Beira",
         "members": [["a1", "nine"], ["a2", "23"]]}  # fmt: skip
FIGURES = {"a1": ["nine", "4,000"], "a2": ["14", "23"]}


def test_track_exact_when_one_predicted_track_holds_exactly_the_members() -> None:
    track_of = {("a1", 0): "t1", ("a2", 1): "t1", ("a1", 1): "t2"}
    members = {"t1": {("a1", 0), ("a2", 1)}, "t2": {("a1", 1)}}
    result = score_track("s", TRACK, FIGURES, track_of, members)
    assert result.exact and result.kind == "exact"


def test_track_with_a_foreign_figure_is_not_exact() -> None:
    # the sub-count "14" joined the killed track
    track_of = {("a1", 0): "t1", ("a2", 1): "t1", ("a2", 0): "t1"}
    members = {"t1": {("a1", 0), ("a2", 1), ("a2", 0)}}
    result = score_track("s", TRACK, FIGURES, track_of, members)
    assert not result.exact and result.kind == "foreign figures"


def test_track_split_over_two_predicted_tracks_is_not_exact() -> None:
    track_of = {("a1", 0): "t1", ("a2", 1): "t2"}
    members = {"t1": {("a1", 0)}, "t2": {("a2", 1)}}
    assert score_track("s", TRACK, FIGURES, track_of, members).kind == "split"


def test_track_member_in_no_track_or_not_extracted() -> None:
    track_of = {("a1", 0): "t1"}
    assert score_track("s", TRACK, FIGURES, track_of, {"t1": {("a1", 0)}}).kind == "no track"
    figures = {"a1": ["nine"], "a2": ["14"]}
    assert score_track("s", TRACK, figures, track_of, {}).kind == "figure not extracted"


def test_member_bcubed_credits_a_part_of_a_track_and_charges_a_foreign_figure() -> None:
    gold = {"s": [TRACK]}
    exact = member_bcubed(gold, FIGURES, {("a1", 0): "t1", ("a2", 1): "t1"})
    assert (exact.precision, exact.recall, exact.items) == (1.0, 1.0, 2)
    # split: each member alone in its track (recall 1/2 each); precision stays 1
    split = member_bcubed(gold, FIGURES, {("a1", 0): "t1", ("a2", 1): "t2"})
    assert (split.precision, split.recall) == (1.0, 0.5)
    # the sub-count "14" joined: three items, the two members' precision 2/3, its own 1/3
    foreign = member_bcubed(gold, FIGURES, {("a1", 0): "t1", ("a2", 1): "t1", ("a2", 0): "t1"})
    assert foreign.items == 3 and foreign.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert foreign.recall == 1.0
    # a figure in a track that holds no member is not scored; a member in no track is alone
    other = member_bcubed(gold, FIGURES, {("a1", 0): "t1", ("a1", 1): "t9"})
    assert (other.items, other.precision, other.recall) == (2, 1.0, 0.5)


def _printed_once(context: str, text: str, body: str) -> bool:
    found = re.findall(r"\s*".join(re.escape(w) for w in context.split()), body, re.IGNORECASE)
    return len(found) == 1 and bool(re.search(rf"(?<!\w){re.escape(text)}(?!\w)", found[0]))


def test_a_members_context_picks_the_figure_printed_in_it() -> None:
    body = "Police said two women died. At least two other buildings caught fire."
    spans = [(12, 15), (37, 40)]
    assert in_context("two other buildings", body, spans) == {1}
    assert in_context("Two  OTHER buildings", body, spans) == {1}  # spacing and case
    track = {"members": [["a1", "two", "At least two other buildings"]]}
    track_of = {("a1", 1): "t1", ("a1", 0): "t2"}
    members = {"t1": {("a1", 1)}, "t2": {("a1", 0)}}
    where = {"a1": (body, spans)}
    assert score_track("s", track, {"a1": ["two", "two"]}, track_of, members, where).exact
    # without the context the first "two" (of "two women") is taken
    assert locate("two", ["two", "two"], set()) == 0
    assert locate("two", ["two", "two"], set(), {1}) == 1


def test_gold_set_is_consistent() -> None:
    labels = json.loads((DATA / "labels.json").read_text())
    articles = {}
    for name in ("ecbplus.ndjson", "written.ndjson"):
        for line in (DATA / name).read_text().splitlines():
            row = json.loads(line)
            articles[row["gid"]] = row
    assert set(labels["stories"]) == set(articles)
    assert set(labels["splits"]) == set(labels["stories"].values())
    assert len(articles) >= 300 and len(labels["splits"]) >= 40
    test = [s for s, split in labels["splits"].items() if split == "test"]
    assert len(test) * 3 >= len(labels["splits"])
    assert len({a["url"] for a in articles.values()}) == len(articles)
    for story, tracks in json.loads((DATA / "tracks.json").read_text()).items():
        for track in tracks:
            for gid, text, *context in track["members"]:
                assert labels["stories"][gid] == story and text in articles[gid]["text"]
                # a context names one place in the article, and the figure is in it
                assert not context or _printed_once(context[0], text, articles[gid]["text"])
