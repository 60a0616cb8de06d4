"""A figure's counted thing as a track key reads it (`identity`): words lower-cased and stemmed,
an entity's alias made its canonical name, leading qualifiers dropped, a compound written open
made the word English writes closed, an acronym's plural the acronym, and a dash printed without
spaces the end of the object."""

from __future__ import annotations

import re

from newsflow_stories.engine import counts
from newsflow_stories.engine.synonyms import noun_form
from newsflow_stories.engine.text import closed, stem, words

_LEADING = {"the", "a", "an", "some", "more", "than", "about", "around", "nearly", "almost",
            "at", "least", "over", "other", "another", "of", "up", "to"}  # fmt: skip

# An acronym's plural is the acronym ("KOs", "KO's" = "KO"; "CEOs" = "CEO").
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})['’]?s\b")

# A dash printed without spaces before the next words ("for only three defeats-and his 16th",
# "The three bank workers-two women and a man"): not a compound; the object ends at the dash.
_GLUED = re.compile(
    r"(?<![\w-])([A-Za-z]+)-(?:and|or|but|nor|a|an|the|his|her|its|their|one|"
    r"two|three|four|five|six|seven|eight|nine|ten)(?=\s|$).*$",
    re.DOTALL,
)
# Nouns that name one thing in damage reports: "two houses were flattened" = "two homes".
_SAME_THING = {"home": "hous", "homes": "hous"}


def normalize_event(event: str) -> str:
    return counts.event_class(event)


def normalize_object(obj: str, aliases: dict[str, str]) -> str:
    for alias in sorted(aliases, key=lambda a: (-len(a), a)):
        obj = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", aliases[alias], obj)
    obj = _GLUED.sub(r"\1", obj)  # "three defeats-and his 16th": a dash printed without spaces
    ws = counts.strip_trailing(words(_ACRONYM_PLURAL.sub(r"\1", obj)))
    while ws and ws[0] in _LEADING:
        ws = ws[1:]
    one = closed(*ws[-2:]) if len(ws) >= 2 else None
    if one:
        ws = [*ws[:-2], one]  # "Web sites" = "websites"
    stems = [_SAME_THING.get(w) or noun_form(w) or stem(w) for w in ws]  # "children" = "child"
    return " ".join(counts.people_object(stems))
