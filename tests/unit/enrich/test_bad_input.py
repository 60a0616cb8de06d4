"""Bad input gets a clear ExtractionSkipped (a DLQ entry with its reason), never a crash."""

import pytest
from newsflow_contracts.events import ArticleEnriched, ArticleReceived
from newsflow_enrich.errors import ExtractionSkipped, NewsflowError
from newsflow_enrich.pipeline import Enricher


def _skip_reason(enricher: Enricher, raw: ArticleReceived) -> str:
    with pytest.raises(ExtractionSkipped) as info:
        enricher.enrich(raw)
    return info.value.reason


def test_empty_body(enricher: Enricher) -> None:
    assert "empty" in _skip_reason(enricher, ArticleReceived.new(text=""))
    assert "empty" in _skip_reason(enricher, ArticleReceived.new(text="  \n\n \t "))


def test_binary_is_refused_with_its_reason(enricher: Enricher) -> None:
    png = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + "\ufffd\x01\x02\x03" * 2000
    assert "binary" in _skip_reason(enricher, ArticleReceived.new(text=png))


def test_50_mb_of_text_is_refused(enricher: Enricher) -> None:
    big = "The council said 300 people attended the meeting in the city hall. " * 750_000
    assert len(big) > 50_000_000
    reason = _skip_reason(enricher, ArticleReceived.new(text=big))
    assert "limit" in reason  # refused on its size, before any parsing


def test_text_just_over_the_limit_is_refused() -> None:
    small = Enricher.__new__(Enricher)  # no model needed: prepare() fails before spaCy
    small.max_chars = 1000
    body = "A long story paragraph that goes on and on about the city budget and its cuts. " * 30
    with pytest.raises(ExtractionSkipped, match="limit"):
        small.prepare(ArticleReceived.new(text=body))


def test_other_language(enricher: Enricher) -> None:
    french = (
        "Le gouvernement a annoncé lundi une nouvelle réforme des retraites, qui sera "
        "présentée au Parlement la semaine prochaine. Les syndicats ont appelé à la grève "
        "générale dans tout le pays à partir de jeudi."
    )
    assert "'fr'" in _skip_reason(enricher, ArticleReceived.new(text=french))


def test_html_with_no_article(enricher: Enricher) -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<div class='cookie'>We use cookies.</div>"
        "<footer>© 2025 Example. All rights reserved.</footer></body></html>"
    )
    reason = _skip_reason(enricher, ArticleReceived.new(html=html, content_type="text/html"))
    assert "no article text" in reason


def test_page_of_chrome_only(enricher: Enricher) -> None:
    chrome = "You are here\n\nHome › News\n\n31 users have voted.\n\nAdd new comment\n"
    assert "no article text" in _skip_reason(enricher, ArticleReceived.new(text=chrome))


def test_a_one_line_article_is_enriched_not_refused(enricher: Enricher) -> None:
    # A flash or a headline-only wire item: the line is taken as the title, and is the story too.
    event = enricher.enrich(
        ArticleReceived.new(text="Robbers in drag steal 80 million euros from Paris diamond store")
    )
    assert event.body.startswith("Robbers in drag")
    assert any(e.name == "Paris" for e in event.entities)
    assert [f.value for f in event.figures] == [80_000_000]


def test_a_batch_keeps_going_past_bad_articles(enricher: Enricher) -> None:
    good = ArticleReceived.new(
        text="LONDON — The city council approved a budget on Monday "
        "that cuts 450 jobs, officials said."
    )
    results = enricher.enrich_many(
        [ArticleReceived.new(text=""), good, ArticleReceived.new(text="\x00\x01\x02" * 500)]
    )
    assert isinstance(results[0], NewsflowError)
    assert isinstance(results[1], ArticleEnriched)
    assert isinstance(results[2], NewsflowError)
