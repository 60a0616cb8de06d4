"""The language of an article's body: py3langid's answer, without asking it where the text is
plainly English.

py3langid walks every byte of the first 5,000 characters through its n-gram automaton: ~1 ms
an article, ~1% of the CPU of the spaCy model the service runs after it, for an answer that is
"en" for nearly every article the service gets. A body in Latin script (at most 1% other
characters) of 40 words or more where at least 16% of the words are among twenty English
function words that other languages do not use ("the", "and", "which", "would", ...) is called
English at once; any other text goes to py3langid as before. Where the test answers, py3langid
said "en" too on every text measured (bench/README.md, "arrays and language id"): 2,193 English
articles (the test answers for 95% of the synthetic bench corpus, 35-53% of real and written
pages, whose share of these words is lower) and 13,467 mixes of English with the example
sentences of 67 other languages (`python -m bench.perf.language`). py3langid calls a mix of
mostly English with some Finnish Finnish; the highest share such a mix reached was 0.144, under
the 0.16 asked for.
"""

from __future__ import annotations

import re

import py3langid

LIMIT = 5000  # characters read, by the test and by py3langid
MIN_WORDS = 40
MIN_SHARE = 0.16
ENGLISH = frozenset({"the", "and", "that", "with", "which", "their", "been", "would", "said",
                     "were", "from", "this", "have", "they", "will", "after", "about", "there",
                     "when", "what", "into"})  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
# Latin letters with their accents, and the punctuation and currency signs English text prints.
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f\u20a0-\u20cf]")


def language(text: str) -> str:
    head = text[:LIMIT]
    if plainly_english(head):
        return "en"
    lang, _ = py3langid.classify(head)
    return str(lang)


def plainly_english(text: str) -> bool:
    if len(_NOT_LATIN.findall(text)) * 100 > len(text):
        return False
    words = _WORD.findall(text.lower())
    return len(words) >= MIN_WORDS and sum(w in ENGLISH for w in words) >= MIN_SHARE * len(words)
