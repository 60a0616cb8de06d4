"""The one enrichment code path: the service's agent and `newsflow enrich` both call this."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata as importlib_metadata
from pathlib import Path

import spacy
from newsflow_contracts.events import ArticleEnriched, ArticleReceived, Pipeline
from spacy.language import Language

from newsflow_enrich.config import DEFAULT_MODEL, DEFAULT_NER, DEFAULT_NER_VOTE
from newsflow_enrich.errors import EnrichFailed, ExtractionSkipped, NewsflowError
from newsflow_enrich.lemmatizer import use_memo_lemmatizer
from newsflow_enrich.models import add_vote, load_ner, load_pipeline
from newsflow_enrich.ruler import use_indexed_ruler
from newsflow_enrich.stages import (
    doc_text,
    entities,
    entity_types,
    figure_filter,
    figure_rerank,
    figures,
    metadata,
    text,
)

log = logging.getLogger(__name__)
VERSION = importlib_metadata.version("newsflow-enrich")


@dataclass
class Prepared:
    raw: ArticleReceived
    cleaned: text.Cleaned
    meta: metadata.Metadata


class Enricher:
    def __init__(self, model: str = DEFAULT_MODEL, max_chars: int = 2_000_000,
                 ner: str = DEFAULT_NER, indexed_ruler: bool = True,
                 figure_model: Path | None = figure_rerank.DEFAULT,
                 entity_model: Path | None = entity_types.DEFAULT,
                 figure_filter_model: Path | None = figure_filter.DEFAULT,
                 ner_vote: str = DEFAULT_NER_VOTE) -> None:  # fmt: skip
        """`ner`: the learned NER weights put into `model` (a bundled name or a directory; see
        newsflow_enrich.models), or "" for the model's own. `figure_model`: the figures'
        object/event chooser (bench/train_figures), or None for the rules alone.
        `entity_model`: the entity typer (bench/train_entities), or None for the rules alone.
        `figure_filter_model`: the learned figure filter (bench/train_figure_filter), or None.
        `ner_vote`: a learned NER run beside the model's own, read by the typer (a bundled name
        or a directory), or "" for none."""
        self.model = model
        self.max_chars = max_chars
        self.nlp: Language = load_pipeline(model)
        if indexed_ruler:  # same attributes and lemmas, at a fraction of spaCy's cost
            use_indexed_ruler(self.nlp)
            use_memo_lemmatizer(self.nlp)
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)
        name = f"{model}@{self.nlp.meta.get('version')}"
        base = name
        if ner:
            name += "+" + load_ner(self.nlp, ner, base=base)
        if ner_vote:
            name += "+" + add_vote(self.nlp, ner_vote, base=base, model=model)
        # A second NER reads only the windows the typer asks for (models.NerVote.near); the
        # pipeline itself still votes on every window (as bench/train_entities reads it).
        self.near, self._cfg = None, {}
        if self.nlp.has_pipe("newsflow_ner_vote"):
            self.near = self.nlp.get_pipe("newsflow_ner_vote").near
            self._cfg = {"newsflow_ner_vote": {"lazy": True}}
        self.reranker = figure_rerank.Reranker.load(figure_model) if figure_model else None
        if self.reranker is not None:
            name += "+" + self.reranker.version
        self.keeper = figure_filter.Filter.load(figure_filter_model) if figure_filter_model \
            else None  # fmt: skip
        if self.keeper is not None:
            name += "+" + self.keeper.version
        self.typer = entity_types.Typer.load(entity_model) if entity_model else None
        if self.typer is not None:
            name += "+" + self.typer.version
        self.pipeline = Pipeline(version=VERSION, model=name)

    def prepare(self, raw: ArticleReceived) -> Prepared:
        size = len(raw.text or raw.html or "")
        if size > 2 * self.max_chars:  # refuse before spending seconds on cleaning it
            raise ExtractionSkipped(
                f"input is {size} characters; the limit is {2 * self.max_chars}"
            )
        cleaned = text.clean(raw, self.max_chars)
        meta = metadata.extract(
            cleaned, title=raw.title, byline=raw.byline, published_at=raw.published_at
        )
        if meta.language != "en":
            raise ExtractionSkipped(f"language {meta.language!r} is not supported (English only)")
        return Prepared(raw, cleaned, meta)

    def enrich_many(self, raws: Iterable[ArticleReceived]) -> list[ArticleEnriched | NewsflowError]:
        """Enrich a batch (one nlp.pipe call). A bad article yields its error, not an exception."""
        prepared: list[Prepared | NewsflowError] = []
        for raw in raws:
            try:
                prepared.append(self.prepare(raw))
            except NewsflowError as exc:
                prepared.append(exc)
            except Exception as exc:
                log.exception("extraction failed", extra={"article_id": raw.id})
                prepared.append(EnrichFailed(f"extraction failed: {exc!r}"[:500]))
        texts = [_nlp_text(p.cleaned) for p in prepared if isinstance(p, Prepared)]
        docs = (
            doc_text.remember(doc, t)
            for doc, t in zip(self.nlp.pipe(texts, component_cfg=self._cfg), texts, strict=True)
        )
        return [p if isinstance(p, NewsflowError) else self._event_or_error(p, next(docs))
                for p in prepared]  # fmt: skip

    def _event_or_error(
        self, p: Prepared, doc: spacy.tokens.Doc
    ) -> ArticleEnriched | NewsflowError:
        try:
            return self._event(p, doc)
        except Exception as exc:
            log.exception("enrichment failed", extra={"article_id": p.raw.id})
            return EnrichFailed(f"enrichment failed: {exc!r}"[:500])

    def enrich(self, raw: ArticleReceived) -> ArticleEnriched:
        [result] = self.enrich_many([raw])
        if isinstance(result, NewsflowError):
            raise result
        return result

    def _event(self, p: Prepared, doc: spacy.tokens.Doc) -> ArticleEnriched:
        m, raw = p.meta, p.raw
        return ArticleEnriched(
            id=raw.id, url=raw.url, source=raw.source, title=m.title, byline=m.byline,
            agencies=m.agencies, published_at=m.published_at, dateline=m.dateline,
            language=m.language, body=p.cleaned.body, captions=p.cleaned.captions,
            entities=entities.extract(doc, len(p.cleaned.body), dateline=m.dateline,
                                      agencies=m.agencies, typer=self.typer, near=self.near),
            figures=figures.extract(doc, len(p.cleaned.body), self.reranker, self.keeper),
            pipeline=self.pipeline,
        )  # fmt: skip


def _nlp_text(cleaned: text.Cleaned) -> str:
    """Body, then captions: one parse finds names in both; spans and figures stay in the body."""
    return text.for_nlp("\n\n".join([cleaned.body, *cleaned.captions]))
