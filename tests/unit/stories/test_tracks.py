"""Figure tracks: what is merged, what never is, sub-counts, and the latest/highest/lowest."""

from __future__ import annotations

from newsflow_stories.engine.objects import normalize_event, normalize_object

from tests.unit.stories.factory import hajin, one_story


def _tracks(*articles):  # type: ignore[no-untyped-def]
    story = one_story(*articles)
    return {t.key: t for t in story.tracks}


def test_one_count_followed_over_days_forms_one_track() -> None:
    tracks = _tracks(hajin(6, 300, 820), hajin(8, 320, 850), hajin(11, 310, 900))
    civ = tracks["kill|civilian|"]
    assert [r.value for r in civ.reports] == [300, 320, 310]
    assert (civ.latest, civ.highest, civ.lowest) == (310, 320, 300)
    assert civ.object == "civilians" and civ.event == "killed"
    assert civ.reports[0].qualifier == "more than" and civ.reports[0].published_at.startswith(
        "2018-12-06"
    )
    assert [r.value for r in tracks["kill|extremist|"].reports] == [820, 850, 900]


def test_reports_are_in_time_order_whatever_the_arrival_order() -> None:
    tracks = _tracks(hajin(8, 320, 850), hajin(6, 300, 820))
    assert [r.value for r in tracks["kill|civilian|"].reports] == [300, 320]
    assert tracks["kill|civilian|"].latest == 320


def test_different_things_are_never_merged() -> None:
    extra = ("More than 40 civilians were wounded. 12 civilians injured in shelling. "
             "At least 25 SDF fighters killed. 9 civilians missing.")  # fmt: skip
    figures = [{"text": "40", "object": "civilians", "event": "wounded"},
               {"text": "12", "object": "civilians", "event": "injured"},
               {"text": "25", "object": "SDF fighters", "event": "killed"},
               {"text": "9", "object": "civilians", "event": "missing"}]  # fmt: skip
    tracks = _tracks(hajin(6, 300, 820, extra=extra, figures=figures))
    assert set(tracks) == {"kill|civilian|", "kill|extremist|", "wound|civilian|",
                           "kill|sdf fighter|", "miss|civilian|"}  # fmt: skip
    # "injured" is "wounded": one count, two words.
    assert [r.value for r in tracks["wound|civilian|"].reports] == [40, 12]


def test_an_alias_in_an_object_is_its_entity() -> None:
    first = hajin(6, 300, 820, extra="At least 25 SDF fighters were killed.",
                  figures=[{"text": "25", "object": "SDF fighters", "event": "killed"}],
                  aliases={"Syrian Democratic Forces": ["SDF"]})  # fmt: skip
    second = hajin(8, 320, 850, extra="At least 31 Syrian Democratic Forces fighters died.",
                   figures=[{"text": "31", "object": "Syrian Democratic Forces fighters",
                             "event": "were killed"}])  # fmt: skip
    tracks = _tracks(first, second)
    assert [r.value for r in tracks["kill|syrian democrat forc fighter|"].reports] == [25, 31]


def test_places_split_tracks_and_an_unplaced_report_joins_the_placed_one() -> None:
    extra = "In Baghouz, 14 civilians were killed in an air strike."
    figures = [{"text": "14", "object": "civilians", "event": "killed"}]
    a = hajin(6, 300, 820, extra=extra, figures=figures, entities={"Baghouz": "LOC"})
    b = hajin(7, 310, 830, extra="Later 17 civilians were killed in Baghouz.",
              figures=[{"text": "17", "object": "civilians", "event": "killed"}],
              entities={"Baghouz": "LOC"})  # fmt: skip
    tracks = _tracks(a, b)
    # a's "14 ... In Baghouz" has Baghouz before the figure, with "In": placed; the hajin()
    # toll sentences name no place.
    assert [r.value for r in tracks["kill|civilian|"].reports] == [300, 310]
    assert tracks["kill|civilian|Baghouz"].place == "Baghouz"
    assert [r.value for r in tracks["kill|civilian|Baghouz"].reports] == [14, 17]


def test_one_count_told_placed_and_unplaced_in_one_article_is_not_set_apart() -> None:
    # "More than 300 civilians have been killed" (hajin's toll, unplaced) and the same 300 again
    # "in Hajin": one count told twice, not a part of it in one place.
    extra = "In Hajin, 300 civilians were killed."
    figures = [{"text": "300 civilians were", "value": 300, "object": "civilians",
                "event": "killed"}]  # fmt: skip
    tracks = _tracks(hajin(6, 300, 820, extra=extra, figures=figures))
    assert [r.value for r in tracks["kill|civilian|"].reports] == [300, 300]
    assert not any(k.endswith("|Hajin") for k in tracks)


def test_a_sub_count_sits_under_its_parent_track() -> None:
    extra = "More than 350 civilians were killed, including 120 children."
    figures = [{"text": "350", "object": "civilians", "event": "killed"},
               {"text": "120", "object": "children", "event": None, "parent": 2}]  # fmt: skip
    tracks = _tracks(hajin(6, 300, 820, extra=extra, figures=figures))
    children = tracks["kill|child|"]
    assert children.parent == "kill|civilian|" and children.event == "killed"
    assert [r.value for r in tracks["kill|civilian|"].reports] == [300, 350]


def test_figures_without_object_or_event_are_not_tracked() -> None:
    figures = [{"text": "3", "object": None, "event": "signed"},
               {"text": "9", "object": "months", "event": None}]  # fmt: skip
    tracks = _tracks(hajin(6, 300, 820, extra="3 signed in 9 months.", figures=figures))
    assert set(tracks) == {"kill|civilian|", "kill|extremist|"}


def test_a_casualty_count_without_an_object_counts_people() -> None:
    figures = [{"text": "3", "object": None, "event": "killed"},
               {"text": "9", "object": None, "event": "signed"}]  # fmt: skip
    tracks = _tracks(hajin(6, 300, 820, extra="3 were killed and 9 signed.", figures=figures))
    assert set(tracks) == {"kill|civilian|", "kill|extremist|", "kill|peopl|"}


def test_normalization_is_narrow() -> None:
    assert normalize_event("were killed") == normalize_event("killed") == "kill"
    assert normalize_event("fled") == normalize_event("flee")
    # One toll, whichever word reports it (bench/README.md, "Figure tracks": the convention).
    assert normalize_event("died") == normalize_event("dead") == normalize_event("killed")
    assert normalize_event("killed") != normalize_event("wounded")
    assert normalize_event("injured") == normalize_event("hurt") == normalize_event("wounded")
    assert normalize_event("edged up") == "edg up"  # outside the classes: itself
    assert normalize_object("the civilians", {}) == normalize_object("civilian", {})
    assert normalize_object("extremists", {}) != normalize_object("jihadists", {})
    assert normalize_object("fighters", {}) != normalize_object("SDF fighters", {})


def test_a_part_that_names_the_same_thing_as_its_whole_is_not_a_report_of_it() -> None:
    extra = "More than 2,000 investors were defrauded, at least 300 investors in Ohio."
    figures = [{"text": "2,000", "object": "investors", "event": "defrauded"},
               {"text": "300", "object": "investors", "event": None, "parent": 2}]  # fmt: skip
    tracks = _tracks(hajin(6, 300, 820, extra=extra, figures=figures))
    assert [r.value for r in tracks["defraud|investor|"].reports] == [2000]
