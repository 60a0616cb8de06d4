"""bench/real/annotate.py: a notes line becomes the gold figure the annotator meant."""

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "annotate", Path(__file__).parents[3] / "bench" / "real" / "annotate.py"
)
annotate = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(annotate)  # type: ignore[union-attr]


def test_a_unit_with_a_slash_is_one_unit() -> None:
    fig = annotate._figure("125 | 125kph | | km/h | | | null/spinner | null")
    assert fig["unit"] == "km/h"
    assert fig["object"] == [None, "spinner"]  # two readings stay two readings


def test_a_unit_left_open_between_none_and_one_is_two_readings() -> None:
    assert annotate._figure("3 | three points | | null/points | | | | ")["unit"] == [None, "points"]
