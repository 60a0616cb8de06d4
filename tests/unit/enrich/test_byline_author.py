"""The byline box that prints the author the page's metadata names wins over boxes before it."""

from newsflow_enrich.stages import metadata, text

STORY = "".join(
    f"<p>The council of Varnhold voted on the plan for the {k}th time on Tuesday, and the mayor "
    f"said the works would start next spring after a long wait.</p>"
    for k in range(1, 6)
)


def _page(head: str, top: str) -> str:
    return (f"<html><head>{head}</head><body><div class='byline'>by Harbour Media Wire</div>"
            f"<article><h1>Varnhold votes on the bridge plan</h1>{top}{STORY}</article>"
            f"</body></html>")  # fmt: skip


def _byline(html: str) -> str | None:
    return metadata.extract(text.from_html(html), title=None, published_at=None).byline


def test_the_box_printing_the_json_ld_author_wins() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Varnhold '
            'votes", "author": [{"@type": "Person", "name": "DJ Summers"}]}</script>')  # fmt: skip
    top = "<div class='article-meta'><p>by: <a class='author' rel='author'>DJ Summers</a></p></div>"
    assert _byline(_page(head, top)) == "by: DJ Summers"


def test_the_meta_authors_first_name_is_looked_for_and_a_run_on_is_ignored() -> None:
    head = '<meta name="author" content="Lisa Kaczke; Trevor J Mitchell">'
    top = "<div class='author-box'>Lisa Kaczke and Trevor J. Mitchell</div>"
    assert _byline(_page(head, top)) == "Lisa Kaczke and Trevor J. Mitchell"


def test_without_a_meta_author_the_first_box_stays() -> None:
    top = "<div class='author-box'>Lisa Kaczke</div>"
    assert _byline(_page("", top)) == "by Harbour Media Wire"
