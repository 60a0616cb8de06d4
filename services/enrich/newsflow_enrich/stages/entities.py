"""Named entities with canonical names, aliases, mention counts and spans into the body.

spaCy finds mentions; this stage decides which mentions name the same thing within one article:
an acronym and its expansion ("Syrian Democratic Forces (SDF)", or "SDF" whose letters are the
initials of a name in the article), a surname and the full name ("Khalil" -> "Redur Khalil"), and
known variants from a small curated table ("Daesh" = "Islamic State"). Spans are then every
word-bounded occurrence of any of an entity's forms, the longest form winning an overlap.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from newsflow_contracts.events import Entity
from spacy.tokens import Doc

TYPES = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "NORP", "EVENT": "EVENT", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}  # fmt: skip
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"(\s*[(\[{\-–—,;:]\s*|['’]s|['’])+$")
_PAREN_ACRONYM = re.compile(r"((?:[A-Z][\w'’\-]*\s+){1,8}?[A-Z][\w'’\-]*)\s*\(([A-Z][A-Za-z.&]{1,9})\)")
_STOP_INITIALS = {"of", "for", "and", "the", "de", "du", "des", "la", "le", "al", "on", "in", "to"}


@dataclass
class Candidate:
    name: str
    forms: set[str] = field(default_factory=set)
    types: Counter[str] = field(default_factory=Counter)
    curated_type: str | None = None
    first: int = 0


@cache
def _table() -> list[dict[str, object]]:
    data = json.loads(
        resources.files("newsflow_enrich.data").joinpath("aliases.json").read_text("utf-8")
    )
    return list(data["entities"])


@cache
def curated() -> dict[str, tuple[str, str]]:
    """Every known form (lower-case) -> (canonical name, type)."""
    return {
        str(form).lower(): (str(row["name"]), str(row["type"]))
        for row in _table()
        for form in [row["name"], *row["aliases"]]  # type: ignore[list-item]
    }


@cache
def curated_aliases() -> dict[str, set[str]]:
    """Canonical name -> its known aliases."""
    return {str(row["name"]): set(row["aliases"]) for row in _table()}  # type: ignore[call-overload]


def clean_form(text: str) -> str:
    text = _LEADING.sub("", text.strip())
    return _TRAILING.sub("", text).strip()


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _STOP_INITIALS]
    return "".join(w[0] for w in words).upper()


def is_acronym(form: str) -> bool:
    bare = form.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isalpha() and sum(c.isupper() for c in bare) >= 2


def extract(doc: Doc, body_len: int | None = None) -> list[Entity]:
    """Entities of `doc`, whose first `body_len` characters are the body (captions follow)."""
    body_len = len(doc.text) if body_len is None else body_len
    text = doc.text
    cands: dict[str, Candidate] = {}  # keyed by canonical name
    by_form: dict[str, str] = {}  # form -> canonical name

    def add(form: str, type_: str | None, start: int, canonical: str | None = None) -> None:
        known = curated().get(form.lower())
        name = canonical or (known[0] if known else by_form.get(form, form))
        cand = cands.setdefault(name, Candidate(name=name, first=start))
        cand.forms.add(form)
        if known:
            cand.curated_type = known[1]
        if type_:
            cand.types[type_] += 1
        by_form[form] = name

    for ent in doc.ents:
        type_ = TYPES.get(ent.label_)
        form = clean_form(ent.text)
        if type_ and len(form) >= 2 and any(c.isalpha() for c in form):
            add(form, type_, ent.start_char)

    # "Long Name (ACR)" anywhere in the body: the acronym is an alias of the long name.
    for m in _PAREN_ACRONYM.finditer(text):
        long, short = clean_form(m.group(1)), m.group(2)
        if initials(long) == short.replace(".", "").upper() or long in cands:
            _merge(cands, by_form, into=_canonical_of(cands, by_form, long), form=short)
    _merge_acronyms(cands, by_form)
    _merge_surnames(cands, by_form)
    return _to_entities(cands, text, body_len)


def _canonical_of(cands: dict[str, Candidate], by_form: dict[str, str], form: str) -> str:
    name = by_form.get(form)
    if name is None:
        known = curated().get(form.lower())
        name = known[0] if known else form
        cands.setdefault(name, Candidate(name=name, first=10**9)).forms.add(form)
        by_form[form] = name
    return name


def _merge(cands: dict[str, Candidate], by_form: dict[str, str], *, into: str, form: str) -> None:
    """Make `form` (and whatever entity it named) part of entity `into`."""
    target = cands[into]
    old = by_form.get(form)
    if old and old != into and old in cands:
        donor = cands.pop(old)
        target.forms |= donor.forms
        target.types += donor.types
        target.curated_type = target.curated_type or donor.curated_type
        target.first = min(target.first, donor.first)
        for f in donor.forms:
            by_form[f] = into
    target.forms.add(form)
    by_form[form] = into


def _merge_acronyms(cands: dict[str, Candidate], by_form: dict[str, str]) -> None:
    """An acronym entity whose letters are the initials of a multi-word entity in the article."""
    long_names = {initials(n): n for n in cands if len(n.split()) >= 2}
    for name in list(cands):
        if name in cands and is_acronym(name) and name not in curated():
            target = long_names.get(name.replace(".", "").upper())
            if target and target != name and target in cands:
                _merge(cands, by_form, into=target, form=name)


def _merge_surnames(cands: dict[str, Candidate], by_form: dict[str, str]) -> None:
    """A one-word mention equal to the last (or first) word of a person's full name."""
    people = [n for n, c in cands.items() if len(n.split()) >= 2 and _type(c) == "PERSON"]
    for name in list(cands):
        if name not in cands or len(name.split()) != 1:
            continue
        matches = [p for p in people if name in (p.split()[-1], p.split()[0]) and p != name]
        if len(matches) == 1:  # ambiguous surnames stay apart
            _merge(cands, by_form, into=matches[0], form=name)
            cands[matches[0]].types["PERSON"] += 1


def _type(c: Candidate) -> str:
    if c.curated_type:
        return c.curated_type
    return c.types.most_common(1)[0][0] if c.types else "MISC"


def _to_entities(cands: dict[str, Candidate], text: str, body_len: int) -> list[Entity]:
    # Every occurrence of every form; the longest wins where two overlap ("Syrian" inside
    # "Syrian Democratic Forces" belongs to the longer name).
    hits: list[tuple[int, int, str]] = []
    for name, c in cands.items():
        c.forms |= curated_aliases().get(name, set())
        for form in c.forms | {name}:
            for m in re.finditer(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text):
                hits.append((m.start(), m.end(), name))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    spans: dict[str, list[tuple[int, int]]] = {}
    last_end = -1
    for start, end, name in hits:
        if start >= last_end:
            spans.setdefault(name, []).append((start, end))
            last_end = end
    entities = []
    for name, c in sorted(cands.items(), key=lambda kv: kv[1].first):
        found = spans.get(name)
        if not found:
            continue
        used = {text[s:e] for s, e in found}
        aliases = sorted((c.forms | used) - {name}, key=str.lower)
        # Mentions count captions too; spans index the body only.
        entities.append(Entity(name=name, type=_type(c), aliases=aliases, mentions=len(found),
                               spans=[(s, e) for s, e in found if e <= body_len]))  # fmt: skip
    return entities
