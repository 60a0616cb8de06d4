"""A byline's name as the page's lines are searched for it: its first two words of letters,
lower-cased ("By Lisa Kaczke; Trevor J Mitchell" -> "lisa kaczke"), found as whole words of a
line. `byline.py` looks for the meta author's name among the byline boxes, `dates.py` for the
byline's name beside a printed date, `text.py` for a meta author printed on the page.
"""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]+")


def letter_words(text: str) -> list[str]:
    return _LETTERS.findall(text.lower())


def name_key(author: str | None) -> str | None:
    """The first two words of the first name in a meta author ("Lisa Kaczke; Trevor J Mitchell"
    -> "lisa kaczke"); what trafilatura reads as the author may run on ("Ben Silverman Games
    Editor"), so only its head is looked for."""
    words = letter_words(re.split(r"[;,|]", author or "")[0])
    return " ".join(words[:2]) if len(words) >= 2 else None


def printed_in(key: str, line: str) -> bool:
    """Is the name's key printed in the line, as whole words?"""
    return f" {key} " in f" {' '.join(letter_words(line))} "
