"""Number phrases of a sentence: runs of number tokens with their value ('1,000', 'two
million', 'half a million'), and ranges read off pairs of them ('between 40 and 50', '$40-50
billion'), telling ranges from scores, tallies and changes ('a 52-48 vote', 'from 62 to 64')."""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc, Span, Token

from newsflow_enrich.stages.not_figures import (
    DURATIONS,
    NAME_ENTS,
    bare_date,
    doubt,
    excluded_surely,
    is_duration,
)
from newsflow_enrich.stages.number_starts import SentTokens, maybe_starts
from newsflow_enrich.stages.numbers import (
    NOT_FIGURE_ENTS,
    NUMBER_WORDS,
    NUMERIC,
    PREFIXES,
    RANGE_WORDS,
    SCALES,
    UNITS,
    VULGAR,
    Number,
    glued_money,
    glued_unit,
    is_number_token,
    unit_of,
    value_of,
)


def numbers(sent: Span, doubtful: bool = False) -> list[Number]:
    """Number phrases in a sentence: '1,000', 'two million', '3.2 billion', '40 and 50'; with
    `doubtful`, also the ones a doubtful rule leaves out (`Number.doubt` says which; they join
    no range)."""
    out: list[Number] = []
    doubted: list[Number] = []
    i, toks = 0, SentTokens(sent)
    maybe, first = maybe_starts(sent.doc), sent.start
    while i < len(toks):
        if not maybe[first + i]:  # no number, "half" or "a": the tests below all fail
            i += 1
            continue
        t = toks[i]
        if half := _half_a(toks, i):  # "half a million jobs"
            out.append(half)
            i += 3
            continue
        if part := _fraction(toks, i) or _part_of_unit(toks, i) or _part_of_scale(toks, i):
            if not excluded_surely(t):  # "2½ years", "half an hour", "a quarter million"
                out.append(part)
            i = part.end - first
            continue
        if half := _half_of(toks, i):  # "half a century", "a half-dozen": 50 years, 6
            out.append(half)
            i = half.end - first
            continue
        if more := _and_a_half(toks, i):  # "four-and-a-half years": 4.5, not 4 and a "half"
            out.append(more)
            i = more.end - first
            continue
        if more := _unit_and_a_half(toks, i):  # "a month and a half": 1.5 (months: unit_of)
            out.append(more)
            i = more.end - first
            continue
        if _a_dozen(toks, i):  # "about a dozen owners": 12 ("dozens" stays vague)
            out.append(Number(toks[i].i, toks[i + 1].i + 1, 12.0))
            i += 2
            continue
        if _a_decade(toks, i):  # "for more than a decade": 10 years (its unit read by unit_of)
            out.append(Number(toks[i].i, toks[i].i + 1, 10.0))
            i += 2
            continue
        if not is_number_token(t) or (
            t.ent_type_ in NOT_FIGURE_ENTS and not is_duration(t) and not bare_date(t)
            and not glued_money(t)  # "15,000/- per day": an amount spaCy ran into a date
            and not glued_unit(t)  # "(125kph": a speed spaCy ran into a date
        ):  # fmt: skip
            i += 1
            continue
        sure = excluded_surely(t)
        why = None if sure else doubt(t)
        if sure or why is not None and not doubtful:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (is_number_token(toks[j]) or toks[j].lower_ in SCALES
                                 or toks[j].lower_ == "dozen"  # "two dozen": 24
                                 # "2.2-million-ounce", "US$90-million": one amount, not a range
                                 or toks[j].text == "-" and j + 1 < len(toks)
                                 and toks[j + 1].lower_ in _WORD_SCALES and j == i + 1
                                 or toks[j].text == "-" and j + 1 < len(toks)
                                 and toks[j + 1].lower_ in ("lakh", "crore")
                                 or _tens_units(toks, j)  # "Twenty-three": one number
                                 or toks[j].lower_ == "and" and j + 1 < len(toks)
                                 and toks[j - 1].lower_ in ("hundred", "thousand", "million")
                                 and toks[j + 1].lower_ in NUMBER_WORDS - {"a"}
                                 and not NUMERIC.match(toks[j + 1].text)):  # fmt: skip
            j += 1
        value = value_of(toks[i:j])
        if (
            value is not None
            and i > 0
            and toks[i - 1].lower_ == "minus"
            and not (i > 2 and toks[i - 3].lower_ == "plus")
        ):  # "plus or minus 2 percent"
            out.append(Number(toks[i - 1].i, toks[j - 1].i + 1, -value))  # "minus 40 degrees"
        elif value is not None and why is not None:
            doubted.append(Number(toks[i].i, toks[j - 1].i + 1, value, doubt=why))
        elif value is not None:
            out.append(Number(toks[i].i, toks[j - 1].i + 1, value))
        i = j
    found = _ranges(sent.doc, out)
    return sorted(found + doubted, key=lambda n: n.start) if doubted else found


_WORD_SCALES = {"thousand", "million", "billion", "trillion"}


_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_UNITS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}


def _tens_units(toks: list[Token], j: int) -> bool:
    """spaCy splits 'Twenty-three' into 'Twenty', '-', 'three': read as one number, or the pair
    would be a score (20-3) or two counts."""
    return toks[j].text == "-" and 0 < j < len(toks) - 1 and toks[j - 1].lower_ in _TENS \
        and toks[j + 1].lower_ in _UNITS  # fmt: skip


def _half_a(toks: list[Token], i: int) -> Number | None:
    if toks[i].lower_ != "half" or i + 2 >= len(toks) or toks[i + 1].lower_ != "a" \
            or toks[i + 2].lower_ not in _WORD_SCALES:  # fmt: skip
        return None
    return Number(toks[i].i, toks[i + 2].i + 1, 0.5 * SCALES[toks[i + 2].lower_])


# A fraction printed with a slash after a whole number ("5-1/2 year low", "5 1/2 feet").
_SLASHED = re.compile(r"^([1-9])/([2-9]|1[0-6])$")


def _fraction(toks: SentTokens, i: int) -> Number | None:
    """'2½ years', '6 ½ minutes', 'a 5-1/2 year low': a whole number and a fraction, one value
    (the whole number alone, or a score of 5 and 1/2, was read before). Not in a date or a
    time unless a duration follows."""
    t = toks[i]
    m = VULGAR.match(t.text)
    if m and m.group(1):
        num = Number(t.i, t.i + 1, int(m.group(1)) + unicodedata.numeric(m.group(2)))
    elif not t.text.isdigit() or i + 1 >= len(toks):
        return None
    elif (m := VULGAR.match(toks[i + 1].text)) and not m.group(1):
        num = Number(t.i, t.i + 2, int(t.text) + unicodedata.numeric(m.group(2)))
    else:
        k = i + 2 if toks[i + 1].text == "-" and not t.whitespace_ \
            and not toks[i + 1].whitespace_ else i + 1  # fmt: skip
        m = _SLASHED.match(toks[k].text) if k < len(toks) else None
        if m is None or k == i + 1 and not t.whitespace_:
            return None
        num = Number(t.i, toks[k].i + 1, int(t.text) + int(m.group(1)) / int(m.group(2)))
    doc = t.doc
    dated = t.ent_type_ in NOT_FIGURE_ENTS or doc[num.end - 1].ent_type_ in NOT_FIGURE_ENTS
    if dated and (num.end >= len(doc) or doc[num.end].lower_ not in DURATIONS):
        return None
    return num


# Part of a unit: "half an hour", "a half hour", "a half-mile walk"; part of a scale: "a quarter
# million people", "a half million", "a quarter of a million". "a quarter" alone is no number.
_PARTS = {"half": 0.5, "quarter": 0.25}


def _part_of_unit(toks: SentTokens, i: int) -> Number | None:
    """'half an hour', 'a half hour', 'half a mile': a fraction of one unit, the unit read after
    it by numbers.unit_of ('half an hour ago' places, not counts)."""
    words = [toks[k] for k in range(i, min(i + 5, len(toks))) if toks[k].text != "-"]
    if len(words) < 3:
        return None
    a, b, unit = words[0].lower_, words[1].lower_, words[2]
    if not (a == "half" and b in ("a", "an") or a in ("a", "an") and b == "half"):
        return None
    if unit.lower_ not in UNITS or not unit.is_alpha or len(unit) < 2 or unit.lower_ == "decade" \
            or unit.lower_.endswith("s") and unit.lower_ not in _SINGULAR_S:  # fmt: skip
        return None
    after = unit.i + 1
    if after < len(unit.doc) and unit.doc[after].lower_ in _WHEN:
        return None
    return Number(words[0].i, words[1].i + 1, 0.5)


_SINGULAR_S = {"hours", "minutes"}  # never: a plural unit after "half a" is no unit of it


def _part_of_scale(toks: SentTokens, i: int) -> Number | None:
    """'a quarter million', 'a half million people', 'a quarter of a million': the part of the
    scale word ('half a million' is _half_a's)."""
    words = [t.lower_ for t in toks[i : i + 5]]
    if len(words) < 3 or words[0] not in ("a", "one") or words[1] not in _PARTS:
        return None
    k = 2 if words[2] in _WORD_SCALES else 4 if words[2:4] == ["of", "a"] and len(words) > 4 \
        and words[4] in _WORD_SCALES else 0  # fmt: skip
    if not k:
        return None
    return Number(toks[i].i, toks[i + k].i + 1, _PARTS[words[1]] * SCALES[words[k]])


# Half of a counting word is a number: "half a century" is 50 years as "a decade" is 10
# (numbers.unit_of reads the unit), "half a dozen" 6.
_HALVES = {"century": 50.0, "dozen": 6.0}


def _half_of(toks: list[Token], i: int) -> Number | None:
    """'half a century', 'a half-century', 'half-a-dozen', 'a half dozen'."""
    words = [t for t in toks[i : i + 6] if t.text != "-"][:3]
    if len(words) < 3 or {words[0].lower_, words[1].lower_} != {"a", "half"} \
            or words[2].lower_ not in _HALVES:  # fmt: skip
        return None
    after = words[2].i + 1
    if after < len(words[2].doc) and words[2].doc[after].lower_ in _WHEN:
        return None  # "half a century ago" places, not counts (as "a decade ago")
    return Number(toks[i].i, words[2].i + 1, _HALVES[words[2].lower_])


_AND_A_HALF = ("and", "a", "half")


def _and_a_half(toks: list[Token], i: int) -> Number | None:
    """'two and a half years', 'four-and-a-half years', 'one and a half million': the whole
    and the half are one number (the hyphens hid the first number as a compound word's part,
    the DATE entity as a date's)."""
    t = toks[i]
    if not is_number_token(t) or t.lower_ in ("a", "half") or t.ent_type_ in NAME_ENTS:
        return None
    whole = value_of([t])
    if whole is None or whole % 1 or whole >= 1000:
        return None
    j, k = i + 1, 0
    while j < len(toks) and k < 3:
        if toks[j].text == "-":
            j += 1
            continue
        if toks[j].lower_ != _AND_A_HALF[k]:
            return None
        j, k = j + 1, k + 1
    if k < 3:
        return None
    scale = SCALES.get(toks[j].lower_) if j < len(toks) and toks[j].lower_ in _WORD_SCALES else None
    end = toks[j].i + 1 if scale else toks[j - 1].i + 1
    return Number(t.i, end, (whole + 0.5) * (scale or 1.0))


# "a decade and a half" is 15 years (unit_of says years), "an hour and a half" 1.5 hours.
_HALF_UNITS = {"year": 1.5, "month": 1.5, "week": 1.5, "day": 1.5, "hour": 1.5, "minute": 1.5,
               "decade": 15.0}  # fmt: skip


def _unit_and_a_half(toks: list[Token], i: int) -> Number | None:
    """'a month and a half', 'an hour and a half', 'a decade and a half' (a duration the article
    alone does not make: 'a month' is no figure); '... and a half ago' places, not counts."""
    if toks[i].lower_ not in ("a", "an") or i + 4 >= len(toks) \
            or toks[i + 1].lower_ not in _HALF_UNITS \
            or [t.lower_ for t in toks[i + 2 : i + 5]] != list(_AND_A_HALF):  # fmt: skip
        return None
    if i + 5 < len(toks) and toks[i + 5].lower_ in _WHEN:
        return None
    return Number(toks[i].i, toks[i + 4].i + 1, _HALF_UNITS[toks[i + 1].lower_])


def _a_dozen(toks: list[Token], i: int) -> bool:
    return toks[i].lower_ == "a" and i + 1 < len(toks) and toks[i + 1].lower_ == "dozen" \
        and (i == 0 or toks[i - 1].lower_ != "half")  # fmt: skip


_WHEN = {"ago", "earlier", "later", "old", "before", "after"}


def _a_decade(toks: list[Token], i: int) -> bool:
    """'a decade' is ten years ('within a decade'); 'a decade ago' places, not counts, and 'half
    a decade' is not ten."""
    return toks[i].lower_ == "a" and i + 1 < len(toks) and toks[i + 1].lower_ == "decade" \
        and (i + 2 >= len(toks) or toks[i + 2].lower_ not in _WHEN) \
        and (i == 0 or toks[i - 1].lower_ != "half")  # fmt: skip


_CHANGE_VERBS = {"raise", "rise", "increase", "cut", "reduce", "lower", "fall", "drop", "climb",
                 "grow", "jump", "decline", "lift", "boost", "slash", "change", "move", "go", "shrink",
                 "extend", "expand", "double", "triple", "push"}  # fmt: skip


def _ranges(doc: Doc, nums: list[Number]) -> list[Number]:
    """'between 40 and 50', '40 to 50', '$150 million and $180 million' -> one figure, low/high.
    Not ranges: votes and scores that go down ('passed 29 to 21', 'a 2-1 win'), and changes
    ('raise the age from 62 to 64')."""
    merged: list[Number] = []
    score_end = -1
    for n in nums:
        if n.start - score_end == 1 and doc[score_end].text == "-":
            score_end = n.end  # a record's third part: "a 1-6-2 skid"
            continue
        prev = merged[-1] if merged else None
        if prev is not None and n.start - prev.end in (1, 2):
            gap = doc[prev.end : n.start]
            # "between 89% and 94%", "£2.5 million and £3 million": the first end's unit
            gap_words = {t.lower_ for t in gap
                         if t.lower_ not in PREFIXES and t.lower_ not in UNITS}  # fmt: skip
            before = {doc[k].lower_ for k in range(max(0, prev.start - 2), prev.start)}
            between = bool(before & {"between", "from"})
            if gap_words == {"-"} and _score(doc, prev, n):
                merged.pop()  # a score: "a 2-1 win", "won 3-6, 6-4"
                score_end = n.end
                continue
            # "$40-50 billion": the scale printed once is both ends'
            low = prev.value * _scale_of(doc, n) if _scale_of(doc, prev) == 1 else prev.value
            low = low if low < n.value else prev.value
            if gap_words and (gap_words <= RANGE_WORDS or _either(doc, gap, n)) \
                    and ("and" not in gap_words or between) \
                    and low < n.value and not _is_change(doc, prev) \
                    and _same_unit(doc, prev, n):  # fmt: skip
                # "0-60 mph in 5.8 seconds": a car's sprint is to its end speed, not a range
                sprint = low == 0 and unit_of(doc, n)[0] in _SPEEDS
                merged[-1] = n if sprint else Number(prev.start, n.end, (low + n.value) / 2, low,
                                                     n.value)  # fmt: skip
                continue
        merged.append(n)
    return merged


_SPEEDS = {"mph", "km/h"}


def _either(doc: Doc, gap: Span, n: Number) -> bool:
    """'three or four days', '18 or 19 seconds': either of two numbers, read as a range (not a
    list of choices: 'two weeks or five weeks or nine weeks')."""
    return len(gap) == 1 and gap[0].lower_ == "or" \
        and not (n.end < len(doc) and doc[n.end].lower_ == "or")  # fmt: skip


def _scale_of(doc: Doc, num: Number) -> float:
    scale = 1.0
    for t in doc[num.start : num.end]:
        scale *= SCALES.get(t.lower_, 1.0) if not t.like_num or t.lower_ in SCALES else 1.0
    return scale


def _same_unit(doc: Doc, a: Number, b: Number) -> bool:
    """Both ends in one unit, or the first without: '27.4% to 41.10 euros', 'rose 9.1% to
    114,700' are not ranges ('$5-10 million' is: a currency sign is printed once)."""
    (ua, a_end), ub = unit_of(doc, a), unit_of(doc, b)[0]
    return ua is None or ua == ub or ub is None and a_end == a.end


_TALLIES = {"vote", "votes", "decision", "margin", "verdict", "majority", "ruling", "count"}
_RESULTS = {"win", "victory", "defeat", "loss", "draw", "lead", "scoreline", "triumph", "rout"}


def _score(doc: Doc, a: Number, b: Number) -> bool:
    """Two small whole numbers joined by a hyphen and not counting a noun ('2-3 days' is a
    range): a match score."""
    nxt = doc[b.end] if b.end < len(doc) else None
    if {a.value, b.value} <= {15, 30, 40} and a.low is None \
            and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):  # fmt: skip
        return True  # a tennis game: "at 5-6 and 15-40"
    if (
        a.low is None
        and a.value > b.value
        and not (a.value % 1 or b.value % 1)
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in _TALLIES)
    ):
        return True  # ranges go up: "a 52-48 vote", "lost 24-17", "Heritage d. Titusville 53-9"
    if a.low is not None or max(a.value, b.value) > 20 or a.value % 1 or b.value % 1:
        return False
    if a.value >= b.value:
        return True  # ranges go up: "a 2-1 vote" is a tally
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in _RESULTS


def _is_change(doc: Doc, num: Number) -> bool:
    """'from 62 to 64' after a verb of change is a before and an after, not a range; 'rose by
    235 to 1,351' a change and the level it reached ('by $1 to $8.25': past a currency sign)."""
    k = num.start - 1
    if k > 0 and doc[k].lower_ in PREFIXES:
        k -= 1
    if k >= 0 and doc[k].lower_ == "by":
        return True
    if k < 0 or doc[k].lower_ != "from":
        return False
    verb = doc[k].head
    return verb.pos_ == "VERB" and verb.lemma_ in _CHANGE_VERBS
