"""Caption credits and labels on real page layouts (bench/real): made-up pages in the shapes met on
real-news dev."""

from tests.unit.enrich.layouts import captions, page


def test_caption_labels_in_their_own_elements_are_dropped() -> None:
    html = page(
        "",
        "<figure><img src='a.jpg'><figcaption><span>Camera Icon</span>Rock at Velmora "
        "<span>Credit:</span> Ostra Mining</figcaption></figure>"
        "<figure><img src='b.jpg'><figcaption>Divers at the pier. <span>Credit</span>"
        "<span>Credit...</span> Tova Lind/The Daily</figcaption></figure>",
    )
    assert captions(html) == [
        "Rock at Velmora Credit: Ostra Mining",
        "Divers at the pier. Tova Lind/The Daily",
    ]


def test_caption_and_credit_elements_of_a_figure_without_figcaption() -> None:
    html = page(
        "",
        "<figure class='Figure'><img src='c.jpg'><div class='Figure-content'>"
        "<div class='Figure-caption'>Varnhold's old bridge in 2030.</div>"
        "<div class='Figure-credit'>(Ana Rusk / Associated Press)</div></div></figure>",
    )
    assert captions(html) == ["Varnhold's old bridge in 2030. (Ana Rusk / Associated Press)"]


def test_a_credit_printed_beside_the_figcaption_is_joined_to_it() -> None:
    html = page(
        "",
        "<figure><img src='a.jpg'><span><figcaption>The council in session.</figcaption>"
        "<cite>Ana Rusk/AP</cite></span></figure>",
    )
    assert captions(html) == ["The council in session. Ana Rusk/AP"]


def test_a_credit_line_of_the_story_beside_a_figure_is_not_a_caption() -> None:
    html = page(
        "",
        "<p class='credit'>VARNHOLD NEWS - Jul 11, 2030 - 14:20</p><figure><img src='a.jpg'>"
        "<figcaption>The council in session.</figcaption></figure>"
        "<p class='credit'>Reporting by Ana Rusk; Editing by Tomas Vik</p>",
    )
    assert captions(html) == ["The council in session."]


def test_a_cutline_and_the_credit_classed_after_it() -> None:
    html = page(
        "",
        # "cutline" is the newspaper word for a caption
        "<div class='gBottom'><img src='g.jpg'><div class='cutline'>Ana Rusk, 20, in court on "
        "Monday.</div><div class='credit'>Varnhold Police/contributed image</div></div>"
        # a copyright or photographer's byline right after a caption is its credit
        "<div class='media'><img src='h.jpg'><div class='field-caption'>The harbour is "
        "profitable again.</div><div class='field-copyright'>VT FILE PHOTO</div></div>"
        "<span class='photo'><img src='i.jpg'><span class='caption'>Tova Lind</span>"
        "<span class='byline'>Varnhold County Jail</span></span>",
    )
    assert captions(html) == [
        "Ana Rusk, 20, in court on Monday. Varnhold Police/contributed image",
        "The harbour is profitable again. VT FILE PHOTO",
        "Tova Lind Varnhold County Jail",
    ]


def test_a_credit_read_with_the_caption_before_it_is_not_a_caption_again() -> None:
    html = page(
        "",
        "<div class='image'><img src='j.jpg'><div class='meta'><div class='image__caption'>Mira "
        "Kohl and Ana Rusk</div><figcaption class='image__credit'>Ostra/Pool</figcaption></div>"
        "</div><div class='rolloverCaption'><img src='k.jpg'><p><span class='label'>1 of 4. "
        "</span>Divers at the pier.</p></div>",
    )
    assert captions(html) == ["Mira Kohl and Ana Rusk Ostra/Pool", "Divers at the pier."]


def test_a_label_printed_with_the_linked_credit_it_heads_stays() -> None:
    html = page(
        "",
        "<figure><img src='s.jpg'><figcaption>Varnhold Airport, Dec. 22.</figcaption><div "
        "class='image-credit'>Image: <a href='https://pics.example/t'>Tova Lind</a></div>"
        "</figure><figure><img src='t.jpg'><figcaption><span>Image:</span> Ana Rusk"
        "</figcaption></figure>",
    )
    assert captions(html) == ["Varnhold Airport, Dec. 22. Image: Tova Lind", "Ana Rusk"]


def test_an_embedded_tweet_s_picture_address_is_no_wire_credit() -> None:
    html = page(
        "",
        "<blockquote class='twitter-tweet'><p>no trains out of varnhold tonight :( #varnhold "
        "<a href='http://t.co/x'>pic.twitter.com/NBX8Y98EPp</a></p></blockquote>"
        "<figure><img src='u.jpg'><figcaption>The station at night. REUTERS/Ana Rusk"
        "</figcaption></figure>",
    )
    assert captions(html) == ["The station at night. REUTERS/Ana Rusk"]


def test_a_tags_label_in_a_caption_styled_element_is_no_caption() -> None:
    html = page(
        "",
        "<figure><img src='w.jpg'><figcaption>The pier at dawn.</figcaption></figure>"
        "<div class='article-footer'><div class='tags'><p class='type-caption'>Tagged</p>"
        "<a href='/t/varnhold'>varnhold</a></div><img src='newsletter.jpg'></div>",
    )
    assert captions(html) == ["The pier at dawn."]


def test_an_image_credits_label_in_its_own_element_is_dropped() -> None:
    html = page(
        "",
        "<figure><img src='x.jpg'><figcaption>The new dark mode. <strong>Image "
        "Credits:</strong> Tova Lind</figcaption></figure>",
    )
    assert captions(html) == ["The new dark mode. Tova Lind"]


def test_a_credit_printed_before_its_caption_comes_after_it() -> None:
    # The credit an element before the caption's: in a figure, and in a caption box.
    html = page(
        "",
        "<figure><img src='a.jpg'><span class='img-credit'>Lea Moor/for The Daily</span>"
        "<figcaption>Tova Lind outside the court.</figcaption></figure>"
        "<div><img src='b.jpg' width='600'></div><div class='caption'><div class='credit'>"
        "Ostra Maps</div><div class='caption-text'>The flood line in Varnhold.</div></div>",
    )
    assert captions(html) == [
        "Tova Lind outside the court. Lea Moor/for The Daily",
        "The flood line in Varnhold. Ostra Maps",
    ]


def test_a_photo_label_before_a_credit_element_is_dropped_one_in_its_text_stays() -> None:
    html = page(
        "",
        "<figure><img src='a.jpg'><figcaption><span>Photo: <p>Ana Rusk/Instagram</p></span>"
        "</figcaption></figure>"
        "<figure><img src='b.jpg'><figcaption>The pier. Photo: Tova Lind, AP</figcaption></figure>",
    )
    assert captions(html) == ["Ana Rusk/Instagram", "The pier. Photo: Tova Lind, AP"]


def test_a_figures_loose_credit_beside_its_figcaption_goes_after_the_caption() -> None:
    # A credit printed over the photo in an element of no caption or credit class, a screen
    # reader's label before it, a lazy photo's <noscript> copy; not a control's words ("View
    # photos"), nor the credit of a figure of two photos.
    html = page(
        "",
        "<figure><div><img src='a.jpg'><noscript><img src='a.jpg'></noscript>"
        "<span role='text'><span class='visually-hidden'>Image source,</span>Tova Lind</span>"
        "</div><figcaption><span class='off-screen'>Image caption,</span>The pier at dawn"
        "</figcaption></figure>"
        "<figure><img src='b.jpg'><span class='imgAgency'>Reuters</span>"
        "<figcaption>Mayor Ilse Brandt</figcaption></figure>"
        "<figure><div><img src='c.jpg'><div><span>View photos</span></div></div>"
        "<figcaption>Divers at the pier.</figcaption></figure>"
        "<figure><img src='d.jpg'><img src='e.jpg'><span>Ana Rusk</span>"
        "<figcaption>Two views of the bridge.</figcaption></figure>",
    )
    assert captions(html) == [
        "The pier at dawn Tova Lind",
        "Mayor Ilse Brandt Reuters",
        "Divers at the pier.",
        "Two views of the bridge.",
    ]


def test_a_player_label_and_a_media_type_label_are_no_caption_text() -> None:
    html = page(
        "",
        "<figure><img src='a.jpg'><span>Image copyright</span><span>Getty Images</span>"
        "<figcaption><span>Media caption</span>Divers at the pier.</figcaption></figure>"
        "<figure><img src='b.jpg'><span>Video</span><figcaption>The bridge at dusk."
        "</figcaption></figure>",
    )
    assert captions(html) == ["Divers at the pier. Getty Images", "The bridge at dusk."]


def test_an_empty_spacer_between_a_caption_and_its_credit_does_not_part_them() -> None:
    html = page(
        "",
        "<div class='img-wrap'><img src='a.jpg'><p></p><p class='caption'>Mayor Ilse Brandt "
        "in May.</p><p> </p><br><p class='caption source'>Photo: Tova Lind/Getty Images</p></div>",
    )
    assert captions(html) == ["Mayor Ilse Brandt in May. Photo: Tova Lind/Getty Images"]


def test_a_credit_element_inside_the_captions_own_box_reads_the_box() -> None:
    # The caption's box has no caption class; only its credit span has one. Not a box that
    # prints a label and a linked credit (an ad's "Sponsored" / "Ads by ...").
    html = page(
        "",
        "<div><div><img src='a.jpg'></div><div class='attribution'>Divers at the pier at dawn. "
        "<span class='credit'>Photo: Tova Lind</span></div></div>"
        "<div><img src='b.jpg'><p id='lead'>Mayor Ilse Brandt in May "
        "<span class='credit'>AP/Ana Rusk</span></p></div>"
        "<div><img src='c.jpg'></div><div>Sponsored <span class='ad-credits'>"
        "<a href='https://ads.example.com'>Ads by Nomi</a></span></div>",
    )
    assert captions(html) == [
        "Divers at the pier at dawn. Photo: Tova Lind",
        "Mayor Ilse Brandt in May AP/Ana Rusk",
    ]


def test_a_credit_element_beside_paragraphs_stays_alone() -> None:
    html = page(
        "",
        "<div><img src='a.jpg'></div><div><p>The bridge at dusk, seen from the old harbour "
        "wall.</p><span class='credit'>Tova Lind/AP</span></div>",
    )
    assert captions(html) == ["Tova Lind/AP"]


def test_a_photo_and_its_caption_in_the_cells_of_a_layout_table() -> None:
    # The photo in one cell, its caption and credit in the next row; the viewer's link label
    # is no caption text. Not a hidden table of other stories, nor a table of two photos.
    html = page(
        "",
        "<table><tr><td><img src='a.jpg'></td></tr><tr><td>The old bridge of Varnhold in "
        "winter.<br><span>Credit: Tova Lind</span><span><div><a href='javascript:void(0);'>"
        "View full size image</a></div></span></td></tr></table>"
        "<div style='display: none'><table><tr><td><img src='b.jpg'></td><td><a href='/x'>"
        "Mayor quits</a> The mayor of Varnhold quit on Monday after the vote.</td></tr></table></div>"
        "<table><tr><td><img src='c.jpg'></td><td><img src='d.jpg'></td><td>Two views of the "
        "harbour wall.</td></tr></table>",
    )
    assert captions(html) == ["The old bridge of Varnhold in winter. Credit: Tova Lind"]
