"""The learned caption filter: its bundled weights load and are named in every event; it drops
only captions the rules keep, where its weights score them low, and never adds one."""

from newsflow_contracts.events import ArticleReceived
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import caption_candidates, caption_features, caption_filter, text
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from tests.unit.enrich.layouts import page

PHOTO = (
    "<figure><img src='bridge.jpg'><figcaption>The old bridge over the Varn river, which the "
    "council voted to rebuild. Jane Doe / Varnhold Post</figcaption></figure>"
)
CARD = (
    "<figure><a href='/other-story'><img src='card.jpg'></a><figcaption><a href='/other-story'>"
    "Ten recipes for a rainy autumn weekend at home</a></figcaption></figure>"
)
HTML = page("", PHOTO + CARD)
CAPTION = (
    "The old bridge over the Varn river, which the council voted to rebuild. Jane Doe / "
    "Varnhold Post"
)


def test_bundled_weights_are_named_in_the_pipeline_field(enricher: Enricher) -> None:
    model = caption_filter.Filter.load()
    assert model.version.startswith("caption-filter-") and len(model.weights) > 50
    assert 0 < model.threshold < 1
    assert caption_filter.default() is not None
    ev = enricher.enrich(ArticleReceived.new(html=HTML, content_type="text/html"))
    assert "+" + model.version in ev.pipeline.model


def test_the_weights_drop_what_the_rules_keep_and_add_nothing() -> None:
    rules = text.from_html(HTML, filtered=False)
    assert rules.captions == [CAPTION]  # the card links to another story: no caption
    tree = HTMLParser(HTML)
    story = f"{rules.body}\n{rules.title}"
    sure = caption_filter.Filter({"bias": 30.0}, "t", 0.5)
    assert sure.captions(tree, rules.captions, story, text.normalize) == [CAPTION]
    doubt = caption_filter.Filter({"bias": -30.0}, "t", 0.5)
    assert doubt.captions(tree, rules.captions, story, text.normalize) == []
    # a line text.py took from the body as a caption is not the filter's to drop
    body_line = "FILE PHOTO: The council chamber of Varnhold"
    assert doubt.captions(tree, [CAPTION, body_line], story, text.normalize) == [body_line]


def test_a_caption_that_tells_of_the_story_reads_so() -> None:
    tree = HTMLParser(HTML)
    found = caption_candidates.candidates(tree)
    assert [(line, verdict) for _, line, _, verdict in found][:1] == [(CAPTION, "kept")]
    story = caption_features.content_words("The council of Varnhold voted to rebuild the bridge")
    feats = caption_features.features(tree, found, story)
    mine = next(f for (_, line, _, _), f in zip(found, feats, strict=True) if line == CAPTION)
    assert "ss0=False" in mine and not any(x.startswith("ca=") for x in mine)
    other = caption_features.story_share("Ten recipes for a rainy autumn weekend", story, False)
    assert "ss0=True" in other and "ss=0" in other
