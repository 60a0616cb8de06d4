"""US states as news prints them after a city: "Decatur, Ill.", "Peoria, IL", "Alpharetta, GA"
(entity resolution's state rule, apart from resolve.py for its size)."""

from __future__ import annotations

import re

import pycountry

from newsflow_enrich.stages.registry import STRONG, Registry, occurrences

# AP style's state abbreviations, without their last dot (the AP Stylebook's list, which
# pycountry does not carry); the postal codes come from pycountry's ISO 3166-2 subdivisions.
_AP_STATES = {
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H", "N.J", "N.M",
    "N.Y", "N.C", "N.D", "Okla", "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Vt", "Va", "Wash",
    "W.Va", "Wis", "Wyo",
}  # fmt: skip
STATE_NAMES = {s.name for s in pycountry.subdivisions.get(country_code="US")}
_STATES = _AP_STATES | {s.code.removeprefix("US-") for s in pycountry.subdivisions.get(
    country_code="US") if s.type == "State"}  # fmt: skip


# A state after a capitalised word and a comma, as a city's: "Alpharetta, GA", "Fresno, Calif.".
_STATE_AFTER_CITY = re.compile(
    r"\b[A-Z][\w’'.-]*, ("
    + "|".join(re.escape(s) for s in sorted(_STATES, key=len, reverse=True))
    + r")(\.?)(?![\w.])"
)


def mark(reg: Registry, text: str) -> None:
    """'Decatur, Ill.', 'Peoria, IL': a state abbreviation after a city and a comma is a place,
    whatever spaCy called it (often an organisation: 'CA', 'NJ'). It stays an entity of its own,
    apart from the state spelled out, as bench/real/ANNOTATING.md annotates it. Only when every
    use of it follows a capitalised word and a comma."""
    for m in _STATE_AFTER_CITY.finditer(text):
        code = m.group(1)
        if code.isupper() and len(code) == 2:  # "GA" (a dot after it ends the sentence)
            reg.add(code, "LOC", m.start(1), weight=STRONG)
        elif m.group(2):  # "Calif." (AP style: with its dot)
            reg.add(code + ".", "LOC", m.start(1), weight=STRONG)
    for name in list(reg.cands):
        if after_cities(name, text):
            reg.cue(name, "LOC")


def after_cities(name: str, text: str) -> bool:
    """Whether `name` is a state's abbreviation that every use of follows a city and a comma."""
    if name.rstrip(".") not in _STATES:
        return False
    uses = [start for start, _ in occurrences(name, text, before=".")]
    return bool(uses) and all(re.search(r"[A-Z][\w.’'-]*,\s$", text[max(0, start - 40): start])
                              for start in uses)  # fmt: skip
