"""Figure tracks: a figure's own verb printed after it, and a parent's children. Enrich may give a
figure the verb of the clause before it ("nine people were killed and about 4,000 were forced from
their homes": "killed" for the 4,000), and the verb of a parent for her children ("a mother of
12, was fatally shot"). Made-up reports of an invented flood in Corvel and an invented shooting
in Vessa."""

from __future__ import annotations

from newsflow_stories.engine import readings

from tests.unit.stories.factory import fig, reporter, track_values

_flood = reporter("Floods hit Corvel on Sunday. ", "Corvel floods", {"Corvel": "LOC"})


def test_the_verb_after_a_figure_in_the_next_clause_is_its_own() -> None:
    a = _flood("At least nine people were killed and about 4,000 were forced from their homes.",
               [fig("nine", "people", "killed", 9), fig("4,000", None, "killed", 4000)])  # fmt: skip
    b = _flood("The toll rose to 23 and more than 11,000 people have been displaced.",
               [fig("23", "toll", "rose", 23), fig("11,000", "people", "displaced", 11000)],
               hour=11)  # fmt: skip
    c = _flood("Officials say 38 people were killed and more than 200 injured.",
               [fig("38", "people", "killed", 38), fig("200", None, "killed", 200)],
               hour=12)  # fmt: skip
    tracks = track_values(a, b, c)
    assert tracks["kill|peopl|"] == [9, 23, 38]
    assert tracks["displac|peopl|"] == [4000, 11000]
    assert tracks["wound|peopl|"] == [200]


def test_a_verb_with_no_clause_between_stays_the_figures() -> None:
    # "killed" governs "four people": no coordinator between them, so the words after the
    # figure ("trapped in the rubble") do not replace it.
    assert readings.own_verb("killed", "The quake killed ", " people trapped in ruins",
                             "people") is None  # fmt: skip
    # An aside after a comma is not the figure's verb; a copula and where they were is.
    assert (
        readings.own_verb("died", "A clerk died and ", ", believed to be managers", "men") is None
    )
    assert readings.own_verb("injured", "No one was injured, but ", ", were inside the church",
                             "children") == "were"  # fmt: skip
    assert readings.own_verb("are", "202 are young, and ", " are women", None) is None


_shooting = reporter("A gunman opened fire in Vessa on Friday. ", "Vessa shooting",
                     {"Vessa": "LOC", "Ada Marsh": "PERSON"})  # fmt: skip


def test_a_parents_children_are_a_count_of_their_own_whatever_the_verb() -> None:
    a = _shooting("Ada Marsh, a mother of 12, was fatally shot.",
                  [fig("12", "mother", "shot", 12)])  # fmt: skip
    b = _shooting("A Vessa mother of 12 was killed. Ada Marsh was the mother of 12 children.",
                  [fig("12", "Vessa mother", "killed", 12), fig("12 children", "children", None,
                                                                  12)], hour=11)  # fmt: skip
    tracks = track_values(a, b)
    assert tracks == {"|child||=12": [12, 12, 12]}  # none of them is the toll


def test_children_of_reads_the_counted_children() -> None:
    assert readings.children_of("A 59-year-old mother of ", " died", "mother") == "children"
    assert (
        readings.children_of("Video of Brooklyn Mother of ", " Zurana Horton", "Zurana Horton")
        == "children"
    )
    assert readings.children_of("a grandmother of ", " was", None) == "grandchildren"
    assert readings.children_of("the father of ", " daughters", "daughters") == "daughters"
    assert readings.children_of("the leader of ", " men", "men") is None
    # An object enrich took from elsewhere in the sentence is not the children's.
    assert readings.children_of("being a mother of ", " a dealbreaker", "dealbreaker") == "children"


def test_a_verb_after_the_figure_that_names_no_fate_leaves_enrichs() -> None:
    # "six men and one woman aged 19 to 32": one clause; "aged" names no fate.
    raid = reporter("Police raided homes in Corvel on Friday. ", "Corvel raid", {"Corvel": "LOC"})
    a = raid("Police arrested six men and one woman aged between 19 and 32.",
             [fig("six", "men", "arrested", 6), fig("one", "woman", "arrested", 1)])  # fmt: skip
    assert track_values(a) == {"arrest|men|": [6], "arrest|woman|": [1]}


def test_what_the_toll_is_said_to_be_is_the_toll() -> None:
    a = _flood("At least nine people were killed.", [fig("nine", "people", "killed", 9)])
    b = _flood('"The latest data of the fatality is only nine persons," he said.',
               [fig("nine", "persons", "is", 9)], hour=11)  # fmt: skip
    assert track_values(a, b) == {"kill|peopl|": [9, 9]}
    assert readings.toll_is("the death toll stood at ")
    assert not readings.toll_is("the toll road is ")


def test_a_dash_printed_without_spaces_ends_the_object() -> None:
    from newsflow_stories.engine.objects import normalize_object

    assert normalize_object("defeats-and", {}) == normalize_object("defeats", {})
    assert normalize_object("bank workers-two", {}) == normalize_object("bank workers", {})
    # Compounds keep their hyphens: "hole-in-one", "blue-and-orange".
    assert normalize_object("hole-in-one prize", {}) != normalize_object("hole", {})
    assert "orang" in normalize_object("blue-and-orange sign", {})
