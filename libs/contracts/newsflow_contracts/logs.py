"""One JSON log handler for a whole process: ours, aiokafka's, faust's and the ES client's."""

import logging
import sys

from pythonjsonlogger.json import JsonFormatter


def setup_logging(service: str, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s",
            rename_fields={"asctime": "ts", "levelname": "level", "name": "logger"},
            static_fields={"service": service},
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Chatty at INFO, not useful in an operator's log.
    for noisy in ("aiokafka", "elastic_transport", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
