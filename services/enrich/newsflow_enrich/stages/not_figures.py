"""Numbers that are not figures: dates and years, durations, ages, phone numbers, scores, model
numbers, labels ("phase 3", "Article 5") and numbers inside names ("Boeing 737")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsflow_enrich.stages import number_ages as ages
from newsflow_enrich.stages import number_labels as labels
from newsflow_enrich.stages.numbers import (
    GLUED,
    MONTHS,
    NUMERIC,
    PREFIXES,
    UNITS,
    currency_follows,
    dollar_code,
    glued_money,
    glued_unit,
    is_number_token,
    qualifier_of,
    value_of,
)

# "three seasons", "six quarters" (a business or a game's) are how long, too
DURATIONS = labels.DURATIONS | {"season", "seasons", "quarters"}
# Entities whose numbers are part of a name ("Ligue 1", "Boeing 737", "Windows 11").
NAME_ENTS = {"ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PERSON", "GPE", "LOC"}
_FRACTIONS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths"}


def entity_of(t: Token) -> Span | None:
    """The named entity the token is part of, if any."""
    if t.ent_iob in (0, 2):  # outside (O) or unset: Doc.ents, which builds every Span, has none
        return None
    return next((e for e in t.doc.ents if e.start <= t.i < e.end), None)


def bare_date(t: Token) -> bool:
    """spaCy tags some plain counts as dates ("from 62 to 64", "Brest on 47"): a DATE entity
    made of numbers only, none of them a year, is a count."""
    ent = entity_of(t)
    if ent is None or ent.label_ != "DATE":
        return False
    if _count_then_when(t, ent):
        return True
    return all(
        x.like_num
        and not re.fullmatch(r"(1[89]|20)\d\d", x.text)
        or x.lower_ in ("to", "and", "-", "–", "between", "from", "about")
        for x in ent
    )


_WHEN_OPENERS = {"a", "an", "the", "last", "this", "previous", "earlier", "in", "on"}


def _count_then_when(t: Token, ent: Span) -> bool:
    """'up from 38 a day earlier', 'against 120 last year': spaCy runs the DATE over the count
    before it; a number that opens the entity and is followed by a determiner or a time word is a
    count with its date, not a part of the date."""
    return t.i == ent.start and t.i + 1 < ent.end and t.text[:1].isdigit() \
        and not re.fullmatch(r"(1[89]|20)\d\d", t.text) and t.doc[t.i + 1].lower_ in _WHEN_OPENERS \
        and (t.i == 0 or t.doc[t.i - 1].lower_.rstrip(".") not in MONTHS)  # fmt: skip


def is_duration(t: Token) -> bool:
    """'12 years', 'three-week trial', 'at least 16 weeks': how long, not when. 'Two years ago',
    'a 58-year-old' and 'in 2014' stay dates or ages."""
    doc, k = t.doc, labels.after_number_run(t)  # "12 to 18 months": through a range to its unit
    if k + 1 < len(doc) and doc[k].pos_ == "ADJ" and doc[k + 1].lower_ in DURATIONS:
        k += 1  # "31 straight days", "three consecutive years"
    if k >= len(doc) or doc[k].lower_ not in DURATIONS:
        return False
    if doc[k].lower_ in ("season", "seasons") and re.fullmatch(r"(1[89]|20)\d\d", t.text):
        return False  # "the 2019 season" names one
    after = doc[k + 1 : k + 4].text.lower()
    return not re.match(r"(ago|old|-old)\b", after.replace(" - ", "-"))


def _ratio(a: Token, word: Token, b: Token) -> bool:
    """'one in seven Pakistanis': a proportion, not two counts ('178 in 2021' is a count)."""
    if word.lower_ != "in" or not (is_number_token(a) and is_number_token(b)):
        return False
    small = value_of([a])
    return small is not None and small <= 10 and not re.fullmatch(r"(1[89]|20)\d\d", b.text)


def _out_of(t: Token) -> bool:
    """'eight out of ten': a proportion, both its numbers."""
    doc, i = t.doc, t.i
    if i + 3 < len(doc) and doc[i + 1].lower_ == "out" and doc[i + 2].lower_ == "of" \
            and is_number_token(doc[i + 3]):  # fmt: skip
        return True
    return i > 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "out" \
        and is_number_token(doc[i - 3])  # fmt: skip


_VERSION = re.compile(r"\d+\.\d+(?:\.\d+)?")


def _coined(word: str) -> bool:
    """A coined name's spelling: a capital after its first letter or letters beside digits
    ('OpenVPN', '8BitDo'), which no common word has; spaCy tags such words anything."""
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word) \
        or any(c.isdigit() for c in word) and any(c.isalpha() for c in word)  # fmt: skip


def _model_number(t: Token) -> bool:
    """'the PowerPack 500 and PowerPack 625 models', 'OpenVPN 2.7', 'the 8BitDo 64 Controller':
    a number or a version in a product's name; '5G', '4G': a network's generation."""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if t.text.isdigit() and not t.whitespace_ and nxt is not None and nxt.text == "G":
        return True
    if t.i == 0 or not (t.text.isdigit() or _VERSION.fullmatch(t.text)):
        return False
    prev = doc[t.i - 1]
    # a person's name may look coined ("O'Hara 2 goals", "McKay 3"); one with digits is not his
    coined = _coined(prev.text) and prev.ent_type_ not in ("GPE", "LOC", "NORP", "DATE") \
        and (prev.ent_type_ != "PERSON" or any(c.isdigit() for c in prev.text))  # fmt: skip
    if not coined and not t.text.isdigit():
        return False  # a decimal after a plain name may be an amount: "Brent 55.3"
    return (coined or prev.pos_ == "PROPN" and prev.text[:1].isupper()
                      and prev.ent_type_ not in ("GPE", "LOC", "PERSON", "NORP", "DATE")) \
        and not prev.is_sent_start and prev.lower_.rstrip(".") not in MONTHS \
        and prev.lower_ not in PREFIXES \
        and (nxt is None or nxt.lower_ not in UNITS and not currency_follows(t)
             and nxt.text not in ("-", "–"))  # fmt: skip


# "Wild 4, Sabres 1: Zach Parise scored twice": a game's result heading its paragraph.
_RESULT_HEADER = re.compile(r"[A-Z][\w.'&]*(?: [A-Z][\w.'&]*){0,3} \d{1,3}, "
                            r"[A-Z][\w.'&]*(?: [A-Z][\w.'&]*){0,3} \d{1,3}(?: \(\w+\))?:")  # fmt: skip


def _list_number(t: Token) -> bool:
    """'1. Finland': the number of a numbered list's line (a rank), not a count."""
    doc = t.doc
    first = t.i == 0 or doc[t.i - 1].is_space and "\n" in doc[t.i - 1].text
    return first and t.text.isdigit() and t.i + 1 < len(doc) and doc[t.i + 1].text in (".", ")")


def _result_header(t: Token) -> bool:
    if not t.text.isdigit() or int(t.text) > 200:
        return False
    sent = t.sent  # its own text only: Doc.text joins every token of the article
    m = _RESULT_HEADER.match(t.doc[sent.start : min(sent.end, sent.start + 20)].text)
    return m is not None and t.idx - sent.start_char < m.end()


def _golf_score(t: Token) -> bool:
    """'a five-under-par 65 for a 14-under 266', 'third after a 68': scores, not counts."""
    doc, i = t.doc, t.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in ("under", "over"):
        return True
    if i > 0 and doc[i - 1].lower_ == "par" or i > 1 and doc[i - 1].lower_ in ("under", "over") \
            and doc[i - 2].text == "-":  # fmt: skip
        return True
    # "after a 68": a number right after its article, nothing counted, is a score or a round
    # ("at a solid 60fps", "stands at an alarming 698" are amounts).
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return t.dep_ in ("pobj", "dobj") and i > 0 and doc[i - 1].lower_ in ("a", "an") \
        and doc[i - 1].head.i == i and (nxt is None or nxt.is_punct)  # fmt: skip


# Words a number labels rather than counts with: "phase 3", "Article 5", "type 2 diabetes".
_LABELS = {
    "phase",
    "article",
    "section",
    "chapter",
    "clause",
    "paragraph",
    "type",
    "level",
    "category",
    "grade",
    "gate",
    "terminal",
    "platform",
    "channel",
    "route",
    "line",
}
_CONTACT = re.compile(r"\b(call|contact|dial|phone|ring|helpline|hotline|text)\b", re.IGNORECASE)


def _phone(t: Token) -> bool:
    """'0800 555 111', 'contact the force on 101': telephone numbers."""
    k = t.i
    while k >= 0 and t.doc[k].text.isdigit():
        if re.fullmatch(r"0\d{2,}", t.doc[k].text):
            return True  # "0800 555 111": each group
        k -= 1
    prev = t.doc[t.i - 1].lemma_.lower() if t.i > 0 else ""  # "calling 101"
    return prev in ("on", "call", "dial") and t.text.isdigit() and len(t.text) >= 3 \
        and bool(_CONTACT.search(t.sent.text))  # fmt: skip


# Words that introduce a reference number: "quoting serial 497", "reference 1234".
_REFERENCES = {"quoting", "quote", "serial", "reference", "ref", "log", "incident"}
# What ends a street's name: "2134 Caldwell Place", "1119 Eighth St.", "3170 W. County Road".
_STREETS = {"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "place",
            "drive", "dr.", "lane", "ln", "boulevard", "blvd", "blvd.", "way", "court", "ct",
            "terrace", "crescent", "parkway", "close"}  # fmt: skip


def _reference_or_address(t: Token) -> bool:
    """A reference number ('quoting serial 497') or a house number ('2134 Caldwell Place'):
    labels of a case or a place, on police and court pages of every site."""
    doc = t.doc
    if not t.text.isdigit():
        return False
    if any(x.lower_ in _REFERENCES for x in doc[max(0, t.i - 2) : t.i]):
        return True
    for k in range(t.i + 1, min(len(doc), t.i + 5)):
        if k > t.i + 1 and doc[k].lower_ in _STREETS:
            return True
        if not doc[k].text[:1].isupper():
            return False
    return False


def _code_name(t: Token) -> bool:
    """'COVID 19', 'MH 17': a number after an acronym (not an all-capitals line) names a thing."""
    doc = t.doc
    if t.i == 0 or not t.text.isdigit():
        return False
    prev = doc[t.i - 1]
    shouting = t.i > 1 and doc[t.i - 2].text.isupper() and doc[t.i - 2].is_alpha
    return (prev.lower_ == "covid" or prev.is_alpha and prev.text.isupper() and len(prev) >= 3
            and not shouting) and prev.lower_ not in PREFIXES  # fmt: skip


def _in_name(t: Token) -> bool:
    """The number belongs to the name spaCy put it in ('Ligue 1', 'Boeing 737'), not to an
    amount it swallowed ('the council of nearly $400,000')."""
    if t.i > 0 and t.doc[t.i - 1].lower_ in PREFIXES or GLUED.match(t.lower_) or dollar_code(t) \
            or glued_money(t):  # fmt: skip
        return False  # an amount: "S$16.6 million" is never a name's part
    if currency_follows(t):
        return False  # "500 Swiss francs" inside a name spaCy made too long
    ent = entity_of(t)
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if ent is not None and ent.label_ == "PERSON" and t.text.isdigit() and nxt is not None \
            and nxt.pos_ == "NOUN" and nxt.text.islower():  # fmt: skip
        return False  # a person's name holds no count: "K. Hupfer 1 goal" ("Bill 2025" stays)
    return ent is None or any(x.pos_ == "PROPN" for x in ent)


_SCALES = {"hundred", "thousand", "million", "billion", "trillion", "dozen"}
# A bound on "one" makes it a count; "another one", "under one roof" stay pronoun and idiom.
_ONE_BOUNDS = {"at least", "at most", "more than", "less than", "fewer than", "no more than",
               "no fewer than", "up to", "nearly", "almost"}  # fmt: skip


def _one_counts(t: Token) -> bool:
    """'one' the word counts only as a part of a count ('six astronauts, including one
    Russian'), beside other counts ('two ... and one'), or of a unit ('one year')."""
    doc = t.doc
    before = {x.lower_ for x in doc[max(0, t.i - 2) : t.i]}
    if before & {"including", "among"}:
        return True
    if qualifier_of(doc, t.i)[0] in _ONE_BOUNDS or t.i > 0 and doc[t.i - 1].lower_ == "only":
        return True  # "at least one poet", "at most one other person", "only one title"
    if t.i + 1 < len(doc) and (doc[t.i + 1].lower_ in UNITS or doc[t.i + 1].lower_ in _SCALES):
        return True  # "one year", "one billion animals"
    if t.i + 2 < len(doc) and doc[t.i + 1].lower_ in ("to", "or") \
            and is_number_token(doc[t.i + 2]) and doc[t.i + 2].lower_ != "one":  # fmt: skip
        return True  # a range's low end: "one to three years", "one to two billion dollars"
    if any(x.dep_ == "conj" and x.like_num for x in (t.head, *t.children)) \
            or t.dep_ == "conj" and t.head.like_num:  # fmt: skip
        return True
    return listed_count(t)


def listed_count(t: Token) -> bool:
    """'one' counting a noun listed beside another count's noun: "five men and one woman",
    "two counts of murder, one count of attempted murder", "two murder charges and one attempted
    murder charge" (spaCy hangs that "one" on "murder", a compound of "charge")."""
    noun = t.head
    if t.dep_ != "nummod" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    listed = [noun.head] if noun.dep_ in ("conj", "appos") else []
    listed += [c for c in noun.children if c.dep_ in ("conj", "appos")]
    return any(c.dep_ == "nummod" and c.like_num and c.lower_ != "one"
               for n in listed for c in n.children)  # fmt: skip


# What happens to people in a toll: a number these are told of counts people ("One officer was
# wounded", "one of its soldiers was killed", "killing one", "Sixty residents had to be
# evacuated").
_FATES = {"kill", "die", "injure", "wound", "hurt", "shoot", "stab", "murder", "electrocute",
          "drown", "starve", "behead", "arrest", "detain", "charge", "abduct", "kidnap",
          "rescue", "evacuate", "hospitalize", "hospitalise"}  # fmt: skip
_GROUP_PRONOUNS = {"them", "us", "you", "those", "these", "whom", "which"}
# The dead counted as what is found of them: "recovered 145 bodies", "40 bodies were pulled".
_REMAINS = {"body", "bodies", "corpse", "corpses"}  # the words: spaCy lemmatises "corpses" "corps"


def suffered(t: Token) -> bool:
    """The number (or the noun it counts) is the subject or object of a verb of a toll, or of
    what had to happen ('had to be evacuated'): a count, whatever its shape ('one of them dies'
    names nobody counted). So is a count of bodies, whatever the verb."""
    arg = t.head if t.dep_ == "nummod" and t.head.pos_ == "NOUN" else t
    if arg.dep_ not in ("nsubj", "nsubjpass", "dobj") or arg.head.pos_ not in ("VERB", "AUX"):
        return False
    if arg is not t and arg.lower_ in _REMAINS:
        return True
    verb = arg.head
    if verb.lemma_.lower() in ("have", "need"):
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    if verb.lemma_.lower() not in _FATES:
        return False
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return group is None or group.lower_ not in _GROUP_PRONOUNS


def doubt(t: Token) -> str | None:
    """Numbers the rules leave out that annotators count now and then: the word "one" as a
    pronoun or determiner ("One thing is clear", "one of the best"; but "One death was
    reported"). The learned filter (figure_filter) may take them back. (A number in brackets
    after a name was one too, "Klobuchar (17)", but the counts among them came from one site:
    the filter learned to keep "Sharma (26)".)"""
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if t.lower_ == "one" and (nxt is not None and nxt.lower_ == "of" or not _one_counts(t)) \
            and not suffered(t):  # fmt: skip
        return "one"
    return None


LABEL_RULES = (labels.places_in_time, labels.dates_a_thing, labels.street_block,
               labels.product_type, labels.word_in_name)  # fmt: skip


def excluded_surely(t: Token) -> bool:
    """Clock times, years standing alone, names, ratios, fractions and arithmetic in chrome."""
    text = t.text
    doc = t.doc
    nxt = t.nbor(1) if t.i + 1 < len(doc) else None
    if t.ent_type_ in NAME_ENTS and _in_name(t) \
            or "-" in text and not NUMERIC.match(text) and not glued_money(t) \
            and not glued_unit(t):  # fmt: skip
        return True  # part of a name ("Ligue 1"), or a compound word ("one-off"; not "4m/-")
    if t.i > 0 and doc[t.i - 1].lower_ in ("number", "no.", "no") \
            or t.i > 1 and doc[t.i - 1].text == "." and doc[t.i - 2].lower_ == "no":  # fmt: skip
        return True  # a rank or a name: "the world number three", "the No. 6 reactor"
    if t.i > 0 and doc[t.i - 1].lower_ in _LABELS and text.isdigit() \
            and (nxt is None or nxt.lower_ not in UNITS and not currency_follows(t)):  # fmt: skip
        return True  # a label: "the phase 3 study", "Article 5", "type 2 diabetes"
    if t.i > 0 and doc[t.i - 1].lower_.rstrip(".") in MONTHS and text.isdigit() and int(text) <= 31:
        return True  # a day: "Madrid, Apr 9"
    if ages.is_age(t) or _phone(t) or _model_number(t) or _golf_score(t):
        return True
    if _result_header(t) or _list_number(t) or _reference_or_address(t) or _code_name(t):
        return True
    if any(rule(t) for rule in LABEL_RULES):
        return True  # a time, a year, a block, a product or a name (number_labels)
    if t.i > 0 and doc[t.i - 1].lower_ == "top":
        return True  # a rank: "into the world's top 50"
    if t.i > 0 and doc[t.i - 1].text == "Local" and text.isdigit():
        return True  # a union's branch: "Teamsters Local 90", "Local 1199 members"
    if nxt is not None and nxt.lower_ in ("am", "pm", "a.m.", "p.m.", "hrs", "gmt", "utc"):
        return True  # a clock time spaCy did not tag: "at about 6.50 am"
    if text == "911" and (nxt is None or nxt.tag_ != "NNS"):
        return True  # the emergency number: "called 911", "a 911 dispatcher"
    if t.i > 0 and doc[t.i - 1].lower_ == "per":
        return True  # a rate's base: "250 crimes per 100,000 residents"
    if _out_of(t):
        return True
    if nxt is not None and t.i + 2 < len(doc):
        nxt2 = doc[t.i + 2]
        # "one in seven Pakistanis", "two-thirds", "one-time", "one of the deadliest"
        if _ratio(t, nxt, nxt2) or t.i > 1 and _ratio(doc[t.i - 2], doc[t.i - 1], t):
            return True
        if (
            nxt.text == "-"
            and not NUMERIC.match(text)
            and (
                nxt2.lower_ in _FRACTIONS
                or nxt2.lower_ in ("off", "time")
                or nxt2.pos_ not in ("NOUN", "NUM")
                and not is_duration(t)
            )
        ):
            return True
    if nxt is not None and nxt.text in (":", "+", "=") or t.i > 0 and t.nbor(-1).text == "+":
        return True
    if t.i > 0 and t.nbor(-1).text == ":" and not t.is_alpha:
        return True  # "Price: 5"; a word is a count after a dateline ("Kigali: Four people")
    # A year standing alone ("in 2014"), unless it counts a noun ("2014 votes").
    return (
        bool(re.fullmatch(r"(1[89]|20)\d\d", text))
        and t.ent_type_ in ("DATE", "")
        and (nxt is None or nxt.pos_ != "NOUN")
    )
