"""An organisation named by its head word alone after "the": "the Parliament" for "the Scottish
Parliament", "the Council" for "City Council", when one organisation of the article ends so."""

from __future__ import annotations

import re

from newsflow_enrich.stages.registry import Registry

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
