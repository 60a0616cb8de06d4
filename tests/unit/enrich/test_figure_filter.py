"""The learned figure filter: its bundled weights load, are named in every event, drop the
figures they score low and keep the parents of the others right."""

from newsflow_contracts.events import ArticleReceived
from newsflow_enrich.pipeline import Enricher, _nlp_text
from newsflow_enrich.stages import figure_filter, figures

STORY = (
    "Ferry capsizes\n\nThe ferry carried 40 passengers, including 12 children, and the two "
    "crew members said 35 of them were rescued."
)


def _rule_figures(enricher: Enricher) -> tuple[object, list]:
    p = enricher.prepare(ArticleReceived.new(text=STORY))
    doc = enricher.nlp(_nlp_text(p.cleaned))
    return doc, figures.extract(doc, len(p.cleaned.body))


def test_bundled_weights_are_named_in_the_pipeline_field(enricher: Enricher) -> None:
    model = figure_filter.Filter.load()
    assert model.version.startswith("figure-filter-") and len(model.w) > 50
    assert 0 < model.threshold < 1
    ev = enricher.enrich(ArticleReceived.new(text=STORY))
    assert "+" + model.version in ev.pipeline.model


def test_the_weights_decide_what_is_kept(enricher: Enricher) -> None:
    doc, rules = _rule_figures(enricher)
    assert [f.value for f in rules] == [40, 12, 2, 35]
    assert figure_filter.Filter({"bias": 5.0}, "t", 0.5).keep(doc, rules) == rules
    # sub-counts tied to their whole by the parse are never dropped; their dropped whole is gone
    none = figure_filter.Filter({"bias": -5.0}, "t", 0.5).keep(doc, rules)
    assert [(f.value, f.parent) for f in none] == [(12, None), (35, None)]
    # "the two crew members": a number word after a determiner, dropped
    no_det = figure_filter.Filter({"bias": 5.0, "det|w=two": -10.0}, "t", 0.5)
    assert [f.value for f in no_det.keep(doc, rules)] == [40, 12, 35]


def test_parents_follow_the_kept_figures(enricher: Enricher) -> None:
    doc, rules = _rule_figures(enricher)
    assert rules[1].parent == 0 and rules[3].parent == 0  # 12 children and 35 of the 40
    no_det = figure_filter.Filter({"bias": 5.0, "det|w=two": -10.0}, "t", 0.5)
    kept = no_det.keep(doc, rules)
    assert [(f.value, f.parent) for f in kept] == [(40, None), (12, 0), (35, 0)]
    no_forty = figure_filter.Filter({"bias": 5.0, "val=1|count": -10.0}, "t", 0.5)
    kept = no_forty.keep(doc, rules)
    assert [(f.value, f.parent) for f in kept] == [(12, None), (2, None), (35, None)]


def test_doubtful_numbers_are_the_filters_to_take_back(enricher: Enricher) -> None:
    # the word "one" is mostly a pronoun, now and then a count: the rules leave it out, the
    # filter may take it back
    doc = enricher.nlp(
        "One death was reported on Monday. One thing is clear now, and 40 people were hurt."
    )
    assert [f.value for f in figures.candidates(doc)[0]] == [40]
    found, doubts = figures.candidates(doc, doubtful=True)
    assert [(f.value, d) for f, d in zip(found, doubts, strict=True)] == [
        (1, "one"), (1, "one"), (40, None)]  # fmt: skip
    keep_all = figure_filter.Filter({"bias": 5.0}, "t", 0.5)
    assert keep_all.keep(doc, found, doubts) == found
    no_one = figure_filter.Filter({"bias": 5.0, "doubt=one|bias": -10.0}, "t", 0.5)
    assert [f.value for f in no_one.keep(doc, found, doubts)] == [40]
    # its own weights: "One" before a noun the verb reports is kept, the other not
    death = figure_filter.Filter({"bias": 5.0, "doubt=one|bias": -10.0,
                                  "doubt=one|n1=death": 10.0}, "t", 0.5)  # fmt: skip
    assert [f.text for f in death.keep(doc, found, doubts)] == ["One", "40"]


def test_a_count_of_people_a_toll_verb_is_told_of_is_kept(enricher: Enricher) -> None:
    doc = enricher.nlp("Forty tenants had to be evacuated, and three reporters watched.")
    found, doubts = figures.candidates(doc, doubtful=True)
    assert [f.value for f in found] == [40, 3]
    # the filter scores both low: the toll's count stays, the other is dropped
    none = figure_filter.Filter({"bias": -5.0}, "t", 0.5)
    assert [f.value for f in none.keep(doc, found, doubts)] == [40]


def test_a_range_is_read_by_its_high_end(enricher: Enricher) -> None:
    # "one to three years" is a range, not the pronoun "one": its shape is its high end's
    doc = enricher.nlp("The vaccine could be ready in one to three years, the minister said.")
    [fig], _ = figures.candidates(doc)
    assert (fig.low, fig.high) == (1, 3)
    feats = figure_filter.features(doc, fig, {})
    assert "w=three" in feats and "w=one" not in feats
    no_one = figure_filter.Filter({"bias": 5.0, "w=one": -10.0}, "t", 0.5)
    assert no_one.keep(doc, [fig]) == [fig]


def test_a_ranges_high_end_is_a_number_not_its_scale_word(enricher: Enricher) -> None:
    doc = enricher.nlp("The country needs $40-50 billion in farm purchases.")
    [fig], _ = figures.candidates(doc)
    feats = figure_filter.features(doc, fig, {})
    assert (fig.low, fig.high) == (40e9, 50e9)
    assert "digits" in feats and "w=scaled" not in feats
