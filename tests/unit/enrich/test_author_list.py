"""A meta author list as the page prints it (stages/author_list.py): made-up pages in the layouts
of real dev pages (NJ.com, Nine)."""

from tests.unit.enrich.layouts import meta, page

_AUTHOR = "<meta name='author' content='{}'>"


def test_the_printed_line_of_a_meta_author_list_with_its_by() -> None:
    html = page(
        _AUTHOR.format("Ana Rusk; Varnhold Media"),
        "By <span class='author'><a href='/staff/ana'>Ana Rusk | Varnhold Media for VM.com</a>"
        "</span>",
    )
    assert meta(html).byline == "By Ana Rusk | Varnhold Media for VM.com"


def test_names_read_as_printed_and_a_date_element_after_them_left_out() -> None:
    html = page(
        _AUTHOR.format("Ana Rusk; AP"),
        "<div class='x'><a href='/team/ana'>Ana Rusk</a> and <span>AP</span>"
        "<p><time>June 30, 2030 - 4.34pm</time></p></div>",
    )
    assert meta(html).byline == "Ana Rusk and AP"


def test_one_name_or_names_printed_in_another_order_stay_the_meta_author() -> None:
    html = page(_AUTHOR.format("Ana Rusk; AP"), "<div class='x'>AP and Ana Rusk</div>")
    assert meta(html).byline == "Ana Rusk; AP"


def test_a_meta_author_read_off_the_date_labels_is_no_list_of_names() -> None:
    html = page(
        _AUTHOR.format("Posted June ; Updated June"),
        "<div class='x'>Posted June 13, 2030 at 06:01 AM | Updated June 14, 2030</div>",
    )
    assert meta(html).byline != "Posted June 13, 2030 at 06:01 AM"
