"""From a received article to clean story text: HTML through trafilatura, plain text through
the line classifier, JSON fields as given. Photo captions are kept apart from the body."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import trafilatura
from newsflow_contracts.events import ArticleReceived
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from newsflow_enrich.errors import ExtractionSkipped
from newsflow_enrich.stages import chrome

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Cleaned:
    body: str
    title: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)
    # Metadata found in the page itself (HTML meta tags).
    meta_author: str | None = None
    meta_date: str | None = None
    meta_site: str | None = None


def normalize(text: str) -> str:
    """NFC, one kind of space, no control characters, no blank-line runs."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(lines)


def clean(raw: ArticleReceived, max_chars: int) -> Cleaned:
    if raw.html and not raw.text:
        result = from_html(raw.html)
    else:
        result = from_text(raw.text or "")
    if not result.body.strip():
        raise ExtractionSkipped("no article text found")
    if len(result.body) > max_chars:
        raise ExtractionSkipped(f"article text is {len(result.body)} characters; "
                                f"the limit is {max_chars}")  # fmt: skip
    return result


def from_text(text: str) -> Cleaned:
    lines = chrome.classify(normalize(text))
    return Cleaned(
        body="\n\n".join(lines.story),
        title=lines.title,
        byline=lines.byline,
        captions=lines.captions,
        chrome=lines.chrome,
    )


def from_html(html: str) -> Cleaned:
    tree = HTMLParser(html)
    captions = [normalize(n.text(separator=" ")).strip() for n in tree.css("figcaption")]
    captions = [c for c in captions if c]
    byline = _html_byline(tree)
    title = _first(_text(tree, "h1"), None)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, favor_precision=True,
    )  # fmt: skip
    text = normalize(getattr(doc, "text", None) or "") if doc is not None else ""
    kept, dropped, started = [], [], False
    for line in (ln.strip() for ln in text.split("\n")):
        if not line:
            continue
        if started and chrome.END_OF_STORY.match(line):
            break
        if chrome.CHROME_LINE.match(line) or line in captions or line in (byline, title):
            dropped.append(line)
            continue
        if chrome.is_caption(line) and not chrome.is_storyish(line.rsplit("(", 1)[0]):
            captions.append(line)
            continue
        started = started or chrome.is_storyish(line)
        kept.append(line)
    return Cleaned(
        body="\n\n".join(kept),
        title=_first(title, getattr(doc, "title", None)),
        byline=byline,
        captions=captions,
        chrome=dropped,
        meta_author=getattr(doc, "author", None),
        meta_date=getattr(doc, "date", None),
        meta_site=getattr(doc, "sitename", None),
    )


def _html_byline(tree: HTMLParser) -> str | None:
    for selector in ('[class*="byline"]', '[rel="author"]', '[itemprop="author"]',
                     '[class*="author"]'):  # fmt: skip
        for node in tree.css(selector):
            line = normalize(node.text(separator=" ")).strip()
            if line and chrome.words(line) <= 12:
                return line
    return None


def _text(tree: HTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    return normalize(node.text(separator=" ")).strip() or None if node else None


def _first(*values: str | None) -> str | None:
    return next((v.strip() for v in values if v and v.strip()), None)
