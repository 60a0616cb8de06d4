"""Captions of an HTML page's own photos and videos, as printed, without the page's labels.

A caption is the `<figcaption>` of a figure, or, where the page marks it up otherwise, the texts
of a figure's caption and credit elements joined ("Gannett is merging ... (Jacquelyn Martin /
Associated Press)"). Many pages print photos without `<figure>`: an `<img>` beside elements whose
class says caption or credit ("pb-caption", "image-caption" + "image-credit", a gallery item's
"caption"); those count too, when an image is near. Labels the page prints in an element of
their own ("Credit", "Image:", "Camera Icon", "Image caption", a gallery's "1 of 4", "... more")
are not part of it (bench/real/ANNOTATING.md). Figures inside links, asides, navigation and
related-story or playlist boxes show other stories: their names would become entities of this
one, so they are not captions.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import (
    alt_captions,
    ancestry,
    bare_figures,
    caption_boxes,
    caption_text,
    loose_credit,
    printed,
)

_ELSEWHERE_TAGS = {"a", "aside", "nav", "footer"}
_ELSEWHERE_CLASS = re.compile(r"playlist|newsletter|sidebar|video-list|byline", re.IGNORECASE)
# Boxes named for other stories ("related", "more-", a "carousel" of cards): other stories only
# where they link to them. One that links to no other page holds the story's own photos (Reuters'
# `relatedPhoto` box of the lead photo, a lead gallery's `CarouselContainer`).
_OTHER_STORIES_CLASS = re.compile(r"related|recommend|trending|promo|more-|teaser|carousel"
                                  r"|outbrain|taboola", re.IGNORECASE)  # fmt: skip
# A box named like a sidebar that holds this many paragraphs is the page's layout column.
_LAYOUT_PARAGRAPHS = 5
# (also the short forms "img_cptn" and "cap")
_PARTS = ('[class*="caption"], [class*="credit"], [class*="Caption"], [class*="Credit"], '
          '[class*="cptn" i], [class~="cap"], [class*="cutline" i]')  # fmt: skip
_CREDITS = '[class*="credit"], [class*="Credit"], cite'
_PART_CLASS = re.compile(r"caption|credit|cptn|(^|\s)cap(\s|$)|cutline", re.IGNORECASE)
_CREDIT_AFTER = re.compile(r"copyright|byline|photographer", re.IGNORECASE)
_MEDIA_LEVELS = 3  # how far up from a caption element its photo may sit
_MAX_WORDS = 200  # a "caption" class on a box of prose is not a caption
_HEADINGS = "h1, h2, h3"
_LINKED_TITLE = "h1 a, h2 a, h3 a, h4 a, h5 a, h6 a"
_PROMO_WORDS = 8
_CREDIT_WORDS = 4  # "Photo: <a>Getty Images</a>" is a credit, however much of it is linked
_BESIDE_WORDS = (3, 60)  # a line beside a photo that is its caption
_BESIDE_SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "form", "script", "a"}
_SET_OFF = {"em", "i", "small", "center"}
_SET_OFF_BOX = {"p", "div", "span", "center"}
_SELF_LINK = re.compile(r"^(#.*|javascript:.*|)$|\.(jpe?g|png|gif|webp)(\?.*)?$", re.IGNORECASE)
_LIGHTBOX = re.compile(r"lightbox|fancybox", re.IGNORECASE)
_MIN_PHOTO_PX = 150  # an icon, a logo, an author's thumbnail
_PORTRAIT = re.compile(r"author|byline|avatar|profile|logo|icon|bio\b|user|emoti|\.gif$",
                       re.IGNORECASE)  # fmt: skip


def captions(tree: HTMLParser) -> list[str]:
    out: list[str] = []
    read: set[int] = set()  # elements read already as a part of a caption before them
    seen: set[tuple[str, str]] = set()
    for node in tree.css(f"figure, figcaption, {_PARTS}, img"):
        if caption_text.unshown(node) or node.mem_id in read:
            continue
        if node.tag == "img":
            line = _caption_beside(node)
        elif node.tag in ("figure", "figcaption"):
            if node.tag == "figcaption" and _in_figure(node):
                continue  # read with its figure
            line = "" if _elsewhere(node) or _teaser(node) or _after_teaser(node) \
                else _caption_of(node)  # fmt: skip
        else:
            line, parts = _loose_caption(node)
            read.update(p.mem_id for p in parts if line)
        line = caption_text.once(line)
        if caption_text.PLAYER_TIME.match(line):
            continue  # a video player's running time, no caption ("02:12 - Source: CNN")
        # Separate photos with one caption: one each; a gallery repeating a photo's caption (or a
        # photo printed twice) counts once (bench/real/ANNOTATING.md).
        key = (line, _photo_of(node))
        if line and key not in seen and (key[1] or line not in out):
            seen.add(key)
            out.append(line)
    out += [line for line in caption_boxes.featured_image(tree) if line not in out]
    for _, line in alt_captions.captions(tree, _linked_away, _elsewhere):
        line = caption_text.once(line)
        opening = line[: alt_captions.KEY_CHARS].lower()
        if line and not any(opening in c.lower() or c[: len(opening)].lower() in line.lower()
                            for c in out):  # fmt: skip
            out.append(line)
    return out


def _photo_of(node: LexborNode) -> str:
    """The file of the photo a caption element belongs to: the nearest photo in a box around
    it; "" where unknown (a lazy page's placeholder)."""
    k: LexborNode | None = node
    for _ in range(_MEDIA_LEVELS + 1):
        if k is None or k.tag in ("body", "html"):
            return ""
        media = k if k.tag == "img" else k.css_first("img")
        if media is not None:
            src = media.attributes.get("data-src") or media.attributes.get("src") or ""
            # (one photo in two sizes: "photo.jpg?w=440" and "photo.jpg?w=1440")
            return "" if src.startswith("data:") else src.split("?")[0]
        k = k.parent
    return ""


def _caption_beside(img: LexborNode) -> str:
    """A photo without caption markup, printed with one short line right after it: the two
    alone in a box (<td><img><div>The core stage ... (credit: NASA)</div></td>), or the line set
    off as captions are (<img><center><em>... via iFixit</em></center>). Not a photo in a link
    (a teaser), an icon or an author's portrait, nor a line that is a heading or a link."""
    if _in_figure(img) or _linked_away(img) or _small(img) or \
            _elsewhere(img) or _in_part_or_figure(img):  # fmt: skip
        return ""
    box = _photo_box(img)
    table = caption_boxes.table_caption(box)
    if table is not None:
        return table  # (<table><tr><td><img></td></tr><tr><td>The zombies ...</td></tr>)
    line = _next_element(box)
    if line is None or line.tag in _BESIDE_SKIP or _text_part(line) or \
            not (_alone(box, line) or _set_off(line)):  # fmt: skip
        return ""
    text = caption_text.text(line)
    if not _BESIDE_WORDS[0] <= len(text.split()) <= _BESIDE_WORDS[1] or \
            caption_text.linked(line) * 2 >= len(text) or \
            line.css_first(f"{caption_text.MEDIA}, h4, h5, h6, {_HEADINGS}") is not None or _portrait(img):  # fmt: skip
        return ""
    return text


def _photo_box(img: LexborNode) -> LexborNode:
    """The photo, or the link to nowhere or to its own file around it (<a href="#"><img></a>
    then the caption line)."""
    box = img
    while box.parent is not None and box.parent.tag == "a" and \
            not printed.text(box.parent).strip():  # fmt: skip
        box = box.parent
    return box


def _after_teaser(cap: LexborNode) -> bool:
    """A <figcaption> printed after a figure, not in it, under a photo that links to another
    story: a card of a list of other stories."""
    prev = cap.prev
    while prev is not None and prev.tag in ("-text", "-comment"):
        prev = prev.prev
    return cap.tag == "figcaption" and prev is not None and \
        any(_linked_away(m) for m in prev.css(caption_text.MEDIA))  # fmt: skip


def _linked_away(node: LexborNode) -> bool:
    """Inside a link to another page: not one to nowhere ("#", a script) or to the photo's own
    file (an "enlarge" link), which a page's own photos have."""
    return any(k.tag == "a" and not _self_link(k) for k in ancestry.boxes(node))


def _self_link(a: LexborNode) -> bool:
    """A link to nowhere, to the photo's own file, or one that opens the photo in a lightbox
    (<a data-lightbox="article" href="//host/photo=s1200">)."""
    attrs = a.attributes
    return bool(_SELF_LINK.search(attrs.get("href") or "")) or \
        any(_LIGHTBOX.search(f"{k} {v or ''}") for k, v in attrs.items() if k != "href")  # fmt: skip


def _next_element(node: LexborNode) -> LexborNode | None:
    sib = node.next
    while sib is not None and (sib.tag in ("-comment", "br") or sib.tag == "-text" and
                               not (sib.text_content or "").strip()):  # fmt: skip
        sib = sib.next
    return sib if sib is not None and sib.tag != "-text" else None


def _alone(img: LexborNode, line: LexborNode) -> bool:
    box = img.parent
    return box is not None and box.tag not in ("body", "html") and \
        len(" ".join(printed.text(box, " ").split())) == len(" ".join(printed.text(line, " ").split()))  # fmt: skip


def _set_off(line: LexborNode) -> bool:
    """Printed in italics, small or centred type, whole."""
    k = line
    while k is not None and k.tag in _SET_OFF_BOX:
        kids = [c for c in k.iter() if c.tag != "br"]
        if len(kids) != 1 or (k.text(deep=False) or "").strip():
            return False
        k = kids[0]
    return k is not None and k.tag in _SET_OFF


def _small(img: LexborNode) -> bool:
    sizes = [img.attributes.get(a) or "" for a in ("width", "height")]
    return any(v.isdigit() and int(v) < _MIN_PHOTO_PX for v in sizes)


def _portrait(img: LexborNode) -> bool:
    if _PORTRAIT.search((img.attributes.get("src") or "").rsplit("/", 1)[-1]):
        return True  # (icon_comments_74.png)
    return any(
        _PORTRAIT.search(k.attributes.get("class") or "")
        for k in ancestry.boxes(img, self_too=True, below=ancestry.PAGE)
    )


def _teaser(fig: LexborNode) -> bool:
    """A figure whose caption is a link shows another story (a related-story list; also a link
    around both the photo and the caption), or a promo ("Want more science? Get a subscription
    ...": mostly linked)."""
    cap = fig if fig.tag == "figcaption" else fig.css_first("figcaption")
    return cap is not None and (_all_linked(cap) and not _linked_credit(fig, cap) or _card(cap)
                                or _mostly_linked(cap) or _linked_away(cap))  # fmt: skip


def _linked_credit(fig: LexborNode, cap: LexborNode) -> bool:
    """A photographer's name linked to their page ("<a>Christopher Michel/Flickr</a>") under a
    photo that links nowhere else: a credit, not the title of another story."""
    return len(cap.text(strip=True, separator=" ").split()) <= _CREDIT_WORDS and \
        not any(_linked_away(m) for m in fig.css(caption_text.MEDIA))  # fmt: skip


def _card(node: LexborNode) -> bool:
    """A linked title heading the text: a card of another story or video, not a caption."""
    return node.css_first(_LINKED_TITLE) is not None


def _mostly_linked(node: LexborNode) -> bool:
    text = node.text(strip=True)
    return len(text.split()) >= _PROMO_WORDS and caption_text.linked(node) * 2 >= len(text)


def _caption_of(fig: LexborNode) -> str:
    cap = fig if fig.tag == "figcaption" else fig.css_first("figcaption")
    # (lexbor lists a node once per selector it matches: "caption" and "Caption" in one class)
    found = list({n.mem_id: n for n in fig.css(f"{_PARTS}, cite")}.values())
    # The outermost caption and credit elements, in page order; beside a figcaption, those
    # outside it ("<figcaption>...</figcaption><cite>Rogelio V. Solis/AP</cite>", "<p
    # class='caption'>Children ...</p><figcaption>Photo: Ashraf Amra/...</figcaption>").
    if cap is not None:  # (a box around the figcaption and its credit is neither)
        found = [n for n in found if n.mem_id != cap.mem_id and not caption_text.inside(n, cap)
                 and not caption_text.inside(cap, n)]  # fmt: skip
    parts = [n for n in found if not any(caption_text.inside(n, m) for m in found if m is not n)]
    if cap is not None:
        order = {n.mem_id: k for k, n in enumerate(fig.traverse())}
        parts = sorted([cap, *parts], key=lambda n: order.get(n.mem_id, 0))
        line = caption_text.joined(parts)
        credit = loose_credit.credit(fig, parts, _self_link)
        return f"{line} {credit}" if line and credit else line
    if not parts:
        return bare_figures.caption(fig)
    return caption_text.joined(parts)


def _loose_caption(node: LexborNode) -> tuple[str, list[LexborNode]]:
    """A caption or credit element outside any figure: the outermost one, with the credit that
    follows it in the same box ("image-caption" + "image-credit"), when a photo is near. A box
    classed "caption" that holds the photo or a headline is a wrapper, not the caption. The
    line, and the elements read for it (a credit <figcaption> after it is not read again)."""
    if not _text_part(node) or _in_part_or_figure(node) or _follows_part(node):
        return "", []
    if _elsewhere(node) or not _near_media(node) or node.css_first("time") is not None:
        return "", []  # (a box printing a <time> is the story's byline and date line)
    node = caption_boxes.credit_box(node)
    parts = [node]
    sib = node.next
    while sib is not None:
        if sib.tag not in ("-text", "-comment", "br") and not _empty(sib):
            if not (_text_part(sib) or _credit_after(sib)):
                break
            parts.append(sib)
        sib = sib.next
    line = caption_text.joined(parts)
    if len(line.split()) > _MAX_WORDS or all(_all_linked(n) or _card(n) for n in parts):
        return "", []  # prose, or a link to another story ("media__caption" of a teaser)
    return line, parts


def _empty(node: LexborNode) -> bool:
    """An element that prints nothing, a spacer between a caption and its credit ("<p
    class='caption'>...</p><p></p><p class='caption source'>Photo: ...</p>")."""
    return not printed.text(node).strip() and node.css_first(caption_text.MEDIA) is None


def _credit_after(node: LexborNode) -> bool:
    """Named as a photo's credit only right after its caption ("field-caption" +
    "field-copyright", "caption" + "byline"): alone, such a class is the page's own."""
    return bool(_CREDIT_AFTER.search(node.attributes.get("class") or "")) and \
        node.css_first(f"{caption_text.MEDIA}, {_HEADINGS}") is None  # fmt: skip


def _text_part(node: LexborNode) -> bool:
    return bool(_PART_CLASS.search(node.attributes.get("class") or "")) and \
        not any(not _inline(m) for m in node.css(caption_text.MEDIA)) and node.css_first(_HEADINGS) is None  # fmt: skip


def _inline(media: LexborNode) -> bool:
    """An icon printed in a line of text (a camera before the caption), not a photo: the words
    are its siblings."""
    sib = media.parent.first_child if media.parent is not None else None
    while sib is not None:
        if sib.tag == "-text" and (sib.text_content or "").strip():
            return True
        sib = sib.next
    return False


def _all_linked(node: LexborNode) -> bool:
    linked = caption_text.linked(node)
    return linked > 0 and linked >= len(node.text(strip=True))


def _follows_part(node: LexborNode) -> bool:
    """Read already with the caption element printed before it in the same box."""
    sib = node.prev
    while sib is not None and sib.tag in ("-text", "-comment"):
        sib = sib.prev
    return sib is not None and _text_part(sib)


def _in_part_or_figure(node: LexborNode) -> bool:
    return any(
        k.tag in ("figure", "figcaption") or _text_part(k)
        for k in ancestry.boxes(node, below=ancestry.PAGE)
    )


def _near_media(node: LexborNode) -> bool:
    """A photo near the element, not one of a <figure> with a caption of its own: a "credit"
    paragraph beside such a figure is the story's credit line ("Reporting by ...")."""
    k: LexborNode | None = node
    for _ in range(_MEDIA_LEVELS + 1):
        if k is None or k.tag in ("body", "html"):
            return False
        if any(_uncaptioned(m) for m in k.css(caption_text.MEDIA)):
            return True
        k = k.parent
    return False


def _uncaptioned(media: LexborNode) -> bool:
    fig = next((k for k in ancestry.boxes(media) if k.tag == "figure"), None)
    return fig is None or not _caption_of(fig)


def _in_figure(node: LexborNode) -> bool:
    return any(k.tag == "figure" for k in ancestry.boxes(node))


def _photo_aside(box: LexborNode) -> bool:
    """An <aside> that holds a photo and its caption only, floated beside the story's text
    (<aside class="left image"><a href="photo.jpg"><img></a><p class="caption">...</p>): the
    story's own photo, not a box of other stories (no heading, no link away)."""
    return box.css_first(caption_text.MEDIA) is not None and box.css_first("h1, h2, h3, h4, h5, h6") is None \
        and not any(not _self_link(a) for a in box.css("a")) \
        and len(printed.text(box, " ").split()) <= _BESIDE_WORDS[1]  # fmt: skip


def _elsewhere(node: LexborNode) -> bool:
    for k in ancestry.boxes(node, below=ancestry.PAGE):
        if k.tag in _ELSEWHERE_TAGS and (k.tag != "a" or not _self_link(k)) and \
                not (k.tag == "aside" and _photo_aside(k)):  # fmt: skip
            return True
        cls = k.attributes.get("class") or ""
        if (_ELSEWHERE_CLASS.search(cls) or _OTHER_STORIES_CLASS.search(cls) and _links_away(k)) \
                and len(k.css("p")) < _LAYOUT_PARAGRAPHS:  # fmt: skip
            return True
    return False


def _links_away(box: LexborNode) -> bool:
    """The box links to another page (not to nowhere or to a photo's own file)."""
    return any(not _self_link(a) for a in box.css("a[href]"))
