"""An article's features: a word vector (title and body) and an entity vector, both unit length.

Words are stemmed (Snowball) and weighted by rarity in English (wordfreq's Zipf scale: 7.7 for
"the", 4.1 for "civilians", 0 for a word it does not know), so the state needs no document
frequencies of its own: a replay or a restart weighs every word as the first run did.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

import snowballstemmer
from newsflow_contracts.events import ArticleEnriched
from wordfreq import zipf_frequency

from newsflow_stories.engine.config import StoryConfig

Vector = dict[str, float]
# A word weighs ZIPF_MAX minus its Zipf frequency: "the", "of", "and" weigh nothing (no stop
# list needed), "said" 0.5, "killed" 1.3, "civilians" 2.4, a name wordfreq never saw 6.5.
ZIPF_MAX = 6.5
# An entity always counts a little, even a common one ("United States", Zipf 5.2).
ENTITY_FLOOR = 0.5
# An entity's aliases (the acronym "INGD" of "Instituto Nacional de Gestao ...", a short form)
# are keys too, at this share of its weight: a later report may use the alias alone, which
# enrich then makes the entity's name; half, so that a name with many forms does not outweigh
# the rest.
ALIAS_WEIGHT = 0.5
# The rare words of a name that is not a person's ("andina" of "Telecom Andina", "aceh" of
# "Banda Aceh") are keys too, at ALIAS_WEIGHT: outlets and the NER cut names differently
# ("Telecom Andina" in one report, "Andina" in the next), and a word this rare in English
# (Zipf below 3.5: not "bank", "national", "church") names the same thing. A person's name is
# already keyed by the surname.
PART_RARITY = 3.0
# Places count half: many events happen in one city; people and organisations are more telling.
TYPE_FACTOR = {"LOC": 0.5}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    return max(0.0, ZIPF_MAX - zipf_frequency(word, "en"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


@lru_cache(maxsize=200_000)
def term(word: str) -> tuple[str, float] | None:
    """A word's stem and weight, or None for a word that carries nothing ("the", "a")."""
    w = rarity(word)
    return (stem(word), w) if w > 0 and len(word) > 1 else None


def normalized(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def top(vec: Vector, n: int) -> Vector:
    """The n heaviest entries, heaviest first (ties by key, so the order is reproducible)."""
    return dict(heapq.nsmallest(n, vec.items(), key=lambda kv: (-kv[1], kv[0])))


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# A compound written open is the word written closed when English prints that word this often
# (Zipf; "websites" 4.2, "firefighters" 3.6, "grandkids" 3.1; "bankworkers" 0).
CLOSED_ZIPF = 3.0


@lru_cache(maxsize=200_000)
def closed(first: str, second: str) -> str | None:
    """Two words written open that English also writes closed, as the one word ("web" "sites"
    -> "websites", "fire" "fighters" -> "firefighters"), else None."""
    if not (first.isalpha() and second.isalpha()):
        return None
    joined = first + second
    return joined if zipf_frequency(joined, "en") >= CLOSED_ZIPF else None


def counted_words(article: ArticleEnriched, config: StoryConfig) -> Counter[str]:
    """The article's words (lower case), the title's counted twice more."""
    seen = Counter(words(article.body[: config.max_chars]))
    for word in words(article.title or ""):
        seen[word] += 2
    return seen


def text_vector(article: ArticleEnriched, config: StoryConfig,
                seen: Counter[str] | None = None) -> Vector:  # fmt: skip
    """Stemmed words of title (counted twice) and body, sublinear tf x rarity, top N, unit length.

    Words of entity names are left out: the entity vector has them, and without them this one
    says what happened (a fire, a marathon), which is what tells two events in one city apart.
    """
    named = {w for e in article.entities for n in (e.name, *e.aliases) for w in words(n)}
    if seen is None:
        seen = counted_words(article, config)
    counts: dict[str, int] = {}
    weight: dict[str, float] = {}
    for word, times in seen.items():
        t = term(word)
        if t is None or word in named:
            continue
        s, w = t
        counts[s] = counts.get(s, 0) + times
        weight[s] = max(weight.get(s, 0.0), w)
    vec = {s: (1 + math.log(c)) * weight[s] for s, c in counts.items()}
    return normalized(top(vec, config.article_terms))


# Name parts that are not a surname ("Martin Luther King Jr." is King).
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@lru_cache(maxsize=200_000)
def entity_key(name: str, type_: str) -> str:
    """What two outlets' names of one entity share: accents and case folded ("Sánchez" =
    "Sanchez"), and for a person the surname alone. Outlets and transliterations differ in
    given names ("Gurbanguly" / "Gurbanguli" / "Kurbanguly Berdymukhamedov") and often give the
    surname alone after the first mention, which enrich then keeps as its own entity."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    parts = words(folded)
    if type_ == "PERSON":
        parts = [p for p in parts if p not in _SUFFIXES][-1:] or parts
    return " ".join(parts) or folded.strip()


def entity_vector(article: ArticleEnriched) -> tuple[Vector, dict[str, str]]:
    """Entity keys (`entity_key`; aliases and a name's rare words at ALIAS_WEIGHT) weighted by
    rarity and mentions; the agencies credited and the dateline place are left out (every AFP
    story names AFP, every Beirut dateline Beirut), the dateline place however often the text
    names it again: it says where the reporter files from, and two events filed from one city
    on one day share it (a Dhaka market fire and a Dhaka bus crash; the bus report names Dhaka
    twice more).
    Returns the vector and, for display, each canonical name kept with its type."""
    skip = {a.lower() for a in article.agencies}
    if article.source:
        skip.add(article.source.lower())
    dateline = (article.dateline or "").lower()
    vec: Vector = {}
    types: dict[str, str] = {}
    for e in article.entities:
        name = e.name.strip()
        if not name or name.lower() in skip or name.lower() == dateline:
            continue
        w = max(ENTITY_FLOOR, rarity(name)) * (1 + math.log(max(1, e.mentions)))
        w *= TYPE_FACTOR.get(e.type, 1.0)
        key, others = _keys(name, e.aliases, e.type)
        vec[key] = vec.get(key, 0.0) + w
        for alias in sorted(others):
            vec[alias] = vec.get(alias, 0.0) + w * ALIAS_WEIGHT
        types.setdefault(name, e.type)
    return normalized(top(vec, 40)), types


def _keys(name: str, aliases: list[str], type_: str) -> tuple[str, set[str]]:
    """An entity's key and its other keys (aliases; a name's rare words, see PART_RARITY)."""
    key = entity_key(name, type_)
    others = {entity_key(a, type_) for a in aliases if len(a) > 1}
    if type_ != "PERSON":
        others.update(p for p in words(key) if rarity(p) >= PART_RARITY)
    return key, others - {key}


def place_keys(article: ArticleEnriched) -> frozenset[str]:
    """The entity keys of the article's places (LOC): keys that say where, not what."""
    out: set[str] = set()
    for e in article.entities:
        if e.type == "LOC" and e.name.strip():
            key, others = _keys(e.name.strip(), e.aliases, e.type)
            out |= others | {key}
    return frozenset(out)


def shares_more_than_places(ents: Vector, story_ents: Vector, places: frozenset[str]) -> bool:
    return any(k in story_ents for k in ents if k not in places)


# A name the story is about, printed in the article but not found there by the NER (a title's
# "Esmeraldas", a dateline's ESMERALDAS, "Aerolineas Sur" at a sentence's start), counts for
# the article at this share of its rarity, against the article's unit-length entity vector:
# less than a name the NER found, as the words may be a namesake's.
NAMED_IN_TEXT = 0.1
LEAD_ENTITIES = 5  # the story's heaviest entity keys looked for among the article's words


def with_names_in_text(ents: Vector, lead: tuple[str, ...], seen: Counter[str]) -> Vector:
    """The article's entity vector plus the story's lead entity keys whose every word the
    article prints though its entities lack them (see NAMED_IN_TEXT); unit length again."""
    extra = {k: max(ENTITY_FLOOR, rarity(k)) * NAMED_IN_TEXT for k in lead
             if k not in ents and all(w in seen for w in words(k))}  # fmt: skip
    return normalized({**ents, **extra}) if extra else ents


def cosine(a: Vector, centroid: Vector, centroid_norm: float) -> float:
    if not centroid_norm:
        return 0.0
    return sum(v * centroid.get(k, 0.0) for k, v in a.items()) / centroid_norm
