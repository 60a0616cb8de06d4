"""The one enrichment code path: the service's agent and `newsflow enrich` both call this."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata as importlib_metadata
from pathlib import Path

from newsflow_contracts.events import ArticleEnriched, ArticleReceived, Pipeline
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsflow_enrich.config import DEFAULT_MODEL, DEFAULT_NER, DEFAULT_NER_VOTE
from newsflow_enrich.errors import EnrichFailed, ExtractionSkipped, NewsflowError
from newsflow_enrich.lemmatizer import use_memo_lemmatizer
from newsflow_enrich.models import add_vote, load_ner, load_pipeline
from newsflow_enrich.ruler import use_indexed_ruler
from newsflow_enrich.stages import (
    caption_filter,
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


@dataclass
class Parsed:
    prepared: Prepared
    doc: Doc
    entities: entities.Begun
    votes: list[Span] | None = None  # the second model's, read on entities.open.tokens


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
            name += "+" + load_ner(self.nlp, ner, base=base, model=model)
        if ner_vote:
            name += "+" + add_vote(self.nlp, ner_vote, base=base, model=model)
        # A second NER reads only the windows the typer asks for (models.NerVote.near); the
        # pipeline itself still votes on every window (as bench/train_entities reads it).
        # The reads of a batch's articles go to it at once (near_many); `near` reads one's.
        self.near, self.near_many, self._cfg = None, None, {}
        if self.nlp.has_pipe("newsflow_ner_vote"):
            vote = self.nlp.get_pipe("newsflow_ner_vote")
            self.near, self.near_many = vote.near, vote.near_many
            self._cfg = {"newsflow_ner_vote": {"lazy": True}}
        self.reranker = figure_rerank.Reranker.load(figure_model) if figure_model else None
        if self.reranker is not None:
            name += "+" + self.reranker.version
        self.keeper = figure_filter.Filter.load(figure_filter_model) if figure_filter_model \
            else None  # fmt: skip
        if self.keeper is not None:
            name += "+" + self.keeper.version
        captions = caption_filter.default()  # (read by text.clean, in every article's prepare)
        if captions is not None:
            name += "+" + captions.version
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
        parsed = [p if isinstance(p, NewsflowError) else self._begin(p, next(docs))
                  for p in prepared]  # fmt: skip
        self._read_votes([x for x in parsed if isinstance(x, Parsed)])
        return [x if isinstance(x, NewsflowError) else self._finish_or_error(x) for x in parsed]

    def _begin(self, p: Prepared, doc: Doc) -> Parsed | NewsflowError:
        """The article's entities up to the second model's lazy votes (entities.begin)."""
        try:
            return Parsed(p, doc, entities.begin(doc, len(p.cleaned.body), p.meta.dateline,
                                                 p.meta.agencies, self.typer,
                                                 lazy=self.near is not None))  # fmt: skip
        except Exception as exc:
            log.exception("enrichment failed", extra={"article_id": p.raw.id})
            return EnrichFailed(f"enrichment failed: {exc!r}"[:500])

    def _read_votes(self, parsed: list[Parsed]) -> None:
        """The lazy votes of all the batch's articles, read at once; if that fails, each
        article reads its own in `_event` (so a failure is that article's)."""
        asks = [(x, x.entities.open.tokens) for x in parsed if x.entities.open is not None]
        if not asks or self.near_many is None:
            return
        try:
            read = self.near_many([(x.doc, tokens) for x, tokens in asks])
        except Exception:
            log.exception("reading the second model's votes of a batch failed")
            return
        for (x, _), votes in zip(asks, read, strict=True):
            x.votes = votes

    def _event_or_error(self, p: Prepared, doc: Doc) -> ArticleEnriched | NewsflowError:
        """One article's event from its parse (bench/parsed reads parses kept on disk)."""
        x = self._begin(p, doc)
        return x if isinstance(x, NewsflowError) else self._finish_or_error(x)

    def _finish_or_error(self, x: Parsed) -> ArticleEnriched | NewsflowError:
        try:
            return self._event(x)
        except Exception as exc:
            log.exception("enrichment failed", extra={"article_id": x.prepared.raw.id})
            return EnrichFailed(f"enrichment failed: {exc!r}"[:500])

    def enrich(self, raw: ArticleReceived) -> ArticleEnriched:
        [result] = self.enrich_many([raw])
        if isinstance(result, NewsflowError):
            raise result
        return result

    def _event(self, x: Parsed) -> ArticleEnriched:
        p, doc, begun = x.prepared, x.doc, x.entities
        if begun.open is not None and x.votes is None and self.near is not None:
            x.votes = self.near(doc, begun.open.tokens)
        m, raw = p.meta, p.raw
        return ArticleEnriched(
            id=raw.id, url=raw.url, source=raw.source, title=m.title, byline=m.byline,
            agencies=m.agencies, published_at=m.published_at, dateline=m.dateline,
            language=m.language, body=p.cleaned.body, captions=p.cleaned.captions,
            entities=entities.end(begun, x.votes or ()),
            figures=figures.extract(doc, len(p.cleaned.body), self.reranker, self.keeper),
            pipeline=self.pipeline,
        )  # fmt: skip


def _nlp_text(cleaned: text.Cleaned) -> str:
    """Body, then captions: one parse finds names in both; spans and figures stay in the body."""
    return text.for_nlp("\n\n".join([cleaned.body, *cleaned.captions]))
