"""Organisations by a shorter name, for the resolve stage: an institution by its head word alone
after "the" ("the Parliament" for "the Scottish Parliament", "the Council" for "City Council",
when one organisation of the article ends so); a newspaper by its last word ("the Courant");
"the State Department" for "the Department of State"."""

from __future__ import annotations

import re

from newsflow_enrich.stages.registry import Registry, occurrences

# Head words of institutions (names.ORG_SUFFIXES without legal forms and words that also end
# teams and companies' trade names), and "Government".
HEADS = {
    "council", "commission", "authority", "ministry", "department", "agency", "institute",
    "university", "college", "court", "police", "party", "assembly", "parliament", "congress",
    "senate", "cabinet", "government", "committee", "board", "caucus", "federation",
}  # fmt: skip


def run(reg: Registry, text: str) -> None:
    owners: dict[str, list[str]] = {}
    for name in reg.cands:
        words = name.split()
        if len(words) >= 2 and words[-1].lower() in HEADS and words[-1][:1].isupper() \
                and reg.type_of(name) == "ORG":  # fmt: skip
            owners.setdefault(words[-1], []).append(name)
    for head, named in owners.items():
        if len(named) != 1 or not re.search(rf"\b[Tt]he {head}\b(?! of\b)", text):
            continue
        other = reg.by_form.get(head)
        if other is not None and other != head and other != named[0]:
            continue  # the word is another entity's form
        if other is not None and reg.type_of(other) not in ("ORG", "MISC"):
            continue
        reg.merge(into=named[0], form=head)


# Last words of newspapers, magazines and news services ("Dunmore Courant", "Fox News"); not
# "Star", "Sun" or "Globe", which end other names as often.
_PRESS = {"times", "post", "herald", "tribune", "journal", "gazette", "chronicle", "courant",
          "reporter", "telegraph", "inquirer", "examiner", "courier", "bulletin", "enquirer",
          "dispatch", "news", "yorker", "magazine", "press", "daily"}  # fmt: skip


def press(reg: Registry, text: str) -> None:
    """'the Dunmore Courant' is a newspaper whatever spaCy called it (a person, a place), and
    'the Courant' is that paper where no other of the article ends so. (Its last word in any use
    was tried in an earlier round and lowered half b; "the" before it is what marks the paper.)"""
    ends: dict[str, list[str]] = {}
    for name in list(reg.cands):
        words = name.split()
        if len(words) >= 2 and words[-1].lower() in _PRESS and words[-1][:1].isupper() \
                and not reg.cands[name].curated_type:  # fmt: skip
            reg.cue(name, "ORG")
            ends.setdefault(words[-1], []).append(name)
    for last, named in ends.items():
        if len(named) == 1 and re.search(rf"\b[Tt]he {last}\b(?! [A-Z])", text):
            reg.merge(into=named[0], form=last)


_DEPARTMENT = re.compile(r"(?:(?:U\.S\.|US) )?Department of (?:the )?([A-Z][a-z]+)")


def departments(reg: Registry, text: str) -> None:
    """'the State Department' is 'the U.S. Department of State', 'the Defense Department' the
    'Department of Defense'."""
    for name in list(reg.cands):
        m = _DEPARTMENT.fullmatch(name)
        if name not in reg.cands or not m:
            continue
        short = f"{m.group(1)} Department"
        if short in reg.by_form or next(occurrences(short, text), None):
            reg.merge(into=name, form=short)
