"""bench/parsed: parses kept between bench/quality runs give the events enrich_many gives."""

from pathlib import Path

import pytest
from newsflow_contracts.events import ArticleReceived
from newsflow_enrich.pipeline import Enricher

from bench.parsed import enrich_many, parser_name

ARTICLES = [
    (
        "Mayor Ottoline Brack of Fenwick said on Monday that 1,200 homes had lost power after "
        "the storm, and Brack asked the Fenwick Power Company for a report."
    ),
    "Der Bürgermeister sagte am Montag, dass 1.200 Haushalte keinen Strom mehr hatten.",
    "The council met on Tuesday. It approved a budget of $4.5 million for the new library.",
]


def _events(results: list[object]) -> list[object]:
    return [r.model_dump(mode="json") if hasattr(r, "model_dump") else repr(r) for r in results]


def test_kept_parses_give_the_same_events_and_are_read_back(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    enricher = Enricher()
    raws = [ArticleReceived.new(text=t) for t in ARTICLES]
    want = _events(enricher.enrich_many(raws))
    assert _events(enrich_many(enricher, raws, tmp_path)) == want
    assert len(list(tmp_path.iterdir())) == 2  # the German article is refused before its parse

    def no_parse(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(enricher.nlp, "pipe", no_parse)
    assert _events(enrich_many(enricher, raws, tmp_path)) == want
    # a retrained typer reads the same parses
    assert enricher.typer is not None and enricher.typer.version not in parser_name(enricher)
