"""The language test that spares py3langid (newsflow_enrich.stages.language), against py3langid.

`python -m bench.perf.language [--articles N]`: on the English texts of bench.perf.identical's
corpus (bench/data, the real dev pages, the demo articles, N bench articles), how often the test
answers and whether py3langid said "en" wherever it did; then the same on the example sentences
spaCy ships for other languages, alone and mixed with English bodies (5-90% of the characters,
English first and last). A disagreement is a text the test calls English and py3langid not.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

import py3langid

from bench.perf import identical


def _lid(text: str) -> str:
    from newsflow_enrich.stages.language import LIMIT

    return str(py3langid.classify(text[:LIMIT])[0])


def _other_languages() -> list[str]:
    root = Path(importlib.import_module("spacy.lang").__path__[0])
    out = []
    for d in sorted(root.iterdir()):
        if d.name == "en":
            continue
        try:
            out.append(" ".join(importlib.import_module(f"spacy.lang.{d.name}.examples").sentences))
        except (ImportError, AttributeError):
            continue
    return out


def main() -> None:
    from newsflow_enrich.errors import NewsflowError
    from newsflow_enrich.stages import text
    from newsflow_enrich.stages.language import LIMIT, plainly_english

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="bench corpus articles")
    args = ap.parse_args()
    groups: dict[str, list[str]] = {}
    for name, article in identical.corpus(args.articles):
        try:
            body = text.clean(article, 2_000_000).body
        except NewsflowError:  # a page the pipeline skips has no language to test
            continue
        groups.setdefault(name.split("/")[0].split("#")[0], []).append(body)
    for group, bodies in groups.items():
        said = [plainly_english(b[:LIMIT]) for b in bodies]
        wrong = sum(s and _lid(b) != "en" for s, b in zip(said, bodies, strict=True))
        print(f"{group}: {len(bodies)} texts, the test answers for {sum(said)} "
              f"({sum(said) / len(bodies):.1%}), py3langid not 'en' on {wrong} of them")  # fmt: skip
    others = _other_languages()
    english = groups["corpus"][:40:8] + groups["pages"][:5]
    texts = list(others)
    for foreign in others:
        for body in english:
            for frac in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
                k = int(len(foreign) * frac / (1 - frac))
                texts += [body[:k] + "\n\n" + foreign, foreign + "\n\n" + body[:k]]
    said = [plainly_english(t[:LIMIT]) for t in texts]
    wrong = sum(s and _lid(t) != "en" for s, t in zip(said, texts, strict=True))
    print(f"{len(others)} other languages, {len(texts)} texts and mixes: the test answers for "
          f"{sum(said)}, py3langid not 'en' on {wrong} of them")  # fmt: skip


if __name__ == "__main__":
    main()
