"""Counts whose verb says nothing, read from the words around the figure (for `identity`).

- People present at a place: "two children were inside", "About 100 people were at work at the
  plant", "the other 100 workers inside", "where roughly 100 people were", "Ten pumps are in
  attendance", "a dozen people were at the party", "There was a dozen other people on the
  scene", "which had a dozen people inside". A copula has no class of its own, so without this reading such a count is not
  tracked at all; with it, the people present are one count whatever the outlet's words.
- Fire engines in the fire service's words: "Around 10 fire service pumps are in attendance",
  "eight fire appliances" are fire engines (a pump or an appliance of the fire service is one).
- A body by its size: "a 125-seat legislature", "the 2,507-member assembly", "an 18,000-strong
  staff" count the seats or members, not the legislature (enrich's object, as annotators write
  it): read so, "whose 2,507 members had to be approved" is the same count.
- A verb of purpose: "needed nine points ... to pass Phil Ford", "called a further four
  appliances to help": enrich may give the infinitive after the figure for its event; the past
  verb right before the figure is the count's (`main_verb`).
- Charges: "charged with two counts of murder", "arraigned on two murder charges": the counts of
  one crime are one count whatever the verb (charged, arraigned on, faces, pleaded to), and the
  crime, not "counts", is what is counted.
"""

from __future__ import annotations

import re

# The class of people present at the scene.
PRESENT = "present"
# The class of charges laid.
CHARGE = "charg"

_BE = {"is", "are", "was", "were", "be", "been", "being"}
_HAVE = {"has", "have", "had", "having"}
# Where people are said to be: inside the scene, aboard, at work, in attendance, or in a
# building named by its kind ("in the building", not "in critical condition", "in custody").
_WHERE = (
    r"(?:inside|aboard|on board|at work|in attendance|on the scene|in the (?:building|church|"
    r"plant|factory|office|house|home|school|mall|store|bank|theatre|theater|hall|mosque|"
    r"temple)|at the (?:party|scene|wedding|funeral|rally|concert|ceremony|celebration))"
)
# The figure's clause goes on to a copula and where they were ("including two children, were
# inside", "Five women, and possibly a couple of children, were inside the church").
_BE_WHERE = re.compile(rf"^[^.;:!?]{{0,80}}?\b(?:is|are|was|were)\s+(?:still\s+|all\s+)?{_WHERE}\b",
                       re.IGNORECASE)  # fmt: skip
# "the other 100 workers inside": the noun, then where they are.
_NOUN_WHERE = re.compile(r"^\s*(?:[\w'’-]+\s+){1,3}(?:inside|aboard|on board)\b", re.IGNORECASE)
# "entered where roughly 100 people were.": the copula closes the clause.
_WHERE_BEFORE = re.compile(
    r"\bwhere\s+(?:(?:about|around|roughly|some|nearly|almost|more than|at least|over)\s+)*$",
    re.IGNORECASE,
)
# "There was at least a dozen other people on the scene": a copula before the figure, and
# where they were after its noun.
_THERE_BEFORE = re.compile(
    r"\bthere\s+(?:is|are|was|were)\s+(?:(?:about|around|roughly|some|nearly|almost|more than|"
    r"at least|over|only|just)\s+)*$",
    re.IGNORECASE,
)
_NOUN_THEN_WHERE = re.compile(rf"^\s*(?:[\w'’-]+\s+){{1,3}}{_WHERE}\b", re.IGNORECASE)
_BE_ENDS = re.compile(r"^\s*(?:[\w'’-]+\s+){0,2}(?:is|are|was|were)\s*[.;,!?]", re.IGNORECASE)


def present(event: str | None, before: str, after: str) -> bool:
    """Does the figure count the people present at a place (see the module's docstring)? Only
    when enrich found no verb of the figure's own or a copula: a verb of its own ("100 people
    marched to the church, where 50 were inside") says what that count is."""
    if event and set(event.lower().split()) <= _HAVE:
        return bool(_NOUN_WHERE.search(after))  # "which had at least a dozen people inside"
    if event and not set(event.lower().split()) <= _BE:
        return False
    if _BE_WHERE.search(after) or _NOUN_WHERE.search(after):
        return True
    if _THERE_BEFORE.search(before) and _NOUN_THEN_WHERE.search(after):
        return True
    return bool(_WHERE_BEFORE.search(before)) and bool(_BE_ENDS.search(after))


# "two counts of (attempted) murder", "three charges of criminal vehicular homicide": after the
# figure; the crime's words run to the first word that is not the crime's.
_COUNTS_OF = re.compile(r"^\s*(?:counts?|charges?)\s+of\s+(.*)", re.IGNORECASE | re.DOTALL)
# "two murder charges", "two first-degree murder charges": the crime before the noun.
_CRIME_CHARGES = re.compile(
    r"^\s*((?:[a-z-]+\s+){1,3}?)(?:counts?|charges?)\b", re.IGNORECASE
)  # fmt: skip
_CRIME_ENDS = {"and", "or", "in", "for", "against", "at", "on", "over", "with", "after", "that",
               "which", "but", "the", "a", "an", "of", "to", "related", "including", "each",
               "while", "as", "from", "by"}  # fmt: skip
_CRIME_WORD = re.compile(r"[a-z][a-z-]*$")
_CRIME_WORDS = 3
_CHARGE_NOUNS = {"count", "counts", "charge", "charges"}
# A verdict before the figure: "convicted of two counts", "found Hiller guilty of two counts".
_VERDICT = re.compile(r"\b(?:convict\w*|acquitt\w*|(?:found|finding)\s+(?:[\w,]+\s+){0,4}guilty)\b",
                      re.IGNORECASE)  # fmt: skip
# The class of counts a verdict gives: another count than the charges laid (a jury may convict
# on fewer counts), whatever the crime.
VERDICT = "convict"


def charges(obj: str | None, before: str, after: str) -> tuple[str, str] | None:
    """(class, crime) of a count of charges ("charged with two counts of murder" -> charges of
    "murder", "arraigned on two murder charges" -> the same; "convicted of two counts of murder"
    -> a verdict's), or None when the figure counts no charges. The crime is one word:
    "attempted murder" is another crime, not a description of murder ("attempted-murder")."""
    if not obj or obj.split()[-1].lower() not in _CHARGE_NOUNS:
        return None
    m = _COUNTS_OF.search(after)
    if m:
        crime = []
        for raw in m.group(1).split()[:_CRIME_WORDS]:
            w = raw.rstrip(",;:.!?")
            if w in _CRIME_ENDS or not _CRIME_WORD.match(w):
                break  # a capitalised word is a name or the next sentence's: not the crime
            crime.append(w)
            if w != raw:
                break  # the clause ends
    else:
        m = _CRIME_CHARGES.search(after)
        crime = m.group(1).lower().split() if m else []
    if not crime:
        return None
    text = re.sub(r"\b(first|second|third) degree\b", r"\1-degree", " ".join(crime).lower())
    own = re.split(r"[.!?]\s", before)[-1]  # the figure's sentence: "if convicted. He's charged"
    return (VERDICT if _VERDICT.search(own) else CHARGE), "-".join(text.split())


# "10 fire service pumps", "eight fire appliances", "six fire and rescue tenders": right after the
# figure, the fire service's name for a fire engine ("12 pumps" alone may drain a flood).
_FIRE_ENGINE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?fire\s+(?:(?:and\s+rescue\s+)?service\s+)?"
    r"(?:pumps?|appliances?|tenders?)\b",
    re.IGNORECASE,
)
FIRE_ENGINES = "fire engines"


# The fire service named before the figure in its sentence ("Fire crews from Devon and Somerset
# Fire and Rescue ... called a further four appliances"): its pumps and appliances are engines.
_FIRE_SERVICE = re.compile(r"\bfire\s+(?:and\s+rescue|service|brigade|crews?|fighters?)\b|"
                           r"\bfirefighters?\b", re.IGNORECASE)  # fmt: skip
_ENGINE_WORD = re.compile(r"^\s*(?:pumps?|appliances?|tenders?)\b", re.IGNORECASE)


def fire_engines(obj: str | None, after: str, before: str = "") -> str | None:
    """The object, or "fire engines" when the figure counts the fire service's pumps or
    appliances ("Around 10 fire service pumps are in attendance", enrich's object "service
    pumps"; "Fire and Rescue ... called a further four appliances", the service named before):
    outlets name the same engines either way."""
    if obj and (_FIRE_ENGINE.search(after) or (_ENGINE_WORD.match(after)
                                                and _FIRE_SERVICE.search(before))):  # fmt: skip
        return FIRE_ENGINES
    return obj


# Right after the figure: the noun that sizes a body by its members or seats ("125-seat",
# "2,507-member", "18,000-strong", "a 20-man crew", "a 30-person company").
_SIZED = re.compile(r"^-(member|seat|strong|man|person)\b", re.IGNORECASE)


def sized(after: str) -> str | None:
    """The counted noun, "seats" or "members", when the figure sizes a body ("The 1,000-member
    evangelical church"), else None."""
    m = _SIZED.search(after)
    if m is None:
        return None
    return "seats" if m.group(1).lower() == "seat" else "members"


# Words between a verb and its counted figure ("called a further four", "needed just nine").
_BETWEEN = {"a", "an", "the", "further", "another", "just", "only", "up", "to", "more", "than",
            "at", "least", "about", "some", "nearly", "almost", "over", "around", "additional",
            "other"}  # fmt: skip
_WORDS = re.compile(r"[A-Za-z-]+")
_PURPOSE_REACH = 120  # characters after the figure where "to <event>" is looked for


def main_verb(event: str, before: str, after: str) -> str:
    """The verb a count belongs to: when enrich's event is an infinitive of purpose after the
    figure ("needed nine points in the game to pass Ford": "pass") and a past verb stands right
    before the figure (but for qualifiers and articles), that verb; else the event."""
    last = event.split()[-1:] if event else []
    if not last or not re.search(rf"\bto\s+{re.escape(last[0])}\b", after[:_PURPOSE_REACH]):
        return event
    ws = [w for w in _WORDS.findall(before) if w.lower() not in _BETWEEN]
    return ws[-1] if ws and ws[-1].lower().endswith("ed") else event


# Words that join two clauses: a verb before one of them is not the verb of a figure after it.
_COORDINATOR = re.compile(r"\b(?:and|but|while|whereas)\b|;", re.IGNORECASE)
_AUX = {"is", "are", "was", "were", "has", "have", "had", "been", "being"}
_STILL = {"still", "now", "also", "all", "reportedly", "so", "far", "already", "later", "since",
          "critically", "seriously", "badly", "slightly", "severely", "fatally"}  # fmt: skip
# A participle, or a fate's state word, that can be a figure's own verb after it.
_PARTICIPLE = re.compile(
    r"^(?:[a-z]{2,}ed|hurt|dead|missing|homeless|stuck|lost|shot|slain|taken|"
    r"driven|stolen|beaten|broken|fallen|thrown|hidden|left|held|found)$"
)
_OWN_WORDS = 4  # words after the figure (and its object) read for its own verb


def own_verb(event: str, before: str, after: str, obj: str | None) -> str | None:
    """The figure's own verb, printed after it, when enrich's event stands before the figure in
    another clause of its sentence: "At least nine people were killed and about 4,000 were
    forced from their homes" (enrich: "killed"; the 4,000's verb is "were forced"), "24 people
    were killed and more than 200 injured", "No one was injured, but ... two children, were
    inside". Else None. A copula followed by where they were stays a copula (`present`).
    `identity` keeps it only when it names a fate (a class) or the people present: "six men and
    one woman aged 19 to 32" is one clause, and "aged" no verb of the count's."""
    at = before.lower().rfind(event.lower())
    if at < 0 or not _COORDINATOR.search(before[at + len(event) :]):
        return None
    rest = after.lstrip()
    if obj and rest.lower().startswith(obj.lower()):
        rest = rest[len(obj) :]
    # After a comma the words may be an aside ("two men, believed to be managers"): only a
    # copula and where they were is the figure's own there.
    aside = rest.lstrip().startswith(",")
    ws = _WORDS.findall(rest[: rest.find(".") if "." in rest else len(rest)])[:_OWN_WORDS]
    ws = [w.lower() for w in ws]
    verb: list[str] = []
    for w in ws:
        if w in _AUX:
            verb.append(w)
        elif w in _STILL:
            continue
        elif _PARTICIPLE.match(w) and not aside:
            return " ".join([*verb, w])
        else:
            break
    if verb and verb[-1] in _BE and (_BE_WHERE.search(after) or _BE_ENDS.search(after)):
        return verb[-1]  # "two children, were inside"
    return None


# "a mother of 12", "the father of three", "a grandmother of five": the parent's children.
_PARENT_OF = re.compile(
    r"\b(?:(great-)?(grand)?(?:mother|father|parent|mom|mum|dad)s?)\s+of\s+$", re.IGNORECASE
)


def children_of(before: str, after: str, obj: str | None) -> str | None:
    """The counted children when the figure follows "mother of", "father of" ("A 59-year-old
    mother of two died", "Horton, a mother of 12, was fatally shot", "the mother of 12 children"):
    a count the parent has, whatever the verb of the sentence (which is the parent's), so the
    count has no verb. Enrich may give the parent for the object ("mother"); the counted thing is
    then her children (or grandchildren). Else None."""
    m = _PARENT_OF.search(before)
    if m is None:
        return None
    if obj and obj.islower() and after.lstrip().startswith(obj):
        return obj  # "the mother of 12 children", "the father of two daughters"
    return "grandchildren" if m.group(2) else "children"


# "the latest data of the fatality is only one person", "the death toll stood at 24": the toll
# named as the subject of a copula right before the figure.
_TOLL_IS = re.compile(
    r"\b(?:fatalit(?:y|ies)|(?:death\s+)?toll)\s+(?:is|was|are|were|stands\s+at|stood\s+at)\s+"
    r"(?:(?:only|just|about|around|at\s+least|nearly|now|still)\s+)*$",
    re.IGNORECASE,
)


def toll_is(before: str) -> bool:
    """Is the figure what the toll (or the fatalities) is said to be, the toll the subject of a
    copula right before it ("the fatality is only one person")? Then it counts the dead,
    whatever noun follows ("person") and whatever verb enrich gave ("is")."""
    return bool(_TOLL_IS.search(before))


# A shooting the words around the figure say was fatal: the figure shot, then "dead", "fatally"
# or "to death" ("shot one person dead", "He shot one man fatally"), or told in the passive with
# a second verb of death ("One man was shot and killed", "Two were shot dead"). Not the shooters
# ("Two officers shot and killed a teenager": the figure is the verb's subject, not its object).
_SHOT_BEFORE = re.compile(r"\b(?:shot|shoots?|shooting)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_DEAD_AFTER = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:dead|fatally|to\s+death)\b", re.IGNORECASE)
_SHOT_DEAD_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:was|were|is|are|(?:has|have|had)\s+been)\s+"
    r"(?:shot\s+(?:and\s+killed|dead|to\s+death|fatally)|fatally\s+shot)\b",
    re.IGNORECASE,
)


def shot_dead(before: str, after: str) -> bool:
    """Was the figure's shooting fatal (see `_SHOT_BEFORE`)? Then the count is the toll."""
    shot = bool(_SHOT_BEFORE.search(before)) and bool(_DEAD_AFTER.search(after))
    return shot or bool(_SHOT_DEAD_AFTER.search(after))


# A fate someone meant, tried or planned to bring, right before the figure ("attempting to kill
# three others", "may have intended to shoot another one"): an attempt, not the count of it.
_INTENDED = re.compile(
    r"\b(?:intend|plan|want|tried|try|trying|threaten|attempt|aim|hope|seek|sought|meant)\w*\s+"
    r"to\s+[a-z]+\s+(?:(?:an)?other\s+|the\s+|at\s+least\s+|up\s+to\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)


def intended(before: str) -> bool:
    """Is the figure the object of a fate someone only meant to bring (see `_INTENDED`)?"""
    return bool(_INTENDED.search(before))
