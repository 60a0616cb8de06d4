"""A synthetic corpus of enriched articles, for search tests and the search benchmark.

Articles are built from a fixed vocabulary with a seeded RNG, so a test can count by brute force
what the search engine should return.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from newsflow_contracts.events import ArticleEnriched, Entity, Figure, Pipeline

PEOPLE = [
    "Redur Khalil",
    "Rami Abdelrahman",
    "Rosa Castillo",
    "Jorge Medina",
    "Alicia Moreno",
    "Daniel Whitmore",
    "Ali Yerlikaya",
    "Petra Lindqvist",
    "Marcus Hale",
    "Romain Hugonnet",
]
ORGS = [
    ("Syrian Democratic Forces", ["SDF"]),
    ("Islamic State", ["Daesh", "IS"]),
    ("World Health Organization", ["WHO"]),
    ("European Union", ["EU"]),
    ("Chicago Transit Authority", ["CTA"]),
    ("Harbor Trust Bank", []),
    ("National Office of Electoral Processes", ["ONPE"]),
    ("Turkish Red Crescent", []),
]
PLACES = [
    "Hajin",
    "Qamishli",
    "Syria",
    "Iraq",
    "Turkey",
    "Malatya",
    "Lima",
    "Chicago",
    "Paris",
    "Kabul",
    "Beirut",
    "London",
]
AGENCIES = ["AFP", "Reuters", "Associated Press"]
SOURCES = ["wire.test", "daily.test", "globe.test", "post.test", "herald.test"]
OBJECTS = ["civilians", "fighters", "people", "homes", "jobs", "votes", "soldiers", "buildings"]
EVENTS = ["killed", "fled", "cut", "damaged", "cast", "injured", "evacuated", "destroyed"]
WORDS = ["attack", "offensive", "town", "pocket", "corridor", "border", "coalition", "monitor", "council", "budget", "vote", "election", "quake", "rescue", "flood", "court", "trial", "verdict", "market", "shares", "inflation", "strike", "talks", "ceasefire", "aid", "shelter", "hospital", "school", "bridge", "road", "port", "airport"]  # fmt: skip


def _sentence(rng: random.Random, names: list[str]) -> str:
    words = rng.sample(WORDS, 8)
    return f"{rng.choice(names)} said the {words[0]} near the {words[1]} {' '.join(words[2:])}."


def article(i: int, rng: random.Random) -> ArticleEnriched:
    people = rng.sample(PEOPLE, rng.randint(1, 3))
    orgs = rng.sample(ORGS, rng.randint(1, 3))
    places = rng.sample(PLACES, rng.randint(1, 3))
    sentences = [_sentence(rng, people + places) for _ in range(rng.randint(6, 14))]
    figures = []
    for _ in range(rng.randint(0, 3)):
        value = float(rng.choice([3, 17, 34, 120, 300, 820, 1000, 5000]))
        obj, ev = rng.choice(OBJECTS), rng.choice(EVENTS)
        text = f"{int(value):,}"
        sentence = f"More than {text} {obj} were {ev}, officials said."
        sentences.append(sentence)
        figures.append(Figure(value=value, text=text, qualifier="more than", object=obj, event=ev,
                              sentence=sentence, span=(0, len(text))))  # fmt: skip
    body = " ".join(sentences)
    entities = [Entity(name=n, type="PERSON", mentions=1, spans=[]) for n in people]
    entities += [Entity(name=n, type="ORG", aliases=a, mentions=1, spans=[]) for n, a in orgs]
    entities += [Entity(name=n, type="LOC", mentions=1, spans=[]) for n in places]
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))
    return ArticleEnriched(
        id=f"syn-{i:07d}", url=f"https://{rng.choice(SOURCES)}/a/{i}", source=rng.choice(SOURCES),
        title=f"{rng.choice(places)}: {' '.join(rng.sample(WORDS, 5))}",
        byline=None, agencies=rng.sample(AGENCIES, rng.randint(0, 2)),
        published_at=published.isoformat(), dateline=rng.choice(places).upper(), language="en",
        body=body, entities=entities, figures=figures,
        pipeline=Pipeline(version="synthetic", model="none"),
    )  # fmt: skip


def corpus(n: int, seed: int = 7) -> Iterator[ArticleEnriched]:
    rng = random.Random(seed)
    for i in range(n):
        yield article(i, rng)
