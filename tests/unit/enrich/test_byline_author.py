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


def _bare(top: str, head: str = "") -> str:
    return (f"<html><head>{head}</head><body><article><h1>Varnhold votes on the bridge plan</h1>"
            f"{top}{STORY}</article></body></html>")  # fmt: skip


def test_by_printed_before_a_name_is_a_byline_whatever_the_box_is_called() -> None:
    top = ("<div class='MiiXW'><div class='_ceVT'>By <span class='rlwyg'>Tova Lind</span></div>"
           "<div>Published <time>February 24, 2026</time></div></div>")  # fmt: skip
    assert _byline(_bare(top)) == "By Tova Lind"
    top = "<div class='x1'><span class='y2'>By</span><span><a href='/t'>Ana Rusk</a></span></div>"
    assert _byline(_bare(top)) == "By Ana Rusk"


def test_the_meta_author_is_the_byline_with_the_by_the_page_prints() -> None:
    head = '<meta name="author" content="Ana Rusk">'
    top = "<ul><li> By <a href='/author/ana-rusk'>Ana Rusk</a> </li></ul>"
    assert _byline(_bare(top, head)) == "By Ana Rusk"


def test_by_starting_a_story_sentence_is_no_byline() -> None:
    top = "<p>By <a href='/x'>the end of the vote</a>, the council had agreed on the plan.</p>"
    assert _byline(_bare(top)) is None


def test_a_by_span_before_a_name_element_printing_its_own_by_is_kept_as_printed() -> None:
    # bench/real/ANNOTATING.md: "By" and the name in two elements are one byline, as printed.
    top = (
        "<div class='headline-byline'><span>By </span><span><a href='/author/ana-rusk'>"
        "<span>by </span><span>Ana Rusk</span><p>Staff Reporter</p></a></span></div>"
    )
    assert _byline(_bare(top)) == "By by Ana Rusk"


def test_a_label_in_an_element_of_its_own_before_the_name_is_kept_whole() -> None:
    # bench/real/ANNOTATING.md: the byline as printed, its label with it ("Article by").
    top = (
        "<div class='who'><span class='post_author_label'>Story by</span><br>"
        "<span class='post_author'>Ana Rusk </span></div>"
    )
    assert _byline(_bare(top)) == "Story by Ana Rusk"


def test_authors_marked_one_by_one_are_one_byline() -> None:
    head = '<meta name="author" content="Ana Rusk">'
    top = (
        "<address data-component='meta-byline'><div class='q7'><a rel='author' href='/p/ar'>"
        "Ana Rusk</a> and <a rel='author' href='/p/tl'>Tova Lind</a></div></address>"
    )
    assert _byline(_bare(top, head)) == "Ana Rusk and Tova Lind"


def test_a_meta_author_printed_as_value_not_content_is_the_page_s_author() -> None:
    head = '<meta name="author" value="Lisa Kaczke">'
    top = "<div class='author-box'>Lisa Kaczke</div>"
    assert _byline(_page(head, top)) == "Lisa Kaczke"
