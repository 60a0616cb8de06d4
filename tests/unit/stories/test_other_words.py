"""Reports of one event that share few words: most of its people told in other words join; a
shared city, a dateline, one name alone do not make two events one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from newsflow_contracts.events import ArticleEnriched
from newsflow_stories.engine import StoryConfig, StoryEngine
from newsflow_stories.engine.engine import _entity_sim
from newsflow_stories.engine.text import cosine, entity_vector, text_vector

from tests.unit.stories.factory import article

# Invented: a health post offered to a television doctor, then a short note about it in
# other words (no word of the note's text is among the first report's, names aside).
_PICK = article(
    "Governor-elect Maria Okafor has asked Tunde Bello, the Lagos Broadcasting Corporation's "
    "chief medical correspondent, to be her commissioner for health, two officials said on "
    "Tuesday. Bello, a neurosurgeon, has not yet accepted the post.",
    title="Okafor picks TV doctor Bello for health post",
    published_at="2026-01-06T10:00:00Z",
    entities={"Maria Okafor": "PERSON", "Tunde Bello": "PERSON",
              "Lagos Broadcasting Corporation": "ORG"},
    aliases={"Tunde Bello": ["Bello"]},
)  # fmt: skip


def _note(entities: dict[str, str]) -> ArticleEnriched:
    return article(
        "Viewers of the Lagos Broadcasting Corporation may soon lose their favourite physician: "
        "Okafor wants Bello in her cabinet, and he seems tempted.",
        published_at="2026-01-06T15:00:00Z", entities=entities,
    )  # fmt: skip


def test_most_of_a_storys_people_told_in_other_words_join_it() -> None:
    note = _note({"Lagos Broadcasting Corporation": "ORG", "Okafor": "PERSON", "Bello": "PERSON"})
    config = StoryConfig()
    words = cosine(text_vector(note, config), text_vector(_PICK, config), 1.0)
    assert words < config.min_text  # the words alone would keep it out
    engine = StoryEngine()
    engine.add(_PICK)
    [update] = engine.add(note)
    assert update.kind == "article_added" and update.story_id == engine.story_of(_PICK.id)
    # without the waiver (a bar no entity cosine reaches) it starts a story of its own
    strict = StoryEngine(replace(config, min_text_waived_at=1.01))
    strict.add(_PICK)
    assert strict.add(note)[0].kind == "created"


def test_one_shared_name_is_not_enough_however_alike_the_names() -> None:
    # The note as NER might read it with one name only: its entity vector is the broadcaster's
    # alone, fully inside the story's, but one organisation is in many unrelated reports.
    note = _note({"Lagos Broadcasting Corporation": "ORG"})
    engine = StoryEngine()
    engine.add(_PICK)
    assert engine.add(note)[0].kind == "created"


def test_the_dateline_place_is_no_key_however_often_the_text_names_it() -> None:
    bus = article(
        "DHAKA, June 20 (AFP) - A bus plunged into a canal near Dhaka, police in Dhaka said.",
        dateline="DHAKA", agencies=["AFP"], entities={"Dhaka": "LOC", "Bangladesh": "LOC"},
    )  # fmt: skip
    assert bus.entities[0].mentions == 2  # named twice besides the dateline
    vec, _ = entity_vector(bus)
    assert "dhaka" not in vec and "bangladesh" in vec
    elsewhere = article("A bus plunged into a canal near Dhaka.", entities={"Dhaka": "LOC"})
    assert "dhaka" in entity_vector(elsewhere)[0]  # no dateline: the place is a key


@pytest.mark.parametrize("share", [0.0, 0.5, 1.0])
def test_a_story_sharing_only_places_counts_a_share_of_their_agreement(share: float) -> None:
    article_ents = {"paris": 0.8, "casty": 0.6}
    story_ents = {"paris": 1.0, "harry winston": 1.0}
    norm = 2**0.5
    full = cosine(article_ents, story_ents, norm)  # 0.566
    sim = _entity_sim(article_ents, story_ents, norm, 0.2, frozenset({"paris"}), share)
    # the words' agreement (0.2) plus the share of what the place adds over it
    assert sim == pytest.approx(0.2 + share * (full - 0.2))
    # a shared name that is not a place counts whole
    named = _entity_sim(article_ents, story_ents, norm, 0.2, frozenset(), share)
    assert named == pytest.approx(full)
