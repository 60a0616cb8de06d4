"""Captions found by a photo's alt text printed near it (stages/alt_captions.py): made-up pages."""

from tests.unit.enrich.layouts import captions, page


def test_a_line_opening_with_the_photos_description_is_its_caption() -> None:
    # No caption markup: the description printed in a box of another name, its credit after it
    # in the same element; the alt cut short, as content systems do.
    html = page(
        "",
        "<div class='lead-art'><picture><img src='a.jpg' alt='Crews clear the flooded road "
        "near Varnhold on Monday. Water rose thr'></picture><div><button>Expand</button>"
        "<p class='image-meta'><span>Crews clear the flooded road near Varnhold on Monday. "
        "Water rose three metres overnight. </span>(Ana Rusk / Daily Post)</p></div></div>",
    )
    caption = (
        "Crews clear the flooded road near Varnhold on Monday. Water rose three metres "
        "overnight. (Ana Rusk / Daily Post)"
    )
    assert captions(html) == [caption]


def test_no_caption_from_a_teaser_a_headline_box_or_a_short_description() -> None:
    html = page(
        "",
        # the lead photo described by the headline, printed in the headline's box
        "<div><img src='h.jpg' alt='Varnhold votes on the bridge plan again'>"
        "<div><h2>Varnhold votes on the bridge plan again</h2><span>Jane Doe</span></div></div>"
        # a card of another story: the photo links away
        "<div class='card'><a href='/other'><img src='t.jpg' alt='Mayor Ilse Brandt opens the "
        "new harbour museum'></a><div>Mayor Ilse Brandt opens the new harbour museum</div></div>"
        # a description too short to say which line is the caption
        "<div><img src='s.jpg' alt='The old bridge'><div>The old bridge</div>"
        "<div>Share this</div></div>",
    )
    assert captions(html) == []
