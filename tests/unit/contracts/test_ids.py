from newsflow_contracts.events import ArticleReceived
from newsflow_contracts.ids import article_id, canonical_url


def test_same_url_same_id_whatever_the_content() -> None:
    a = article_id(url="https://Example.com/a/b/#top", content="one")
    b = article_id(url="https://example.com/a/b", content="two")
    assert a == b
    assert a != article_id(url="https://example.com/a/c", content="one")


def test_without_url_the_content_decides_ignoring_spacing() -> None:
    assert article_id(url=None, content="Hello  world\n") == article_id(
        url="", content="Hello world"
    )
    assert article_id(url=None, content="Hello world") != article_id(
        url=None, content="Hello there"
    )


def test_canonical_url_keeps_the_query() -> None:
    assert canonical_url("HTTP://A.com/x/?id=1#frag") == "http://a.com/x?id=1"


def test_received_article_gets_its_id_from_the_same_rule() -> None:
    ev = ArticleReceived.new(text="Some story text")
    assert ev.id == article_id(url=None, content="Some story text")
    assert ev.schema_version == "1"
