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

    from bench.parsed import TrainCache

    nlp = spacy.blank("en")
    enricher = SimpleNamespace(nlp=nlp, pipeline=SimpleNamespace(model="m"), reranker=None,
                               keeper=None, typer=None)  # fmt: skip
    kept = nlp("Nine people were killed.")
    kept[0].tag_ = "KEPT"  # a blank pipeline never tags: the tag says the file was read
    name = hashlib.sha1(b"m\nNine people were killed.").hexdigest() + ".spacy"
    (tmp_path / name).write_bytes(DocBin(docs=[kept], attrs=["TAG"]).to_bytes())
    cache = TrainCache(enricher, tmp_path)
    assert cache.parse("Nine people were killed.")[0].tag_ == "KEPT"
    assert cache.parse("About 4,000 were forced.")[0].tag_ == ""


def _crossed() -> list[list[tuple[list[str], bool]]]:
    # the right candidate is "x" in one context and "y" in the other: no weight per feature
    # tells them apart (the context is on every candidate of a group), a hidden layer does
    one = [[(["ev:x", "ev:ctx:c=1"], True), (["ev:y", "ev:ctx:c=1"], False)]] * 40
    two = [[(["ev:x", "ev:ctx:c=2"], False), (["ev:y", "ev:ctx:c=2"], True)]] * 40
    return one + two


def test_the_hidden_layer_learns_what_the_context_changes() -> None:
    from newsflow_enrich.stages.figure_rerank import Reranker

    from bench.figure_net import fit as fit_net

    lin, net = fit_net(_crossed(), hidden=8, epochs=30, seed=7, min_count=1, deep_min_count=1,
                       dropout=0.0)  # fmt: skip
    model = Reranker(lin, "t", net=net)
    assert model.pick([["ev:x", "ev:ctx:c=1"], ["ev:y", "ev:ctx:c=1"]]) == 0
    assert model.pick([["ev:x", "ev:ctx:c=2"], ["ev:y", "ev:ctx:c=2"]]) == 1
    # the linear chooser has nothing to go on: the context is dropped, x and y tie
    flat = fit(_crossed(), epochs=10, seed=7, min_count=1)
    assert abs(flat.get("ev:x", 0.0) - flat.get("ev:y", 0.0)) < 0.05
    assert not any(":ctx:" in x for x in flat)
    # the same seed, the same weights
    again = fit_net(_crossed(), hidden=8, epochs=30, seed=7, min_count=1, deep_min_count=1,
                    dropout=0.0)  # fmt: skip
    assert again[0] == lin and again[1].to_json() == net.to_json()


def test_the_layer_has_no_rows_for_words_or_rare_features() -> None:
    from bench.figure_net import fit as fit_net

    groups = [[(["ev:dep=dobj", "ev:lemma=win"], True), (["ev:dep=ROOT", "ev:rare"], False)]] * 9
    groups += [[(["ev:dep=dobj"], True), (["ev:dep=ROOT"], False)]] * 30
    _, net = fit_net(groups, hidden=4, epochs=2, seed=7, min_count=1, deep_min_count=20)
    assert set(net.index) == {"ev:dep=dobj", "ev:dep=ROOT"}


def test_an_ensemble_is_one_net_scoring_the_mean_of_its_members() -> None:
    from bench.figure_net import fit as fit_net
    from bench.figure_net import fit_many

    kw = {"hidden": 4, "epochs": 3, "min_count": 1, "deep_min_count": 1, "dropout": 0.0}
    members = [fit_net(_crossed(), seed=s, **kw) for s in (7, 8)]
    lin, net = fit_many(_crossed(), 2, 7, **kw)
    assert len(net.b1) == 8

    def score(lin, net, cands):
        return [d + sum(lin.get(x, 0.0) for x in c)
                for d, c in zip(net.scores(cands), cands, strict=True)]  # fmt: skip

    cands = [["ev:x", "ev:ctx:c=1"], ["ev:y", "ev:ctx:c=2"], []]
    each = [score(lin_, net_, cands) for lin_, net_ in members]
    mean = [(a + b) / 2 for a, b in zip(*each, strict=True)]
    assert all(abs(a - b) < 1e-3 for a, b in zip(score(lin, net, cands), mean, strict=True))
    assert each[0] != each[1]  # two seeds, two nets
