"""The article's headline as the page prints it (bench/real/ANNOTATING.md: the article's `<h1>`,
not the `<title>` with the site's name, nor the social variant where it differs), chosen among
the page's headings by how far they agree with what the page names its headline in its head
(`og:title`, `twitter:title`, `<title>`). Split from text.py for its size."""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_WORDS = re.compile(r"\w+")
# "Headline - Site", "Site | Section | Headline", "Headline -- Site"
_TITLE_PARTS = re.compile(r"\s(?:[-|—–]|--)\s")
# A heading below the h1s read as the headline only where it agrees with the head almost word
# for word: an h2 shares words with the title far more often by chance than a whole headline.
_H2_SHARE = 0.8


def headline(tree: HTMLParser, norm: Callable[[str], str]) -> str | None:
    """The page's <h1> that is the article's headline. Pages also print the site's name or a
    section in an <h1> ("The Wall Street JournalOpinion", "India Post"): of several h1s, the one
    sharing most words with the social or <title> headline wins; a lone h1 that is the site's
    name is none (trafilatura's title, without the site name, is used then). Lines of the h1
    that share no word with those ("Local News |", "Add to ...") are its section or buttons.

    The site's name is what the <title> prints beside the headline, before it or after it
    ("BBC NEWS | UK | <headline>", "<headline> - CityLab"): its shorter end. Where
    no h1 is the headline (a section label, the site's logo, a sidebar's), an h2 that the head
    names almost word for word is ("<h1>Health Center</h1> <h2><headline></h2>")."""
    h1s = _headings(tree, "h1", norm)
    page_title = _text(tree, "title", norm) or ""
    social = attr(tree, 'meta[property="og:title"]', "content")
    known = set(_WORDS.findall(" ".join(filter(None, [social, page_title])).lower()))
    site_words = site_name_words(tree, norm)
    named = _WORDS.findall((social or max(_TITLE_PARTS.split(page_title), key=len)).lower())

    def share(h: str) -> float:
        words = _WORDS.findall(h.lower())
        return sum(w in known for w in words) / max(len(words), 1)

    def shared(h: str) -> int:
        return sum(w in known for w in _WORDS.findall(h.lower()))

    def the_site(h: str) -> bool:
        return set(_WORDS.findall(h.lower())) <= site_words

    if len(h1s) == 1 and the_site(h1s[0]):
        h1s = []
    # (the site's name in an h1 of its own shares all its words with "<headline> - CityLab" too:
    # the h1 sharing the most words wins among those sharing half of theirs)
    best = max(h1s, key=lambda h: (share(h) >= 0.5, shared(h), share(h))) if h1s else None
    if known and (best is None or share(best) < 0.5):
        h2 = max(_headings(tree, "h2", norm), key=share, default=None)
        if h2 is not None and share(h2) >= _H2_SHARE and _covers(h2, named) >= _H2_SHARE \
                and not h2.endswith(("...", "…")):  # fmt: skip
            return h2
    if best is None or known and not shared(best):
        return None  # "Log In", "Comments Form": no h1 is the headline
    if "\n" not in best:
        return best
    lines = [ln.strip() for ln in best.split("\n") if ln.strip()]
    # (a line that is the site's or the section's name, "News", beside the headline's own)
    lines = [ln for ln in lines if not the_site(ln)] or lines
    return " ".join(ln for ln in lines if share(ln) > 0) if any(share(ln) for ln in lines) \
        else best  # fmt: skip


def site_name_words(tree: HTMLParser, norm: Callable[[str], str]) -> set[str]:
    """The words of the site's name: its `og:site_name` and what the <title> prints beside the
    headline. The <title> is "<headline> - <site>" or "<site> | <section> | <headline>": the
    shorter end is the site's name (a part in the middle a section's, or the authors')."""
    parts = _TITLE_PARTS.split(_text(tree, "title", norm) or "")
    ends = sorted({parts[0], parts[-1]}, key=len)
    site = " ".join(filter(None, [attr(tree, 'meta[property="og:site_name"]', "content"),
                                  ends[0] if len(parts) > 1 else ""]))  # fmt: skip
    return set(_WORDS.findall(site.lower()))


def _covers(heading: str, named: list[str]) -> float:
    """How much of the head's headline the heading prints (a teaser cut short, "Dh33 billion
    in...", or a blog's name, "The Two-Way", prints little of it)."""
    words = set(_WORDS.findall(heading.lower()))
    return sum(w in words for w in named) / max(len(named), 1)


def _headings(tree: HTMLParser, tag: str, norm: Callable[[str], str]) -> list[str]:
    return [t for t in (norm(n.text(separator=" ")).strip() for n in tree.css(tag)) if t]


def attr(tree: HTMLParser, selector: str, name: str) -> str | None:
    """The attribute `name` of the first element `selector` finds, stripped (None if empty)."""
    node = tree.css_first(selector)
    value = node.attributes.get(name) if node is not None else None
    return value.strip() if value and value.strip() else None


def _text(tree: HTMLParser, selector: str, norm: Callable[[str], str]) -> str | None:
    node = tree.css_first(selector)
    return norm(node.text(separator=" ")).strip() or None if node else None
