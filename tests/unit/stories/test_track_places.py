"""Figure tracks: which counts are an older event's and which places set a count apart, read
from real reports (bench/stories-data ECB+ dev tracks: the Troy shooting, the Aceh quake)."""

from __future__ import annotations

from newsflow_stories.engine.years import page_date

from tests.unit.stories.factory import article, track_values

SHOOTING = {"Detroit": "LOC", "Utah": "LOC"}
QUAKE = {"Indonesia": "LOC", "Aceh": "LOC", "Bener Meriah": "LOC", "Banda Aceh": "LOC"}


def _shooting(stamp: str):  # type: ignore[no-untyped-def]
    body = (f"{stamp} A fired accountant shot a receptionist dead and injured two others at an "
            "office in Detroit on Monday. In February, a gunman wounded three people at a mall "
            "in Utah.")  # fmt: skip
    figures = [{"text": "two", "value": 2, "object": "others", "event": "injured"},
               {"text": "three", "value": 3, "object": "people", "event": "wounded"}]  # fmt: skip
    return article(body, published_at="2026-04-02T10:00:00Z", entities=SHOOTING,
                   figures=figures)  # fmt: skip


def test_a_sentence_opening_on_another_month_tells_an_older_event() -> None:
    # On a page of April, February's shooting is background: not tracked, and so it is no
    # whole that Detroit's two would be a part of.
    assert track_values(_shooting("April 10, 2007")) == {"wound|peopl|": [2]}
    # On a page of February it is this month's news, and the larger count elsewhere keeps
    # Detroit's two apart, as before.
    assert track_values(_shooting("February 20, 2007")) == {
        "wound|peopl|Detroit": [2], "wound|peopl|": [3]}  # fmt: skip


def test_a_stamp_in_digits_dates_the_page_to_one_of_two_months() -> None:
    # "9 / 10 / 2007" is September 10 or October 9: February is neither, so its shooting is
    # background, whatever month the feed's own time (April) gives. A month the digits may
    # mean is not read as another.
    assert track_values(_shooting("9 / 10 / 2007 08:23 PM ET")) == {"wound|peopl|": [2]}
    assert track_values(_shooting("2 / 10 / 2007 08:23 PM ET")) == {
        "wound|peopl|Detroit": [2], "wound|peopl|": [3]}  # fmt: skip
    assert page_date("9 / 10 / 2010 @ 1:19PM Two workers died.").months == (9, 10)
    assert page_date("09 / 28 / 2010 Two workers died.").months == (9,)
    assert page_date("Updated: July 02, 2013 15:50 IST Two workers died.").months == ()


def _quake(background: str):  # type: ignore[no-untyped-def]
    body = ("A quake struck Aceh on Tuesday, killing 24 people. "
            f"{background} Five people died and seven were injured in Aceh in the quake.")  # fmt: skip
    figures = [{"text": "24", "object": "people", "event": "killing"},
               {"text": "Five", "value": 5, "object": "people", "event": "died"},
               {"text": "seven", "value": 7, "object": None, "event": "injured"}]  # fmt: skip
    return article(body, published_at="2013-07-02T10:00:00Z", entities=QUAKE, figures=figures)


def test_a_sentence_after_one_opening_on_a_past_time_goes_on_telling_that_event() -> None:
    past = _quake("In April last year an 8.6-magnitude quake struck off Banda Aceh.")
    assert track_values(past) == {"kill|peopl|": [24]}
    assert track_values(_quake("In 2012 an 8.6-magnitude quake struck off Banda Aceh.")) == {
        "kill|peopl|": [24]}  # fmt: skip
    # the sentence before tells no past time: this quake's counts (five of the 24 in Aceh)
    assert track_values(_quake("Rescuers searched the rubble near Banda Aceh.")) == {
        "kill|peopl|": [24], "kill|peopl|Aceh": [5], "wound|peopl|": [7]}  # fmt: skip


def test_a_count_naming_its_own_day_after_a_past_opener_is_this_events() -> None:
    body = ("A quake struck Aceh on Tuesday, killing 24 people. In April last year a quake struck "
            "off Banda Aceh. On Tuesday seven people were injured in Aceh.")  # fmt: skip
    a = article(body, published_at="2013-07-02T10:00:00Z", entities=QUAKE,
                figures=[{"text": "24", "object": "people", "event": "killing"},
                         {"text": "seven", "value": 7, "object": "people",
                          "event": "injured"}])  # fmt: skip
    assert track_values(a) == {"kill|peopl|": [24], "wound|peopl|": [7]}
    # nor one telling the present ("So far", "now") or a later time
    for told, text in (("So far seven people were injured in Aceh.", "seven"),
                       ("Seven people are now injured in Aceh.", "Seven")):  # fmt: skip
        b = article(body.replace("On Tuesday seven people were injured in Aceh.", told),
                    published_at="2013-07-02T10:00:00Z", entities=QUAKE,
                    figures=[{"text": "24", "object": "people", "event": "killing"},
                             {"text": text, "value": 7, "object": "people",
                              "event": "injured"}])  # fmt: skip
        assert track_values(b) == {"kill|peopl|": [24], "wound|peopl|": [7]}


def test_every_count_a_sentence_gives_where_its_whole_is_placed_loses_that_place() -> None:
    body = ("Rescuers worked in Indonesia after a quake hit Aceh leaving 24 dead and over 200 "
            "injured. Twelve people were killed in Bener Meriah. Officials recorded 24 people "
            "dead and 249 people injured.")  # fmt: skip
    figures = [{"text": "24", "object": None, "event": "leaving"},
               {"text": "200", "object": None, "event": "injured"},
               {"text": "Twelve", "value": 12, "object": "people", "event": "killed"},
               {"text": "24 people", "value": 24, "object": "people", "event": "recorded"},
               {"text": "249", "object": "people", "event": "injured"}]  # fmt: skip
    a = article(body, published_at="2013-07-03T10:00:00Z", entities=QUAKE, figures=figures)
    # "leaving 24 dead" in Indonesia is the whole toll, so Indonesia is where the story happens
    # for the 200 injured of its sentence too; Bener Meriah's twelve stay a part
    assert track_values(a) == {"kill|peopl|": [24, 24], "kill|peopl|Bener Meriah": [12],
                          "wound|peopl|": [200, 249]}  # fmt: skip


PAPUA = {"Manokwari": "LOC", "Papua": "LOC"}


def _papua(sentence: str, figure: dict, hour: int):  # type: ignore[no-untyped-def]
    body = ("Two powerful earthquakes struck Papua near Manokwari, flattening buildings and "
            f"sending residents to higher ground for fear of a tsunami. {sentence}")  # fmt: skip
    return article(body, title="Quakes hit Papua", published_at=f"2009-01-04T{hour:02d}:00:00Z",
                   entities=PAPUA, figures=[figure])  # fmt: skip


def test_refugees_are_the_displaced_and_a_large_count_of_them_is_told_with_any_verb() -> None:
    a = _papua("There are 14,000 refugees, the governor said.",
               {"text": "14,000", "object": "refugees", "event": "are"}, 1)  # fmt: skip
    b = _papua("The quakes have led over 14,000 people taking shelters in tents.",
               {"text": "14,000", "object": "people", "event": "led"}, 2)  # fmt: skip
    c = _papua("Around 14,000 people flooded into camps on high ground.",
               {"text": "14,000", "object": "people", "event": "flooded"}, 3)  # fmt: skip
    assert track_values(a, b, c) == {"displac|peopl|": [14000, 14000, 14000]}


def test_a_small_count_told_with_a_verb_no_class_knows_stays_its_own() -> None:
    a = _papua("At least 40 people were injured.",
               {"text": "40", "object": "people", "event": "injured"}, 1)  # fmt: skip
    b = _papua("Some 40 people were taken to the hospital in Manokwari.",
               {"text": "40", "object": "people", "event": "taken"}, 2)  # fmt: skip
    assert track_values(a, b) == {"wound|peopl|": [40], "take|peopl|": [40]}


def test_people_put_out_of_their_homes_are_the_displaced_whatever_the_verb() -> None:
    ents = {"Banstead": "LOC", "Waitrose": "ORG"}
    lede = "A fire destroyed the Waitrose supermarket in Banstead overnight. "

    def report(sentence: str, figure: dict, hour: int):  # type: ignore[no-untyped-def]
        return article(lede + sentence, title="Fire destroys Banstead Waitrose",
                       published_at=f"2008-03-06T{hour:02d}:00:00Z", entities=ents,
                       figures=[figure])  # fmt: skip

    a = report("Sixty residents were moved from their homes.",
               {"text": "Sixty", "value": 60, "object": "residents", "event": "moved"}, 1)  # fmt: skip
    b = report("Around 60 people spent the evening at a day care centre after being evacuated "
               "from their homes.", {"text": "60", "object": "people", "event": "spent"}, 2)  # fmt: skip
    c = report("Sixty local residents had to be evacuated from their homes.",
               {"text": "Sixty", "value": 60, "object": "local residents",
                "event": "evacuated"}, 3)  # fmt: skip
    assert track_values(a, b, c) == {"displac|resid|": [60, 60, 60]}
    # a fate of its own stays that fate ("killed after being driven from their homes")
    d = report("Two residents were killed after being driven from their homes.",
               {"text": "Two", "value": 2, "object": "residents", "event": "killed"}, 4)  # fmt: skip
    assert track_values(d) == {"kill|resid|": [2]}
