"""A publication date found to the day takes the time another publication meta tag of the page
gives on that day (stages/meta_times.py): made-up pages."""

from tests.unit.enrich.layouts import meta, page


def _published(head: str) -> str | None:
    return meta(page(head, "")).published_at


def test_a_day_takes_the_time_of_a_publication_tag_on_that_day() -> None:
    head = (
        "<meta name='date' content='2030-11-20'>"
        "<meta name='OriginalPublicationDate' content='2030/11/20 15:42:28'>"
    )
    assert _published(head) == "2030-11-20T15:42:28"


def test_another_day_or_a_modified_stamp_leaves_the_day_alone() -> None:
    other_day = (
        "<meta name='date' content='2030-11-20'>"
        "<meta name='OriginalPublicationDate' content='2030/11/19 23:42:28'>"
    )
    assert _published(other_day) == "2030-11-20"
    modified = (
        "<meta name='date' content='2030-11-20'>"
        "<meta property='article:modified_time' content='2030-11-20T18:05:00'>"
    )
    assert _published(modified) == "2030-11-20"
