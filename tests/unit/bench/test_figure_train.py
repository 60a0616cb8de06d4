"""bench/train_figures' fit: the conditional logit over a figure's candidates, with an L2 of its
own on the candidates' words (--lexical-l2) and the last epoch's mean weights (--average)."""

from bench.figure_train import fit


def _groups() -> list[list[tuple[list[str], bool]]]:
    # the parse's shape ("dep=dobj") picks the right candidate in 30 groups; in 6 of them
    # a word ("lemma=win") is on the wrong one, so left free it learns to be wrong
    parse = [[(["ev:none"], False), (["ev:dep=dobj"], True), (["ev:dep=ROOT"], False)]] * 30
    word = [[(["ev:none"], False), (["ev:dep=dobj"], True),
             (["ev:dep=ROOT", "ev:lemma=win"], False)]] * 6  # fmt: skip
    return parse + word


def test_the_lexical_l2_holds_the_words_weight_nearer_0_than_the_parses() -> None:
    free = fit(_groups(), epochs=10, seed=7, min_count=1)
    held = fit(_groups(), epochs=10, seed=7, min_count=1, lexical_l2=0.5)
    assert free["ev:lemma=win"] < 0
    assert abs(held.get("ev:lemma=win", 0.0)) < abs(free["ev:lemma=win"]) / 2
    # the parse's own feature keeps most of its weight: only the words are held
    assert held["ev:dep=dobj"] > free["ev:dep=dobj"] / 2


def test_no_lexical_l2_and_no_average_give_the_weights_of_before() -> None:
    assert fit(_groups(), 10, 7, 1) == fit(_groups(), 10, 7, 1, lexical_l2=0.0, average=False)


def test_average_moves_the_weights_off_the_last_steps() -> None:
    last = fit(_groups(), epochs=3, seed=7, min_count=1)
    mean = fit(_groups(), epochs=3, seed=7, min_count=1, average=True)
    assert set(last) == set(mean)
    assert last != mean
    # the weights grow each epoch on separable data: the mean of the last epoch lags the end
    assert 0 < mean["ev:dep=dobj"] < last["ev:dep=dobj"]


def test_the_cache_reads_a_parse_of_bench_quality_s_parsed_dir(tmp_path) -> None:
    """--parsed: a parse bench/quality kept (parsed.py's file name: the parser and the text) is
    read, not parsed again; a text with no file there is parsed."""
    import hashlib
    from types import SimpleNamespace

    import spacy
    from spacy.tokens import DocBin

    from bench.figure_train import _Cache

    nlp = spacy.blank("en")
    enricher = SimpleNamespace(nlp=nlp, pipeline=SimpleNamespace(model="m"), reranker=None,
                               keeper=None, typer=None)  # fmt: skip
    kept = nlp("Nine people were killed.")
    kept[0].tag_ = "KEPT"  # a blank pipeline never tags: the tag says the file was read
    name = hashlib.sha1(b"m\nNine people were killed.").hexdigest() + ".spacy"
    (tmp_path / name).write_bytes(DocBin(docs=[kept], attrs=["TAG"]).to_bytes())
    cache = _Cache(enricher, tmp_path)
    assert cache.parse("Nine people were killed.")[0].tag_ == "KEPT"
    assert cache.parse("About 4,000 were forced.")[0].tag_ == ""
