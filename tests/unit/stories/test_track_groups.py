"""Figure tracks: the group a share or some are picked from, in a clause that tells of the share
("Ninety percent of the 288 candidates come from the ruling party", "Of the 288 candidates, 286
have higher education"), is no report of the group's count (bench/stories-data README's
convention); with words of its own after its noun ("all of the 288 candidates running for 125
seats", "one of the two men accused of the killing") it is. Made-up reports of an invented
election in Corvel."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

_vote = reporter("Corvel voted for a new parliament on Sunday. ", "Corvel election",
                 {"Corvel": "LOC"})  # fmt: skip


def test_the_group_a_share_is_picked_from_is_no_report_of_its_count() -> None:
    a = _vote("A total of 288 candidates are running for 125 seats.",
              [fig("288", "candidates", "running", 288)])  # fmt: skip
    b = _vote("Of the 288 candidates, 286 have higher education.",
              [fig("288", "candidates", "have", 288), fig("286", None, "have", 286)],
              hour=11)  # fmt: skip
    c = _vote("Ninety percent of the 288 candidates come from the ruling party.",
              [fig("288", "candidates", "come", 288)], hour=12)  # fmt: skip
    d = _vote("Almost all of the 288 candidates running for the seats back the president.",
              [fig("288", "candidates", "running", 288)], hour=13)  # fmt: skip
    tracks = track_values(a, b, c, d)
    assert tracks["run|candid|"] == [288, 288]  # a and d: b's and c's 288 are no reports


def test_a_group_with_words_of_its_own_after_its_noun_is_counted() -> None:
    trial = reporter("Two men went on trial in Corvel on Monday. ", "Corvel trial",
                     {"Corvel": "LOC"})  # fmt: skip
    a = trial("The jury convicted one of the two men accused of the killing.",
              [fig("two", "men", "accused", 2)])  # fmt: skip
    b = trial("Most of the 2,500 people eligible cast their votes.",
              [fig("2,500", "people", "cast", 2500)], hour=11)  # fmt: skip
    tracks = track_values(a, b)
    assert tracks["accus|men|"] == [2]
    assert tracks["cast|peopl|"] == [2500]
