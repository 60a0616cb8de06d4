"""Figures: numbers in context. What was counted (object), what happened to it (event), how sure
the count is (qualifier), its unit, ranges, and sub-counts ("34 jihadists including three ...").

Numbers are found on spaCy's tokens (digits and number words, which text2num turns into values);
object and event come from the dependency parse. Dates, times, ordinals, years and ages of pages
are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsflow_contracts.events import Figure
from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from newsflow_enrich.stages import figure_context as ctx

QUALIFIERS = [
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "as few as", "no fewer than", "no more than", "nearly", "almost", "about",
    "around", "roughly", "approximately", "some", "over", "under", "just over", "just under",
    "close to", "upwards of", "an estimated", "estimated", "a further", "another", "as low as",
    "as high as",
]  # fmt: skip
QUALIFIERS.sort(key=len, reverse=True)
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "mn": 1e6, "tn": 1e12,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "tln": 1e12, "bln": 1e9,
          "mln": 1e6}  # fmt: skip
CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollars": "USD",
              "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY",
              "yuan": "CNY", "rupees": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP",
              "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
              "swiss francs": "CHF", "francs": "CHF", "rubles": "RUB", "roubles": "RUB",
              "a$": "AUD", "c$": "CAD", "hk$": "HKD", "₹": "INR", "won": "KRW", "rupiah": "IDR",
              "naira": "NGN", "rand": "ZAR", "lira": "TRY", "liras": "TRY", "turkish lira": "TRY",
              "turkish liras": "TRY", "shillings": "KES", "ringgit": "MYR",
              "baht": "THB", "dirhams": "AED", "riyals": "SAR", "reais": "BRL", "hryvnias": "UAH",
              "rs": "INR", "rs.": "INR", "rm": "MYR", "cedis": "GHS", "cedi": "GHS",
              "riel": "KHR", "riels": "KHR", "ksh": "KES", "₦": "NGN", "₱": "PHP", "r$": "BRL",
              "s$": "SGD", "nz$": "NZD", "pesos": "peso"}  # fmt: skip
# "pesos" name several currencies: the country the story is about says which.
_PESO_COUNTRIES = {"Philippin": "PHP", "Manila": "PHP", "Mexic": "MXN", "Colombia": "COP",
                   "Argentin": "ARS", "Chile": "CLP", "Dominican": "DOP", "Uruguay": "UYU",
                   "Cuba": "CUP"}  # fmt: skip
UNITS = {"percent": "%", "per cent": "%", "%": "%", "percentage points": "pp",
         "km": "km", "kilometres": "km", "kilometers": "km", "miles": "mi", "mile": "mi",
         "kg": "kg", "kilograms": "kg", "tonnes": "t", "tons": "t", "metres": "m", "meters": "m",
         "hectares": "ha", "acres": "acre", "degrees": "deg", "mph": "mph", "km/h": "km/h",
         "barrels": "bbl", "megawatts": "MW", "mw": "MW", "gw": "GW", "years": "years",
         "months": "months", "days": "days", "hours": "hours", "minutes": "minutes",
         "year": "years", "month": "months", "week": "weeks", "weeks": "weeks", "day": "days",
         "hour": "hours", "decades": "decades", "decade": "decades", "mm": "mm", "cm": "cm",
         "millimetres": "mm", "millimeters": "mm", "centimetres": "cm", "centimeters": "cm",
         "km per hour": "km/h", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
         "miles per hour": "mph", "kph": "km/h", "litres": "l", "liters": "l", "litre": "l",
         "liter": "l", "feet": "ft", "foot": "ft", "tonne": "t", "ton": "t", "metre": "m",
         "meter": "m", "kilometre": "km", "kilometer": "km", "kilogram": "kg", "gallons": "gal",
         "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2",
         "basis points": "bp", "basis point": "bp", "seconds": "s", "inches": "in",
         "degrees celsius": "deg", "degrees fahrenheit": "degF", "hectopascals": "hPa",
         "hpa": "hPa", "second": "s", "minute": "minutes"}  # fmt: skip
NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens", "hundreds",
    "thousands", "millions", "billions", "half", "a",
}  # fmt: skip
VAGUE = {"dozens": 24.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6, "dozen": 12.0}
DURATION_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "decades", "s"}
MONEY = set(CURRENCIES.values())
# Printed before the number: symbols and codes ("$5", "Rs 1,460"), never words ("won 68 seats").
PREFIXES = {k: v for k, v in CURRENCIES.items()
            if not k.isalpha() or k in ("usd", "eur", "gbp", "rs", "rm", "ksh")}  # fmt: skip
# A currency printed onto its number: "RM4.2 million", "RM100", "Rs500".
_GLUED = re.compile(r"^(rm|rs\.?|ksh|r\$|s\$|nz\$|a\$|c\$|hk\$|us\$|[$€£₦₱₹])(\d[\d,]*(?:\.\d+)?)$",
                    re.IGNORECASE)
MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "january", "february", "march", "april", "june", "july", "august", "september",
          "october", "november", "december"}  # fmt: skip
_NUMERIC = re.compile(r"^[-+]?\d[\d,]*(\.\d+)?$")
NOT_FIGURE_ENTS = {"DATE", "TIME", "ORDINAL"}
_RANGE_WORDS = {"and", "to", "-", "–", "—"}


@dataclass
class Number:
    start: int  # token index
    end: int
    value: float
    low: float | None = None
    high: float | None = None


# "$US61,000", "$A97,000": spaCy splits off the "$" and leaves the country glued to the number.
_DOLLAR_GLUED = re.compile(r"^(US|A|NZ|C|HK|S)(\d[\d,]*(?:\.\d+)?)$")
_DOLLARS = {"US": "USD", "A": "AUD", "NZ": "NZD", "C": "CAD", "HK": "HKD", "S": "SGD"}


def _dollar_code(t: Token) -> str | None:
    m = _DOLLAR_GLUED.match(t.text)
    return _DOLLARS[m.group(1)] if m and t.i > 0 and t.doc[t.i - 1].text == "$" else None


def _value_of(tokens: list[Token]) -> float | None:
    words = [_GLUED.sub(r"\2", _DOLLAR_GLUED.sub(r"\2", t.text) if _dollar_code(t) else t.text)
             .lower().replace(",", "") for t in tokens if t.text != "-"]
    if len(words) == 1 and words[0] in VAGUE:
        return None  # "dozens" alone is not a count
    total: float | None = None
    scale = 1.0
    digits = [w for w in words if _NUMERIC.match(w)]
    if digits:
        total = float(digits[0])
        for w in words[words.index(digits[0]) + 1:]:
            scale *= SCALES.get(w, 1.0)
        return total * scale
    phrase = " ".join(w for w in words if w != "a" or len(words) > 1)
    try:
        return float(text2num(phrase, "en"))
    except ValueError:
        return None


def _is_number_token(t: Token) -> bool:
    low = t.lower_.replace(",", "")
    if _NUMERIC.match(low) or _GLUED.match(low) or _dollar_code(t):
        return True
    return t.like_num and low in NUMBER_WORDS or low in NUMBER_WORDS - {"a", "half"} \
        and t.pos_ == "NUM"  # fmt: skip


def numbers(sent: Span) -> list[Number]:
    """Number phrases in a sentence: '1,000', 'two million', '3.2 billion', '40 and 50'."""
    out: list[Number] = []
    i, toks = 0, list(sent)
    while i < len(toks):
        t = toks[i]
        if not _is_number_token(t) or _is_excluded(t) or (
            t.ent_type_ in NOT_FIGURE_ENTS and not _is_duration(t) and not _bare_date(t)
        ):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (_is_number_token(toks[j]) or toks[j].lower_ in SCALES
                                 or toks[j].text == "-" and j + 1 < len(toks)
                                 and toks[j + 1].lower_ in ("lakh", "crore")
                                 or toks[j].lower_ == "and" and j + 1 < len(toks)
                                 and toks[j - 1].lower_ in ("hundred", "thousand", "million")
                                 and toks[j + 1].lower_ in NUMBER_WORDS - {"a"}
                                 and not _NUMERIC.match(toks[j + 1].text)):  # fmt: skip
            j += 1
        value = _value_of(toks[i:j])
        if value is not None and i > 0 and toks[i - 1].lower_ == "minus" \
                and not (i > 2 and toks[i - 3].lower_ == "plus"):  # "plus or minus 2 percent"
            out.append(Number(toks[i - 1].i, toks[j - 1].i + 1, -value))  # "minus 40 degrees"
        elif value is not None:
            out.append(Number(toks[i].i, toks[j - 1].i + 1, value))
        i = j
    return _ranges(sent.doc, out)


DURATIONS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
             "minute", "minutes", "decade", "decades", "second", "seconds"}  # fmt: skip
# Entities whose numbers are part of a name ("Ligue 1", "Boeing 737", "Windows 11").
NAME_ENTS = {"ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PERSON", "GPE", "LOC"}
_FRACTIONS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths"}


def _entity_of(t: Token) -> Span | None:
    """The named entity the token is part of, if any."""
    return next((e for e in t.doc.ents if e.start <= t.i < e.end), None)


def _bare_date(t: Token) -> bool:
    """spaCy tags some plain counts as dates ("from 62 to 64", "Brest on 47"): a DATE entity
    made of numbers only, none of them a year, is a count."""
    ent = _entity_of(t)
    if ent is None or ent.label_ != "DATE":
        return False
    return all(x.like_num and not re.fullmatch(r"(1[89]|20)\d\d", x.text)
               or x.lower_ in ("to", "and", "-", "–", "between", "from", "about") for x in ent)


def _is_duration(t: Token) -> bool:
    """'12 years', 'three-week trial', 'at least 16 weeks': how long, not when. 'Two years ago',
    'a 58-year-old' and 'in 2014' stay dates or ages."""
    doc, k = t.doc, t.i + 1
    # "12 to 18 months": through a range to its unit.
    while k < len(doc) and (doc[k].text == "-" or _is_number_token(doc[k])
                            or doc[k].lower_ in ("to", "and", "or") and k + 1 < len(doc)
                            and _is_number_token(doc[k + 1])):  # fmt: skip
        k += 1
    if k + 1 < len(doc) and doc[k].pos_ == "ADJ" and doc[k + 1].lower_ in DURATIONS:
        k += 1  # "31 straight days", "three consecutive years"
    if k >= len(doc) or doc[k].lower_ not in DURATIONS:
        return False
    after = doc[k + 1: k + 4].text.lower()
    return not re.match(r"(ago|old|-old)\b", after.replace(" - ", "-"))


def _ratio(a: Token, word: Token, b: Token) -> bool:
    """'one in seven Pakistanis': a proportion, not two counts ('178 in 2021' is a count)."""
    if word.lower_ != "in" or not (_is_number_token(a) and _is_number_token(b)):
        return False
    small = _value_of([a])
    return small is not None and small <= 10 and not re.fullmatch(r"(1[89]|20)\d\d", b.text)


def _model_number(t: Token) -> bool:
    """'the PowerPack 500 and PowerPack 625 models': a number in a product's name."""
    if t.i == 0 or not t.text.isdigit():
        return False
    prev, doc = t.doc[t.i - 1], t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start \
        and prev.lower_.rstrip(".") not in MONTHS and prev.lower_ not in PREFIXES \
        and prev.ent_type_ not in ("GPE", "LOC", "PERSON", "NORP", "DATE") \
        and (nxt is None or nxt.lower_ not in UNITS and not currency_follows(t)
             and nxt.text not in ("-", "–"))  # fmt: skip


def _golf_score(t: Token) -> bool:
    """'a five-under-par 65 for a 14-under 266', 'third after a 68': scores, not counts."""
    doc, i = t.doc, t.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in ("under", "over"):
        return True
    if i > 0 and doc[i - 1].lower_ == "par" or i > 1 and doc[i - 1].lower_ in ("under", "over") \
            and doc[i - 2].text == "-":  # fmt: skip
        return True
    # "after a 68": a number with an article and nothing counted is a score or a round.
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return t.dep_ in ("pobj", "dobj") and any(c.lower_ in ("a", "an") for c in t.children) \
        and (nxt is None or nxt.is_punct)  # fmt: skip


# Words a number labels rather than counts with: "phase 3", "Article 5", "type 2 diabetes".
_LABELS = {"phase", "article", "section", "chapter", "clause", "paragraph", "type", "level",
           "category", "grade", "gate", "terminal", "platform", "channel", "route", "line"}
_PEOPLE = {"people", "those", "adults", "persons", "residents", "patients", "women", "men",
           "children", "workers", "everyone", "anyone", "customers", "voters", "pensioners"}


def _age_threshold(t: Token) -> bool:
    """'mostly to people over 70', 'children under 5': an age, not a count."""
    doc, i = t.doc, t.i
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return i > 1 and doc[i - 1].lower_ in ("over", "under", "above", "aged") \
        and doc[i - 2].lower_ in _PEOPLE and t.text.isdigit() and int(t.text) < 120 \
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")
             or nxt.lower_ in ("years", "year"))  # fmt: skip


def _aged(t: Token) -> bool:
    """'aged 24, 31 and 45', 'aged between 15 and 17': ages."""
    k = t.i - 1
    while k >= 0 and (t.doc[k].like_num or t.doc[k].lower_ in (",", "and", "between", "to", "-")):
        k -= 1
    return k >= 0 and t.doc[k].lower_ in ("aged", "ages", "age")


_CONTACT = re.compile(r"\b(call|contact|dial|phone|ring|helpline|hotline|text)\b", re.IGNORECASE)


def _phone(t: Token) -> bool:
    """'0800 555 111', 'contact the force on 101': telephone numbers."""
    k = t.i
    while k >= 0 and t.doc[k].text.isdigit():
        if re.fullmatch(r"0\d{2,}", t.doc[k].text):
            return True  # "0800 555 111": each group
        k -= 1
    prev = t.doc[t.i - 1].lower_ if t.i > 0 else ""
    return prev in ("on", "call", "dial") and t.text.isdigit() and len(t.text) >= 3 \
        and bool(_CONTACT.search(t.sent.text))  # fmt: skip


def _age_predicate(t: Token) -> bool:
    """'Halyna was 71.': a bare number said of a person is an age."""
    if t.dep_ not in ("attr", "acomp") or t.head.lemma_ != "be" or (
        t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ in ("NOUN", "PROPN", "SYM")
    ):
        return False
    subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and (
        subj.pos_ == "PROPN" or subj.lower_ in ("he", "she", "i")
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subj.children)
    )


def currency_follows(t: Token) -> bool:
    """A currency named right after the token: '500 francs', '500 Swiss francs'."""
    after = t.doc[t.i + 1: t.i + 3].text.lower()
    return after in CURRENCIES or after.split(" ")[0] in CURRENCIES


def _in_name(t: Token) -> bool:
    """The number belongs to the name spaCy put it in ('Ligue 1', 'Boeing 737'), not to an
    amount it swallowed ('the council of nearly $400,000')."""
    if t.i > 0 and t.doc[t.i - 1].lower_ in PREFIXES:
        return False
    if currency_follows(t):
        return False  # "500 Swiss francs" inside a name spaCy made too long
    ent = _entity_of(t)
    return ent is None or any(x.pos_ == "PROPN" for x in ent)


def _is_excluded(t: Token) -> bool:
    """Clock times, years standing alone, names, ratios, fractions and arithmetic in chrome."""
    text = t.text
    doc = t.doc
    nxt = t.nbor(1) if t.i + 1 < len(doc) else None
    if t.ent_type_ in NAME_ENTS and _in_name(t) or "-" in text and not _NUMERIC.match(text):
        return True  # part of a name ("Ligue 1"), or a compound word ("one-off")
    if t.i > 0 and doc[t.i - 1].lower_ in ("number", "no.", "no") \
            or t.i > 1 and doc[t.i - 1].text == "." and doc[t.i - 2].lower_ == "no":  # fmt: skip
        return True  # a rank or a name: "the world number three", "the No. 6 reactor"
    if t.i > 0 and doc[t.i - 1].lower_ in _LABELS and text.isdigit() \
            and (nxt is None or nxt.lower_ not in UNITS and not currency_follows(t)):  # fmt: skip
        return True  # a label: "the phase 3 study", "Article 5", "type 2 diabetes"
    if _age_threshold(t):
        return True
    if t.i > 0 and doc[t.i - 1].lower_.rstrip(".") in MONTHS and text.isdigit() and int(text) <= 31:
        return True  # a day: "Madrid, Apr 9"
    if _aged(t) or _phone(t) or _age_predicate(t) or _model_number(t) or _golf_score(t):
        return True
    if t.i > 0 and doc[t.i - 1].lower_ == "top":
        return True  # a rank: "into the world's top 50"
    # "Daniel Whitmore, 58, was convicted": an age in apposition to a name.
    if t.i > 1 and doc[t.i - 1].text == "," and doc[t.i - 2].pos_ == "PROPN" and (
        nxt is None or nxt.text in (",", ")", ".")
    ):
        return True
    if nxt is not None and t.i + 2 < len(doc):
        nxt2 = doc[t.i + 2]
        # "one in seven Pakistanis", "two-thirds", "one-time", "one of the deadliest"
        if _ratio(t, nxt, nxt2) or t.i > 1 and _ratio(doc[t.i - 2], doc[t.i - 1], t):
            return True
        if nxt.text == "-" and not _NUMERIC.match(text) and (
            nxt2.lower_ in _FRACTIONS or nxt2.lower_ in ("off", "time")
            or nxt2.pos_ not in ("NOUN", "NUM") and not _is_duration(t)
        ):
            return True
        if t.lower_ == "one" and nxt.lower_ == "of":
            return True
    if nxt is not None and nxt.text in (":", "+", "=") or t.i > 0 and t.nbor(-1).text in (":", "+"):
        return True
    # A year standing alone ("in 2014"), unless it counts a noun ("2014 votes").
    return bool(re.fullmatch(r"(1[89]|20)\d\d", text)) and t.ent_type_ in ("DATE", "") and (
        nxt is None or nxt.pos_ != "NOUN")


_CHANGE_VERBS = {"raise", "rise", "increase", "cut", "reduce", "lower", "fall", "drop", "climb",
                 "grow", "jump", "decline", "lift", "boost", "slash", "change", "move", "go", "shrink",
                 "extend", "expand", "double", "triple", "push"}  # fmt: skip


def _ranges(doc: Doc, nums: list[Number]) -> list[Number]:
    """'between 40 and 50', '40 to 50', '$150 million and $180 million' -> one figure, low/high.
    Not ranges: votes and scores that go down ('passed 29 to 21', 'a 2-1 win'), and changes
    ('raise the age from 62 to 64')."""
    merged: list[Number] = []
    for n in nums:
        prev = merged[-1] if merged else None
        if prev is not None and n.start - prev.end in (1, 2):
            gap = doc[prev.end:n.start]
            # "between 89% and 94%", "£2.5 million and £3 million": the first end's unit
            gap_words = {t.lower_ for t in gap
                         if t.lower_ not in PREFIXES and t.lower_ not in UNITS}  # fmt: skip
            before = {doc[k].lower_ for k in range(max(0, prev.start - 2), prev.start)}
            between = bool(before & {"between", "from"})
            if gap_words == {"-"} and _score(doc, prev, n):
                merged.pop()  # a score: "a 2-1 win", "won 3-6, 6-4"
                continue
            if gap_words and gap_words <= _RANGE_WORDS and ("and" not in gap_words or between) \
                    and prev.value < n.value and not _is_change(doc, prev) \
                    and _same_unit(doc, prev, n):  # fmt: skip
                merged[-1] = Number(prev.start, n.end, (prev.value + n.value) / 2, prev.value,
                                    n.value)  # fmt: skip
                continue
        merged.append(n)
    return merged


def _same_unit(doc: Doc, a: Number, b: Number) -> bool:
    """Both ends in one unit, or one end without: '27.4% to 41.10 euros' is not a range."""
    ua, ub = _unit(doc, a)[0], _unit(doc, b)[0]
    return ua is None or ub is None or ua == ub


_RESULTS = {"win", "victory", "defeat", "loss", "draw", "lead", "scoreline", "triumph", "rout"}


def _score(doc: Doc, a: Number, b: Number) -> bool:
    """Two small whole numbers joined by a hyphen and not counting a noun ('2-3 days' is a
    range): a match score."""
    nxt = doc[b.end] if b.end < len(doc) else None
    if {a.value, b.value} <= {15, 30, 40} and a.low is None \
            and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):  # fmt: skip
        return True  # a tennis game: "at 5-6 and 15-40"
    if a.low is not None or max(a.value, b.value) > 20 or a.value % 1 or b.value % 1:
        return False
    if a.value >= b.value:
        return True  # ranges go up: "a 2-1 vote" is a tally
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in _RESULTS


def _currency(doc: Doc, code: str) -> str:
    """The ISO code; for 'pesos', the one of the country the story names first."""
    if code != "peso":
        return code
    text = doc.text.lower()
    found = [(text.find(stem.lower()), iso) for stem, iso in _PESO_COUNTRIES.items()
             if stem.lower() in text]  # fmt: skip
    return min(found)[1] if found else code


def _is_change(doc: Doc, num: Number) -> bool:
    """'from 62 to 64' after a verb of change is a before and an after, not a range."""
    if num.start == 0 or doc[num.start - 1].lower_ != "from":
        return False
    verb = doc[num.start - 1].head
    return verb.pos_ == "VERB" and verb.lemma_ in _CHANGE_VERBS


def _qualifier(doc: Doc, start: int, duration: bool = False) -> tuple[str | None, int]:
    """The qualifier before a number, or before its currency ('nearly $400,000', 'about £180')."""
    if start >= 1 and doc[start - 1].lower_ in PREFIXES:
        start -= 1
    before = doc[max(0, start - 4):start].text.lower().rstrip()
    for q in QUALIFIERS:
        if before.endswith(q) and (len(before) == len(q) or not before[-len(q) - 1].isalnum()):
            prep = doc[start - 1]
            if q == "over" and duration and prep.dep_ == "prep" \
                    and any(c.dep_ == "pobj" for c in prep.children):  # fmt: skip
                return None, start  # "spread over three years": a time frame, not "more than"
            return q, start - len(q.split())
    if start >= 1 and doc[start - 1].lower_ == "between":
        return "between", start - 1
    return None, start


def _unit(doc: Doc, num: Number) -> tuple[str | None, int]:
    """The unit and the index of the first token after the figure's text."""
    prev = doc[num.start - 1].text.lower() if num.start > 0 else ""
    if code := _dollar_code(doc[num.start]):
        return code, num.end
    if prev in PREFIXES:
        return _currency(doc, PREFIXES[prev]), num.end
    glued = _GLUED.match(doc[num.start].lower_)
    if glued:
        return PREFIXES[glued.group(1).lower()], num.end
    end = num.end
    if end + 1 < len(doc) and doc[end].text == "-" and (doc[end + 1].lower_ in UNITS
                                                        or doc[end + 1].lower_ in CURRENCIES):
        end += 1  # "a three-week trial", "a 13.8 tln-won budget"
    for size in (3, 2):  # multi-word units and currencies first: "km per hour"
        words = doc[end:end + size].text.lower()
        if end + size <= len(doc) and words in UNITS:
            return UNITS[words], end + size
        if end + size <= len(doc) and words in CURRENCIES:
            return _currency(doc, CURRENCIES[words]), end + size
    if end < len(doc):
        two = doc[end:end + 2].text.lower()
        if two in UNITS:
            return UNITS[two], end + 2
        one = doc[end].text.lower()
        if one in UNITS:
            return UNITS[one], end + 1
        # "5 billion won" is money; "the party, with 41, won" is a verb.
        if one in CURRENCIES and (one != "won" or num.value >= 1000 and (
                end + 1 >= len(doc) or doc[end + 1].pos_ not in ("DET", "PRON", "NUM"))):
            return _currency(doc, CURRENCIES[one]), end + 1
    return None, end


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
    return doc[left:noun.i + 1].text


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
    if t.dep_ == "pobj" and t.head.lower_ in ("including", "among", "of") and t.head.dep_ in (
        "prep", "acl"
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
            if figures[k].value > value and figures[k].unit == unit and (
                obj is not None and obj.lemma_.lower() == noun.lemma_.lower()
                or event is not None and event.lemma_.lower() in became
            ):
                return k
    return None


def extract(doc: Doc, body_len: int | None = None) -> list[Figure]:
    """Figures of the body: the first `body_len` characters of `doc` (captions follow)."""
    text = doc.text  # Doc.text joins every token: read it once, not once per figure
    body_len = len(text) if body_len is None else body_len
    figures: list[Figure] = []
    objects: list[Token | None] = []
    all_events: list[Token | None] = []  # as found, before events are shared
    starts: list[int] = []  # each figure's first number token
    for sent in doc.sents:
        if sent.start_char >= body_len:
            break
        first_in_sentence = len(figures)
        events: list[Token | None] = []
        for num in numbers(sent):
            unit, unit_end = _unit(doc, num)
            qualifier, _ = _qualifier(doc, num.start, duration=unit in DURATION_UNITS)
            start_tok = num.start - 1 if unit and doc[num.start - 1].text.lower() in PREFIXES \
                else num.start  # fmt: skip
            end_tok = max(num.end, unit_end)
            noun, event = _context(doc, num, unit, start_tok, end_tok)
            anchor = ctx.head_of(doc, start_tok, end_tok)
            span_start = doc[start_tok].idx
            last = doc[end_tok - 1]
            span_end = last.idx + len(last.text)
            parent = _parent(doc, noun, anchor, num.value, unit, figures, objects, all_events,
                             first_in_sentence)
            figures.append(Figure(
                value=num.value, low=num.low, high=num.high,
                text=text[span_start:span_end], qualifier=qualifier, unit=unit,
                object=_object_text(doc, noun, num, end_tok) if noun is not None else None,
                event=event.text if event is not None else None, parent=parent,
                sentence=sent.text.strip(), span=(span_start, span_end),
            ))  # fmt: skip
            objects.append(noun)
            events.append(event)
            all_events.append(event)
            starts.append(num.start)
        _sentence_parents(sent, figures, objects, starts, first_in_sentence)
        _no_event_inside_figures(figures, events, first_in_sentence)
        _share_events(figures, objects, events, first_in_sentence)
        _conversions(text, figures, first_in_sentence)
    return figures


def _conversions(text: str, figures: list[Figure], first: int) -> None:
    """'$US61,000 ($A97,000) in prize money', '100 kilometres (62 miles)': the bracketed
    figure is the same amount in other units, with the same object and event."""
    for k in range(max(first, 1), len(figures)):
        prev, fig = figures[k - 1], figures[k]
        between = text[prev.span[1]:fig.span[0]]
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
        if parent is not None and figures[parent].value > fig.value \
                and figures[parent].unit == fig.unit:  # fmt: skip
            figures[k] = fig.model_copy(update={"parent": parent})


def _context(doc: Doc, num: Number, unit: str | None, start: int,
             end: int) -> tuple[Token | None, Token | None]:  # fmt: skip
    """(object noun, event verb) of one figure."""
    if unit in DURATION_UNITS:  # "12 years in prison": no object but what it is "of"
        noun, event = ctx.amount_object(doc, start, end, "measure")
        keep = noun is not None and (noun.i >= end or noun.head.lower_ == "of")
        # "cut cases by 75 percent over 12 months", "in 24 hours": a time frame, not what the
        # verb did ("suspended flights for 21 hours", "sentenced to 12 years" are).
        if ctx.time_frame(ctx.head_of(doc, start, end)):
            event = None
        return (noun if keep else None), event
    if unit is not None:
        kind = "money" if unit in MONEY else "percent" if unit in ("%", "pp") else "measure"
        return ctx.amount_object(doc, start, end, kind)
    noun = ctx.count_object(doc, num.start, num.end)
    if noun is not None:
        # "four of the seven commissioners said": the verb belongs to the partitive number.
        partitive = num.end < len(doc) and doc[num.end].lower_ == "of"
        event = ctx.verb_of(ctx.head_of(doc, num.start, num.end)) if partitive else None
        return noun, event or ctx.event_of(noun)
    # A count with its noun left out ("injuring more than 600"): the verb it is argument of;
    # "put the turnout at 1.28 million": the verb's object is what was counted.
    h = ctx.head_of(doc, num.start, num.end)
    # "a crowd of 47,000": the noun the count is "of" is what was counted.
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ == "NOUN":
        noun = h.head.head
        return noun, ctx.event_of(noun)
    verb = ctx.verb_of(h)
    if verb is not None and h.dep_ == "pobj" and h.head.lower_ == "at":
        return ctx.changed_thing(verb, money=False), verb
    return None, verb


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
                if j != k and other is not None and noun is not None and figures[j].event and (
                    noun.head.i == other.i or other.head.i == noun.i
                    or noun.head.i == other.head.i and noun.dep_ == "conj"
                ):
                    donor = figures[j].event
                    break
        if donor:
            figures[k] = fig.model_copy(update={"event": donor})
