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
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from newsflow_contracts.events import Entity
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsflow_enrich.stages import names, numbers

TYPES = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "NORP", "EVENT": "EVENT", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}  # fmt: skip
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"(\s*[(\[{\-–—,;:]\s*|['’]s|['’])+$")
_PAREN = re.compile(r"\(([A-Z][A-Za-z.&]{1,9})\)")
_KNOWN_AS = re.compile(r"(?:,\s*|\()(?:also |commonly |better )?known (?:as|by (?:its|the) (?:\w+ )?"
                       r"(?:acronym|initials|abbreviation)) (?:the )?"
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
    # "Abuja.": a sentence's full stop, not an abbreviation's ("Corp.", "U.S.", "Jr.").
    if words and words[-1].endswith(".") and words[-1].count(".") == 1 \
            and len(words[-1]) > 2 and words[-1][:-1].lower() not in _ABBREVIATIONS:  # fmt: skip
        words[-1] = words[-1][:-1]
    return " ".join(words)


_ABBREVIATIONS = {"corp", "inc", "co", "ltd", "jr", "sr", "bros", "st", "mt", "dr", "no", "gov",
                  "gen", "col", "sgt", "capt", "rep", "sen", "ave", "blvd", "dept", "univ"}


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


def extract(doc: Doc, body_len: int | None = None, dateline: str | None = None,
            agencies: Iterable[str] = ()) -> list[Entity]:  # fmt: skip
    """Entities of `doc`, whose first `body_len` characters are the body (captions follow);
    `agencies` are the news agencies the page credits (an organisation wherever named)."""
    body_len = len(doc.text) if body_len is None else body_len
    text = doc.text
    sport = names.is_sport(text)
    reg = Registry()
    if dateline and text.startswith(dateline):
        reg.add(dateline, "LOC", 0, weight=_STRONG)
    if sport:
        _people_by_role(doc)
    covered = -1  # the last token of a name extended over spaCy's next entity
    for ent in doc.ents:
        if ent.end <= covered:
            continue
        ent = _trimmed(_extended(ent, sport))
        covered = max(covered, ent.end)
        type_ = TYPES.get(ent.label_)
        form = clean_form(ent.text)
        if not type_ or len(form) < 2 or "/" in form or "$" in form or not form[:1].isupper() \
                and not form[:1].isdigit() and not _ARTICLE_PREFIX.match(form) \
                or names.is_title_only(form):  # fmt: skip
            continue
        if _common_word_at_sentence_start(ent, doc, form) or _demonym(ent, form) \
                or form.lower() in numbers.UNITS:  # "1,356 MW" names no organisation
            continue
        if len(ent) == 1 and ent[0].tag_ == "JJ" and type_ == "LOC":
            type_ = "NORP"  # "Ukrainian officials": an adjective, not the place
        name = reg.add(form, type_, ent.start_char)
        cue = names.type_cue(ent, form, sport)
        if cue:
            reg.cands[name].types[cue] += _STRONG
    if sport:
        _clubs(doc, reg)
    _police(text, reg)
    _agencies(text[:body_len], agencies, reg)
    _named_by_noun(text, reg)
    _paren_acronyms(doc, reg)
    _known_as(text, reg)
    _merge_acronyms(reg, text)
    _merge_surnames(reg, text)
    _merge_short_forms(reg, text, sport)
    return _to_entities(reg, text, body_len)


_ARTICLE_PREFIX = re.compile(r"^(al|el|ad|ar|as|at|an|az|ash)-[A-Z]")  # "al-Qaida"


def _trimmed(ent: Span) -> Span:
    """Words spaCy put in a name that are not part of it: a nationality before a person
    ('Australian Ben Carver'), an amount after a name ('Movistar 500 Swiss francs')."""
    doc, start, end = ent.doc, ent.start, ent.end
    if ent.label_ == "PERSON" and end - start >= 3 and doc[start].tag_ == "JJ":
        start += 1
    # "Datuk Zulkifli Hashim", "President Joe Biden": the title is not the name.
    while ent.label_ == "PERSON" and end - start >= 3 \
            and doc[start].lower_.rstrip(".") in names.PERSON_TITLES:  # fmt: skip
        start += 1
    # "EFE).- Paraguay": a dateline's credit glued to the name after it.
    for t in doc[start:end - 1]:
        if ")" in t.text:
            start = t.i + 1
    label = ent.label_
    # "Flanker Kenta Morimoto", "Scrum-half Shota Ishikawa" (spaCy: ORG, GPE): a role before a
    # two- or three-word name is a person's title, whatever spaCy called the whole.
    k = _title_length(doc, start, end)
    if label != "PERSON" and k and 2 <= end - start - k <= 3 \
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[start + k:end]) \
            and not names.is_org_name(doc[start + k:end].text) \
            and doc[end - 1].lower_ not in names.PLACE_SUFFIXES:  # fmt: skip
        start, label = start + k, "PERSON"
    for t in ent[1:]:
        if t.like_num and numbers.currency_follows(t):
            end = t.i
            break
    if (start, end, label) == (ent.start, ent.end, ent.label_) or end <= start:
        return ent
    return Span(doc, start, end, label=label)


def _people_by_role(doc: Doc) -> None:
    """'Lock Iwan Prosser', 'Scrum-half Shota Ishikawa' (spaCy: nothing, or 'Shota' a place):
    a team position before a two- or three-word name makes it a person."""
    found = []
    for t in doc:
        k = _title_length(doc, t.i, len(doc))
        if not k or doc[t.i:t.i + k].text.replace(" ", "").lower() not in names.SPORT_ROLES:
            continue
        start = end = t.i + k
        while end < len(doc) and end - start < 4 and doc[end].pos_ == "PROPN" \
                and doc[end].text[:1].isupper():  # fmt: skip
            end += 1
        if 2 <= end - start <= 3 and not names.is_org_name(doc[start:end].text) \
                and not names.is_club(doc[start:end].text):  # fmt: skip
            found.append(Span(doc, start, end, label="PERSON"))
    if found:
        doc.ents = filter_spans([*found, *doc.ents])


def _title_length(doc: Doc, start: int, end: int) -> int:
    """How many tokens of a person's title open doc[start:end]: 'Flanker' 1, 'Scrum-half' 3."""
    if doc[start].lower_.rstrip(".") in names.PERSON_TITLES:
        return 1
    if start + 2 < end and doc[start + 1].text == "-" \
            and f"{doc[start].lower_}-{doc[start + 2].lower_}" in names.PERSON_TITLES:  # fmt: skip
        return 3
    return 0


def _extended(ent: Span, sport: bool) -> Span:
    """The whole name when spaCy tagged part of it: compounds before an organisation ('Arm
    Holdings'), 'Avon and Somerset Police', 'University of Texas at San Antonio', and in a
    sports story a club prefix ('Real Madrid')."""
    doc = ent.doc
    start, end = _with_compounds(ent), ent.end
    start = names.joint_org_start(ent) if start == ent.start else start
    if sport and start > 0 and doc[start - 1].lower_ in names.CLUB_PREFIXES \
            and doc[start - 1].text[:1].isupper():  # fmt: skip
        start -= 1
    # "University of Texas at San Antonio": a campus named after the institution.
    first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
    if ent.label_ == "ORG" and first.lower_ in ("university", "college") \
            and end + 1 < len(doc) and doc[end].lower_ == "at" \
            and doc[end + 1].ent_type_ == "GPE" and doc[end + 1].ent_iob_ == "B":  # fmt: skip
        end = _through_entity(doc, end + 2)
    # "AU Support and Stabilization Mission in Somalia": a mission is named with its country.
    if ent.label_ == "ORG" and doc[end - 1].lower_ in ("mission", "office", "delegation") \
            and end + 1 < len(doc) and doc[end].lower_ == "in" \
            and doc[end + 1].ent_type_ in ("GPE", "LOC") and doc[end + 1].ent_iob_ == "B":  # fmt: skip
        end = _through_entity(doc, end + 2)
    # "European Union Agency for Criminal Justice Cooperation": spaCy's two organisations
    # joined by "for"/"of" after an organisation's head word are one name.
    if ent.label_ == "ORG" and end + 1 < len(doc) and doc[end].lower_ in ("for", "of") \
            and doc[end - 1].lower_ in names.ORG_SUFFIXES and doc[end + 1].ent_type_ == "ORG" \
            and doc[end + 1].ent_iob_ == "B":  # fmt: skip
        end = _through_entity(doc, end + 2)
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


def _through_entity(doc: Doc, start: int) -> int:
    """The end of spaCy's entity that begins at `start`."""
    end = start
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _with_compounds(ent: Span) -> int:
    """'Arm Holdings' when spaCy tagged only 'Holdings' as an organisation: the start of the
    capitalised proper nouns just before the mention that the parse attaches to it as compounds,
    that no other entity claims and that are not titles."""
    doc, start = ent.doc, ent.start
    while ent.label_ == "ORG" and start > 0:
        t = doc[start - 1]
        if t.pos_ != "PROPN" or t.dep_ != "compound" or not ent.start <= t.head.i < ent.end \
                or t.ent_type_ or not t.text[:1].isupper() \
                or t.lower_.rstrip(".") in names.PERSON_TITLES:  # fmt: skip
            break
        start -= 1
    return start


def _clubs(doc: Doc, reg: Registry) -> None:
    """Club names spaCy missed in a sports story: proper nouns before a club suffix ('Kestrel
    United') or after a club prefix ('Real Varnia', 'Olympique de Marseille')."""
    for t in doc:
        if not t.text[:1].isupper():
            continue
        start = end = t.i
        if t.lower_ in names.CLUB_SUFFIXES and t.pos_ == "PROPN":
            while start > t.sent.start and t.i - start < 2 and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].text[:1].isupper():  # fmt: skip
                start -= 1
            end = t.i + 1
        elif t.lower_ in names.CLUB_PREFIXES and t.i + 1 < len(doc):
            end = t.i + 1
            if doc[end].lower_ in ("de", "di") and end + 1 < len(doc):
                end += 1
            while end < len(doc) and end - t.i < 3 and doc[end].pos_ == "PROPN" \
                    and doc[end].text[:1].isupper():  # fmt: skip
                end += 1
            if doc[end - 1].lower_ in ("de", "di"):
                continue
            start = t.i
        if end - start >= 2:
            form = clean_form(doc[start:end].text)
            reg.add(form, "ORG", doc[start].idx, weight=_STRONG)


def _police(text: str, reg: Registry) -> None:
    """'Police Scotland': a force named 'Police' + the place it serves."""
    for m in re.finditer(r"\bPolice ([A-Z][a-z]+)\b", text):
        place = reg.by_form.get(m.group(1))
        if place is not None and reg.type_of(place) == "LOC":
            reg.add(m.group(0), "ORG", m.start(), weight=_STRONG)


def _demonym(ent: Span, form: str) -> bool:
    """'Pakistanis', 'Iraqis': people of a country that spaCy took for an organisation."""
    return len(ent) == 1 and ent[0].tag_ == "NNPS" and form.endswith("is") \
        and ent.label_ in ("ORG", "PERSON")  # fmt: skip


_NOUNS = "|".join(sorted(names.ORG_NOUNS))
_NOUN_THEN_NAME = re.compile(r"\b(?:the|a|an)\s+(?:[A-Z][a-z]+\s+)?(?:" + _NOUNS + r")\s+"
                             r"([A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+){0,3})(?=[\s,.;:]+[a-z(\"“,.])")
_NAME_THEN_NOUN = re.compile(r"\b[Tt]he\s+([A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+){0,2})\s+(?:"
                             + _NOUNS + r")\b")  # fmt: skip


def _named_by_noun(text: str, reg: Registry) -> None:
    """'the Italian charity Emergency' names an organisation even when spaCy saw no name;
    'the Verdi union' makes a name spaCy took for a person an organisation."""
    for m in _NOUN_THEN_NAME.finditer(text):
        form = clean_form(m.group(1))
        if len(form) >= 2 and not names.is_title_only(form):
            reg.add(form, "ORG", m.start(1), weight=_STRONG)
    for m in _NAME_THEN_NOUN.finditer(text):
        name = reg.by_form.get(m.group(1))
        if name and reg.type_of(name) in ("PERSON", "ORG", "MISC"):
            reg.cands[name].types["ORG"] += _STRONG


def _agencies(text: str, agencies: Iterable[str], reg: Registry) -> None:
    """A credited agency is an organisation wherever the text names it: '(dpa)', 'data compiled
    by Bloomberg'."""
    for agency in agencies:
        forms = [agency, agency.split()[0]] if len(agency.split()[0]) >= 4 else [agency]
        for form in dict.fromkeys(forms):
            m = re.search(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text)
            if m:
                name = reg.add(agency, "ORG", m.start(), weight=_STRONG)
                if form != agency:
                    reg.merge(into=name, form=form)


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
        before = text[: m.start()].rstrip()
        if not names.is_acronym(short):
            _paren_alias(doc, reg, before, short, m.start())
            continue
        long = names.expansion(before, short)
        # spaCy's entity that ends at the bracket, or swallowed it ("Processes (ONPE").
        ent = next((e for e in doc.ents if e.start_char < len(before) <= e.end_char + 1
                    and e.end_char <= m.end()), None)  # fmt: skip
        if long is None and ent is not None and ent.label_ == "ORG":
            long = clean_form(ent.text)  # "Disaster and Emergency Management Authority (AFAD)"
        if not long or len(long) <= len(short) or long.isupper():
            continue  # "CHICAGO (AP)" is a dateline and its agency
        type_ = TYPES.get(ent.label_) if ent is not None else None
        # "UN Office for the Coordination of Humanitarian Affairs (OCHA)": a longer name that
        # ends with the expansion is the one spelled.
        into = reg.by_form.get(long) or next(
            (n for n in reg.cands if n.endswith(" " + long) and before.endswith(n)), None,
        ) or reg.add(long, type_ or "ORG", len(before) - len(long))
        reg.merge(into=into, form=short)
        if names.is_org_name(long):
            reg.cands[into].types["ORG"] += _STRONG


def _paren_alias(doc: Doc, reg: Registry, before: str, short: str, at: int) -> None:
    """'the National Health Surveillance Agency (Anvisa)': a one-word name in brackets right
    after an organisation's name is what the article calls it later."""
    inner = doc.char_span(at + 1, at + 1 + len(short))
    if not short.isalpha() or not short[:1].isupper() or inner is None \
            or inner[0].ent_type_ in ("GPE", "LOC", "NORP"):  # fmt: skip
        return
    long = next((n for n in sorted(reg.cands, key=len, reverse=True) if before.endswith(n)
                 and len(n.split()) >= 2 and reg.type_of(n) == "ORG"), None)  # fmt: skip
    if long is not None:
        reg.merge(into=long, form=short)


def _known_as(text: str, reg: Registry) -> None:
    """'the California Department of Forestry and Fire Protection, known as Cal Fire'."""
    for m in _KNOWN_AS.finditer(text):
        before = text[: m.start()]
        owner = max((f for f in reg.by_form if before.endswith(f)), key=len, default=None)
        alias = clean_form(m.group(1).split(". ")[0])  # not into the next sentence
        long = names.expansion(before, alias) if names.is_acronym(alias) else None
        if long and len(long) > len(owner or alias):
            # "the Philippine Atmospheric, Geophysical and ... Administration, known as PAGASA":
            # the whole name the letters spell, not the end of it spaCy tagged.
            name = reg.by_form.get(long) or reg.add(long, "ORG", len(before) - len(long))
            if owner:
                reg.merge(into=name, form=owner)
            owner = long
        if owner:
            reg.merge(into=reg.by_form[owner], form=alias)


def _merge_acronyms(reg: Registry, text: str) -> None:
    """An acronym whose letters are the initials of a multi-word entity in the article: an
    entity, or (three letters or more) any capitalised word ('PSG have 56 points')."""
    long_names = {names.initials(n): n for n in reg.cands if len(n.split()) >= 2}
    for m in re.finditer(r"(?<![\w-])[A-Z]{3,9}(?![\w-])", text):
        target = long_names.get(m.group())
        if target and m.group() not in reg.by_form and m.group().lower() not in curated():
            reg.merge(into=target, form=m.group())
    for name in list(reg.cands):
        if name in reg.cands and names.is_acronym(name) and name.lower() not in curated():
            target = long_names.get(name.replace(".", "").upper())
            if target and target != name and target in reg.cands:
                reg.merge(into=target, form=name)


def _merge_surnames(reg: Registry, text: str) -> None:
    """A person's last name, alone, is that person, unless two people in the article share it.
    The surname becomes a form even when spaCy never tagged it alone ("Ruto, 55, thanked")."""
    people = [n for n in reg.cands if len(n.split()) >= 2 and (reg.type_of(n) == "PERSON"
              or _person_by_surname(reg, n))]  # fmt: skip
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


def _person_by_surname(reg: Registry, name: str) -> bool:
    """'Marcus Hale' (spaCy: ORG) is a person when 'Hale' alone is one by a strong cue ('Hale,
    23,'): a two- or three-word name, no organisation or club word in it."""
    words = name.split()
    last = reg.by_form.get(words[-1])
    return len(words) <= 3 and last is not None and last != name \
        and reg.cands[last].types["PERSON"] >= _STRONG and reg.type_of(last) == "PERSON" \
        and not names.is_org_name(name) and not names.is_club(name)  # fmt: skip


def _merge_short_forms(reg: Registry, text: str, sport: bool = False) -> None:
    """'Nvidia Corp.' -> 'Nvidia', 'Serum Institute of India' -> 'Serum Institute',
    'Inner Mongolia Autonomous Region' -> 'Inner Mongolia', when the short form is used; 'Oxford'
    for 'University of Oxford' when spaCy also calls it an organisation; in a sports story
    'City' for 'Northbridge City'."""
    for name in list(reg.cands):
        if name not in reg.cands:
            continue
        type_ = reg.type_of(name)
        shorts = names.short_forms(name, type_)
        clubs = names.club_short_forms(name) if type_ == "ORG" and sport else []
        feature = names.FEATURE.sub("", name) if type_ == "LOC" else name
        if feature != name and feature in reg.by_form:
            shorts.append(feature)  # "Baltic" for "Baltic Sea", when spaCy tagged it
        of = re.fullmatch(r"[A-Z]\w+ of ([A-Z]\w+)", name)
        if type_ == "ORG" and of and of.group(1) in reg.by_form \
                and reg.type_of(reg.by_form[of.group(1)]) == "ORG":  # fmt: skip
            shorts.append(of.group(1))
        for short in shorts + clubs:
            if short in reg.cands[name].forms or short.lower() in curated():
                continue
            owner = reg.by_form.get(short)
            if owner and len(owner.split()) > len(short.split()) and owner != name:
                continue
            if owner and owner != name and type_ == "ORG" and (
                reg.type_of(owner) == "LOC" and short not in clubs
                and short != names.without_legal_suffix(name)
                or reg.cands[owner].types["LOC"] >= _STRONG
            ):
                continue  # "Japan" is not "Japan Airlines"; the dateline's "Madrid" is a city
            if _used_alone(short, text):
                reg.merge(into=name, form=short)
                if type_ == "ORG":  # "Daewon" (spaCy: a person) names "Daewon Construction"
                    reg.cands[name].types["ORG"] += _STRONG


def _used_alone(form: str, text: str) -> bool:
    """The form occurs as a word, not only inside a longer capitalised name."""
    for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])(?! [A-Z])", text):
        prev = re.search(r"([\w.'’-]+)\s$", text[max(0, m.start() - 40): m.start()])
        if prev is None or not prev.group(1)[:1].isupper() or prev.group(1).endswith(".") \
                or prev.group(1) in ("The", "A", "An"):  # fmt: skip
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
        aliases = sorted((c.forms | used) - {name}, key=lambda s: (s.lower(), s))
        # Mentions count captions too; spans index the body only.
        entities.append(Entity(name=name, type=reg.type_of(name), aliases=aliases,
                               mentions=len(found),
                               spans=[(s, e) for s, e in found if e <= body_len]))  # fmt: skip
    return entities
