"""A UTC meta stamp read in the publisher's time where the page prints the same instant with its
offset (stages/local_stamp.py): made-up stamps and pages."""

from newsflow_enrich.stages import local_stamp

from tests.unit.enrich.layouts import meta, page

_LD = '<script type=\'application/ld+json\'>{{"datePublished": "{}"}}</script>'


def test_the_same_instant_with_the_publishers_offset_wins() -> None:
    html = "<meta content='x'>" + _LD.format("2030-04-28T22:08:28-04:00")
    assert local_stamp.in_local_time("2030-04-29T02:08:28+00:00", html) == (
        "2030-04-28T22:08:28-04:00"
    )
    assert local_stamp.in_local_time("2030-04-29T02:08:28Z", html) == "2030-04-28T22:08:28-04:00"


def test_another_instant_or_a_stamp_with_an_offset_already_stays() -> None:
    other = _LD.format("2030-04-28T17:32:49-04:00")  # an update, hours before: no offset guessed
    assert local_stamp.in_local_time("2030-04-29T02:08:28+00:00", other) == (
        "2030-04-29T02:08:28+00:00"
    )
    local = _LD.format("2030-04-28T22:08:28-04:00")
    assert local_stamp.in_local_time("2030-04-29T04:08:28+02:00", local) == (
        "2030-04-29T04:08:28+02:00"
    )
    assert local_stamp.in_local_time(None, local) is None


def test_a_page_whose_meta_stamp_is_utc_gets_its_local_day() -> None:
    head = "<meta property='article:published_time' content='2030-11-21T02:08:28+00:00'>"
    html = page(head + _LD.format("2030-11-20T21:08:28-05:00"), "")
    assert (meta(html).published_at or "").startswith("2030-11-20T21:08")


def test_a_stamp_with_no_offset_that_tells_the_same_instant_in_local_time() -> None:
    naive = "<meta name='publishtime' content='2030-03-10T16:59:41'>"
    assert local_stamp.in_local_time("2030-03-11T00:59:41+00:00", naive) == "2030-03-10T16:59:41"
    spaced = "<meta name='published_at' content='2030-03-10 16:59:41'>"
    assert local_stamp.in_local_time("2030-03-11T00:59:41Z", spaced) == "2030-03-10T16:59:41"
    # another second, a shift of no real offset, or a round hour: not the same instant
    for other in ("2030-03-10T16:59:40", "2030-03-10T12:14:41", "2030-03-10T16:00:00"):
        html = f"<meta name='publishtime' content='{other}'>"
        stamp = "2030-03-11T00:59:41+00:00" if other[-2:] != "00" else "2030-03-11T00:00:00Z"
        assert local_stamp.in_local_time(stamp, html) == stamp
