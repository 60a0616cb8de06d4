"""The enrich faust app, built from settings. Run it with `python -m newsflow_enrich worker`."""

from pathlib import Path

import faust
from newsflow_contracts import topics
from newsflow_contracts.logs import logging_config
from newsflow_contracts.settings import get_stack_settings

from newsflow_enrich.config import get_settings


def create_app() -> faust.App:
    stack, settings = get_stack_settings(), get_settings()
    return faust.App(
        "newsflow-enrich",
        broker=f"kafka://{stack.kafka_bootstrap}",
        autodiscover=["newsflow_enrich.agents"],
        origin="newsflow_enrich",
        datadir=str(Path(stack.state_dir) / "enrich"),
        key_serializer="raw",
        value_serializer="raw",
        producer_acks=-1,  # acks=all: an output counts only once every replica has it
        producer_max_request_size=10_485_760,
        consumer_auto_offset_reset="earliest",
        topic_partitions=2,
        broker_session_timeout=settings.session_timeout_s,
        web_host=settings.host,
        web_port=settings.port,
        # The worker configures logging itself: hand it our JSON configuration.
        logging_config=logging_config("enrich", stack.log_level),
    )


app = create_app()
raw_topic = app.topic(topics.RAW, key_serializer="raw", value_serializer="raw")
enriched_topic = app.topic(topics.ENRICHED, key_serializer="raw", value_serializer="raw")
dlq_topic = app.topic(topics.DLQ, key_serializer="raw", value_serializer="raw")
