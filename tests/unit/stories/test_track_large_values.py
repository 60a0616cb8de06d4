"""Figure tracks: a large count told again of the same kind of thing in other nouns and under
other verbs (`retold.distinct_retold`): "up to 1,200 fellow parishioners will worship" ...
"congregations of up to 1,200 people". A count of `values.MIN_COUNT` or more agrees by chance
seldom, so the nouns need only be of one kind (both people, synonyms, or one a kind of the
other); never two parties, two classes, a smaller count, or things of another kind. Made-up
reports of an invented church fire and election in Orvale."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Orvale": "LOC", "Pastor Lenn Havik": "PERSON"}

_report = reporter("A fire gutted the Grace Chapel in Orvale on Sunday. ", "Orvale chapel fire",
                   ENTS)  # fmt: skip


def test_a_large_count_of_people_in_other_words_is_one_count() -> None:
    a = _report("Up to 1,200 fellow parishioners will worship in a school hall.",
                [fig("1,200", "fellow parishioners", "worship", 1200)])  # fmt: skip
    b = _report("The chapel normally accommodates congregations of up to 1,200 people.",
                [fig("1,200", "people", "accommodates", 1200)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"worship|fellow parishion|": [1200, 1200]}


def test_a_small_count_of_people_in_other_words_is_not() -> None:
    # "a dozen people were at the party" and "a dozen employees got out" may be two counts
    a = _report("About 40 parishioners will worship in a school hall.",
                [fig("40", "parishioners", "worship", 40)])  # fmt: skip
    b = _report("The chapel's hall accommodates 40 people at most.",
                [fig("40", "people", "accommodates", 40)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"worship|parishion|": [40], "accommod|peopl|": [40]}


def test_not_two_parties_nor_things_of_another_kind() -> None:
    a = _report("About 1,200 protesters gathered outside the chapel on Monday.",
                [fig("1,200", "protesters", "gathered", 1200)])  # fmt: skip
    b = _report("About 1,200 officers guarded the roads around Orvale.",
                [fig("1,200", "officers", "guarded", 1200)], hour=11)  # fmt: skip
    c = _report("Volunteers set out 1,200 chairs in the school hall.",
                [fig("1,200", "chairs", "set", 1200)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {
        "gather|protest|": [1200], "guard|offic|": [1200], "set|chair|": [1200],
    }  # fmt: skip


def test_not_a_count_of_a_fate_against_one_of_no_fate() -> None:
    a = _report("About 300 people were injured when the roof fell in.",
                [fig("300", "people", "injured", 300)])  # fmt: skip
    b = _report("About 300 residents gathered at the town hall on Monday night.",
                [fig("300", "residents", "gathered", 300)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"wound|peopl|": [300], "gather|resid|": [300]}


def test_a_large_count_of_people_with_only_a_copula_is_tracked() -> None:
    # "Six people were in critical condition" says nothing of what is counted; "2.5 million
    # people were eligible" is a count too large to meet another by chance.
    a = _report("Over 2,500 people were eligible to vote in the parish ballot.",
                [fig("2,500", "people", "were", 2500)])  # fmt: skip
    b = _report("The parish had 2,500 eligible voters before the fire.",
                [fig("2,500", "eligible voters", "had", 2500)], hour=11)  # fmt: skip
    c = _report("Six people were in critical condition on Monday.",
                [fig("Six", "people", "were", 6)], hour=12)  # fmt: skip
    assert track_values(a, b, c) == {"|peopl||=2500": [2500, 2500]}


def test_a_stem_names_people_when_its_commonest_plural_does() -> None:
    # "followers" and "following" are both the stem "follow"; a count is of the followers
    a = _report("The chapel's movement has about 1,500 followers across the valley.",
                [fig("1,500", "followers", "has", 1500)])  # fmt: skip
    b = _report("The movement, which has at least 1,500 members, will rebuild the chapel.",
                [fig("1,500", "members", "has", 1500)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"|follow||=1500": [1500, 1500]}
