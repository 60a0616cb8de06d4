"""Parsing HTTP bodies into articles: each bad input is a clear 4xx naming the field."""

import json

import pytest
from newsflow_ingest import articles
from newsflow_ingest.errors import BadRequest, Unprocessable, UnsupportedMediaType


def test_plain_text_with_url_and_source() -> None:
    ev = articles.from_body(
        b"Story text here.", "text/plain; charset=utf-8", "https://x.test/1", "x"
    )
    assert (ev.content_type, ev.text, ev.url, ev.source) == (
        "text/plain",
        "Story text here.",
        "https://x.test/1",
        "x",
    )


def test_json_article() -> None:
    body = json.dumps({"title": "T", "html": "<p>Hi</p>", "published_at": "2025-01-01"}).encode()
    ev = articles.from_body(body, "application/json", None, None)
    assert ev.title == "T" and ev.html == "<p>Hi</p>" and ev.content_type == "text/html"


def test_json_byline_is_kept() -> None:
    """`byline` is an extension of the contract's JSON article."""
    body = json.dumps({"byline": "By Reuters - Mar 3, 2025", "text": "Story."}).encode()
    assert articles.from_body(body, "application/json", None, None).byline == (
        "By Reuters - Mar 3, 2025"
    )


@pytest.mark.parametrize(
    ("body", "ctype", "error", "field"),
    [
        (b"{not json", "application/json", BadRequest, "body"),
        (b'{"title": "no text"}', "application/json", Unprocessable, "body"),
        (b'{"text": 5}', "application/json", Unprocessable, "text"),
        (b"[1, 2]", "application/json", Unprocessable, "body"),
        (b"   \n ", "text/plain", Unprocessable, "body"),
        (b"\xff\xfe bad", "text/plain", BadRequest, "body"),
        (b"nul\x00byte", "text/html", BadRequest, "body"),
        (b"x", "image/png", UnsupportedMediaType, "Content-Type"),
        (b"x", "", UnsupportedMediaType, "Content-Type"),
    ],
)
def test_bad_bodies(body: bytes, ctype: str, error: type, field: str) -> None:
    with pytest.raises(error) as exc:
        articles.from_body(body, ctype, None, None)
    assert exc.value.field == field
    assert exc.value.problem()["status"] == error.status


def test_batch_ndjson_keeps_bad_lines_as_per_item_errors() -> None:
    items = articles.batch_items(b'{"text": "a b c"}\nnot json\n\n{"html": "<p>x</p>"}\n',
                                 "application/x-ndjson")  # fmt: skip
    parsed = [articles.from_item(it, i) for i, it in enumerate(items)]
    assert [type(p).__name__ for p in parsed] == [
        "ArticleReceived",
        "BadRequest",
        "ArticleReceived",
    ]
    assert parsed[1].field == "line 2"


def test_batch_item_errors_name_the_item() -> None:
    [item] = articles.batch_items(b'[{"text": 3}]', "application/json")
    err = articles.from_item(item, 0)
    assert isinstance(err, Unprocessable) and err.field == "[0].text"
