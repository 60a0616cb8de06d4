"""The AsyncAPI document of newsflow's topics, generated from the event models.

`python -m newsflow_contracts.asyncapi > docs/asyncapi.json` writes it; a test fails when the
committed file and the models drift apart.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from pydantic import BaseModel

from newsflow_contracts import topics
from newsflow_contracts.events import (
    SCHEMA_VERSION,
    Alert,
    ArticleEnriched,
    ArticleReceived,
    DeadLetter,
)
from newsflow_contracts.stories import StoryUpdated

TOPIC_MODELS: dict[str, type[BaseModel]] = {
    topics.RAW: ArticleReceived,
    topics.ENRICHED: ArticleEnriched,
    topics.DLQ: DeadLetter,
    topics.ALERTS: Alert,
    topics.STORIES: StoryUpdated,
}

DESCRIPTIONS = {
    topics.RAW: "Accepted articles, as received by ingest (published only after Kafka's ack).",
    topics.ENRICHED: "Enriched articles: clean body, metadata, entities, figures.",
    topics.DLQ: "Messages that could not be processed, with the stage and reason.",
    topics.ALERTS: "Standing-query matches of newly indexed articles.",
    topics.STORIES: "Story updates, keyed by story id: created, article added, figure track "
    "changed; each carries the whole story as it stands. One per changed story per transaction "
    "of the stories service: `article_ids` names every article it stands for.",
}


KEYS = {topics.STORIES: "the story id"}


def document() -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for topic, model in TOPIC_MODELS.items():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in schema.pop("$defs", {}).items():
            schemas[name] = sub
        schemas[model.__name__] = schema
        messages[model.__name__] = {
            "name": model.__name__,
            "contentType": "application/json",
            "payload": {"$ref": f"#/components/schemas/{model.__name__}"},
            "bindings": {
                "kafka": {
                    "key": {"type": "string", "description": KEYS.get(topic, "the article id")}
                }
            },
        }
        key = topic.replace(".", "_")
        channels[key] = {
            "address": topic,
            "description": DESCRIPTIONS[topic],
            "messages": {model.__name__: {"$ref": f"#/components/messages/{model.__name__}"}},
        }
        operations[f"receive_{key}"] = {
            "action": "receive",
            "channel": {"$ref": f"#/channels/{key}"},
            "summary": f"Subscribe to {topic}",
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "newsflow events",
            "version": SCHEMA_VERSION,
            "description": "Topics anyone can subscribe to. Key = article id (story id on "
            "`stories`), value = UTF-8 JSON carrying schema_version.",
        },
        "servers": {"local": {"host": "127.0.0.1:9092", "protocol": "kafka"}},
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages, "schemas": schemas},
    }


def render() -> str:
    return json.dumps(document(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
