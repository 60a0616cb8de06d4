"""spaCy's attribute ruler, indexed: the same rules at a seventh of the cost.

Every component of en_core_web_sm is read by some stage (tags and the parse by entities and
figures, lemmas by figures, NER by both), so none is left out. What is cut is waste: spaCy's
attribute ruler (tag -> POS and morphology, 179 rules) runs each rule's Matcher pattern at every
token, 15% of the model's CPU on our articles, as much as the parser. `IndexedAttributeRuler`
finds the same matches by looking the rules up by each token's LOWER or TAG value: same matches,
same order, so the same attributes (checked token by token in tests/unit/enrich/test_ruler.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token-pattern keys the index understands: the attributes of en_core_web_sm's rules. A rule
# using anything else (REGEX, OP, ...) is left to spaCy's Matcher, so any model stays correct.
_ATTRS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = list(_ATTRS)  # LOWER, TAG first: _Index reads row[0], row[1]
_INDEX_KEYS = ("LOWER", "TAG")  # the most selective first: a LOWER rule is looked up by word

Check = tuple[int, int, Callable[[int], bool], frozenset[int] | None]
Rule = tuple[int, int, int, tuple[Check, ...]]  # (rule index, its match id, length, checks)
_Hits = tuple[list[tuple[int, int]], list[Rule]]


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with a matcher indexed by token value instead of a scan of every
    rule at every token. Serializes, scores and applies attributes exactly as its parent."""

    def __init__(self, vocab: Any, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._index: _Index | None = None

    def add(self, patterns: Iterable[Any], attrs: dict[str, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._index = None

    def clear(self) -> None:
        super().clear()
        self._index = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if self._index is None:
            self._index = _Index(self)
        return self._index.match(doc)

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """As spaCy's, in the same order, without a `Span` (and two `Token`s) per match."""
        attrs, indices = self.attrs, self.indices
        for match in matches:
            attr_id, _, start, end = match
            index = indices[attr_id]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                super().set_annotations(doc, [match])  # raises spaCy's own error
            set_token_attrs(doc[i], attrs[attr_id])


class _Index:
    """Rules by the value their first token must have. A one-token rule depends only on that
    token's four values, so what matches a given (LOWER, TAG, DEP, IS_SPACE) is worked out once
    and remembered: news repeats its words, and a lookup is most of the cost per token."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.by: dict[str, dict[int, list[Rule]]] = {key: {} for key in _INDEX_KEYS}
        self.always: list[Rule] = []
        self.longer: dict[str, dict[int, list[Rule]]] = {key: {} for key in _INDEX_KEYS}
        self.longer_always: list[Rule] = []
        self.rest = Matcher(ruler.vocab, validate=ruler.validate)
        self.seen: dict[tuple[int, ...], _Hits] = {}
        for i, rule in enumerate(ruler.patterns):
            m_id = strings.add(str(i))
            for pattern in rule["patterns"]:
                checks = _checks(pattern, strings)
                if checks is None:
                    self.rest.add(str(i), [pattern])
                    continue
                one = len(pattern) == 1
                by, always = (self.by, self.always) if one else (self.longer, self.longer_always)
                entry = (i, m_id, len(pattern), checks)
                first = {_COLUMNS[col]: vals for k, col, _, vals in checks if k == 0 and vals}
                key = next((k for k in _INDEX_KEYS if k in first), None)
                if key is None:
                    always.append(entry)
                    continue
                for v in first[key]:
                    by[key].setdefault(v, []).append(entry)

    def _one(self, row: tuple[int, ...]) -> _Hits:
        """What a token with these values starts: the one-token rules it matches (rule index,
        match id) and the longer rules whose first token it matches (checked in place)."""

        def first(rules: Iterable[Rule]) -> list[Rule]:
            return [r for r in rules if all(test(row[c]) for k, c, test, _ in r[3] if k == 0)]

        def candidates(by: dict[str, dict[int, list[Rule]]], always: list[Rule]) -> list[Rule]:
            return first([*by["LOWER"].get(row[0], ()), *by["TAG"].get(row[1], ()), *always])

        hits = sorted({(r[0], r[1]) for r in candidates(self.by, self.always)})
        if len(self.seen) > 200_000:  # a bound, for a worker that runs for months
            self.seen.clear()
        self.seen[row] = (hits, candidates(self.longer, self.longer_always))
        return self.seen[row]

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = [tuple(r) for r in doc.to_array([_ATTRS[c] for c in _COLUMNS]).tolist()]
        seen, found, n = self.seen, [], len(rows)
        for start, row in enumerate(rows):
            hits, longer = seen.get(row) or self._one(row)
            for i, m_id in hits:
                found.append((i, m_id, start, start + 1))
            for i, m_id, length, checks in longer:
                end = start + length
                if end <= n and all(test(rows[start + k][c]) for k, c, test, _ in checks if k):
                    found.append((i, m_id, start, end))
        if len(self.rest):
            found.extend((int(doc.vocab.strings[m]), m, s, e) for m, s, e in self.rest(doc))
        return sorted(set(found))  # by rule index: later rules take precedence, as in spaCy


def _checks(pattern: list[dict[str, Any]], strings: Any) -> tuple[Check, ...] | None:
    """The pattern as (offset, column, test of the value, values an index may use), or None if
    it needs the real Matcher. Tests compare string hashes, as spaCy's Matcher does."""
    out: list[Check] = []
    for k, spec in enumerate(pattern):
        for key, want in spec.items():
            if key not in _ATTRS:
                return None
            col = _COLUMNS.index(key)
            value = (lambda w: int(bool(w))) if key == "IS_SPACE" else strings.add
            if not isinstance(want, dict):
                want = {"IN": [want]}
            if len(want) != 1:
                return None
            [(op, arg)] = want.items()
            if op == "IN":
                values = frozenset(value(w) for w in arg)
                out.append((k, col, values.__contains__, values))
            elif op == "NOT_IN":
                out.append((k, col, _not_in(frozenset(value(w) for w in arg)), None))
            elif op == "REGEX" and key != "IS_SPACE":
                out.append((k, col, _search(re.compile(arg), strings), None))
            else:
                return None
    return tuple(out)


def _not_in(values: frozenset[int]) -> Callable[[int], bool]:
    return lambda v: v not in values


def _search(regex: re.Pattern[str], strings: Any) -> Callable[[int], bool]:
    return lambda v: regex.search(strings[v]) is not None


@Language.factory("newsflow_indexed_attribute_ruler", default_config={"validate": False})
def _make_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def use_indexed_ruler(nlp: Language) -> None:
    """Swap `nlp`'s stock attribute ruler for the indexed one, with the same rules."""
    if "attribute_ruler" in nlp.pipe_names:
        old = nlp.get_pipe("attribute_ruler")
        if type(old) is AttributeRuler:
            new = nlp.replace_pipe("attribute_ruler", "newsflow_indexed_attribute_ruler",
                                   config={"validate": old.validate})  # fmt: skip
            new.add_patterns(old.patterns)
