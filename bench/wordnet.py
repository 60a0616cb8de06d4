"""Write the story engine's word table (newsflow_stories/data/wordnet.json) from WordNet 3.0, as
Debian's package wordnet-base 1:3.0-37 ships it (Princeton's WordNet 3.0 licence: use, copy and
distribute with its notice; the license's whole text is kept in the table).

Usage: bench/wordnet.py DEB
  DEB: wordnet-base_1%3a3.0-37_all.deb (sha256 61060d96...0752), e.g. from
  `apt-get download wordnet-base` on Debian 12.

Keyed as the engine reads words (lower case; Snowball stems):
- `verbs`, `nouns`: the inflected forms WordNet lists as exceptions (verb.exc, noun.exc: "said"
  -> "say", "children" -> "child") and the plurals of "-man" ("women"), as the stem of their
  base form (forms with Zipf >= 2); not a form that is a word of its own ("wound" is no form of
  "wind" here, nor "stamina" of "stamen"), nor a regular form of another word ("leaves");
- `senses`: for each one-word (or hyphenated) noun and verb WordNet knows and wordfreq has seen
  (Zipf >= 2), the synsets of the first `SENSES` senses of the stem's commonest word, most
  frequent first (WordNet orders a word's senses by their counts in its tagged corpus): two
  words mean the same when they share a synset among the first senses of both ("attorney" and
  "lawyer"; "rape" and "assault", rape's first sense and assault's second);
- `kinds`: the synsets right above (hypernyms of) a noun's first two senses that another word
  names ("robber" is a kind of "thief", "house" of "building");
- `people`: the nouns whose first sense is a kind of person.n.01 ("youth", "co-worker"), as
  the stem's commonest word or its commonest in the plural ("followers", not "followings").
A synset no pair can use (one stem holds it, none is a kind of it) is left out.
Only this file is committed, not the package; the service reads the file, never WordNet.
"""

from __future__ import annotations

import hashlib
import io
import json
import lzma
import sys
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path

import snowballstemmer
from newsflow_stories.engine.synonyms import KINDS, TABLE
from wheels import verified
from wordfreq import zipf_frequency

SHA256 = "61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752"
SENSES = 3  # the first senses kept per word (the engine may read fewer: synonyms.SENSES)
MIN_ZIPF = 2.0
PERSON = "n7846"  # person.n.01
_DIR = "./usr/share/wordnet/"
_NOTICE = (  # the license's own words, which it asks to appear on all copies (Debian's
    # /usr/share/doc/wordnet-base/copyright, "License: WordNet3.0")
    "This software and database is being provided to you, the LICENSEE, by Princeton University "
    "under the following license. By obtaining, using and/or copying this software and database, "
    "you agree that you have read, understood, and will comply with these terms and conditions.: "
    "Permission to use, copy, modify and distribute this software and database and its "
    "documentation for any purpose and without fee or royalty is hereby granted, provided that "
    "you agree to comply with the following copyright notice and statements, including the "
    "disclaimer, and that the same appear on ALL copies of the software, database and "
    "documentation, including modifications that you make for internal use or for distribution. "
    "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. "
    'THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO '
    "REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, "
    "PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-ABILITY OR FITNESS "
    "FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR "
    "DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER "
    "RIGHTS. The name of Princeton University or Princeton may not be used in advertising or "
    "publicity pertaining to distribution of the software and/or database. Title to copyright in "
    "this software, database and any associated documentation shall at all times remain with "
    "Princeton University and LICENSEE agrees to preserve same."
)


def _members(deb: Path) -> dict[str, str]:
    """The WordNet files of the package (an ar archive holding data.tar.xz), by name."""
    raw = deb.read_bytes()
    at = 8  # "!<arch>\n"
    while at < len(raw):
        name = raw[at : at + 16].decode().strip().rstrip("/")
        size = int(raw[at + 48 : at + 58].decode())
        body = raw[at + 60 : at + 60 + size]
        if name == "data.tar.xz":
            with tarfile.open(fileobj=io.BytesIO(lzma.decompress(body))) as tar:
                wanted = [m for m in tar.getmembers() if m.name.startswith(_DIR) and m.isfile()]
                read = {m.name[len(_DIR) :]: tar.extractfile(m) for m in wanted}
                return {name: f.read().decode() for name, f in read.items() if f is not None}
        at += 60 + size + size % 2
    sys.exit(f"{deb}: no data.tar.xz")


def _irregular(files: dict[str, str], stem: Callable[[str], str]) -> dict[str, dict[str, str]]:
    """pos -> irregular form -> the stem of its base, for common forms that are no words of
    their own ("wound", "found", "saw", "left"; "men", "data", "stamina" are) nor a regular
    form of another word of their part of speech (the noun "leaves" is the noun "leave"'s)."""
    by_pos = {pos: {line.split()[0] for line in files[f"index.{pos}"].splitlines()
                    if not line.startswith(" ")} for pos in ("verb", "noun")}  # fmt: skip
    lemmas = by_pos["verb"] | by_pos["noun"]
    out: dict[str, dict[str, str]] = {"verb": {}, "noun": {}}
    for pos, forms in out.items():
        regular = {lemma + end for lemma in by_pos[pos] for end in ("s", "es", "d", "ed")}
        for line in files[f"{pos}.exc"].splitlines():
            form, base = line.split()[:2]
            common = zipf_frequency(form, "en") >= MIN_ZIPF
            if (form.isalpha() and base.isalpha() and stem(form) != stem(base) and common
                    and form not in lemmas and form not in regular):  # fmt: skip
                forms.setdefault(form, stem(base))
    # WordNet's one detachment rule the stemmer lacks: "-men" is the plural of "-man" ("women",
    # "policemen", "gunmen"), unless it is a word of its own ("specimen", "abdomen").
    for lemma in sorted(lemmas):
        plural = lemma[:-3] + "men"
        if (lemma.endswith("man") and lemma.replace("-", "").isalpha() and plural not in lemmas
                and zipf_frequency(plural, "en") >= MIN_ZIPF):  # fmt: skip
            out["noun"].setdefault(plural, stem(lemma))
    return out


def _index(files: dict[str, str], pos: str) -> Iterator[tuple[str, float, list[str]]]:
    """(lemma, its wordfreq Zipf, its synsets' offsets by rank) of each line of index.POS, for
    the one-word (or hyphenated) lemmas of Zipf >= MIN_ZIPF."""
    for line in files[f"index.{pos}"].splitlines():
        if line.startswith(" "):
            continue  # the licence at the top
        parts = line.split()
        lemma, pointers = parts[0], int(parts[3])
        zipf = zipf_frequency(lemma, "en")
        if lemma.replace("-", "").isalpha() and zipf >= MIN_ZIPF:
            yield lemma, zipf, parts[4 + pointers + 2 :]


def _senses(files: dict[str, str], stem: Callable[[str], str]) -> dict[str, dict[str, int]]:
    """stem -> synset ("n" or "v" and its offset) -> its rank among the senses of the stem's
    commonest word ("murder", not "murderer"; "attorney"), as a noun and as a verb."""
    senses: dict[str, dict[str, int]] = {}
    commonest: dict[tuple[str, str], tuple[float, str]] = {}
    for pos, tag in (("noun", "n"), ("verb", "v")):
        for lemma, zipf, offsets in _index(files, pos):
            key = (stem(lemma), tag)
            if key in commonest and commonest[key] >= (zipf, lemma):
                continue
            commonest[key] = (zipf, lemma)
            mine = senses.setdefault(key[0], {})
            for k in [k for k in mine if k[0] == tag]:
                del mine[k]  # a commoner word of the stem replaces it
            for rank, offset in enumerate(offsets[:SENSES]):
                mine[f"{tag}{int(offset)}"] = rank
    return senses


def _pointers(files: dict[str, str], key: str, symbols: tuple[str, ...]) -> list[str]:
    """The noun synsets a noun synset points to with one of `symbols` ("@" hypernym)."""
    data = files["data.noun"]
    at = int(key[1:])
    parts = data[at : data.index("\n", at)].split(" | ")[0].split()
    i = 4 + 2 * int(parts[3], 16)
    found = []
    for k in range(int(parts[i])):
        symbol, offset, pos = parts[i + 1 + 4 * k : i + 4 + 4 * k]
        if symbol in symbols and pos == "n":
            found.append(f"n{int(offset)}")
    return found


def _is_person(files: dict[str, str], key: str, seen: dict[str, bool]) -> bool:
    """Is the noun synset a kind of person (person.n.01, through hypernyms and instances)?"""
    if key not in seen:
        seen[key] = False  # no cycles in WordNet's hypernyms, but be safe
        seen[key] = key == PERSON or any(
            _is_person(files, h, seen) for h in _pointers(files, key, ("@", "@i"))
        )
    return seen[key]


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if len(noun) > 1 and noun[-1] == "y" and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _people(files: dict[str, str], stem: Callable[[str], str],
            senses: dict[str, dict[str, int]]) -> list[str]:  # fmt: skip
    """The stems whose commonest word's first sense is a kind of person ("youth", "co-worker"),
    and those whose commonest word in the plural is: a count names its things in the plural,
    and the engine sees only stems, so "followers" (more common than "followings") counts
    people though the stem "follow"'s commonest word is "following"; "murders" (more common
    than "murderers") does not."""
    seen: dict[str, bool] = {}
    found = {
        s
        for s, m in senses.items()
        if any(k[0] == "n" and r == 0 and _is_person(files, k, seen) for k, r in m.items())
    }
    plural: dict[str, tuple[float, str, bool]] = {}
    for lemma, _, offsets in _index(files, "noun"):
        key, zipf = stem(lemma), zipf_frequency(_plural(lemma), "en")
        if key not in plural or (zipf, lemma) > plural[key][:2]:
            first = f"n{int(offsets[0])}"
            plural[key] = (zipf, lemma, _is_person(files, first, seen))
    return sorted(found | {s for s, (_, _, person) in plural.items() if person})


def main() -> None:
    files = _members(verified(sys.argv[1], SHA256, "wordnet-base 1:3.0-37", "package"))
    stem = snowballstemmer.stemmer("english").stemWord
    irregular = _irregular(files, stem)
    senses = _senses(files, stem)
    first = {s: [k for k, r in m.items() if r < KINDS] for s, m in senses.items()}
    # A noun's kinds: the synsets right above its first senses that another word names
    # ("robber" is a kind of "thief", "house" of "building").
    named = {k for ks in first.values() for k in ks}
    kinds = {s: sorted({h for k in ks if k[0] == "n" for h in _pointers(files, k, ("@",))} & named)
             for s, ks in first.items()}  # fmt: skip
    people = _people(files, stem, senses)
    # A synset only one stem holds and none is a kind of makes no pair: left out; the rest are
    # numbered densely.
    holders: dict[str, int] = {}
    for mine in senses.values():
        for key in mine:
            holders[key] = holders.get(key, 0) + 1
    above = {h for hs in kinds.values() for h in hs}
    number = {k: i for i, k in enumerate(sorted(k for k, n in holders.items()
                                                if n > 1 or k in above))}  # fmt: skip
    table = {s: [[number[k], m[k]] for k in sorted(m, key=lambda k: (m[k], k)) if k in number]
             for s, m in sorted(senses.items())}  # fmt: skip
    TABLE.write_text(json.dumps({
        "source": "WordNet 3.0 (Debian wordnet-base 1:3.0-37, sha256 61060d96...0752); "
                  f"bench/wordnet.py: exception lists, and the first {SENSES} senses of each "
                  f"one-word (or hyphenated) noun and verb with wordfreq Zipf >= {MIN_ZIPF}",
        "notice": _NOTICE,
        "verbs": dict(sorted(irregular["verb"].items())),
        "nouns": dict(sorted(irregular["noun"].items())),
        "senses": {s: v for s, v in table.items() if v},
        "kinds": {s: [number[h] for h in hs] for s, hs in sorted(kinds.items()) if hs},
        "people": people,
    }, separators=(",", ":")) + "\n")  # fmt: skip
    digest = hashlib.sha256(TABLE.read_bytes()).hexdigest()[:12]
    print(
        f"{TABLE}: {len(irregular['verb'])} + {len(irregular['noun'])} irregular forms, "
        f"{len(table)} stems, {len(number)} synsets, {len(people)} people, sha256 {digest}"
    )


if __name__ == "__main__":
    main()
