"""The ECB+ converter (bench/stories_ecb.py): a headline the corpus keeps as sentence 0 of an
'ecb' text stays a line of its own instead of running into the lede."""

from __future__ import annotations

from bench import stories_ecb


def _xml(sentences: list[list[str]]) -> str:
    tokens = "".join(
        f'<token t_id="{n}" sentence="{s}" number="{k}">{tok}</token>'
        for n, (s, k, tok) in enumerate(
            (s, k, tok) for s, toks in enumerate(sentences) for k, tok in enumerate(toks)
        )
    )
    return f'<Document doc_name="x">{tokens}</Document>'


_HEADLINE = ["Polygamy", "arrests", "made", "in", "Canada"]
_LEDE = ["Two", "leaders", "have", "been", "arrested", "."]
_MORE = ["Police", "said", "so", "."]


def test_an_ecb_headline_is_its_own_paragraph() -> None:
    row = stories_ecb.article("36_2ecb.xml", _xml([_HEADLINE, _LEDE, _MORE]), 0)
    assert row["text"] == ("Polygamy arrests made in Canada\n\n"
                           "Two leaders have been arrested. Police said so.")  # fmt: skip
    assert row["title"] is None


def test_an_ecb_text_that_opens_with_a_sentence_is_read_as_before() -> None:
    row = stories_ecb.article("36_2ecb.xml", _xml([_LEDE, _MORE, _MORE, _MORE]), 0)
    assert row["text"] == ("Two leaders have been arrested. Police said so. Police said so.\n\n"
                           "Police said so.")  # fmt: skip


def test_an_ecbplus_headline_is_still_the_title() -> None:
    url = ["http", ":", "/", "/", "example.com", "/", "a"]
    row = stories_ecb.article("36_2ecbplus.xml", _xml([url, _HEADLINE, _LEDE, _MORE]), 0)
    assert row["title"] == "Polygamy arrests made in Canada"
    assert row["text"] == "Two leaders have been arrested. Police said so."


def test_paragraphs_group_three_sentences_after_the_headline() -> None:
    sents = ["H", "a.", "b.", "c.", "d."]
    assert stories_ecb.paragraphs(sents, headline=True) == ["H", "a. b. c.", "d."]
    assert stories_ecb.paragraphs(sents, headline=False) == ["H a. b.", "c. d."]
