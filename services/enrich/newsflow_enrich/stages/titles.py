"""Titles before a name, for the resolve stage: "Dr Harwell", "Senator Okonjo" are "Harwell" and
"Okonjo" (the title goes, and the surname rule then joins the full name); a peer keeps the
titled form ("Lord Baker"); "Lady Starmer" beside "Sir Keir Starmer" is his wife (split from
resolve.py for its size)."""

from __future__ import annotations

import re

from newsflow_enrich.stages import names
from newsflow_enrich.stages.registry import STRONG, Registry

# Titles that name a person by office or address; a narrower list than names.PERSON_TITLES,
# whose roles and kin words ("leader", "son", "player") also start names of other things.
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "judge", "justice", "president", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "gov", "governor", "mayor", "minister", "premier", "chancellor", "speaker",
    "gen", "general", "col", "colonel", "capt", "captain", "lt", "lieutenant", "maj", "major",
    "sgt", "sergeant", "adm", "admiral", "insp", "inspector", "det", "detective", "supt",
    "superintendent", "commissioner", "ambassador", "king", "queen", "prince", "princess",
    "pope", "rev", "reverend", "rabbi", "imam", "sheikh", "shaikh", "datuk", "dato", "tun",
    "councillor", "councilor", "alderman", "coach",
}  # fmt: skip


# Peers' titles, which with the surname make the name a peer goes by ("Lord Baker").
PEERAGE = {"lord", "lady", "baron", "baroness"}
# Forms of address that precede nothing but a person's name ("Mr Ng": spaCy said ORG).
ADDRESS = {"mr", "mrs", "ms", "mx", "dr"}


def wife(surname: str, text: str) -> bool:
    """The text names a man of `surname` by a knight's, peer's or plain man's title ("Sir Keir
    Starmer", "Lord Baker", "Mr Starmer"): then "Lady Starmer" is his wife, not him."""
    return re.search(rf"\b(?:Sir|Lord|Mr\.?) (?:[A-Z][\w'’-]+ )?{re.escape(surname)}(?![\w-])",
                     text) is not None  # fmt: skip


def titled(reg: Registry, text: str) -> None:
    """'Dr Harwell', 'Senator Okonjo' (spaCy's mention with the title in it) are 'Harwell' and
    'Okonjo': the title goes, and the surname rule then joins the full name. Only for a
    person: 'General Motors' and 'Justice Department' keep their first word."""
    for name in list(reg.cands):
        words = name.split()
        k = 0
        while k < len(words) - 1 and words[k].rstrip(".").lower() in HONORIFICS:
            k += 1
        rest = " ".join(words[k:])
        if not k or not rest[:1].isupper() or len(words) - k > 3 or names.is_title_only(rest) \
                or reg.type_of(name) != "PERSON" and not _surname_of_person(reg, rest) \
                and words[0].rstrip(".").lower() not in ADDRESS:  # fmt: skip
            continue
        if words[0].lower() == "lady" and k == 1 and wife(rest, text):
            continue  # "Lady Starmer" beside "Sir Keir Starmer": his wife
        cand = reg.drop(name)
        into = reg.add(rest, "PERSON", cand.first, weight=STRONG)
        reg.cands[into].take_votes(cand)
        if words[0].lower() in PEERAGE and k == 1 and len(words) == 2:
            reg.merge(into=into, form=name)  # "Lord Baker" is what a peer is called


def _surname_of_person(reg: Registry, word: str) -> bool:
    return any(len(n.split()) >= 2 and names.surname(n) == word and reg.type_of(n) == "PERSON"
               for n in reg.cands)  # fmt: skip
