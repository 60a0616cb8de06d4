"""One JSON log handler for a whole process: ours, aiokafka's, faust's and the ES client's."""

import logging.config
from typing import Any

# Chatty at INFO, not useful in an operator's log.
QUIET = ("aiokafka", "elastic_transport", "uvicorn.access")


def logging_config(service: str, level: str = "INFO") -> dict[str, Any]:
    """A dictConfig: JSON lines on stderr with the service's name (faust takes this too)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "ts", "levelname": "level", "name": "logger"},
                "static_fields": {"service": service},
            }
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            },
        },
        "root": {"handlers": ["stderr"], "level": level.upper()},
        "loggers": {name: {"level": "WARNING"} for name in QUIET},
    }


def setup_logging(service: str, level: str = "INFO") -> None:
    logging.config.dictConfig(logging_config(service, level))
