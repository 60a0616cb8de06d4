import pytest
from newsflow_enrich.pipeline import Enricher


@pytest.fixture(scope="session")
def enricher() -> Enricher:
    return Enricher()
