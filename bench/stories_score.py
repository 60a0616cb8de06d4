"""Scores for `bench/stories`: B-cubed over story assignments, exact figure tracks, and B-cubed
over the tracks' members.

Pure functions over plain data, so that they are unit-tested on hand cases
(tests/unit/bench/test_stories_score.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    items: int


def bcubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> BCubed:
    """B-cubed (Bagga and Baldwin 1998) over the items of `gold`.

    For each item, precision is the share of its predicted cluster that shares its gold
    cluster, recall the share of its gold cluster that shares its predicted cluster; both are
    averaged over items. An item missing from `predicted` is a cluster of its own.
    """
    items = list(gold)
    if not items:
        return BCubed(0.0, 0.0, 0.0, 0)
    pred = {i: predicted.get(i, ("unassigned", i)) for i in items}
    pair = Counter((gold[i], pred[i]) for i in items)
    gold_size = Counter(gold[i] for i in items)
    pred_size = Counter(pred[i] for i in items)
    p = sum(pair[(gold[i], pred[i])] / pred_size[pred[i]] for i in items) / len(items)
    r = sum(pair[(gold[i], pred[i])] / gold_size[gold[i]] for i in items) / len(items)
    return BCubed(p, r, 2 * p * r / (p + r) if p + r else 0.0, len(items))


def norm_text(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


Member = tuple[str, int]  # (article id, index of the figure in the article's `figures`)


@dataclass
class TrackResult:
    story: str
    label: str
    exact: bool
    kind: str  # "exact", "figure not extracted", "split", "foreign figures", "no track"
    detail: list[str] = field(default_factory=list)


def locate(
    gold_text: str, figure_texts: list[str], taken: set[int], within_context: set[int] | None = None
) -> int | None:
    """The index of the figure an annotator's "figure text as printed" names in one article.

    Equal texts first, then one containing the other ("1.2 million" and "about 1.2 million"),
    never a figure another gold member of the same track already took. `within_context`, when
    the member gives the words printed around it, is the figures that lie inside those words
    (`in_context`): the only candidates.
    """
    want = norm_text(gold_text)
    texts = [norm_text(t) for t in figure_texts]

    def within(a: str, b: str) -> bool:  # whole words: "17" is not in "170"
        return bool(a) and f" {a} " in f" {b} "

    for test in (lambda t: t == want, lambda t: within(want, t) or within(t, want)):
        for i, t in enumerate(texts):
            if i not in taken and (within_context is None or i in within_context) and test(t):
                return i
    return None


def in_context(context: str, body: str, spans: list[tuple[int, int]]) -> set[int]:
    """The figures (by index) whose span lies inside a place where the body prints `context`,
    whatever its spacing and case: a member given as [article, "two", "two other buildings"]
    names the "two" of that phrase, not the one of "two women" before it."""
    pattern = r"\s*".join(re.escape(w) for w in context.split())
    windows = [(m.start(), m.end()) for m in re.finditer(pattern, body, re.IGNORECASE)]
    return {i for i, (s, e) in enumerate(spans) if any(a <= s and e <= b for a, b in windows)}


def score_track(story: str, gold_track: Mapping[str, object],
                figures_of: Mapping[str, list[str]], track_of: Mapping[Member, str],
                members_of: Mapping[str, set[Member]],
                where_of: Mapping[str, tuple[str, list[tuple[int, int]]]] | None = None,
                ) -> TrackResult:  # fmt: skip
    """Is one gold track exactly one predicted track: same members, no foreign figure?

    Args:
        gold_track: {object, event, place, members: [[article id, figure text], ...]}; a
            member may add the words printed around the figure ([id, "two", "two other
            buildings"]) when the article prints its text more than once.
        figures_of: article id -> the texts of its figures, in order.
        track_of: (article id, figure index) -> the predicted track holding that figure.
        members_of: predicted track -> all its members.
        where_of: article id -> (body, the spans of its figures), to place a member's context.
    """
    label = "|".join(str(gold_track.get(k) or "") for k in ("event", "object", "place"))
    wanted: set[Member] = set()
    taken: dict[str, set[int]] = defaultdict(set)
    for article, text, *context in gold_track["members"]:  # type: ignore[attr-defined]
        near = None
        if context and where_of is not None and article in where_of:
            near = in_context(context[0], *where_of[article])
        i = locate(text, figures_of.get(article, []), taken[article], near)
        if i is None:
            return TrackResult(story, label, False, "figure not extracted", [f"{article}: {text}"])
        taken[article].add(i)
        wanted.add((article, i))
    tracks = {track_of.get(m) for m in wanted}
    if None in tracks:
        return TrackResult(
            story, label, False, "no track", sorted(str(m) for m in wanted if m not in track_of)
        )
    if len(tracks) > 1:
        return TrackResult(story, label, False, "split", sorted(str(t) for t in tracks))
    [track] = tracks
    foreign = members_of[track] - wanted  # type: ignore[index]
    if foreign:
        return TrackResult(story, label, False, "foreign figures", sorted(map(str, foreign)))
    return TrackResult(story, label, True, "exact")


def member_bcubed(gold_tracks: Mapping[str, list[Mapping[str, object]]],
                  figures_of: Mapping[str, list[str]], track_of: Mapping[Member, str],
                  where_of: Mapping[str, tuple[str, list[tuple[int, int]]]] | None = None,
                  ) -> BCubed:  # fmt: skip
    """B-cubed over the gold tracks' members (each located as `score_track` locates it) and the
    figures the engine's tracks put with them: a member's gold cluster is its gold track (such a
    foreign figure is alone), its predicted one the engine's track (a member no track holds is
    alone). Finer than "exactly right": a track that gains one member of five moves it."""
    gold: dict[str, Hashable] = {}
    for story, tracks in gold_tracks.items():
        for k, track in enumerate(tracks):
            taken: dict[str, set[int]] = defaultdict(set)
            for article, text, *context in track["members"]:  # type: ignore[attr-defined]
                near = None
                if context and where_of is not None and article in where_of:
                    near = in_context(context[0], *where_of[article])
                i = locate(text, figures_of.get(article, []), taken[article], near)
                if i is not None:
                    taken[article].add(i)
                    gold[f"{article}#{i}"] = (story, k)
    members = {f"{a}#{i}": t for (a, i), t in track_of.items()}
    held = {members[m] for m in gold if m in members}
    for m, t in members.items():
        if t in held and m not in gold:
            gold[m] = ("foreign", m)
    return bcubed(gold, {m: members[m] for m in gold if m in members})


def clusters(assign: Mapping[str, Hashable]) -> dict[Hashable, list[str]]:
    out: dict[Hashable, list[str]] = defaultdict(list)
    for item, cluster in assign.items():
        out[cluster].append(item)
    return out


def misses(gold: Mapping[str, str], predicted: Mapping[str, Hashable]) -> Iterable[str]:
    """Readable failures: gold stories split over several predicted ones, predicted stories
    that join several gold ones."""
    for story, items in sorted(clusters(gold).items()):
        parts = Counter(predicted.get(i) for i in items)
        if len(parts) > 1:
            yield (
                f"split   {story}: {len(items)} articles in {len(parts)} stories "
                f"{sorted(parts.values(), reverse=True)}"
            )
    for cluster, items in clusters(predicted).items():
        stories = Counter(gold[i] for i in items if i in gold)
        if len(stories) > 1:
            yield f"merged  {cluster}: " + ", ".join(f"{s} x{n}" for s, n in stories.most_common())
