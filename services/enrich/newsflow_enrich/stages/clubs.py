"""Sports clubs and sports stories: the words that make a name a club ("Real Madrid",
"Northbridge City"), a club's short forms, and whether a story is about sport (where the club
readings apply at all)."""

from __future__ import annotations

import re

# First and last words of sports club names ("Real Madrid", "Northbridge City"), read as clubs
# only in a sports story.
CLUB_PREFIXES = {
    "real", "atletico", "atlético", "borussia", "olympique", "inter", "ac", "as", "fc", "sporting",
    "bayern", "dynamo", "dinamo", "lokomotiv", "spartak", "racing", "deportivo", "eintracht",
    "werder", "hertha", "vfb", "vfl", "rb", "sc", "cf", "cd",
}  # fmt: skip
CLUB_SUFFIXES = {
    "city", "united", "rovers", "wanderers", "athletic", "albion", "hotspur", "rangers", "town",
    "county", "fc", "afc", "villa", "forest", "palace", "orient", "argyle", "saint-germain",
    "celtic", "thistle", "hearts", "warriors", "lakers", "knicks", "bulls",
}  # fmt: skip
_SPORT_WORDS = {
    "match", "goal", "goals", "scored", "league", "season", "striker", "midfielder", "defender",
    "goalkeeper", "coach", "final", "semi-final", "quarter-final", "tournament", "innings",
    "wickets", "stadium", "fans", "penalty", "points", "referee", "half-time", "halftime",
    "equaliser", "equalizer", "header", "playoff", "playoffs", "fixture", "kick-off", "squad",
    "transfer", "derby", "unbeaten", "seeded", "set", "sets", "tie-break", "rebounds", "touchdown",
    "stage", "peloton", "rider", "riders", "sprint", "jersey", "podium", "lap", "laps", "pole",
    "grid", "qualifying", "birdie", "par", "medal", "medals", "relay", "overtime", "race",
    "rugby", "scrum", "lineout", "sin-bin", "flanker", "fly-half", "scrum-half", "winger",
    "batting", "bowling", "pitcher", "inning",
}  # fmt: skip


def is_sport(text: str) -> bool:
    """A sports story: four or more distinct sports words, and one word in 70 or more a sports
    word (a long story on a rocket's "final stage" and "goal", or on a union's "overtime" and
    "penalty", uses them far more rarely: 2-11 in 1,000 words on real dev pages; a match report
    18 and more)."""
    words = re.findall(r"[a-z][a-z-]+", text.lower())
    hits = [w for w in words if w in _SPORT_WORDS]
    return len(set(hits)) >= 4 and len(hits) * 70 >= len(words)


def is_club(form: str) -> bool:
    words = form.lower().split()
    return len(words) >= 2 and (words[0] in CLUB_PREFIXES or words[-1] in CLUB_SUFFIXES)


def club_short_forms(name: str) -> list[str]:
    """'Northbridge City' -> 'City', 'Olympique de Marseille' -> 'Marseille', 'Borussia
    Dortmund' -> 'Dortmund'."""
    words = name.split()
    if len(words) < 2:
        return []
    out = []
    if words[-1].lower() in CLUB_SUFFIXES:
        out.append(words[-1])
    if words[0].lower() in CLUB_PREFIXES:
        rest = words[1:]
        if rest and rest[0].lower() in ("de", "di", "of"):
            rest = rest[1:]
        if rest:
            out.append(" ".join(rest))
        if len(words[0]) >= 5:
            out.append(words[0])  # "Atletico"
    return out
