"""The byline an HTML page prints: the author's name, with the "By" printed before it.

Real pages put the name in a box with much else, each in an element of its own: "By" in one
span and the name in a link, then a job title ("Staff Writer", "Senior Contributor"), a Twitter
handle, an e-mail address and phone number, the outlet or agency, the date, a read time ("5 Min
Read"). The byline is the name as printed with its "By" (bench/real/ANNOTATING.md); what the page
prints in an element of its own after the name is not part of it. A job title printed in the same
text as the name stays ("By Jane Doe - Staff Writer"): only whole elements are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import ancestry, byline_key, chrome, dates, printed

# "submitted-by": Drupal's byline ("By Jane Doe - 11/18/19 11:04 PM EST")
# Any case: "ArticleMeta__Author" as well as "author".
_SELECTORS = ('[class*="byline" i]', '[class*="submitted-by" i]', '[rel="author"]',
              '[itemprop="author"]', '[class*="author" i]', '[class*="entry-meta" i]',
              '[class*="article-info" i]', '[class*="meta" i]')  # fmt: skip
_PER_AUTHOR = ('[rel="author"]', '[itemprop="author"]')
_READ_TIME = re.compile(
    r"^\d+\s*(min(ute)?s?|hours?)(\s+read)?$|^\d+\s+\w+\s+ago$|read$", re.IGNORECASE
)
_CONTACT = re.compile(r"@\w[\w.]*|\b[\w.+-]+@[\w-]+(\.[\w-]+)+|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}")
_CONTACT_MARK = "·"  # where a contact was: junk, so the byline ends there
_LABEL = re.compile(
    r"^(updated|published|posted|first published|last updated|modified)\b", re.IGNORECASE
)
# Job titles and desks printed as an element of their own ("Business Columnist", "News reporter").
_TITLE_HEADS = {"writer", "reporter", "columnist", "editor", "contributor", "correspondent",
                "producer", "journalist", "analyst", "professor", "director", "critic", "intern",
                "photographer", "anchor", "host", "blogger", "author", "desk"}  # fmt: skip
_TITLE_WORDS = _TITLE_HEADS | {
    "staff", "senior", "news", "online", "business", "deputy", "chief", "associate", "assistant",
    "contributing", "special", "political", "managing", "executive", "digital", "sports", "tech",
    "science", "health", "economics", "investigative", "national", "foreign", "international",
    "politics", "entertainment", "features", "opinion", "weather", "breaking", "city", "local",
    "world", "global", "&", "and", "of", "the", "a", "-", ",",
}  # fmt: skip
_CONNECTOR = re.compile(r"^(,|and|&|,? and)$", re.IGNORECASE)
_MAX_WORDS = 12
# A word that leads into the element after it ("on <span>date</span>", "in <a>Valve</a>").
_LEADS_ON = re.compile(r"\s*\b(in|on|at|for|with|from|by|and)\s*$", re.IGNORECASE)
_BY_WORD = re.compile(r"^\s*by:?\s*$", re.IGNORECASE)
_NOT_BYLINE = re.compile(r"^\W*(\d+\s+)?comments?\W*$|^\W*(see\s+)?more\s+(articles\s+|stories\s+"
                         r"|posts\s+)?(by|from)\b", re.IGNORECASE)  # fmt: skip
_PHOTO_CREDIT = re.compile(r"^\W*(photo(graph)?s?|pictures?|images?|illustrations?|videos?)"
                           r"(\s+credits?)?\s*(:|\bby\b)", re.IGNORECASE)  # fmt: skip


def html_byline(tree: HTMLParser, author: str | None = None) -> str | None:
    """The first byline box of the page; where the page names its author in its metadata
    (`author`), the first box that prints that name: a box of a related story, a syndication
    credit ("by Nexstar Media Wire") or a photographer may come first."""
    key = byline_key.name_key(author)
    first = None
    for line, whole in _candidates(tree):
        if _PHOTO_CREDIT.match(line) or _NOT_BYLINE.match(line):
            continue  # a photo's credit ("Photograph by ...", "Image credit: ..."), a comment
            # count ("5 comments"), a link to the author's page ("See more articles by ...")
        if key is None or byline_key.printed_in(key, line):
            return _as_meta_says(line, whole, author)
        first = first or line
    return first or _source_line(tree)


# An element that names the story's source ("<p class='source'>Associated Press</p>", "<cite
# class='source'>", "<p class='credit'>JIJI</p>" under the headline), not a photo's credit.
_SOURCE = '[class~="source" i], [class~="credit" i]'
_SOURCE_WORDS = 4
_PHOTO_MARKS = re.compile(r"[/():©]")  # a photo's credit: "Credit: Reuters/Stringer", "(Icrc - AP)"
_PHOTO_BOX_WORDS = 40  # a photo with its caption and credit


def _source_line(tree: HTMLParser) -> str | None:
    """Where no byline box is found: an agency printed alone in an element classed "source" or
    "credit" outside the page's photos, the story's byline (bench/real/ANNOTATING.md: an agency
    alone is the byline)."""
    for node in tree.css(_SOURCE):
        line = " ".join(printed.text(node, " ").split())
        if not line or chrome.words(line) > _SOURCE_WORDS or not agency_like(line) \
                or _PHOTO_MARKS.search(line) or _in_photo(node) or _in_comments(node):  # fmt: skip
            continue
        return line
    return None


def _in_photo(node: LexborNode) -> bool:
    """In a figure or a caption, or in a small box with a photo: a photo's credit."""
    if any(
        k.tag in ("figure", "figcaption")
        for k in ancestry.boxes(node, self_too=True, below=ancestry.PAGE)
    ):
        return True
    box = node.parent
    return box is not None and box.css_first("img, picture, video") is not None and \
        chrome.words(printed.text(box, " ")) <= _PHOTO_BOX_WORDS  # fmt: skip


def _as_meta_says(line: str, whole: str, author: str | None) -> str:
    """The byline as far as the page's metadata names its author, where the box prints that
    name whole across elements ("By Jill Disis, " + "CNN Business", meta author "Jill Disis, CNN
    Business"): an outlet or desk the page itself counts as part of the author's name."""
    author = " ".join((author or "").split())
    by = chrome.BY_LABEL.match(line)
    name = line[by.end() :] if by else line
    rest = author[len(name) :] if author.startswith(name) else ""
    # (after a comma: what trafilatura reads as the author runs on, "Jane Doe News reporter")
    if rest.startswith(", ") and not _junk(rest[2:]) and author in whole:
        return (by.group(1) if by else "") + author
    return line


def _candidates(tree: HTMLParser) -> Iterator[tuple[str, str]]:
    for selector in _SELECTORS:
        for node in tree.css(selector):
            node = _authors_box(node, selector)
            if node.tag in ("meta", "html", "body", "article", "main", "script", "style") \
                    or _in_comments(node):  # fmt: skip
                continue
            # Elements are apart, but a word split by markup is one word, as printed
            # ("Louise Matsaki<span class="last-letter-spacing">s</span>").
            raw = _MID_WORD.sub("", printed.text(node, separator="\x00"))
            if chrome.words(raw) > 4 * _MAX_WORDS:
                continue
            line = from_pieces(_pieces(node))
            if not line or chrome.words(line) > _MAX_WORDS:
                continue
            if "meta" in selector and not (chrome.BYLINE.match(line) or agency_like(line)):
                continue
            whole = " ".join(raw.replace("\x00", " ").split())
            yield (line if chrome.BYLINE.match(line) else _by_before(node, line) + line), whole
    for node in _by_boxes(tree):
        raw = printed.text(node, separator="\x00")
        line = from_pieces(_pieces(node))
        if line and chrome.BYLINE.match(line) and chrome.words(line) <= _MAX_WORDS:
            yield line, " ".join(raw.replace("\x00", " ").split())


# Marks a text printed loose in a box after an element ("<a>Jane Doe</a> in Washington"): part
# of the byline's line, as bench/real/ANNOTATING.md reads it ("whatever the page prints in the
# same line or element"), where a text in an element of its own after the name is not.
LOOSE = "\x01"


def _pieces(node: LexborNode) -> list[str]:
    """The box's texts, one piece per element's text or line, loose texts marked."""
    out: list[str] = []
    _walk(node, out)
    raw = _MID_WORD.sub("", "\x00".join(out))
    return [p if not p.startswith(LOOSE) or p.strip(LOOSE + " \t") else ""
            for p in re.split(r"[\x00\n]", raw)]  # fmt: skip


def _walk(node: LexborNode, out: list[str]) -> None:
    after_element = False
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            text = child.text_content or ""
            out.append(LOOSE + text.replace("\n", "\n" + LOOSE) if after_element else text)
        elif child.tag not in printed.UNPRINTED and child.tag not in ("-comment", "br"):
            _walk(child, out)
            after_element = True


def _authors_box(node: LexborNode, selector: str) -> LexborNode:
    """Authors marked one by one ("<a rel='author'>Jane Doe</a> and <a rel='author'>Ana
    Rusk</a>"): the box that prints them together, so that the byline names them all."""
    box = node.parent
    if selector in _PER_AUTHOR and box is not None and len(box.css(selector)) > 1 and \
            chrome.words(printed.text(box, " ")) <= _MAX_WORDS:  # fmt: skip
        return box
    return node


def _by_boxes(tree: HTMLParser) -> Iterator[LexborNode]:
    """Boxes whatever their class that print "By" on its own before the name's element ("<div
    class='_ceVT'>By <span>Jane Doe</span></div>", "<p>By <strong>Jane Doe</strong></p>"):
    pages with class names made up by a build tool, or none."""
    body = tree.body
    if body is None:
        return
    for node in printed.text_nodes(body):
        if not _BY_WORD.match(node.text_content or ""):
            continue
        box = node.parent
        if _BY_WORD.match(box.text() or "") and box.parent is not None:
            box = box.parent  # "By" in a span of its own
        if not _in_comments(box):
            yield box


_MID_WORD = re.compile(
    r"(?<=[a-z])\x00(?=[a-z])"
)  # (a block element after "Guzman" prints "View ..." apart)


_COMMENTS = re.compile(r"(^|[\s_-])comments?($|[\s_-])", re.IGNORECASE)


def _in_comments(node: LexborNode) -> bool:
    """Inside the readers' comments: a commenter's "byline" box is not the article's."""
    return any(
        _COMMENTS.search(k.attributes.get("class") or "")
        or _COMMENTS.search(k.attributes.get("id") or "")
        for k in ancestry.boxes(node, below=ancestry.PAGE | {"article", "main"})
    )


def from_pieces(pieces: list[str]) -> str | None:
    """['By', 'Jane Doe @jdoe', 'Staff Writer', 'Nov 19, 2019'] -> 'By Jane Doe'."""
    # An outlet in an element of its own that starts with a bar stays ("Jane Doe | Fox News"),
    # unless an e-mail address or handle came between ("Jane Doe | jd@x.com | Bay Area News").
    # A contact in an element of its own is junk; one printed in the name's own text stays
    # ("By Bryan Denson | bdenson@oregonian.com" in one link).
    loose = {i for i, p in enumerate(pieces) if p.startswith(LOOSE)}
    pieces = [p.lstrip(LOOSE) for p in pieces]
    # A loose text counts only right after the name's element, not after a separator's element
    # ("<a>Jane Doe</a><span> · </span>CBC News"): each piece's printed neighbour before it.
    before = [-1] * len(pieces)
    last = -1
    for i, p in enumerate(pieces):
        before[i], last = last, i if p.strip() else last
    kept = [(_CONTACT_MARK if _CONTACT.search(p) and not _clean(p) else
             ("| " if p.strip().startswith("|") else "") + _clean(p, contacts=True), i)
            for i, p in enumerate(pieces) if _clean(p) or _CONTACT.search(p)]  # fmt: skip
    by = next((i for i, (p, _) in enumerate(kept) if chrome.BY_ALONE.match(p)), None)
    if by is not None:  # a desk or column name printed before "By" is not the byline
        kept = kept[by:]
    out: list[str] = []
    named = False
    name_end = None  # (the name is judged without what is printed loose after it)
    appended = -1
    for p, i in kept:
        if i in loose and named and before[i] == appended and not _CONNECTOR.match(p) \
                and not _junk(p, loose=True):  # fmt: skip
            name_end = len(out) if name_end is None else name_end
            out.append(" ".join(pieces[i].split()))  # as printed: "<a>Jane Doe</a> - Reuters"
            appended = i
            continue
        appended = i
        if chrome.BY_ALONE.match(p) and not named:
            out.append(p)  # (a "By" span, then a name element printing its own "by": both)
        elif named and _CONNECTOR.match(p):
            out.append(p)  # "Jim Rutenberg", ",", "Lisa Lerer", "and", "Kenneth Vogel"
        elif _junk(p):
            if named:
                break  # what follows the name is the box's other content
        elif named and (_CONNECTOR.match(out[-1]) or p.startswith(("| ", ", "))):
            out.append(p)  # (printed on from the name: "Jane Doe" ", CNN Senior Analyst")
        elif not named:
            out.append(p)
            named = True
        else:
            break
    if name_end is not None:  # "in" before the next element ("Jane Doe in <a>"), a bare "/"
        out[-1] = _LEADS_ON.sub("", out[-1]).rstrip(" |/·•-–—")
    while out and (not out[-1] or _CONNECTOR.match(out[-1]) or chrome.BY_ALONE.match(out[-1])):
        out.pop()
    line = " ".join(out).replace(" ,", ",").rstrip(",")
    return line if line and _name_like(" ".join(out[:name_end])) else None


# Words of a headline, never of a byline ("China is Drowning Russia in Coronavirus").
_PROSE = {"is", "are", "was", "were", "in", "to", "the", "a", "for", "with", "on", "at", "as",
          "how", "why", "what", "will", "has", "have", "after", "over", "into"}  # fmt: skip


def _name_like(line: str) -> bool:
    """'Jane Doe', 'Detroit News wire services': not a related headline ('China is Drowning
    Russia in ...') nor a user name ('thelastchargersfan'). Judged on what precedes a date."""
    from newsflow_enrich.stages.metadata import split_byline

    head = split_byline(line)[0].split()
    if len(head) == 1 and head[0].islower():  # a user name: "thelastchargersfan"
        return False
    return not any(w in _PROSE for w in head)


def _clean(piece: str, contacts: bool = False) -> str:
    piece = " ".join(piece.split()) if contacts else _CONTACT.sub(" ", " ".join(piece.split()))
    return piece.strip(" |/·•-–—").strip()


def _junk(piece: str, loose: bool = False) -> bool:
    """Not part of the byline: a date, a time, a label or a read time; in an element of its
    own, also a job title (printed loose after the name it stays: "Jane Doe Science editor")."""
    if chrome.BYLINE.match(piece):  # "Posted by Jane Doe on November 19, 2019, 6:21 AM"
        return False
    if len(re.sub(r"[^\w]", "", piece)) < 2 or _READ_TIME.search(piece) or _LABEL.match(piece):
        return True
    if dates.parse_line(piece) or dates.TIME.search(piece) or chrome.is_date_line(piece):
        return True
    if loose:
        return False
    low = [w.strip(".,") for w in piece.lower().split()]
    return all(w in _TITLE_WORDS for w in low) and any(w in _TITLE_HEADS for w in low)


def _by_before(node: LexborNode, line: str) -> str:
    """'By' printed just before the element that holds the name ("By <a>Jane Doe</a>"): before
    the name's first word in a box around it or, where the name is printed earlier too (in an
    avatar's placeholder), right before the element or a box it opens. A label in an element of
    its own is kept whole ("<span>Article by</span><br><span>Jane Doe</span>")."""
    label = _label_before(node)
    if label:
        return label + " "
    k: LexborNode | None = node
    for _ in range(4):  # "By <span><span><span><a>Jane Doe</a>..."
        k = k.parent if k is not None else None
        if k is None:
            break
        text = " ".join(k.text(separator=" ").split())
        at = text.find(line.split()[0])
        if at > 0:
            m = chrome.BY_LAST.search(text[:at])
            if m:
                return m.group(1) + " "
            break
    k = node
    for _ in range(4):
        before = _printed_before(k) if k is not None else ""
        if before or k is None:
            if chrome.BY_ALONE.match(before):  # a label of its own: "Article by", "Author:"
                return before + " "
            m = chrome.BY_LAST.search(before)
            return m.group(1) + " " if m else ""
        k = k.parent
    return ""


def _label_before(node: LexborNode) -> str:
    """The byline label ("Article by", "Author:") printed in an element of its own right before
    the name's element, or before a box it opens."""
    k: LexborNode | None = node
    for _ in range(4):
        if k is None:
            return ""
        sib = k.prev
        while sib is not None and (sib.tag in ("-text", "-comment", "br") or sib.tag in
                                   printed.UNPRINTED) and not (sib.text_content or "").strip():  # fmt: skip
            sib = sib.prev
        if sib is not None:
            text = " ".join((sib.text() or "").split())
            return text if sib.tag != "-text" and chrome.BY_ALONE.match(text) else ""
        k = k.parent
    return ""


def _printed_before(node: LexborNode) -> str:
    """The text of the nearest sibling before `node` that prints any."""
    sib = node.prev
    while sib is not None:
        text = " ".join((sib.text_content if sib.tag == "-text" else sib.text() or "").split())
        if text and sib.tag not in printed.UNPRINTED and sib.tag != "-comment":
            return text
        sib = sib.prev
    return ""


def agency_like(line: str) -> bool:
    from newsflow_enrich.stages.metadata import agencies_in

    return bool(agencies_in(line.split("·")[0].split("|")[0]))
