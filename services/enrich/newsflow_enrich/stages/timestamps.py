"""Timestamps spaCy takes for names: a printed date, a weekday, a time zone after a clock."""

from __future__ import annotations

import re

from dateparser.timezones import timezone_info_list

from newsflow_enrich.stages import date_shapes


def is_date_or_zone(form: str, before: str) -> bool:
    """A timestamp spaCy took for a name: a date printed with its month or weekday ("Sep 10,
    2010", "Fri Aug 2"), a weekday alone ("Wednesday"), or a time zone after a clock ("22:07
    GMT", "6:50pm EDT"; `before` is the text before the form). Month and weekday names from
    `date_shapes`, time zones from dateparser's table."""
    if form.lower() in _DAYS:
        return True
    if form in _ZONES:
        return bool(_CLOCK.search(before))
    words = re.findall(r"[A-Za-z]+|\d+|\S", form)
    return (
        any(w.isdigit() for w in words)
        and any(w.lower() in _DATE_WORDS for w in words)
        and all(w.lower() in _DATE_WORDS or w.isdigit() or not w.isalnum() for w in words)
    )


_DAYS = date_shapes.WEEKDAYS
_DATE_WORDS = date_shapes.WEEKDAY_WORDS | date_shapes.MONTH_WORDS
_ZONES = {abbr for zone in timezone_info_list for abbr, _ in zone["timezones"]}
_CLOCK = re.compile(r"(?:\d{1,2}[:.]\d\d|\d{3,4}|[ap]\.?m\.?)\s*\(?$", re.IGNORECASE)
