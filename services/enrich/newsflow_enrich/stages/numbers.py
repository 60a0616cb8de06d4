"""Numbers as printed: number words, scales, currencies and units, and the value a run of tokens
means ("$3.2 billion" -> 3.2e9 USD, "two" -> 2). The lexicon of the figures stage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from text_to_num import text2num

from newsflow_enrich.stages import date_shapes
from newsflow_enrich.stages.doc_text import text_of

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
PESO_COUNTRIES = {"Philippin": "PHP", "Manila": "PHP", "Mexic": "MXN", "Colombia": "COP",
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
         "hpa": "hPa", "second": "s", "minute": "minutes", "horsepower": "hp", "hp": "hp",
         "inch": "in", "ounces": "oz", "ounce": "oz", "cents": "cents", "cent": "cents",
         "°c": "deg", "° c": "deg", "°f": "degF", "° f": "degF", "°": "deg",
         # units a count used to take for its object ("44 million metric tons of carbon":
         # object carbon; "82 kWh battery": battery), each seen in real dev's gold
         "metric tons": "t", "metric tonnes": "t", "kilos": "kg", "grams": "g", "gram": "g",
         "mg": "mg", "milligrams": "mg", "kilotons": "kt", "megatons": "Mt",
         "square feet": "sq ft", "square foot": "sq ft", "sq ft": "sq ft", "square miles": "sq mi",
         "square metres": "m2", "square meters": "m2", "cubic feet": "cu ft",
         "cubic metres": "m3", "cubic meters": "m3", "knots": "kn", "microns": "um",
         "kw": "kW", "kilowatts": "kW", "kwh": "kWh", "kilowatt-hours": "kWh",
         "kilowatt hours": "kWh", "mwh": "MWh", "megawatt-hours": "MWh", "gwh": "GWh",
         "gigawatt-hours": "GWh", "gigawatt hours": "GWh", "twh": "TWh", "terawatt hours": "TWh",
         "terawatt-hours": "TWh", "gigawatts": "GW", "gigawatt": "GW", "megawatt": "MW",
         "kilowatt": "kW", "lb-ft": "lb-ft", "pound-feet": "lb-ft", "kb": "KB", "mb": "MB",
         "gb": "GB", "tb": "TB", "kilobytes": "KB", "megabytes": "MB", "gigabytes": "GB",
         "terabytes": "TB", "decibels": "dB", "teraflops": "TFLOPS", "mpg": "mpg", "bbl": "bbl",
         "frames per second": "fps"}  # fmt: skip
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
GLUED = re.compile(
    r"^(rm|rs\.?|ksh|r\$|s\$|nz\$|a\$|c\$|hk\$|us\$|[$€£₦₱₹])(\d[\d,]*(?:\.\d+)?)$", re.IGNORECASE
)
# A unit printed onto its number that spaCy leaves glued ("30fps", "3.5GHz", "500mAh"); "64GB",
# "5km" it splits itself.
GLUED_UNIT = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(fps|ghz|mhz|hz|mah|kwh|mwh|mp|kph)$", re.IGNORECASE)
# A temperature as British papers print it, degrees and scale glued on: "1C", "-30C", "33.8F"
# (capitals only, as printed: "3f" or "1c" are no temperatures). Real dev: 4 on 2 sites, all gold.
GLUED_DEGREES = re.compile(r"^([-+]?\d[\d,]*(?:\.\d+)?)([CF])$")
# A scale printed onto an amount that spaCy leaves glued after its currency: "£11k", "$2.5bn",
# and as British tabloids print it, "£30.75million" (not alone: "200m" may be metres, "10k" a
# race).
GLUED_SCALE = re.compile(
    r"^(\d[\d,]*(?:\.\d+)?)(k|m|bn|mn|tn|million|billion|trillion)$", re.IGNORECASE
)
# The rand printed onto an amount and its scale, one token on South African pages: "R4bn",
# "R7.5bn" (with its scale only: "R2" alone names roads, droids and film ratings).
GLUED_RAND = re.compile(r"^R(\d[\d,]*(?:\.\d+)?)(bn|m|mn|tn|k)$")
# Shillings as East African papers print them, one token: "620m/-", "10,000/-".
GLUED_SHILLINGS = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(bn|m|k)?/-$", re.IGNORECASE)
SHILLING_COUNTRIES = {"Tanzania": "TZS", "Dar es Salaam": "TZS", "Dodoma": "TZS",
                      "Uganda": "UGX", "Kampala": "UGX", "Kenya": "KES", "Nairobi": "KES"}  # fmt: skip
GLUED_UNITS = {"fps": "fps", "ghz": "GHz", "mhz": "MHz", "hz": "Hz", "mah": "mAh", "kwh": "kWh",
               "mwh": "MWh", "mp": "MP", "kph": "km/h", "C": "deg", "F": "degF"}  # fmt: skip
# Unicode's vulgar fractions ("½", "¾", "⅓"), alone or printed onto a whole number ("2½").
VULGAR = re.compile(r"^(\d*)([\u00bc-\u00be\u2150-\u215e])$")
MONTHS = date_shapes.MONTH_WORDS
NUMERIC = re.compile(r"^[-+]?\d[\d,]*(\.\d+)?$")
NOT_FIGURE_ENTS = {"DATE", "TIME", "ORDINAL"}
RANGE_WORDS = {"and", "to", "-", "–", "—"}


@dataclass
class Number:
    start: int  # token index
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    doubt: str | None = None  # left out by a rule the learned filter may overrule (not_figures)


# "$US61,000", "$A97,000": spaCy splits off the "$" and leaves the country glued to the number.
_DOLLAR_GLUED = re.compile(r"^(US|A|NZ|C|HK|S)(\d[\d,]*(?:\.\d+)?)$")
_DOLLARS = {"US": "USD", "A": "AUD", "NZ": "NZD", "C": "CAD", "HK": "HKD", "S": "SGD"}


def dollar_code(t: Token) -> str | None:
    m = _DOLLAR_GLUED.match(t.text)
    return _DOLLARS[m.group(1)] if m and t.i > 0 and t.doc[t.i - 1].text == "$" else None


def glued_money(t: Token) -> str | None:
    """The currency printed onto an amount with its scale ("R4bn", "620m/-"), if any."""
    if GLUED_RAND.match(t.text):
        return "ZAR"
    return currency_of(t.doc, "shilling") if GLUED_SHILLINGS.match(t.text) else None


def glued_unit(t: Token) -> bool:
    """A unit printed onto the number ("30fps", "125kph", "-30C"): a measure, never a date or a
    compound word, whatever spaCy's entity or the hyphen say."""
    return bool(GLUED_UNIT.match(t.lower_) or GLUED_DEGREES.match(t.text))


def _bare(t: Token) -> str:
    """The number as printed, without the currency or unit glued to it ("R4bn": "4bn")."""
    text = _DOLLAR_GLUED.sub(r"\2", t.text) if dollar_code(t) else GLUED_RAND.sub(r"\1\2", t.text)
    text = GLUED_SHILLINGS.sub(r"\1\2", text)
    text = GLUED_DEGREES.sub(r"\1", text)
    return GLUED_UNIT.sub(r"\1", GLUED.sub(r"\2", text)).lower().replace(",", "")


def value_of(tokens: list[Token]) -> float | None:
    words = [_bare(t) for t in tokens if t.text != "-"]
    if words and (scaled := GLUED_SCALE.match(words[0])) \
            and (_after_currency(tokens[0]) or _glued_money_text(tokens[0].text)):  # fmt: skip
        words[:1] = [scaled.group(1), scaled.group(2).lower()]  # "£11k": 11 thousand
    if len(words) == 1 and words[0] in VAGUE:
        return None  # "dozens" alone is not a count
    if len(words) > 1 and words[-1] == "dozen":  # "two dozen"
        inner = value_of(tokens[:-1])
        return None if inner is None else inner * 12
    total: float | None = None
    scale = 1.0
    digits = [w for w in words if NUMERIC.match(w)]
    # "800 000 hectares": thousands set off by spaces, one number.
    while len(digits) > 1 and words[:2] == digits[:2] and len(digits[0]) <= 3 \
            and re.fullmatch(r"\d{3}", digits[1]) and re.fullmatch(r"\d{1,3}", digits[0]):  # fmt: skip
        joined = digits[0] + digits[1]
        words = [joined, *words[2:]]
        digits = [joined, *digits[2:]]
    if digits:
        total = float(digits[0])
        for w in words[words.index(digits[0]) + 1 :]:
            scale *= SCALES.get(w, 1.0)
        return total * scale
    phrase = " ".join(w for w in words if w != "a" or len(words) > 1)
    try:
        return float(text2num(phrase, "en"))
    except ValueError:
        return None


def _glued_money_text(text: str) -> bool:
    return bool(GLUED_RAND.match(text) or GLUED_SHILLINGS.match(text))


def _after_currency(t: Token) -> bool:
    return t.i > 0 and t.doc[t.i - 1].lower_ in PREFIXES


def is_number_token(t: Token) -> bool:
    low = t.lower_.replace(",", "")
    if NUMERIC.match(low) or GLUED.match(low) or dollar_code(t) or GLUED_UNIT.match(low) \
            or _glued_money_text(t.text) or GLUED_DEGREES.match(t.text):  # fmt: skip
        return True
    if GLUED_SCALE.match(low) and _after_currency(t):
        return True
    return t.like_num and low in NUMBER_WORDS or low in NUMBER_WORDS - {"a", "half"} \
        and t.pos_ == "NUM"  # fmt: skip


def currency_follows(t: Token) -> bool:
    """A currency named right after the token: '500 francs', '500 Swiss francs'."""
    after = t.doc[t.i + 1 : t.i + 3].text.lower()
    return after in CURRENCIES or after.split(" ")[0] in CURRENCIES


def currency_of(doc: Doc, code: str) -> str:
    """The ISO code; for 'pesos' and printed shillings, the one of the country the story names
    first (shillings: Kenya's if it names none)."""
    countries = PESO_COUNTRIES if code == "peso" else SHILLING_COUNTRIES if code == "shilling" \
        else None  # fmt: skip
    if countries is None:
        return code
    text = text_of(doc).lower()
    found = [(text.find(stem.lower()), iso) for stem, iso in countries.items()
             if stem.lower() in text]  # fmt: skip
    return min(found)[1] if found else code if code == "peso" else "KES"


_ABOUT = {"about", "around", "roughly", "approximately", "nearly", "almost", "some"}


def qualifier_of(doc: Doc, start: int, duration: bool = False) -> tuple[str | None, int]:
    """The qualifier before a number, or before its currency ('nearly $400,000', 'about £180')."""
    if start >= 1 and doc[start - 1].lower_ in PREFIXES:
        start -= 1
    if start >= 2 and doc[start - 1].lower_ in ("a", "an") and doc[start - 2].lower_ in _ABOUT:
        start -= 1  # "about a 4-hour drive", "nearly an 8-mile walk"
    before = doc[max(0, start - 4) : start].text.lower().rstrip()
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


def unit_of(doc: Doc, num: Number) -> tuple[str | None, int]:
    """The unit and the index of the first token after the figure's text."""
    prev = doc[num.start - 1].text.lower() if num.start > 0 else ""
    if code := dollar_code(doc[num.start]):
        return code, num.end
    if prev in PREFIXES:
        return currency_of(doc, PREFIXES[prev]), num.end
    glued = GLUED.match(doc[num.start].lower_)
    if glued:
        return PREFIXES[glued.group(1).lower()], num.end
    if code := glued_money(doc[num.start]):
        return code, num.end
    if unit := GLUED_UNIT.match(doc[num.end - 1].lower_) or GLUED_DEGREES.match(
        doc[num.end - 1].text
    ):
        return GLUED_UNITS[unit.group(2)], num.end
    end = num.end
    if doc[num.start].lower_ == "a" and end < len(doc) and doc[end].lower_ == "decade":
        return "years", end + 1  # "a decade" is 10 years (number_phrases)
    if (
        doc[num.start].lower_ in ("a", "an")
        and end - num.start == 5
        and doc[end - 1].lower_ == "half"
    ):
        word = doc[num.start + 1].lower_  # "a decade and a half" (number_phrases)
        return ("years" if word == "decade" else UNITS[word]), end
    if doc[end - 1].lower_ == "century" and end - num.start > 1:
        return "years", end  # "half a century" is 50 years (number_phrases)
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and (doc[end + 1].lower_ in UNITS or doc[end + 1].lower_ in CURRENCIES)
    ):
        end += 1  # "a three-week trial", "a 13.8 tln-won budget"
    if end + 1 < len(doc) and doc[end].lower_ == "per" and NUMERIC.match(doc[end + 1].text):
        return f"per {doc[end + 1].text}", end + 2  # a rate: "753.2 per 100,000"
    for size in (3, 2):  # multi-word units and currencies first: "km per hour"
        words = doc[end : end + size].text.lower()
        if end + size <= len(doc) and words in UNITS:
            return UNITS[words], end + size
        if end + size <= len(doc) and words in CURRENCIES:
            return currency_of(doc, CURRENCIES[words]), end + size
    if end < len(doc):
        two = doc[end : end + 2].text.lower()
        if two in UNITS:
            return UNITS[two], end + 2
        one = doc[end].text.lower()
        if one in UNITS:
            return UNITS[one], end + 1
        # "5 billion won" is money; "the party, with 41, won" is a verb.
        if one in CURRENCIES and (
            one != "won"
            or num.value >= 1000
            and (end + 1 >= len(doc) or doc[end + 1].pos_ not in ("DET", "PRON", "NUM"))
        ):
            return currency_of(doc, CURRENCIES[one]), end + 1
    return None, end
