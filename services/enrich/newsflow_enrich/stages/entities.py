"""Named entities with canonical names, aliases, mention counts and spans into the body.

spaCy finds mentions; this stage makes candidates of them (whole names where spaCy tagged part
of one, titles and amounts cut off, names spaCy missed that the context gives: clubs, "the
charity Emergency", credited agencies), then `resolve` decides which mentions name the same
thing. Spans are then every word-bounded occurrence of any form, the longest form winning an
overlap. Types come from the curated table, then from strong cues (an organisation suffix, a
person's title or age), then from spaCy's majority label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsflow_contracts.events import Entity
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsflow_enrich.stages import names, numbers, resolve, timestamps
from newsflow_enrich.stages.doc_text import text_of
from newsflow_enrich.stages.entity_types import Typer
from newsflow_enrich.stages.registry import STRONG as _STRONG
from newsflow_enrich.stages.registry import (
    TYPES,
    Registry,
    clean_form,
    curated_aliases,
    occurrences,
)


def extract(doc: Doc, body_len: int | None = None, dateline: str | None = None,
            agencies: Iterable[str] = (), typer: Typer | None = None) -> list[Entity]:  # fmt: skip
    """Entities of `doc`, whose first `body_len` characters are the body (captions follow);
    `agencies` are the news agencies the page credits (an organisation wherever named);
    `typer`, the learned typer that may overrule the rules' types."""
    body_len = len(text_of(doc)) if body_len is None else body_len
    reg, sport = candidates(doc, body_len, dateline, agencies)
    spans = mention_spans(reg, text_of(doc))
    if typer is not None:
        typer.retype(reg, doc, spans, sport)
        if resolve.after_typer(reg, text_of(doc), sport):  # "McLardie" joins "Ewan McLardie", now a person
            spans = mention_spans(reg, text_of(doc))
    return _to_entities(reg, spans, text_of(doc), body_len)


def candidates(doc: Doc, body_len: int, dateline: str | None = None,
               agencies: Iterable[str] = ()) -> tuple[Registry, bool]:  # fmt: skip
    """The rules' candidate entities, merged (resolve), and whether this is a sports story."""
    text = text_of(doc)
    sport = names.is_sport(text)
    reg = Registry()
    if dateline and text.startswith(dateline):
        reg.add(dateline, "LOC", 0, weight=_STRONG)
    if sport:
        _people_by_role(doc)
    covered = -1  # the last token of a name extended over spaCy's next entity
    for ent in _split(doc.ents, reg):
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
                or form.lower() in numbers.UNITS \
                or timestamps.is_date_or_zone(form, text[max(0, ent.start_char - 12):ent.start_char]):
            continue  # "1,356 MW", "Fri Aug 2", "22:07 GMT" name nothing
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
    resolve.run(doc, reg, sport)
    return reg, sport


_ARTICLE_PREFIX = re.compile(r"^(al|el|ad|ar|as|at|an|az|ash)-[A-Z]")  # "al-Qaida"

# Plural nouns whose possessive belongs to a name: "People’s Liberation Army", "Women’s Aid".
_PLURAL_OWNERS = {"people", "children", "women", "men", "workers", "veterans", "farmers",
                  "citizens", "peoples", "nations", "girls", "boys", "teachers", "ladies"}
_SCORE = re.compile(r"\d+[-–]\d+")
_CREDITS = {"AP", "AFP", "Reuters", "EPA", "Getty", "Submitted", "Contributed", "Courtesy"}
# One generic word after a possessive that ends a name: the owner names the place or the office
# ("St. Mark’s Square", "the Sheriff’s Office", "King’s College"), nothing is owned.
_OWNED_HEADS = names.ORG_SUFFIXES | names.PLACE_SUFFIXES | {
    "cathedral", "church", "chapel", "abbey", "hospital", "school", "island", "hall", "inn",
    "gate", "cross", "wharf", "market",
}  # fmt: skip


def _split(ents: Iterable[Span], reg: Registry) -> Iterable[Span]:
    """spaCy's mentions, with two things real pages glue into one taken apart:
    - a possessive inside the span: "Jeff Bezos’s Blue Origin", "Vietnam’s Communist Party".
      The part after it keeps spaCy's label; the owner before it becomes a form with no vote
      of its own (its type comes from its other mentions);
    - a sports result "Palm Bay d. Rockledge": two names."""
    for ent in ents:
        doc, start = ent.doc, ent.start
        for t in ent[1:-1]:
            # Not a plural's bare apostrophe: "Leeds Magistrates’ Court" is one name.
            if t.lower_ in ("’s", "'s") and doc[t.i + 1].text[:1].isupper() \
                    and doc[t.i - 1].lower_ not in _PLURAL_OWNERS \
                    and not (t.i + 2 == ent.end and doc[t.i + 1].lower_ in _OWNED_HEADS):  # fmt: skip
                form = clean_form(doc[start:t.i].text)
                if len(form) >= 2 and form[:1].isupper():
                    name = reg.add(form, None, doc[start].idx)
                    if names.is_country(form):
                        reg.cands[name].types["LOC"] += _STRONG
                start = t.i + 1
            elif t.lower_ in ("d.", "def.") and t.i > start:
                yield Span(doc, start, t.i, label=ent.label_)
                start = t.i + 1
        yield ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_)


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
    # "Timothy Weeks AP", "Jane Roe Submitted": a photo credit printed after the name.
    if label == "PERSON" and end - start >= 3 and doc[end - 1].text in _CREDITS:
        end -= 1
    for t in ent[1:]:
        if t.like_num and numbers.currency_follows(t):
            end = t.i
            break
    # "Duvan Portillo 1 assist", "Nicolas Jarry 6-4": a count of what follows the name, or a
    # score, glued to it.
    num = next((t.i for t in doc[start + 1:end] if t.like_num), None)
    if num is not None and num - start >= 2 and _count_or_score(doc, num):  # not "Ligue 1"
        end = num
    if (start, end, label) == (ent.start, ent.end, ent.label_) or end <= start:
        return ent
    return Span(doc, start, end, label=label)


def _count_or_score(doc: Doc, i: int) -> bool:
    """The number at doc[i] counts the lower-case word after it ("1 goal", "2 saves"; not "4
    said") or is a score ("6-4"), so it belongs to no name before it."""
    k = i
    while k < len(doc) and (doc[k].like_num or doc[k].text in "-–"):
        k += 1
    if _SCORE.fullmatch(doc[i:k].text.replace(" ", "")):
        return True
    nxt = doc[k] if k < len(doc) else None
    return nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.tag_ not in ("VBD", "VBN", "MD")


def _people_by_role(doc: Doc) -> None:
    """'Lock Iwan Prosser', 'Scrum-half Shota Ishikawa' (spaCy: nothing, or 'Shota' a place):
    a team position before a two- or three-word name makes it a person."""
    found = []
    # every word's lower case read once (a Token built per doc[i] read was most of the cost)
    strings = doc.vocab.strings
    lower = [strings[h] for h in doc.to_array(LOWER).tolist()]
    for i in range(len(doc)):
        k = _title_length(doc, i, len(doc), lower)
        if not k or doc[i:i + k].text.replace(" ", "").lower() not in names.SPORT_ROLES:
            continue
        start = end = i + k
        while end < len(doc) and end - start < 4 and doc[end].pos_ == "PROPN" \
                and doc[end].text[:1].isupper():  # fmt: skip
            end += 1
        if 2 <= end - start <= 3 and not names.is_org_name(doc[start:end].text) \
                and not names.is_club(doc[start:end].text):  # fmt: skip
            found.append(Span(doc, start, end, label="PERSON"))
    if found:
        doc.ents = filter_spans([*found, *doc.ents])


def _title_length(doc: Doc, start: int, end: int, lower: list[str] | None = None) -> int:
    """How many tokens of a person's title open doc[start:end]: 'Flanker' 1, 'Scrum-half' 3.
    `lower`: every token's lower case, if read already."""
    low = lower.__getitem__ if lower is not None else (lambda i: doc[i].lower_)
    if low(start).rstrip(".") in names.PERSON_TITLES:
        return 1
    if start + 2 < end and low(start + 1) == "-" \
            and f"{low(start)}-{low(start + 2)}" in names.PERSON_TITLES:  # fmt: skip
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
    # "University of Texas at San Antonio", "University of California, Berkeley": a campus
    # named after the institution.
    first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
    if _campus_follows(ent, first):
        end = _through_entity(doc, end + 2)
    # "AU Support and Stabilization Mission in Somalia": a mission is named with its country.
    if ent.label_ == "ORG" and doc[end - 1].lower_ in ("mission", "office", "delegation") \
            and end + 1 < len(doc) and doc[end].lower_ == "in" \
            and doc[end + 1].ent_type_ in ("GPE", "LOC") and doc[end + 1].ent_iob_ == "B":  # fmt: skip
        end = _through_entity(doc, end + 2)
    # "European Union Agency for Criminal Justice Cooperation": spaCy's two organisations
    # joined by "for"/"of" after an organisation's head word are one name.
    # "the Economic Club of" + "New York": spaCy cut the name after its "of".
    if ent.label_ == "ORG" and len(ent) >= 3 and doc[end - 1].lower_ in ("of", "for") \
            and end < len(doc) and doc[end].ent_iob_ == "B" \
            and doc[end].ent_type_ in ("GPE", "ORG"):  # fmt: skip
        end = _through_entity(doc, end + 1)
    # "Federal Reserve Bank of New York": ... and "of" a place it serves.
    if ent.label_ == "ORG" and end + 1 < len(doc) and doc[end].lower_ in ("for", "of") \
            and doc[end - 1].lower_ in names.ORG_SUFFIXES and doc[end + 1].ent_iob_ == "B" \
            and (doc[end + 1].ent_type_ == "ORG"
                 or doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE"):  # fmt: skip
        end = _through_entity(doc, end + 2)
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


def _campus_follows(ent: Span, first: Token) -> bool:
    """A campus's place after a university's name: "at San Antonio" after "University of
    Texas"; ", Berkeley" after a university system ("University of California", "California
    State University")."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "ORG" or end + 1 >= len(doc) or doc[end + 1].ent_type_ != "GPE" \
            or doc[end + 1].ent_iob_ != "B":  # fmt: skip
        return False
    if doc[end].lower_ == "at":
        return first.lower_ in ("university", "college")
    system = first.lower_ == "university" and first.i + 1 < end and doc[first.i + 1].lower_ == "of" \
        or doc[end - 1].lower_ == "university" and doc[end - 2].lower_ == "state"  # fmt: skip
    return doc[end].text == "," and system


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
            m = next(occurrences(form, text, "-", "-"), None)
            if m:
                name = reg.add(agency, "ORG", m[0], weight=_STRONG)
                if form != agency:
                    reg.merge(into=name, form=form)


def _common_word_at_sentence_start(ent: Span, doc: Doc, form: str) -> bool:
    """"Turnout was about 65 percent": a capitalised common noun that spaCy took for a name.
    Only single words starting a sentence: dropped when the text also uses the word in lower
    case, or when spaCy calls it a person named nowhere else (news introduces people by their
    full name first)."""
    if len(ent) != 1 or not ent[0].is_sent_start or ent.label_ in ("GPE", "LOC"):
        return False
    text = text_of(doc)
    if next(occurrences(form.lower(), text), None):
        return True
    return ent.label_ == "PERSON" and len(list(occurrences(form, text))) == 1


def mention_spans(reg: Registry, text: str) -> dict[str, list[tuple[int, int]]]:
    """Every occurrence of every form, by entity; the longest wins where two overlap ("Syrian"
    inside "Syrian Democratic Forces" belongs to the longer name)."""
    hits: list[tuple[int, int, str]] = []
    for name, c in reg.cands.items():
        c.forms |= curated_aliases().get(name, set())
        for form in c.forms | {name}:
            for start, end in occurrences(form, text):
                hits.append((start, end, name))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken = bytearray(len(text) + 1)
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, name in hits:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            spans.setdefault(name, []).append((start, end))
    return {name: sorted(found) for name, found in spans.items()}


def _to_entities(reg: Registry, spans: dict[str, list[tuple[int, int]]], text: str,
                 body_len: int) -> list[Entity]:  # fmt: skip
    entities = []
    for name, c in sorted(reg.cands.items(), key=lambda kv: kv[1].first):
        found = spans.get(name, [])
        if not found:
            continue
        used = {text[s:e] for s, e in found}
        aliases = sorted((c.forms | used) - {name}, key=lambda s: (s.lower(), s))
        # Mentions count captions too; spans index the body only.
        entities.append(Entity(name=name, type=reg.type_of(name), aliases=aliases,
                               mentions=len(found),
                               spans=[(s, e) for s, e in found if e <= body_len]))  # fmt: skip
    return entities
