"""Clocks read with their time zones (stages/clocks.py, stages/dates.py): two clocks printed for
one instant, a military or bare-hour clock before its zone, a year glued to its clock. Made-up
pages in the layouts of real dev pages (ZDNet, CNN International, the old BBC, the LA Times,
CNBC)."""

from tests.unit.enrich.layouts import meta, page

_STAMP = '<meta property="article:published_time" content="{stamp}">'
_BOX = "<div class='meta'><span>By Tom Davies</span> <span>{date}</span></div>"


def _date(stamp: str, printed: str) -> str | None:
    return meta(page(_STAMP.format(stamp=stamp), _BOX.format(date=printed))).published_at


def test_of_a_universal_and_a_local_clock_of_one_instant_the_local_one() -> None:
    assert _date("2030-05-24", "May 24, 2030 -- 13:30 GMT (06:30 PDT)") == "2030-05-24T06:30:00"
    assert _date("2030-10-21", "Monday, 21 October 2030, 14:41 GMT 15:41 UK") == (
        "2030-10-21T15:41:00"
    )
    # two times that are not one instant in those zones: two events, the nearest as before
    assert _date("2030-05-24", "May 24, 2030 -- 13:30 GMT (09:10 PDT)") == "2030-05-24T13:30:00"


def test_a_military_clock_is_read_as_one_of_two_and_the_day_follows_the_local_one() -> None:
    assert _date("2030-11-19T02:34:30Z", "Updated 0339 GMT (1139 HKT) November 19, 2030") == (
        "2030-11-19T11:39:00"
    )
    # 19:51 GMT on the 19th is 03:51 on the 20th in Hong Kong
    assert _date("2030-11-19", "Updated 1951 GMT (0351 HKT) November 19, 2030") == (
        "2030-11-20T03:51:00"
    )
    # alone, a military clock is no time of the article ("Broadcast ... at 1100 GMT")
    assert _date("2030-12-02", "Broadcast on Monday 2 December 2030 at 1100 GMT") == "2030-12-02"


def test_a_bare_hour_before_its_zone_and_a_year_glued_to_its_clock() -> None:
    html = page(
        _STAMP.format(stamp="2030-04-30T10:00:00.000Z"),
        "<time datetime='2030-04-30T10:00:00.000Z'><span>April 30, 2030</span>"
        "<span>3 AM PT</span></time>",
    )
    assert meta(html).published_at == "2030-04-30T03:00:00"
    # without its zone a bare "3 AM" beside a day is no clock here (weather, opening hours)
    assert _date("2030-04-30", "April 30, 2030 3 AM") == "2030-04-30"
    assert _date("2030-07-24T17:56:42+0000", "Published Wed, Jul 24 20301:56 PM EDT") == (
        "2030-07-24T13:56:00"
    )
