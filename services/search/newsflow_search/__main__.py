"""`python -m newsflow_search`: the search API (with the indexers unless
NEWSFLOW_SEARCH_RUN_INDEXER / NEWSFLOW_SEARCH_RUN_STORY_INDEXER say false);
`python -m newsflow_search indexer [articles|stories]` runs only the indexers (worker.py)."""

import sys

import uvicorn
from newsflow_contracts.logs import setup_logging
from newsflow_contracts.settings import get_stack_settings

from newsflow_search.config import get_settings
from newsflow_search.main import create_app


def main() -> None:
    setup_logging("search", get_stack_settings().log_level)
    settings = get_settings()
    if sys.argv[1:2] == ["indexer"]:
        from newsflow_search import worker

        worker.run(settings, sys.argv[2:])
        return
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_config=None,
                timeout_graceful_shutdown=15)  # fmt: skip


if __name__ == "__main__":
    main()
