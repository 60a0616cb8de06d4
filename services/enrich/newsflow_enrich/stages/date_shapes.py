"""The words and shapes of a printed date, in one place.

The publication date (`dates`), a date line among the page's lines (`chrome`), a date label where
a dateline would be (`metadata`), a date spaCy took for a name (`timestamps`) and a day after its
month that is no figure (`numbers`) all read the same month and weekday words. Written out, not
taken from `calendar`, whose names follow the process locale.
"""

from __future__ import annotations

# The months' first three letters, in calendar order ("sep" for "Sept." and "September").
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_FULL = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december")  # fmt: skip
MONTH_WORDS = frozenset(MONTHS) | frozenset(_FULL) | {"sept"}
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
WEEKDAY_WORDS = WEEKDAYS | {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "tues", "thurs"}

# A month as printed, whole or cut ("Jan", "January", "Sept"); for case-insensitive patterns.
MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
         r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")  # fmt: skip
# A word that starts like a month (followed by `[a-z]*` where the rest of the word may follow).
MONTH_START = "(?:" + "|".join(MONTHS) + ")"
# A day in numbers: "11/19/2019", "21.01.2020", "2019-11-20".
NUMERIC_DAY = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"


def month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation ("Sept", "april"), else None."""
    word = word.lower().rstrip(".")
    return MONTHS.index(word[:3]) + 1 if word in MONTH_WORDS else None
