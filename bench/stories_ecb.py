"""Builds the ECB+ part of the story gold set (bench/stories-data/ecbplus.ndjson) from the corpus.

ECB+ (Cybulska and Vossen, LREC 2014; CC BY 3.0) has 982 English news articles in 43 topics;
each topic holds two sub-topics, two different real events of the same kind (two rehab
check-ins, two Aceh earthquakes, two prison escapes). A sub-topic is one story. The corpus ships
tokenized XML without publication times; see bench/stories-data/README.md for what this script
adds (times, URLs for the 'ecb' half) and why.

    .venv/bin/python bench/stories_ecb.py /path/to/ECB-parser-git-dir

reads `ECB+/<topic>/<topic>_<n>ecb[plus].xml` at the commit pinned in the README (`git show`,
no checkout needed) and rewrites ecbplus.ndjson and the ECB+ entries of gold.json.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

DATA = Path(__file__).parent / "stories-data"
START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
TEST_EVERY = 3  # every third topic (both of its sub-topics) goes to the locked test split

# A tokenizer's spacing undone: no space before closing punctuation, none after opening.
_DETOK = [
    (re.compile(r"(\d) \. (\d)"), r"\1.\2"),  # "6 . 1" -> "6.1"
    (re.compile(r"(\d) , (\d{3})\b"), r"\1,\2"),  # "1 , 000" -> "1,000"
    (re.compile(r"(\d) : (\d)"), r"\1:\2"),  # "1 : 28PM" -> "1:28PM"
    (re.compile(r"\b([a-zA-Z]) \. ([a-zA-Z]) \."), r"\1.\2."),  # "a . m ." -> "a.m."
    (re.compile(r"(\w) - (?=\w)"), r"\1-"),  # "year - old" -> "year-old"
    (re.compile(r" ([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),
    (re.compile(r"\x01 "), '"'),  # an opening quote takes the next word
    (re.compile(r" \x02"), '"'),  # a closing one the word before it
    (re.compile(r"[\x01\x02]"), '"'),
]


def detokenize(tokens: list[str], quote_open: list[bool]) -> str:
    """Tokens back to text; `quote_open` carries whether a quotation is open across sentences."""
    marked = []
    for tok in tokens:
        if tok in ('"', "``", "''"):
            is_open = tok == "``" or (tok == '"' and not quote_open[0])
            quote_open[0] = is_open
            tok = "\x01" if is_open else "\x02"
        elif tok.startswith('"'):  # a quote glued to its first word opens a quotation
            quote_open[0] = True
        elif tok.endswith('"'):
            quote_open[0] = False
        marked.append(tok)
    text = " ".join(marked)
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def _git(gitdir: Path, *args: str) -> str:
    return subprocess.run(["git", f"--git-dir={gitdir}", *args], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip


def _sentences(xml: str) -> list[list[str]]:
    sents: dict[int, list[str]] = {}
    for tok in ET.fromstring(xml).iter("token"):
        sents.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    return [sents[k] for k in sorted(sents)]


_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:last|updated|posted|published|at|"
    r"am|pm|a\.m|p\.m|gmt|et|est|edt|ist)\b|\d+(?:st|nd|rd|th|am|pm)?|[^\w\s]",
    re.IGNORECASE,
)


def _headline(sentence: str) -> bool:
    """A short line without a full stop is the headline, unless it is a date line ('Posted
    September 26, 2013 3:47pm', '9 September 2013 Last updated at 14:39 GMT')."""
    if sentence.rstrip().endswith((".", '"')) or len(sentence) >= 160:
        return False
    return len(_DATE_WORDS.sub(" ", sentence).split()) >= 3


def paragraphs(sents: list[str], headline: bool) -> list[str]:
    """Three sentences to a paragraph; with `headline`, the first sentence is a paragraph of its
    own: the corpus keeps an 'ecb' text's headline as its sentence 0 ("Polygamy arrests made in
    Canada"), and joined to the next sentence it would read as part of the lede ("... made in
    Canada Two leaders of ... have been arrested")."""
    head = sents[:1] if headline else []
    rest = sents[len(head) :]
    return head + [" ".join(rest[i : i + 3]) for i in range(0, len(rest), 3)]


def _unit(name: str) -> float:
    """A stable number in [0, 1) per document, so times do not change between builds."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) / 2**32


def article(name: str, xml: str, topic_rank: int) -> dict[str, object]:
    """One corpus document as the JSON article ingest takes, with its gold keys."""
    rest = name.split("_", 1)[1]
    plus = rest.endswith("ecbplus.xml")
    quote_open = [False]
    sents = [detokenize(s, quote_open) for s in _sentences(xml)]
    url, title = None, None
    if plus:  # sentence 0 is the page's URL, sentence 1 mostly its headline
        url = sents.pop(0).replace(" ", "")
        if sents and _headline(sents[0]):
            title = sents.pop(0)
    else:
        url = f"https://ecb.invalid/{name.removesuffix('.xml')}"
    paras = paragraphs(sents, headline=not plus and bool(sents) and _headline(sents[0]))
    # Both events of a topic run in the same days (the hard case); a story's articles come
    # mostly in its first day, a few up to three days later.
    base = START + timedelta(days=2 * topic_rank + (1 if plus else 0))
    at = base + timedelta(hours=72 * _unit(name) ** 2)
    return {
        "gid": f"ecb/{name.removesuffix('.xml')}", "url": url, "source": re.sub(r"^https?://(www\.)?([^/]+).*", r"\2", url),
        "title": title, "published_at": at.isoformat(), "text": "\n\n".join(paras),
    }  # fmt: skip


def main(gitdir: Path) -> None:
    names = [p for p in _git(gitdir, "ls-tree", "-r", "--name-only", "HEAD").split()
             if p.startswith("ECB+/") and p.endswith(".xml")]  # fmt: skip
    topics = sorted({int(p.split("/")[1]) for p in names})
    rank = {t: i for i, t in enumerate(topics)}
    rows = []
    for path in sorted(names):
        name = path.rsplit("/", 1)[1]
        rows.append(
            article(name, _git(gitdir, "show", f"HEAD:{path}"), rank[int(name.split("_")[0])])
        )
    rows.sort(key=lambda r: (str(r["published_at"]), str(r["gid"])))
    shared = Counter(r["url"] for r in rows)
    for row in rows:  # three texts of one live page (topic 14) would otherwise share an id
        if shared[row["url"]] > 1:
            row["url"] = f"{row['url']}?ecb={str(row['gid']).removeprefix('ecb/')}"
    with (DATA / "ecbplus.ndjson").open("w") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    _write_labels(rows, rank)
    print(f"{len(rows)} articles, commit {_git(gitdir, 'rev-parse', 'HEAD').strip()}")


def story_of(gid: str) -> str:
    """'ecb/3_1ecbplus' -> 'ecb-3-plus': a topic's sub-topic is a story."""
    topic, rest = gid.removeprefix("ecb/").split("_", 1)
    return f"ecb-{topic}-{'plus' if rest.endswith('ecbplus') else 'ecb'}"


def _write_labels(rows: list[dict[str, object]], rank: dict[int, int]) -> None:
    """Rewrites the ECB+ entries of labels.json, keeping the written part's."""
    path = DATA / "labels.json"
    labels = json.loads(path.read_text()) if path.exists() else {"splits": {}, "stories": {}}
    keep = {g: s for g, s in labels["stories"].items() if not g.startswith("ecb/")}
    splits = {s: v for s, v in labels["splits"].items() if not s.startswith("ecb-")}
    for row in rows:
        story = story_of(str(row["gid"]))
        keep[str(row["gid"])] = story
        topic_rank = rank[int(story.split("-")[1])]
        splits[story] = "test" if topic_rank % TEST_EVERY == TEST_EVERY - 1 else "dev"
    labels = {"splits": dict(sorted(splits.items())), "stories": dict(sorted(keep.items()))}
    path.write_text(json.dumps(labels, indent=1) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
