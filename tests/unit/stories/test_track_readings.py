"""Figure tracks: readings learned from real reports (bench/stories-data ECB+ dev tracks): a date
stamp that opens the body, tolls told as nouns or with stating verbs, steps and severities that
are not the count, and one count told of the same people in other words."""

from __future__ import annotations

from newsflow_stories.engine import StoryEngine

from tests.unit.stories.factory import article, fig, reporter, track_values

ENTS = {"Athens": "LOC", "Marfin": "ORG", "Greece": "LOC"}
LEDE = "Rioters set fire to a Marfin bank branch in Athens during a general strike in Greece. "


def _report(body: str, figures: list[dict], hour: int = 10, lede: str = LEDE):  # type: ignore[no-untyped-def]
    return article(lede + body, title="Deadly fire at Athens bank",
                   published_at=f"2026-03-17T{hour:02d}:00:00Z", entities=ENTS,
                   figures=figures)  # fmt: skip


_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twelve": 12}


def _fig(text: str, obj: str | None, event: str | None, value: float | None = None) -> dict:
    value = value if value is not None else _WORDS.get(text.lower(), None)
    out = {"text": text, "object": obj, "event": event}
    if value is not None:
        out["value"] = value
    return out


def test_a_date_stamp_opening_the_body_is_not_the_year_of_the_count() -> None:
    a = _report("", [_fig("Three", "people", "died", 3)],
                lede="Updated Thu 6 May 2010, 9:03am AEST Three people died in a burning bank "
                     "in Athens. Marfin said the fire spread fast in Greece.")  # fmt: skip
    b = _report("In 2008, 12 people were killed in riots.", [_fig("12", "people", "killed")])
    assert track_values(a) == {"kill|peopl|": [3]}
    assert track_values(b) == {}  # a year inside the text still marks an older count


def test_a_count_of_the_year_the_page_is_dated_is_not_an_older_one() -> None:
    # An archive fed late: received in 2026, the page printing its own date of 2010.
    stamped = "Updated Thu 6 May 2010, 9:03am AEST Rioters set fire to a Marfin bank in Athens. "
    a = _report("Three people died in the May 2010 riots in Greece.",
                [_fig("Three", "people", "died", 3)], lede=stamped)  # fmt: skip
    b = _report("Three people died in the May 2010 riots in Greece.",
                [_fig("Three", "people", "died", 3)])  # fmt: skip
    assert track_values(a) == {"kill|peopl|": [3]}
    assert track_values(b) == {}  # undated: published_at (2026) is the page's year


def test_tolls_told_as_nouns_to_death_and_by_stating_verbs_are_one_toll() -> None:
    a = _report("Three people died in the fire.", [_fig("Three", "people", "died", 3)])
    b = _report("The tragic death of the three workers shocked Greece.",
                [_fig("three", "workers", None, 3)], hour=11)  # fmt: skip
    c = _report("Police said the 3 bank employees were burnt to death.",
                [_fig("3", "bank employees", "said")], hour=12)  # fmt: skip
    d = _report("Officials have recorded three people dead.",
                [_fig("three", "people", "recorded", 3)], hour=13)  # fmt: skip
    e = _report("Three people had so far been confirmed dead.",
                [_fig("Three", "people", "confirmed", 3)], hour=14)  # fmt: skip
    assert track_values(a, b, c, d, e) == {"kill|peopl|": [3, 3, 3, 3, 3]}


def test_a_step_and_the_badly_injured_are_not_the_count() -> None:
    a = _report("The fire killed one man. Another four people died in hospitals. "
                "At least 50 people were injured and 30 people seriously injured.",
                [_fig("one", "man", "killed"), _fig("four", "people", "died", 4),
                 _fig("50", "people", "injured"), _fig("30", "people", "injured")])  # fmt: skip
    tracks = track_values(a)
    assert tracks["kill|man|"] == [1] and "kill|peopl|" not in tracks
    assert tracks["wound|peopl|"] == [50] and tracks["wound serious|peopl|"] == [30]


def test_the_largest_count_keeps_no_place_its_parts_do() -> None:
    a = _report("The riots in Greece left 24 dead. Twelve people were killed in Athens.",
                [_fig("24", None, "left"), _fig("Twelve", "people", "killed", 12)])  # fmt: skip
    tracks = track_values(a)
    assert tracks["kill|peopl|"] == [24] and tracks["kill|peopl|Athens"] == [12]


def test_one_count_told_of_the_same_people_in_other_words_is_one_track() -> None:
    a = _report("The fire killed three bank workers.", [_fig("three", "bank workers", "killed")])
    b = _report("Three people died.", [_fig("Three", "people", "died", 3)], hour=11)
    c = _report("The blaze killed three employees.", [_fig("three", "employees", "killed")],
                hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"kill|bank worker|": [3, 3, 3]}


def test_parties_and_other_values_are_never_redescribed() -> None:
    a = _report("Two soldiers were killed.", [_fig("Two", "soldiers", "killed", 2)])
    b = _report("Two civilians were killed.", [_fig("Two", "civilians", "killed", 2)], hour=11)
    c = _report("Five employees were killed.", [_fig("Five", "employees", "killed", 5)], hour=12)
    assert track_values(a, b, c) == {
        "kill|soldier|": [2],
        "kill|civilian|": [2],
        "kill|employe|": [5],
    }


def test_shot_is_a_count_of_its_own_and_shot_dead_is_the_toll() -> None:
    a = _report("A gunman shot three people, killing one.",
                [_fig("three", "people", "shot"), _fig("one", None, "killing", 1)])  # fmt: skip
    b = _report("A man shot dead three guards.", [_fig("three", "guards", "shot dead")], hour=11)
    tracks = track_values(a, b)
    assert tracks["shoot|peopl|"] == [3] and tracks["kill|peopl|"] == [1]
    assert tracks["kill|guard|"] == [3]


def test_a_fate_someone_only_meant_to_bring_is_no_count_of_it() -> None:
    a = _report("A gunman shot three people, killing one.",
                [_fig("three", "people", "shot"), _fig("one", None, "killing", 1)])  # fmt: skip
    b = _report("He targeted two managers and may have intended to shoot another one.",
                [_fig("two", "managers", "targeted"), _fig("one", None, "shoot", 1)],
                hour=11)  # fmt: skip
    c = _report("He was charged with attempting to kill three others.",
                [_fig("three", "others", "kill")], hour=12)  # fmt: skip
    tracks = track_values(a, b, c)
    assert tracks["shoot|peopl|"] == [3] and tracks["kill|peopl|"] == [1]


def test_a_time_told_with_a_fate_is_no_count_of_it() -> None:
    # "In almost three months of battle, more than 820 extremists ... have been killed" (the
    # seed): enrich reads "three months" with the clause's verb; a fate counts people.
    a = _report("In almost three months of fighting, more than 20 people have been killed.",
                [fig("three months", "fighting", "killed", 3, "months"),
                 fig("20", "people", "killed", 20)])  # fmt: skip
    b = _report("Three people died in the fire.", [fig("Three", "people", "died", 3)], hour=11)
    assert track_values(a, b) == {"kill|peopl|": [3, 20]}


def test_a_participle_after_the_noun_says_what_its_members_are() -> None:
    a = _report("Six children were killed and 14 children were trapped.",
                [_fig("Six", "children", "killed", 6), _fig("14", "children", "trapped")])  # fmt: skip
    b = _report("Rescuers struggled to evacuate 14 children still trapped under the rubble.",
                [_fig("14", "children", "evacuate")], hour=11)  # fmt: skip
    assert track_values(a, b)["trap|child|"] == [14, 14]


def test_one_count_of_the_same_noun_told_with_other_verbs_is_one_track() -> None:
    a = _report("More than 50 firefighters tackled the blaze.",
                [_fig("50", "firefighters", "tackled")])  # fmt: skip
    b = _report("More than 50 firefighters fought the blaze.", [_fig("50", "firefighters", "fought")],
                hour=11)  # fmt: skip
    c = _report("Some 12 people were evacuated.", [_fig("12", "people", "evacuated")], hour=12)
    d = _report("Some 12 people were treated.", [_fig("12", "people", "treated")], hour=13)
    e = _report("Some 5 firefighters rested.", [_fig("5", "firefighters", "rested")], hour=14)
    f = _report("Some 5 firefighters ate.", [_fig("5", "firefighters", "ate")], hour=15)
    tracks = track_values(a, b, c, d, e, f)
    assert tracks["tackl|firefight|"] == [50, 50]
    # "people" says nothing of what was counted; a small count agrees by chance
    assert tracks["evacu|peopl|"] == [12] and tracks["treat|peopl|"] == [12]
    assert tracks["rest|firefight|"] == [5] and tracks["ate|firefight|"] == [5]


def test_a_phrase_is_read_after_its_verb_however_far_the_verb_is_from_the_figure() -> None:
    a = _report(
        "At least two other buildings caught fire.", [_fig("two", "other buildings", "caught")]
    )
    b = _report("Two buildings, one used by tax officials and another by regional authorities, "
                "also caught fire.", [_fig("Two", "buildings", "caught", 2)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"burn|build|": [2, 2]}


def test_fatally_makes_a_toll_and_a_noun_pair_before_of_is_one() -> None:
    a = _report("Weeks before, a driver fatally shot eight people at a depot.",
                [_fig("eight", "people", "shot", 8)])  # fmt: skip
    b = _report("He spoke of the tragic death and loss of those three people.",
                [_fig("three", "people", None, 3)], hour=11)  # fmt: skip
    tracks = track_values(a, b)
    assert tracks["kill|peopl|"] == [3, 8] and "shoot|peopl|" not in tracks


def test_an_earlier_value_linked_right_before_it_is_restated_across_a_long_clause() -> None:
    a = _report("The airline raised to 34,000 the number of customers whose personal data "
                "was stolen in a hacking attack, up from an initial estimate of 12,000.",
                [_fig("34,000", "number", "raised"),
                 _fig("12,000", "initial estimate", None)])  # fmt: skip
    [track] = track_values(a).values()
    assert track == [12_000, 34_000]


def test_a_report_that_links_two_values_joins_the_tracks_that_held_them() -> None:
    lede = "Hackers broke into the systems of the airline Aerlinna in Dublin, Aerlinna said. "
    a = _report("Hackers took the passport data of 12,000 customers.",
                [_fig("12,000", "customers", "took")], lede=lede)  # fmt: skip
    b = _report("The data of 34,000 customers was stolen.",
                [_fig("34,000", "customers", "stolen")], hour=11, lede=lede)  # fmt: skip
    assert len(track_values(a, b)) == 2  # two verbs outside every class, two values: not yet one
    c = _report("The airline raised to 34,000 the number of customers whose personal data was "
                "stolen in a hacking attack, up from an initial estimate of 12,000.",
                [_fig("34,000", "number", "raised"), _fig("12,000", "initial estimate", None)],
                hour=12, lede=lede)  # fmt: skip
    engine = StoryEngine()
    for x in (a, b):
        engine.add(x)
    [update] = engine.add(c)
    [track] = update.story.tracks
    assert [r.value for r in track.reports] == [12_000, 34_000, 12_000, 34_000]
    assert update.tracks_changed == [track.key]


def test_estimates_of_the_same_noun_whose_ranges_meet_are_one_count() -> None:
    def est(text: str, low: float | None, high: float | None, value: float, verb: str, hour: int):  # type: ignore[no-untyped-def]
        fig = _fig(text, "volunteer firefighters", verb, value) | {"low": low, "high": high}
        return _report(f"As many as {text} volunteer firefighters {verb}.", [fig], hour=hour)

    a = est("35 to 40", 35, 40, 37.5, "came", 10)
    b = est("30 to 40", 30, 40, 35, "arrived", 11)
    c = est("40", None, None, 40, "helped", 12)
    d = est("60 to 70", 60, 70, 65, "rested", 13)
    tracks = track_values(a, b, c, d)
    assert tracks["come|volunt firefight|"] == [35, 37.5, 40]
    assert tracks["rest|volunt firefight|"] == [65]


def test_the_verb_before_a_count_wins_over_an_infinitive_of_purpose_after_it() -> None:
    """ "needed nine points in the game to pass the record" counts what was needed, as "needed
    nine points" does; "to pass" is what for."""
    game = reporter("Corvel beat Vessa on Thursday. ", "Corvel beats Vessa",
                    {"Corvel": "LOC", "Vessa": "LOC"})  # fmt: skip
    a = game("The senior needed nine points in the game against Vessa to pass the record.",
             [fig("nine", "points", "pass", 9)])  # fmt: skip
    b = game("The senior needed just nine points coming in.",
             [fig("nine", "points", "needed", 9)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"need|point|": [9, 9]}
