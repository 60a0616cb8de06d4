"""`python -m newsflow_ingest`: serve the ingest API (uvicorn drains requests on SIGTERM)."""

import uvicorn
from newsflow_contracts.logs import setup_logging
from newsflow_contracts.settings import get_stack_settings

from newsflow_ingest.config import get_settings
from newsflow_ingest.main import create_app


def main() -> None:
    setup_logging("ingest", get_stack_settings().log_level)
    settings = get_settings()
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_config=None,
                timeout_graceful_shutdown=15)  # fmt: skip


if __name__ == "__main__":
    main()
