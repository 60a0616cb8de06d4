"""bench/train_entities' learner: a label may allow several classes (an optional gold name is
right as its own type or as none), and the model learns to put its weight on them."""

from newsflow_enrich.stages.entity_types import CLASSES, Typer

from bench.entity_train import train


def test_a_partial_label_puts_the_weight_on_the_classes_it_allows() -> None:
    exs = [(["bias", "suffix=Corp"], "ORG", "ORG")] * 6 \
        + [(["bias", "shape=product"], "LOC|OTHER", "ORG")] * 6  # fmt: skip
    typer = Typer(train(exs, epochs=10, seed=7, min_count=1), {}, "test")
    corp = typer.probs(["bias", "suffix=Corp"])
    product = typer.probs(["bias", "shape=product"])
    assert max(corp, key=corp.get) == "ORG", corp
    assert product["LOC"] + product["OTHER"] > 0.9, product
    assert product["ORG"] < 0.05, product


def test_the_typer_scores_a_candidate_as_the_training_does() -> None:
    """Typer.scores sums per class what the training's gradient sums (the same floats): a
    shipped model types candidates as it was trained to."""
    exs = [(["bias", "suffix=Corp", "w0=acme"], "ORG", "ORG")] * 6 \
        + [(["bias", "title", "w0=acme"], "PERSON", "ORG")] * 6  # fmt: skip
    w = train(exs, epochs=10, seed=7, min_count=1)
    feats = ["bias", "w0=acme", "unseen", "suffix=Corp", "title"]
    want = {k: sum(w.get(f"{x}|{k}", 0.0) for x in feats) for k in CLASSES}
    assert Typer(w, {}, "test").scores(feats) == want


def test_the_parse_cache_names_the_ner_put_into_the_pipeline_and_the_vote_not_the_typer() -> None:
    """bench/train_entities --ner: parses of a pipeline with other NER weights are not the base
    pipeline's (they hold other entities), so the cache is named by the parsing pipeline's name;
    a retrained typer reads the same parses."""
    from types import SimpleNamespace

    import spacy

    from bench.parsed import TrainCache

    def enricher(model: str) -> SimpleNamespace:
        typer = SimpleNamespace(version="entity-types-1")
        return SimpleNamespace(pipeline=SimpleNamespace(model=model + "+entity-types-1"),
                               nlp=spacy.blank("en"), reranker=None, keeper=None, typer=typer)  # fmt: skip

    names = {m: TrainCache(enricher(m)).path.name
             for m in ("base@3.8.0+ner-x@2+vote:ner-y@1", "base@3.8.0+vote:ner-y@1", "base@3.8.0")}  # fmt: skip
    assert len(set(names.values())) == 3
    assert names["base@3.8.0"] == "figure_train.base@3.8.0.spacy"
    assert "ner-x@2" in names["base@3.8.0+ner-x@2+vote:ner-y@1"]
    assert not any("entity-types" in n for n in names.values())


def test_the_written_weight_tips_a_feature_the_two_kinds_of_page_disagree_on() -> None:
    """--written-weight: the written sets' examples count that much against a real page's, so
    where the two disagree ("a rare word is a place" vs "a rare word is no name") the heavier
    side's class wins."""
    real = [(["bias", "rare"], "OTHER", "ORG")] * 6
    written = [(["bias", "rare"], "LOC", "ORG")] * 5
    feats = ["bias", "rare"]

    def best(weight: float) -> str:
        w = train(real, epochs=10, seed=7, min_count=1, written=written, written_weight=weight)
        p = Typer(w, {}, "test").probs(feats)
        return max(p, key=p.get)

    assert best(1.0) == "OTHER"
    assert best(3.0) == "LOC"


def test_the_lexical_l2_holds_a_rare_word_nearer_0_than_the_gazetteer() -> None:
    """--lexical-l2: a word seen on a few pages ("w0=...") is held near 0 by an L2 over the whole
    data, so a place the gazetteer knows keeps its class where the rare word, left free, would
    overrule it; the knowledge features are not held (knowledge_l2 0)."""
    exs = [(["bias", "gaz=city"], "LOC", "ORG")] * 30 \
        + [(["bias", "gaz=city", "w0=kumo"], "OTHER", "ORG")] * 3  # fmt: skip
    feats = ["bias", "gaz=city", "w0=kumo"]

    def best(lexical_l2: float) -> str:
        w = train(exs, epochs=10, seed=7, min_count=1, lexical_l2=lexical_l2)
        p = Typer(w, {}, "test").probs(feats)
        return max(p, key=p.get)

    assert best(0.0) == "OTHER"
    assert best(10.0) == "LOC"


def test_no_group_l2_gives_the_weights_of_before() -> None:
    """lexical_l2 = knowledge_l2 = 0 (the default) trains the same weights as without them."""
    exs = [(["bias", "gaz=city", "w0=kumo"], "LOC", "ORG")] * 4 \
        + [(["bias", "title", "prev=mr"], "PERSON", "ORG")] * 4  # fmt: skip
    assert train(exs, 10, 7, 1) == train(exs, 10, 7, 1, lexical_l2=0.0, knowledge_l2=0.0)


def test_average_ships_the_mean_of_the_last_epochs_weights() -> None:
    """figure_learn.fit(average=True): the weights are the mean of the weights after each item of
    the last epoch, not the last ones (which move with the order a seed shuffles the items in)."""
    import math

    from bench.figure_learn import fit

    def push(item: int, w: dict[str, float]) -> list[tuple[list[str], float]]:
        return [(["x"], 1.0)]  # every item pushes "x" down by AdaGrad's step

    steps = [0.0]
    for t in range(1, 9):  # two epochs of four items: w after each step
        steps.append(steps[-1] - 0.1 / math.sqrt(t + 1e-8))
    last = fit(list(range(4)), push, epochs=2, seed=7, lr=0.1, l2=0.0, digits=6)
    mean = fit(list(range(4)), push, epochs=2, seed=7, lr=0.1, l2=0.0, digits=6, average=True)
    assert last["x"] == round(steps[8], 6)
    assert mean["x"] == round(sum(steps[5:9]) / 4, 6)


def test_the_role_min_count_drops_a_rare_head_word_and_keeps_its_class() -> None:
    """--role-min-count: a feature naming the head word of a name's role ("rd=nsubj:tweet") is
    kept only if that many examples have it; the class of the role ("r_say") and the other
    features keep --min-count."""
    exs = [(["bias", "r_say", "rd=nsubj:tweet"], "ORG", "ORG")] * 6 \
        + [(["bias", "r_say", "pp=of:share"], "ORG", "ORG")] * 12 \
        + [(["bias", "title"], "PERSON", "ORG")] * 6  # fmt: skip

    def kept(role_min_count: int | None) -> set[str]:
        w = train(exs, epochs=2, seed=7, min_count=5, role_min_count=role_min_count)
        return {k.rpartition("|")[0] for k in w}

    assert kept(None) >= {"rd=nsubj:tweet", "pp=of:share", "r_say", "title"}
    assert kept(10) >= {"pp=of:share", "r_say", "title"}
    assert "rd=nsubj:tweet" not in kept(10)
    assert kept(None) - kept(10) == {"rd=nsubj:tweet"}
