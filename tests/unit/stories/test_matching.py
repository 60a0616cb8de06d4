"""What makes two reports one story beyond shared words: names as outlets spell them, drift."""

from __future__ import annotations

from newsflow_stories.engine import StoryEngine
from newsflow_stories.engine.text import entity_key

from tests.unit.stories.factory import article


def test_entity_keys_fold_accents_and_keep_a_persons_surname() -> None:
    assert entity_key("José Sánchez", "PERSON") == entity_key("Jose Sanchez", "PERSON")
    assert entity_key("Gurbanguly Berdymukhamedov", "PERSON") == "berdymukhamedov"
    assert entity_key("Kurbanguli Berdymukhamedov", "PERSON") == "berdymukhamedov"
    assert entity_key("Martin Luther King Jr.", "PERSON") == "king"
    # Only people: an organisation's last word is not its name.
    assert entity_key("Bank of England", "ORG") == "bank of england"


def test_one_leader_spelled_two_ways_by_two_outlets_is_one_story() -> None:
    first = article(
        "Gurbanguly Berdymukhamedov was sworn in as president of Turkmenistan on Wednesday "
        "after a vote that observers said offered no real choice. Berdymukhamedov promised "
        "pensions and internet cafes.",
        title="Berdymukhamedov sworn in as Turkmen president",
        published_at="2007-02-14T10:00:00Z",
        entities={"Gurbanguly Berdymukhamedov": "PERSON", "Turkmenistan": "LOC"},
        aliases={"Gurbanguly Berdymukhamedov": ["Berdymukhamedov"]},
    )
    second = article(
        "Kurbanguli Berdymukhamedov took the oath in Ashgabat, pledging to keep the late "
        "leader's course while opening the country a little. Berdymukhamedov won 89 percent.",
        title="New Turkmen leader takes oath",
        published_at="2007-02-14T16:00:00Z",
        entities={"Kurbanguli Berdymukhamedov": "PERSON", "Ashgabat": "LOC"},
        aliases={"Kurbanguli Berdymukhamedov": ["Berdymukhamedov"]},
    )
    engine = StoryEngine()
    engine.add(first)
    engine.add(second)
    assert engine.story_of(first.id) == engine.story_of(second.id)
    # The story still shows the names as printed.
    [story] = list(engine.stories())
    names = {e.name for e in story.entities}
    assert {"Gurbanguly Berdymukhamedov", "Kurbanguli Berdymukhamedov"} <= names


def test_an_acronym_one_report_spells_out_and_the_next_uses_alone_matches() -> None:
    agency = "Instituto Nacional de Gestao e Reducao do Risco de Desastres"
    first = article(
        f"Floods swamped the port city overnight, the {agency} (INGD) said on Monday. The "
        "INGD said rescuers in boats searched submerged neighbourhoods near the canal.",
        title="Floods swamp Mozambique port city",
        published_at="2026-03-09T08:00:00Z",
        entities={agency: "ORG", "Mozambique": "LOC"},
        aliases={agency: ["INGD"]},
    )
    follow_up = article(
        "Flood waters in the port city began to recede on Wednesday, INGD director Bernardo "
        "Nhantumbo said, as rescuers in boats reached submerged villages.",
        title="Waters recede in Mozambique",
        published_at="2026-03-11T08:00:00Z",
        entities={"INGD": "ORG", "Bernardo Nhantumbo": "PERSON", "Mozambique": "LOC"},
    )
    engine = StoryEngine()
    engine.add(first)
    engine.add(follow_up)
    assert engine.story_of(first.id) == engine.story_of(follow_up.id)
