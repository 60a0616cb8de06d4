"""The caption of a `<figure>` printed without caption markup: no `<figcaption>`, no element of a
caption or credit class. HTML's `<figure>` holds a photo and what belongs to it, so the text it
prints beside the photo is the photo's caption ("<figure><img><div class='attribution'>JIM
WATSON/AFP/Getty Images</div></figure>"; BuzzFeed's "subbuzz__description" and
"subbuzz__attribution"; a video's title over its player), the credit last
(bench/real/ANNOTATING.md). Not an embedded post or a card of another story (a quote, a
heading, a "card" box or a link by `data-href`, a line mostly linked), nor a lone word or number.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import caption_text, printed

_NOT_CAPTION = "h1, h2, h3, h4, h5, h6, blockquote"
_MAX_WORDS = 60  # as a line beside a photo (captions.py)
_WORDS = re.compile(r"[^\W\d_]{2,}")  # words of letters: not "+3", "1/5"
_CARD = re.compile(r"card", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|attribution", re.IGNORECASE)


def caption(fig: LexborNode) -> str:
    """The text a figure without caption markup prints beside its photo, or ""."""
    if fig.tag != "figure" or fig.css_first(caption_text.MEDIA) is None or \
            fig.css_first(_NOT_CAPTION) is not None:  # fmt: skip
        return ""
    if any(_CARD.search(k.attributes.get("class") or "") or "data-href" in k.attributes
           for k in fig.traverse() if not k.tag.startswith("-")):  # fmt: skip
        return ""  # a card of another story
    blocks = sorted(
        [p for k in _text_beside_media(fig) for p in _credit_apart(k)],
        key=lambda k: bool(_CREDIT_CLASS.search(k.attributes.get("class") or "")),
    )
    line = " ".join(t for t in (caption_text.text(k) for k in blocks) if t)
    if len(_WORDS.findall(line)) < 2 or len(line.split()) > _MAX_WORDS or \
            caption_text.linked(fig) * 2 >= len(line):  # fmt: skip
        return ""
    return line


def _text_beside_media(box: LexborNode) -> list[LexborNode]:
    """The elements of the box that print text and hold no photo, those inside a photo's own
    box too ("<div><img><div class='attribution'>...</div></div>"), in page order."""
    out: list[LexborNode] = []
    for k in box.iter():
        if not caption_text.shown(k) or k.tag in caption_text.MEDIA_TAGS:
            continue
        if k.css_first(caption_text.MEDIA) is not None:
            out += _text_beside_media(k)
        elif printed.text(k).strip():
            out.append(k)
    return out


def _credit_apart(block: LexborNode) -> list[LexborNode]:
    """A box holding a credit element and the caption's: the two apart, the credit to go last
    ("<div><span class='attribution'>Ana Rusk / Reuters</span><div>Pickets ...</div></div>")."""
    kids = [k for k in block.iter() if caption_text.shown(k) and printed.text(k).strip()]
    if len(kids) > 1 and any(_CREDIT_CLASS.search(k.attributes.get("class") or "") for k in kids):
        return kids
    return [block]
