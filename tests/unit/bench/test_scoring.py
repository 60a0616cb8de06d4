"""The scoring behind bench/quality and bench/agreement: a gold annotation read as a prediction
agrees with itself, and each kind of mistake costs exactly what the matching rules say."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from bench.agreement import _lenient, as_prediction
from bench.figure_score import score_figures
from bench.quality_score import Scores, score_entities, score_metadata

DATA = Path(__file__).resolve().parents[3] / "bench" / "data"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return json.loads((DATA / "seed-hajin.gold.json").read_text("utf-8"))


def _score(gold: dict[str, Any], pred: dict[str, Any]) -> Scores:
    s = Scores()
    score_metadata(gold, pred, s)
    score_entities(gold, pred["entities"], pred["body"], "\n".join(pred["captions"]), s)
    score_figures(gold, pred["figures"], s)
    return s


def _row(s: Scores, key: str) -> tuple[float | None, float | None]:
    r = s.prf[key].row()
    return r["p"], r["r"]


def test_a_gold_read_as_a_prediction_agrees_with_itself(gold: dict[str, Any]) -> None:
    body = "\n".join(gold["story_lines"])
    s = _score(gold, as_prediction(gold, body))
    for key in (
        "entities PERSON",
        "entities ORG",
        "entities LOC",
        "merges (all)",
        "figures value",
        "figures +object",
        "figures +object+event",
        "figures parent",
        "meta (all fields)",
    ):
        assert _row(s, key) == (1.0, 1.0), key


def test_a_wrong_object_costs_one_figure_at_object_level_and_above(gold: dict[str, Any]) -> None:
    body = "\n".join(gold["story_lines"])
    pred = as_prediction(gold, body)
    pred["figures"][0]["object"] = "bicycles"
    s = _score(gold, pred)
    n = len(gold["figures"])
    assert _row(s, "figures value") == (1.0, 1.0)
    assert _row(s, "figures +object") == ((n - 1) / n, (n - 1) / n)
    assert _row(s, "figures +object+event") == ((n - 1) / n, (n - 1) / n)


def test_an_unmerged_alias_is_a_duplicate_and_a_missed_merge(gold: dict[str, Any]) -> None:
    body = "\n".join(gold["story_lines"])
    pred = as_prediction(gold, body)
    ent = next(e for e in pred["entities"] if e["type"] == "ORG" and e["aliases"]
               and e["aliases"][0] in body)  # fmt: skip
    alias = ent["aliases"][0]
    ent["aliases"] = ent["aliases"][1:]
    pred["entities"].append({"name": alias, "type": "ORG", "aliases": [], "spans": []})
    s = _score(gold, pred)
    p, r = _row(s, "entities ORG")
    assert r == 1.0 and p is not None and p < 1.0
    assert _row(s, "merges (all)")[1] < 1.0


def test_lenient_agreement_counts_any_shared_reading() -> None:
    first = {
        "figures": [{"value": 5, "text": "five", "object": ["soldiers", None], "event": "killed"}]
    }
    second = copy.deepcopy(first)
    second["figures"][0]["object"] = [None, "soldiers"]
    s = Scores()
    _lenient(first, second, s)
    assert _row(s, "lenient +object+event") == (1.0, 1.0)
    second["figures"][0]["event"] = "wounded"
    s = Scores()
    _lenient(first, second, s)
    assert _row(s, "lenient +object+event") == (0.0, 0.0)


def test_an_event_is_its_verb_not_a_trailing_particle() -> None:
    from bench.figure_score import stem

    assert stem("edged up") == stem("edged") == stem("edges")
    assert stem("were swept away") == stem("swept")
    assert stem("went through") == stem("went") != stem("through")
    assert stem("were killed") == stem("killed") != stem("up")


def test_an_event_of_several_words_is_also_read_by_its_verb() -> None:
    from bench.figure_score import event_ok

    def ok(gold: Any, pred: Any) -> bool:
        return event_ok({"event": gold}, {"event": pred})

    assert ok("made public", "made") and ok("made public", "public")
    assert ok("took part", "took") and ok("went on strike", "went")
    assert ok("will be", "be") and not ok("will be", "will")
    assert ok(["kill", "found guilty"], "found") and not ok("found guilty", "killed")
    assert not ok("made", "public") and ok(None, None) and not ok("made public", None)


def test_a_value_printed_twice_is_matched_to_the_mention_of_the_gold_text() -> None:
    from bench.figure_score import match_figures

    def fig(text: str, sentence: str, event: str) -> dict[str, Any]:
        return {"value": 7.0, "text": text, "sentence": sentence, "object": "states",
                "event": event}  # fmt: skip

    preds = [fig("seven", "The map settles on seven states.", "settles"),
             fig("seven", "Those seven states will draw the money.", "draw")]  # fmt: skip
    gold = [{"value": 7.0, "text": "Those seven states", "object": "states", "event": "draw"}]
    assert match_figures(gold, preds) == {0: 1}
    s = Scores()
    score_figures({"figures": gold}, preds, s)
    assert _row(s, "figures +object+event") == (0.5, 1.0)
    # a gold text no sentence holds: the first mention, as before
    assert match_figures([{**gold[0], "text": "seven swing states"}], preds) == {0: 0}


def test_units_are_compared_in_one_notation() -> None:
    from bench.figure_score import unit_key

    assert unit_key("percent") == unit_key("%") == "%"
    assert unit_key("dollars") == unit_key("USD") == "USD"
    assert unit_key(["metres", "m"]) == "m"
    assert unit_key("km") != unit_key("miles")


def test_a_soft_hyphen_is_not_printed_so_it_costs_no_story_line() -> None:
    from bench.quality_score import score_text

    gold = {
        "story_lines": ["Aside from Vladi\u00admir Putin, few leaders agreed."],
        "chrome_lines": [],
    }
    s = Scores()
    score_text(gold, "Aside from Vladimir Putin, few leaders agreed.", s)
    assert _row(s, "story lines kept") == (1.0, 1.0)
