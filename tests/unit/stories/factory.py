"""Hand-built enriched articles for the story engine's tests (no spaCy needed)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from newsflow_contracts.events import ArticleEnriched, Entity, Figure, Pipeline
from newsflow_stories.engine import StoryEngine

PIPELINE = Pipeline(version="test", model="none")


def article(
    body: str,
    *,
    title: str | None = None,
    published_at: str | None = "2018-12-06T10:00:00Z",
    entities: dict[str, str] | None = None,
    figures: list[dict[str, Any]] | None = None,
    aliases: dict[str, list[str]] | None = None,
    id: str | None = None,
    **meta: Any,
) -> ArticleEnriched:
    """An article whose entities are found by name in the body and whose figures are given as
    {"text": "300", "object": ..., "event": ..., "parent": ...}, located at their first match."""
    ents = []
    for name, type_ in (entities or {}).items():
        forms = [name, *(aliases or {}).get(name, [])]
        spans = [(m.start(), m.end()) for f in forms
                 for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", body)]  # fmt: skip
        ents.append(Entity(name=name, type=type_, aliases=(aliases or {}).get(name, []),
                           mentions=max(1, len(spans)), spans=spans))  # fmt: skip
    figs = []
    for f in figures or []:
        start = body.index(f["text"])
        s0 = max(body.rfind(". ", 0, start) + 2, body.rfind("\n", 0, start) + 1, 0)
        s1 = body.find(".", start)
        sentence = body[s0 : (s1 + 1 if s1 >= 0 else len(body))]
        value = f["value"] if "value" in f else float(f["text"].replace(",", ""))
        figs.append(Figure(value=value, text=f["text"], low=f.get("low"), high=f.get("high"),
                           qualifier=f.get("qualifier"), unit=f.get("unit"),
                           object=f.get("object"), event=f.get("event"), parent=f.get("parent"),
                           sentence=sentence, span=(start, start + len(f["text"]))))  # fmt: skip
    digest = hashlib.sha256((title or "").encode() + body.encode()).hexdigest()[:24]
    return ArticleEnriched(id=id or digest, title=title, body=body, language="en",
                           published_at=published_at, entities=ents, figures=figs,
                           pipeline=PIPELINE, **meta)  # fmt: skip


def reporter(
    lede: str, title: str, entities: dict[str, str], day: str = "2026-05-04"
) -> Callable[..., ArticleEnriched]:
    """Reports of one invented event: each opens with its lede and is published at an hour of day."""

    def report(body: str, figures: list[dict[str, Any]], hour: int = 10) -> ArticleEnriched:
        return article(lede + body, title=title, entities=entities, figures=figures,
                       published_at=f"{day}T{hour:02d}:00:00Z")  # fmt: skip

    return report


def one_story(*articles: ArticleEnriched) -> Any:
    """The one story the engine makes of these articles (fails if it makes more or none)."""
    engine = StoryEngine()
    for a in articles:
        engine.add(a)
    [story] = list(engine.stories())
    return story


def track_values(*articles: ArticleEnriched) -> dict[str, list[float]]:
    """Each figure track of the articles' one story, by key: its reports' values, sorted."""
    return {t.key: sorted(r.value for r in t.reports) for t in one_story(*articles).tracks}


def fig(
    text: str, obj: str | None, event: str | None, value: float, unit: str | None = None, **kw: Any
) -> dict[str, Any]:
    """A figure for `article`: its printed text, object, event, value, unit and any other field."""
    return {"text": text, "object": obj, "event": event, "value": value, "unit": unit, **kw}


HAJIN = {"Hajin": "LOC", "Syrian Democratic Forces": "ORG", "Islamic State": "ORG",
         "Syrian Observatory for Human Rights": "ORG", "Redur Khalil": "PERSON", "Syria": "LOC"}  # fmt: skip


def hajin(day: int, civilians: int, extremists: int, extra: str = "", **kw: Any) -> ArticleEnriched:
    body = (
        f"US-backed fighters of the Syrian Democratic Forces pushed into Hajin on day {day} of "
        "the assault on the last Islamic State pocket in eastern Syria, the Syrian Observatory "
        "for Human Rights said. "
        f"More than {civilians} civilians have been killed since the offensive began. "
        f"More than {extremists} extremists have been killed in the same period. "
        f"Redur Khalil said jihadists were using civilians as human shields in Hajin. {extra}"
    )
    figures = [{"text": str(civilians), "object": "civilians", "event": "killed",
                "qualifier": "more than"},
               {"text": str(extremists), "object": "extremists", "event": "killed",
                "qualifier": "more than"}] + kw.pop("figures", [])  # fmt: skip
    return article(body, title=kw.pop("title", f"SDF battles Islamic State in Hajin, day {day}"),
                   published_at=kw.pop("published_at", f"2018-12-{day:02d}T12:00:00Z"),
                   entities=HAJIN | kw.pop("entities", {}), figures=figures, **kw)  # fmt: skip


def quake(id: str, figures: list[dict[str, Any]] | None = None) -> ArticleEnriched:
    """A wire report of an earthquake in Ecuador (the story the matching tests join copies to)."""
    return article(
        "A powerful earthquake struck Ecuador's northern coast late on Friday near the port "
        "city of Esmeraldas, killing at least 120 people, the Geophysical Institute said.",
        title="Quake kills at least 120 in Ecuador", published_at="2026-07-04T05:00:00Z",
        entities={"Esmeraldas": "LOC", "Ecuador": "LOC", "Geophysical Institute": "ORG"}, id=id,
        figures=figures,
    )  # fmt: skip


def made_up_word(n: int) -> str:
    """A pronounceable word no dictionary knows, one per n: rare, so it carries weight."""
    out = ""
    for _ in range(3):
        n, r = divmod(n, 100)
        out += "bcdfghjklmnpqrstvwxz"[r % 20] + "aeiou"[r // 20]
    return out.capitalize() + "o"


def event_article(event: int, k: int) -> ArticleEnriched:
    """The k-th report on made-up event number `event`: a place, a leader, a toll that moves."""
    place, leader, thing = (
        made_up_word(event * 3),
        made_up_word(event * 3 + 1),
        made_up_word(event * 3 + 2).lower(),
    )
    toll = 10 + 3 * k
    body = (
        f"Fighting over the {thing} of {place} went on for a day, {leader} said. "
        f"At least {toll} villagers have been killed in {place} since the {thing} clashes began. "
        f"{leader} blamed rival militias for the {thing} dispute."
    )
    day, hour, minute = 1 + k, 2 + event % 20, (event // 20) % 60  # a day between reports
    return article(body, title=f"{leader} says {thing} clashes go on in {place}",
                   published_at=f"2019-03-{day:02d}T{hour:02d}:{minute:02d}:00Z",
                   entities={place: "LOC", leader: "PERSON"},
                   figures=[{"text": str(toll), "object": "villagers", "event": "killed",
                             "qualifier": "at least"}], id=f"ev{event:04d}-{k}")  # fmt: skip


def event_stream(events: int, per_event: int) -> list[ArticleEnriched]:
    """Articles of `events` made-up events, interleaved as a wire would carry them."""
    return [event_article(e, k) for k in range(per_event) for e in range(events)]
