"""Made-up sentences through the whole enricher, for the tests of shapes met on real pages."""

from newsflow_contracts.events import ArticleReceived, Figure
from newsflow_enrich.pipeline import Enricher


def figures(enricher: Enricher, sentence: str) -> list[Figure]:
    text = "A story from the wires\n\n" + sentence  # a headline, so the sentence is the body
    return enricher.enrich(ArticleReceived.new(text=text)).figures
