"""The search request we send: user text only in simple_query_string, filters, cursors."""

import json

import pytest
from newsflow_search import query
from newsflow_search.query import SearchParams


def test_user_text_only_reaches_simple_query_string_without_prefix_or_fuzzy() -> None:
    body = query.build(SearchParams(q='Hajin AND "human shields" -Iraq'))
    [must] = body["query"]["bool"]["must"]
    sqs = must["simple_query_string"]
    assert sqs["query"] == 'Hajin AND "human shields" -Iraq'
    assert "PREFIX" not in sqs["flags"] and "FUZZY" not in sqs["flags"]
    assert "regexp" not in json.dumps(body) and "script" not in json.dumps(body)


def test_entity_filter_is_case_insensitive_on_names_and_aliases() -> None:
    body = query.build(SearchParams(entity=["SDF"]))
    assert {"term": {"entity_keys": "sdf"}} in body["query"]["bool"]["filter"]


def test_figure_filters_apply_to_one_figure() -> None:
    body = query.build(SearchParams(fig_object="civilians", fig_event="killed", fig_min=100))
    [nested] = [f for f in body["query"]["bool"]["filter"] if "nested" in f]
    must = nested["nested"]["query"]["bool"]["must"]
    assert nested["nested"]["path"] == "figures"
    assert {"range": {"figures.value": {"gte": 100}}} in must
    assert len(must) == 3


def test_no_figure_filter_without_figure_params() -> None:
    assert query.figure_query(SearchParams(q="x")) is None


def test_cursor_round_trip_and_bad_cursor() -> None:
    values = [1.25, "abc"]
    assert query.decode_cursor(query.encode_cursor(values)) == values
    with pytest.raises(query.BadQuery) as exc:
        query.decode_cursor("!!not-a-cursor")
    assert exc.value.field == "cursor"


def test_date_sort_breaks_ties_by_id() -> None:
    body = query.build(SearchParams(sort="date"))
    assert body["sort"][-1] == {"id": "asc"}


def test_field_syntax_in_the_query_string() -> None:
    must, filters, entities = query.text_clauses(
        'title:"break into" entity:SDF agency:AFP Hajin -Iraq'
    )
    assert entities == ["SDF"]
    assert {"term": {"agencies": "AFP"}} in filters
    title, rest = must
    assert title["simple_query_string"] == {**title["simple_query_string"], "query": '"break into"',
                                            "fields": ["title"]}  # fmt: skip
    assert rest["simple_query_string"]["query"] == "Hajin -Iraq"
    body = query.build(SearchParams(q='entity:"Redur Khalil"'))
    assert {"term": {"entity_keys": "redur khalil"}} in body["query"]["bool"]["filter"]
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]


def test_event_forms_cover_irregular_verbs() -> None:
    from newsflow_search.indexer import event_forms

    assert {"flee", "fled", "flees", "fleeing"} <= set(event_forms("flee"))
    assert "killed" in event_forms("killed") and "kill" in event_forms("killed")
    assert event_forms(None) == []
    body = query.build(SearchParams(fig_object="civilians", fig_event="fled"))
    assert '"figures.event_forms": "fled"' in json.dumps(body)


def test_story_filter_by_parameter_and_query_syntax() -> None:
    body = query.build(SearchParams(story="st-abc"))
    assert {"term": {"story_id": "st-abc"}} in body["query"]["bool"]["filter"]
    _, filters, _ = query.text_clauses("story:st-abc Hajin")
    assert filters == [{"term": {"story_id": "st-abc"}}]
