"""Figure tracks: the same value, of nouns of one kind, told in a sentence like one a track's
report was told in, is that count in other words (`engine.alike`, `StoryConfig.alike`).
Made-up reports of an invented trial in Corvel and an invented company."""

from __future__ import annotations

from newsflow_stories.engine import StoryConfig, StoryEngine, alike
from newsflow_stories.engine.text import stem

from tests.unit.stories.factory import fig, reporter

ENTS = {"Corvel": "LOC", "Mara Keller": "PERSON", "Velbrix": "ORG"}

_report = reporter("A court in Corvel heard evidence on Tuesday. ", "Corvel trial", ENTS)


def _tracks(*articles: object, bar: float = StoryConfig().alike) -> dict[str, list[float]]:
    engine = StoryEngine(StoryConfig(alike=bar))
    for a in articles:
        engine.add(a)  # type: ignore[arg-type]
    [story] = list(engine.stories())
    return {t.key: sorted(r.value for r in t.reports) for t in story.tracks}


def _trial() -> list[object]:
    youths = _report("Prosecutors showed the footage at the trial of the two youths who face "
                     "life for murdering Mara Keller outside a bakery.",
                     [fig("two", "youths", "face", 2)])  # fmt: skip
    men = _report("The footage was shown at the trial of two men accused of killing Mara Keller "
                  "outside a bakery.",
                  [fig("two", "men", "accused", 2)], hour=11)  # fmt: skip
    return [youths, men]


def test_the_same_value_of_people_in_a_like_sentence_is_one_count() -> None:
    assert _tracks(*_trial(), bar=0.5) == {"face|youth|": [2, 2]}


def test_off_above_one() -> None:
    assert _tracks(*_trial(), bar=2.0) == {"face|youth|": [2], "accus|men|": [2]}


def test_a_sentence_about_something_else_keeps_its_count() -> None:
    other = _report("Two men were seen leaving a parked van near the river that evening.",
                    [fig("Two", "men", "seen", 2)], hour=12)  # fmt: skip
    assert _tracks(*_trial(), other, bar=0.5) == {"face|youth|": [2, 2], "see|men|": [2]}


def test_another_value_or_two_fates_never_meet() -> None:
    a = _report("Two workers were killed when a wall of the Velbrix plant collapsed in Corvel.",
                [fig("Two", "workers", "killed", 2)])  # fmt: skip
    b = _report("Two employees were injured when a wall of the Velbrix plant collapsed in Corvel.",
                [fig("Two", "employees", "injured", 2)], hour=11)  # fmt: skip
    c = _report("Three employees were hurt when a wall of the Velbrix plant collapsed in Corvel.",
                [fig("Three", "employees", "hurt", 3)], hour=12)  # fmt: skip
    assert _tracks(a, b, c, bar=0.5) == {"kill|worker|": [2], "wound|employe|": [2, 3]}


def test_nouns_of_one_kind_but_not_two_parties() -> None:
    assert alike.one_kind(stem("youths"), stem("men"))  # both people
    assert alike.one_kind("hous", "build")  # a kind of the other
    assert alike.one_kind("internat underwat cabl", "cabl")  # the same last word
    assert not alike.one_kind(stem("civilians"), stem("fighters"))  # two parties
    assert not alike.one_kind(stem("computers"), stem("users"))


def test_a_sentence_weighs_its_rare_words_and_leaves_its_value_out() -> None:
    [f] = _trial()[0].figures  # type: ignore[attr-defined]
    words = alike.said(f)
    assert "two" not in words.weights and "keller" in words.weights
    assert words.weights["keller"] > words.weights["trial"] > words.weights.get("the", 0)
    assert words.own == {"youth", "face"}
    assert 0.99 < alike.alike_as(words, words) <= 1.0
    assert alike.Said.of(words.saved()) == words


def test_sentences_alike_only_in_the_figures_own_words_are_not_alike() -> None:
    a = _report("Some 5 firefighters rested.", [fig("5", "firefighters", "rested", 5)])
    b = _report("Some 5 firefighters ate.", [fig("5", "firefighters", "ate", 5)], hour=11)
    x, y = alike.said(a.figures[0]), alike.said(b.figures[0])
    assert alike.cosine(x.weights, y.weights) > 0.5 and alike.alike_as(x, y) == 0.0
    assert _tracks(a, b, bar=0.5) == {"rest|firefight|": [5], "ate|firefight|": [5]}


def _dock(*extra: object) -> dict[str, list[float]]:
    youths = _report("Two youths who face life for murdering Mara Keller outside a bakery were "
                     "in court.", [fig("Two", "youths", "face", 2)])  # fmt: skip
    dock = _report("Two men stood in the dock in Corvel on Tuesday.",
                   [fig("Two", "men", "stood", 2)], hour=11)  # fmt: skip
    both = _report("Two men who face life for murdering Mara Keller outside a bakery stood in "
                   "the dock.", [fig("Two", "men", "stood", 2)], hour=13)  # fmt: skip
    return _tracks(youths, dock, *extra, both, bar=0.5)


def test_a_report_alike_another_tracks_makes_the_two_tracks_one_count() -> None:
    # the third report files into "stood" by its words and is alike the "face" report: the two
    # tracks of one value are one count, whichever came first
    assert _dock() == {"face|youth|": [2, 2, 2]}


def test_a_track_of_two_values_is_not_joined_by_a_like_report() -> None:
    three = _report("Three men stood in the dock in Corvel on Wednesday.",
                    [fig("Three", "men", "stood", 3)], hour=12)  # fmt: skip
    assert _dock(three) == {"face|youth|": [2], "stand|men|": [2, 2, 3]}


def test_only_a_tracks_latest_reports_keep_their_sentence() -> None:
    said = alike.Said({"keller": 2.9, "trial": 1.6}, frozenset({"trial"}))
    reports: list[dict[str, object]] = []
    for n in range(alike.KEPT + 3):
        reports.append({"value": 2.0, "figure": n, **said.saved()})
        alike.forget(reports)  # type: ignore[arg-type]
    kept = [r["figure"] for r in reports if "context" in r]
    assert kept == list(range(3, alike.KEPT + 3))
    assert all("own" not in r for r in reports[:3])
    assert alike.Said.of(reports[0]) == alike.Said({}, frozenset())  # type: ignore[arg-type]
