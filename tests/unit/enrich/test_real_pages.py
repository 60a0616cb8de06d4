"""Metadata on real page layouts (bench/real): made-up pages in the shapes met on real-news dev."""

import pytest
from newsflow_enrich.stages import metadata, text

from tests.unit.enrich.layouts import STORY, captions, meta, page, story_body


def test_printed_local_time_wins_over_the_meta_utc_stamp() -> None:
    # The meta stamp is UTC and already the next day; the page prints its local time.
    html = page(
        '<meta property="article:published_time" content="2030-11-20T05:14:35Z">',
        "<p class='timestamp'><span>11:21 pm CST,</span> Tuesday, November 19, 2030</p>",
        "<ul><li>Other story <span>November 20, 2030 at 9:00 am</span></li></ul>",
    )
    assert meta(html).published_at == "2030-11-19T23:21:00"


def test_published_line_wins_over_updated_and_takes_its_time() -> None:
    html = page(
        '<meta property="article:published_time" content="2030-03-02T10:07:00-05:00">',
        "<div>Updated on: March 2, 2030 / 10:07 AM</div>"
        "<div>First published on <time>March 2, 2030</time> / 8:16 AM</div>",
    )
    assert meta(html).published_at == "2030-03-02T08:16:00"


@pytest.mark.parametrize(("printed", "when"), [
    ("<time>01.21.2030 07:00 AM</time>", "2030-01-21T07:00:00"),  # a dotted numeric date
    ("<div>Updated: Jan 21, 2030, 10.45 AM IST</div>", "2030-01-21T10:45:00"),  # a dotted time
    ("<time>21/01/2030 | 20:26 PM</time>", "2030-01-21T20:26:00"),  # 24-hour with a PM
    ("<div><div>Jan. 21, 2030</div><div>4 AM</div></div>", "2030-01-21T04:00:00"),  # an hour
    ("<p>Friday 21 January 2030 18.00 EST</p>", "2030-01-21T18:00:00"),  # dotted, with a zone
])  # fmt: skip
def test_printed_time_shapes(printed: str, when: str) -> None:
    html = page('<meta property="article:published_time" content="2030-01-21">', printed)
    assert meta(html).published_at == when


def test_a_time_printed_as_today_is_the_meta_day_s_local_time() -> None:
    html = page(
        '<meta property="article:published_time" content="2030-05-15T09:00:37+00:00">',
        "<div class='date'><span>Today 5:00 am</span></div><div>May 15, 2030</div>",
    )
    assert meta(html).published_at == "2030-05-15T05:00:00"
    html = page(
        '<meta property="article:published_time" content="2030-05-15T09:00:37+00:00">',
        "<div>Today is the day the council votes</div><div>May 15, 2030</div>",
    )
    assert meta(html).published_at == "2030-05-15T09:00:37+00:00"  # (the meta stamp)


def test_us_numeric_date_and_year_from_meta() -> None:
    html = page(
        '<meta name="pubdate" content="2030-02-26">',
        "<div class='meta'>2/26/2030 7:11 AM PST</div>",
    )
    assert meta(html).published_at == "2030-02-26T07:11:00"
    html = page(
        '<meta name="pubdate" content="2030-11-19T11:51:32+00:00">',
        "<div>Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM</div>",
    )
    assert meta(html).published_at == "2030-11-19T06:51:00"


def test_a_weather_widget_hour_is_not_a_time() -> None:
    html = page(
        '<meta name="pubdate" content="2030-05-07T15:55:22+01:00">',
        "<div>Thursday, May 7th 2030 10AM 56°F 1PM 60°F</div><div>10:55 EDT, 7 May 2030</div>",
    )
    assert meta(html).published_at == "2030-05-07T10:55:00"


def test_a_printed_day_without_time_keeps_the_meta_time_of_that_day() -> None:
    html = page(
        '<meta name="date" content="2030-03-19T10:45:00+11:00">',
        "<div class='masthead'>Tuesday, 19 March 2030</div>",
    )
    assert meta(html).published_at.startswith("2030-03-19T10:45")


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


def test_title_is_the_headline_h1_not_the_site_name_h1() -> None:
    head = (
        "<title>Varnhold votes on the bridge plan again - Varnhold Courier</title>"
        '<meta property="og:site_name" content="Varnhold Courier">'
        '<meta property="og:title" content="Varnhold votes on the bridge plan again">'
    )
    html = page(head, "").replace("<header>", "<header><h1>Varnhold CourierOpinion</h1>")
    assert meta(html).title == "Varnhold votes on the bridge plan again"
    lone = (
        f"<html><head>{head}</head><body><header><h1>Varnhold Courier</h1></header>"
        f"<article>{STORY}</article></body></html>"
    )
    assert meta(lone).title == "Varnhold votes on the bridge plan again"


def test_a_layout_column_named_sidebar_is_not_a_sidebar() -> None:
    # "l-sidebar-fixed" wraps the article itself (its paragraphs): its photo is the story's.
    html = (
        page("", "")
        .replace(
            "<article>",
            "<article><div class='l-sidebar-fixed'><figure><img src='a.jpg'>"
            "<figcaption>The council in session.</figcaption></figure>",
        )
        .replace("</article>", "</div></article>")
    )
    assert captions(html) == ["The council in session."]


def test_a_story_that_lxml_misreads_is_read_as_an_html5_parser_reads_it() -> None:
    # A <div> left open inside the menu <button>: "</button>" closes both for an HTML5 parser,
    # while lxml keeps the button open around the whole page and trafilatura drops it.
    html = (
        "<html><body><header><div><button class='menu'><div class='inner'><svg></svg><div>"
        "</button></div><div class='logo'>Varnhold Courier</div></header><main><article>"
        f"<h1>Varnhold votes on the bridge plan again</h1>{STORY}</article></main></body></html>"
    )
    body = story_body(html)
    assert body.count("The council of Varnhold voted") == 5
    assert "Varnhold Courier" not in body


def test_an_inline_most_read_box_does_not_end_the_story() -> None:
    tail = "".join(
        f"<p>Officials in the northern district of Varnhold said on Wednesday that the {k} "
        f"closed roads would open again once the engineers had checked every pillar.</p>"
        for k in ("three", "four")
    )
    html = page("", "").replace(
        "</article>",
        "<div><h3>Most read in world news</h3><ul><li><a href='/a'>Singer weds"
        "</a></li></ul></div><p>READ MORE:</p><ul><li>* Bridge closed after crash on the"
        " river road in Varnhold</li></ul>" + tail + "</article>",
    )
    body = story_body(html)
    assert "the four closed roads would open again" in body
    assert "Most read" not in body and "Bridge closed after crash" not in body


def test_chrome_lines_of_real_pages_are_dropped() -> None:
    chrome_lines = ["___", "Originally published on Live Science.",
                    "This article originally appeared on The Atlantic.",
                    "Continue reading the main story", "(Graphic: Global assets in 2030 - here)",
                    "Story continues below gallery", "SOURCE: Al Jazeera News", "More:",
                    "Follow AP's full coverage of the vote at https://apnews.com/Vote",
                    "Disclaimer: The views expressed by experts are their own.",
                    "Varnhold furious at the mayor for bridge jibe [INSIGHT]|", "DON'T MISS",
                    "SEE MORE: Varnhold bridge closed after crash"]  # fmt: skip
    html = page("", "").replace("</article>", "".join(f"<p>{c}</p>" for c in chrome_lines)
                                 + STORY + "</article>")  # fmt: skip
    body = story_body(html)
    assert [c for c in chrome_lines if c in body] == []


@pytest.mark.parametrize(("body", "place"), [
    ("Kigali: Four young people have won awards for their projects.", "Kigali"),
    ("New Delhi: The police on Monday arrested a councillor.", "New Delhi"),
    ("Update: The council met again on Monday.", None),
    ("Hong Kong (CNN Business)A muddled view of the talks weighs on investors.", "Hong Kong"),
    ('VENICE, Italy (AP) " The government announced Saturday it will open.', "VENICE"),
    ("WASHINGTON\ufffd\ufffd\ufffdThe slim chances of a deal shrank.", "WASHINGTON"),
    ("MOSCOW (UrduPoint News / Sputnik - 29th April, 2020) It is impossible to say.", "MOSCOW"),
    ("F.P. Report\n\nBHAKKAR: In what was blamed on negligence, two boys died.", "BHAKKAR"),
    (("FILE PHOTO: The president speaks in Paris, January 16, 2030. REUTERS/Ana Rusk\n\n"
      "PARIS (Reuters) – Protesters gathered on Saturday."), "PARIS"),
    # a date label printed like a dateline, then the place of the lead
    ("POSTED: 05/02/07, 9:00 PM PDT\n\nVARNHOLD, Ostra — The council met.", "VARNHOLD"),
    ("PUBLISHED: March 3, 2030 at 6:12 p.m.\n\nThe council met on Monday.", None),
    ("Last Updated: 14:05 GMT\n\nThe council met on Monday.", None),
    ("POSTED: 1052 GMT (1852 HKT), April 10, 2030 A Varnhold man was arrested.", None),
    ("Published: 04 / 02 / 30, 9:00 PM PDT | The council met on Monday.", None),
])  # fmt: skip
def test_datelines_of_real_pages(body: str, place: str | None) -> None:
    assert metadata.dateline(body)[0] == place


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
    ("The council offices in Erie, PA, on Monday.", []),  # Pennsylvania, not a credit
])  # fmt: skip
def test_agencies_by_the_annotation_guide_s_names(caption: str, agencies: list[str]) -> None:
    html = page("", f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>")
    assert meta(html).agencies == agencies


def test_a_meta_stamp_in_local_time_wins_over_a_printed_day_of_another_date() -> None:
    # The stamp carries the publisher's own offset; the only printed day is a day off (a
    # related story's, or the print edition's): the stamp is the article's.
    html = page('<meta itemprop="datePublished" content="2030-04-30T13:39:00-04:00">',
                 "<p class='dateline'>April 29, 2030</p>")  # fmt: skip
    assert meta(html).published_at[:16] == "2030-04-30T13:39"


def test_a_printed_time_in_the_element_after_the_day_is_the_day_s_time() -> None:
    html = page('<meta property="article:published_time" content="2030-11-20T01:50:59.403">',
                 "<div class='datePublished'><div class='day'>Nov. 19, 2030</div>"
                 "<div class='time'>5:50 PM</div></div>")  # fmt: skip
    assert meta(html).published_at[:16] == "2030-11-19T17:50"


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


def test_a_labelled_printed_time_wins_over_a_meta_date_days_away() -> None:
    html = page('<meta property="article:published_time" content="2030-11-03">',
                "<p>Written: 2030-11-07 15:03:30 / Updated: 2030-11-07 15:30:46</p>"
                "<ul><li><a href='/x'>Other story</a> 2030-11-03</li></ul>")  # fmt: skip
    assert meta(html).published_at[:16] == "2030-11-07T15:03"


def test_a_printed_day_one_of_the_publication_meta_tags_agrees_with_wins() -> None:
    # "datePublished" a month before "dc.date": the printed "Published" day is the one a
    # meta tag of the page gives too.
    html = page('<meta itemprop="datePublished" content="2030-11-20T16:00:49Z">'
                '<meta name="dc.date" content="2030-12-29">',
                "<p class='pubdate'>Published December 29, 2030</p>")  # fmt: skip
    assert meta(html).published_at == "2030-12-29"


def test_a_meta_stamp_with_a_two_digit_year_puts_the_year_first() -> None:
    html = page('<meta name="date" content="30-12-29">', "")
    assert meta(html).published_at == "2030-12-29"


def test_a_meta_date_printed_as_words_still_finds_the_printed_time_of_its_day() -> None:
    html = page('<meta name="date" value="December 1, 2030">',
                "<div class='date'>Dec 1, 2030 1:01 PM</div>")  # fmt: skip
    assert meta(html).published_at[:16] == "2030-12-01T13:01"


def test_a_section_label_or_a_button_printed_in_the_headline_s_h1_is_not_the_title() -> None:
    head = "<title>Varnhold votes on the bridge plan again – Varnhold Gazette</title>"
    html = page(head, "").replace(
        "<h1>Varnhold votes", "<h1><a href='/local'>Local News |</a>\n  Varnhold votes"
    )
    assert text.from_html(html).title == "Varnhold votes on the bridge plan again"
    html = page(head, "").replace("again</h1>", "again\n<button>Add to list</button></h1>")
    assert text.from_html(html).title == "Varnhold votes on the bridge plan again"
    # a headline broken over two lines stays whole
    html = page(head, "").replace("bridge plan", "bridge\n  plan")
    assert text.from_html(html).title == "Varnhold votes on the bridge plan again"


def test_of_two_h1s_the_site_s_name_is_not_the_title_nor_a_lone_h1_sharing_no_word() -> None:
    head = "<title>Varnhold votes on the bridge plan again - Varnhold Courier</title>"
    html = page(head, "").replace("<header>", "<header><h1>Varnhold Courier</h1>")
    assert text.from_html(html).title == "Varnhold votes on the bridge plan again"
    social = '<meta property="og:title" content="Varnhold votes on the bridge plan again">'
    html = page(head + social, "").replace(
        "<h1>Varnhold votes on the bridge plan again</h1>", "<h1>Log In</h1>"
    )
    assert text.from_html(html).title == "Varnhold votes on the bridge plan again"
