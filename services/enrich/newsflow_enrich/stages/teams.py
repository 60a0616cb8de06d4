"""Teams' nicknames, for the resolve stage: a sports story calls Penn State "the Nittany Lions"
and Tottenham Hotspur "Spurs", which no article spells out. A hand-written table of the
nicknames of the US college football teams of the top division (FBS) and of English football
clubs; names the team's own name ends with ("Oklahoma City Thunder": "Thunder") are
names.nicknames' work (the clubs' own words: clubs.py).
"""

from __future__ import annotations

import re
from functools import cache

from newsflow_enrich.stages.registry import Registry, occurrences

# One line per team: its names, then "=" and its nicknames, each list split by "|".
_TABLE = """
Boston College = Eagles
Clemson = Tigers
Duke = Blue Devils
Florida State = Seminoles | Noles
Georgia Tech = Yellow Jackets
Louisville = Cardinals
Miami = Hurricanes | Canes
North Carolina | UNC = Tar Heels
NC State | North Carolina State = Wolfpack
Pittsburgh | Pitt = Panthers
Syracuse = Orange
Virginia = Cavaliers | Wahoos
Virginia Tech = Hokies
Wake Forest = Demon Deacons
California | Cal = Golden Bears
Stanford = Cardinal
SMU = Mustangs
Illinois = Fighting Illini | Illini
Indiana = Hoosiers
Iowa = Hawkeyes
Maryland = Terrapins | Terps
Michigan = Wolverines
Michigan State = Spartans
Minnesota = Golden Gophers | Gophers
Nebraska = Cornhuskers | Huskers
Northwestern = Wildcats
Ohio State = Buckeyes
Penn State = Nittany Lions
Purdue = Boilermakers
Rutgers = Scarlet Knights
Wisconsin = Badgers
UCLA = Bruins
USC | Southern California = Trojans
Oregon = Ducks
Washington = Huskies
Arizona = Wildcats
Arizona State = Sun Devils
Baylor = Bears
BYU | Brigham Young = Cougars
Cincinnati = Bearcats
Colorado = Buffaloes | Buffs
Houston = Cougars
Iowa State = Cyclones
Kansas = Jayhawks
Kansas State = Wildcats
Oklahoma State = Cowboys
TCU = Horned Frogs
Texas Tech = Red Raiders
UCF = Knights
Utah = Utes
West Virginia = Mountaineers
Alabama = Crimson Tide
Arkansas = Razorbacks | Hogs
Auburn = Tigers
Florida = Gators
Georgia = Bulldogs | Dawgs
Kentucky = Wildcats
LSU = Tigers
Ole Miss = Rebels
Mississippi State = Bulldogs
Missouri = Tigers
Oklahoma = Sooners
South Carolina = Gamecocks
Tennessee = Volunteers | Vols
Texas = Longhorns
Texas A&M = Aggies
Vanderbilt = Commodores
Notre Dame = Fighting Irish
UConn | Connecticut = Huskies
UMass | Massachusetts = Minutemen
Army = Black Knights
Charlotte = 49ers
East Carolina = Pirates
Florida Atlantic | FAU = Owls
Memphis = Tigers
Navy = Midshipmen
North Texas = Mean Green
Rice = Owls
South Florida | USF = Bulls
Temple = Owls
Tulane = Green Wave
Tulsa = Golden Hurricane
UAB = Blazers
UTSA = Roadrunners
Air Force = Falcons
Boise State = Broncos
Colorado State = Rams
Fresno State = Bulldogs
Hawaii = Rainbow Warriors
Nevada = Wolf Pack
New Mexico = Lobos
San Diego State = Aztecs
San Jose State = Spartans
UNLV = Rebels
Utah State = Aggies
Wyoming = Cowboys
Akron = Zips
Ball State = Cardinals
Bowling Green = Falcons
Buffalo = Bulls
Central Michigan = Chippewas
Eastern Michigan = Eagles
Kent State = Golden Flashes
Miami (Ohio) | Miami of Ohio = RedHawks
Northern Illinois = Huskies
Ohio = Bobcats
Toledo = Rockets
Western Michigan = Broncos
Appalachian State | App State = Mountaineers
Arkansas State = Red Wolves
Coastal Carolina = Chanticleers
Georgia Southern = Eagles
Georgia State = Panthers
James Madison = Dukes
Louisiana = Ragin' Cajuns | Ragin’ Cajuns
Louisiana-Monroe | ULM = Warhawks
Marshall = Thundering Herd
Old Dominion = Monarchs
South Alabama = Jaguars
Southern Miss | Southern Mississippi = Golden Eagles
Texas State = Bobcats
Troy = Trojans
FIU | Florida International = Panthers
Jacksonville State = Gamecocks
Kennesaw State = Owls
Liberty = Flames
Louisiana Tech = Bulldogs
Middle Tennessee = Blue Raiders
New Mexico State = Aggies
Sam Houston = Bearkats
UTEP = Miners
Western Kentucky = Hilltoppers
Oregon State = Beavers
Washington State = Cougars
Arsenal = Gunners
Aston Villa | Villa = Villans
Bournemouth = Cherries
Brentford = Bees
Brighton | Brighton & Hove Albion | Brighton and Hove Albion = Seagulls
Burnley = Clarets
Chelsea = Blues
Crystal Palace | Palace = Eagles
Everton = Toffees
Fulham = Cottagers
Leeds | Leeds United = Whites
Leicester | Leicester City = Foxes
Liverpool = Reds
Luton | Luton Town = Hatters
Manchester City | Man City = Citizens | Cityzens
Manchester United | Man United | Man Utd = Red Devils
Newcastle | Newcastle United = Magpies
Nottingham Forest | Forest = Tricky Trees
Sheffield United = Blades
Sheffield Wednesday = Owls
Southampton = Saints
Tottenham Hotspur | Tottenham = Spurs
West Ham | West Ham United = Hammers | Irons
Wolverhampton Wanderers | Wolverhampton = Wolves
West Bromwich Albion | West Brom = Baggies
Stoke | Stoke City = Potters
Sunderland = Black Cats
Hull | Hull City = Tigers
Huddersfield | Huddersfield Town = Terriers
Derby | Derby County = Rams
Norwich | Norwich City = Canaries
Watford = Hornets
Ipswich | Ipswich Town = Tractor Boys
Middlesbrough = Boro
Swansea | Swansea City = Swans
Cardiff | Cardiff City = Bluebirds
Millwall = Lions
"""


# Nicknames of the table that professional teams go by too (NFL, NBA, NHL, MLB: "Panthers"
# are Carolina's or Florida's as often as Pittsburgh's): never read from the table.
_PRO = {"Panthers", "Eagles", "Bears", "Rams", "Broncos", "Cowboys", "Cardinals", "Lions",
        "Tigers", "Jaguars", "Falcons", "Bulls", "Bruins", "Hurricanes", "Ducks", "Flames",
        "Blues", "Saints", "Rockets", "Knights", "Cavaliers", "Hornets", "Reds", "49ers",
        "Pirates", "Blazers", "Bobcats", "Wolves"}  # fmt: skip


@cache
def _teams() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    out = []
    for line in _TABLE.strip().splitlines():
        names_, nicks = line.split(" = ")
        out.append((tuple(n.strip() for n in names_.split("|")),
                    tuple(n.strip() for n in nicks.split("|"))))  # fmt: skip
    return out


def merge_nicknames(reg: Registry, text: str, sport: bool) -> bool:
    """A team's nickname printed capitalised ("the Buckeyes") and its other names ("Tottenham" /
    "Tottenham Hotspur") join the team the article names, where one team of the table with that
    nickname is named: in a sports story, or where the typer made the team's name an
    organisation (a coach's hiring is no game report: "Houston" ... "the Cougars’ offensive
    coordinator"); whether any form was added."""
    types = ("ORG", "LOC") if sport else ("ORG",)
    fits: dict[str, list[str]] = {}  # a form -> the article's teams it may name
    for names_, nicks in _teams():
        named = sorted((reg.by_form[n] for n in names_ if n in reg.by_form
                        and reg.type_of(reg.by_form[n]) in types),
                       key=lambda n: reg.cands[n].first)  # fmt: skip
        if named:
            for form in {*names_, *nicks} - _PRO:
                fits.setdefault(form, []).append(named[0])
    added = False
    for form, teams in fits.items():
        if len(set(teams)) != 1 or teams[0] not in reg.cands:
            continue
        owner = reg.by_form.get(form)
        if owner == teams[0] or owner is not None and len(owner.split()) > len(form.split()):
            continue  # its own form already, or inside a longer name ("Philadelphia Eagles")
        if owner is not None or _printed(form, text):
            reg.merge(into=teams[0], form=form)
            added = True
    return added


def _printed(form: str, text: str) -> bool:
    """Printed as a word of its own, not inside a longer capitalised name (a word before it that
    ends a sentence, or "The", is no part of it)."""
    for start, end in occurrences(form, text):
        prev = re.search(r"([\w.'’-]+)\s$", text[max(0, start - 30) : start])
        if not re.match(r" [A-Z]", text[end : end + 2]) and (
            prev is None or not prev.group(1)[:1].isupper() or prev.group(1).endswith(".")
            or prev.group(1) in ("The", "A", "An")
        ):  # fmt: skip
            return True
    return False
