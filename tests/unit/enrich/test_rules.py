"""The general rules of the page (chrome, metadata, bylines, datelines, captions), and a made-up
story through every stage, on text none of the curated data knows (made-up names), so they
cannot pass by a lookup. Names: test_entity_rules.py; numbers: test_figure_rules.py."""

import pytest
from newsflow_contracts.events import ArticleEnriched, ArticleReceived
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import chrome, metadata
from newsflow_enrich.stages.text import Cleaned

STORY = """Home › World › Europe

Floods hit Varnia as rivers burst their banks

By Reuters | Updated: 3 March 2025 09:40 GMT

VELKOR, Varnia (Reuters) - Floods in northern Varnia have killed at least 27 people, including \
four children, and forced more than 12,000 residents to flee, the National Emergency Rescue \
Directorate (NERD) said on Monday.

Directorate chief Tomas Ilvenko said between 40 and 50 villages were cut off. "We are doing \
everything we can," Ilvenko said. NERD said nearly two million people had lost power.

The government approved $150 million in emergency aid and said rainfall was 61.4 percent above \
the March average. The Ostrava Trading Corp. said about 300 of its trucks were stranded; \
Ostrava Trading also said roughly 1,200 homes were damaged.

Damir Halek, 58, the mayor of Velkor, said the city had seen a 2-1 vote in favour of evacuation \
and that one in five homes had no heating.

Reporting by Ana Petrova; Editing by John Smith
Read Next
Storm kills 9 in the Alps
"""


@pytest.fixture(scope="module")
def event(enricher: Enricher) -> ArticleEnriched:
    return enricher.enrich(ArticleReceived.new(text=STORY))


def test_chrome_credits_and_related_are_removed(event: ArticleEnriched) -> None:
    for line in ("Home › World", "Reporting by", "Read Next", "Storm kills 9"):
        assert line not in event.body
    assert event.body.startswith("VELKOR, Varnia (Reuters) -")
    assert "one in five homes had no heating." in event.body


def test_metadata_from_the_byline(event: ArticleEnriched) -> None:
    assert event.title == "Floods hit Varnia as rivers burst their banks"
    assert event.byline == "By Reuters"
    assert event.agencies == ["Reuters"]
    assert event.published_at is not None and event.published_at.startswith("2025-03-03T09:40")
    assert event.dateline == "VELKOR"


def test_acronym_surname_and_short_company_name_merge(event: ArticleEnriched) -> None:
    by_name = {e.name: e for e in event.entities}
    nerd = next(e for e in event.entities if "NERD" in e.aliases)
    assert nerd.name.endswith("Rescue Directorate") and nerd.type == "ORG"
    assert nerd.mentions == 3
    ilvenko = by_name["Tomas Ilvenko"]
    assert ilvenko.type == "PERSON" and "Ilvenko" in ilvenko.aliases
    corp = next(e for e in event.entities if e.name.startswith("Ostrava Trading"))
    assert {"Ostrava Trading", "Ostrava Trading Corp."} <= {corp.name, *corp.aliases}
    assert not any(e.name in ("Ana Petrova", "John Smith") for e in event.entities)  # credits
    for e in event.entities:
        for start, end in e.spans:
            assert event.body[start:end] in {e.name, *e.aliases}


def test_figures_values_qualifiers_ranges_parents(event: ArticleEnriched) -> None:
    figs = {f.value: f for f in event.figures}
    killed = figs[27]
    assert (killed.qualifier, killed.object, killed.event) == ("at least", "people", "killed")
    children = figs[4]
    assert children.parent == event.figures.index(killed) and children.event == "killed"
    assert figs[12000].qualifier == "more than" and figs[12000].object == "residents"
    villages = figs[45]
    assert (villages.low, villages.high, villages.qualifier) == (40, 50, "between")
    assert figs[2_000_000].qualifier == "nearly" and figs[2_000_000].event == "lost"
    aid = figs[150_000_000]
    assert aid.unit == "USD" and aid.object == "emergency aid" and aid.event == "approved"
    assert figs[61.4].unit == "%"
    assert figs[1200].object == "homes" and figs[1200].event == "damaged"
    for f in event.figures:
        assert event.body[f.span[0] : f.span[1]] == f.text


def test_not_figures_ages_scores_ratios_dates(event: ArticleEnriched) -> None:
    values = {f.value for f in event.figures}
    assert not values & {58, 2, 1, 5, 3, 2025, 9}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By AFP - Dec 06,2018 - Last updated at Dec 06,2018", ("By AFP", "2018-12-06")),
        ("Posted by Sports Desk on 26/02/2024", ("Posted by Sports Desk", "2024-02-26")),
        ("PTI | Nov 9, 2023, 10:15 IST", ("PTI", "2023-11-09T10:15:00")),
        ("By Amina Bello | 14/08/2025", ("By Amina Bello", "2025-08-14")),
        (
            "By OMAR FARAH - Published 2:17 PM GMT+3, March 11, 2025",
            ("By OMAR FARAH", "2025-03-11T14:17:00"),
        ),
        (
            "By Abena Owusu - Published 14/03/2025 at 08:42 GMT",
            ("By Abena Owusu", "2025-03-14T08:42:00"),
        ),
        ("By Reuters - Sunday 13 July 2025, 7:05pm BST", ("By Reuters", "2025-07-13T19:05:00")),
    ],
)
def test_bylines_split_from_their_dates(line: str, expected: tuple[str, str]) -> None:
    assert metadata.split_byline(line) == expected


@pytest.mark.parametrize(
    ("first", "place"),
    [
        ("BEIRUT — US-backed fighters", "BEIRUT"),
        ("KABUL: A suicide bomber", "KABUL"),
        ("Madrid, Apr 9 (EFE).- Atletico Madrid beat", "Madrid"),
        ("Mumbai, Mar 4 (PTI) A special court here", "Mumbai"),
        ("(ANSA) - BORMIO, MAY 27 - Italian rider Davide Ferri won", "BORMIO"),
        ("The council met on Monday (AP) A vote followed.", None),
        ("NORTH BERWICK, Scotland, July 13 (Reuters) - Spain's Arrieta won", "NORTH BERWICK"),
        ("Paris, France — Between 1.1 million", "Paris"),
        ("SAN FRANCISCO, Jan 20 (Reuters) - Google", "SAN FRANCISCO"),
        ("The council met on Monday — and voted.", None),
        ("SÃO PAULO — A single-dose vaccine", "SÃO PAULO"),
        # alone on its line over the lead; glued to the lead's first word; two places; a year
        ("VARNHOLD —\n\nThe council met on Monday.", "VARNHOLD"),
        ("OSTRA FALLS—Nine councillors voted on Monday.", "OSTRA FALLS"),
        ("VARNHOLD--The council met on Monday.", "VARNHOLD"),
        ("OSTRA/VARNHOLD, May 3 (Reuters) - The council met.", "OSTRA/VARNHOLD"),
        ("Top stories\n\nVARNHOLD, May 3, 2030 (BSS) - The council met.", "VARNHOLD"),
        ("UK—Based firms grew in May.", None),
        ("Related Stories:\n\nThe council met on Monday.", None),
        # a place and its initials in brackets opening a sentence; a transcript's speaker
        ("Ostra Valley Authority (OVA) Chairman Li Peng said on Monday.", None),
        ("Anchor: After heavy rain on Monday, the river rose.", None),
        ("RELATED PHOTOS: The council at work", None),
        # a blog's date line before its title: a weekday is no place
        ("Tuesday, March 4, 2031 Forecast: Ostra Rovers will sign a keeper", None),
        ("WEDNESDAY — The council met.", None),
    ],
)
def test_datelines(first: str, place: str | None) -> None:
    assert metadata.dateline(first)[0] == place


def test_headline_is_not_the_first_paragraph() -> None:
    lines = chrome.classify(
        "Home » Africa\nFighting in the north forces 130,000 people to flee "
        "their homes in a single month\nBy AFP\nPORT SUDAN: Heavy fighting has "
        "forced more than 130,000 people to flee, the UN said on Friday."
    )
    assert lines.title is not None and lines.title.startswith("Fighting")
    assert lines.story[0].startswith("PORT SUDAN:")


def test_json_byline_gives_byline_agency_and_date(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            content_type="application/json",
            byline="By Reuters - Mar 3, 2025",
            text="LIMA — Floods in northern Peru have killed at least 12 people, officials said.",
        )
    )
    assert (ev.byline, ev.agencies, ev.published_at) == ("By Reuters", ["Reuters"], "2025-03-03")


@pytest.mark.parametrize(
    "line",
    [
        "Share    Tweet    WhatsApp    Print    Email",
        "Sign In | Subscribe",
        "Was this article helpful?",
        "First Published: Mar 04 2025 | 7:12 PM IST",
        "Read more: Lassa fever deaths rise to 138 as NCDC warns of dry-season spike",
        "(Reporting by Lucas Moraes in Brasilia; Editing by Jane Merriman)",
        "(END)",
        (
            "(Only the headline and picture of this report may have been reworked by the staff; the rest "
            "of the content is auto-generated from a syndicated feed.)"
        ),
        "Share: Facebook | Twitter | WhatsApp | Telegram | Copy link",
        "Advertisement · Scroll to continue",
        "Subscribe now for unlimited access. Already a subscriber? Log in",
        "Enter your email address",
        "We care about the protection of your data. Read our Privacy Policy.",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert chrome.CHROME_LINE.match(line)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published: 02 July 2028, 09:40 · Updated: 02 July 2028, 11:02", "2028-07-02T09:40:00"),
        ("26/02/2026 | 14:35 | Last update: 26/02/2026 | 16:10", "2026-02-26T14:35:00"),
        (
            "Published 4:42 PM GMT+7, February 18, 2026 | Updated 6:05 PM GMT+7, February 18, 2026",
            "2026-02-18T16:42:00",
        ),
    ],
)
def test_date_lines_with_an_update_are_chrome_and_give_the_first_date(line: str, date: str) -> None:
    assert chrome.is_date_line(line)
    assert metadata.parse_date(line) == date


@pytest.mark.parametrize(
    "line", ["May 4 | Politics | World", "The vote on May 4, 2025 was close | Reuters"]
)
def test_lines_with_a_date_in_them_are_not_date_lines(line: str) -> None:
    assert not chrome.is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 3 percent on Tuesday as investors sold the stock.",
        "Print media lost 12,000 jobs last year, the union said.",
    ],
)
def test_story_lines_that_start_like_chrome(line: str) -> None:
    assert not chrome.CHROME_LINE.match(line)


@pytest.mark.parametrize(
    ("header", "byline", "published"),
    [
        (
            "By Hana Orlik and Pavel Drum | Published: 11/03/2026 18:42 | Updated: 11/03/2026 21:05",
            "By Hana Orlik and Pavel Drum",
            "2026-03-11T18:42:00",
        ),
        ("PTI | Updated: Aug 13, 2026, 19:05 IST", "PTI", "2026-08-13T19:05:00"),
    ],
)
def test_a_byline_and_its_dates_on_one_line(
    enricher: Enricher, header: str, byline: str, published: str
) -> None:
    page = (
        f"Home / World\n\nFloods cut off villages in northern Varnia\n\n{header}\n\n"
        "KORVA — Floods in northern Varnia have cut off 40 villages and forced more than "
        "12,000 people from their homes, officials said on Monday.\n"
    )
    ev = enricher.enrich(ArticleReceived.new(text=page))
    assert (ev.byline, ev.published_at) == (byline, published)
    assert header not in ev.body


PAGE_WITH_A_RATING = """Varnia Leader
Subscribe now for unlimited access. Already a subscriber? Log in
Home / Sport / Tennis
Valmik saves three match points to stun Ostrek in Korva
By Rob Kennet, AAP
January 15 2026 - 10:52pm
Liam Valmik celebrates his win at Memorial Drive. Picture by Matt Tern/AAP PHOTOS
Wildcard Liam Valmik has produced the biggest win of his career, saving three match points to \
knock out fifth seed Davide Ostrek and reach the semi-finals of the Korva International.
"Honestly, at 5-6 and 15-40 in the second set I was thinking about my flight home," Valmik said.
Rate this article
4.6 out of 5 (23 votes)
More from Sport
Varnia junior named in under-17 cricket squad
"""


def test_rating_widgets_end_the_story_and_paywall_prompts_are_chrome(enricher: Enricher) -> None:
    ev = enricher.enrich(ArticleReceived.new(text=PAGE_WITH_A_RATING))
    assert ev.title == "Valmik saves three match points to stun Ostrek in Korva"
    assert ev.agencies == ["AAP"]
    assert "Rate this article" not in ev.body and "cricket squad" not in ev.body
    assert "15-40" in ev.body and not [f for f in ev.figures if f.value in (15, 40, 27.5)]


def test_a_credited_caption_is_not_the_lead(enricher: Enricher) -> None:
    page = (
        "Home / Africa\n\nTruck bomb kills 27 in central Varnia\n\n"
        "A damaged building is seen at the site of a suicide truck bomb attack in Korva, "
        "in the Hiran region of central Varnia, on Friday, Nov. 14, 2025. (Xinhua/Abdi Yusuf)"
        "\n\n"
        "MOGADISHU, Nov. 14 (Xinhua) -- At least 27 people were killed on Friday when a "
        "suicide bomber drove a truck into a government compound, officials said.\n"
    )
    ev = enricher.enrich(ArticleReceived.new(text=page))
    assert ev.dateline == "MOGADISHU"
    assert ev.captions and ev.captions[0].endswith("(Xinhua/Abdi Yusuf)")


@pytest.mark.parametrize(
    ("lead", "given", "published"),
    [
        ("WASHINGTON, April 9 (Reuters) - The bill passed.", "2025-09-04", "2025-04-09"),
        ("WASHINGTON, Sept. 4 (Reuters) - The bill passed.", "2025-09-04", "2025-09-04"),
        # "Monday" is no month (dateparser read "Monday 1" as 6 January): the date stays as given
        ("LONDON, Monday 4 (Reuters) - The bill passed.", "2025-04-01", "2025-04-01"),
    ],
)
def test_a_datelines_month_and_day_order_a_numeric_date(
    lead: str, given: str, published: str
) -> None:
    got = metadata.extract(Cleaned(body=lead), title=None, published_at=given)
    assert got.published_at == published
