"""Learned NER weights put into the spaCy pipeline (written by `bench/train`).

A directory holds `ner/` (the NER component of en_core_web_sm 3.8 updated on CoNLL-2003 with
rehearsal) and `meta.json` (name, version, base pipeline, data hashes, seed, scores). It replaces
the weights of the base pipeline's own `ner` (same architecture and labels), so the tagger and
parser stay those of the base model. A bundled model would be a directory in this package, named
by its directory name; none is shipped yet (measured, not a gain: bench/README.md).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from spacy.language import Language

from newsflow_enrich.errors import ModelMismatch


def ner_path(spec: str) -> Path:
    """A bundled component's name ('ner-news') or a directory holding meta.json and ner/."""
    bundled = Path(str(resources.files(__name__).joinpath(spec)))
    return bundled if "/" not in spec and bundled.is_dir() else Path(spec)


def load_ner(nlp: Language, spec: str, base: str) -> str:
    """Put the NER weights of `spec` into `nlp` (the pipeline `base`, 'name@version') and return
    'name@version' of what was loaded."""
    path = ner_path(spec)
    try:
        meta = json.loads((path / "meta.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelMismatch(f"NER model {spec!r}: no readable meta.json in {path}: {exc}") from None
    if meta.get("base") != base:
        raise ModelMismatch(f"NER model {spec!r} was trained on {meta.get('base')!r}, "
                            f"not on the pipeline in use ({base!r})")  # fmt: skip
    nlp.get_pipe("ner").from_disk(path / "ner", exclude=["vocab"])
    return f"{meta['name']}@{meta['version']}"
