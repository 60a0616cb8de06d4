"""The candidate entities of one article: every surface form, which entity it names, and the
votes for each entity's type; the curated alias table; how a mention's text becomes a form."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
# A possessive's apostrophe as printed: "Bloomberg’s", "Chardin ‘s" (a left quote, spaced).
_TRAILING = re.compile(r"(\s*[(\[{\-–—,;:]\s*|\s?[‘’']s|['’])+$")
STRONG = 5  # a cue outweighs this many spaCy labels
# spaCy's labels as entity types: places (GPE, LOC, FAC) are one type, LOC.
TYPES = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "NORP", "EVENT": "EVENT", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}  # fmt: skip


@dataclass
class Candidate:
    name: str
    forms: set[str] = field(default_factory=set)
    types: Counter[str] = field(default_factory=Counter)
    curated_type: str | None = None
    learned_type: str | None = None  # the learned typer's (entity_types), over spaCy's votes
    # The types a cue voted for (`Registry.cue`, or `add` with a cue's weight): what the rules
    # read beyond spaCy's labels, which `types` counts alike with five of spaCy's labels.
    cues: set[str] = field(default_factory=set)
    first: int = 0

    def vote(self, type_: str, weight: int = 1) -> None:
        """`weight` votes for `type_`; a cue's weight (`STRONG` or more) is a cue's vote."""
        self.types[type_] += weight
        if weight >= STRONG:
            self.cues.add(type_)

    def take_votes(self, other: Candidate) -> None:
        """Every type vote of `other`, its cues' among them."""
        self.types += other.types
        self.cues |= other.cues


@cache
def _table() -> list[dict[str, object]]:
    data = json.loads(
        resources.files("newsflow_enrich.data").joinpath("aliases.json").read_text("utf-8")
    )
    return list(data["entities"])


@cache
def curated() -> dict[str, tuple[str, str]]:
    """Every known form (lower-case) -> (canonical name, type)."""
    return {
        str(form).lower(): (str(row["name"]), str(row["type"]))
        for row in _table()
        for form in [row["name"], *row["aliases"]]  # type: ignore[list-item]
    }


@cache
def curated_forms() -> list[tuple[str, str, str]]:
    """(form as printed, canonical name, type) of every known form."""
    return [(str(form), str(row["name"]), str(row["type"]))
            for row in _table() for form in [row["name"], *row["aliases"]]]  # type: ignore[list-item]  # fmt: skip


@cache
def curated_aliases() -> dict[str, set[str]]:
    """Canonical name -> its known aliases."""
    return {str(row["name"]): set(row["aliases"]) for row in _table()}  # type: ignore[call-overload]


def clean_form(text: str) -> str:
    text = text.split("(")[0] if not text.startswith("(") else text
    text = _LEADING.sub("", text.strip().rstrip(")"))
    text = _TRAILING.sub("", text).strip()
    # "Sindh province": trailing lower-case words describe the name, they are not part of it.
    words = text.split()
    while len(words) > 1 and words[-1].isalpha() and words[-1].islower():
        words.pop()
    # "Bloomberg’s days": the possessive before the words just cut
    words = _TRAILING.sub("", " ".join(words)).split()
    # "Abuja.": a sentence's full stop, not an abbreviation's ("Corp.", "U.S.", "Jr.").
    if words and words[-1].endswith(".") and words[-1].count(".") == 1 \
            and len(words[-1]) > 2 and words[-1][:-1].lower() not in _ABBREVIATIONS:  # fmt: skip
        words[-1] = words[-1][:-1]
    return " ".join(words)


def occurrences(form: str, text: str, before: str = "", after: str = "",
                reject: Callable[[str, int], bool] | None = None) -> Iterator[tuple[int, int]]:  # fmt: skip
    """(start, end) of `form` wherever it stands as a word in `text`: exactly the matches of
    re.finditer(r"(?<![\\w<before>])" + re.escape(form) + r"(?![\\w<after>])", text), with
    `reject(text, end)` true where a further lookahead fails. A literal search: a pattern that
    opens with a lookbehind is tried at every character, and the entities stage searched every
    form of every entity through the whole text that way (9% of its time)."""
    if not form:  # an empty match at every boundary: left to re
        lookahead = r"(?![\w" + re.escape(after) + "])"
        for m in re.finditer(r"(?<![\w" + re.escape(before) + "])" + lookahead, text):
            if reject is None or not reject(text, m.end()):
                yield m.start(), m.end()
        return
    n, pos = len(form), 0
    while (start := text.find(form, pos)) != -1:
        end = start + n
        if (start == 0 or not _word(text[start - 1], before)) \
                and (end == len(text) or not _word(text[end], after)) \
                and (reject is None or not reject(text, end)):  # fmt: skip
            yield start, end
            pos = end
        else:
            pos = start + 1


def _word(ch: str, extra: str) -> bool:
    """`ch` is in the class [\\w<extra>] (re's \\w: str.isalnum() or the underscore)."""
    return ch.isalnum() or ch == "_" or ch in extra


_ABBREVIATIONS = {
    "corp",
    "inc",
    "co",
    "ltd",
    "jr",
    "sr",
    "bros",
    "st",
    "mt",
    "dr",
    "no",
    "gov",
    "gen",
    "col",
    "sgt",
    "capt",
    "rep",
    "sen",
    "ave",
    "blvd",
    "dept",
    "univ",
}


class Registry:
    """Candidates keyed by canonical name, and which candidate each surface form belongs to."""

    def __init__(self) -> None:
        self.cands: dict[str, Candidate] = {}
        self.by_form: dict[str, str] = {}
        self.by_lower: dict[str, str] = {}

    def add(self, form: str, type_: str | None, start: int, weight: int = 1) -> str:
        known = curated().get(form.lower())
        # "SANTA CLARA" in the dateline is "Santa Clara" in the story.
        name = (
            known[0] if known else self.by_form.get(form) or self.by_lower.get(form.lower(), form)
        )
        cand = self.cands.setdefault(name, Candidate(name=name, first=start))
        cand.first = min(cand.first, start)
        cand.forms.add(form)
        if known:
            cand.curated_type = known[1]
        if type_:
            cand.vote(type_, weight)
        self.by_form[form] = name
        self.by_lower.setdefault(form.lower(), name)
        return name

    def merge(self, *, into: str, form: str) -> None:
        """Make `form` (and whatever entity it named) part of entity `into`."""
        target = self.cands[into]
        old = self.by_form.get(form)
        if old and old != into and old in self.cands:
            donor = self.cands.pop(old)
            target.forms |= donor.forms
            target.take_votes(donor)
            target.curated_type = target.curated_type or donor.curated_type
            target.first = min(target.first, donor.first)
            for f in donor.forms:
                self.by_form[f] = into
        target.forms.add(form)
        self.by_form[form] = into

    def cue(self, name: str, type_: str) -> None:
        """A cue says entity `name` is of `type_`: it outweighs `STRONG` of spaCy's labels."""
        self.cands[name].vote(type_, STRONG)

    def drop(self, name: str) -> Candidate:
        """Remove entity `name` and the forms that named it (a mention read another way)."""
        cand = self.cands.pop(name)
        for table in (self.by_form, self.by_lower):
            for f in [f for f, n in table.items() if n == name]:
                del table[f]
        return cand

    def most_printed(self, names: Iterable[str]) -> str:
        """Of these entities, the one printed most (its mentions' summed weight), the first
        printed on a tie: the name two spellings of one entity merge under."""
        return max(names, key=lambda n: (sum(self.cands[n].types.values()), -self.cands[n].first))

    def type_of(self, name: str) -> str:
        c = self.cands[name]
        if c.curated_type:
            return c.curated_type
        if c.learned_type:
            return c.learned_type
        return c.types.most_common(1)[0][0] if c.types else "MISC"
