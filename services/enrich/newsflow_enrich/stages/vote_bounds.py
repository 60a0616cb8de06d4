"""How far the second model's votes can move the entity typer's scores: what lets the typer
read the votes only where they could change its answer (entity_types.Typer.settle).

A candidate's vote features are distinct ones of a fixed few ("n2x=ORG", "n2in=LOC",
"n2=none"), one per mention read, so at least one and at most as many as the mentions read.
For each pair of classes the sum those features can add to one class's score over the other's
is bounded by the most and the least that any such set adds; a candidate whose answer is the
same at both ends of every bound needs no vote.
"""

from __future__ import annotations

from collections.abc import Sequence

_EPS = 1e-9  # far above the rounding of a few float sums, far below any weight


class VoteBounds:
    def __init__(self, classes: Sequence[str], weights: Sequence[Sequence[float]],
                 most: int) -> None:  # fmt: skip
        """`weights`: each possible vote feature's weight per class (in `classes`' order);
        `most`: the most vote features a candidate can have."""
        self.classes = tuple(classes)
        n = len(self.classes)
        # (a, b, k): the least and the most that k or fewer distinct features (one at least)
        # add to a's score minus b's
        self._low: dict[tuple[str, str, int], float] = {}
        self._high: dict[tuple[str, str, int], float] = {}
        for i in range(n):
            for j in range(n):
                d = sorted(w[i] - w[j] for w in weights)
                a, b = self.classes[i], self.classes[j]
                for k in range(most + 1):
                    if k == 0 or not d:
                        self._low[a, b, k] = self._high[a, b, k] = 0.0
                        continue
                    neg = [x for x in d[:k] if x < 0]
                    pos = [x for x in d[::-1][:k] if x > 0]
                    self._low[a, b, k] = sum(neg) if neg else d[0]
                    self._high[a, b, k] = sum(pos) if pos else d[-1]

    def settled(self, s: dict[str, float], rule: str, k: int, margin: float) -> str | None:
        """The class the typer answers whatever the votes (`rule`: it keeps the rules' class),
        given the scores without the votes, `k` vote features at most; None if they decide."""
        if all(s[b] - s[rule] + self._high[b, rule, k] <= margin - _EPS
               for b in self.classes if b != rule):  # fmt: skip
            return rule
        best = max(self.classes, key=lambda c: s[c])
        if best != rule and s[best] - s[rule] + self._low[best, rule, k] > margin + _EPS \
                and all(s[best] - s[b] + self._low[best, b, k] > _EPS
                        for b in self.classes if b != best):  # fmt: skip
            return best
        return None
