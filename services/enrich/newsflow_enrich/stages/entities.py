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
from dataclasses import dataclass

from newsflow_contracts.events import Entity
from spacy.tokens import Doc, Span

from newsflow_enrich.stages import (
    bounds,
    by_context,
    clubs,
    count_nouns,
    credits,
    name_cues,
    names,
    numbers,
    org_context,
    resolve,
    shaped_names,
    timestamps,
)
from newsflow_enrich.stages.alone import outside
from newsflow_enrich.stages.doc_text import text_of
from newsflow_enrich.stages.entity_types import Near, Open, Typer
from newsflow_enrich.stages.registry import STRONG as _STRONG
from newsflow_enrich.stages.registry import (
    TYPES,
    Registry,
    clean_form,
    curated_aliases,
    occurrences,
)


def extract(doc: Doc, body_len: int | None = None, dateline: str | None = None,
            agencies: Iterable[str] = (), typer: Typer | None = None,
            near: Near | None = None) -> list[Entity]:  # fmt: skip
    """Entities of `doc`, whose first `body_len` characters are the body (captions follow);
    `agencies` are the news agencies the page credits (an organisation wherever named);
    `typer`, the learned typer that may overrule the rules' types; `near`, the second model's
    votes read lazily (Typer.settle)."""
    b = begin(doc, body_len, dateline, agencies, typer, lazy=near is not None)
    return end(b, near(doc, b.open.tokens) if b.open is not None and near is not None else ())


@dataclass
class Begun:
    """An article's entities up to the second model's votes (`begin`)."""

    doc: Doc
    body_len: int
    reg: Registry
    spans: dict[str, list[tuple[int, int]]]
    sport: bool
    typer: Typer | None
    open: Open | None  # the candidates the votes decide, and the tokens to read (None: none)


def begin(doc: Doc, body_len: int | None = None, dateline: str | None = None,
          agencies: Iterable[str] = (), typer: Typer | None = None,
          lazy: bool = False) -> Begun:  # fmt: skip
    """`extract` up to the votes of a lazy second model (`lazy`: models.NerVote), so that the
    votes of a batch of articles are read at once; `end` finishes."""
    body_len = len(text_of(doc)) if body_len is None else body_len
    reg, sport = candidates(doc, body_len, dateline, agencies)
    spans = mention_spans(reg, text_of(doc))
    open_ = typer.settle(reg, doc, spans, sport, lazy) if typer is not None else None
    return Begun(doc, body_len, reg, spans, sport, typer, open_)


def end(b: Begun, votes: Iterable[Span] = ()) -> list[Entity]:
    """The entities of `begin`, given the votes read on `b.open.tokens` (if any were asked)."""
    spans = b.spans
    if b.typer is not None:
        if b.open is not None:
            b.typer.finish(b.open, votes)
        if resolve.after_typer(b.reg, text_of(b.doc), b.sport):
            spans = mention_spans(b.reg, text_of(b.doc))  # "McLardie" joins "Ewan McLardie"
    count_nouns.retype(b.doc, b.reg)  # "an API", "GPs": a kind of thing, no organisation
    return _to_entities(b.reg, spans, text_of(b.doc), b.body_len)


def candidates(doc: Doc, body_len: int, dateline: str | None = None,
               agencies: Iterable[str] = ()) -> tuple[Registry, bool]:  # fmt: skip
    """The rules' candidate entities, merged (resolve), and whether this is a sports story."""
    text = text_of(doc)
    sport = clubs.is_sport(text)
    reg = Registry()
    if dateline and text.startswith(dateline):
        at = 0
        for place in dateline.split("/"):  # "BEIRUT/THE HAGUE": two places
            if place.strip():
                reg.add(place.strip(), "LOC", at + len(place) - len(place.lstrip()), _STRONG)
            at += len(place) + 1
    if sport:
        by_context.people_by_role(doc)
    else:
        by_context.people_by_office(doc)
    covered = -1  # the last token of a name extended over spaCy's next entity
    credited = credits.credit_ranges(text)
    for ent in bounds.split(doc.ents, reg):
        if ent.end <= covered:
            continue
        ent = bounds.trimmed(bounds.extended(ent, sport))
        if credited and credits.in_ranges(credited, ent.start_char):
            continue  # "(Picture by Jane Roe)", "John Doe contributed to this report"
        covered = max(covered, ent.end)
        type_ = TYPES.get(ent.label_)
        form = clean_form(ent.text)
        if not type_ or len(form) < 2 or "/" in form or "$" in form or not form[:1].isupper() \
                and not form[:1].isdigit() and not _ARTICLE_PREFIX.match(form) \
                or names.is_title_only(form) or bounds.ends_in_office(ent):  # fmt: skip
            continue
        if (
            _common_word_at_sentence_start(ent, doc, form)
            or _demonym(ent, form)
            or form.lower() in numbers.UNITS
            or timestamps.is_date_or_zone(form, text[max(0, ent.start_char - 12) : ent.start_char])
        ):
            continue  # "1,356 MW", "Fri Aug 2", "22:07 GMT" name nothing
        if len(ent) == 1 and ent[0].tag_ == "JJ" and type_ == "LOC":
            type_ = "NORP"  # "Ukrainian officials": an adjective, not the place
        name = reg.add(form, type_, ent.start_char)
        cue = name_cues.type_cue(ent, form, sport)
        if cue:
            reg.cue(name, cue)
    if sport:
        by_context.club_names(doc, reg)
    shaped_names.stat_lines(text, reg, credited)
    shaped_names.streets(text, reg, credited)
    shaped_names.places_of(text, reg)
    by_context.police(text, reg)
    by_context.agencies(text[:body_len], agencies, reg)
    by_context.curated(text, reg, credited)
    by_context.told(text, reg)
    by_context.named_by_noun(text, reg)
    org_context.siblings(doc, reg, credited)  # "Pinterest, Stripe and Slack"
    org_context.apposed(doc, reg, credited)  # "Ice911, a nonprofit"
    resolve.run(doc, reg, sport)
    return reg, sport


_ARTICLE_PREFIX = re.compile(r"^(al|el|ad|ar|as|at|an|az|ash)-[A-Z]")  # "al-Qaida"


def _demonym(ent: Span, form: str) -> bool:
    """'Pakistanis', 'Iraqis': people of a country that spaCy took for an organisation."""
    return len(ent) == 1 and ent[0].tag_ == "NNPS" and form.endswith("is") \
        and ent.label_ in ("ORG", "PERSON")  # fmt: skip


def _common_word_at_sentence_start(ent: Span, doc: Doc, form: str) -> bool:
    """ "Turnout was about 65 percent": a capitalised common noun that spaCy took for a name.
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
        aliases = sorted((c.forms | used) - {name} - _inside_only(c.forms | {name}, used, text)
                         - _credited(c.forms | used, found, text, body_len),
                         key=lambda s: (s.lower(), s))  # fmt: skip
        # Mentions count captions too; spans index the body only.
        type_ = "MISC" if _quoted_only(found, text) else reg.type_of(name)
        entities.append(Entity(name=name, type=type_, aliases=aliases, mentions=len(found),
                               spans=[(s, e) for s, e in found if e <= body_len]))  # fmt: skip
    return entities


def _credited(forms: set[str], found: list[tuple[int, int]], text: str, body_len: int) -> set[str]:
    """Forms printed only as a photo's credit ("(AP)") of an entity the story names: no alias
    (named only in credits, "The Associated Press contributed to this report", the credit is
    all there is)."""
    out = {f for f in forms if credits.credit_only(f, text, body_len)}
    body = credits.credit_ranges(text[:body_len]) if out else []
    story = any(e <= body_len and not credits.in_ranges(body, s) for s, e in found)
    return out if story else set()


def _inside_only(forms: set[str], used: set[str], text: str) -> set[str]:
    """Forms printed only inside the entity's longer form "X of Y" ("Montana House" of "the
    Montana House of Representatives", a piece spaCy cut from the name): no form the article
    uses alone, so no alias. Not where Y is an organisation ("Earth Institute of Columbia
    University": a unit, which may go by its own name)."""
    return {f for f in forms - used
            if next(occurrences(f, text), None) is not None
            and any(g.startswith(f + " of ") and not names.is_org_name(g[len(f) + 4 :])
                    for g in forms)
            and not outside(f, [g for g in forms if len(g) > len(f) and f in g], text)}  # fmt: skip


_CLOSE_QUOTE = re.compile(r"[.,!?]?[”\"’']")


def _quoted_only(found: list[tuple[int, int]], text: str) -> bool:
    """'his “Sole Heir.”', '“Mary Poppins”': a name printed only inside quotation marks is a
    title, a nickname or a phrase, not a person, an organisation or a place (after the typer)."""
    return all(text[max(0, s - 1) : s] in ("“", '"', "‘") and _CLOSE_QUOTE.match(text, e)
               for s, e in found)  # fmt: skip
