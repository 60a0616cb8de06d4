"""Kafka topic names, as in CONTRACT.md. Key = article id, value = UTF-8 JSON."""

RAW = "articles.raw"
ENRICHED = "articles.enriched"
DLQ = "articles.dlq"
ALERTS = "alerts"

ALL = (RAW, ENRICHED, DLQ, ALERTS)
