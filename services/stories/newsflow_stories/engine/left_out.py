"""The noun a count leaves out, where enrich gave it none (`identity.read`): its partitive
whole's, or a person noun printed after it that the parse did not reach. Without one the count
has no identity and no track ("there were five totally decked out, geared up riot squad
officers" in five copies of one wire story stayed untracked)."""

from __future__ import annotations

import re

from newsflow_contracts.events import ArticleEnriched

from newsflow_stories.engine import synonyms
from newsflow_stories.engine.text import stem

# Characters after a figure read for the noun it leaves out.
AFTER = 120


def left_out_noun(article: ArticleEnriched, n: int, start: int | None) -> str | None:
    """The noun of a count enrich gave none: its partitive whole's ("All seven of those who
    have been prosecuted were convicted", after "Eleven other FLDS men were charged"), or a
    person noun printed after it that the parse did not reach ("there were five totally decked
    out, geared up riot squad officers with guns")."""
    figs = article.figures
    fig = figs[n]
    if fig.object is not None or fig.unit is not None or start is None:
        return None
    if fig.parent is not None:
        whole = figs[fig.parent] if 0 <= fig.parent < len(figs) else None
        return whole.object if whole is not None and whole.unit is None else None
    return _person_after(article.body[fig.span[1] : fig.span[1] + AFTER])


# Words that end the counted phrase before its noun: a clause, a partitive, a comparison.
_PHRASE_STOPS = {"of", "and", "or", "but", "who", "that", "which", "than", "to", "in", "on",
                 "at", "for", "from", "by", "with", "as", "were", "was", "are", "is", "had",
                 "have", "has", "said", "the", "a", "an"}  # fmt: skip
_CLAUSE = re.compile(r"[.;:!?()\"“”]|\s[-–—]+\s")
_PHRASE_WORDS = 8


def _person_after(after: str) -> str | None:
    """The plural person noun that ends the count's phrase within `_PHRASE_WORDS` words of
    lower-case modifiers ("five totally decked out, geared up riot squad officers"), or None."""
    phrase = _CLAUSE.split(after, maxsplit=1)[0].replace(",", " ").split()
    for k, w in enumerate(phrase[:_PHRASE_WORDS]):
        if not w.islower() and not w.isupper() or w.lower() in _PHRASE_STOPS:
            return None
        if w.endswith("s") and synonyms.person(stem(w)):
            # "ballooned to over 100, workers said": the people who tell, not the counted
            return None if phrase[k + 1 : k + 2] and phrase[k + 1] in _TELLING else w
    return None


_TELLING = {"said", "say", "says", "told", "tell", "reported", "report", "reports", "added",
            "noted", "estimated", "estimate", "believe", "believed", "fear", "feared"}  # fmt: skip
