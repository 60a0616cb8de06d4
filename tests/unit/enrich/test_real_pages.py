"""Metadata on real page layouts (bench/real): made-up pages in the shapes met on real-news dev."""

import pytest
from newsflow_enrich.stages import metadata, text


def _meta(html: str) -> metadata.Metadata:
    return metadata.extract(text.from_html(html), title=None, published_at=None)


STORY = "".join(
    f"<p>The council of Varnhold voted on the plan for the {k}th time on Tuesday, "
    f"and the mayor said the works would start next spring after a long wait.</p>"
    for k in range(1, 6)
)


def _page(head: str, top: str, foot: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><header><div>Wednesday, November 20, 2030</div>"
        f"</header><article><h1>Varnhold votes on the bridge plan again</h1>{top}{STORY}"
        f"</article><aside>{foot}</aside></body></html>"
    )


def test_printed_local_time_wins_over_the_meta_utc_stamp() -> None:
    # The meta stamp is UTC and already the next day; the page prints its local time.
    html = _page(
        '<meta property="article:published_time" content="2030-11-20T05:14:35Z">',
        "<p class='timestamp'><span>11:21 pm CST,</span> Tuesday, November 19, 2030</p>",
        "<ul><li>Other story <span>November 20, 2030 at 9:00 am</span></li></ul>",
    )
    assert _meta(html).published_at == "2030-11-19T23:21:00"


def test_published_line_wins_over_updated_and_takes_its_time() -> None:
    html = _page(
        '<meta property="article:published_time" content="2030-03-02T10:07:00-05:00">',
        "<div>Updated on: March 2, 2030 / 10:07 AM</div>"
        "<div>First published on <time>March 2, 2030</time> / 8:16 AM</div>",
    )
    assert _meta(html).published_at == "2030-03-02T08:16:00"


@pytest.mark.parametrize(("printed", "when"), [
    ("<time>01.21.2030 07:00 AM</time>", "2030-01-21T07:00:00"),  # a dotted numeric date
    ("<div>Updated: Jan 21, 2030, 10.45 AM IST</div>", "2030-01-21T10:45:00"),  # a dotted time
    ("<time>21/01/2030 | 20:26 PM</time>", "2030-01-21T20:26:00"),  # 24-hour with a PM
    ("<div><div>Jan. 21, 2030</div><div>4 AM</div></div>", "2030-01-21T04:00:00"),  # an hour
])  # fmt: skip
def test_printed_time_shapes(printed: str, when: str) -> None:
    html = _page('<meta property="article:published_time" content="2030-01-21">', printed)
    assert _meta(html).published_at == when


def test_us_numeric_date_and_year_from_meta() -> None:
    html = _page(
        '<meta name="pubdate" content="2030-02-26">',
        "<div class='meta'>2/26/2030 7:11 AM PST</div>",
    )
    assert _meta(html).published_at == "2030-02-26T07:11:00"
    html = _page(
        '<meta name="pubdate" content="2030-11-19T11:51:32+00:00">',
        "<div>Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM</div>",
    )
    assert _meta(html).published_at == "2030-11-19T06:51:00"


def test_a_weather_widget_hour_is_not_a_time() -> None:
    html = _page(
        '<meta name="pubdate" content="2030-05-07T15:55:22+01:00">',
        "<div>Thursday, May 7th 2030 10AM 56°F 1PM 60°F</div><div>10:55 EDT, 7 May 2030</div>",
    )
    assert _meta(html).published_at == "2030-05-07T10:55:00"


def test_a_printed_day_without_time_keeps_the_meta_time_of_that_day() -> None:
    html = _page(
        '<meta name="date" content="2030-03-19T10:45:00+11:00">',
        "<div class='masthead'>Tuesday, 19 March 2030</div>",
    )
    assert _meta(html).published_at.startswith("2030-03-19T10:45")


def test_byline_drops_handle_job_title_and_date_printed_in_their_own_elements() -> None:
    html = _page(
        "",
        "<div class='byline'><span>By</span>\n<a href='/a/jm'>Jane Marlow</a>\n"
        "<span>@jmarlow</span>\n<span class='role'>Staff Writer</span>\n"
        "<time>Nov 19, 2030</time></div>",
    )
    assert _meta(html).byline == "By Jane Marlow"


def test_a_name_split_by_markup_is_one_word_but_a_block_after_it_is_apart() -> None:
    # A letter in a span of its own (letter spacing) is part of the name; a block printed
    # after the name ("View More Articles") is not.
    split = "<div class='byline'><a href='/a/lm'>Louise Matsaki<span class='ls'>s</span></a></div>"
    assert _meta(_page("", split)).byline == "Louise Matsakis"
    block = "<div class='author'><a href='/a/mg'>Marcus Guzman</a><div>View More Articles</div></div>"
    assert _meta(_page("", block)).byline == "Marcus Guzman"


def test_a_meta_author_never_printed_is_not_the_byline() -> None:
    meta = '<meta name="author" content="Muireann Dolan">'
    assert _meta(_page(meta, "")).byline is None
    # printed, in another form ("Dolan, Muireann" in the meta, "Muireann T. Dolan" printed)
    shown = _page('<meta name="author" content="Dolan, Muireann">',
                  "<p class='who'>Muireann T. Dolan</p>")  # fmt: skip
    assert _meta(shown).byline is not None


def test_byline_drops_read_time_and_keeps_several_linked_names() -> None:
    html = _page("", "<div class='author-box'><a>Tomas Vell</a><span>5 Min Read</span></div>")
    assert _meta(html).byline == "Tomas Vell"
    html = _page(
        "",
        "<p class='byline'>By <a>Ana Rusk</a>, <a>Li Peng</a> and <a>Omar Said</a></p>",
    )
    assert _meta(html).byline == "By Ana Rusk, Li Peng and Omar Said"


def test_agency_byline_without_the_place_and_date_after_it() -> None:
    html = _page(
        "",
        "<span class='author'><span>Reuters, </span><span> Washington, </span>"
        "<span>Nov 20 2030, 11:06am ist</span></span>",
    )
    assert _meta(html).byline == "Reuters"


def test_posted_by_line_wins_over_a_comment_author() -> None:
    html = _page(
        "",
        "<div class='byline'>Posted by Mira Kohl on November 19, 2030, 6:21 AM EST</div>",
        "<div class='comment'><span class='comment-author'>thelastfan</span></div>",
    )
    assert _meta(html).byline == "Posted by Mira Kohl"


def _captions(html: str) -> list[str]:
    return text.from_html(html).captions


def test_caption_labels_in_their_own_elements_are_dropped() -> None:
    html = _page(
        "",
        "<figure><img src='a.jpg'><figcaption><span>Camera Icon</span>Rock at Velmora "
        "<span>Credit:</span> Ostra Mining</figcaption></figure>"
        "<figure><img src='b.jpg'><figcaption>Divers at the pier. <span>Credit</span>"
        "<span>Credit...</span> Tova Lind/The Daily</figcaption></figure>",
    )
    assert _captions(html) == [
        "Rock at Velmora Credit: Ostra Mining",
        "Divers at the pier. Tova Lind/The Daily",
    ]


def test_caption_and_credit_elements_of_a_figure_without_figcaption() -> None:
    html = _page(
        "",
        "<figure class='Figure'><img src='c.jpg'><div class='Figure-content'>"
        "<div class='Figure-caption'>Varnhold's old bridge in 2030.</div>"
        "<div class='Figure-credit'>(Ana Rusk / Associated Press)</div></div></figure>",
    )
    assert _captions(html) == ["Varnhold's old bridge in 2030. (Ana Rusk / Associated Press)"]


def test_figures_of_related_stories_and_playlists_are_not_captions() -> None:
    html = _page(
        "",
        "<figure><img src='d.jpg'><figcaption>The new span, seen from the river.</figcaption>"
        "</figure><div class='video-playlist'><figure><figcaption>Watch Live</figcaption>"
        "</figure></div>",
        "<ul class='related'><li><a href='/x'><figure><img src='e.jpg'><figcaption>Singer "
        "Mira Kohl weds in Paris</figcaption></figure></a></li></ul>",
    )
    assert _captions(html) == ["The new span, seen from the river."]


def test_title_is_the_headline_h1_not_the_site_name_h1() -> None:
    head = (
        "<title>Varnhold votes on the bridge plan again - Varnhold Courier</title>"
        '<meta property="og:site_name" content="Varnhold Courier">'
        '<meta property="og:title" content="Varnhold votes on the bridge plan again">'
    )
    html = _page(head, "").replace("<header>", "<header><h1>Varnhold CourierOpinion</h1>")
    assert _meta(html).title == "Varnhold votes on the bridge plan again"
    lone = (
        f"<html><head>{head}</head><body><header><h1>Varnhold Courier</h1></header>"
        f"<article>{STORY}</article></body></html>"
    )
    assert _meta(lone).title == "Varnhold votes on the bridge plan again"


def test_captions_of_photos_marked_up_without_figure() -> None:
    # Caption and credit elements beside an <img>, no <figure>: a caption with its credit, a
    # credit alone under a photo, a gallery item with a truncated copy and "more" links.
    html = _page(
        "",
        "<div class='inline-photo'><img src='a.jpg'><br><span class='pb-caption'>The old "
        "bridge at dawn. (Ana Rusk/AFP/Getty Images)</span></div>"
        "<div class='box'><img src='b.jpg'><div class='credit'>(Image: © Ostra)</div></div>"
        "<div class='asset'><img src='c.jpg'><div class='image-meta'><div class='image-caption'>"
        "Mayor Ilse Brandt</div><div class='image-credit'>Tomas Vik, Associated Press</div></div>"
        "</div><ul class='gallery'><li><img src='d.jpg'><div class='caption'><div "
        "class='caption-full'>Workers on the deck, Tuesday.<a class='more-caption'> less</a>"
        "</div><div class='caption-truncated'>Workers on<a class='more-caption'> ... more</a>"
        "</div><span class='credit'>Photo: Lea Moor, AP</span></div></li></ul>",
    )
    assert _captions(html) == [
        "The old bridge at dawn. (Ana Rusk/AFP/Getty Images)",
        "(Image: © Ostra)",
        "Mayor Ilse Brandt Tomas Vik, Associated Press",
        "Workers on the deck, Tuesday. Photo: Lea Moor, AP",
    ]
    assert "Associated Press" in _meta(html).agencies


def test_gallery_counters_are_dropped_and_inline_elements_joined_as_printed() -> None:
    html = _page(
        "",
        "<figure><img src='a.jpg'><figcaption><span class='count'>1 of 2</span> Divers at the "
        "<em>Velmora</em>, pier. (Tova Lind/AP)</figcaption></figure>",
    )
    assert _captions(html) == ["Divers at the Velmora, pier. (Tova Lind/AP)"]


def test_a_layout_column_named_sidebar_is_not_a_sidebar() -> None:
    # "l-sidebar-fixed" wraps the article itself (its paragraphs): its photo is the story's.
    html = _page("", "").replace(
        "<article>", "<article><div class='l-sidebar-fixed'><figure><img src='a.jpg'>"
        "<figcaption>The council in session.</figcaption></figure>"
    ).replace("</article>", "</div></article>")
    assert _captions(html) == ["The council in session."]


def test_a_story_that_lxml_misreads_is_read_as_an_html5_parser_reads_it() -> None:
    # A <div> left open inside the menu <button>: "</button>" closes both for an HTML5 parser,
    # while lxml keeps the button open around the whole page and trafilatura drops it.
    html = (
        "<html><body><header><div><button class='menu'><div class='inner'><svg></svg><div>"
        "</button></div><div class='logo'>Varnhold Courier</div></header><main><article>"
        f"<h1>Varnhold votes on the bridge plan again</h1>{STORY}</article></main></body></html>"
    )
    body = _body(html)
    assert body.count("The council of Varnhold voted") == 5
    assert "Varnhold Courier" not in body


def test_hidden_elements_player_controls_and_date_boxes_are_not_captions() -> None:
    # A video player's caption-track menu and settings dialog (hidden, controls), a box classed
    # "caption" that prints the byline and a <time>: none is a caption; "overflow-hidden" only
    # clips the figure, whose caption stays.
    html = _page(
        "",
        "<ul class='caption meta'><li>Ana Rusk</li><li><time>Friday 25 December 2030</time></li>"
        "<li><img src='author.jpg'></li></ul><div class='video'><video src='v.mp4'></video>"
        "<div class='vjs-captions-button' role='menuitem'><ul role='menu'><li>captions settings"
        "</li></ul></div><div class='vjs-caption-settings vjs-hidden'><label>Foreground</label>"
        "<select><option>White</option></select></div></div>"
        "<figure class='overflow-hidden'><img src='a.jpg'><figcaption>The council in session."
        "<button>Share</button></figcaption></figure>",
    )
    assert _captions(html) == ["The council in session."]


def test_a_short_line_right_after_a_photo_is_its_caption_without_caption_markup() -> None:
    # No <figure>, no caption class: a photo and one line alone in their box, or a line set off
    # in italics right after the photo. Not: an icon with a heading, a linked teaser line, a
    # story paragraph after a photo box.
    html = _page(
        "",
        "<table><tr><td><img src='a.jpg' width='600'><div class='info2'>The core stage at the "
        "plant. (credit: Ana Rusk)</div></td></tr></table><div class='content'><img src='b.jpg'>"
        "<center><em>The new deck, via Tomas Vik</em></center></div><div class='c'><img "
        "src='icon_comments.png'><div><h3>Comments</h3><p>Share what you think</p></div></div>"
        "<div class='box'><img src='c.jpg'><div>Read: <a href='/x'>Varnhold council votes on "
        "the bridge plan once more</a></div></div><div><img src='d.jpg'></div><p>The council "
        "of Varnhold met again on Tuesday.</p>",
    )
    assert _captions(html) == [
        "The core stage at the plant. (credit: Ana Rusk)",
        "The new deck, via Tomas Vik",
    ]
    assert "The council of Varnhold met again on Tuesday." in _body(html)


def test_caption_parts_of_a_figure_are_read_once_and_in_page_order() -> None:
    # A credit classed both "caption" and "Caption" is one element, read once; the caption
    # text printed before the figcaption (the credit) leads; a box around the figcaption and
    # its credit is neither; a player's "EMBED"/"More Videos" buttons and a byline box's
    # "caption" (the outlet's logo) are not captions.
    html = _page(
        "",
        "<figure><img src='a.jpg'><div class='caption CaptionBox'><span class='Caption"
        "Credit caption__credit'>Photograph: Ana Rusk/Getty Images</span></div></figure>"
        "<figure><img src='b.jpg'><p class='caption'>Workers on the deck.</p><figcaption>"
        "Photo: Tomas Vik/AP</figcaption></figure><figure><img src='c.jpg'><div class="
        "'media-caption'><figcaption><em>The old bridge.</em></figcaption><cite>Image: Lea "
        "Moor</cite></div></figure><div class='lead-video'><video src='v.mp4'></video><div "
        "class='image-caption player'><a class='embed-btn' href='#'>EMBED</a><a class='button' "
        "href='/v'>More Videos</a><p>The mayor at the site.</p></div></div><div class='byline'>"
        "<div class='image-"
        "caption'><img src='logo.jpg' width='300'><span>VCTV</span></div>By Ilse Brandt</div>",
    )
    assert _captions(html) == [
        "Photograph: Ana Rusk/Getty Images",
        "Workers on the deck. Photo: Tomas Vik/AP",
        "The old bridge. Image: Lea Moor",
        "The mayor at the site.",
    ]


def test_a_credit_printed_beside_the_figcaption_is_joined_to_it() -> None:
    html = _page(
        "",
        "<figure><img src='a.jpg'><span><figcaption>The council in session.</figcaption>"
        "<cite>Ana Rusk/AP</cite></span></figure>",
    )
    assert _captions(html) == ["The council in session. Ana Rusk/AP"]


def test_a_credit_line_of_the_story_beside_a_figure_is_not_a_caption() -> None:
    html = _page(
        "",
        "<p class='credit'>VARNHOLD NEWS - Jul 11, 2030 - 14:20</p><figure><img src='a.jpg'>"
        "<figcaption>The council in session.</figcaption></figure>"
        "<p class='credit'>Reporting by Ana Rusk; Editing by Tomas Vik</p>",
    )
    assert _captions(html) == ["The council in session."]


def _body(html: str) -> str:
    return text.from_html(html).body


def test_an_inline_most_read_box_does_not_end_the_story() -> None:
    tail = "".join(
        f"<p>Officials in the northern district of Varnhold said on Wednesday that the {k} "
        f"closed roads would open again once the engineers had checked every pillar.</p>"
        for k in ("three", "four")
    )
    html = _page("", "").replace(
        "</article>", "<div><h3>Most read in world news</h3><ul><li><a href='/a'>Singer weds"
        "</a></li></ul></div><p>READ MORE:</p><ul><li>* Bridge closed after crash on the"
        " river road in Varnhold</li></ul>" + tail + "</article>"
    )
    body = _body(html)
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
    html = _page("", "").replace("</article>", "".join(f"<p>{c}</p>" for c in chrome_lines)
                                 + STORY + "</article>")  # fmt: skip
    body = _body(html)
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
])  # fmt: skip
def test_datelines_of_real_pages(body: str, place: str | None) -> None:
    assert metadata.dateline(body)[0] == place


def test_a_file_photo_line_in_the_text_is_a_caption() -> None:
    cap = ("FILE PHOTO: The mayor of Varnhold speaks during a ceremony at the old bridge in "
           "Varnhold, January 16, 2030. REUTERS/Ana Rusk")  # fmt: skip
    cleaned = text.from_html(_page("", f"<p>{cap}</p>"))
    assert cleaned.captions == [cap] and cap not in cleaned.body


def test_byline_keeps_the_outlet_printed_after_a_bar() -> None:
    # In one text, or in a span of its own that starts with the bar: the page's one byline.
    html = _page("", "<span class='byline-item'> Ana Rusk, Li Peng | VARNHOLD TODAY </span>")
    assert _meta(html).byline == "Ana Rusk, Li Peng | VARNHOLD TODAY"
    html = _page("", "<div class='byline'><span> By <span><a href='/p/tv'>Tomas Vell</a><span "
                     "class='article-source'><a href='/'> | Varnhold News</a></span></span></span>"
                     "</div>")  # fmt: skip
    assert _meta(html).byline == "By Tomas Vell | Varnhold News"
    html = _page("", "<div class='byline'>By <a rel='author'>Tomas Vell</a> | <a href='mailto:"
                     "tv@varnhold.example'>tv@varnhold.example</a> | Varnhold News</div>")  # fmt: skip
    assert _meta(html).byline == "By Tomas Vell"


def test_byline_of_a_submitted_by_line_wins_over_an_author_link_elsewhere() -> None:
    html = _page(
        '<meta name="author" content="Tomas Vell">',
        "<div class='submitted-wrp'><span class='submitted-by'> By Tomas Vell - <span "
        "class='submitted-date'>11/18/30 11:04 PM EST</span></span></div>",
    )
    assert _meta(html).byline == "By Tomas Vell"


def test_by_printed_four_elements_above_the_author_link() -> None:
    html = _page("", "<div class='post-author-name'>By <span class='fn'><span itemprop='author'>"
                     "<span><a rel='author' href='/p/tv'>Tomas Vell</a></span></span></span> - "
                     "</div>")  # fmt: skip
    assert _meta(html).byline == "By Tomas Vell"


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
    html = _page("", "<figure><img src='a.jpg'><figcaption>The council in session. Credit: EPA"
                     "</figcaption></figure>")  # fmt: skip
    assert _meta(html).agencies == ["EPA"]


@pytest.mark.parametrize(("caption", "agencies"), [
    ("Workers at the port. Photo: Ali Vell/Anadolu via Getty Images", ["Anadolu"]),
    ("The new deck. Photograph: Jeenah Moll/Bloomberg", ["Bloomberg"]),
    ("Former mayor Michael Bloomberg at the site.", []),  # a person, not a credit
    ("Masks at the hospital. JIJI", ["Jiji"]),
])  # fmt: skip
def test_agencies_by_the_annotation_guide_s_names(caption: str, agencies: list[str]) -> None:
    html = _page("", f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>")
    assert _meta(html).agencies == agencies


def test_a_figure_whose_caption_is_a_link_is_a_teaser_of_another_story() -> None:
    html = _page(
        "",
        "<figure><img src='a.jpg'><figcaption>The new span at dawn.</figcaption></figure>"
        "<ul><li><figure><img src='b.jpg'><figcaption><h3><a href='/x'>Singer Mira Kohl weds "
        "in Paris</a></h3></figcaption></figure></li></ul>",
    )
    assert _captions(html) == ["The new span at dawn."]


def test_video_and_story_cards_with_a_linked_title_are_not_captions() -> None:
    html = _page(
        "",
        "<div class='video-ct'><video src='v.mp4'></video><div class='caption'><h4 class='title'>"
        "<a href='/v/1'>Singer's big night</a></h4><p>Mira Kohl will be honored at the awards."
        "</p></div></div><figure><img src='a.jpg'><figcaption><h3><a href='/x'>Games guide</a>"
        "</h3> Ana Rusk • February 15, 2030</figcaption></figure>"
        "<figure><img src='b.jpg'><figcaption><a href='/shop'>Want more bridges? Get a "
        "subscription of our sister magazine</a>, for more news. (Image credit: Ostra)"
        "</figcaption></figure>",
    )
    assert _captions(html) == []


def test_a_meta_stamp_in_local_time_wins_over_a_printed_day_of_another_date() -> None:
    # The stamp carries the publisher's own offset; the only printed day is a day off (a
    # related story's, or the print edition's): the stamp is the article's.
    html = _page('<meta itemprop="datePublished" content="2030-04-30T13:39:00-04:00">',
                 "<p class='dateline'>April 29, 2030</p>")  # fmt: skip
    assert _meta(html).published_at[:16] == "2030-04-30T13:39"


def test_a_printed_time_in_the_element_after_the_day_is_the_day_s_time() -> None:
    html = _page('<meta property="article:published_time" content="2030-11-20T01:50:59.403">',
                 "<div class='datePublished'><div class='day'>Nov. 19, 2030</div>"
                 "<div class='time'>5:50 PM</div></div>")  # fmt: skip
    assert _meta(html).published_at[:16] == "2030-11-19T17:50"


def test_a_byline_box_in_the_comments_is_not_the_byline() -> None:
    html = _page("", "<div class='author'><div class='author-name'>ANA RUSK</div></div>",
                 "<ul><li class='comment'><div class='byline'><div class='username'>Sky</div>"
                 "</div></li></ul>")  # fmt: skip
    assert _meta(html).byline == "ANA RUSK"


def test_a_by_line_opening_the_text_is_the_byline() -> None:
    html = _page('<meta name="author" content="Online News Editor">', "<p>By Ana Rusk</p>")
    cleaned = text.from_html(html)
    assert _meta(html).byline == "By Ana Rusk" and "By Ana Rusk" not in cleaned.body
