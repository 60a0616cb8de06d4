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

QUALIFIERS = [
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "as few as", "no fewer than", "no more than", "nearly", "almost", "about",
    "around", "roughly", "approximately", "some", "over", "under", "just over", "just under",
    "close to", "upwards of", "an estimated", "estimated", "a further", "another",
]  # fmt: skip
QUALIFIERS.sort(key=len, reverse=True)
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "mn": 1e6, "tn": 1e12}  # fmt: skip
CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollars": "USD",
              "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY",
              "yuan": "CNY", "rupees": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP"}  # fmt: skip
UNITS = {"percent": "%", "per cent": "%", "%": "%", "percentage points": "pp",
         "km": "km", "kilometres": "km", "kilometers": "km", "miles": "mi", "mile": "mi",
         "kg": "kg", "kilograms": "kg", "tonnes": "t", "tons": "t", "metres": "m", "meters": "m",
         "hectares": "ha", "acres": "acre", "degrees": "deg", "mph": "mph", "km/h": "km/h",
         "barrels": "bbl", "megawatts": "MW", "mw": "MW", "gw": "GW", "years": "years",
         "months": "months", "days": "days", "hours": "hours", "minutes": "minutes"}  # fmt: skip
NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens", "hundreds",
    "thousands", "millions", "billions", "half", "a",
}  # fmt: skip
VAGUE = {"dozens": 24.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6, "dozen": 12.0}
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


def _value_of(tokens: list[Token]) -> float | None:
    words = [t.text.lower().replace(",", "") for t in tokens]
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
    if _NUMERIC.match(low):
        return True
    return t.like_num and low in NUMBER_WORDS or low in NUMBER_WORDS - {"a", "half"} \
        and t.pos_ == "NUM"  # fmt: skip


def numbers(sent: Span) -> list[Number]:
    """Number phrases in a sentence: '1,000', 'two million', '3.2 billion', '40 and 50'."""
    out: list[Number] = []
    i, toks = 0, list(sent)
    while i < len(toks):
        t = toks[i]
        if not _is_number_token(t) or t.ent_type_ in NOT_FIGURE_ENTS or _is_excluded(t):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (_is_number_token(toks[j]) or toks[j].lower_ in SCALES
                                 or toks[j].lower_ == "and" and j + 1 < len(toks)
                                 and toks[j + 1].lower_ in NUMBER_WORDS - {"a"}
                                 and not _NUMERIC.match(toks[j + 1].text)):  # fmt: skip
            j += 1
        value = _value_of(toks[i:j])
        if value is not None:
            out.append(Number(toks[i].i, toks[j - 1].i + 1, value))
        i = j
    return _ranges(sent.doc, out)


def _is_excluded(t: Token) -> bool:
    """Clock times, years standing alone, scores and arithmetic in page chrome."""
    text = t.text
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.text in (":", "+", "=") or t.i > 0 and t.nbor(-1).text in (":", "+"):
        return True
    if re.fullmatch(r"(1[89]|20)\d\d", text) and (t.ent_type_ in ("DATE", "") and
                                                  (nxt is None or nxt.pos_ != "NOUN")):  # fmt: skip
        return True
    return False


def _ranges(doc: Doc, nums: list[Number]) -> list[Number]:
    """'between 40 and 50', '40 to 50', '$150 million and $180 million' -> one figure, low/high."""
    merged: list[Number] = []
    for n in nums:
        prev = merged[-1] if merged else None
        if prev is not None and n.start - prev.end in (1, 2):
            gap = doc[prev.end:n.start]
            gap_words = {t.lower_ for t in gap if t.text != "$"}
            between = prev.start > 0 and doc[prev.start - 1].lower_ in ("between", "from") or \
                prev.start > 1 and doc[prev.start - 2].lower_ in ("between", "from")  # fmt: skip
            if gap_words and gap_words <= _RANGE_WORDS and ("and" not in gap_words or between):
                low, high = sorted((prev.value, n.value))
                merged[-1] = Number(prev.start, n.end, (low + high) / 2, low, high)
                continue
        merged.append(n)
    return merged


def _qualifier(doc: Doc, start: int) -> tuple[str | None, int]:
    before = doc[max(0, start - 4):start].text.lower()
    before = re.sub(r"\$$|\s+\$$", "", before).rstrip()
    for q in QUALIFIERS:
        if before.endswith(q) and (len(before) == len(q) or not before[-len(q) - 1].isalnum()):
            return q, start - len(q.split())
    if start >= 1 and doc[start - 1].lower_ == "between":
        return "between", start - 1
    return None, start


def _unit(doc: Doc, num: Number) -> tuple[str | None, int]:
    """The unit and the index of the first token after the figure's text."""
    prev = doc[num.start - 1].text.lower() if num.start > 0 else ""
    if prev in CURRENCIES:
        return CURRENCIES[prev], num.end
    end = num.end
    if end < len(doc):
        two = doc[end:end + 2].text.lower()
        if two in UNITS:
            return UNITS[two], end + 2
        one = doc[end].text.lower()
        if one in UNITS:
            return UNITS[one], end + 1
        if one in CURRENCIES:
            return CURRENCIES[one], end + 1
    return None, end


def _object(doc: Doc, num: Number) -> Token | None:
    """The noun counted: the head of a nummod, or the noun after 'of' ('dozens of families')."""
    last = doc[num.end - 1]
    head = last
    for t in doc[num.start:num.end]:
        if t.dep_ == "nummod" and t.head.pos_ in ("NOUN", "PROPN") and not (
            num.start <= t.head.i < num.end
        ):
            head = t.head
            break
    else:
        head = last
        nxt = doc[num.end] if num.end < len(doc) else None
        if nxt is not None and nxt.lower_ == "of":
            pobj = [c for c in nxt.children if c.dep_ == "pobj"]
            head = pobj[0] if pobj else last
        elif nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i != last.i:
            head = nxt
        elif last.head.pos_ in ("NOUN", "PROPN") and last.dep_ in ("nummod", "compound"):
            head = last.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i < num.start:
        return None
    return head


def _object_text(doc: Doc, noun: Token, num: Number, unit_end: int) -> str:
    """The noun with its modifiers after the number: 'US-backed fighters', 'suicide bombers'."""
    left = min((c.i for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")
                and c.i >= unit_end), default=noun.i)  # fmt: skip
    # Hyphenated modifiers: spaCy splits "US-backed" into US, -, backed.
    while left > unit_end and doc[left - 1].text == "-" and left - 2 >= unit_end:
        left -= 2
    left = max(left, unit_end)
    return doc[left:noun.i + 1].text


def _event(noun: Token) -> Token | None:
    """What happened to the counted thing: the verb whose subject or object it is."""
    t = noun
    while t.dep_ in ("conj", "appos") and t.head is not t:
        t = t.head
    # Up through "including ..." / "of ..." attachments to the noun that carries the verb.
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("NOUN", "PROPN"):
        t = t.head.head
        while t.dep_ in ("conj", "appos"):
            t = t.head
    # "civilians ... to flee", "300 people killed in the blast": a clause on the noun itself.
    for c in t.children:
        if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and (
            c.tag_ == "VBN" or any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        ):
            return c
    head = t.head
    if head.pos_ not in ("VERB", "AUX") or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "obj",
                                                          "attr"):  # fmt: skip
        return None
    # "allowing 1,000 civilians to flee": what happened to them is the infinitive, not "allowing".
    xcomp = [c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
             and c.i > t.i]  # fmt: skip
    if t.dep_ in ("dobj", "obj") and xcomp:
        return xcomp[0]
    return head if head.pos_ == "VERB" else None


def _parent(doc: Doc, noun: Token, objects: list[Token | None]) -> int | None:
    """'34 jihadists including three suicide bombers': the figure whose object includes this one."""
    t = noun
    if t.dep_ == "pobj" and t.head.lower_ in ("including", "among", "of") and t.head.dep_ in (
        "prep", "acl"
    ):
        container = t.head.head
        for k, obj in enumerate(objects):
            if obj is not None and obj.i == container.i:
                return k
    return None


def extract(doc: Doc, body_len: int | None = None) -> list[Figure]:
    """Figures of the body: the first `body_len` characters of `doc` (captions follow)."""
    body_len = len(doc.text) if body_len is None else body_len
    figures: list[Figure] = []
    objects: list[Token | None] = []
    for sent in doc.sents:
        if sent.start_char >= body_len:
            break
        first_in_sentence = len(figures)
        events: list[Token | None] = []
        for num in numbers(sent):
            qualifier, _ = _qualifier(doc, num.start)
            unit, unit_end = _unit(doc, num)
            noun = _object(doc, num) if unit in (None, "USD", "EUR", "GBP", "JPY", "CNY", "INR") \
                else None  # fmt: skip
            if noun is not None and noun.i < unit_end:
                noun = None
            event = _event(noun) if noun is not None else None
            start_tok = num.start - 1 if unit and doc[num.start - 1].text.lower() in CURRENCIES \
                else num.start  # fmt: skip
            span_start = doc[start_tok].idx
            last = doc[max(num.end, unit_end) - 1]
            span_end = last.idx + len(last.text)
            figures.append(Figure(
                value=num.value, low=num.low, high=num.high,
                text=doc.text[span_start:span_end], qualifier=qualifier, unit=unit,
                object=_object_text(doc, noun, num, unit_end) if noun is not None else None,
                event=event.text if event is not None else None,
                parent=_parent(doc, noun, objects) if noun is not None else None,
                sentence=sent.text.strip(), span=(span_start, span_end),
            ))  # fmt: skip
            objects.append(noun)
            events.append(event)
        _share_events(figures, objects, events, first_in_sentence)
    return figures


def _share_events(figures: list[Figure], objects: list[Token | None],
                  events: list[Token | None], first: int) -> None:  # fmt: skip
    """Coordinated counts and sub-counts share their event ('820 extremists and 480 fighters
    have been killed'; '34 jihadists including three suicide bombers ... killed')."""
    for k in range(first, len(figures)):
        fig = figures[k]
        if fig.event is not None or fig.object is None:
            continue
        donor = None
        if fig.parent is not None and figures[fig.parent].event:
            donor = figures[fig.parent].event
        else:
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
