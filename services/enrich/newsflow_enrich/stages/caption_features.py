"""The features the learned caption filter reads for each caption candidate
(caption_candidates.py), by markup any site prints and the line's own words: its source and the
rules' verdict, its tag and the boxes it sits in, its length and credit words, where it stands
on the page and against the story's paragraphs and the headline, its photo and that photo's
`alt`, its shape (title case, last character, its words), and the share of its words the
story's text or headline prints (a caption tells of the story's people and places; another
story's card, a player's list or a box's label does not). Class and id words (one site's
vocabulary) only when asked for, as bench/train_caption_filter measures them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import ancestry
from newsflow_enrich.stages import captions as rules
from newsflow_enrich.stages.caption_candidates import Candidate

_CLASS_WORD = re.compile(r"[a-z]{3,}")
_WORD = re.compile(r"[A-Za-z']+")
_CREDIT = re.compile(r"\b(photo|photograph|image|picture|credit|courtesy|getty|reuters|ap|afp|"
                     r"file|epa|shutterstock|istock|pa|via)\b|©|/", re.IGNORECASE)  # fmt: skip
_IN_TAGS = ("a", "aside", "nav", "footer", "header", "article", "main", "li", "table")
_LEVELS = 4  # boxes up whose class words are read
# Words of four letters or more, but for the commonest and the credit words, shared with the
# story's text ("story share").
_CONTENT = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
_STOP = {
    "this",
    "that",
    "with",
    "from",
    "have",
    "were",
    "been",
    "their",
    "they",
    "them",
    "there",
    "which",
    "what",
    "when",
    "where",
    "will",
    "would",
    "about",
    "after",
    "before",
    "into",
    "over",
    "under",
    "than",
    "then",
    "also",
    "more",
    "most",
    "some",
    "such",
    "only",
    "other",
    "said",
    "says",
    "just",
    "like",
    "your",
    "year",
    "years",
    "photo",
    "image",
    "images",
    "getty",
    "credit",
    "courtesy",
    "file",
    "reuters",
    "press",
    "associated",
}


def content_words(text: str | None) -> set[str]:
    return {w.lower() for w in _CONTENT.findall(text or "")} - _STOP


def story_share(line: str, story: set[str], credit: bool) -> list[str]:
    """How much of the line's words the story prints, in fifths (and with its credit word)."""
    words = content_words(line)
    if not words:
        return ["ss=none"]
    share = len(words & story) / len(words)
    fifth = min(int(share * 5), 4)
    return [f"ss={fifth}", f"ss_c={fifth}|{credit}", f"ss0={share == 0}"]


def features(
    tree: HTMLParser,
    cands: list[Candidate],
    story: set[str] | None = None,
    classes: bool = False,
    more: bool = True,
) -> list[list[str]]:
    """Each candidate's features (the module's docstring); `story`: the story's and headline's
    content words (`content_words`), for the story share; `more`: where it stands against the
    story's text and its photo (`placement`); `classes`: the class and id words too."""
    counts = _story_counts(tree) if more else {}
    h1_boxes = _ancestors(tree.css_first("h1")) if more else set()
    order = {n.mem_id: k for k, n in enumerate(tree.root.traverse())} if tree.root else {}
    h1 = tree.css_first("h1")
    h1_at = order.get(h1.mem_id, 0) if h1 is not None else 0
    repeats: dict[str, int] = defaultdict(int)
    for _, line, _, _ in cands:
        repeats[line] += 1
    out = []
    for node, line, src, verdict in cands:
        f = ["bias", f"src={src}", f"v={verdict}", f"sv={src}|{verdict}", f"tag={node.tag}"]
        k: LexborNode | None = node
        for lvl in range(_LEVELS):
            if k is None or k.tag in ("body", "html"):
                break
            attrs = f"{k.attributes.get('class') or ''} {k.attributes.get('id') or ''}".lower()
            if classes:
                f += [x for w in set(_CLASS_WORD.findall(attrs)) for x in (f"c{min(lvl, 2)}={w}",
                                                                          f"ca={w}")]  # fmt: skip
            if lvl:
                f.append(f"p{lvl}={k.tag}")
            k = k.parent
        inside, k = set(), node.parent
        while k is not None and k.tag not in ("body", "html"):
            inside.add(k.tag)
            cls = k.attributes.get("class") or ""
            if rules._ELSEWHERE_CLASS.search(cls) or rules._OTHER_STORIES_CLASS.search(cls):
                inside.add("elsewhere-class")
            k = k.parent
        f += [f"in={t}" for t in (*_IN_TAGS, "elsewhere-class") if t in inside]
        at = order.get(node.mem_id, 0)
        linked = sum(len(a.text(strip=True)) for a in node.css("a"))
        f += [f"len={min(len(line.split()) // 5, 8)}", f"credit={bool(_CREDIT.search(line))}",
              f"pos={10 * at // max(len(order), 1)}", f"before_h1={at < h1_at}",
              f"repeats={min(repeats[line], 3)}", f"linked={min(linked / len(line), 1.0):.1f}",
              f"photo={bool(rules._photo_of(node))}", *shape(line)]  # fmt: skip
        if more:
            f += placement(node, line, counts, h1_boxes)
        if story is not None:
            f += story_share(line, story, bool(_CREDIT.search(line)))
        out.append(f)
    return out


_CLOCK = re.compile(r"\d{1,2}:\d\d")  # a player's running time before a video's title
_STORY_WORDS = 20  # a paragraph of this many words is the story's (or another story's) text
_STORY_BOX = 3  # the box around a candidate that holds this many such paragraphs
_MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\b(mon|tues|"
                     r"wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)  # fmt: skip


def _ancestors(node: LexborNode | None) -> set[int]:
    """`node` and every element around it, by mem_id."""
    return {k.mem_id for k in ancestry.boxes(node, self_too=True)} if node is not None else set()


def _story_counts(tree: HTMLParser) -> dict[int, int]:
    """For each box, how many paragraphs of story length it holds."""
    counts: dict[int, int] = defaultdict(int)
    for para in tree.css("p"):
        if len(para.text(strip=True, separator=" ").split()) >= _STORY_WORDS:
            for box in _ancestors(para.parent):
                counts[box] += 1
    return counts


def placement(node: LexborNode, line: str, story: dict[int, int], h1_boxes: set[int]) -> list[str]:
    """Where the candidate stands, by markup any site prints: how far up the box that holds
    the story's paragraphs is and whether that box holds the headline too (a rail of other
    stories reaches the text only at the page's top), whether it sits in a figure or a
    figcaption, how far its photo is and how many words it shares with the photo's `alt`."""
    f: list[str] = []
    k: LexborNode | None = node
    up = 0
    while k is not None and story.get(k.mem_id, 0) < _STORY_BOX:
        k, up = k.parent, up + 1
    f += [f"story_up={min(up, 12) // 2}", f"story_h1={k is not None and k.mem_id in h1_boxes}"]
    f += [
        f"anc={t}"
        for t in ("figure", "figcaption")
        if any(b.tag == t for b in ancestry.boxes(node))
    ]
    m: LexborNode | None = node
    media_up = None
    for lvl in range(rules._MEDIA_LEVELS + 1):
        if m is None or m.tag in ("body", "html"):
            break
        img = m if m.tag == "img" else m.css_first("img")
        if img is not None:
            media_up = lvl
            alt = set(_WORD.findall((img.attributes.get("alt") or "").lower()))
            words = set(_WORD.findall(line.lower()))
            share = len(alt & words) / max(len(words), 1)
            f += [f"alt_share={round(share * 4) / 4}", f"alt_none={not alt}"]
            break
        m = m.parent
    f.append(f"media_up={media_up}")
    return [*f, f"t_date={bool(_MONTHS.search(line))}", f"t_clock={bool(_CLOCK.match(line))}"]


def shape(line: str) -> list[str]:
    """The line's own shape: a caption reads as a sentence with a credit, a card of another
    story as a headline."""
    words = _WORD.findall(line)
    low = [w.lower() for w in words]
    long = [w for w in words if len(w) > 3]
    caps = sum(w[0].isupper() for w in long) / max(len(long), 1)
    end = line.rstrip()
    return [f"t_caps={caps:.1f}", f"t_end={end[-1:]}", f"t_paren_end={end.endswith(')')}",
            f"t_colon5={':' in ' '.join(line.split()[:5])}", f"t_q={'?' in line}",
            *(f"t_first={w}" for w in low[:2]), *(f"t_last={w}" for w in low[-2:]),
            *(f"t_w={w}" for w in set(low))]  # fmt: skip
