"""Named entities with canonical names, aliases, mention counts and spans into the body.

spaCy finds mentions; this stage decides which mentions name the same thing within one article:
- an acronym and its expansion: "Long Name (ACR)" wherever the letters fit (or the name is an
  entity ending right before the bracket: "Authority (AFAD)"), or "ACR" whose letters are the
  initials of a name in the article;
- a surname and the full name ("Khalil" -> "Redur Khalil"), unless two people share it;
- a company without its legal suffix ("Nvidia Corp." -> "Nvidia"), a region without its
  descriptor ("Inner Mongolia Autonomous Region"), "X of Y" shortened to "X" when X has 2+ words;
- "X, known as Y";
- known variants from a small curated table ("Daesh" = "Islamic State").
Spans are then every word-bounded occurrence of any form, the longest form winning an overlap.
Types come from the curated table, then from strong cues (an organisation suffix, a person's
title or age), then from spaCy's majority label.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from newsflow_contracts.events import Entity
from spacy.tokens import Doc, Span

from newsflow_enrich.stages import names

TYPES = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "NORP", "EVENT": "EVENT", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}  # fmt: skip
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"(\s*[(\[{\-–—,;:]\s*|['’]s|['’])+$")
_PAREN = re.compile(r"\(([A-Z][A-Za-z.&]{1,9})\)")
_KNOWN_AS = re.compile(r"(?:,\s*|\()(?:also |commonly |better )?known as (?:the )?"
                       r"([A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,4})")
_STRONG = 5  # a cue outweighs this many spaCy labels


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
    text = text.split("(")[0] if not text.startswith("(") else text
    text = _LEADING.sub("", text.strip().rstrip(")"))
    text = _TRAILING.sub("", text).strip()
    # "Sindh province": trailing lower-case words describe the name, they are not part of it.
    words = text.split()
    while len(words) > 1 and words[-1].isalpha() and words[-1].islower():
        words.pop()
    return " ".join(words)


class Registry:
    """Candidates keyed by canonical name, and which candidate each surface form belongs to."""

    def __init__(self) -> None:
        self.cands: dict[str, Candidate] = {}
        self.by_form: dict[str, str] = {}
        self.by_lower: dict[str, str] = {}

    def add(self, form: str, type_: str | None, start: int, weight: int = 1) -> str:
        known = curated().get(form.lower())
        # "SANTA CLARA" in the dateline is "Santa Clara" in the story.
        name = known[0] if known else self.by_form.get(form) or self.by_lower.get(form.lower(), form)
        cand = self.cands.setdefault(name, Candidate(name=name, first=start))
        cand.first = min(cand.first, start)
        cand.forms.add(form)
        if known:
            cand.curated_type = known[1]
        if type_:
            cand.types[type_] += weight
        self.by_form[form] = name
        self.by_lower.setdefault(form.lower(), name)
        return name

    def merge(self, *, into: str, form: str) -> None:
        """Make `form` (and whatever entity it named) part of entity `into`."""
        target = self.cands[into]
        old = self.by_form.get(form)
        if old and old != into and old in self.cands:
            donor = self.cands.pop(old)
            target.forms |= donor.forms
            target.types += donor.types
            target.curated_type = target.curated_type or donor.curated_type
            target.first = min(target.first, donor.first)
            for f in donor.forms:
                self.by_form[f] = into
        target.forms.add(form)
        self.by_form[form] = into

    def type_of(self, name: str) -> str:
        c = self.cands[name]
        if c.curated_type:
            return c.curated_type
        return c.types.most_common(1)[0][0] if c.types else "MISC"


def extract(doc: Doc, body_len: int | None = None, dateline: str | None = None) -> list[Entity]:
    """Entities of `doc`, whose first `body_len` characters are the body (captions follow)."""
    body_len = len(doc.text) if body_len is None else body_len
    text = doc.text
    reg = Registry()
    if dateline and text.startswith(dateline):
        reg.add(dateline, "LOC", 0, weight=_STRONG)
    for ent in doc.ents:
        type_ = TYPES.get(ent.label_)
        ent = _with_compounds(ent)
        form = clean_form(ent.text)
        if not type_ or len(form) < 2 or "/" in form or "$" in form or not form[:1].isupper() \
                and not form[:1].isdigit():  # fmt: skip
            continue
        if _common_word_at_sentence_start(ent, doc, form):
            continue
        name = reg.add(form, type_, ent.start_char)
        cue = names.type_cue(ent, form)
        if cue:
            reg.cands[name].types[cue] += _STRONG
    _paren_acronyms(doc, reg)
    _known_as(text, reg)
    _merge_acronyms(reg)
    _merge_surnames(reg, text)
    _merge_short_forms(reg, text)
    return _to_entities(reg, text, body_len)


def _with_compounds(ent: Span) -> Span:
    """'Arm Holdings' when spaCy tagged only 'Holdings' as an organisation: capitalised proper
    nouns just before the mention that the parse attaches to it as compounds, that no other
    entity claims and that are not titles."""
    doc, start = ent.doc, ent.start
    while ent.label_ == "ORG" and start > 0:
        t = doc[start - 1]
        if t.pos_ != "PROPN" or t.dep_ != "compound" or not ent.start <= t.head.i < ent.end \
                or t.ent_type_ or not t.text[:1].isupper() \
                or t.lower_.rstrip(".") in names.PERSON_TITLES:  # fmt: skip
            break
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_)


def _common_word_at_sentence_start(ent: Span, doc: Doc, form: str) -> bool:
    """"Turnout was about 65 percent": a capitalised common noun that spaCy took for a name.
    Only single words starting a sentence: dropped when the text also uses the word in lower
    case, or when spaCy calls it a person named nowhere else (news introduces people by their
    full name first)."""
    if len(ent) != 1 or not ent[0].is_sent_start or ent.label_ in ("GPE", "LOC"):
        return False
    text = doc.text
    if re.search(r"(?<![\w])" + re.escape(form.lower()) + r"(?![\w])", text):
        return True
    return ent.label_ == "PERSON" and len(re.findall(r"(?<![\w])" + re.escape(form) + r"(?![\w])",
                                                     text)) == 1


def _paren_acronyms(doc: Doc, reg: Registry) -> None:
    """'Syrian Democratic Forces (SDF)': the acronym is an alias of the name before it."""
    text = doc.text
    for m in _PAREN.finditer(text):
        short = m.group(1)
        if not names.is_acronym(short):
            continue
        before = text[: m.start()].rstrip()
        long = names.expansion(before, short)
        # spaCy's entity that ends at the bracket, or swallowed it ("Processes (ONPE").
        ent = next((e for e in doc.ents if e.start_char < len(before) <= e.end_char + 1
                    and e.end_char <= m.end()), None)  # fmt: skip
        if long is None and ent is not None and ent.label_ == "ORG":
            long = clean_form(ent.text)  # "Disaster and Emergency Management Authority (AFAD)"
        if not long or len(long) <= len(short) or long.isupper():
            continue  # "CHICAGO (AP)" is a dateline and its agency
        type_ = TYPES.get(ent.label_) if ent is not None else None
        into = reg.by_form.get(long) or reg.add(long, type_ or "ORG", len(before) - len(long))
        reg.merge(into=into, form=short)
        if names.is_org_name(long):
            reg.cands[into].types["ORG"] += _STRONG


def _known_as(text: str, reg: Registry) -> None:
    """'the California Department of Forestry and Fire Protection, known as Cal Fire'."""
    for m in _KNOWN_AS.finditer(text):
        before = text[: m.start()]
        owner = max((f for f in reg.by_form if before.endswith(f)), key=len, default=None)
        if owner:
            alias = clean_form(m.group(1))
            if alias.endswith(".") and len(alias.split()[-1]) > 4:  # the sentence's full stop
                alias = alias[:-1]
            reg.merge(into=reg.by_form[owner], form=alias)


def _merge_acronyms(reg: Registry) -> None:
    """An acronym entity whose letters are the initials of a multi-word entity in the article."""
    long_names = {names.initials(n): n for n in reg.cands if len(n.split()) >= 2}
    for name in list(reg.cands):
        if name in reg.cands and names.is_acronym(name) and name.lower() not in curated():
            target = long_names.get(name.replace(".", "").upper())
            if target and target != name and target in reg.cands:
                reg.merge(into=target, form=name)


def _merge_surnames(reg: Registry, text: str) -> None:
    """A person's last name, alone, is that person, unless two people in the article share it.
    The surname becomes a form even when spaCy never tagged it alone ("Ruto, 55, thanked")."""
    people = [n for n in reg.cands if len(n.split()) >= 2 and reg.type_of(n) == "PERSON"]
    by_surname: dict[str, list[str]] = {}
    for p in people:
        by_surname.setdefault(names.surname(p), []).append(p)
        # "Abdel Fattah al-Burhan" is "Burhan": Arabic article prefixes drop in later mentions.
        bare = re.sub(r"^(al|el|ad|ar|as|at|an|az|ash)-", "", names.surname(p), flags=re.IGNORECASE)
        if bare != names.surname(p):
            by_surname.setdefault(bare, []).append(p)
    for p in people:  # "Xi Jinping" ... "Xi": family name first, when spaCy tags it alone
        first = p.split()[0]
        if first in reg.cands and len(p.split()) == 2 and first not in by_surname:
            by_surname.setdefault(first, []).append(p)
    for surname, owners in by_surname.items():
        if len(owners) != 1 or not _used_alone(surname, text):
            continue
        other = reg.by_form.get(surname)
        if other and other != owners[0] and len(other.split()) >= 2:
            continue  # the word is also another multi-word name's form
        reg.merge(into=owners[0], form=surname)
        reg.cands[owners[0]].types["PERSON"] += 1


def _merge_short_forms(reg: Registry, text: str) -> None:
    """'Nvidia Corp.' -> 'Nvidia', 'Serum Institute of India' -> 'Serum Institute',
    'Inner Mongolia Autonomous Region' -> 'Inner Mongolia', when the short form is used."""
    for name in list(reg.cands):
        if name not in reg.cands:
            continue
        for short in names.short_forms(name, reg.type_of(name)):
            if short in reg.cands[name].forms or short.lower() in curated():
                continue
            owner = reg.by_form.get(short)
            if owner and len(owner.split()) > len(short.split()) and owner != name:
                continue
            if _used_alone(short, text):
                reg.merge(into=name, form=short)


def _used_alone(form: str, text: str) -> bool:
    """The form occurs as a word, not only inside a longer capitalised name."""
    for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])(?! [A-Z])", text):
        prev = re.search(r"([\w.'’-]+)\s$", text[max(0, m.start() - 40): m.start()])
        if prev is None or not prev.group(1)[:1].isupper() or prev.group(1).endswith("."):
            return True
    return False


def _to_entities(reg: Registry, text: str, body_len: int) -> list[Entity]:
    # Every occurrence of every form; the longest wins where two overlap ("Syrian" inside
    # "Syrian Democratic Forces" belongs to the longer name).
    hits: list[tuple[int, int, str]] = []
    for name, c in reg.cands.items():
        c.forms |= curated_aliases().get(name, set())
        for form in c.forms | {name}:
            for m in re.finditer(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text):
                hits.append((m.start(), m.end(), name))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken = bytearray(len(text) + 1)
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, name in hits:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            spans.setdefault(name, []).append((start, end))
    entities = []
    for name, c in sorted(reg.cands.items(), key=lambda kv: kv[1].first):
        found = sorted(spans.get(name, []))
        if not found:
            continue
        used = {text[s:e] for s, e in found}
        aliases = sorted((c.forms | used) - {name}, key=str.lower)
        # Mentions count captions too; spans index the body only.
        entities.append(Entity(name=name, type=reg.type_of(name), aliases=aliases,
                               mentions=len(found),
                               spans=[(s, e) for s, e in found if e <= body_len]))  # fmt: skip
    return entities
