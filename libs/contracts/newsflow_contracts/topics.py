"""Kafka topic names, as in CONTRACT.md. Key = article id, value = UTF-8 JSON."""

RAW = "articles.raw"
ENRICHED = "articles.enriched"
DLQ = "articles.dlq"
ALERTS = "alerts"
STORIES = "stories"  # key = story id, not article id

ALL = (RAW, ENRICHED, DLQ, ALERTS, STORIES)
