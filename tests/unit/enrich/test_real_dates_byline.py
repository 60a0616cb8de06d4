"""The date printed beside the byline's name: the article's, over the other dates a real page
prints (the masthead's today, a photo's caption, readers' comments, a stale meta date)."""

from tests.unit.enrich.layouts import meta, page

_BYLINE = "<div class='meta'><span>By Tom Davies</span> - <span>{date}</span></div>"
_STAMP = '<meta property="article:published_time" content="{stamp}">'


def test_the_date_beside_the_name_wins_over_the_masthead_s_today_printed_first() -> None:
    # The masthead prints "Wednesday, November 20, 2030" before the headline; the meta day is
    # the 19th, so both days are within a day of it.
    html = page(_STAMP.format(stamp="2030-11-19"),
                _BYLINE.format(date="Tuesday, November 19, 2030"))  # fmt: skip
    assert meta(html).published_at == "2030-11-19"
    # without the name beside it, the first printed day is taken, as before
    html = page(_STAMP.format(stamp="2030-11-19"),
                "<div class='meta'><span>Tuesday, November 19, 2030</span></div>")  # fmt: skip
    assert meta(html).published_at == "2030-11-20"


def test_the_day_beside_the_name_wins_over_a_comment_s_time_on_the_next_day() -> None:
    html = page(
        _STAMP.format(stamp="2030-03-09T23:16:02+00:00"),
        _BYLINE.format(date="March 9, 2030"),
        "<div class='reply'><b>Sallie</b> · March 10, 2030 at 12:20 AM</div>",
    )
    assert meta(html).published_at[:10] == "2030-03-09"


def test_the_date_beside_the_name_wins_over_a_stale_meta_date_weeks_away() -> None:
    # The meta tag gives the day the page was last touched; the page prints the story's own
    # date only beside its author.
    html = page(_STAMP.format(stamp="2030-07-05"),
                _BYLINE.format(date="August 20, 2030 9:15 AM"))  # fmt: skip
    assert meta(html).published_at == "2030-08-20T09:15:00"
    # another name's box (a related story's card) does not count
    html = page(_STAMP.format(stamp="2030-07-05"),
                _BYLINE.format(date="August 20, 2030 9:15 AM").replace("Tom Davies", "Ana Rusk")
                + "<p class='byline'>By Tom Davies</p>")  # fmt: skip
    assert meta(html).published_at == "2030-07-05"


def test_a_labelled_first_published_time_still_wins_over_an_unlabelled_one_beside_the_name() -> (
    None
):
    html = page(
        _STAMP.format(stamp="2030-11-29"),
        _BYLINE.format(date="November 29, 2030: 3:42 PM ET")
        + "<div class='stamp'>First published November 29, 2030: 3:33 AM ET</div>",
    )
    assert meta(html).published_at == "2030-11-29T03:33:00"
