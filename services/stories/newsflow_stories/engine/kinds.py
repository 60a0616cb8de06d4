"""The identity of a figure's count (`identity`), as the track rules and the checks on parts
(`parts`) see it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# (event, object, unit, place) of the story's tracks so far: what a placed count is set apart from.
Kind = tuple[str, str, str | None, str | None]


@dataclass(frozen=True)
class Identity:
    event: str
    object: str
    unit: str | None
    place: str | None
    # The object's words before its noun are plain words, not names ("container ships", not
    # "SDF fighters"): such a description may be dropped by the next report (see `choose`).
    plain: bool = field(default=False, compare=False)
    # An earlier value of the count the sentence reports ("41, up from an earlier count of 38").
    restates: bool = field(default=False, compare=False)
    # The object names a party by name ("SDF fighters", "Syrian soldiers"): never redescribed.
    named: bool = field(default=False, compare=False)
    # Whose count it is, for counts that have one (`holders`): "Shy Ely scored 23 points".
    holder: str | None = field(default=None, compare=False)
    # A past time dates the count ("finished his career in 1978 with 2,290 points"): it only
    # restates a value a track of the story already holds, and never starts one.
    past: bool = field(default=False, compare=False)


# Parties a casualty report sets against each other ("civilians" vs "fighters"): never one count
# with another description, whatever the values. Stems.
_PARTIES = {"civilian", "soldier", "troop", "fighter", "militant", "rebel", "insurg", "polic",
            "policemen", "policeman", "offic", "gunmen", "gunman", "attack", "terrorist",
            "jihadist", "extremist", "protest", "demonstr", "prison", "inmat", "militiamen",
            "militiaman",
            "guard", "forc", "armi", "combat"}  # fmt: skip


def party(stem: str) -> bool:
    """Is the stem one of the parties a casualty report sets against each other?"""
    return stem in _PARTIES


# Words of a description long enough to name one count by itself ("two earlier legal opinions",
# "three prior DUI convictions", "a three-game losing streak"), stemmed.
PHRASE_WORDS = 3


# A number inside the description makes the figure a share of it ("four of their last five
# games", "two of the three victims"), not a count the words name.
_NUMBER_WORD = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|"
    r"hundr\w*|thousand)$"
)


def a_phrase(obj_n: str) -> bool:
    """Is the normalized object a description long enough to name a count by itself, with no
    number inside it (see `PHRASE_WORDS`)?"""
    ws = obj_n.split()
    return len(ws) >= PHRASE_WORDS and not numbered(obj_n)


def numbered(obj_n: str) -> bool:
    """Does a number sit inside the (normalized) object: a share of a group ("four of their last
    five games")?"""
    return any(_NUMBER_WORD.match(w) for w in obj_n.split())
