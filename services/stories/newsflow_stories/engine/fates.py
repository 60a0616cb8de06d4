"""A fate's count of people, as the story join reads it (`engine`, `StoryConfig.fate_size_weight`).

"Three people died when an Athens bank went up in flames", "shot three people", "killing two
women": a report that gives the count of people a story's track already holds for the same
fate (killed, wounded, shot, arrested, missing, displaced, rescued, trapped) is most likely a
report of that event, even in words of its own. Only people are counted (a person noun or
"people": "missed two games" is no one's fate), and not a count a past time dates, one a
sentence restates, nor one with a unit.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsflow_contracts.events import ArticleEnriched

from newsflow_stories.engine import counts, synonyms
from newsflow_stories.engine.identity import Read, identities
from newsflow_stories.engine.kinds import Identity
from newsflow_stories.engine.years import PageDate

Fate = tuple[str, float]  # (event class, value)

_FATES = counts.PEOPLE_CLASSES - {counts.PRESENT}


def of_people(event: str, obj: str, unit: str | None) -> bool:
    """Is (normalized) event and object a fate's count of people?"""
    noun = (obj.split() or [""])[-1]
    return event in _FATES and unit is None and (noun == "peopl" or synonyms.person(noun))


def article_fates(article: ArticleEnriched, date: PageDate, read_: Read) -> frozenset[Fate]:
    """The fates' counts of people the article reports (`read_`: `identity.read`'s), as a
    story's tracks would read them before the story's own tracks are known."""
    idents = identities(article, date, (), read_)
    return frozenset(
        (ident.event, fig.value)
        for fig, ident in zip(article.figures, idents, strict=True)
        if ident is not None and _reported(ident)
    )


def _reported(ident: Identity) -> bool:
    return of_people(ident.event, ident.object, ident.unit) and not (ident.past or ident.restates)


def track_fates(event: str, obj: str, unit: str | None, values: Iterable[float]) -> set[Fate]:
    """The (fate, value) pairs a track's reports give, when it counts a fate's people."""
    return {(event, v) for v in values} if of_people(event, obj, unit) else set()
