"""The learned entity typer: after the rules have collected and merged an article's candidate
entities, a multinomial logit over sparse features of each candidate (the rules' type, spaCy's
votes and the cues, the name's shape, what CoNLL-2003's annotators called its words, the Brown
clusters of its first and last word, whether it is a listed company, the words around its
mentions) says PERSON, ORG, LOC or none of them (OTHER: not a name the gold counts, as a page
label, a product or an event). It overrules the rules' type only by more than a margin.
Trained by bench/train_entities on annotated pages; the weights and the word lexicon are a
small JSON file in newsflow_enrich/data, named in the event's pipeline field.

Written by hand rather than taken from a library for the reason figure_rerank gives: scoring a
few dozen sparse features is a few lines, and sklearn would add ~40 MB to the service.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from newsflow_enrich.models import VOTES
from newsflow_enrich.stages import name_roles, names
from newsflow_enrich.stages.doc_text import text_of
from newsflow_enrich.stages.opinions import MAX_MENTIONS, as_votes, of_votes, other_names
from newsflow_enrich.stages.registry import STRONG, Candidate, Registry
from newsflow_enrich.stages.vote_bounds import VoteBounds

# The second model's entities in the windows holding any of these token indices (NerVote.near).
Near = Callable[[Doc, Iterable[int]], Iterable[Span]]

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "entity_types.json"
CLUSTERS = DEFAULT.parent / "word_clusters.json"  # written by bench/word_clusters.py
PLACES = DEFAULT.parent / "places.json"  # written by bench/places.py
KINDS = ("continent", "country", "state", "region", "county", "city_1m", "city_100k", "city")
LISTED = DEFAULT.parent / "listed_companies.json"  # written by bench/listed_companies.py
BRANDS = DEFAULT.parent / "brands.json"  # written by bench/brands.py
CLASSES = ("PERSON", "ORG", "LOC", "OTHER")
SCORED = ("PERSON", "ORG", "LOC")


def rule_class(type_: str) -> str:
    return type_ if type_ in SCORED else "OTHER"


def features(reg: Registry, name: str, doc: Doc, spans: list[tuple[int, int]],
             lexicon: dict[str, str], sport: bool, starts: list[int] | None = None,
             votes: list[tuple[int, int, str]] | None = None,
             lower: set[str] | None = None, vote: bool = True) -> list[str]:  # fmt: skip
    """The candidate's features as strings (each worth 1); `starts`: each token's character
    offset in `doc`, if read already (token_starts); `votes`: vote_spans(doc), if read;
    `lower`: lower_words(doc), if read; `vote`: False leaves out the second model's (the last
    ones: `vote_features` adds them)."""
    c = reg.cands[name]
    rule = reg.type_of(name)
    f = ["bias", f"rule={rule_class(rule)}", f"rule_raw={rule}"]
    if sport:
        f.append(f"sport&rule={rule_class(rule)}")
    for t, n in c.types.items():
        f.append(f"vote={t}:{'cue' if n >= STRONG else min(n, 3)}")
    words = name.split()
    f.append(f"nw={min(len(words), 4)}")
    f += _shape(name)
    f += _lexical(words, c.forms, lexicon)
    f += _cluster("c0_", words[0])
    if len(words) > 1:
        f += _cluster("cl_", words[-1])
    if names.is_country(name):
        f.append("country")
    kind = places().get(name.removeprefix("the ").removeprefix("The "))
    f.append(f"gaz={kind}")
    if kind and not sport:  # the gazetteer's kind against the rules' class ("Oita", a region the
        # rules call ORG); not in a sports story, where a place names a team ("Brest")
        f.append(f"gaz={kind}&rule={rule_class(rule)}")
    if sport and kind:
        f.append("sport&gaz")  # "Houston", "Wisconsin": a team named by its place
    if names.is_org_name(name):
        f.append("org_suffix")
    f += _listed(name, c.forms)
    f += _brand(name, c.forms)
    last = words[-1].lower()
    for tag, table in (("place_sfx", names.PLACE_SUFFIXES), ("thing_sfx", names.THING_SUFFIXES),
                       ("title", names.PERSON_TITLES)):  # fmt: skip
        if last in table:
            f.append(tag)
    f += [f"w0={words[0].lower()}", f"wl={last}"]
    f += _usage(name, text_of(doc), spans, lower_words(doc) if lower is None else lower)
    mentions = _mentions(spans, token_starts(doc) if starts is None else starts)
    f += _context(doc, mentions)
    f += name_roles.features(doc, mentions)
    f += other_names(doc, spans, rule_class(rule))
    if vote:
        f += of_votes(spans, vote_spans(doc) if votes is None else votes)
    return f


def vote_features(spans: list[tuple[int, int]], votes: list[tuple[int, int, str]]) -> list[str]:
    """The features `features(..., vote=False)` left out, given the votes read."""
    return of_votes(spans, votes)


def vote_spans(doc: Doc) -> list[tuple[int, int, str]] | None:
    """The second NER's entities (models.add_vote) as (start, end, class), by start; None when
    no second model ran."""
    if VOTES not in doc.spans:
        return None
    # a span vote's unsure answer ("LOC?", models.span_vote) is a feature of its own
    return as_votes(doc.spans[VOTES])


# every feature of_votes can write for a NER's vote (a span vote's "LOC?" is never read lazily)
_VOTE_CLASSES = ("PERSON", "ORG", "LOC", "MISC")
_VOTE_FEATURES = ("n2=none", *(f"n2x={c}" for c in _VOTE_CLASSES),
                  *(f"n2in={c}" for c in _VOTE_CLASSES))  # fmt: skip


def lower_words(doc: Doc) -> set[str]:
    """The words the text prints in lower case ("keys", "post"), read once per doc."""
    return set(_LOWER_WORD.findall(text_of(doc)))


_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def _usage(name: str, text: str, spans: list[tuple[int, int]], lower: set[str]) -> list[str]:
    """How the article uses the name: how often; whether its words also stand in the text as
    common words ("Keys", "Post", "Basic Activities"); whether a mention is in quotation marks
    (a title: "“Keeping Quiet”")."""
    n = len(spans)
    out = [f"nm={'1' if n == 1 else '2' if n == 2 else '3-5' if n <= 5 else '6+'}"]
    words = [w.lower() for w in name.split() if w.isalpha() and len(w) > 2]
    seen = [w for w in words if w in lower]
    if seen:
        out.append("lower_seen")
        if len(seen) == len(name.split()):
            out.append("lower_all")
    if any(s > 0 and text[s - 1] in "“\"‘'" and text[e : e + 1] in "”\"’'" for s, e in spans):
        out.append("quoted")
    return out


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset: read once per doc, not once per candidate, and as an array
    (`[t.idx for t in doc]` builds a spaCy Token per token)."""
    return doc.to_array(IDX).tolist()


def _shape(name: str) -> list[str]:
    out = []
    if names.is_acronym(name):
        out.append("acronym")
    if name.isupper() and len(name) > 4:
        out.append("allcaps")
    if any(ch.isdigit() for ch in name):
        out.append("digit")
    for ch, tag in (("&", "amp"), ("-", "hyphen"), (".", "dot"), ("’", "apos"), ("'", "apos")):
        if ch in name:
            out.append(tag)
    if re.search(r"[a-z][A-Z]", name):
        out.append("camel")
    if name.endswith("s") and not name.endswith("ss"):
        out.append("ends_s")
    return out


def _lexical(words: list[str], forms: set[str], lexicon: dict[str, str]) -> list[str]:
    """What CoNLL-2003's annotators mostly called these words (first word, last word, any)."""
    out = []
    if words[0] in lexicon:
        out.append(f"lex0={lexicon[words[0]]}")
    if len(words) > 1 and lexicon.get("^" + words[0]):
        out.append("first_name")  # CoNLL's people mostly start with it ("Diego", "Kurt")
    if len(words) > 1 and words[-1] in lexicon:
        out.append(f"lexl={lexicon[words[-1]]}")
    out += sorted({f"lexany={lexicon[w]}" for w in words if w in lexicon})
    out += sorted({f"lexform={lexicon[f]}" for f in forms if " " not in f and f in lexicon})
    return out


@cache
def word_clusters() -> dict[str, int]:
    """Capitalised English words -> their Brown cluster (spaCy's lexeme clusters; see
    bench/word_clusters.py), read once."""
    table = json.loads(CLUSTERS.read_text("utf-8"))["clusters"]
    return {w: int(c) for c, words in table.items() for w in words.split(" ")}


@cache
def places() -> dict[str, str]:
    """Place names -> their kind (a country, a US state, a region, a city by size: GeoNames and
    ISO 3166; see bench/places.py), read once: what the annotated pages cannot teach, that
    "Beaverton" and "Fife" are places and "Netflix" is none."""
    table = json.loads(PLACES.read_text("utf-8"))["places"]
    return {n: kind for kind, names_ in table.items() if names_ for n in names_.split(" | ")}


@cache
def listed_companies() -> frozenset[str]:
    """The names of the companies of 20 stock indices (bench/listed_companies.py), read once."""
    return frozenset(json.loads(LISTED.read_text("utf-8"))["names"])


def _listed(name: str, forms: set[str]) -> list[str]:
    """Whether the name, or one of its forms, is a listed company's ("Costco", "Lockheed
    Martin"), or its first word is ("Netflix Studios"): knowledge that no annotated page and no
    word cluster holds. A feature, not a list that decides: "Next" and "Universal" are listed."""
    table = listed_companies()
    if _named_in(table, name, forms):
        return ["listed"]
    first = name.split()[0]
    return ["listed0"] if " " in name and first in table else []


@cache
def brands() -> frozenset[str]:
    """The brands simple-icons has a logo of (bench/brands.py), read once."""
    return frozenset(json.loads(BRANDS.read_text("utf-8"))["names"])


def _brand(name: str, forms: set[str]) -> list[str]:
    """Whether the name, or one of its forms, is a brand's ("Spotify", "Ryanair", "NBC"): a
    feature, as `listed`; "Python" and "Linux" are brands too."""
    return ["brand"] if _named_in(brands(), name, forms) else []


def _named_in(table: frozenset[str], name: str, forms: set[str]) -> bool:
    """The name, or one of its forms, is in `table` (a list of names of one kind)."""
    return name in table or any(f in table for f in forms)


_CLUSTER_BITS = (4, 6, 8, 10, 12)
_POSSESSIVE = re.compile(r"[’']s?$")


def _cluster(tag: str, word: str) -> list[str]:
    """What kind of word this is, learned from a large corpus: its Brown cluster and the
    cluster's ancestors (the low 4, 6, ... bits), so that a company or a place the annotated
    pages never named shares features with the ones they did ("Costco" / "Walmart")."""
    word = _POSSESSIVE.sub("", word.strip(".,"))
    table = word_clusters()
    c = table.get(word) or table.get(word[:1].upper() + word[1:].lower())
    if not c:
        return [f"{tag}=none"]
    depth = c.bit_length() - 1
    return [f"{tag}{k}={c & ((1 << k) - 1)}" for k in _CLUSTER_BITS if depth >= k] + [f"{tag}={c}"]


def _mentions(spans: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """The first mentions' character spans as token ranges [i, j) (`starts`: token_starts)."""
    return [(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e))
            for s, e in spans[:MAX_MENTIONS]]  # fmt: skip


def _context(doc: Doc, mentions: list[tuple[int, int]]) -> list[str]:
    """The words just before and after the first mentions, and the mention's dependency."""
    out: set[str] = set()
    for i, j in mentions:
        if i > 0:
            prev = doc[i - 1]
            out.add(f"prev={prev.lower_}" if prev.is_alpha else f"prev_p={prev.text[:1]}")
            if prev.lower_.rstrip(".") in names.PERSON_TITLES:
                out.add("prev_title")
        if j < len(doc):
            nxt = doc[j]
            out.add(f"next={nxt.lower_}" if nxt.is_alpha else f"next_p={nxt.text[:1]}")
        if i < len(doc):
            root = doc[min(j, len(doc)) - 1] if j > i else doc[i]
            out.add(f"dep={root.dep_}")
            out.add(f"head={root.head.lower_}" if root.head.is_alpha else "head_p")
    return sorted(out)


@dataclass
class Open:
    """The candidates whose answer the second model's votes decide (Typer.settle): their
    features without the votes, and the tokens of their mentions the votes are read on."""

    reg: Registry
    spans: dict[str, list[tuple[int, int]]]
    feats: list[tuple[str, list[str]]]
    tokens: list[int]


class Typer:
    """Weights per "feature|class"; `settle` (and `finish`, once a lazy second model's votes
    are read) sets the learned type of the candidates where the model beats the rules' own
    class by more than `margin`."""

    def __init__(self, weights: dict[str, float], lexicon: dict[str, str], version: str,
                 margin: float = 0.0) -> None:  # fmt: skip
        self.w = weights
        self.lexicon = lexicon
        self.version = version
        self.margin = margin
        # The weights by feature, one per class: a candidate's few dozen features are looked
        # up once, not once per class with a "feature|class" key built each time.
        self._by_feature: dict[str, tuple[float, ...]] = {}
        for key in weights:
            feat, _, k = key.rpartition("|")
            if k in CLASSES and feat not in self._by_feature:
                self._by_feature[feat] = tuple(weights.get(f"{feat}|{c}", 0.0) for c in CLASSES)
        self._bounds = VoteBounds(CLASSES, [self._by_feature.get(f, (0.0,) * len(CLASSES))
                                            for f in _VOTE_FEATURES], MAX_MENTIONS)  # fmt: skip

    @classmethod
    def load(cls, path: Path = DEFAULT) -> Typer:
        obj: dict[str, Any] = json.loads(path.read_text("utf-8"))
        word_clusters()  # read with the weights, not on the first article
        places()
        listed_companies()
        brands()
        return cls(obj["weights"], obj["lexicon"], obj["version"], obj.get("margin", 0.0))

    def scores(self, feats: list[str]) -> dict[str, float]:
        # Summed in the order of `feats`, as the training's sum() over each class's weights: the
        # same floats. A feature with no weight for a class adds 0.0 there, which changes no sum.
        s = [0.0] * len(CLASSES)
        for x in feats:
            v = self._by_feature.get(x)
            if v is not None:
                s = [a + b for a, b in zip(s, v, strict=True)]
        return dict(zip(CLASSES, s, strict=True))

    def probs(self, feats: list[str]) -> dict[str, float]:
        s = self.scores(feats)
        top = max(s.values())
        z = sum(math.exp(v - top) for v in s.values())
        return {k: math.exp(v - top) / z for k, v in s.items()}

    def settle(self, reg: Registry, doc: Doc, spans: dict[str, list[tuple[int, int]]],
               sport: bool, lazy: bool = False) -> Open | None:  # fmt: skip
        """Type the candidates; `lazy` (the second model's votes not read yet, models.NerVote):
        only those whose answer the votes cannot change, and return the others (None if none),
        for `finish` once their votes are read."""
        starts, votes, lower = token_starts(doc), vote_spans(doc), lower_words(doc)
        lazy = lazy and votes is None
        open_: list[tuple[str, list[str]]] = []
        for name, c in reg.cands.items():
            if c.curated_type or name not in spans:
                continue
            strong = [t for t, n in c.types.items() if n >= STRONG]
            if strong == [reg.type_of(name)] and strong[0] in c.cues:
                # a cue decided it, and no other cue ("Operation Lantern"); not a name spaCy
                # labelled one type five times or more (a count as large as a cue's, no cue:
                # "Jodie Burrage" ORG on nine mentions, "Moderna" PERSON on five)
                continue
            feats = features(reg, name, doc, spans[name], self.lexicon, sport, starts, votes,
                             lower, vote=not lazy)  # fmt: skip
            rule = rule_class(reg.type_of(name))
            if not lazy:
                self._decide(c, self.scores(feats), rule)
                continue
            k = min(len(spans[name]), MAX_MENTIONS)
            settled = self._bounds.settled(self.scores(feats), rule, k, self.margin)
            if settled is None:
                open_.append((name, feats))
            elif settled != rule:
                c.learned_type = "MISC" if settled == "OTHER" else settled
        if not open_:
            return None
        tokens = [i for name, _ in open_ for s, e in spans[name][:MAX_MENTIONS]
                  for i in range(max(0, bisect.bisect_right(starts, s) - 1),
                                 bisect.bisect_left(starts, e))]  # fmt: skip
        return Open(reg, spans, open_, tokens)

    def finish(self, open_: Open, votes: Iterable[Span]) -> None:
        """Type the candidates `settle` left open, given the votes read on `open_.tokens`."""
        read = as_votes(votes)
        for name, feats in open_.feats:
            feats += vote_features(open_.spans[name], read)
            self._decide(open_.reg.cands[name], self.scores(feats),
                         rule_class(open_.reg.type_of(name)))  # fmt: skip

    def _decide(self, c: Candidate, s: dict[str, float], rule: str) -> None:
        best = max(CLASSES, key=lambda k: s[k])
        if best != rule and s[best] - s[rule] > self.margin:
            c.learned_type = "MISC" if best == "OTHER" else best
