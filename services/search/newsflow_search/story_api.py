"""GET /stories and GET /stories/{id}: stories as the story indexer keeps them (stories.py)."""

from datetime import date
from typing import Annotated, Any

from elasticsearch import ApiError, NotFoundError, TransportError
from fastapi import APIRouter, Query, Request
from prometheus_client import Histogram

from newsflow_search import story_query
from newsflow_search.config import SearchSettings
from newsflow_search.problems import problem

STORIES_SECONDS = Histogram("newsflow_search_stories_query_seconds", "Story search request time")
EMPTY = {"hits": {"total": {"value": 0}, "hits": []}}


def router(settings: SearchSettings) -> APIRouter:
    api = APIRouter()

    @api.get("/stories")
    async def stories(
        request: Request,
        q: Annotated[
            str | None,
            Query(
                max_length=1000,
                description="Full text over story and article titles, entity names, datelines",
            ),
        ] = None,
        entity: Annotated[
            list[str] | None,
            Query(max_length=200, description="Canonical name or alias; repeat to require several"),
        ] = None,
        source: Annotated[str | None, Query(max_length=200)] = None,
        agency: Annotated[str | None, Query(max_length=100)] = None,
        since: Annotated[date | None, Query(description="Reported on or after")] = None,
        until: Annotated[date | None, Query(description="Begun on or before")] = None,
        fig_object: Annotated[
            str | None, Query(max_length=200, description="A track's object")
        ] = None,
        fig_event: Annotated[
            str | None, Query(max_length=200, description="A track's event")
        ] = None,
        fig_min: Annotated[float | None, Query(description="A track's highest report")] = None,
        sort: Annotated[str, Query(pattern="^(recency|size|relevance)$")] = "recency",
        size: Annotated[int, Query(ge=0, le=100)] = 10,
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
    ) -> Any:
        es = request.app.state.es
        with STORIES_SECONDS.time():
            try:
                keys = [await story_query.entity_keys(es, settings.index_alias, e)
                        for e in entity or []]  # fmt: skip
                params = story_query.StoryParams(
                    q=q, entity=keys, source=source, agency=agency,
                    since=since.isoformat() if since else None,
                    until=until.isoformat() if until else None, track_object=fig_object,
                    track_event=fig_event, track_min=fig_min, sort=sort, size=size, cursor=cursor,
                )  # fmt: skip
                resp = await es.search(index=settings.stories_alias, **story_query.build(params))
            except NotFoundError:
                return story_query.shape(EMPTY, size)
            except ApiError as exc:
                if exc.meta.status == 400:
                    return problem(400, f"q: the query could not be parsed: {exc.message}", "q")
                raise
            except TransportError as exc:
                return problem(503, f"search engine unavailable: {exc}")
        return story_query.shape(resp.body, size)

    @api.get("/stories/{story_id}")
    async def get_story(request: Request, story_id: str) -> Any:
        """The story: articles on a timeline, sources, top entities, figure tracks with reports."""
        try:
            doc = await request.app.state.es.get(index=settings.stories_alias, id=story_id)
        except NotFoundError:
            return problem(404, f"story not found: {story_id}", "id")
        except TransportError as exc:
            return problem(503, f"search engine unavailable: {exc}")
        return story_query.shape_story(doc["_source"])

    return api
