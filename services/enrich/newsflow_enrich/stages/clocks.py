"""Two clocks printed for one instant, read with their time zones.

Pages print the time of a story in two zones: "May 24, 2016 -- 13:30 GMT (06:30 PDT)" (ZDNet),
"Updated 0339 GMT (1139 HKT) November 19, 2019" (CNN International), "Saturday, 21 October 2006,
14:41 GMT 15:41 UK" (the old BBC). bench/real/ANNOTATING.md takes the date "local as printed":
of a universal clock (GMT, UTC) and a local one printed beside it for the same instant, the
local one. The zones' offsets are dateparser's table (the one `timestamps` reads); two clocks
are one instant only where they differ by the two zones' offsets (an hour more in summer time,
which names like "PT" and "UK" do not say), so two times of two events are never taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from dateparser.timezones import timezone_info_list

_OFFSETS: dict[str, int] = {}
for _zone in timezone_info_list:
    for _abbr, _seconds in _zone["timezones"]:
        _OFFSETS.setdefault(_abbr, _seconds)
_OFFSETS["UK"] = 0  # the old BBC's "15:41 UK": London's time (GMT, or BST an hour on)

# A zone name printed right after a clock: "13:30 GMT", "(06:30 PDT)", "1139 HKT)".
_ZONE_AFTER = re.compile(r"\s*(?P<zone>[A-Z]{2,5})\b")
_BETWEEN = re.compile(r"^[\s(/|,-]{0,4}$")  # what may part the two clocks: " (", " ", " / "
_DAY = timedelta(hours=24)


def zone_after(seg: str, end: int) -> str | None:
    """The zone name printed right after a clock that ends at `end`, if dateparser knows it."""
    m = _ZONE_AFTER.match(seg, end)
    return m.group("zone") if m and m.group("zone") in _OFFSETS else None


def local_of_pair(
    seg: str,
    first: re.Match[str],
    clock: timedelta,
    times: list[re.Match[str]],
    read: Callable[[re.Match[str]], timedelta | None],
) -> tuple[int, timedelta] | None:
    """Where `first` (a clock of `seg`, read as `clock`) is a universal clock followed by a
    local clock of the same instant, the local time, as an offset from the first clock's day
    (so a local clock past midnight moves the day), with where the local clock starts; else None.
    `read` reads a clock match."""
    zone = zone_after(seg, first.end())
    if zone is None or _OFFSETS[zone] != 0 or zone == "UK":
        return None
    after = [t for t in times if t.start() >= first.end()]
    if not after:
        return None
    second = min(after, key=lambda t: t.start())
    gap = seg[first.end() : second.start()]
    local_zone = zone_after(seg, second.end())
    other = read(second)
    if local_zone is None or other is None or not _BETWEEN.match(gap.replace(zone, "", 1)):
        return None
    shift = other - clock
    if shift > _DAY / 2 + timedelta(hours=2):
        shift -= _DAY
    elif shift < -_DAY / 2 - timedelta(hours=2):
        shift += _DAY
    expected = timedelta(seconds=_OFFSETS[local_zone])
    if shift not in (expected, expected + timedelta(hours=1)) or shift == timedelta(0):
        return None
    return second.start(), clock + shift
