"""Synthetic story snapshots (`StoryUpdated`), for the story search tests and benchmark.

Built from bench/synthetic.py's vocabulary with a seeded RNG, so a test can count by brute force
what a story search should return.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from newsflow_contracts.stories import (
    FigureReport,
    FigureTrack,
    Story,
    StoryArticle,
    StoryEntity,
    StoryUpdated,
)

from bench.synthetic import AGENCIES, OBJECTS, ORGS, PEOPLE, PLACES, SOURCES, WORDS

EVENTS = ["killed", "injured", "fled", "evacuated", "destroyed"]


def story(i: int, rng: random.Random, prefix: str = "syn") -> StoryUpdated:
    sid = f"{prefix}-story-{i:06d}"
    place = rng.choice(PLACES)
    start = datetime(2024, 1, 1) + timedelta(hours=rng.randint(0, 24 * 600))
    articles = []
    for j in range(rng.randint(1, 12)):
        at = start + timedelta(hours=j * rng.randint(1, 20))
        articles.append(StoryArticle(
            id=f"{sid}-a{j}", title=f"{place}: {' '.join(rng.sample(WORDS, 5))}",
            url=f"https://news.test/{sid}/{j}", source=rng.choice(SOURCES),
            agencies=rng.sample(AGENCIES, rng.randint(0, 2)), published_at=at.isoformat(),
            dateline=place.upper()))  # fmt: skip
    names = ([(n, "PERSON") for n in rng.sample(PEOPLE, 2)]
             + [(n, "ORG") for n, _ in rng.sample(ORGS, 2)] + [(place, "LOC")])  # fmt: skip
    entities = [StoryEntity(name=n, type=t, count=rng.randint(1, len(articles))) for n, t in names]
    entities.sort(key=lambda e: -e.count)
    tracks = []
    for obj, event in rng.sample([(o, e) for o in OBJECTS[:4] for e in EVENTS], rng.randint(0, 3)):
        value = float(rng.choice([3, 12, 40, 120, 300]))
        reports = []
        for a in articles[: rng.randint(1, len(articles))]:
            value = value * rng.choice([1, 1.5, 2, 3])
            reports.append(FigureReport(
                article_id=a.id, figure=0, value=value, qualifier=rng.choice([None, "at least"]),
                text=f"{int(value):,}", source=a.source, agencies=a.agencies,
                published_at=a.published_at))  # fmt: skip
        values = [r.value for r in reports]
        tracks.append(FigureTrack(key=f"{event}|{obj}|{place}", object=obj, event=event,
                                  place=place, reports=reports, latest=values[-1],
                                  highest=max(values), lowest=min(values)))  # fmt: skip
    snapshot = Story(
        id=sid, title=articles[0].title, first_at=articles[0].published_at,
        last_at=articles[-1].published_at, articles=articles,
        sources=sorted({a.source for a in articles if a.source}),
        agencies=sorted({g for a in articles for g in a.agencies}), datelines=[place.upper()],
        entities=entities, tracks=tracks)  # fmt: skip
    return StoryUpdated(story_id=sid, kind="article_added", article_id=articles[-1].id,
                        story=snapshot)  # fmt: skip


def stories(n: int, seed: int = 7, prefix: str = "syn") -> Iterator[StoryUpdated]:
    rng = random.Random(seed)
    for i in range(n):
        yield story(i, rng, prefix)
