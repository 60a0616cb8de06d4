"""Standing queries: stored searches run against every newly indexed batch.

Elasticsearch's percolator would be the textbook tool, but its module is not published to
Maven Central (deploy/elasticsearch/README.md), so the embedded node cannot have it. Instead
each batch the indexer writes is searched once per subscription, restricted to the batch's ids,
in a single msearch: the same query code as /search, so a subscription matches exactly what the
same search would find.

A subscription of kind "story" runs the same way over the stories the story indexer just wrote
(story_query.py): it alerts once per story the first time an update of it matches, or, with a
`track` threshold, once per story and figure track the first time the track's highest report
goes above it.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from elasticsearch import AsyncElasticsearch, ConflictError, NotFoundError
from newsflow_contracts.events import Alert, ArticleEnriched
from newsflow_contracts.stories import StoryUpdated

from newsflow_search import query, story_query

log = logging.getLogger(__name__)


class Subscriptions:
    def __init__(self, es: AsyncElasticsearch, alias: str, stories_alias: str = "stories") -> None:
        self.es = es
        self.alias = alias
        self.stories_alias = stories_alias
        self.subs_index = f"{alias}-subscriptions"
        self.matches_index = f"{alias}-matches"

    async def ensure_indices(self) -> None:
        for index, props in (
            (self.subs_index, {"query": {"type": "keyword"}, "entity": {"type": "keyword"},
                               "name": {"type": "keyword"}, "created_at": {"type": "date"},
                               "kind": {"type": "keyword"}}),
            (self.matches_index, {"subscription_id": {"type": "keyword"},
                                  "article_id": {"type": "keyword"},
                                  "title": {"type": "keyword"}, "matched_at": {"type": "date"},
                                  "story_id": {"type": "keyword"}, "track": {"type": "keyword"},
                                  "value": {"type": "double"}}),
        ):  # fmt: skip
            if not await self.es.indices.exists(index=index):
                await self.es.options(ignore_status=400).indices.create(
                    index=index, mappings={"dynamic": False, "properties": props},
                    settings={"number_of_shards": 1, "auto_expand_replicas": "0-1"},
                )  # fmt: skip

    def _params(self, sub: dict[str, Any]) -> query.SearchParams:
        return query.SearchParams(q=sub.get("query"), entity=[sub["entity"]] if sub.get("entity")
                                  else None)  # fmt: skip

    def _story_params(self, sub: dict[str, Any], keys: list[str] | None) -> story_query.StoryParams:
        track = sub.get("track") or {}
        return story_query.StoryParams(
            q=sub.get("query"), entity=[keys] if keys else None, track_event=track.get("event"),
            track_object=track.get("object"), track_above=track.get("above"))  # fmt: skip

    async def create(self, q: str, entity: str | None, name: str | None, kind: str = "article",
                     track: dict[str, Any] | None = None) -> str:  # fmt: skip
        sub = {"query": q, "entity": entity, "name": name, "created_at": datetime.now(UTC),
               "kind": kind, "track": track}  # fmt: skip
        # A query we cannot build is refused now, not later.
        if kind == "story":
            story_query.build(self._story_params(sub, [entity.lower()] if entity else None))
        else:
            query.build(self._params(sub))
        sub_id = uuid.uuid4().hex[:16]
        await self.ensure_indices()
        await self.es.index(index=self.subs_index, id=sub_id, document=sub, refresh="wait_for")
        return sub_id

    async def exists(self, sub_id: str) -> bool:
        return bool(await self.es.options(ignore_status=404).exists(index=self.subs_index,
                                                                    id=sub_id))  # fmt: skip

    async def delete(self, sub_id: str) -> bool:
        try:
            await self.es.delete(index=self.subs_index, id=sub_id, refresh="wait_for")
        except NotFoundError:
            return False
        # Its matches stay (delete_by_query lives in the reindex module, which the embedded node
        # lacks); they are unreachable once the subscription is gone: matches() checks it first.
        return True

    async def matches(self, sub_id: str, size: int = 100) -> list[dict[str, Any]]:
        resp = await self.es.options(ignore_status=404).search(
            index=self.matches_index, query={"term": {"subscription_id": sub_id}},
            sort=[{"matched_at": "desc"}], size=size,
        )  # fmt: skip
        hits = resp.get("hits", {}).get("hits", [])
        return [{k: v for k, v in h["_source"].items() if k != "subscription_id" and
                 (v is not None or k in ("article_id", "title", "matched_at"))} for h in hits]  # fmt: skip

    async def active(self) -> list[tuple[str, dict[str, Any]]]:
        resp = await self.es.options(ignore_status=404).search(index=self.subs_index, size=10_000)
        return [(h["_id"], h["_source"]) for h in resp.get("hits", {}).get("hits", [])]

    async def match(self, subs: list[tuple[str, dict[str, Any]]],
                    articles: list[ArticleEnriched]) -> list[Alert]:  # fmt: skip
        """Run these subscriptions (from active()) over just-indexed, refreshed articles.
        New matches only."""
        subs = [s for s in subs if s[1].get("kind", "article") == "article"]
        if not subs or not articles:
            return []
        ids = [a.id for a in articles]
        searches: list[dict[str, Any]] = []
        for _, sub in subs:
            body = query.build(self._params(sub))
            searches += [{"index": self.alias}, {
                "query": {"bool": {"must": body["query"]["bool"]["must"],
                                   "filter": [*body["query"]["bool"]["filter"],
                                              {"ids": {"values": ids}}]}},
                "size": len(ids), "_source": ["title"],
            }]  # fmt: skip
        resp = await self.es.msearch(searches=searches)
        alerts = []
        now = datetime.now(UTC)
        for (sub_id, _), result in zip(subs, resp["responses"], strict=True):
            for hit in result.get("hits", {}).get("hits", []):
                alert = Alert(subscription_id=sub_id, article_id=hit["_id"],
                              title=hit["_source"].get("title"), matched_at=now)  # fmt: skip
                try:  # create, not index: a replayed article does not alert twice
                    await self.es.create(index=self.matches_index, id=f"{sub_id}:{hit['_id']}",
                                         document=alert.model_dump(mode="json"))  # fmt: skip
                except ConflictError:
                    continue
                alerts.append(alert)
        if alerts:  # listed at /subscriptions/{id}/matches by the time the alert is out
            await self.es.indices.refresh(index=self.matches_index)
        return alerts

    async def match_stories(self, subs: list[tuple[str, dict[str, Any]]],
                            updates: list[StoryUpdated]) -> list[Alert]:  # fmt: skip
        """Run story subscriptions over just-written, refreshed stories. New matches only."""
        subs = [s for s in subs if s[1].get("kind") == "story"]
        if not subs or not updates:
            return []
        by_id = {u.story_id: u for u in updates}
        searches: list[dict[str, Any]] = []
        for _, sub in subs:
            keys = (await story_query.entity_keys(self.es, self.alias, sub["entity"])
                    if sub.get("entity") else None)  # fmt: skip
            body = story_query.build(self._story_params(sub, keys), inner_hits=True)
            searches += [{"index": self.stories_alias}, {
                "query": {"bool": {"must": body["query"]["bool"]["must"],
                                   "filter": [*body["query"]["bool"]["filter"],
                                              {"ids": {"values": list(by_id)}}]}},
                "size": len(by_id), "_source": ["title"],
            }]  # fmt: skip
        resp = await self.es.msearch(searches=searches)
        found: list[Alert] = []
        now = datetime.now(UTC)
        for (sub_id, sub), result in zip(subs, resp["responses"], strict=True):
            for hit in result.get("hits", {}).get("hits", []):
                update = by_id[hit["_id"]]
                for doc_id, alert in _story_alerts(sub_id, sub, update, hit, now):
                    try:  # create: a story, or a story's track, alerts once
                        await self.es.create(index=self.matches_index, id=doc_id,
                                             document=alert.model_dump(mode="json"))  # fmt: skip
                    except ConflictError:
                        continue
                    found.append(alert)
        if found:
            await self.es.indices.refresh(index=self.matches_index)
        return found


def _story_alerts(sub_id: str, sub: dict[str, Any], update: StoryUpdated, hit: dict[str, Any],
                  now: datetime) -> list[tuple[str, Alert]]:  # fmt: skip
    """The alerts one matching story gives: itself, or each of its tracks above the threshold,
    naming the report that first went above it."""
    story = update.story
    latest = update.article_id or (story.articles[-1].id if story.articles else update.story_id)
    track = sub.get("track")
    if not track:
        return [(f"{sub_id}:{story.id}", Alert(subscription_id=sub_id, article_id=latest,
                                               title=story.title, matched_at=now,
                                               story_id=update.story_id))]  # fmt: skip
    keys = {
        (h["_source"].get("key") or h["_source"].get("tracks", {}).get("key"))
        for h in hit.get("inner_hits", {}).get("tracks", {}).get("hits", {}).get("hits", [])
    }
    out = []
    for t in story.tracks:
        first = next((r for r in t.reports if r.value > track["above"]), None)
        if t.key in keys and first is not None:
            out.append((f"{sub_id}:{update.story_id}:{t.key}", Alert(
                subscription_id=sub_id, article_id=first.article_id, title=story.title,
                matched_at=now, story_id=update.story_id, track=t.key, value=first.value)))  # fmt: skip
    return out
