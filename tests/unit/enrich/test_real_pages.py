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


def test_a_title_that_prints_the_site_s_name_first_leaves_the_lone_h1_the_headline() -> None:
    # "<site> | <section> | <headline>": the site is the shorter end, not every part but the first
    html = page(
        "<title>QUILLBY NEWS | Europe | Varnhold votes on the bridge plan again</title>", ""
    )
    assert text.from_html(html).title == "Varnhold votes on the bridge plan again"
    # and a section's name printed on a line of the h1 of its own is not part of the headline
    head = "<title>Varnhold votes on the bridge plan again - News - Quillby Daily News</title>"
    html = page(head, "").replace("<h1>", "<h1><span>News</span>\n")
    assert text.from_html(html).title == "Varnhold votes on the bridge plan again"


def test_an_h2_the_head_names_word_for_word_is_the_headline_where_no_h1_is() -> None:
    head = "<title>Varnhold votes on the bridge plan again - Quillby</title>"
    html = page(head, "").replace(
        "<h1>Varnhold votes on the bridge plan again</h1>",
        "<h1>Regional planning desk</h1><h2>Varnhold votes on the bridge plan again</h2>",
    )
    assert text.from_html(html).title == "Varnhold votes on the bridge plan again"
    # a teaser cut short, or a blog's name that the <title> also prints, is not
    for h2 in ("Varnhold votes on the bridge plan...", "Quillby"):
        cut = page(head, "").replace(
            "<h1>Varnhold votes on the bridge plan again</h1>",
            f"<h1>Regional planning desk</h1><h2>{h2}</h2>",
        )
        assert text.from_html(cut).title != h2
