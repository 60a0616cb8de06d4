"""The second NER read lazily (models.NerVote.near, Typer.settle): only the windows of the
candidates whose type a vote could change, with the typer's answers those of the eager vote."""

import itertools
import random
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import Any

from newsflow_contracts.events import ArticleReceived
from newsflow_enrich.models import _AROUND, _CONTEXT, VOTES, WINDOWS
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages.vote_bounds import VoteBounds
from spacy.tokens import Doc, Span

CLASSES = ("PERSON", "ORG", "LOC", "OTHER")


def _answer(s: dict[str, float], rule: str, margin: float) -> str:
    best = max(CLASSES, key=lambda k: s[k])
    return best if best != rule and s[best] - s[rule] > margin else rule


def test_a_settled_answer_is_the_answer_under_every_set_of_votes() -> None:
    rng = random.Random(3)
    settled = open_ = 0
    for _ in range(400):
        weights = [[rng.uniform(-2, 2) for _ in CLASSES] for _ in range(5)]
        bounds = VoteBounds(CLASSES, weights, 3)
        s = {c: rng.uniform(-4, 4) for c in CLASSES}
        rule, k = rng.choice(CLASSES), rng.randint(1, 3)
        got = bounds.settled(s, rule, k, 0.5)
        answers = {_answer({c: s[c] + sum(weights[f][i] for f in pick)
                            for i, c in enumerate(CLASSES)}, rule, 0.5)
                   for n in range(1, k + 1) for pick in itertools.combinations(range(5), n)}  # fmt: skip
        if got is None:
            open_ += 1
        else:
            settled += 1
            assert answers == {got}
    assert settled > 50 and open_ > 50  # both kinds were tried


def test_the_lazy_vote_reads_only_the_windows_it_is_asked_for(enricher: Enricher) -> None:
    text = ("Mirela Voss opened the bakery on Tuesday. " + "The bread was warm and cheap. " * 6
            + "Later the mayor, Anders Kvale, drove to London.")  # fmt: skip
    [eager] = enricher.nlp.pipe([text])
    [lazy] = enricher.nlp.pipe([text], component_cfg={"newsflow_ner_vote": {"lazy": True}})
    assert VOTES not in lazy.spans
    windows = lazy.user_data[WINDOWS]
    assert len(windows) == 2  # one per sentence with names, far apart
    vote = enricher.nlp.get_pipe("newsflow_ner_vote")
    last = len(lazy) - 2  # "London"
    far = [(s.start, s.end, s.label_) for s in eager.spans[VOTES] if s.start >= windows[1][0]]
    read = [(s.start, s.end, s.label_) for s in vote.near(lazy, [last])]
    assert far and [v for v in read if v[0] >= windows[1][0]] == far
    assert vote.near(lazy, [windows[0][1] + 2]) == []  # a word in no window: nothing read


def test_the_typer_answers_the_same_with_the_lazy_vote(enricher: Enricher) -> None:
    eager, lazy = Enricher(), Enricher()
    eager.near, eager.near_many, eager._cfg = None, None, {}
    asked: list[list[int]] = []
    vote = lazy.nlp.get_pipe("newsflow_ner_vote")

    def near_many(asks: list[tuple[Doc, Iterable[int]]]) -> list[list[Span]]:
        asked.extend(list(tokens) for _, tokens in asks)
        return vote.near_many(asks)

    lazy.near_many = near_many
    raw = ArticleReceived.new(text=(
        "OSLAND — Mirela Voss, who chairs Kestrel Holdings, met Anders Kvale in Tromsdal on "
        "Monday. Voss said Kestrel would open a plant near Brekke Fjord. Kvale, a former "
        "Tromsdal mayor, welcomed the plan; Harbin Consolidated declined to comment. "
        "Orla Fenwick of Greyloch said the Varn Basin project had stalled."))  # fmt: skip
    assert lazy.enrich(raw).entities == eager.enrich(raw).entities
    assert enricher.enrich(raw).entities == eager.enrich(raw).entities
    # asked once, for some of the words: the mentions of the candidates the votes could change
    doc = lazy.nlp(raw.text)
    assert len(asked) == 1 and 0 < len(set(asked[0])) < len(doc)


def test_the_lazy_vote_reads_only_the_words_around_the_asked_ones(enricher: Enricher) -> None:
    text = ("Talia Brenner, Oskar Lindgren, Pavel Sorokin, Marta Quiroga, Idris Okonkwo, "
            "Hugo Valdez, Nadia Ferrante and Tomas Eklund met Ilse Varga in Karlsberg "
            "on Friday.")  # fmt: skip
    [eager] = enricher.nlp.pipe([text])
    [lazy] = enricher.nlp.pipe([text], component_cfg={"newsflow_ner_vote": {"lazy": True}})
    vote = enricher.nlp.get_pipe("newsflow_ner_vote")
    assert vote.second is not None
    [window] = lazy.user_data[WINDOWS]  # the names' windows run together
    asked = next(t.i for t in lazy if t.text == "Hugo")
    second, lengths = vote.second, []

    def pipe(docs: Iterable[Doc], **kwargs: Any) -> Iterator[Doc]:
        docs = list(docs)
        lengths.extend(len(d) for d in docs)
        return second.pipe(docs, **kwargs)

    vote.second = SimpleNamespace(pipe=pipe, vocab=second.vocab)  # type: ignore[assignment]
    try:
        read = vote.near(lazy, [asked])
    finally:
        vote.second = second
    assert lengths == [2 * (_CONTEXT + _AROUND) + 1]  # one read, of the words around "Hugo"
    assert lengths[0] < window[1] - window[0]

    def on_asked(spans: Iterable[Span]) -> list[tuple[int, int, str]]:
        return [(s.start, s.end, s.label_) for s in spans if s.start <= asked < s.end]

    assert on_asked(eager.spans[VOTES]) and on_asked(read) == on_asked(eager.spans[VOTES])


def test_a_batch_reads_its_articles_votes_at_once(enricher: Enricher) -> None:
    raws = [ArticleReceived.new(text=t) for t in (
        "Mirela Voss, who chairs Kestrel Holdings, met Anders Kvale in Tromsdal on Monday.",
        "The weather was mild all week and nothing else happened in the valley.",
        "Orla Fenwick of Greyloch said the Varn Basin project near Brekke had stalled.",
    )]  # fmt: skip
    one_by_one = [enricher.enrich(r).entities for r in raws]
    vote = enricher.nlp.get_pipe("newsflow_ner_vote")
    second, calls = vote.second, []

    def pipe(docs: Iterable[Doc], **kwargs: Any) -> Iterator[Doc]:
        calls.append(1)
        return second.pipe(docs, **kwargs)

    asked: list[int] = []

    def near_many(asks: list[tuple[Doc, Iterable[int]]]) -> list[list[Span]]:
        asked.append(len(asks))
        return vote.near_many(asks)

    vote.second = SimpleNamespace(pipe=pipe, vocab=second.vocab)  # type: ignore[assignment]
    enricher.near_many = near_many
    try:
        batch = enricher.enrich_many(raws)
    finally:
        vote.second, enricher.near_many = second, vote.near_many
    assert [e.entities for e in batch if not isinstance(e, Exception)] == one_by_one
    assert asked == [2] and len(calls) == 1  # two articles asked, one read of the second NER
