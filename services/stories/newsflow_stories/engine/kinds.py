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
