"""docs/asyncapi.json is generated from the event models and must not drift from them."""

import json

from newsflow_cli.components import REPO
from newsflow_contracts import asyncapi, topics
from newsflow_contracts.events import ArticleEnriched


def test_committed_asyncapi_matches_the_models() -> None:
    committed = (REPO / "docs" / "asyncapi.json").read_text()
    assert committed == asyncapi.render(), (
        "docs/asyncapi.json is stale: run "
        "`.venv/bin/python -m newsflow_contracts.asyncapi > docs/asyncapi.json`"
    )


def test_every_topic_is_documented_with_the_contract_fields() -> None:
    doc = json.loads(asyncapi.render())
    assert {c["address"] for c in doc["channels"].values()} == set(topics.ALL)
    enriched = doc["components"]["schemas"]["ArticleEnriched"]
    for field in ("schema_version", "id", "body", "entities", "figures", "agencies", "pipeline"):
        assert field in enriched["properties"]
    assert set(ArticleEnriched.model_fields) == set(enriched["properties"])
