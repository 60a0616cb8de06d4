"""Near-duplicate detection at index time: wire copies of one story from several outlets.

MinHash over word 5-shingles of the body (datasketch), banded for lookup: 16 bands of 4 hash
values each. Two bodies with Jaccard similarity 0.7 share at least one band with probability
~0.98; candidates that do are confirmed on the full signature. Every article gets a
`dup_group`: the id of the first-indexed member of its group.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS, ROWS = 16, 4
SHINGLE = 5
THRESHOLD = 0.7
_WORD = re.compile(r"\w+")


def signature(body: str) -> list[int]:
    words = _WORD.findall(body.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([s.encode() for s in shingles])
    return [int(v) for v in m.hashvalues]


def band_keys(sig: list[int]) -> list[str]:
    return [f"{b}:" + hashlib.blake2b(np.asarray(sig[b * ROWS:(b + 1) * ROWS], dtype=np.uint64)
                                       .tobytes(), digest_size=8).hexdigest()
            for b in range(BANDS)]  # fmt: skip


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))
