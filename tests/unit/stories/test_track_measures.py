"""Figure tracks: a large quantity with a unit told again under other verbs and nouns is one
quantity ("consumed 12,000 hectares" ... "scorched 12,000 hectares of forest"); a share, a
duration or a range is not. Made-up reports of an invented wildfire."""

from __future__ import annotations

from tests.unit.stories.factory import fig, reporter, track_values

ENTS = {"Valdeserra": "LOC"}
LEDE = "A wildfire raged for a third day in the hills above Valdeserra. "


_report = reporter(LEDE, "Valdeserra wildfire", ENTS, day="2026-07-04")


def test_a_large_quantity_told_again_is_one_whatever_its_noun() -> None:
    a = _report("The wildfire has consumed 12,000 hectares.",
                [fig("12,000 hectares", "wildfire", "consumed", 12000, "ha")])  # fmt: skip
    b = _report("The blaze has scorched 12,000 hectares of forest.",
                [fig("12,000 hectares", "forest", "scorched", 12000, "ha")], hour=11)  # fmt: skip
    c = _report("Shares in the insurer fell 150 percent.",
                [fig("150 percent", "shares", "fell", 150, "%")], hour=12)  # fmt: skip
    d = _report("The regional index fell 150 percent.",
                [fig("150 percent", "index", "fell", 150, "%")], hour=13)  # fmt: skip
    e = _report("Crews cleared between 11,000 and 13,000 hectares of scrub.",
                [fig("11,000 and 13,000 hectares", "scrub", "cleared", 12000, "ha",
                      low=11000, high=13000)], hour=14)  # fmt: skip
    assert track_values(a, b, c, d, e) == {"consum|wildfir||ha": [12000, 12000], "fall|share||%": [150],
                                      "fall|index||%": [150], "clear|scrub||ha": [12000]}  # fmt: skip


def test_an_amount_with_no_object_or_no_verb_joins_the_same_value() -> None:
    """An amount with no object ("will buy the ferry line for $45 million") or no verb ("the $45
    million deal") joins the same value ("paid $45 million"); another amount stays apart."""
    report = reporter("Corvel's port authority is buying the Vessa ferry line. ", "Ferry sale",
                      {"Corvel": "LOC", "Vessa": "LOC"})  # fmt: skip
    a = report("The authority will buy the line for $45 million, officials said.",
               [fig("$45 million", None, "buy", 45e6, unit="USD")])  # fmt: skip
    b = report("The $45 million deal closes in June.",
               [fig("$45 million", "deal", None, 45e6, unit="USD")], hour=11)  # fmt: skip
    c = report("The authority paid $45 million and will spend $9 million on repairs.",
               [fig("$45 million", "authority", "paid", 45e6, unit="USD"),
                fig("$9 million", None, "spend", 9e6, unit="USD")], hour=12)  # fmt: skip
    tracks = track_values(a, b, c)
    assert sorted(tracks.values()) == [[9e6], [45e6, 45e6, 45e6]]


def test_a_part_of_an_amount_with_another_value_is_its_own_count() -> None:
    """A part of an amount with another value ("$45 million, of which $30 million in cash", with no
    verb the classes know) is no report of the whole: it joins the cash others report."""
    report = reporter("Corvel's port authority is buying the Vessa ferry line. ", "Ferry sale",
                      {"Corvel": "LOC", "Vessa": "LOC"})  # fmt: skip
    a = report("The authority is paying $30 million in cash for the line.",
               [fig("$30 million", "cash", "paying", 30e6, unit="USD")])  # fmt: skip
    b = report("The authority will buy the line for $45 million, of which $30 million will be "
               "paid in cash.", [fig("$45 million", None, "buy", 45e6, unit="USD"),
                                 fig("$30 million", None, "paid", 30e6, unit="USD", parent=0)],
               hour=11)  # fmt: skip
    tracks = track_values(a, b)
    assert sorted(tracks.values()) == [[30e6, 30e6], [45e6]]
