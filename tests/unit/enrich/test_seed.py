"""The seed article (a real scraped wire story) enriched end to end, offline."""

import pytest
from newsflow_contracts.events import ArticleEnriched, ArticleReceived
from newsflow_enrich.pipeline import Enricher

from tests.conftest import SEED

CHROME = ["You are here", "31 users have voted.", "Add new comment", "5 + 8 =",
          "Solve this simple math problem", "Get top stories and blog posts emailed",
          "This question is for testing"]  # fmt: skip


@pytest.fixture(scope="module")
def seed(enricher: Enricher) -> ArticleEnriched:
    return enricher.enrich(ArticleReceived.new(text=SEED.read_text()))


def test_chrome_is_removed_and_every_story_paragraph_kept(seed: ArticleEnriched) -> None:
    for line in CHROME:
        assert line not in seed.body
    paragraphs = [p for p in SEED.read_text().split("\n\n") if p.strip()]
    story = paragraphs[paragraphs.index(next(p for p in paragraphs if p.startswith("BEIRUT"))) :]
    story = story[: next(i for i, p in enumerate(story) if p.startswith("31 users"))]
    assert len(story) == 16
    for p in story:
        assert " ".join(p.split()) in seed.body


def test_metadata(seed: ArticleEnriched) -> None:
    assert seed.title == "US-backed fighters break into Daesh holdout in East Syria"
    assert seed.byline == "By AFP"
    assert seed.agencies == ["AFP"]
    assert seed.published_at == "2018-12-06"
    assert seed.dateline == "BEIRUT"
    assert seed.language == "en"
    assert len(seed.captions) == 1 and seed.captions[0].endswith("(AFP photo)")
    assert "funeral of a comrade" not in seed.body


def test_entities_are_merged_with_aliases_and_spans_index_the_body(seed: ArticleEnriched) -> None:
    by_name = {e.name: e for e in seed.entities}
    sdf = by_name["Syrian Democratic Forces"]
    assert sdf.type == "ORG" and "SDF" in sdf.aliases
    khalil = by_name["Redur Khalil"]
    assert khalil.type == "PERSON" and "Khalil" in khalil.aliases and khalil.mentions == 3
    daesh = by_name["Islamic State"]
    assert "Daesh" in daesh.aliases and daesh.type == "ORG"
    assert by_name["Hajin"].type == "LOC"
    assert by_name["Rami Abdelrahman"].type == "PERSON"
    assert "Qamishli" in by_name  # named only in the caption
    for e in seed.entities:
        for start, end in e.spans:
            assert seed.body[start:end] in {e.name, *e.aliases}
    assert not any(e.name in ("Khalil", "SDF", "Daesh") for e in seed.entities)


def test_figures_in_context(seed: ArticleEnriched) -> None:
    figs = {(f.value, f.object): f for f in seed.figures}
    assert figs[(1000, "civilians")].qualifier == "more than"
    assert figs[(1000, "civilians")].event == "flee"
    assert figs[(820, "extremists")].event == "killed"
    assert figs[(820, "extremists")].qualifier == "more than"
    assert figs[(480, "US-backed fighters")].event == "killed"  # coordinated: shares the event
    assert figs[(300, "civilians")].event == "killed"
    jihadists = figs[(34, "jihadists")]
    bombers = figs[(3, "suicide bombers")]
    assert bombers.parent == seed.figures.index(jihadists)
    assert bombers.event == "killed"
    assert figs[(17, "SDF fighters")].event == "killed"
    values = [f.value for f in seed.figures]
    assert 2014 not in values and 10 not in values and 31 not in values  # year, date, chrome
    for f in seed.figures:
        assert seed.body[f.span[0] : f.span[1]] == f.text
        assert f.text in f.sentence
