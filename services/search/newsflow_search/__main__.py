"""`python -m newsflow_search`: the search API (with the indexer unless
NEWSFLOW_SEARCH_RUN_INDEXER=false); `python -m newsflow_search indexer` runs only the indexers (articles and stories)."""

import asyncio
import sys

import uvicorn
from elasticsearch import AsyncElasticsearch
from newsflow_contracts.logs import setup_logging
from newsflow_contracts.settings import get_stack_settings, url_list

from newsflow_search.config import get_settings
from newsflow_search.main import consumers, create_app


async def _indexer_only() -> None:
    stack, settings = get_stack_settings(), get_settings()
    es = AsyncElasticsearch(url_list(stack.es_url), request_timeout=10)
    try:
        await asyncio.gather(*(c.run() for c in consumers(es, stack.kafka_bootstrap, settings)))
    finally:
        await es.close()


def main() -> None:
    setup_logging("search", get_stack_settings().log_level)
    if sys.argv[1:2] == ["indexer"]:
        asyncio.run(_indexer_only())
        return
    settings = get_settings()
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_config=None,
                timeout_graceful_shutdown=15)  # fmt: skip


if __name__ == "__main__":
    main()
