"""The learned caption filter: a logistic model over each caption the rules keep (its markup any
site prints, its words, and how much of them the story itself prints), which drops the ones
annotators do not count: a box's label or control ("Next Post", "Slideshow (14 Images)", "i"),
an author's box ("Staff"), a player's list of other videos, another story's card. Trained by
bench/train_caption_filter on annotated pages; the weights are a small JSON file in
newsflow_enrich/data, named in the event's pipeline field.

Learned, not written as more rules: five sessions of caption rules each fixed one publisher's
layout, and the spurious captions of pages no rule had seen (session 32's fresh pages) take a new
shape on every site. It only drops what the rules keep, where the model is sure
(bench/docs/page-and-metadata.md, session 33): it adds no caption.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from newsflow_enrich.stages import caption_candidates, caption_features

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "caption_filter.json"


class Filter:
    def __init__(self, weights: dict[str, float], version: str, threshold: float) -> None:
        self.weights = weights
        self.version = version
        self.threshold = threshold  # a kept caption below this probability is dropped

    @classmethod
    def load(cls, path: Path = DEFAULT) -> Filter:
        obj = json.loads(path.read_text("utf-8"))
        return cls(obj["weights"], obj["version"], obj["threshold"])

    def probability(self, features: list[str]) -> float:
        z = max(-30.0, min(30.0, sum(self.weights.get(x, 0.0) for x in features)))
        return 1.0 / (1.0 + math.exp(-z))

    def captions(self, tree: HTMLParser, captions: list[str], story: str,
                 normalize: Callable[[str], str]) -> list[str]:  # fmt: skip
        """`captions` (the rules' captions of the page, then the lines text.py took from the body
        as captions) without the kept candidates the model drops; `story`: the story's text and
        headline; `normalize`: how text.py normalizes a caption's text."""
        found = caption_candidates.candidates(tree)
        cands = caption_candidates.lines(found, normalize)
        feats = caption_features.features(tree, found, caption_features.content_words(story))
        ruled = caption_candidates.chosen(cands, [c[2] == "kept" for c in cands])
        keep = [c[2] == "kept" and self.probability(f) >= self.threshold
                for c, f in zip(cands, feats, strict=True)]  # fmt: skip
        added = [c for c in captions if c not in ruled]  # (text.py's lines from the body)
        return caption_candidates.chosen(cands, keep) + added


@lru_cache(maxsize=1)
def default() -> Filter | None:
    """The shipped filter, or None where its weights are not installed."""
    return Filter.load(DEFAULT) if DEFAULT.exists() else None
