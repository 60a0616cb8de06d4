"""Synthetic growth for the cost curve of `bench/stories`: the gold stream cloned over time.

Copy k of the base stream is shifted k periods later (a period is the base stream's span plus
ten days, so a copy starts after every story of the one before could have closed) and every
entity name in it is renamed (a Caesar shift of its letters by k, so spans into the body stay
valid): copies look like new stories about new people and places, with the base stream's
density of stories per day. A stream of N articles is what one would see after N articles of a
real feed, not N articles at once.

`one_story` is the other growth: one event reported thousands of times (an election, a war; the
cluster's fault tests stream thousands of such short articles), so that one story grows to
thousands of articles and its figure tracks to thousands of reports (bench/stories_big.py).
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from newsflow_contracts.events import ArticleEnriched, Entity, Figure, Pipeline


def caesar(text: str, k: int) -> str:
    """Letters shifted by k within their case; everything else (and the length) kept."""
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def _names_pattern(event: ArticleEnriched) -> re.Pattern[str] | None:
    names = {n for e in event.entities for n in (e.name, *e.aliases) if len(n) >= 3}
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b")


def clone(event: ArticleEnriched, k: int, shift: timedelta) -> ArticleEnriched:
    """Copy k of one enriched article: new id, later time, renamed entities."""
    if k == 0:
        return event
    pattern = _names_pattern(event)

    def rename(text: str | None) -> str | None:
        if text is None or pattern is None:
            return text
        return pattern.sub(lambda m: caesar(m.group(0), k), text)

    at = event.published_at
    if at:
        at = (datetime.fromisoformat(at) + shift * k).isoformat()
    return event.model_copy(update={
        "id": hashlib.sha256(f"{event.id}/{k}".encode()).hexdigest()[:24],
        "url": f"{event.url}?copy={k}" if event.url else None,
        "title": rename(event.title), "body": rename(event.body), "dateline": rename(event.dateline),
        "captions": [rename(c) for c in event.captions], "published_at": at,
        "entities": [e.model_copy(update={"name": caesar(e.name, k),
                                          "aliases": [caesar(a, k) for a in e.aliases]})
                     for e in event.entities],
        "figures": [f.model_copy(update={"sentence": rename(f.sentence)}) for f in event.figures],
    })  # fmt: skip


def period(events: Sequence[ArticleEnriched]) -> timedelta:
    times = [datetime.fromisoformat(e.published_at) for e in events if e.published_at]
    return max(times) - min(times) + timedelta(days=10)


def grown(base: Sequence[ArticleEnriched], n: int) -> Iterator[ArticleEnriched]:
    """The first n articles of the base stream (in time order) repeated as renamed copies."""
    shift = period(base)
    for i in range(n):
        k, j = divmod(i, len(base))
        yield clone(base[j], k, shift)


# One place and one person, so that every article reports the same event; counts of a few
# things, so that a few tracks grow long.
_THINGS = ["civilians", "fighters", "homes", "schools"]
_EVENTS = ["killed", "fled", "damaged", "closed"]
NOUNS = ["bridge", "road", "port", "airport", "market", "council", "court", "hospital", "school",
         "shelter", "border", "town", "corridor", "station", "harbour", "factory"]  # fmt: skip


def short_report(i: int, place: str, person: str, count: int, thing: str, event: str,
                 nouns: Sequence[str]) -> str:  # fmt: skip
    """The two-sentence report of `one_story` and of the cluster fault tests' load
    (tests/faults/cluster/load.py): where, how many of what and what happened to them, who said
    it; `nouns` are three of NOUNS."""
    a, b, c = nouns
    return (f"{place.upper()} — More than {count} {thing} were {event} near the {a} on day "
            f"{i} of the {b} dispute, {person} said. The {c} stays shut until further "
            f"notice, officials in {place} said.")  # fmt: skip


def _spans(body: str, name: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(name), body)]


def one_story(n: int, seed: int = 0, place: str = "Hajin",
              person: str = "Redur Khalil") -> Iterator[ArticleEnriched]:  # fmt: skip
    """n short enriched articles on one event, one every 30 s (all inside the join window)."""
    rng = random.Random(seed)
    start = datetime(2018, 12, 6, 6, 0, 0)
    for i in range(n):
        nouns = rng.sample(NOUNS, 3)
        count, thing, event = rng.randint(2, 9000), rng.choice(_THINGS), rng.choice(_EVENTS)
        body = short_report(i, place, person, count, thing, event, nouns)
        first = body.index(". ") + 1
        at = body.index(str(count))
        figure = Figure(value=count, text=str(count), qualifier="more than", object=thing,
                        event=event, sentence=body[:first], span=(at, at + len(str(count))))  # fmt: skip
        entities = [Entity(name=name, type=type_, mentions=len(_spans(body, name)),
                           spans=_spans(body, name))
                    for name, type_ in ((place, "LOC"), (person, "PERSON"))]  # fmt: skip
        yield ArticleEnriched(
            id=hashlib.sha256(f"one-story/{seed}/{i}".encode()).hexdigest()[:24],
            url=f"https://big.test/{seed}/{i}", source="big.test", title=f"{place}: {nouns[0]} {i}",
            published_at=(start + timedelta(seconds=30 * i)).isoformat() + "Z",
            dateline=place.upper(), language="en", body=body, entities=entities,
            figures=[figure], pipeline=Pipeline(version="bench", model="none"),
        )  # fmt: skip
