"""Distinctive values: the figures that tell one event instance from another of its kind.

"2.1 million customers", "$160 million", "magnitude 6.8", "1,350 injured" are rarely printed
by reports of two different events; "three people", "two days", "2019" often are. Two reports
that print the same distinctive value most likely tell the same event, in whatever words.
"""

from __future__ import annotations

from collections.abc import Iterable

# Counts below this (with no unit) agree by chance; years and durations say when, not what.
MIN_COUNT = 100
DURATIONS = {"s", "minutes", "hours", "days", "weeks", "months", "years", "decades"}

Value = tuple[float, str | None]


def distinctive(values: Iterable[tuple[float, str | None]]) -> set[Value]:
    """The distinctive ones of (value, unit) pairs, rounded so that equal prints compare equal."""
    out: set[Value] = set()
    for value, unit in values:
        whole = float(value).is_integer()
        if unit in DURATIONS or (whole and not unit and value < MIN_COUNT):
            continue
        if whole and not unit and 1900 <= value <= 2100:
            continue  # a year
        out.add((round(value, 3), unit))
    return out
