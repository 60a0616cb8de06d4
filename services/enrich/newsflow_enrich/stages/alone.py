"""Whether a form is used alone in the text, not only inside a longer name, and whether the
text prints a word in lower case (a capitalised form may then be the common word)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain

from newsflow_enrich.stages import titles
from newsflow_enrich.stages.registry import occurrences


def printed_lower(word: str, text: str) -> bool:
    """The text prints `word` in lower case, as a word of its own ("health" beside "Health"):
    then the capitalised form may be that common word at a sentence's start, not a name."""
    return next(occurrences(word.lower(), text), None) is not None


# A middle initial ("Kevin C. Downs") is inside a name, not a sentence's end before the form
# (one that ends a line is: "on the platform X.\n\nKarahan said"); "I" and its contractions
# ("I'm Jim") start no name.
_INITIAL = re.compile(r"[A-Z]\. ")
_FIRST_PERSON = re.compile(r"I(?:['’](?:m|d|ll|ve))?")


def outside(form: str, longer: Iterable[str], text: str) -> list[int]:
    """The starts of `form`'s prints that lie in no print of the `longer` forms ("Roosevelt"
    said alone, not inside "James Roosevelt")."""
    spans = [(a, b) for f in longer for a, b in occurrences(f, text)]
    return [st for st, _ in occurrences(form, text) if not any(a <= st < b for a, b in spans)]


def used_alone(form: str, text: str, function_word: bool = False) -> bool:
    """The form occurs as a word, not only inside a longer capitalised name; a compound with a
    lower-case word counts ("a Jobs-like persona"); "the Peterson family" names a family, "the
    Haqqani network" a group and "Moore’s Law" a law. With `function_word`, also after a
    sentence's capitalised stop word ("But Finney asserts", "To Williamson, the purchase")."""
    uses = chain(occurrences(form, text, "-", "-", capital_word_next),
                 occurrences(form, text, "-", "", _lower_compound))  # fmt: skip
    for start, end in uses:
        if _FAMILY.match(text, end):
            continue
        prev = re.search(r"([\w.'’-]+)\s$", text[max(0, start - 40) : start])
        if prev is None or not prev.group(1)[:1].isupper() \
                or prev.group(1).endswith(".") and not _INITIAL.fullmatch(prev.group()) \
                or prev.group(1) in ("The", "A", "An") or _FIRST_PERSON.fullmatch(prev.group(1)) \
                or prev.group(1).lower() in titles.HONORIFICS \
                or function_word and prev.group(1).lower() in _FUNCTION_WORDS:  # "Dr Fauci" is Fauci alone  # fmt: skip
            return True
    return False


_FAMILY = re.compile(r"s?\s(?:family|families|household|clan|brothers|sisters|siblings|twins"
                     r"|network)\b"  # "the Haqqani network": the group a family leads
                     # "Moore’s Law", "Down’s syndrome": a thing named after the person
                     r"|['’]s (?:[Ll]aw|[Ss]yndrome|[Dd]isease|[Tt]heorem|[Pp]rinciple|[Pp]aradox"
                     r"|[Rr]azor|[Cc]onstant)\b")  # fmt: skip


# Conjunctions and prepositions that open a sentence before a name ("But Finney asserts", "And
# Hannity", "To Williamson, the purchase ..."); no verb ("Go Shanti!", a book's title).
_FUNCTION_WORDS = {"and", "but", "or", "so", "yet", "although", "though", "while", "when",
                   "as", "if", "because", "since", "after", "before", "to", "for", "with", "from",
                   "by", "at", "on", "in", "of", "then", "now", "like", "unlike"}  # fmt: skip


def _lower_compound(text: str, end: int) -> bool:
    """Not (?=-[a-z]) at `end`: rejects all but a compound with a lower-case word ("a
    Jobs-like persona", "Trump-era rules"), which names the person alone."""
    return not (text[end : end + 1] == "-" and text[end + 1 : end + 2].islower())


def capital_word_next(text: str, end: int) -> bool:
    """(?= [A-Z]) at `end`: a capitalised word follows ('Police' in 'Police Scotland')."""
    return text[end : end + 1] == " " and "A" <= text[end + 1 : end + 2] <= "Z"
