"""Bylines and agencies on real page layouts (bench/real): made-up pages in the shapes met on
real-news dev."""

import json

import pytest
from newsflow_enrich.stages import metadata, text

from tests.unit.enrich.layouts import STORY, meta, page


def test_byline_drops_handle_job_title_and_date_printed_in_their_own_elements() -> None:
    html = page(
        "",
        "<div class='byline'><span>By</span>\n<a href='/a/jm'>Jane Marlow</a>\n"
        "<span>@jmarlow</span>\n<span class='role'>Staff Writer</span>\n"
        "<time>Nov 19, 2030</time></div>",
    )
    assert meta(html).byline == "By Jane Marlow"


def test_a_name_split_by_markup_is_one_word_but_a_block_after_it_is_apart() -> None:
    # A letter in a span of its own (letter spacing) is part of the name; a block printed
    # after the name ("View More Articles") is not.
    split = "<div class='byline'><a href='/a/lm'>Louise Matsaki<span class='ls'>s</span></a></div>"
    assert meta(page("", split)).byline == "Louise Matsakis"
    block = (
        "<div class='author'><a href='/a/mg'>Marcus Guzman</a><div>View More Articles</div></div>"
    )
    assert meta(page("", block)).byline == "Marcus Guzman"


def test_byline_keeps_the_outlet_the_meta_author_names_after_a_comma() -> None:
    # The name and its outlet in two elements, printed as one line: the meta author says the
    # outlet is part of the byline; a job title or a place in an element of its own is not.
    box = "<p class='byline'><span>By Tomas Vell, </span><span>Varnhold Business</span></p>"
    tag = '<meta name="author" content="Tomas Vell, Varnhold Business">'
    assert meta(page(tag, box)).byline == "By Tomas Vell, Varnhold Business"
    assert meta(page('<meta name="author" content="Tomas Vell">', box)).byline == "By Tomas Vell"
    role = box.replace("Varnhold Business", "Staff Writer")
    tag = '<meta name="author" content="Tomas Vell, Staff Writer">'
    assert meta(page(tag, role)).byline == "By Tomas Vell"


def test_byline_box_named_in_any_case_and_its_by_after_an_avatar() -> None:
    box = "<div class='ArticleMeta__Author'><span>By <span>Tomas Vell</span></span></div>"
    assert meta(page("", box)).byline == "By Tomas Vell"
    # The name printed first in an avatar's placeholder, then "By" and the name.
    box = ("<div><a href='/staff/tv'><span class='resimg Avatar'>Tomas Vell</span></a> By "
           "<span class='author vcard'><a href='/staff/tv/posts'>Tomas Vell</a></span></div>")  # fmt: skip
    assert meta(page("", box)).byline == "By Tomas Vell"


def test_an_e_mail_printed_in_the_name_s_own_text_stays() -> None:
    # In the name's link, as printed; in an element of its own it is dropped.
    box = (
        "<span class='author'>By <a href='/staff/tv'>Tomas Vell | tvell@varnhold.example</a></span>"
    )
    assert meta(page("", box)).byline == "By Tomas Vell | tvell@varnhold.example"
    box = "<span class='author'>By <a>Tomas Vell</a> <a>tvell@varnhold.example</a></span>"
    assert meta(page("", box)).byline == "By Tomas Vell"


def test_byline_labels_a_title_printed_on_after_a_comma_and_no_script_text() -> None:
    box = ("<div class='byline__names'>Analysis by <a>Tomas Vell</a>, Varnhold Senior Court "
           "Analyst</div>")  # fmt: skip
    assert meta(page("", box)).byline == "Analysis by Tomas Vell, Varnhold Senior Court Analyst"
    box = "<div class='article__author'>Author: <a class='author-name'>Tomas Vell</a></div>"
    assert meta(page("", box)).byline == "Author: Tomas Vell"
    # A script inside the box is not printed: its code is not the byline's text.
    box = "<div class='byline'><script>window.track = true</script><a>Tomas Vell</a></div>"
    assert meta(page("", box)).byline == "Tomas Vell"


def test_a_meta_author_never_printed_is_not_the_byline() -> None:
    tag = '<meta name="author" content="Muireann Dolan">'
    assert meta(page(tag, "")).byline is None
    # printed, in another form ("Dolan, Muireann" in the meta, "Muireann T. Dolan" printed)
    shown = page('<meta name="author" content="Dolan, Muireann">',
                  "<p class='who'>Muireann T. Dolan</p>")  # fmt: skip
    assert meta(shown).byline is not None


def test_byline_drops_read_time_and_keeps_several_linked_names() -> None:
    html = page("", "<div class='author-box'><a>Tomas Vell</a><span>5 Min Read</span></div>")
    assert meta(html).byline == "Tomas Vell"
    html = page(
        "",
        "<p class='byline'>By <a>Ana Rusk</a>, <a>Li Peng</a> and <a>Omar Said</a></p>",
    )
    assert meta(html).byline == "By Ana Rusk, Li Peng and Omar Said"


def test_agency_byline_without_the_place_and_date_after_it() -> None:
    html = page(
        "",
        "<span class='author'><span>Reuters, </span><span> Washington, </span>"
        "<span>Nov 20 2030, 11:06am ist</span></span>",
    )
    assert meta(html).byline == "Reuters"


def test_posted_by_line_wins_over_a_comment_author() -> None:
    html = page(
        "",
        "<div class='byline'>Posted by Mira Kohl on November 19, 2030, 6:21 AM EST</div>",
        "<div class='comment'><span class='comment-author'>thelastfan</span></div>",
    )
    assert meta(html).byline == "Posted by Mira Kohl"


def test_byline_keeps_the_outlet_printed_after_a_bar() -> None:
    # In one text, or in a span of its own that starts with the bar: the page's one byline.
    html = page("", "<span class='byline-item'> Ana Rusk, Li Peng | VARNHOLD TODAY </span>")
    assert meta(html).byline == "Ana Rusk, Li Peng | VARNHOLD TODAY"
    html = page("", "<div class='byline'><span> By <span><a href='/p/tv'>Tomas Vell</a><span "
                     "class='article-source'><a href='/'> | Varnhold News</a></span></span></span>"
                     "</div>")  # fmt: skip
    assert meta(html).byline == "By Tomas Vell | Varnhold News"
    html = page("", "<div class='byline'>By <a rel='author'>Tomas Vell</a> | <a href='mailto:"
                     "tv@varnhold.example'>tv@varnhold.example</a> | Varnhold News</div>")  # fmt: skip
    assert meta(html).byline == "By Tomas Vell"


def test_byline_of_a_submitted_by_line_wins_over_an_author_link_elsewhere() -> None:
    html = page(
        '<meta name="author" content="Tomas Vell">',
        "<div class='submitted-wrp'><span class='submitted-by'> By Tomas Vell - <span "
        "class='submitted-date'>11/18/30 11:04 PM EST</span></span></div>",
    )
    assert meta(html).byline == "By Tomas Vell"


def test_by_printed_four_elements_above_the_author_link() -> None:
    html = page("", "<div class='post-author-name'>By <span class='fn'><span itemprop='author'>"
                     "<span><a rel='author' href='/p/tv'>Tomas Vell</a></span></span></span> - "
                     "</div>")  # fmt: skip
    assert meta(html).byline == "By Tomas Vell"


@pytest.mark.parametrize(("lead", "agencies"), [
    ("London, Jun 11 (efe-epa).- The pandemic has shown how much the city needs its workers.",
     ["EFE", "EPA"]),
    ("MOSCOW (UrduPoint News / Sputnik - 29th April, 2030) It is impossible to say when.",
     ["Sputnik"]),
    ("TORONTO (Canadian Press) — The council of the city voted on the plan again.",
     ["Canadian Press"]),
])  # fmt: skip
def test_agencies_credited_in_the_dateline(lead: str, agencies: list[str]) -> None:
    cleaned = text.Cleaned(body=lead + "\n\n" + STORY)
    assert metadata.extract(cleaned, title=None, published_at=None).agencies == agencies


def test_a_photo_agency_credited_in_a_caption() -> None:
    html = page("", "<figure><img src='a.jpg'><figcaption>The council in session. Credit: EPA"
                     "</figcaption></figure>")  # fmt: skip
    assert meta(html).agencies == ["EPA"]


@pytest.mark.parametrize(("caption", "agencies"), [
    ("Workers at the port. Photo: Ali Vell/Anadolu via Getty Images", ["Anadolu"]),
    ("The new deck. Photograph: Jeenah Moll/Bloomberg", ["Bloomberg"]),
    ("Former mayor Michael Bloomberg at the site.", []),  # a person, not a credit
    ("Masks at the hospital. JIJI", ["Jiji"]),
    ("Activists on the stage of the theatre (Photo: Tova Lind/PA Wire)", ["PA Media"]),
    ("A fitter jailed for the fire at the mill Credit: Photo: PA", ["PA Media"]),
    ("The harbour wall after the storm (Image: PA)", ["PA Media"]),
    ("The council offices in Erie, PA, on Monday.", []),  # Pennsylvania, not a credit
])  # fmt: skip
def test_agencies_by_the_annotation_guide_s_names(caption: str, agencies: list[str]) -> None:
    html = page("", f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>")
    assert meta(html).agencies == agencies


def test_a_byline_box_in_the_comments_is_not_the_byline() -> None:
    html = page("", "<div class='author'><div class='author-name'>ANA RUSK</div></div>",
                 "<ul><li class='comment'><div class='byline'><div class='username'>Sky</div>"
                 "</div></li></ul>")  # fmt: skip
    assert meta(html).byline == "ANA RUSK"


def test_a_by_line_opening_the_text_is_the_byline() -> None:
    html = page('<meta name="author" content="Online News Editor">', "<p>By Ana Rusk</p>")
    cleaned = text.from_html(html)
    assert meta(html).byline == "By Ana Rusk" and "By Ana Rusk" not in cleaned.body


def test_a_date_and_time_in_a_long_byline_box_are_read_from_their_own_element() -> None:
    # The box prints the author, a job title and a row of share buttons around the <time>.
    share = "Facebook Twitter Share Close sharing options Facebook Twitter LinkedIn Email Print"
    html = page('<meta property="article:published_time" content="2030-12-16T22:05:00.000Z">',
                "<div class='byline'><span>By</span> <a>Ana Rusk</a> <span>Staff Writer</span> "
                "<time><span>Dec. 16, 2030</span> <span>2:05 PM PT</span></time><ul>"
                + f"<li>{share}</li>" * 2 + "</ul></div>")  # fmt: skip
    assert meta(html).published_at[:16] == "2030-12-16T14:05"


@pytest.mark.parametrize(("credit", "agencies"), [
    ("The Associated Press contributed to this report.", ["Associated Press"]),
    ("Additional reporting from PA", ["PA Media"]),
    ("With reporting by Reuters and AFP.", ["AFP", "Reuters"]),
    ("Ilse Brandt of the Daily Post contributed to this report.", []),
    ("The plant near Erie, PA, closed in 2029, reporters from the city said.", []),
])  # fmt: skip
def test_agencies_credited_in_a_credit_line_at_the_story_s_foot(
    credit: str, agencies: list[str]
) -> None:
    cleaned = text.Cleaned(body=STORY + "\n\n" + credit)
    assert metadata.extract(cleaned, title=None, published_at=None).agencies == agencies


@pytest.mark.parametrize(("box", "byline"), [
    # printed loose after the name's element, in the same box: part of the byline
    ("<p class='byline'><a rel='author' href='/p/tv'>Tomas Vell</a> in Quillby</p>",
     "Tomas Vell in Quillby"),
    ("<p class='byline'><a rel='author' href='/p/tv'>Tomas Vell</a> Transport editor</p>",
     "Tomas Vell Transport editor"),
    ("<div class='byline'><span><a href='/p/tv'>Tomas Vell</a> and Ana Rusk</span></div>",
     "Tomas Vell and Ana Rusk"),
    ("<div class='byline'><a href='/p/tv'>Tomas Vell</a> / QNS /</div>", "Tomas Vell / QNS"),
    # after a separator's element, a word leading into the next element, a date: not
    ("<div class='byline'><a href='/p/tv'>Tomas Vell</a><span> · </span>Quillby News</div>",
     "Tomas Vell"),
    ("<div class='byline'>By <a href='/p/tv'>Tomas Vell</a> in <a href='/s'>Rail</a></div>",
     "By Tomas Vell"),
    ("<div class='byline'><a href='/p/tv'>Tomas Vell</a> Updated 3 hours ago</div>", "Tomas Vell"),
])  # fmt: skip
def test_text_printed_loose_after_the_name_in_its_box_is_part_of_the_byline(
    box: str, byline: str
) -> None:
    assert meta(page("", box)).byline == byline


def test_a_meta_author_that_is_the_site_s_name_or_one_word_label_is_no_byline() -> None:
    site = "<title>Varnhold votes on the bridge plan again - Quillby Courier</title>"
    author = '<meta name="author" content="{}">'
    # no byline box: the meta author is the byline where the page prints it, but not the
    # publisher's own name (printed in its masthead) nor a one-word label, unless an agency's
    masthead = "<div class='masthead'>Quillby Courier</div><div>Updated</div><div>PTI</div>"
    for name, byline in (("Quillby Courier", None), ("Updated", None), ("PTI", "PTI"),
                         ("Tomas Vell", None), ("Ana Rusk", "Ana Rusk")):  # fmt: skip
        html = page(site + author.format(name), masthead + "<p>Ana Rusk</p>")
        assert meta(html).byline == byline, name


def test_an_agency_alone_in_a_source_element_is_the_byline_where_no_box_names_one() -> None:
    # No byline box: "<p class='source'>Associated Press</p>" under the headline is the byline;
    # a photo's credit in the same class ("Credit: Reuters/Stringer", in a small box with the
    # photo) is not.
    photo = "<div><img src='a.jpg'><p class='credit'>Credit: Reuters/Stringer</p></div>"
    assert meta(page("", photo)).byline is None
    source = "<p class='source'>Associated Press</p>"
    assert meta(page("", photo + source)).byline == "Associated Press"


def test_a_photo_credit_a_comment_count_and_an_author_page_link_are_no_byline() -> None:
    # Each in a byline-classed box before the article's own: the next box is the byline.
    for junk in (
        "Photograph by Tova Lind, Nordic Creative",
        "Image credit: Ana Rusk/Reuters",
        "5 comments",
        "See more articles by Jane Marlow",
    ):
        html = page(
            "",
            f"<div class='byline'>{junk}</div><div class='byline'>By <a>Jane Marlow</a></div>",
        )
        assert meta(html).byline == "By Jane Marlow", junk


def test_the_json_ld_author_printed_on_the_page_is_the_byline_where_no_box_names_one() -> None:
    # An outlet as the article's author in its JSON-LD, printed in a box no byline selector
    # reads ("<div class='publisher'>"), with no meta author tag: the byline; an author of
    # another object (a photo's) is not the article's, nor one the page never prints.
    ld = json.dumps([
        {"@type": "NewsArticle", "headline": "Varnhold votes on the bridge plan again",
         "author": [{"@type": "Organization", "name": "Varnhold Markets"}]},
        {"@type": "ImageObject", "author": "Ana Rusk"},
    ])  # fmt: skip
    head = f"<script type='application/ld+json'>{ld}</script>"
    box = "<div class='publisher'>Varnhold Markets | </div>"
    assert meta(page(head, box)).byline == "Varnhold Markets"
    assert meta(page(head, "<div class='publisher'>Ana Rusk</div>")).byline is None
    assert meta(page(head, "")).byline is None
    # a byline box or a printed meta author comes first
    assert (
        meta(page(head, box + "<div class='byline'>By Tomas Vell</div>")).byline == "By Tomas Vell"
    )
    tag = '<meta name="author" content="Tomas Vell">'
    assert meta(page(head + tag, box + "<p>Tomas Vell</p>")).byline == "Tomas Vell"
