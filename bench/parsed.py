"""Parses kept between bench/quality runs (`bench/quality --parsed DIR`), so that a rule of the
stages after the parse (entities, figures) is judged in seconds rather than minutes.

spaCy's parse is most of an article's enrichment. With a DIR each article's parse is kept there
(a spaCy DocBin, one file per article, named by a hash of the parsing pipeline's name and the
text parsed) and read back on later runs; text cleaning, metadata and every stage after the parse
still run. A file is read only for the same text and the same parser (the model and its NERs, as
Pipeline.model names them; a retrained typer or figure model reads the same parses), so a change
before the parse costs only the articles whose text it changed. Events are those of `Enricher.enrich_many`: on real dev half b
(204 pages, main 9777a11) every row and every miss of bench/quality was identical. DIR is not
cleaned up: delete it when done. Files are written whole (a rename), so helpers can share one DIR.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def parser_name(enricher: Any) -> str:
    """The pipeline's name without the versions of the learned parts that read the parse (the
    figure reranker and filter, the entity typer): a retrained typer reads the same parses."""
    name: str = enricher.pipeline.model
    for part in (enricher.reranker, enricher.keeper, enricher.typer):
        if part is not None:
            name = name.replace("+" + part.version, "")
    return name


def path_of(cache: Path, parser: str, text: str) -> Path:
    """The file of `text`'s parse by `parser` (see `parser_name`) in `cache`."""
    return cache / (hashlib.sha1(f"{parser}\n{text}".encode()).hexdigest() + ".spacy")


def read(path: Path, vocab: Any) -> Any:
    """The one doc a parse file holds."""
    from spacy.tokens import DocBin

    [doc] = DocBin().from_bytes(path.read_bytes()).get_docs(vocab)
    return doc


def enrich_many(enricher: Any, raws: Iterable[Any], cache: Path) -> list[Any]:
    """`enricher.enrich_many(raws)`, with each parse read from `cache` when it is there."""
    from newsflow_enrich.errors import EnrichFailed, NewsflowError
    from newsflow_enrich.pipeline import _nlp_text
    from newsflow_enrich.stages import doc_text
    from spacy.tokens import DocBin

    cache.mkdir(parents=True, exist_ok=True)
    prepared: list[Any] = []
    for raw in raws:
        try:
            prepared.append(enricher.prepare(raw))
        except NewsflowError as exc:
            prepared.append(exc)
        except Exception as exc:  # as enrich_many: one bad article is its error
            logging.getLogger(__name__).exception("extraction failed")
            prepared.append(EnrichFailed(f"extraction failed: {exc!r}"[:500]))
    texts = {i: _nlp_text(p.cleaned) for i, p in enumerate(prepared)
             if not isinstance(p, NewsflowError)}  # fmt: skip
    parser = parser_name(enricher)
    paths = {i: path_of(cache, parser, t) for i, t in texts.items()}
    new = [i for i in texts if not paths[i].exists()]
    for i, doc in zip(new, enricher.nlp.pipe([texts[i] for i in new]) if new else (), strict=True):
        db = DocBin(store_user_data=False)
        db.add(doc)
        tmp = paths[i].with_suffix(f".{os.getpid()}.tmp")  # shared caches: readers never see half
        tmp.write_bytes(db.to_bytes())
        os.replace(tmp, paths[i])
    out = []
    for i, p in enumerate(prepared):
        if isinstance(p, NewsflowError):
            out.append(p)
            continue
        doc = read(paths[i], enricher.nlp.vocab)
        out.append(enricher._event_or_error(p, doc_text.remember(doc, texts[i])))
    return out


class TrainCache:
    """The trainers' parses (bench/train_figures, train_figure_filter, train_entities), kept in
    bench/out between runs (keyed by the text and by the parsing pipeline's name, `parser_name`:
    the model, a learned NER put into it and the vote, whose entities the parses hold), so that a
    second run spends seconds, not minutes, on the parser; `shared`: bench/quality's --parsed DIR,
    read for parses not kept here."""

    def __init__(self, enricher: Any, shared: Path | None = None) -> None:
        from spacy.tokens import DocBin

        self.nlp, self.docbin = enricher.nlp, DocBin
        self.parser, self.shared = parser_name(enricher), shared
        name = self.parser.replace(":", "-")
        self.path = Path(__file__).resolve().parent / "out" / f"figure_train.{name}.spacy"
        self.docs: dict[str, Any] = {}
        if self.path.exists():
            for doc in DocBin().from_bytes(self.path.read_bytes()).get_docs(self.nlp.vocab):
                self.docs[_key(doc.text)] = doc
        self.dirty = False

    def parse(self, text: str) -> Any:
        if _key(text) not in self.docs:
            self.docs[_key(text)] = self._shared(text) or self.nlp(text)
            self.dirty = True
        return self.docs[_key(text)]

    def _shared(self, text: str) -> Any:
        """The parse from bench/quality's --parsed DIR (parsed.py names its files), if there."""
        if self.shared is None:
            return None
        path = path_of(self.shared, self.parser, text)
        return read(path, self.nlp.vocab) if path.exists() else None

    def save(self) -> None:
        if self.dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(self.docbin(docs=self.docs.values()).to_bytes())


def _key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
