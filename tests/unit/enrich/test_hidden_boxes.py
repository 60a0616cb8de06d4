"""A box the page hides (a `hidden` attribute or class) is no text of the story: trafilatura
reads no CSS, and took HuffPost's hidden slideshow overlay (471 photos' captions after a
six-paragraph story) for the story (`printed.without_hidden`). A made-up page in that shape."""

from newsflow_enrich.stages import text

STORY = [f"The council of Varnhold voted on the bridge plan for the {k}th time on Tuesday, and the "
         f"mayor said work on the river crossing would begin after a long public consultation."
         for k in range(5)]  # fmt: skip
SLIDES = [f"Celebrity number {k} attended a gala premiere at a theatre in Los Angeles on Jan. {k + 1}, "
          f"wearing a long gown by a famous designer, as photographers gathered around the carpet."
          for k in range(12)]  # fmt: skip


def _page(overlay: str) -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    slides = "".join(f"<p>{s}</p>" for s in SLIDES)
    return (f"<html><head><title>Varnhold votes on the bridge plan</title></head><body>"
            f"<article><h1>Varnhold votes on the bridge plan</h1><div class='entry'>{story}"
            f"<div {overlay}><div class='slides'>{slides}</div></div></div>"
            f"</article></body></html>")  # fmt: skip


def test_a_hidden_slideshow_after_the_story_is_not_the_story() -> None:
    for overlay in ("class='slideshow-overlay hidden'", "hidden", "class='is-hidden'"):
        body = text.from_html(_page(overlay)).body
        assert all(p in body for p in STORY), overlay
        assert not any(s in body for s in SLIDES), overlay


def test_the_same_slideshow_shown_is_read_as_before() -> None:
    # (the control: shown, the slides are text trafilatura reads, so the test above can fail)
    body = text.from_html(_page("class='slideshow-overlay overflow-hidden'")).body
    assert any(s in body for s in SLIDES)
