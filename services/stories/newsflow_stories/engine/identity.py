"""What a figure counts: its identity (event class, object, unit, place), read from the enriched
article for `tracks`. Two figures share a track only when all four agree. We prefer a missed
merge to a wrong one, so normalization is narrow:
- words are lower-cased and stemmed ("civilians" = "civilian", "were killed" = "killed");
- an entity's alias in an object becomes its canonical name ("SDF fighters" =
  "Syrian Democratic Forces fighters"), from the article's own entities;
- events fall into a few classes of casualty and damage counts (`counts`): "killed", "died",
  "dead" and "the death toll" are one toll, "injured" and "hurt" are "wounded"; classes never
  meet ("killed" vs "wounded");
- place: a LOC entity the figure's sentence puts after "in", "at", "near"... ("killed in
  Hajin"), when exactly one does, and only when it sets the count apart (see `identities`);
- a count in a sentence about an earlier year ("33 miners were rescued in 2010") is not a
  report: it only restates a value a track already holds, when it is a person's (a record), has
  a unit or is large (`Identity.past`), and never starts a track;
- a figure that restates a count's earlier value ("up from 38") is marked so (`parts.restated`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from newsflow_contracts.events import ArticleEnriched, Figure

from newsflow_stories.engine import counts, holders, readings
from newsflow_stories.engine.kinds import Identity, Kind, a_phrase
from newsflow_stories.engine.left_out import left_out_noun
from newsflow_stories.engine.objects import normalize_object
from newsflow_stories.engine.parts import (
    restated,
    without_causes,
    without_groups,
    without_parts,
    without_steps,
    without_wholes,
)
from newsflow_stories.engine.values import DURATIONS, MIN_COUNT
from newsflow_stories.engine.years import PageDate, continues_past, past_month, years_ago

_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|across|from|of)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE
)
# Characters after a figure read for its phrase ("setting 54 vehicles alight"; "Two buildings,
# one used by tax officials and another by regional authorities, also caught fire").
_AFTER = 120


def _aliases(article: ArticleEnriched) -> dict[str, str]:
    return {a: e.name for e in article.entities for a in e.aliases
            if len(a) > 1 and a != e.name}  # fmt: skip


def _sentence_start(article: ArticleEnriched, fig: Figure) -> int | None:
    start = article.body.find(fig.sentence, max(0, fig.span[1] - len(fig.sentence)))
    return None if start < 0 or start > fig.span[0] else start


_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+")


def _previous_sentence(body: str, start: int) -> str:
    """The sentence before the one that begins at `start` (at most 400 characters of it)."""
    before = body[max(0, start - 400) : start].rstrip()
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    return before[ends[-1] :] if ends else before


def figure_place(article: ArticleEnriched, fig: Figure) -> str | None:
    """The one place the figure's sentence names after a preposition, else None."""
    body = article.body
    start = _sentence_start(article, fig)
    if start is None:
        return None
    end = start + len(fig.sentence)
    dateline = (article.dateline or "").lower()
    places = set()
    for e in article.entities:
        if e.type != "LOC" or e.name.lower() == dateline:
            continue
        for s, t in e.spans:
            if (
                start <= s < end
                and body[t : t + 1] != "-"
                and _PLACE_BEFORE.search(body[max(0, s - 40) : s])
            ):
                places.add(e.name)
    return places.pop() if len(places) == 1 else None


_VALUE_WORDS = {"number", "total", "count", "tally"}
_WOUND_UP = re.compile(r"\bwound\s+(?:up|down)\b", re.IGNORECASE)
# An object that names no thing but a value of one ("its first estimate of 2.1 million").
_ESTIMATE = re.compile(r"\b(?:estimate|figure|count|tally)s?$")


def _class_before(before: str, cls: str | None) -> str | None:
    """The class the words right before a figure give it, over the verb's."""
    if cls == "wound" and _WOUND_UP.search(before):
        return "wind up"  # "He wound up with 20": the past of "wind up", no injury
    if counts.waiting_before(before):
        return counts.WAITING  # "to clear the backlog of 74 ships": the ships wait
    if cls not in counts.CLASSES and counts.deaths_of(before):
        return "kill"  # "the tragic death of the three workers": the toll, whatever the verb
    if cls not in counts.CLASSES and counts.injuries_of(before):
        return "wound"  # "the murder of Horton and the injury of two others"
    if counts.fatally(before) or (cls not in counts.CLASSES and readings.toll_is(before)):
        return "kill"  # "fatally shot eight people", "the fatality is only one person"
    return cls


def _read(article: ArticleEnriched, fig: Figure, event: str | None) -> tuple[str, str] | None:
    """(event class, object) of one figure, or None when it says neither (see counts)."""
    body, (begin, end) = article.body, fig.span
    near, after = body[max(0, begin - 40) : begin], body[end : end + _AFTER]
    start = _sentence_start(article, fig)
    own = body[start:begin] if start is not None else ""
    # "nine people were killed and about 4,000 were forced from their homes": the verb after
    # the figure is its own, not enrich's from the clause before.
    mine = readings.own_verb(event, own, after, fig.object) if event else None
    if mine and not _a_fate_or_present(mine, near, after, fig.object):
        mine = None
    if event and not mine:  # "needed nine points ... to pass Ford": the count is what was needed
        event = readings.main_verb(event, near, after)
    event = mine or event
    obj = readings.fire_engines(fig.object, after, own)
    charged = _charged(article, fig, obj)
    if charged:
        return charged  # "charged with two counts of murder": charges of murder
    cls = (counts.phrase_class(event, after, obj) or counts.event_class(event)
           if event else None)  # fmt: skip
    cls = _class_before(near, cls)
    if cls in counts.PEOPLE_CLASSES and readings.intended(near):
        return None  # "attempting to kill three others": an attempt is no count of the fate
    if cls in counts.PEOPLE_CLASSES and fig.unit in DURATIONS:
        return None  # "In almost three months of battle, 820 ... killed": a fate counts people
    if cls == "shoot" and readings.shot_dead(near, body[end : end + 60]):
        cls = "kill"  # "One man was shot and killed", "shot one person dead": the toll
    if cls not in counts.CLASSES and counts.from_homes(after):
        cls = "displac"  # "Sixty residents were moved from their homes"
    elif cls not in counts.CLASSES and readings.present(event, near, after):
        cls = readings.PRESENT  # "including two children, were inside": the people present
    # "the (confirmed) death toll ... to 11": the object is the toll, not a counted thing
    toll = bool(obj) and normalize_object(obj, {}).split()[-1:] == ["toll"]
    # "The death toll ... rose to 23": the subject that rose is what the figure counts, whatever
    # noun enrich gave the figure (it may take one from later in the sentence).
    changed = bool(obj) and not fig.unit and cls not in counts.CLASSES and counts.changes(event)
    # "raised to 3.4 million the number of customers whose data was stolen": a value word for
    # an object; what it counts is named after the figure when not before it.
    valued = bool(obj) and normalize_object(obj, {}) in _VALUE_WORDS
    if not obj or toll or changed or valued:
        start = _sentence_start(article, fig)
        counted = counts.counted_in(body[start:begin]) if start is not None else None
        if counted is None and valued:
            counted = counts.counted_in(after)
        if counted:
            obj, participle = counted
            # The figure's own casualty verb wins over a count named earlier in the sentence:
            # "the death toll rose to 23, with more than 300 injured" - the 300 are wounded.
            if participle and cls not in counts.CLASSES:
                cls = counts.event_class(participle)
        elif toll:
            obj, cls = "people", "kill"
    part = counts.participle_class(obj) if obj else None
    if part and cls not in counts.CLASSES:
        cls, obj = part  # "11,000 displaced people were being housed"
    fate = counts.fate_noun(obj) if obj and cls not in counts.CLASSES else None
    if fate:
        cls, obj = fate, "people"  # "recovered 145 bodies", "confirmed 41 deaths": the toll
    if not obj and cls in counts.PEOPLE_CLASSES:
        obj = "people"  # "about 4,000 were forced from their homes"
    if cls:
        cls = counts.severity(cls, body[end : end + _AFTER])  # "30 people seriously injured"
    return (cls, obj) if cls and obj else None


def _a_fate_or_present(verb: str, before: str, after: str, obj: str | None) -> bool:
    """Does a verb read after the figure (`readings.own_verb`) name a fate, or the people present?"""
    cls = counts.phrase_class(verb, after, obj) or counts.event_class(verb)
    return cls in counts.CLASSES or readings.present(verb, before, after)


def _charged(article: ArticleEnriched, fig: Figure, obj: str | None) -> tuple[str, str] | None:
    """(class, object) of a figure that counts charges ("two counts of murder", "two murder
    charges"), read from the words around it with `obj` for its object; else None."""
    body, (begin, end) = article.body, fig.span
    return readings.charges(obj, body[max(0, begin - 120) : begin], body[end : end + _AFTER])


# What `read` finds of each figure before a story's tracks are known: its identity (None for
# one not tracked) with every place it names, and the past-dated counts by figure.
Read = tuple[list[Identity | None], dict[int, Identity]]


def identities(article: ArticleEnriched, date: PageDate, placed: Iterable[Kind] = (),
               read_: Read | None = None) -> list[Identity | None]:  # fmt: skip
    """Each figure's identity, or None for one not tracked. `read_`: the article's `read`, when
    the caller has it already (the engine reads an article once for the join and the tracks).

    A figure's place is kept only when it sets the figure apart from the story's count: the
    article itself gives the same count elsewhere or unplaced ("300 civilians killed ... 14 of
    them in Baghouz"), or a report before did so (the story has that placed track: `placed`). Otherwise
    the place is where the story happens, which outlets name or omit at will ("in Chile",
    "in the Atacama region", nothing), and the report joins the story's count.
    """
    raw, dated = read_ if read_ is not None else read(article, date)
    out = _places_that_set_apart(article, raw, set(placed))
    out = without_wholes(article, without_parts(article, without_steps(article, out)))
    out = without_groups(article, out)
    out = restated(article, without_causes(article, out))
    return [dated.get(n) if i is None else i for n, i in enumerate(out)]


def read(article: ArticleEnriched, date: PageDate) -> Read:
    """Each figure's identity as its own words give it, whatever the story (see `identities`)."""
    aliases = _aliases(article)
    published = article.published_at or ""
    year = int(published[:4]) if published[:4].isdigit() else None
    month = int(published[5:7]) if published[5:7].isdigit() else None
    if date.year is not None:  # the page's own date, where it prints one
        year, month = date.year, date.month
    stamp = date.end
    raw: list[Identity | None] = []
    # Counts a past time dates ("finished his career in 1978 with 2,290 points"): each may only
    # restate a value a track already holds (`Identity.past`, `tracks.add_reports`).
    dated: dict[int, Identity] = {}
    for n, fig in enumerate(article.figures):
        event = fig.event
        if not event and fig.parent is not None and 0 <= fig.parent < len(article.figures):
            event = article.figures[fig.parent].event  # "including 40 children" of the killed
        start = _sentence_start(article, fig)
        at = fig.span[0] - start if start is not None else 0
        skip = stamp - start if start is not None and start < stamp <= fig.span[0] else 0
        # The lede tells the news, whatever year it names ("convicted ... of two counts of
        # murder in the 2012 shooting death", a cold case's "murdering two women ... in 1967");
        # a later sentence that names an older year may tell an older event.
        lede = start is not None and not _SENTENCE_END.search(article.body[:start])
        # Charges are laid now for an older crime: a year after them is the crime's ("have
        # charged Simpson with two counts of murder in the April 2012 shooting deaths").
        own = fig.sentence
        if start is not None and _charged(article, fig, fig.object) is not None:
            own = fig.sentence[: fig.span[1] - start]
        past = not lede and (counts.past_year(own, year, at, skip)
                or past_month(fig.sentence[skip:], month, date.months)
                or years_ago(fig.sentence[skip : max(skip, at)])
                or (start is not None and continues_past(_previous_sentence(article.body, start),
                                                         fig.sentence, year)))  # fmt: skip
        size = None if fig.unit else readings.sized(article.body[fig.span[1] : fig.span[1] + 12])
        told = fig.model_copy(update={"object": size}) if size else fig
        left_out = None if size else left_out_noun(article, n, start)
        if left_out:
            # "Blackmore has 20 wives and Oler has two": the noun the count leaves out
            fig = told = fig.model_copy(update={"object": left_out})
        read = None if past else _read(article, told, event)
        children = None if fig.unit else readings.children_of(
            article.body[max(0, fig.span[0] - 40) : fig.span[0]],
            article.body[fig.span[1] : fig.span[1] + 40], fig.object)  # fmt: skip
        if children:
            read = "", children  # "a mother of 12, was fatally shot in 2011": her children
        if read and _ESTIMATE.search(read[1].lower()):
            read = None  # "its first estimate of 2.1 million": a value of some count, see parts.restated
        if read is None and size and not (past and _FROM.search(article.body[: fig.span[0]])):
            # "The 1,000-member church": its members, no verb (joins as _retold); a body's size is
            # no event's, so a past time does not date it ("In September, the 2,507-member
            # assembly ... voted to abolish itself"), unless a change starts from it.
            read = "", size
        elif read is None and not past and fig.object and not fig.unit:
            after = article.body[fig.span[1] : fig.span[1] + 4]
            read = _phrase_only(fig.object, aliases, after)  # "despite two earlier legal opinions"
            generic = normalize_object(fig.object, aliases) == "peopl"
            if read is None and _a_state(event) and not _OF.match(after):
                # "has 80 employees", "there are 27 booths": no verb; not "people", which says
                # nothing of what is counted ("Six people were in critical condition").
                read = None if generic and fig.value < MIN_COUNT else ("", fig.object)
            if read is None and not event and not generic and holders.holder(article, fig, start):
                read = "", fig.object  # "Hasim Rahman (45-7-2, 36 KOs)": a person's count
        elif read is None and not past and _an_amount(fig):
            # "will acquire SeaMicro for $334 million", "AMD's $334 million deal": an amount with
            # no object or no verb; it joins only the same value (retold.measure_retold).
            read = "", fig.object or fig.unit or ""
        ev, ob = (read[0], normalize_object(read[1], aliases)) if read else ("", "")
        plain = bool(read) and _plain(read[1], aliases)
        named = bool(read) and _named(read[1], aliases)
        who = holders.holder(article, fig, start) if holders.may_hold(ev, ob, fig.unit) else None
        place = None if children else figure_place(article, fig)  # a parent's, anywhere
        raw.append(Identity(ev, ob, fig.unit, place, plain, named=named,
                            holder=who) if ob and (ev or read) else None)  # fmt: skip
        if past and raw[-1] is None:
            then = _read(article, told, event)
            if then:
                ob = normalize_object(then[1], aliases)
                who = holders.holder(article, fig, start) if holders.may_hold(
                    then[0], ob, fig.unit) else None  # fmt: skip
                if who or fig.unit or fig.value >= MIN_COUNT:  # a small count agrees by chance
                    dated[n] = Identity(then[0], ob, fig.unit, None, _plain(then[1], aliases),
                                        named=_named(then[1], aliases), holder=who,
                                        past=True)  # fmt: skip
    return raw, dated


def told_apart(article: ArticleEnriched, idents: list[Identity | None]) -> list[bool]:
    """For each figure: does its sentence tell another count of the same verb, noun and value
    in other words ("two Marsh trawlers were sunk, and two fishing trawlers")? Then the words
    set them apart, and neither joins a track by other words (`same_count.reworded`); a later sentence
    that words the count again ("the two trawlers") tells the same count."""
    objects: dict[tuple[str, str, str, float], set[str]] = {}
    keys: list[tuple[str, str, str, float] | None] = []
    for i, f in zip(idents, article.figures, strict=True):
        key = (f.sentence, i.event, i.object.split()[-1], f.value) if i and i.object else None
        if key is not None and i is not None:
            objects.setdefault(key, set()).add(i.object)
        keys.append(key)
    return [k is None or len(objects[k]) > 1 for k in keys]


# A copula, "have" or "there is": a verb that says only that the counted things are, or are had.
_STATE_WORDS = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
                "having"}  # fmt: skip


def _a_state(event: str | None) -> bool:
    """Is the figure's verb only a copula or "have" ("SeaMicro has 80 employees", "there are
    27 overseas booths", "2.5 million people were eligible")? Such a count has no verb of its
    own: like a long description (`_phrase_only`), it joins only the same value of its words."""
    return bool(event) and set((event or "").lower().split()) <= _STATE_WORDS


def _an_amount(fig: Figure) -> bool:
    """A large quantity with a unit, not a share or a duration (values.DURATIONS)."""
    return (fig.unit is not None and fig.unit != "%" and fig.unit not in DURATIONS
            and fig.value >= MIN_COUNT and fig.low is None)  # fmt: skip


def _places_that_set_apart(article: ArticleEnriched, raw: list[Identity | None],
                           placed: set[Kind]) -> list[Identity | None]:  # fmt: skip
    """A part is smaller than the count it is part of: "300 civilians killed ... 14 in
    Baghouz" keeps Baghouz. The same value placed and unplaced ("14 died in Chittagong ... the
    fire, which killed 14") is one count told twice; the largest count, placed, is the whole
    ("leaving 24 dead" in Indonesia beside "Twelve ... in Bener Meriah"), and so is every
    count its sentence gives in that place ("leaving 24 dead and over 200 injured" in
    Indonesia: the 200 are the injured of the whole, smaller than a later "249 injured" as a
    toll's first report is). Those lose their place, unless the story already follows that
    placed count (`placed`)."""
    figs = article.figures
    kinds = [(i.event, i.object, i.unit, i.place, f.value)
             for i, f in zip(raw, figs, strict=True) if i is not None]  # fmt: skip

    def compared(i: Identity, value: float, larger: bool) -> bool:
        return any(k[:3] == (i.event, i.object, i.unit) and k[3] != i.place
                   and (k[4] > value if larger else k[4] < value) for k in kinds)  # fmt: skip

    wholes = {(f.sentence, i.place) for i, f in zip(raw, figs, strict=True)
              if i is not None and i.place is not None and not compared(i, f.value, True)
              and compared(i, f.value, False)}  # fmt: skip
    out: list[Identity | None] = []
    for i, fig in zip(raw, figs, strict=True):
        if i is not None and i.place is not None:
            apart = compared(i, fig.value, True) and (fig.sentence, i.place) not in wholes
            if not apart and (i.event, i.object, i.unit, i.place) not in placed:
                i = replace(i, place=None)
        out.append(i)
    return out


# Words that pick some out of a group ("the last five games", "two other models", "three
# straight points"): such an object is a part or a different set, never a mere description.
_SELECTING = {"next", "last", "first", "other", "previous", "straight", "consecutive", "further",
              "additional", "separate", "more", "higher", "lower", "remaining", "final", "new",
              "top", "end", "same", "only", "initial", "original", "earlier", "former"}  # fmt: skip


def _phrase_only(obj: str, aliases: dict[str, str], after: str) -> tuple[str, str] | None:
    """("", object) for a count with no verb that a class knows, or none, told by a
    description of `PHRASE_WORDS` or more words that names nobody ("despite two earlier legal
    opinions that said ..."): such a count joins only the same value of the same words
    (`tracks.choose`). Not some out of a group ("lost four of its last five games")."""
    if not a_phrase(normalize_object(obj, aliases)) or _named(obj, aliases) or _OF.match(after):
        return None
    return "", obj


# "went from an 18,000-strong student body ... in 2013 to 1,180": a size a change started from.
_FROM = re.compile(r"\bfrom\s+(?:an?|the)\s+$", re.IGNORECASE)
_OF = re.compile(r"\s+of\b", re.IGNORECASE)


def _plain(obj: str, aliases: dict[str, str]) -> bool:
    """Only plain lower-case words before the object's last word: a description ("container
    ships", "dock workers"), not a party ("SDF fighters", "Syrian soldiers") nor a selection."""
    ws = obj.split()[:-1]
    return not any(w[:1].isupper() or w in aliases or w.lower() in _SELECTING
                   or not w.isalpha() for w in ws)  # fmt: skip


def _named(obj: str, aliases: dict[str, str]) -> bool:
    """A capitalised word (not a shouted one: "THREE PEOPLE HAVE DIED") or an entity's alias."""
    return any((w[:1].isupper() and not w.isupper()) or w in aliases for w in obj.split())
