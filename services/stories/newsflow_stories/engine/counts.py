"""What a figure counts, read from its event, object and sentence: the pieces of a track identity.

Outlets report one count with different words: "12 people were killed", "Twelve people died",
"12 dead", "the death toll rose to 12". Enrich gives each figure the verb and noun it found;
this module maps them onto one event class and one object, narrowly:
- event classes for the counts disaster and conflict reports follow (`EVENT_CLASS`): deaths
  (killed, died, dead, death toll: one toll, see bench/README.md, "Figure tracks"), wounded,
  displaced, rescued, trapped, missing, burned, arrested, and shot (below any other class its
  words name: "shot dead" is the toll). Words outside a class stay themselves
  ("edged", "cut"); two classes never meet ("killed" vs "wounded");
- phrases whose verb alone says little: "setting 54 vehicles alight" (burned), "pulled 11 people
  alive" (rescued), "forced from their homes" (displaced);
- a participle in front of the object names the event ("11,000 displaced people were housed":
  displaced people; "the seven rescued miners stepped out": rescued miners);
- a count without an object: "the death toll rose to 23" counts people killed; "the number of
  container ships waiting rose to 61" counts container ships waiting; a casualty verb with no
  object ("about 4,000 were forced from their homes") counts people;
- people named only by their fate or as "others" ("11 survivors were rescued", "trapping 20
  others") are people: the event already says the fate. Groups are never widened ("civilians",
  "fighters", "miners" stay what they are).
"""

from __future__ import annotations

import re

from newsflow_stories.engine.readings import PRESENT
from newsflow_stories.engine.synonyms import verb_form
from newsflow_stories.engine.text import stem, words

# stem (or irregular form) -> event class. Each class is one count in a casualty or damage
# report; the stems are Snowball's ("injur", "displac").
_TOLL_STEMS = [
    "kill",
    "die",
    "dead",
    "death",
    "toll",
    "perish",
    "slay",
    "slain",
    "murder",
    "fatal",
    "execut",
    "gun",
    "drown",
]
EVENT_CLASS = {
    **dict.fromkeys(_TOLL_STEMS, "kill"),
    **dict.fromkeys(["wound", "injur", "hurt"], "wound"),
    **dict.fromkeys(["displac", "homeless", "uproot"], "displac"),
    **dict.fromkeys(["rescu"], "rescu"),
    **dict.fromkeys(["trap", "stuck", "strand"], "trap"),
    **dict.fromkeys(["miss", "unaccount"], "miss"),
    **dict.fromkeys(["burn", "gut", "torch", "burnt"], "burn"),
    **dict.fromkeys(["arrest", "detain"], "arrest"),
    # Shot: a fate of its own (the shot are the killed and the wounded), below any other class
    # its words name ("shot dead", "fatally shot", "shot and killed" are the toll).
    **dict.fromkeys(["shoot", "shot"], "shoot"),
}
# The people present at the scene ("five women were inside") are a class read from the words
# after the figure, not from a verb (readings.present).
CLASSES = frozenset([*EVENT_CLASS.values(), PRESENT])
# Classes whose count, when the object is not printed, is a count of people.
PEOPLE_CLASSES = {"kill", "wound", "displac", "rescu", "trap", "miss", "arrest", "shoot", PRESENT}
# (verb stems, what follows in the clause, class): verbs that say little alone.
_PHRASES = [
    ({"set"}, re.compile(r"\b(?:alight|ablaze|on fire)\b"), "burn"),
    # "Sixty passengers suffered injuries", "60 people sustained serious injuries"
    ({"suffer", "sustain"}, re.compile(r"\binjur"), "wound"),
    ({"pull", "brought", "bring", "dug", "dig", "free"}, re.compile(r"\balive\b"), "rescu"),
    ({"forc", "driven", "drive", "flee", "fled", "chase"},
     re.compile(r"\bfrom (?:their |his |her )?homes?\b"), "displac"),
    ({"lose"}, re.compile(r"\b(?:their|his|her) lives?\b"), "kill"),
    ({"catch", "caught"}, re.compile(r"\bfire\b"), "burn"),
    ({"take"}, re.compile(r"\binto custody\b"), "arrest"),  # "25 were taken into custody"
    # "claimed 41 lives", "has cost 41 lives", "took 41 innocent lives"
    ({"claim", "cost", "take", "lose"}, re.compile(r"^\W*(?:[\w-]+\s+)?lives\b"), "kill"),
]  # fmt: skip
# Verbs that state a fate the next words name: "23 people were confirmed dead", "12 were
# reported missing", "40 are feared trapped", "15 people are now known to have died".
_STATING = {"confirm", "report", "presum", "fear", "declar", "list", "believ", "record",
            "known"}  # fmt: skip
# Objects that name people by their fate or as the rest: people, for the count.
# "41 lives" (the stem "live", or "life" as WordNet reads the plural)
_PEOPLE = {"peopl", "person", "individu", "other", "survivor", "victim", "live", "life"}
# Objects that are a fate's count whatever the verb: the dead ("recovered 145 bodies", "found
# 160 corpses", "confirmed 41 deaths", "there were 41 fatalities"), the wounded ("60 injuries")
# and the displaced ("there are 14,000 refugees", "5,000 evacuees"). Not arrests: "Gray has four
# prior arrests", "50 arrests over four nights" are other counts than a night's arrested.
_FATE_NOUNS = {"bodi": "kill", "corps": "kill", "death": "kill", "fatal": "kill",
               "injuri": "wound", "refuge": "displac", "evacue": "displac"}  # fmt: skip
_STEP = {"more", "further", "additional", "other", "another"}


def fate_noun(obj: str) -> str | None:
    """The class of the fate the counted noun names ("bodies", "deaths", "injuries",
    "refugees"), or None; "two more bodies" is a step, not the count."""
    ws = words(obj)
    return _FATE_NOUNS.get(stem(ws[-1])) if ws and not set(ws) & _STEP else None


# Words the object phrase caught from the clause that are not the counted thing.
_TRAILING = {"alight", "ablaze", "alive", "dead", "free", "away", "off", "out", "more"}
# "the death toll ... rose to 23", "the number of container ships waiting ... rose to 61".
_TOLL = re.compile(r"\b(?:death toll|toll)\b")
_NUMBER_OF = re.compile(
    r"\b(?:number|total|count|tally|queue|backlog) of (?:the )?((?:[a-z-]+ ?){1,4})"
)
# Where the counted noun phrase after "number of" ends.
_PHRASE_END = {"in", "at", "from", "by", "off", "to", "on", "near", "across", "has", "have",
               "had", "was", "were", "is", "are", "who", "whose", "that", "which", "rose", "stood",
               "grew", "fell", "hit"}  # fmt: skip
# "leaving 38 container ships waiting", "left 300 people homeless": the word after the object.
_LEAVE = {"leav", "keep", "kept"}
# A figure in a sentence that names a past year, and no day of this week, counts something of
# that year ("33 miners were rescued in the 2010 collapse", "600,000 people ... devastated by
# Cyclone Idai in 2019"); "served a notice in 2025, hours after the collapse killed six people
# on Friday" is this week's news.
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# "the backlog of 74 ships", "a queue of 40 lorries": what waits, whatever the verb ("clear").
WAITING = "wait"
_WAITING_BEFORE = re.compile(
    r"\b(?:queues?|backlog|lines?) of (?:the |some |about |around |nearly |almost |over |"
    r"more than |at least )*$"
)
THIS_WEEK = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|"
    r"this week|this morning|hours)\b"
)


def event_class(event: str) -> str:
    """The event's class, or its stems ("were killed" -> "kill", "edged up" -> "edg up")."""
    stems = _stems(event)
    found = [EVENT_CLASS[s] for s in stems if s in EVENT_CLASS]
    if found:
        return next((c for c in found if c != "shoot"), found[0])
    return " ".join(stems)


def phrase_class(event: str, after: str, obj: str | None) -> str | None:
    """An event from a verb and the words after the figure ("setting ... alight", "leaving
    ... ships waiting", "burnt to death", "24 people dead" after "recorded", "five people had
    so far been confirmed dead", "14 children still trapped" after any verb), or None."""
    stems = set(_stems(event))
    for verbs, follows, cls in _PHRASES:
        if stems & verbs and follows.search(_phrase_window(after, stems).lower()):
            return cls
    if _TO_DEATH.search(after[:60]):
        return "kill"  # "the 3 bank employees were burnt to death", "suffocated to death"
    skip = set(words(obj or "")) | _AUXILIARY | {"to", "be", "as"}
    ws = words(after)[:8]
    # The stating verb printed after the figure: its next word names the fate.
    at = next((i for i, w in enumerate(ws) if _stem_of(w) in stems), None)
    if at is not None and stems & _STATING:
        ws = ws[at + 1 :]
    rest = [w for w in ws if w not in skip and w not in _ADVERBS
            and _stem_of(w) not in stems]  # fmt: skip
    if stems & (_LEAVE | _STATING):
        if rest and stem(rest[0]) in EVENT_CLASS:
            return EVENT_CLASS[stem(rest[0])]
        if rest and stems & _LEAVE and rest[0].endswith(("ed", "ing")):
            return event_class(rest[0])
    elif not stems & set(EVENT_CLASS) and rest and rest[0] in _STATE_PARTICIPLES:
        # "to evacuate an estimated 14 children still trapped": the verb is what is done to
        # them; the participle right after the counted noun says what they are.
        return EVENT_CLASS[stem(rest[0])]
    return None


def _phrase_window(after: str, stems: set[str]) -> str:
    """Where a phrase's rest is looked for: the words right after its verb when the verb comes
    after the figure ("Two buildings, one used by tax officials and another by regional
    authorities, also caught fire"), else the first words after the figure."""
    for m in re.finditer(r"[\w'-]+", after):
        if _stem_of(m.group().lower()) in stems:
            return after[m.end() : m.end() + _PHRASE_REACH]
    return after[:_PHRASE_REACH_FIGURE]


_PHRASE_REACH = 25  # characters after the verb
_PHRASE_REACH_FIGURE = 60  # characters after the figure ("setting 54 vehicles alight")
_ADVERBS = {"still", "now", "already", "reportedly", "so", "far"}
# "the death of three workers", "the shooting deaths of two co-workers": a toll as a noun.
_DEATHS_OF = re.compile(
    r"\b(?:deaths?|killings?|slayings?|murders?|bodies)(?: and \w+)? of (?:the |these |those |all )?$",
    re.IGNORECASE,
)
# "fatally shot eight people", "fatally injuring a woman": the verb's count is a toll.
# "fatally shot eight people", "shot to death one person", "beat to death two guards": the
# toll, whatever the verb (a sentence to death is not one).
_FATALLY = re.compile(
    r"\bfatally\s+[\w-]+\s+(?:[\w-]+\s+){0,2}$|"
    r"\b(?!sentenced\b|condemned\b)[\w-]+\s+to\s+death\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


# "Sixty residents were moved from their homes", "60 people spent the evening at a day care centre
# after being evacuated from their homes": whatever the verb, people put out of their homes are
# the displaced.
_FROM_HOMES = re.compile(r"^[^.;]*?\b[a-z]+(?:ed|en)\s+from\s+(?:their|his|her)\s+homes?\b",
                         re.IGNORECASE)  # fmt: skip


def from_homes(after: str) -> bool:
    """Does the clause after a figure say its people were put out of their homes?"""
    return bool(_FROM_HOMES.search(after))


def deaths_of(text_before: str) -> bool:
    return bool(_DEATHS_OF.search(text_before))


# "the injury of two others", "the wounding of 12 people": the wounded as a noun.
_INJURIES_OF = re.compile(
    r"\b(?:injury|injuries|injuring|wounding)(?: and \w+)? of (?:the |these |those |all )?$",
    re.IGNORECASE,
)


def injuries_of(text_before: str) -> bool:
    return bool(_INJURIES_OF.search(text_before))


def fatally(text_before: str) -> bool:
    return bool(_FATALLY.search(text_before))


# "burnt to death", "suffocated to death"; a sentence to death is not one.
_TO_DEATH = re.compile(r"^\W*(?:[\w-]+\s+){0,5}?(?!sentenced\b|condemned\b)[\w-]+\s+to death\b",
                       re.IGNORECASE)  # fmt: skip
# Participles after a counted noun that say what its members are ("still trapped", "missing").
_STATE_PARTICIPLES = {"trapped", "stranded", "missing", "unaccounted", "dead", "injured",
                      "wounded", "killed",
                      "displaced", "homeless"}  # fmt: skip
# Words that tell the injured by how badly ("30 people seriously injured"): another count, as
# the parts of a toll are ("48 of them seriously").
_SEVERITY = {
    "seriously",
    "critically",
    "severely",
    "gravely",
    "badly",
    "slightly",
    "lightly",
    "serious",
    "critical",
    "severe",
    "grave",
    "minor",
}  # "suffered serious injuries"
_SEVERITY_REACH = 6  # words after the figure: "eight people had suffered from serious injury"


def severity(cls: str, after: str) -> str:
    """The wounded told by how badly are a count of their own: "wound" -> "wound seri"."""
    if cls != "wound":
        return cls
    for w in words(after)[:_SEVERITY_REACH]:
        if w in _SEVERITY:
            return f"wound {stem(w)}"
        if stem(w) in EVENT_CLASS:
            break
    return cls


def participle_class(obj: str) -> tuple[str, str] | None:
    """("displaced people") -> ("displac", "people"): a class-naming participle before the
    counted noun, and the rest of the object."""
    ws = obj.split()
    if len(ws) >= 2 and _stems(ws[0]) and _stems(ws[0])[0] in EVENT_CLASS:
        return EVENT_CLASS[_stems(ws[0])[0]], " ".join(ws[1:])
    return None


def counted_in(sentence_before: str) -> tuple[str, str | None] | None:
    """(object, event or None) a count without an object reports, from the words before it:
    "the death toll ... rose to" -> people killed; "the number of X waiting rose to" -> X."""
    text = sentence_before.lower()
    found = list(_NUMBER_OF.finditer(text))
    if found:
        phrase: list[str] = []
        for w in found[-1].group(1).split():
            if w in _PHRASE_END:
                break
            if len(phrase) == 1 and stem(phrase[0]) in EVENT_CLASS:
                return "people", phrase[0]  # "the number of injured climbed to 310"
            if phrase and w.endswith(("ed", "ing")):
                return " ".join(phrase), w  # "container ships waiting", "people killed"
            phrase.append(w)
        if len(phrase) == 1 and stem(phrase[0]) in EVENT_CLASS:
            return "people", phrase[0]  # "the number of injured climbed to 310"
        if phrase:
            # "the queue of vessels grew to 40": what queues, waits
            queued = found[-1].group(0).split()[0] in ("queue", "backlog")
            return " ".join(phrase), ("waiting" if queued else None)
    if _TOLL.search(text):
        return "people", "kill"
    return None


# Verbs that give a count's new level ("the death toll rose to 23", "reached 74"): what the
# figure counts is their subject, named before it.
_CHANGE = {"rise", "climb", "reach", "increas", "jump", "stand", "stood", "mount", "grow", "soar",
           "top", "surpass", "exceed"}  # fmt: skip


def changes(event: str | None) -> bool:
    return bool(event) and bool(set(_stems(event)) & _CHANGE)


def waiting_before(text_before: str) -> bool:
    """Is the figure the size of a queue or backlog ("the backlog of" right before it)?"""
    return bool(_WAITING_BEFORE.search(text_before.lower()))


def people_object(obj_stems: list[str]) -> list[str]:
    return ["peopl"] if len(obj_stems) == 1 and obj_stems[0] in _PEOPLE else obj_stems


def strip_trailing(ws: list[str]) -> list[str]:
    while ws and ws[-1] in _TRAILING:
        ws = ws[:-1]
    return ws


# A clause that opens after a figure and tells of something else: "40 people were injured in
# the earthquakes, which rekindled memories of deadly quakes that hit the town in 2002"; a
# participle that describes the counted things ("has three prior convictions, spanning from 1990
# to 1991"); what the counted people stand accused of ("the trial of the two men accused of
# killing her in 2011": the trial is this week's).
_AFTER_CLAUSE = re.compile(
    r",\s+(?:which|who|whose|where|when|(?!during\b|according\b|morning\b|evening\b)"
    r"[a-z]+ing)\b|;\s|"
    r"\b(?:accused|suspected|charged|convicted)\s+(?:of|with|in)\b|"
    # "three prior DUI conviction spanning from 1990 to 1991": the years the things span
    r"\b(?:spanning|dating|ranging|stretching)\s+(?:from|back|between)\b",
    re.IGNORECASE,
)


def past_year(sentence: str, published_year: int | None, at: int = 0, skip: int = 0) -> bool:
    """Does the sentence name a year before the article's own, and no day of this week? A year
    in a relative clause that opens after the figure (at `at` in the sentence) is that clause's,
    not the figure's; the first `skip` characters (the article's own date stamp) are not read."""
    if published_year is None or THIS_WEEK.search(sentence.lower()):
        return False
    after = _AFTER_CLAUSE.search(sentence, max(0, at))
    own = sentence[skip : after.start() if after else len(sentence)]
    return any(int(y) < published_year for y in YEAR.findall(own))


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+|"
    rf"{_MONTH},?\s+|\d{{1,2}}\s*[/.]\s*\d{{1,2}}\s*[/.]\s*)(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_STAMP_WITHIN = 60  # a date that opens the body starts within this many characters


def stamp(body: str) -> re.Match[str] | None:
    """The date stamp that opens the body ("Updated Thu 6 May 2010, 9:03am AEST Three people
    died ...", "July 03, 2013 6:22AM AN EARTHQUAKE killed ..."): the article's own date, printed
    by its site, not the year of what its first sentence counts. The last date that starts
    near the top, or None."""
    found = None
    for m in _DATE.finditer(body, 0, _STAMP_WITHIN + 30):
        if m.start() < _STAMP_WITHIN:
            found = m
    return found


# Irregular past forms the stemmer leaves alone: inflections of one verb, not synonyms. WordNet's
# list (`verb_form`) reads the others; this one also forms that are words of their own ("shot",
# "left", "found", "rose"), which that list leaves out.
_IRREGULAR = {"fled": "flee", "lost": "lose", "struck": "strike", "shot": "shoot", "held": "hold",
              "took": "take", "taken": "take", "left": "leav", "fell": "fall", "fallen": "fall",
              "rose": "rise", "risen": "rise", "sold": "sell", "bought": "buy", "built": "build",
              "caught": "catch", "found": "find", "gave": "give", "given": "give", "sent": "send",
              "spent": "spend", "brought": "bring", "grew": "grow", "grown": "grow",
              "drove": "drive", "driven": "drive", "hit": "hit", "met": "meet", "paid": "pay",
              "won": "win", "beaten": "beat", "slain": "slay", "slew": "slay"}  # fmt: skip
_OWN = set(EVENT_CLASS) | _STATING
_AUXILIARY = {"be", "been", "being", "was", "were", "is", "are", "have", "has", "had", "got"}


def _stem_of(word: str) -> str:
    """A lower-case word's stem, or the base of an irregular form ("fled" -> "flee"); a word the
    classes name is itself ("stuck" is trapped, not a form of "stick"; "known" states)."""
    own = stem(word)
    return _IRREGULAR.get(word) or (own if own in _OWN else verb_form(word) or own)


def _stems(text: str) -> list[str]:
    return [_stem_of(w) for w in words(text) if w not in _AUXILIARY]
