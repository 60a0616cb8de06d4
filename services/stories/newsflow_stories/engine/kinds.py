"""The identity of a figure's count (`identity`), as the track rules and the checks on parts
(`parts`) see it."""

from __future__ import annotations

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
