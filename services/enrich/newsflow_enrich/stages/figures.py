"""Figures: numbers in context. What was counted (object), what happened to it (event), how sure
the count is (qualifier), its unit, ranges, and sub-counts ("34 jihadists including three ...").

Numbers are found on spaCy's tokens (digits and number words, which text2num turns into values);
object and event come from the dependency parse. Dates, times, ordinals, years and ages of pages
are not figures.
"""

from __future__ import annotations

from newsflow_contracts.events import Figure
from spacy.tokens import Doc, Span, Token

from newsflow_enrich.stages import figure_context as ctx
from newsflow_enrich.stages import figure_events
from newsflow_enrich.stages import figure_subjects as subjects
from newsflow_enrich.stages.doc_text import text_of
from newsflow_enrich.stages.figure_filter import Filter
from newsflow_enrich.stages.figure_rerank import Reranker
from newsflow_enrich.stages.number_phrases import numbers
from newsflow_enrich.stages.numbers import (
    DURATION_UNITS,
    MONEY,
    PREFIXES,
    Number,
    qualifier_of,
    unit_of,
)


def _object_text(doc: Doc, noun: Token, num: Number, unit_end: int) -> str:
    """The noun with its modifiers after the number: 'US-backed fighters', 'suicide bombers'."""
    # Modifiers never reach back into the figure itself ("$3.2 billion operating budget").
    bound = unit_end if noun.i >= unit_end else noun.sent.start
    left = min((c.i for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")
                and c.i >= bound), default=noun.i)  # fmt: skip
    # Hyphenated modifiers: spaCy splits "US-backed" into US, -, backed.
    while left > bound and doc[left - 1].text == "-" and left - 2 >= bound:
        left -= 2
    left = max(left, bound)
    return doc[left : noun.i + 1].text


# "six of the dead": what an earlier count's verb made of the people it counted.
_BECAME = {
    "dead": {"kill", "die"}, "deaths": {"kill", "die"},
    "victims": {"kill", "die", "injure", "wound"},
    "wounded": {"wound", "injure"}, "injured": {"injure", "wound"}, "missing": {"miss"},
    "arrested": {"arrest", "detain"}, "detained": {"detain", "arrest"},
    "displaced": {"displace", "flee"}, "evacuated": {"evacuate"}, "rescued": {"rescue"},
}  # fmt: skip


def _parent(doc: Doc, noun: Token | None, anchor: Token, value: float, unit: str | None,
            figures: list[Figure], objects: list[Token | None], events: list[Token | None],
            first: int) -> int | None:  # fmt: skip
    """'34 jihadists including three suicide bombers': the figure whose object includes this
    one; for 'killed ..., including 348 children' the nearest larger count before it; for 'Six
    of the dead' an earlier sentence's count of the dead."""
    t = noun if noun is not None else anchor
    if (
        t.dep_ == "pobj"
        and t.head.lower_ in ("including", "among", "of")
        and t.head.dep_ in ("prep", "acl")
    ):
        container = t.head.head
        for k, obj in enumerate(objects):
            if obj is not None and obj.i == container.i and figures[k].unit == unit:
                return k
    if ctx.part_of(doc, anchor):
        for k in range(len(figures) - 1, first - 1, -1):
            f = figures[k]
            if f.value > value and f.parent is None and f.unit == unit:
                return k
    # "more than 650 of them children": the count the pronoun stands for, just before.
    of = next((c for c in anchor.children if c.lower_ == "of"), None)
    them = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if them is not None and them.lower_ in ("them", "whom", "which", "those", "these"):
        for k in range(len(figures) - 1, -1, -1):
            if figures[k].value > value and figures[k].unit == unit:
                return k
    if unit is None and noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and any(c.lower_ == "the" for c in noun.children) \
            and not any(c.like_num for c in noun.children):  # fmt: skip
        became = _BECAME.get(noun.lower_, set())
        for k in range(first - 1, max(-1, first - 12), -1):
            obj, event = objects[k], events[k]
            if (
                figures[k].value > value
                and figures[k].unit == unit
                and (
                    obj is not None
                    and obj.lemma_.lower() == noun.lemma_.lower()
                    or event is not None
                    and event.lemma_.lower() in became
                )
            ):
                return k
    return None


def extract(doc: Doc, body_len: int | None = None, reranker: Reranker | None = None,
            keeper: Filter | None = None) -> list[Figure]:  # fmt: skip
    """Figures of the body: the first `body_len` characters of `doc` (captions follow); with
    `keeper`, the numbers the learned filter does not count are dropped and the doubtful ones it
    counts are taken back; with `reranker`, each figure's object and event are the learned
    chooser's, the rules' a feature."""
    figures, doubts = candidates(doc, body_len, doubtful=keeper is not None)
    if keeper is not None:
        figures = keeper.keep(doc, figures, doubts)
    figures = figures if reranker is None else reranker.choose(doc, figures)
    return [f.model_copy(update={"event": _SPELLED[f.event.lower()]})
            if f.event and f.event.lower() in _SPELLED else f for f in figures]  # fmt: skip


# "It’s 200 miles", "there's 3,000": a contracted verb as the word it stands for.
_SPELLED = {"’s": "is", "'s": "is", "’re": "are", "'re": "are", "’m": "am", "'m": "am",
            "’ve": "have", "'ve": "have"}  # fmt: skip


def candidates(doc: Doc, body_len: int | None = None,
               doubtful: bool = False) -> tuple[list[Figure], list[str | None]]:  # fmt: skip
    """The rules' figures and, with `doubtful`, the numbers a doubtful rule leaves out
    (not_figures.doubt); beside them, each one's doubt (None: a figure by the rules)."""
    text = text_of(doc)
    body_len = len(text) if body_len is None else body_len
    figures: list[Figure] = []
    objects: list[Token | None] = []
    all_events: list[Token | None] = []  # as found, before events are shared
    starts: list[int] = []  # each figure's first number token
    doubts: list[str | None] = []
    for sent in doc.sents:
        if sent.start_char >= body_len:
            break
        first_in_sentence = len(figures)
        events: list[Token | None] = []
        for num in numbers(sent, doubtful):
            unit, unit_end = unit_of(doc, num)
            qualifier, _ = qualifier_of(doc, num.start, duration=unit in DURATION_UNITS)
            start_tok = num.start - 1 if unit and doc[num.start - 1].text.lower() in PREFIXES \
                else num.start  # fmt: skip
            end_tok = max(num.end, unit_end)
            noun, event = _context(doc, num, unit, start_tok, end_tok)
            noun = subjects.untickered(noun) if noun is not None else None
            if noun is not None and unit is None:
                noun = subjects.number_of(noun)
            anchor = ctx.head_of(doc, start_tok, end_tok)
            span_start = doc[start_tok].idx
            last = doc[end_tok - 1]
            span_end = last.idx + len(last.text)
            parent = _parent(
                doc, noun, anchor, num.value, unit, figures, objects, all_events, first_in_sentence
            )
            figures.append(Figure(
                value=num.value, low=num.low, high=num.high,
                text=text[span_start:span_end], qualifier=qualifier, unit=unit,
                object=_object_text(doc, noun, num, end_tok) if noun is not None else None,
                event=ctx.word_text(event) if event is not None else None, parent=parent,
                sentence=sent.text.strip(), span=(span_start, span_end),
            ))  # fmt: skip
            objects.append(noun)
            events.append(event)
            all_events.append(event)
            starts.append(num.start)
            doubts.append(num.doubt)
        _sentence_parents(sent, figures, objects, starts, first_in_sentence)
        _no_event_inside_figures(figures, events, first_in_sentence)
        _share_events(figures, objects, events, first_in_sentence)
        _conversions(text, figures, first_in_sentence)
    return figures, doubts


def _conversions(text: str, figures: list[Figure], first: int) -> None:
    """'$US61,000 ($A97,000) in prize money', '100 kilometres (62 miles)': the bracketed
    figure is the same amount in other units, with the same object and event."""
    for k in range(max(first, 1), len(figures)):
        prev, fig = figures[k - 1], figures[k]
        between = text[prev.span[1] : fig.span[0]]
        if between.strip() == "(" and text[fig.span[1]:fig.span[1] + 1] == ")" \
                and fig.object is None and fig.event is None:  # fmt: skip
            figures[k] = fig.model_copy(update={"object": prev.object, "event": prev.event})


def _no_event_inside_figures(figures: list[Figure], events: list[Token | None], first: int) -> None:
    """'a 1.5 billion won fine': spaCy may read the currency 'won' as a verb; a word inside a
    figure is never the event of one."""
    spans = [f.span for f in figures[first:]]
    for k, event in enumerate(events, start=first):
        if event is not None and any(s <= event.idx < e for s, e in spans):
            figures[k] = figures[k].model_copy(update={"event": None})
            events[k - first] = None


def _sentence_parents(sent: Span, figures: list[Figure], objects: list[Token | None],
                      starts: list[int], first: int) -> None:  # fmt: skip
    """Parents a figure can only get once its sentence is read: 'four of its 27 plants' (the
    container comes after), 'Of the remaining nine people arrested, five were released'."""
    at = {starts[k]: k for k in range(first, len(figures))}
    fronted = None
    if sent[0].lower_ == "of" and first < len(figures) and starts[first] <= sent.start + 4:
        fronted = first  # "Of the nine ..., five ... and four ..."
    for k in range(first, len(figures)):
        fig, noun = figures[k], objects[k]
        if fig.parent is not None:
            continue
        parent = None
        if noun is not None and noun.head.lower_ == "of":
            parent = next((at[c.i] for c in noun.children if c.i in at and at[c.i] != k), None)
        if parent is None and fronted is not None and k != fronted:
            parent = fronted
        if parent is None and k + 1 < len(figures) and _part_of_next(sent, fig, figures[k + 1]):
            parent = k + 1  # "29 of 50 states", "eight of the nation's 10 largest banks"
        if parent is not None and figures[parent].value > fig.value \
                and figures[parent].unit == fig.unit:  # fmt: skip
            figures[k] = fig.model_copy(update={"parent": parent})


def _part_of_next(sent: Span, fig: Figure, nxt: Figure) -> bool:
    """'A of [the / its / the nation's] B': a count picked from the next count, however the
    parser hangs the two numbers (often as one quantity)."""
    words = text_of(sent.doc)[fig.span[1] : nxt.span[0]].lower().split()
    return fig.unit is None and nxt.unit is None and nxt.value > fig.value \
        and 1 <= len(words) <= 3 and words[0] == "of" \
        and not any(c.isdigit() for w in words for c in w)  # fmt: skip


def _context(doc: Doc, num: Number, unit: str | None, start: int,
             end: int) -> tuple[Token | None, Token | None]:  # fmt: skip
    """(object noun, event verb) of one figure."""
    if unit in DURATION_UNITS:  # "12 years in prison": no object but what it is "of"
        noun, event = ctx.amount_object(doc, start, end, "measure")
        keep = noun is not None and (noun.i >= end or noun.head.lower_ == "of")
        # "cut cases by 75 percent over 12 months", "in 24 hours": a time frame, not what the
        # verb did ("suspended flights for 21 hours", "sentenced to 12 years" are).
        h = ctx.head_of(doc, start, end)
        if ctx.time_frame(h):
            event = None
        if not keep:
            noun = subjects.lasting_subject(h) or subjects.hyphen_adjective_noun(h)
        return noun, event
    if unit is not None:
        kind = "money" if unit in MONEY else "percent" if unit in ("%", "pp") else "measure"
        noun, event = ctx.amount_object(doc, start, end, kind)
        h = ctx.head_of(doc, start, end)
        if noun is None and kind != "percent":  # "The estimated value is $4.3 million"
            noun = subjects.copula_subject(doc, h, end) or subjects.hyphen_adjective_noun(h)
        if noun is None and kind == "percent":  # "The BSE Sensex gained 0.03 percent"
            noun = subjects.index_subject(h)
        if noun is None and kind in ("percent", "money"):  # "Pfizer Inc. fell 1.2 percent"
            noun = subjects.market_subject(h)
        return noun, event
    noun = ctx.count_object(doc, num.start, num.end)
    if noun is not None:
        noun = _hyphenated_end(doc, noun)
        # "four of the seven commissioners said": the verb belongs to the partitive number.
        partitive = num.end < len(doc) and doc[num.end].lower_ == "of"
        event = figure_events.verb_of(ctx.head_of(doc, num.start, num.end)) if partitive else None
        index = subjects.index_subject(noun) if noun.lower_ in ("points", "point") else None
        return index or noun, event or ctx.event_of(noun)
    # A count with its noun left out ("injuring more than 600"): the verb it is argument of;
    # "put the turnout at 1.28 million": the verb's object is what was counted.
    h = ctx.head_of(doc, num.start, num.end)
    # "a crowd of 47,000": the noun the count is "of" is what was counted.
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ == "NOUN":
        noun = h.head.head
        return noun, ctx.event_of(noun)
    if (subject := subjects.copula_subject(doc, h, num.end)) is not None:  # "the toll is 16,002"
        return subject, None
    if (described := subjects.hyphen_adjective_noun(h)) is not None:  # "an 18,000-strong staff"
        return described, ctx.event_of(described)
    verb = figure_events.verb_of(h)
    if verb is not None and h.dep_ == "dobj" and verb.lemma_.lower() in _LEVELS:
        return ctx.changed_thing(verb, money=False, skip=h), verb  # "claims had topped 6 million"
    if h.dep_ == "pobj" and h.head.lower_ in ("at", "to") \
            and (index := subjects.index_subject(h)) is not None:  # fmt: skip
        return index, verb  # "the BSE Sensex was up 152.71 points at 41,268.09"
    if (
        verb is not None
        and h.dep_ == "pobj"
        and (h.head.lower_ == "at" or _changed_to(verb, h.head))
    ):
        return ctx.changed_thing(verb, money=False), verb
    return None, verb


def _hyphenated_end(doc: Doc, noun: Token) -> Token:
    """'two co-workers': spaCy may take 'co' of 'co', '-', 'workers' for the counted noun; the
    word's last part is (its text is the whole word: _object_text)."""
    k = noun.i
    while ctx.hyphen_glued(doc, k):
        k += 2
    return doc[k]


# Verbs that move a count to a new level: "raising the tally to 13,274", "the toll rose to 41".
_MOVES = {"rise", "raise", "increase", "climb", "jump", "grow", "swell", "surge", "soar", "push",
          "bring", "take", "lift", "boost", "fall", "drop", "decline", "cut", "reduce", "lower",
          "slash", "shrink", "edge", "hit"}  # fmt: skip


# Verbs a bare count is the level of their subject by: "cases have surpassed half a million".
_LEVELS = {"surpass", "top", "reach", "exceed", "hit", "cross", "near", "approach"}


def _changed_to(verb: Token, prep: Token) -> bool:
    """'raising the tally to 13,274', 'rose by 235 to 1,351': the bare count is the level (or
    the step) of what the verb moved, its object or subject."""
    return prep.lower_ in ("to", "by", "from") and prep.head.i == verb.i \
        and verb.lemma_.lower() in _MOVES  # fmt: skip


def _share_events(figures: list[Figure], objects: list[Token | None],
                  events: list[Token | None], first: int) -> None:  # fmt: skip
    """Coordinated counts and sub-counts share their event ('820 extremists and 480 fighters
    have been killed'; '34 jihadists including three suicide bombers ... killed')."""
    for k in range(first, len(figures)):
        fig = figures[k]
        if fig.event is not None or fig.unit in DURATION_UNITS:
            continue
        donor = None
        if fig.parent is not None and fig.parent >= first and figures[fig.parent].event:
            donor = figures[fig.parent].event
        elif fig.object is not None:
            noun = objects[k]
            for j in range(first, len(figures)):
                other = objects[j]
                if (
                    j != k
                    and other is not None
                    and noun is not None
                    and figures[j].event
                    and (
                        noun.head.i == other.i
                        or other.head.i == noun.i
                        or noun.head.i == other.head.i
                        and noun.dep_ == "conj"
                    )
                ):
                    donor = figures[j].event
                    break
        if donor:
            figures[k] = fig.model_copy(update={"event": donor})
