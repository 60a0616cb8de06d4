"""Learned NER weights put into the spaCy pipeline (newsflow_enrich.models): loaded from a
directory, named in the event's pipeline field, refused when trained on another pipeline."""

import json
from pathlib import Path

import pytest
from newsflow_contracts.events import ArticleReceived
from newsflow_enrich.errors import ModelMismatch
from newsflow_enrich.pipeline import Enricher


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
    figs += "" if enricher.typer is None else "+" + enricher.typer.version
    learned = Enricher(ner=str(_component(tmp_path, enricher, base)))
    assert learned.pipeline.model == f"{base}+ner-test@7{figs}"
    raw = ArticleReceived.new(text="KABUL — Redur Khalil met officials of the United Nations.")
    event = learned.enrich(raw)
    assert event.pipeline.model == f"{base}+ner-test@7{figs}"
    # The same weights as the base model's own: the same entities.
    assert event.entities == enricher.enrich(raw).entities


def test_ner_trained_on_another_pipeline_is_refused(enricher: Enricher, tmp_path: Path) -> None:
    path = _component(tmp_path, enricher, "en_core_web_md@3.8.0")
    with pytest.raises(ModelMismatch, match="en_core_web_md@3.8.0"):
        Enricher(ner=str(path))


def test_a_missing_ner_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelMismatch, match="meta.json"):
        Enricher(ner=str(tmp_path / "nowhere"))
