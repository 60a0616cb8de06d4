"""Word-level rules about names, used by the entities stage: acronyms and their expansions,
surnames, short forms of organisation and region names, and the word lists they and the type
cues from the context (name_cues.py) read."""

from __future__ import annotations

import re
from functools import cache

import pycountry
from spacy.tokens import Span

from newsflow_enrich.stages.clubs import CLUB_SUFFIXES

_STOP_INITIALS = {"of", "for", "and", "the", "de", "du", "des", "la", "le", "al", "on", "in", "to",
                  "&", "der", "van", "von", "y", "e", "del", "at"}  # fmt: skip
# Last words that make a name an organisation whatever spaCy says ("Nvidia Corp.").
# A company's legal form after its name ("Pfizer Inc.", "Siemens AG", "PT Astra Tbk").
LEGAL_FORMS = {"inc", "corp", "co", "ltd", "llc", "plc", "group", "holdings", "ag", "sa", "nv",
               "gmbh", "bv", "spa", "tbk", "asa", "oyj", "kg"}  # fmt: skip
ORG_SUFFIXES = LEGAL_FORMS | {
    "council", "commission",
    "authority", "ministry", "department", "agency", "institute", "university", "college",
    "court", "police", "party", "bank", "fund", "forces", "army", "union", "association",
    "organization", "organisation", "office", "service", "programme", "program", "foundation",
    "committee", "board", "club", "fc", "company", "airlines", "mission", "network", "observatory",
    "federation", "league", "assembly", "parliament", "congress", "senate", "cabinet",
}  # fmt: skip
_LEGAL = re.compile(r"(,?\s+(Inc|Corp|Co|Ltd|LLC|PLC|plc|Group|Holdings|SA|AG|NV|GmbH|Tbk)\.?)+$")
_COMPANY_PREFIX = re.compile(r"^(PT|CV|Tbk|JSC|OAO|PJSC) ")
# Head words of organisations' names beyond the suffixes ("Catholic Relief Services", "Greylock
# Partners").
ORG_HEADS = ORG_SUFFIXES | {"partners", "ventures", "services", "society", "survey", "systems",
                            "studios", "corporation", "limited", "industries", "technologies",
                            "solutions", "enterprises"}  # fmt: skip
# Last words of company names that say what the company makes or does.
_TRADES = {"paints", "construction", "lines", "airlines", "motors", "industries", "technologies",
           "energy", "pharmaceuticals", "electronics", "steel", "mining", "resources", "shipping",
           "foods", "chemicals", "semiconductor", "petroleum", "telecom", "logistics"}  # fmt: skip
# Descriptors a region drops in later mentions. Not "Strip": "Gaza" is the city as often as
# the strip, and the real pages' gold keeps them apart ("Las Vegas" is no "Las Vegas Strip").
_REGION = re.compile(r"\s+(Autonomous Region|Region|Province|Governorate|Prefecture|Oblast"
                     r"|Territory|State)$")  # fmt: skip
# Natural features whose first word alone names them once spaCy tagged it: "the Baltic",
# "the Rajang" ("Baltic Sea", "Rajang River"); not "Red" for "Red Sea".
FEATURE = re.compile(r"\s+(Sea|River|Lake|Ocean|Mountains|Gulf|Strait|Desert|Peninsula)$")
# Words before a name that make it a person: titles and roles.
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "judge", "justice", "president",
    "minister", "premier", "chancellor", "senator", "sen", "rep", "gov", "governor", "mayor",
    "king", "queen", "prince", "princess", "pope", "general", "gen", "colonel", "col", "captain",
    "capt", "sergeant", "officer", "inspector", "detective", "chief", "commander", "coach",
    "manager", "striker", "midfielder", "defender", "goalkeeper", "spokesman", "spokeswoman",
    "spokesperson", "lawyer", "attorney", "prosecutor", "professor", "prof", "director",
    "chairman", "chairwoman", "ceo", "executive", "alderman", "councillor", "councilor",
    "secretary", "ambassador", "leader", "deputy", "vice", "founder", "analyst", "economist",
    "researcher", "scientist", "author", "actor", "actress", "singer", "player", "teammate",
    "husband", "wife", "son", "daughter", "father", "mother", "brother", "sister",
    "champion", "runner-up", "rival", "opponent", "compatriot", "rider", "cyclist", "driver",
    "swimmer", "golfer", "runner", "sprinter", "winger", "forward", "batsman", "bowler", "keeper",
    "datuk", "dato", "dato'", "tan", "sri", "tun", "haji", "sheikh", "shaikh",
    "journalist", "reporter", "novelist", "historian", "activist",
}  # fmt: skip
# Positions in a team: before a name they make a person even where spaCy saw none ("Lock Iwan
# Prosser was sent off").
SPORT_ROLES = {
    "flanker", "fly-half", "scrum-half", "hooker", "prop", "lock", "fullback", "full-back",
    "centre-back", "quarterback", "pitcher", "shortstop", "skipper", "wicketkeeper",
    "all-rounder", "opener", "jockey", "playmaker", "substitute", "debutant", "striker",
    "midfielder", "defender", "goalkeeper", "winger", "batsman", "bowler", "seed", "wildcard",
}  # fmt: skip
PERSON_TITLES |= SPORT_ROLES
# Offices real pages print before a name, cut from it ("Supervisor Alfredo Pedroza", "Librarian
# Anne Gregory", "Patrol Chief James Hall"); not type cues: "the producer" may be a company.
OFFICES = PERSON_TITLES | {
    "supervisor", "librarian", "collector", "superintendent", "supt", "asst", "assistant",
    "commissioner", "sheriff", "trustee", "pastor", "rev", "reverend", "bishop", "archbishop",
    "cardinal", "rabbi", "imam", "dean", "principal", "headteacher", "administrator", "curator",
    "editor", "correspondent", "columnist", "photographer", "producer", "treasurer", "clerk",
    "constable", "lieutenant", "lt", "chair", "chairperson", "congressman", "congresswoman",
    "assemblyman", "assemblywoman", "councilman", "councilwoman",
}  # fmt: skip


# Last words a company's short name drops (with ORG_SUFFIXES and _TRADES): "Alden Capital" is
# "Alden", "Big Machine Records" "Big Machine".
_COMPANY_WORDS = ORG_SUFFIXES | _TRADES | {
    "auto", "capital", "investment", "investments", "corporation", "incorporated", "limited",
    "records", "minerals", "systems", "robotics", "partners", "ventures", "academy", "studios",
    "entertainment", "brands", "enterprises", "solutions",
}  # fmt: skip


# Last words of places and venues ("Rod Laver Arena", "Tahrir Square").
PLACE_SUFFIXES = {"arena", "stadium", "park", "square", "street", "avenue", "road", "bridge",
                  "dam", "lake", "reservoir", "canal", "bay", "highway", "airport", "valley",
                  "amphitheatre", "amphitheater", "pavilion", "theatre", "theater", "auditorium",
                  "plaza", "upazila"}  # fmt: skip
# Last words of trophies and prizes: things, not organisations ("Norman Brookes Challenge Cup").
THING_SUFFIXES = {"cup", "trophy", "prize", "award", "medal", "slam", "open", "championship",
                  "championships", "olympics", "marathon",
                  # indices, laws, schemes and shows (real pages: "Hang Seng Index", "Data
                  # Retention Bill", "Jobs Support Scheme", "Los Angeles Auto Show")
                  "awards", "index", "composite", "average", "bill", "act", "scheme", "plan",
                  "initiative", "show", "finals", "exposition", "expo", "festival"}  # fmt: skip
# Nouns whose "of" names a place: "the city of El Fasher", "a former mayor of Parramatta".
PLACE_OF = {"city", "town", "village", "province", "region", "district", "county", "state",
            "island", "capital", "port", "suburb", "outskirts", "mayor", "governor", "streets",
            "municipality", "municipalities", "towns", "villages", "cities", "provinces",
            "regions", "districts", "states", "counties", "islands"}  # fmt: skip
# Nouns a place name modifies: "Padang Bai port", "the Fukushima Daiichi plant", "Yobe and
# Adamawa states", "the 2011 Fukushima disaster".
PLACE_HEADS = PLACE_OF - {"mayor", "governor", "capital", "outskirts", "streets"} | {
    "plant",
    "airport",
    "border",
    "coast",
    "river",
    "harbour",
    "harbor",
    "camp",
    "camps",
    "station",
    "disaster",
    "accident",
    "earthquake",
    "floods",
    "area",
    "areas",
    "peninsula",
    "valley",
    "borders",
}
# Prepositions no person is the object of: "irregularities in Bijelo Polje".
PLACE_PREPS = {"in", "near", "across", "throughout", "outside", "inside", "into", "towards"}


# Nouns that say the name next to them is an organisation: "the Verdi union", "the Italian
# charity Emergency", "rivals Olympique de Marseille".
ORG_NOUNS = {
    "union", "charity", "company", "firm", "group", "party", "broadcaster", "newspaper",
    "airline", "carrier", "insurer", "lender", "bank", "retailer", "club", "side", "team",
    "militia", "agency", "ngo", "publisher", "startup", "automaker", "carmaker", "chipmaker",
    "manufacturer", "conglomerate", "operator", "regulator", "rivals", "outfit", "franchise",
}  # fmt: skip
# Organisations whose "A and B" belongs to the name: "Avon and Somerset Police".
_JOINT_ORGS = {"police", "constabulary"}


def nicknames(name: str) -> list[str]:
    """'Oklahoma City Thunder' -> 'Thunder', 'City Thunder'; 'New York Islanders' ->
    'Islanders': what a sports story calls a team after the first mention."""
    words = name.split()
    if len(words) < 2 or len(words[-1]) < 4 or not all(w[:1].isupper() for w in words) \
            or words[-1].lower() in ORG_SUFFIXES | CLUB_SUFFIXES:  # fmt: skip
        return []  # not "Davide Ferri of Lidl-Trek"
    return [words[-1]] + ([" ".join(words[-2:])] if len(words) >= 3 else [])


def is_title_only(form: str) -> bool:
    """'Mrs Justice': titles with no name."""
    return all(w.rstrip(".").lower() in PERSON_TITLES for w in form.split())


def is_acronym(form: str) -> bool:
    bare = form.replace(".", "").replace("&", "")
    return 2 <= len(bare) <= 9 and bare.isalpha() and sum(c.isupper() for c in bare) >= 2


def initials(name: str, hyphens: bool = True) -> str:
    """'Syrian Democratic Forces' -> 'SDF'; a hyphenated word gives a letter per part, or one
    with hyphens=False ('Co-operation' in OSCE)."""
    words = [
        w
        for w in re.split(r"[\s\-]+" if hyphens else r"\s+", name)
        if w and w.lower() not in _STOP_INITIALS
    ]
    return "".join(w[0] for w in words).upper()


def expansion(before: str, acronym: str) -> str | None:
    """The words just before '(ACR)' whose initials spell the acronym: the longest run that
    starts with a capitalised word. None when no run fits."""
    target = acronym.replace(".", "").replace("&", "").upper()
    words = re.findall(r"[\w'’.&-]+", before[-200:])[-12:]
    best = None
    for k in range(1, len(words) + 1):
        run = words[-k:]
        if not run[0][:1].isupper() or run[0].lower() in _STOP_INITIALS:
            continue
        if target in (initials(" ".join(run)), initials(" ".join(run), hyphens=False)):
            best = " ".join(run)
    if best is None:
        return None
    # Keep the text as printed (spacing, hyphens) from the first word of the run.
    first = best.split()[0]
    idx = before.rfind(first, 0, len(before) - len(best) + len(first) + 1)
    return before[idx:].strip() if idx >= 0 else best


PARTICLES = {"van", "von", "de", "da", "di", "del", "della", "der", "den", "le", "la", "du",
              "dos", "das", "ter", "ten", "bin", "ibn", "abu", "st"}  # fmt: skip


_GENERATIONS = ("jr", "sr", "jnr", "snr", "ii", "iii", "iv")


def without_generation(name: str) -> str:
    """'Allan Bryant Snr' -> 'Allan Bryant'."""
    return " ".join(w for w in name.split() if w.rstrip(".,").lower() not in _GENERATIONS)


def surname(name: str) -> str:
    """'Redur Khalil' -> 'Khalil'; 'Jonas Van Assche' -> 'Van Assche'."""
    words = [w for w in name.split() if w.rstrip(".").lower() not in _GENERATIONS]
    k = len(words) - 1
    while k > 1 and words[k - 1].lower() in PARTICLES:
        k -= 1
    return " ".join(words[k:])


def without_legal_suffix(name: str) -> str:
    """'Nvidia Corp.' -> 'Nvidia'."""
    return _LEGAL.sub("", name).strip()


def short_forms(name: str, type_: str) -> list[str]:
    """Shorter names a story may use for the same organisation or region."""
    out = []
    if type_ == "ORG":
        legal = without_legal_suffix(name)
        if legal != name and legal:
            out.append(legal)
        web = re.sub(r"\.(?:com|net|org|co\.uk)$", "", legal or name)
        if web != (legal or name) and web:
            out.append(web)  # "Amazon.com Inc." -> "Amazon"
        # "Harlan Paints Inc" -> "Harlan", "PT Segara Mandiri Lines" -> "Segara Mandiri".
        words = _COMPANY_PREFIX.sub("", legal or name).split()
        if len(words) >= 2 and words[-1].lower() in _TRADES:
            out.append(" ".join(words[:-1]))
        # "Fortress Investment Group" -> "Fortress Investment", "Fortress"; "Skoda Auto" ->
        # "Skoda"; "Georgetown University" -> "Georgetown".
        while len(words) >= 2 and words[-1].rstrip(".").lower() in _COMPANY_WORDS:
            words = words[:-1]
            out.append(" ".join(words))
        # "U.S. Federal Trade Commission" -> "Federal Trade Commission"
        country = re.sub(r"^(U\.S\.|US|UK|U\.K\.|EU|UN|U\.N\.) ", "", name)
        if country != name and len(country.split()) >= 2:
            out.append(country)
        if " of " in name:
            head = name.split(" of ", 1)[0]
            if len(head.split()) >= 2:
                out.append(head)
    if type_ == "LOC":
        region = _REGION.sub("", name).strip()
        if region != name and region:
            out.append(region)
    return out


def is_org_name(form: str) -> bool:
    """The head word of the name (the last before "of"/"in"/"for": "Mission in Afghanistan") is
    one organisations end with."""
    words = form.split()
    if len(words) >= 2 and words[-1].lower() in _JOINT_ORGS:
        return True  # "Avon and Somerset Police", "City of London Police"
    head = re.split(r" (?:of|in|for|on|and) ", form)[0].split()
    last = head[-1].rstrip(".").lower() if head else ""
    return last in ORG_SUFFIXES and len(words) >= 2


@cache
def _countries() -> frozenset[str]:
    """Country names as ISO 3166 gives them (pycountry): name, common and official name."""
    names = {getattr(c, a, None) for c in pycountry.countries
             for a in ("name", "common_name", "official_name")}  # fmt: skip
    return frozenset(n for n in names if n and "," not in n)


def is_country(form: str) -> bool:
    return form in _countries()


# "West Bank": a compass word before an organisation's head word, spaCy's place.
COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"}


def joint_org_start(ent: Span) -> int:
    """'Avon and Somerset Police': the token where an 'A and B Police' name starts."""
    doc, start = ent.doc, ent.start
    if ent.label_ == "ORG" and doc[ent.end - 1].lower_ in _JOINT_ORGS and start >= 2 \
            and doc[start - 1].lower_ == "and" and doc[start - 2].pos_ == "PROPN" \
            and doc[start - 2].text[:1].isupper():  # fmt: skip
        return start - 2
    return start
