"""Story search requests and story documents, built without a server."""

from __future__ import annotations

import pytest
from newsflow_contracts.stories import StoryUpdated
from newsflow_search import story_query
from newsflow_search.query import BadQuery, encode_cursor
from newsflow_search.stories import to_story_document
from newsflow_search.story_query import StoryParams, build, shape, sort_clause, track_query

from bench.synthetic_stories import stories


def test_text_entities_and_facets() -> None:
    body = build(StoryParams(q='Hajin -"car bomb"', entity=[["sdf", "syrian democratic forces"]],
                             source="wire.test", since="2024-01-01"))  # fmt: skip
    sqs = body["query"]["bool"]["must"][0]["simple_query_string"]
    assert sqs["fields"] == story_query.STORY_FIELDS and sqs["default_operator"] == "and"
    assert "REGEXP" not in sqs["flags"] and "FUZZY" not in sqs["flags"]
    filters = body["query"]["bool"]["filter"]
    assert {"terms": {"entity_keys": ["sdf", "syrian democratic forces"]}} in filters
    assert {"term": {"sources": "wire.test"}} in filters
    assert {"range": {"last_at": {"gte": "2024-01-01"}}} in filters
    assert set(body["aggs"]) == {"entities", "sources", "agencies"}
    assert "articles" in body["_source"]["excludes"]  # the timeline is for GET /stories/{id}


def test_no_query_matches_everything() -> None:
    body = build(StoryParams())
    assert body["query"]["bool"] == {"must": [{"match_all": {}}], "filter": []}


def test_track_filter_is_one_nested_track() -> None:
    q = track_query(StoryParams(track_event="fled", track_object="civilians", track_above=1000),
                    inner_hits=True)  # fmt: skip
    assert q is not None
    nested = q["nested"]
    assert nested["path"] == "tracks" and "inner_hits" in nested
    must = nested["query"]["bool"]["must"]
    assert {"range": {"tracks.highest": {"gt": 1000}}} in must  # above: strictly
    forms = must[1]["bool"]["should"][1]["bool"]["filter"]
    assert forms == [{"term": {"tracks.event_forms": "fled"}}]
    assert track_query(StoryParams(track_min=5))["nested"]["query"]["bool"]["must"] == [  # type: ignore[index]
        {"range": {"tracks.highest": {"gte": 5}}}
    ]
    assert track_query(StoryParams(q="x")) is None


def test_sorts_and_cursor() -> None:
    assert sort_clause("recency")[0] == {"last_at": {"order": "desc", "missing": "_last"}}
    assert sort_clause("size")[0] == {"size": "desc"}
    assert sort_clause("relevance")[0] == "_score"
    with pytest.raises(BadQuery):
        sort_clause("alphabetical")
    body = build(StoryParams(cursor=encode_cursor([1700000000000, "s-1"])))
    assert body["search_after"] == [1700000000000, "s-1"]
    with pytest.raises(BadQuery):
        build(StoryParams(cursor="not a cursor!"))


def test_story_document_adds_search_fields() -> None:
    update = next(stories(1, seed=3))
    doc = to_story_document(update)
    assert doc["id"] == update.story_id and doc["size"] == len(update.story.articles)
    assert doc["article_ids"] == [a.id for a in update.story.articles]
    assert doc["entity_keys"] == sorted({e.name.lower() for e in update.story.entities})
    assert all(t["count"] == len(t["reports"]) for t in doc["tracks"])


def test_story_document_keeps_a_story_with_an_odd_date() -> None:
    update = next(stories(1, seed=3))
    raw = update.model_dump()
    raw["story"]["first_at"] = "last Tuesday"
    raw["story"]["last_at"] = None
    raw["story"]["tracks"] = [{"key": "killed|people|", "object": "people", "event": "killed",
                               "reports": [{"article_id": "a", "figure": 0, "value": 3.0,
                                            "text": "3"}, {"article_id": "b", "figure": 1,
                                                           "value": 9.0, "text": "nine"}]}]  # fmt: skip
    doc = to_story_document(StoryUpdated.model_validate(raw))
    times = sorted(a.published_at for a in update.story.articles)
    assert doc["first_at"] == times[0] and doc["last_at"] == times[-1]
    assert doc["tracks"][0]["highest"] == 9.0  # computed when the snapshot leaves it out
    assert doc["tracks"][0]["event_forms"][:2] == ["kill", "killed"]


def test_shape_lists_top_entities_and_splits_facets() -> None:
    update = next(stories(1, seed=5))
    source = to_story_document(update)
    resp = {"hits": {"total": {"value": 1}, "hits": [
        {"_id": update.story_id, "_score": 1.0, "_source": source, "sort": [1, update.story_id]}]},
        "aggregations": {"entities": {"buckets": [{"key": "LOC|Hajin", "doc_count": 1}]},
                         "sources": {"buckets": []}, "agencies": {"buckets": []}}}  # fmt: skip
    out = shape(resp, size=1)
    hit = out["hits"][0]
    assert hit["size"] == len(update.story.articles)
    assert len(hit["entities"]) <= story_query.TOP_ENTITIES
    assert "reports" not in (hit["tracks"] or [{}])[0]
    counts = [t["count"] for t in hit["tracks"]]
    assert counts == sorted(counts, reverse=True) and hit["track_count"] == len(source["tracks"])
    assert out["facets"]["entities"] == {"LOC": [{"name": "Hajin", "count": 1}]}
    assert out["cursor"] is not None
    assert "article_ids" not in story_query.shape_story(source)
