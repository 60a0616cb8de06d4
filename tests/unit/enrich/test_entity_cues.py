"""A cue and spaCy's labels (registry.Candidate.cues): both add to a candidate's type votes, a cue
as much as STRONG labels, but only a cue keeps the learned typer away. A name spaCy labels an
organisation on six mentions ("Jodie Burrage ... Burrage ... Burrage") is still the typer's to
type. Made-up names and text."""

from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import entities
from newsflow_enrich.stages import entity_types as et
from newsflow_enrich.stages.registry import STRONG, Registry

_TEXT = (
    "Mirela Vosk won in straight sets. Mirela Vosk served well, and Mirela Vosk said so. "
    "Kestrel Holdings paid the prize money. Mirela Vosk thanked Kestrel Holdings, and Mirela "
    "Vosk left. Mirela Vosk plays again on Friday."
)


def _registry() -> Registry:
    reg = Registry()
    for k in range(STRONG + 1):  # spaCy's label on each of six mentions
        reg.add("Mirela Vosk", "ORG", k)
    reg.add("Kestrel Holdings", "ORG", _TEXT.index("Kestrel"))
    reg.cue("Kestrel Holdings", "ORG")  # "Holdings": an organisation's suffix
    return reg


def test_a_cue_is_told_from_spacys_labels() -> None:
    reg = _registry()
    vosk, kestrel = reg.cands["Mirela Vosk"], reg.cands["Kestrel Holdings"]
    assert vosk.types["ORG"] == STRONG + 1 and not vosk.cues
    assert kestrel.types["ORG"] == STRONG + 1 and kestrel.cues == {"ORG"}
    reg.add("Vosk", "PERSON", 0, weight=STRONG)  # added with a cue's weight: a cue
    reg.merge(into="Mirela Vosk", form="Vosk")
    assert vosk.cues == {"PERSON"}


def test_the_typer_types_a_name_spacy_labelled_often_but_not_one_a_cue_decided(
    enricher: Enricher,
) -> None:
    doc = enricher.nlp(_TEXT)
    reg = _registry()
    spans = entities.mention_spans(reg, _TEXT)
    assert len(spans["Mirela Vosk"]) == 6
    typer = et.Typer({"bias|PERSON": 9.0}, {}, "test")  # says PERSON of every name
    typer.settle(reg, doc, spans, sport=False)
    assert reg.type_of("Mirela Vosk") == "PERSON"
    assert reg.type_of("Kestrel Holdings") == "ORG"
