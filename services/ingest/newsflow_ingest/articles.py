"""Turning an HTTP body into an accepted article: parse, validate, give it its stable id."""

from __future__ import annotations

import json
from typing import Any

from newsflow_contracts.events import ArticleReceived, ContentType
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from newsflow_ingest.errors import BadRequest, NewsflowError, Unprocessable, UnsupportedMediaType

TEXT_TYPES = ("text/plain", "text/html")


class ArticleIn(BaseModel):
    """A JSON article: at least one of `text` / `html`."""

    model_config = ConfigDict(extra="ignore")

    url: str | None = None
    source: str | None = None
    title: str | None = None
    byline: str | None = None
    published_at: str | None = None
    text: str | None = None
    html: str | None = None

    @model_validator(mode="after")
    def _has_content(self) -> ArticleIn:
        if not (self.text and self.text.strip()) and not (self.html and self.html.strip()):
            raise ValueError("one of `text` or `html` is required and must not be empty")
        return self


def media_type(header: str | None) -> str:
    return (header or "").split(";", 1)[0].strip().lower()


def decode(body: bytes) -> str:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"body is not valid UTF-8 (byte {exc.start})", field="body") from None
    if "\x00" in text:
        raise BadRequest("body contains NUL bytes", field="body")
    return text


def from_json_obj(obj: Any, *, location: str = "body") -> ArticleReceived:
    if not isinstance(obj, dict):
        raise Unprocessable(f"{location} must be a JSON object", field=location)
    try:
        art = ArticleIn.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        if location != "body":  # a batch item: say which one
            field = f"{location}.{field}" if field else location
        field = field or location
        raise Unprocessable(f"{field}: {first['msg']}", field=field,
                            errors=json.loads(exc.json(include_url=False))) from None  # fmt: skip
    for name in ("text", "html", "title", "byline", "url", "source"):
        if "\x00" in (getattr(art, name) or ""):
            raise BadRequest(f"{name} contains NUL bytes", field=name)
    content_type: ContentType = "text/html" if art.html and not art.text else "application/json"
    return ArticleReceived.new(
        url=art.url, source=art.source, title=art.title, byline=art.byline,
        published_at=art.published_at, content_type=content_type, text=art.text, html=art.html,
    )  # fmt: skip


def from_body(
    body: bytes, content_type: str, url: str | None, source: str | None
) -> ArticleReceived:
    """One article from a POST /articles body."""
    mt = media_type(content_type)
    if mt == "application/json":
        return from_json_obj(parse_json(decode(body)))
    if mt in TEXT_TYPES:
        text = decode(body)
        if not text.strip():
            raise Unprocessable("the body is empty", field="body")
        if mt == "text/html":
            return ArticleReceived.new(url=url, source=source, content_type="text/html", html=text)
        return ArticleReceived.new(url=url, source=source, content_type="text/plain", text=text)
    raise UnsupportedMediaType(
        f"Content-Type {mt or '(none)'} is not accepted; use application/json, text/html "
        "or text/plain", field="Content-Type",
    )  # fmt: skip


def parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadRequest(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                         field="body") from None  # fmt: skip


def batch_items(body: bytes, content_type: str) -> list[Any]:
    """The raw items of a batch: a JSON array, or NDJSON (one JSON object per line)."""
    mt = media_type(content_type)
    text = decode(body)
    if mt == "application/json":
        items = parse_json(text)
        if not isinstance(items, list):
            raise Unprocessable("a batch is a JSON array of articles", field="body")
        return items
    if mt in ("application/x-ndjson", "application/ndjson", "application/jsonl"):
        items = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    items.append(
                        BadRequest(f"line {n}: invalid JSON: {exc.msg}", field=f"line {n}")
                    )
        return items
    raise UnsupportedMediaType(
        f"Content-Type {mt or '(none)'} is not accepted for a batch; use application/json "
        "(an array) or application/x-ndjson", field="Content-Type",
    )  # fmt: skip


def from_item(item: Any, index: int) -> ArticleReceived | NewsflowError:
    if isinstance(item, NewsflowError):
        return item
    try:
        return from_json_obj(item, location=f"[{index}]")
    except NewsflowError as exc:
        return exc
