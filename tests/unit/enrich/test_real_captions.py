"""Captions on real page layouts (bench/real): made-up pages in the shapes met on real-news dev."""

from newsflow_enrich.stages import text

from tests.unit.enrich.layouts import captions, meta, page, story_body


def test_figures_of_related_stories_and_playlists_are_not_captions() -> None:
    html = page(
        "",
        "<figure><img src='d.jpg'><figcaption>The new span, seen from the river.</figcaption>"
        "</figure><div class='video-playlist'><figure><figcaption>Watch Live</figcaption>"
        "</figure></div>",
        "<ul class='related'><li><a href='/x'><figure><img src='e.jpg'><figcaption>Singer "
        "Mira Kohl weds in Paris</figcaption></figure></a></li></ul>",
    )
    assert captions(html) == ["The new span, seen from the river."]


def test_captions_of_photos_marked_up_without_figure() -> None:
    # Caption and credit elements beside an <img>, no <figure>: a caption with its credit, a
    # credit alone under a photo, a gallery item with a truncated copy and "more" links.
    html = page(
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
    assert captions(html) == [
        "The old bridge at dawn. (Ana Rusk/AFP/Getty Images)",
        "(Image: © Ostra)",
        "Mayor Ilse Brandt Tomas Vik, Associated Press",
        "Workers on the deck, Tuesday. Photo: Lea Moor, AP",
    ]
    assert "Associated Press" in meta(html).agencies


def test_gallery_counters_are_dropped_and_inline_elements_joined_as_printed() -> None:
    html = page(
        "",
        "<figure><img src='a.jpg'><figcaption><span class='count'>1 of 2</span> Divers at the "
        "<em>Velmora</em>, pier. (Tova Lind/AP)</figcaption></figure>",
    )
    assert captions(html) == ["Divers at the Velmora, pier. (Tova Lind/AP)"]


def test_hidden_elements_player_controls_and_date_boxes_are_not_captions() -> None:
    # A video player's caption-track menu and settings dialog (hidden, controls), a box classed
    # "caption" that prints the byline and a <time>: none is a caption; "overflow-hidden" only
    # clips the figure, whose caption stays.
    html = page(
        "",
        "<ul class='caption meta'><li>Ana Rusk</li><li><time>Friday 25 December 2030</time></li>"
        "<li><img src='author.jpg'></li></ul><div class='video'><video src='v.mp4'></video>"
        "<div class='vjs-captions-button' role='menuitem'><ul role='menu'><li>captions settings"
        "</li></ul></div><div class='vjs-caption-settings vjs-hidden'><label>Foreground</label>"
        "<select><option>White</option></select></div></div>"
        "<figure class='overflow-hidden'><img src='a.jpg'><figcaption>The council in session."
        "<button>Share</button></figcaption></figure>",
    )
    assert captions(html) == ["The council in session."]


def test_a_short_line_right_after_a_photo_is_its_caption_without_caption_markup() -> None:
    # No <figure>, no caption class: a photo and one line alone in their box, or a line set off
    # in italics right after the photo. Not: an icon with a heading, a linked teaser line, a
    # story paragraph after a photo box.
    html = page(
        "",
        "<table><tr><td><img src='a.jpg' width='600'><div class='info2'>The core stage at the "
        "plant. (credit: Ana Rusk)</div></td></tr></table><div class='content'><img src='b.jpg'>"
        "<center><em>The new deck, via Tomas Vik</em></center></div><div class='c'><img "
        "src='icon_comments.png'><div><h3>Comments</h3><p>Share what you think</p></div></div>"
        "<div class='box'><img src='c.jpg'><div>Read: <a href='/x'>Varnhold council votes on "
        "the bridge plan once more</a></div></div><div><img src='d.jpg'></div><p>The council "
        "of Varnhold met again on Tuesday.</p>",
    )
    assert captions(html) == [
        "The core stage at the plant. (credit: Ana Rusk)",
        "The new deck, via Tomas Vik",
    ]
    assert "The council of Varnhold met again on Tuesday." in story_body(html)


def test_caption_parts_of_a_figure_are_read_once_and_in_page_order() -> None:
    # A credit classed both "caption" and "Caption" is one element, read once; the caption
    # text printed before the figcaption (the credit) leads; a box around the figcaption and
    # its credit is neither; a player's "EMBED"/"More Videos" buttons and a byline box's
    # "caption" (the outlet's logo) are not captions.
    html = page(
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
    assert captions(html) == [
        "Photograph: Ana Rusk/Getty Images",
        "Workers on the deck. Photo: Tomas Vik/AP",
        "The old bridge. Image: Lea Moor",
        "The mayor at the site.",
    ]


def test_a_file_photo_line_in_the_text_is_a_caption() -> None:
    cap = ("FILE PHOTO: The mayor of Varnhold speaks during a ceremony at the old bridge in "
           "Varnhold, January 16, 2030. REUTERS/Ana Rusk")  # fmt: skip
    cleaned = text.from_html(page("", f"<p>{cap}</p>"))
    assert cleaned.captions == [cap] and cap not in cleaned.body


def test_a_figure_whose_caption_is_a_link_is_a_teaser_of_another_story() -> None:
    html = page(
        "",
        "<figure><img src='a.jpg'><figcaption>The new span at dawn.</figcaption></figure>"
        "<ul><li><figure><img src='b.jpg'><figcaption><h3><a href='/x'>Singer Mira Kohl weds "
        "in Paris</a></h3></figcaption></figure></li></ul>",
    )
    assert captions(html) == ["The new span at dawn."]


def test_video_and_story_cards_with_a_linked_title_are_not_captions() -> None:
    html = page(
        "",
        "<div class='video-ct'><video src='v.mp4'></video><div class='caption'><h4 class='title'>"
        "<a href='/v/1'>Singer's big night</a></h4><p>Mira Kohl will be honored at the awards."
        "</p></div></div><figure><img src='a.jpg'><figcaption><h3><a href='/x'>Games guide</a>"
        "</h3> Ana Rusk • February 15, 2030</figcaption></figure>"
        "<figure><img src='b.jpg'><figcaption><a href='/shop'>Want more bridges? Get a "
        "subscription of our sister magazine</a>, for more news. (Image credit: Ostra)"
        "</figcaption></figure>",
    )
    assert captions(html) == []


def test_captions_in_elements_classed_with_a_short_form() -> None:
    html = page(
        "",
        "<section><div class='image_wrapper'><img src='d.jpg'></div></section>"
        "<span class='x1 img_cptn'>Varnhold's harbour at dawn. (Credits: PTI)</span>"
        "<div class='img_box'><div class='photo'><img src='e.jpg'></div>"
        "<p class='cap no-print'>Photo : Varnhold Times</p></div>",
    )
    assert captions(html) == ["Varnhold's harbour at dawn. (Credits: PTI)",
                              "Photo : Varnhold Times"]  # fmt: skip
    # "cap" as a whole class name only, not inside another ("recap", "capital")
    box = ("<div><img src='f.jpg'><p class='recap'>In short: a vote.</p><p>The council met on "
           "Tuesday.</p></div>")  # fmt: skip
    assert captions(page("", box)) == []


def test_no_space_inside_brackets_or_beside_a_slash_where_a_link_is_printed() -> None:
    html = page(
        "",
        "<figure><img src='l.jpg'><figcaption><i>Posters looked cooler in 1952. (<a href='/p'>"
        "Public domain</a>)</i></figcaption></figure><figure><img src='m.jpg'><figcaption><i>"
        "The post office is now a mail room. (<a href='/r'>Ana Rusk</a>/Flickr)</i></figcaption>"
        "</figure>",
    )
    assert captions(html) == ["Posters looked cooler in 1952. (Public domain)",
                              "The post office is now a mail room. (Ana Rusk/Flickr)"]  # fmt: skip


def test_a_photo_linked_to_nowhere_or_to_its_own_file_is_the_page_s_own() -> None:
    html = page(
        "",
        # an "enlarge" link to nowhere, the line after it alone in the box
        "<div class='picBox'><a href='#'><img src='n.jpg'></a><p>Ana Rusk helped organize the "
        "walk</p></div>"
        # a link to the photo's file, a camera icon printed in the caption's line
        "<div class='wp-caption'><a href='/up/o-big.jpg'><img src='o.jpg'></a><p class="
        "'wp-caption-text'><img src='cam.png'>Mira and Tova Kohl. Photo courtesy Tova Kohl</p>"
        "</div>"
        # a photographer's name linked to their page under a photo that links nowhere else
        "<figure><img src='p.jpg'><figcaption class='credit'><a href='https://pics.example/"
        "ana'>Ana Rusk/Pics</a></figcaption></figure>",
        # a photo linked to another story is a teaser, its line not a caption
        "<div class='box'><a href='/other-story'><img src='q.jpg'></a><p>Singer weds in "
        "Varnhold tonight</p></div><figure><a href='/x'><img src='r.jpg'></a><figcaption>"
        "<a href='/x'>Storm hits</a></figcaption></figure>",
    )
    assert captions(html) == [
        "Ana Rusk helped organize the walk",
        "Mira and Tova Kohl. Photo courtesy Tova Kohl",
        "Ana Rusk/Pics",
    ]


def test_a_script_in_the_photo_s_box_is_not_printed_text() -> None:
    html = page(
        "",
        "<div class='galleryPhoto'><img src='v.jpg' width='640'><cite>Divers wait at the pier "
        "on Thursday, November 28, in Varnhold.</cite><script>gallery.push({'pos': 1})</script>"
        "</div>",
    )
    assert captions(html) == ["Divers wait at the pier on Thursday, November 28, in Varnhold."]


def test_a_photo_opened_in_a_lightbox_is_the_page_s_own() -> None:
    html = page(
        "",
        "<div class='image-container'><a class='image' data-lightbox='article7' "
        "href='//img.example/Qx7rT=s1200'><img src='//img.example/Qx7rT=s750'></a>"
        "<div class='image-text'><span class='description'>Minister Tova Lind with the "
        "harbour master.</span><span class='author'><span>Image:</span> Ana Rusk</span>"
        "</div></div>",
    )
    assert captions(html) == ["Minister Tova Lind with the harbour master. Ana Rusk"]


def test_an_aside_holding_only_a_photo_and_its_caption_is_the_story_s_photo() -> None:
    html = page(
        "",
        "<aside class='left image'><a href='/uploads/rally.jpg'><img src='rally-896.jpg'></a>"
        "<p class='caption'>Tova Lind leads a rally in Varnhold. <span class='credits'>"
        "(Courtesy of Tova Lind)</span></p></aside>",
        "<aside class='related'><h3>More on Varnhold</h3><a href='/x'><img src='y.jpg'></a>"
        "<p class='caption'>The bridge that never opened</p></aside>",
    )
    assert captions(html) == ["Tova Lind leads a rally in Varnhold. (Courtesy of Tova Lind)"]


def test_a_copy_hidden_by_its_style_is_not_read_but_a_hover_caption_is() -> None:
    # A caption box printing a hidden copy of the caption, then the caption and credit; a
    # caption box hidden itself until the reader points at its photo is still the caption.
    html = page(
        "",
        "<figure><div class='photo-caption'><img src='a.jpg'><p style='display: none'>The "
        "pier at dawn.</p></div><figcaption><div class='note'>The pier at dawn.</div> "
        "<span>Ana Rusk/Daily</span></figcaption></figure>"
        "<div class='lead'><img src='b.jpg' width='570'><div class='photo-caption' "
        "style='display:none;'>Divers in Varnhold's harbour on Monday.</div></div>",
    )
    assert captions(html) == [
        "The pier at dawn. Ana Rusk/Daily",
        "Divers in Varnhold's harbour on Monday.",
    ]


def test_a_caption_printed_once_per_screen_size_is_read_once() -> None:
    html = page(
        "",
        "<img src='a.jpg'><div class='LeadCaption'><span class='LeadCaption--small'><span "
        "class='LeadCaption-text'>Mayor Ilse Brandt in Varnhold.</span> <span "
        "class='LeadCaption-credit'>Photo: Tomas Vik/AP</span></span><span "
        "class='LeadCaption--large'><span class='LeadCaption-text'>Mayor Ilse Brandt in "
        "Varnhold.</span> <span class='LeadCaption-credit'>Photo: Tomas Vik/AP</span></span></div>",
    )
    assert captions(html) == ["Mayor Ilse Brandt in Varnhold. Photo: Tomas Vik/AP"]


def test_separate_photos_with_one_caption_each_print_it_and_a_gallery_once() -> None:
    # bench/real/ANNOTATING.md: one caption per photo; a photo printed twice (two sizes of its
    # file) or a lazy placeholder whose file is unknown counts once.
    html = page(
        "",
        "<figure><img src='/u/pier-1.jpg?w=400'><figcaption>Credit: Ana Rusk</figcaption></figure>"
        "<figure><img src='/u/pier-2.jpg'><figcaption>Credit: Ana Rusk</figcaption></figure>"
        "<figure><img src='/u/pier-1.jpg?w=1400'><figcaption>Credit: Ana Rusk</figcaption></figure>"
        "<figure><img src='data:image/gif;base64,R0lG'><figcaption>Credit: Ana Rusk</figcaption>"
        "</figure>",
    )
    assert captions(html) == ["Credit: Ana Rusk", "Credit: Ana Rusk"]


def test_a_figcaption_after_a_photo_linked_to_another_story_is_a_card() -> None:
    html = page(
        "",
        "<figure><img src='a.jpg'><figcaption>The pier at dawn. (FILE)</figcaption></figure>"
        "<div class='lone'><figure><a href='/2030/01/02/bridge-opens/'><img src='b.jpg'></a>"
        "</figure><figcaption>Mayor Ilse Brandt at the bridge. (FILE)</figcaption></div>",
    )
    assert captions(html) == ["The pier at dawn. (FILE)"]


def test_a_figure_whose_photo_and_caption_link_to_another_story_is_a_card() -> None:
    html = page(
        "",
        "<figure><img src='a.jpg'><figcaption>The pier at dawn. (Reuters)</figcaption></figure>"
        "<ul class='x9'><li><figure><a href='/india/bridge-opens/articleshow/7.cms'><div><img "
        "src='b.jpg'></div><figcaption>Varnhold opens its new bridge to traffic</figcaption></a>"
        "</figure></li></ul>",
    )
    assert captions(html) == ["The pier at dawn. (Reuters)"]


def test_a_video_player_s_running_time_is_no_caption() -> None:
    html = page(
        "",
        "<figure><video src='v.mp4'></video><figcaption>02:12 - Source: Varnhold TV</figcaption>"
        "</figure><figure><video src='w.mp4'></video><figcaption>Duration 1:05:30</figcaption>"
        "</figure><figure><img src='a.jpg'><figcaption>The mayor at 10:30 on Monday."
        "</figcaption></figure>",
    )
    assert captions(html) == ["The mayor at 10:30 on Monday."]


def test_a_noscript_fallback_under_a_video_is_no_caption() -> None:
    # A video's still and "Please turn on JavaScript" inside <noscript>: a reader's browser
    # runs scripts and never prints it; the photo beside it keeps its caption line.
    html = page(
        "",
        "<div class='emp'><noscript><div class='warning'><img class='holding' src='v.jpg' "
        "alt='The pier'><p><strong>Please turn on JavaScript.</strong> Media requires "
        "JavaScript to play.</p></div></noscript></div>"
        "<div class='box'><img src='p.jpg'><div>The pier after the storm, on Sunday.</div></div>",
    )
    assert captions(html) == ["The pier after the storm, on Sunday."]


def test_a_figure_without_caption_markup_prints_its_caption_beside_the_photo() -> None:
    # No <figcaption> and no caption or credit class: the figure's own text is the caption, the
    # credit ("attribution") last; not a card of another story, a lone label or a number.
    html = page(
        "",
        "<figure class='featured'><div class='wrap'><img src='a.jpg'><div class='attribution'>"
        "JANE DOE/AFP/Getty Images</div></div></figure>"
        "<figure class='media'><img src='b.jpg'><div class='footer'><span class='attribution'>"
        "Ana Rusk / Reuters</span><div class='description'><p>Pickets outside the plant on "
        "Tuesday.</p></div></div></figure>"
        "<figure><div class='card-image' data-href='/other'><img src='c.jpg'></div>"
        "<span>The Readout</span></figure>"
        "<figure><img src='d.jpg'><span>+3</span></figure>",
    )
    assert captions(html) == [
        "JANE DOE/AFP/Getty Images",
        "Pickets outside the plant on Tuesday. Ana Rusk / Reuters",
    ]


def test_a_box_named_for_other_stories_that_links_nowhere_holds_the_story_s_own_photos() -> None:
    html = page(
        "",
        # Reuters' lead photo in a "relatedPhoto" box, its caption in a rollover box; a lead
        # gallery in a carousel that links to no other page
        "<div class='relatedPhoto landscape'><img src='a.jpg'><div class='rolloverCaption'>"
        "<div class='captionText'><p>Ana Rusk walks past the town hall in Varnhold. Credit: "
        "Reuters/Mira Kohl</p></div></div></div>"
        "<section class='GalleryDiv'><div class='CarouselContainer'><img src='b.jpg'>"
        "<p class='ImageMetadata'>Workers leave the plant at dawn. (Tova Lind / Tribune)</p>"
        "</div></section>",
        # the same boxes linking to other stories are cards of those stories
        "<div class='related-stories'><div class='carousel'><a href='/other'><img src='c.jpg'>"
        "</a><p class='caption'>Singer Mira Kohl weds in Paris tonight</p></div></div>",
    )
    assert captions(html) == [
        "Ana Rusk walks past the town hall in Varnhold. Credit: Reuters/Mira Kohl",
        "Workers leave the plant at dawn. (Tova Lind / Tribune)",
    ]


def test_a_line_crediting_the_featured_image_is_its_caption_wherever_printed() -> None:
    html = page(
        "",
        "<img src='lead.jpg'>",
        # after the story, in a box of its own, the credit linking to the photo's source; not
        # a link to another post nor a sentence of the story that only names a featured image
        "<p>[Featured Image by Ana Rusk/Varnhold Post]</p><h5>Featured image credit: Bridge "
        "via <a href='https://pics.example/bridge-1'>https://pics.example/bridge-1</a></h5>"
        "<p><a href='/other'>Featured image of the week: the old bridge</a></p>"
        "<p>The featured image shows the bridge, the mayor said.</p>",
    )
    html = html.replace("</article>", "<p>Featured image by Tova Lind.</p></article>")
    assert captions(html) == [
        "Featured image by Tova Lind.",
        "[Featured Image by Ana Rusk/Varnhold Post]",
        "Featured image credit: Bridge via https://pics.example/bridge-1",
    ]
    assert "Featured image by Tova Lind." not in story_body(html)
