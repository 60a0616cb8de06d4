"""Write the entity typer's word clusters (newsflow_enrich/data/word_clusters.json) from spaCy's
English lexeme clusters, as PyPI's spacy-lookups-data 1.0.5 ships them (MIT, Explosion).

Usage: bench/word_clusters.py WHEEL
  WHEEL: spacy_lookups_data-1.0.5-py2.py3-none-any.whl (sha256 466f21f0...8bc6), e.g. from
  `pip download spacy-lookups-data==1.0.5 --no-deps`.

The table (`en_lexeme_cluster`) gives a million words a Brown cluster, an integer whose bits from
the lowest up are the word's path in the cluster tree: words of one kind share their low bits
("London", "Tokyo" 1010100110; "Microsoft", "Intel" 1100100110; "John", "Kurt" 111110110).
Kept: the words that start with a capital letter, have a cluster (108k of the million) and no
space, the ones a name's first or last word can be (entity_types.features looks a word up as
printed, then capitalised). Only this file is committed, not the package (98 MB, every
language's lookups); the service reads the file, never the package.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import defaultdict

from newsflow_enrich.stages.entity_types import CLUSTERS
from wheels import pinned

SHA256 = "466f21f087e4144bc93800679437ec5a17be7d0888734b1ba880b3ecb0978bc6"
MEMBER = "spacy_lookups_data/data/en_lexeme_cluster.json.gz"


def main() -> None:
    with pinned(sys.argv[1], SHA256, "spacy-lookups-data 1.0.5") as z:
        table: dict[str, int] = json.loads(gzip.decompress(z.read(MEMBER)))
    by_cluster: dict[int, list[str]] = defaultdict(list)
    for word, cluster in sorted(table.items()):
        if cluster and word[:1].isupper() and " " not in word:
            by_cluster[cluster].append(word)
    CLUSTERS.write_text(json.dumps({
        "source": "spacy-lookups-data 1.0.5 (PyPI, MIT, Explosion): en_lexeme_cluster, the words "
                  "starting with a capital letter; bench/word_clusters.py",
        "clusters": {str(c): " ".join(ws) for c, ws in sorted(by_cluster.items())},
    }, ensure_ascii=False, indent=0) + "\n", "utf-8")  # fmt: skip
    print(
        f"wrote {CLUSTERS}: {sum(map(len, by_cluster.values()))} words, {len(by_cluster)} clusters"
    )


if __name__ == "__main__":
    main()
