"""Standing queries: stored searches run against every newly indexed batch.

Elasticsearch's percolator would be the textbook tool, but its module is not published to
Maven Central (deploy/elasticsearch/README.md), so the embedded node cannot have it. Instead
each batch the indexer writes is searched once per subscription, restricted to the batch's ids,
in a single msearch: the same query code as /search, so a subscription matches exactly what the
same search would find.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from elasticsearch import AsyncElasticsearch, ConflictError, NotFoundError
from newsflow_contracts.events import Alert, ArticleEnriched

from newsflow_search import query

log = logging.getLogger(__name__)


class Subscriptions:
    def __init__(self, es: AsyncElasticsearch, alias: str) -> None:
        self.es = es
        self.alias = alias
        self.subs_index = f"{alias}-subscriptions"
        self.matches_index = f"{alias}-matches"

    async def ensure_indices(self) -> None:
        for index, props in (
            (self.subs_index, {"query": {"type": "keyword"}, "entity": {"type": "keyword"},
                               "name": {"type": "keyword"}, "created_at": {"type": "date"}}),
            (self.matches_index, {"subscription_id": {"type": "keyword"},
                                  "article_id": {"type": "keyword"},
                                  "title": {"type": "keyword"}, "matched_at": {"type": "date"}}),
        ):  # fmt: skip
            if not await self.es.indices.exists(index=index):
                await self.es.options(ignore_status=400).indices.create(
                    index=index, mappings={"dynamic": False, "properties": props},
                    settings={"number_of_shards": 1, "auto_expand_replicas": "0-1"},
                )  # fmt: skip

    def _params(self, sub: dict[str, Any]) -> query.SearchParams:
        return query.SearchParams(q=sub.get("query"), entity=[sub["entity"]] if sub.get("entity")
                                  else None)  # fmt: skip

    async def create(self, q: str, entity: str | None, name: str | None) -> str:
        sub = {"query": q, "entity": entity, "name": name, "created_at": datetime.now(UTC)}
        query.build(self._params(sub))  # a query we cannot build is refused now, not later
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
        return [{k: h["_source"][k] for k in ("article_id", "title", "matched_at")} for h in hits]

    async def active(self) -> list[tuple[str, dict[str, Any]]]:
        resp = await self.es.options(ignore_status=404).search(index=self.subs_index, size=10_000)
        return [(h["_id"], h["_source"]) for h in resp.get("hits", {}).get("hits", [])]

    async def match(self, subs: list[tuple[str, dict[str, Any]]],
                    articles: list[ArticleEnriched]) -> list[Alert]:  # fmt: skip
        """Run these subscriptions (from active()) over just-indexed, refreshed articles.
        New matches only."""
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
