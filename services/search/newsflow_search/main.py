"""The search service: GET /search, GET /articles/{id}, GET /stories, the web page; runs the
article and story indexers too, unless they run apart (worker.py)."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from typing import Annotated, Any, Literal

from elasticsearch import ApiError, AsyncElasticsearch, NotFoundError, TransportError
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from newsflow_contracts.settings import get_stack_settings, url_list
from prometheus_client import CONTENT_TYPE_LATEST, Histogram, generate_latest
from pydantic import BaseModel, ConfigDict, Field, model_validator

from newsflow_search import query, story_api
from newsflow_search.config import SearchSettings, get_settings
from newsflow_search.indexer import Indexer
from newsflow_search.problems import problem
from newsflow_search.stories import StoryIndexer
from newsflow_search.subscriptions import Subscriptions

log = logging.getLogger(__name__)
SEARCH_SECONDS = Histogram("newsflow_search_query_seconds", "Search request time")


class TrackIn(BaseModel):
    """Alert when a story's figure track goes above a value: {"event": "killed", "above": 1000}."""

    model_config = ConfigDict(extra="forbid")

    event: str = Field(min_length=1, max_length=200)
    object: str | None = Field(None, max_length=200)
    above: float


class SubscriptionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field("", max_length=1000, description="Same syntax as /search?q=")
    entity: str | None = Field(None, max_length=200)
    name: str | None = Field(None, max_length=200)
    kind: Literal["article", "story"] = Field(
        "article", description="Match newly indexed articles, or stories (new, or updated)"
    )
    track: TrackIn | None = Field(None, description="Only a story track above a value (implies "
                                  "kind story)")  # fmt: skip

    @model_validator(mode="after")
    def _not_everything(self) -> "SubscriptionIn":
        if not self.query.strip() and not self.entity:
            raise ValueError("a subscription needs a query or an entity")
        if self.track is not None:
            self.kind = "story"
        return self


def _subs(request: Request) -> Subscriptions:
    return request.app.state.subscriptions  # type: ignore[no-any-return]


KINDS = ("articles", "stories")


def consumers(es: AsyncElasticsearch, bootstrap: str, settings: SearchSettings,
              kinds: Iterable[str] = KINDS) -> list[Indexer | StoryIndexer]:  # fmt: skip
    """The consumers of the service, each its own group: `articles` (articles.enriched) and
    `stories` (the topic `stories`), or those of `kinds`."""
    kinds = set(kinds)
    out: list[Indexer | StoryIndexer] = []
    if "articles" in kinds:
        out.append(Indexer(es, bootstrap, settings.index_alias, settings.group_id,
                           settings.bulk_max_records, settings.stories_alias))  # fmt: skip
    if "stories" in kinds:
        out.append(StoryIndexer(es, bootstrap, settings.stories_alias, settings.index_alias,
                                settings.stories_group_id, settings.bulk_max_records,
                                topic=settings.stories_topic))  # fmt: skip
    return out


@asynccontextmanager
async def indexing(app: FastAPI, es_url: str, bootstrap: str, settings: SearchSettings,
                   kinds: Iterable[str]) -> AsyncIterator[AsyncElasticsearch]:  # fmt: skip
    """The life of a process that indexes: its Elasticsearch client and the consumers of
    `kinds` (on `app.state`, for /healthz), each a task cancelled and awaited at its end."""
    es = AsyncElasticsearch(url_list(es_url), request_timeout=10)
    app.state.es = es
    app.state.consumers = consumers(es, bootstrap, settings, kinds)
    tasks = [asyncio.create_task(c.run(), name=c.name) for c in app.state.consumers]
    try:
        yield es
    finally:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await es.close()


def in_process(settings: SearchSettings) -> list[str]:
    """The consumers the API process runs itself."""
    stories = settings.run_indexer if settings.run_story_indexer is None \
        else settings.run_story_indexer  # fmt: skip
    return [k for k, on in zip(KINDS, (settings.run_indexer, stories), strict=True) if on]


async def health(es: AsyncElasticsearch, es_url: str, running: list[Any]) -> JSONResponse:
    """/healthz of a process of the service: 200 when Elasticsearch answers and every consumer
    it runs is consuming, else 503 with the reasons."""
    reasons = []
    try:
        await es.cluster.health(timeout="2s")
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        reasons.append(f"Elasticsearch unreachable at {es_url}: {type(exc).__name__}")
    for consumer in running:
        if not consumer.running:
            reasons.append(f"the {consumer.name} is not consuming (Kafka unreachable?)")
        if consumer.last_error:
            reasons.append(consumer.last_error)
    if reasons:
        return JSONResponse({"status": "unavailable", "reason": "; ".join(reasons)}, 503)
    return JSONResponse({"status": "ok"})


def create_app(settings: SearchSettings | None = None, es_url: str | None = None,
               bootstrap: str | None = None) -> FastAPI:  # fmt: skip
    settings = settings or get_settings()
    stack = get_stack_settings()
    es_url = es_url or stack.es_url
    bootstrap = bootstrap or stack.kafka_bootstrap

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with indexing(app, es_url, bootstrap, settings, in_process(settings)) as es:
            app.state.subscriptions = Subscriptions(es, settings.index_alias,
                                                    settings.stories_alias)  # fmt: skip
            yield

    app = FastAPI(title="newsflow search", version="1", lifespan=lifespan)

    async def authorized(x_api_key: Annotated[str | None, Header()] = None) -> None:
        if settings.api_key and x_api_key != settings.api_key:
            raise HTTPException(401, "a valid X-API-Key header is required")

    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET"])  # fmt: skip

    @app.exception_handler(query.BadQuery)
    async def bad_query(request: Request, exc: query.BadQuery) -> JSONResponse:
        return problem(400, str(exc), exc.field)

    @app.get("/search")
    async def search(
        request: Request,
        q: Annotated[
            str | None,
            Query(max_length=1000, description='Full text: AND/OR/NOT, "phrases", -exclusion'),
        ] = None,
        entity: Annotated[
            list[str] | None, Query(max_length=200, description="Canonical name or alias")
        ] = None,
        type: Annotated[str | None, Query(max_length=20, description="Entity type")] = None,
        agency: Annotated[str | None, Query(max_length=100)] = None,
        source: Annotated[str | None, Query(max_length=200)] = None,
        dateline: Annotated[str | None, Query(max_length=100)] = None,
        language: Annotated[str | None, Query(max_length=10)] = None,
        since: date | None = None,
        until: date | None = None,
        fig_object: Annotated[str | None, Query(max_length=200)] = None,
        fig_event: Annotated[str | None, Query(max_length=200)] = None,
        fig_min: float | None = None,
        fig_max: float | None = None,
        story: Annotated[str | None, Query(max_length=200, description="A story's id")] = None,
        sort: Annotated[str, Query(pattern="^(relevance|date)$")] = "relevance",
        size: Annotated[int, Query(ge=0, le=100)] = 10,
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
        group: Annotated[
            bool, Query(description="One hit per group of near-duplicate copies")
        ] = True,
    ) -> Any:
        params = query.SearchParams(
            q=q, entity=entity, type=type, agency=agency, source=source, dateline=dateline,
            language=language, since=since.isoformat() if since else None,
            until=until.isoformat() if until else None, fig_object=fig_object,
            fig_event=fig_event, fig_min=fig_min, fig_max=fig_max, story=story, sort=sort,
            size=size, cursor=cursor, group=group,
        )  # fmt: skip
        body = query.build(params)
        with SEARCH_SECONDS.time():
            try:
                resp = await request.app.state.es.search(index=settings.index_alias, **body)
            except NotFoundError:
                return query.shape({"hits": {"total": {"value": 0}, "hits": []}}, size)
            except ApiError as exc:
                if exc.meta.status == 400:
                    return problem(400, f"q: the query could not be parsed: {exc.message}", "q")
                raise
            except TransportError as exc:
                return problem(503, f"search engine unavailable: {exc}")
        result = query.shape(resp.body, size)
        groups = sorted({h["dup_group"] for h in result["hits"] if h["dup_group"]})
        counts: dict[str, int] = {}
        if groups:
            agg = await request.app.state.es.search(index=settings.index_alias,
                                                    **query.copies_query(groups))  # fmt: skip
            counts = {b["key"]: b["doc_count"] for b in agg["aggregations"]["groups"]["buckets"]}
        for h in result["hits"]:
            h["copies"] = max(0, counts.get(h["dup_group"], 1) - 1)
        return result

    @app.get("/articles/{article_id}/similar")
    async def similar(request: Request, article_id: str,
                      size: Annotated[int, Query(ge=1, le=50)] = 5) -> Any:  # fmt: skip
        """More like this article: other stories with the most words in common."""
        es = request.app.state.es
        if not await es.exists(index=settings.index_alias, id=article_id):
            return problem(404, f"article not found: {article_id}", "id")
        index = (await es.get(index=settings.index_alias, id=article_id, source=False))["_index"]
        resp = await es.search(index=settings.index_alias,
                               **query.similar_query(article_id, index, size))  # fmt: skip
        return {"hits": [{"id": h["_id"], "score": h["_score"], **h["_source"]}
                         for h in resp["hits"]["hits"]]}  # fmt: skip

    @app.get("/articles/{article_id}/copies")
    async def copies(request: Request, article_id: str) -> Any:
        """The near-duplicate wire copies of this article (same story, other outlets)."""
        es = request.app.state.es
        try:
            doc = await es.get(index=settings.index_alias, id=article_id, source=["dup_group"])
        except NotFoundError:
            return problem(404, f"article not found: {article_id}", "id")
        group = doc["_source"].get("dup_group") or article_id
        resp = await es.search(index=settings.index_alias, query={"term": {"dup_group": group}},
                               source=["id", "title", "source", "published_at", "url"], size=100,
                               sort=[{"indexed_at": "asc"}])  # fmt: skip
        return {"group": group, "articles": [h["_source"] | {"id": h["_id"]}
                                             for h in resp["hits"]["hits"]]}  # fmt: skip

    @app.get("/articles/{article_id}")
    async def get_article(request: Request, article_id: str) -> Any:
        try:
            doc = await request.app.state.es.get(index=settings.index_alias, id=article_id)
        except NotFoundError:
            return problem(404, f"article not found: {article_id}", "id")
        source = dict(doc["_source"])
        for internal in ("entity_keys", "indexed_at", "dup_bands", "minhash", "is_copy",
                         "dup_group"):  # fmt: skip
            source.pop(internal, None)
        return source

    @app.post("/subscriptions", status_code=201, dependencies=[Depends(authorized)])
    async def create_subscription(request: Request, sub: SubscriptionIn) -> Any:
        """Store a standing query; every newly indexed match goes to `alerts` and its matches."""
        try:
            sub_id = await _subs(request).create(
                sub.query, sub.entity, sub.name, sub.kind,
                sub.track.model_dump() if sub.track else None)  # fmt: skip
        except query.BadQuery as exc:
            return problem(422, str(exc), exc.field)
        return {"id": sub_id}

    @app.get("/subscriptions/{sub_id}/matches")
    async def subscription_matches(request: Request, sub_id: str,
                                   size: Annotated[int, Query(ge=1, le=1000)] = 100) -> Any:  # fmt: skip
        subs = _subs(request)
        if not await subs.exists(sub_id):
            return problem(404, f"subscription not found: {sub_id}", "id")
        return {"matches": await subs.matches(sub_id, size)}

    @app.delete("/subscriptions/{sub_id}", status_code=204, dependencies=[Depends(authorized)])
    async def delete_subscription(request: Request, sub_id: str) -> Response:
        if not await _subs(request).delete(sub_id):
            return problem(404, f"subscription not found: {sub_id}", "id")
        return Response(status_code=204)

    @app.get("/healthz")
    async def healthz(request: Request) -> Response:
        return await health(request.app.state.es, es_url, request.app.state.consumers)

    @app.get("/metrics")
    async def metrics() -> Response:
        return PlainTextResponse(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    app.include_router(story_api.router(settings))
    static = resources.files("newsflow_search").joinpath("static")
    page = static.joinpath("index.html").read_text("utf-8")
    # The charting library the page loads (static/vendor/README.md says where it comes from).
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(page)

    return app
