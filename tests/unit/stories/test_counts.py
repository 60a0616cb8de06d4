"""One count reported with different words by different outlets forms one track."""

from __future__ import annotations

from newsflow_stories.engine import StoryEngine

from tests.unit.stories.factory import article, one_story

ENTS = {"Lagos": "LOC", "Otedola": "LOC", "LASEMA": "ORG", "Nigeria": "LOC"}


def _report(body: str, figures: list[dict], day: int = 20, hour: int = 10, **kw):  # type: ignore[no-untyped-def]
    lede = ("A fuel tanker overturned and burst into flames on the Otedola bridge in Lagos, "
            "LASEMA said of the tanker fire. ")  # fmt: skip
    return article(lede + body, title=kw.pop("title", "Tanker fire on Lagos bridge"),
                   published_at=f"2026-03-{day:02d}T{hour:02d}:00:00Z", entities=ENTS,
                   figures=figures, **kw)  # fmt: skip


def _tracks(*articles):  # type: ignore[no-untyped-def]
    story = one_story(*articles)
    return {t.key: sorted((r.value, r.article_id) for r in t.reports) for t in story.tracks}


def _values(tracks: dict, key: str) -> list[float]:
    return [v for v, _ in tracks[key]]


def test_killed_died_dead_and_the_death_toll_are_one_toll() -> None:
    a = _report(
        "At least 12 people were killed in the fire.",
        [{"text": "12", "object": "people", "event": "killed"}],
    )
    b = _report(
        "Twelve people died at the scene.",
        [{"text": "Twelve", "value": 12.0, "object": "people", "event": "died"}],
        hour=12,
    )
    c = _report(
        "The death toll from the tanker fire rose to 15 on Saturday.",
        [{"text": "15", "object": None, "event": "rose"}],
        day=21,
    )
    d = _report(
        "The number of people killed by the fire has climbed to at least 17.",
        [{"text": "17", "object": None, "event": "climbed"}],
        day=22,
    )
    e = _report(
        "Officials put the death toll at 18.",
        [{"text": "18", "object": "death toll", "event": "put"}],
        day=23,
    )
    tracks = _tracks(a, b, c, d, e)
    assert _values(tracks, "kill|peopl|") == [12, 12, 15, 17, 18]


def test_phrases_and_participles_name_the_count_their_verb_does_not() -> None:
    a = _report("The crash set 54 vehicles alight. Rescuers pulled 11 people alive from the "
                "wreck. About 4,000 were forced from their homes.",
                [{"text": "54", "object": "vehicles alight", "event": "set"},
                 {"text": "11", "object": "people", "event": "pulled"},
                 {"text": "4,000", "object": None, "event": "forced"}])  # fmt: skip
    b = _report("The blaze gutted 54 vehicles. Officials said 11 survivors had been rescued. "
                "Some 5,000 displaced people were being housed in schools.",
                [{"text": "54", "object": "vehicles", "event": "gutted"},
                 {"text": "11", "object": "survivors", "event": "rescued"},
                 {"text": "5,000", "object": "displaced people", "event": "housed"}],
                day=21)  # fmt: skip
    c = _report("The fire left 300 people homeless. Two more bodies were pulled from the river.",
                [{"text": "300", "object": "people", "event": "left"},
                 {"text": "Two", "value": 2.0, "object": "more bodies", "event": "pulled"}],
                day=22)  # fmt: skip
    tracks = _tracks(a, b, c)
    assert _values(tracks, "burn|vehicl|") == [54, 54]
    assert _values(tracks, "rescu|peopl|") == [11, 11]
    assert _values(tracks, "displac|peopl|") == [300, 4000, 5000]
    # Bodies pulled out are not people rescued alive.
    assert _values(tracks, "pull|bodi|") == [2]


def test_a_place_named_or_left_out_is_the_same_count_unless_it_sets_one_apart() -> None:
    a = _report(
        "Seven people were trapped in Nigeria on Friday.",
        [{"text": "Seven", "value": 7.0, "object": "people", "event": "trapped"}],
    )
    b = _report("Seven people were still trapped on Saturday.",
                [{"text": "Seven", "value": 7.0, "object": "people", "event": "trapped"}],
                day=21)  # fmt: skip
    c = _report("Seven people were trapped at Otedola on Sunday.",
                [{"text": "Seven", "value": 7.0, "object": "people", "event": "trapped"}],
                day=22)  # fmt: skip
    tracks = _tracks(a, b, c)
    assert _values(tracks, "trap|peopl|") == [7, 7, 7]


def test_a_count_of_an_earlier_year_belongs_to_no_track() -> None:
    a = _report(
        "Seven people were trapped on Friday.",
        [{"text": "Seven", "value": 7.0, "object": "people", "event": "trapped"}],
    )
    b = _report(
        "The fire recalled the 2010 blaze, when 33 people were rescued after a week.",
        [{"text": "33", "object": "people", "event": "rescued"}],
        day=21,
    )
    c = _report("All seven people were rescued alive on Sunday.",
                [{"text": "seven", "value": 7.0, "object": "people", "event": "rescued"}],
                day=22)  # fmt: skip
    tracks = _tracks(a, b, c)
    assert _values(tracks, "rescu|peopl|") == [7]


def test_an_earlier_year_in_a_clause_after_the_count_is_that_clauses() -> None:
    # The year tells of the quakes the clause recalls, not of the 40 injured (ECB+'s West Papua
    # quake reports); a year in the count's own clause, before or after it, still sets it apart.
    a = _report(
        "At least 40 people were injured in the fire, which recalled a blaze that hit the "
        "bridge in 2002.",
        [{"text": "40", "object": "people", "event": "injured"}],
    )
    b = _report(
        "In 2002, 40 people were injured in a blaze on the bridge.",
        [{"text": "40", "object": "people", "event": "injured"}],
        hour=12,
    )
    c = _report(
        "Officials said 40 people were injured in the fire on Sunday.",
        [{"text": "40", "object": "people", "event": "injured"}],
        day=22,
    )
    tracks = _tracks(a, b, c)
    assert [aid for _, aid in tracks["wound|peopl|"]] == sorted([a.id, c.id])


def test_the_deaths_that_moved_a_toll_are_not_a_report_of_it() -> None:
    a = _report(
        "At least 12 people were killed in the fire.",
        [{"text": "12", "object": "people", "event": "killed"}],
    )
    b = _report(
        "The death toll rose to 15 on Saturday after three people died of their burns.",
        [
            {"text": "15", "object": None, "event": "rose"},
            {"text": "three", "value": 3.0, "object": "people", "event": "died"},
        ],
        day=21,
    )
    tracks = _tracks(a, b)
    assert _values(tracks, "kill|peopl|") == [12, 15]


def _port(body: str, figures: list[dict], day: int) -> object:
    lede = "Lashers at the port of Rotterdam stayed on strike, the FNV union said. "
    return article(lede + body, title="Rotterdam port strike",
                   published_at=f"2026-04-{day:02d}T10:00:00Z",
                   entities={"Rotterdam": "LOC", "FNV": "ORG"}, figures=figures)  # fmt: skip


def test_a_plain_description_dropped_by_a_later_report_is_the_same_count() -> None:
    tracks = _tracks(
        _port("The strike left 38 container ships waiting.",
              [{"text": "38", "object": "container ships", "event": "leaving"}], 14),
        _port("The queue of ships waiting to berth reached 74.",
              [{"text": "74", "object": None, "event": "reached"}], 16),
        # The verb is the backlog's ("clear"); what the figure counts still waits.
        _port("It will take a week to clear the backlog of 74 ships.",
              [{"text": "74", "object": "ships", "event": "clear"}], 17),
    )  # fmt: skip
    assert [k for k in tracks if "ship" in k] == ["wait|contain ship|"]
    assert _values(tracks, "wait|contain ship|") == [38, 74, 74]


def test_a_name_is_never_dropped_nor_a_much_smaller_group_merged() -> None:
    tracks = _tracks(
        _port("At least 25 SDF fighters were killed and 30 dock workers were hurt.",
              [{"text": "25", "object": "SDF fighters", "event": "killed"},
               {"text": "30", "object": "dock workers", "event": "hurt"}], 14),
        # "fighters" may be anyone's; "five workers" is a part of the 30, not their count.
        _port("Some 40 fighters were killed and five workers were hurt.",
              [{"text": "40", "object": "fighters", "event": "killed"},
               {"text": "five", "object": "workers", "event": "hurt", "value": 5}], 15),
    )  # fmt: skip
    assert _values(tracks, "kill|sdf fighter|") == [25]
    assert _values(tracks, "kill|fighter|") == [40]
    assert _values(tracks, "wound|dock worker|") == [30]
    assert _values(tracks, "wound|worker|") == [5]


def test_an_earlier_value_the_sentence_restates_is_a_report_of_the_same_count() -> None:
    first = _report("At least 23 people were killed, LASEMA said.",
                    [{"text": "23", "object": "people", "event": "killed"}], day=20)  # fmt: skip
    later = _report(
        "At least 41 people have been killed, up from an earlier count of 38, LASEMA said. "
        "A police statement gave an earlier count of 30.",
        [{"text": "41", "object": "people", "event": "killed"},
         {"text": "38", "object": "earlier count", "event": None},
         {"text": "30", "object": "earlier count", "event": None}], day=21,
    )  # fmt: skip
    engine = StoryEngine()
    engine.add(first)
    engine.add(later)
    [story] = list(engine.stories())
    [toll] = [t for t in story.tracks if t.key == "kill|peopl|"]
    # 38 is restated in the sentence that gives 41; 30, in a sentence of its own with no count
    # it restates, stays out
    assert [r.value for r in toll.reports] == [23, 38, 41]
    assert not any(r.value == 30 for t in story.tracks for r in t.reports)
    # the article's restated value is filed before its current one: the latest is 41
    assert (toll.latest, toll.highest) == (41, 41)


def test_a_toll_and_the_wounded_in_one_sentence_and_fates_stated_after_the_verb() -> None:
    a = _report("The death toll rose to 23, with more than 300 injured.",
                [{"text": "23", "object": None, "event": "rose"},
                 {"text": "300", "object": None, "event": "injured"}])  # fmt: skip
    b = _report("Officials said 25 people lost their lives. The number of injured climbed to 310.",
                [{"text": "25", "object": "people", "event": "lost"},
                 {"text": "310", "object": None, "event": "climbed"}], day=21)  # fmt: skip
    c = _report("In all 27 people were confirmed dead and 12 were reported missing.",
                [{"text": "27", "object": "people", "event": "confirmed"},
                 {"text": "12", "object": None, "event": "reported"}], day=22)  # fmt: skip
    tracks = _tracks(a, b, c)
    # the 300 are wounded: a toll named earlier in the sentence does not make them dead
    assert _values(tracks, "kill|peopl|") == [23, 25, 27]
    assert _values(tracks, "wound|peopl|") == [300, 310]
    assert _values(tracks, "miss|peopl|") == [12]


def test_a_restated_value_with_the_same_reading_still_comes_before_the_current_one() -> None:
    a = _report("Some 19,200 people have been displaced, compared with 17,500 on Monday.",
                [{"text": "19,200", "object": "people", "event": "displaced"},
                 {"text": "17,500", "object": None, "event": "displaced"}])  # fmt: skip
    engine = StoryEngine()
    engine.add(a)
    [story] = list(engine.stories())
    [track] = [t for t in story.tracks if t.key == "displac|peopl|"]
    assert [r.value for r in track.reports] == [17500, 19200]
    assert track.latest == 19200


def test_one_count_told_with_two_verbs_no_class_knows_is_one_track() -> None:
    tracks = _tracks(
        _port("About 1,200 dock workers walked off the job on Monday.",
              [{"text": "1,200", "object": "dock workers", "event": "walked"}], 14),
        _port("About 1,200 workers are taking part, the union said.",
              [{"text": "1,200", "object": "workers", "event": "taking"}], 15),
        # Another value is another count; a small one agreeing is a coincidence; a class
        # ("hurt") never meets a verb outside it.
        _port("Some 900 workers are taking part in a second walkout. Two dock workers walked "
              "out of talks. 1,200 workers were hurt.",
              [{"text": "900", "object": "workers", "event": "taking"},
               {"text": "Two", "value": 2, "object": "dock workers", "event": "walked"},
               {"text": "1,200 workers were", "value": 1200, "object": "workers",
                "event": "hurt"}], 16),
        _port("Two workers are taking part in the talks.",
              [{"text": "Two", "value": 2, "object": "workers", "event": "taking"}], 17),
    )  # fmt: skip
    assert _values(tracks, "walk|dock worker|") == [2, 1200, 1200]
    assert _values(tracks, "take|worker|") == [2, 900]
    assert _values(tracks, "wound|worker|") == [1200]


def _breach(body: str, figures: list[dict], day: int) -> object:
    lede = "Hackers broke into the systems of Telecom Andina, the operator said. "
    return article(lede + body, title="Telecom Andina breach",
                   published_at=f"2026-06-{day:02d}T10:00:00Z",
                   entities={"Telecom Andina": "ORG"}, figures=figures)  # fmt: skip


def test_a_raised_count_joins_the_track_of_the_value_it_restates() -> None:
    tracks = _tracks(
        _breach("Hackers accessed the data of 210,000 customers.",
                [{"text": "210,000", "object": "customers", "event": "accessed"}], 10),
        # The new value alone matches nothing; the value it restates does.
        _breach("The data of 560,000 customers was stolen, up from the 210,000 it reported.",
                [{"text": "560,000", "object": "customers", "event": "stolen"},
                 {"text": "210,000", "object": None, "event": "reported"}], 12),
        # "its first estimate of": an earlier value, not a count of estimates.
        _breach("Now 560,000 customers were affected, more than double its first estimate "
                "of 210,000.",
                [{"text": "560,000", "object": "customers", "event": "affected"},
                 {"text": "210,000", "object": "first estimate", "event": "affected"}], 13),
    )  # fmt: skip
    assert list(tracks) == ["access|custom|"]
    assert _values(tracks, "access|custom|") == [210_000, 210_000, 210_000, 560_000, 560_000]


def test_a_level_verb_counts_its_subject_whatever_noun_the_figure_was_given() -> None:
    # enrich may give "rose to 23" a noun from later in the sentence ("11,000 people")
    a = _report("At least 12 people were killed in the fire.",
                [{"text": "12", "object": "people", "event": "killed"}])  # fmt: skip
    b = _report(
        "The death toll rose to 23 on Saturday and more than 11,000 people were displaced. "
        "The number of victims was increasing at a rate of 50 percent.",
        [{"text": "23", "object": "people", "event": "rose"},
         {"text": "11,000", "object": "people", "event": "displaced"},
         {"text": "50 percent", "value": 50, "unit": "%", "object": "rate",
          "event": "increasing"}], day=21,
    )  # fmt: skip
    tracks = _tracks(a, b)
    assert _values(tracks, "kill|peopl|") == [12, 23]
    assert _values(tracks, "displac|peopl|") == [11_000]
    assert _values(tracks, "increas|rate||%") == [50]  # a rate, not a count of victims


def test_bodies_recovered_are_the_toll_whatever_the_verb() -> None:
    # "recovered 145 bodies" counts the dead, as "145 killed" does (bench/README, "Figure
    # tracks: one toll whatever the verb"); other objects of the verb stay apart
    a = _report("Rescue teams have recovered 145 bodies and two boats from the river.",
                [{"text": "145", "object": "bodies", "event": "recovered"},
                 {"text": "two", "value": 2.0, "object": "boats", "event": "recovered"}])  # fmt: skip
    b = _report("The death toll rose to 150 on Tuesday.",
                [{"text": "150", "object": None, "event": "rose"}], day=21)  # fmt: skip
    c = _report("Divers found 160 corpses in the wreck.",
                [{"text": "160", "object": "corpses", "event": "found"}], day=22)  # fmt: skip
    tracks = _tracks(a, b, c)
    assert _values(tracks, "kill|peopl|") == [145, 150, 160]
    assert not any(2.0 in _values(tracks, k) for k in tracks if k.startswith("kill"))
