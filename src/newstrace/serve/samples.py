"""The bundled sample corpus (``newstrace/samples``: a few articles and a corpus with syndication,
circular reporting and a contradiction), ingested on start when the store is empty and asked for."""

from __future__ import annotations

from importlib import resources

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from ..store.models import ArticleRow
from .jobs import JobRunner
from .schemas import JobView


def sample_paths() -> list[str]:
    return [str(resources.files("newstrace").joinpath("samples"))]


def load_samples_if_empty(engine: Engine, jobs: JobRunner) -> JobView | None:
    """Queue an ingest job of the samples (then corroboration) when the store holds no article."""
    with Session(engine) as session:
        if session.scalar(select(func.count()).select_from(ArticleRow)):
            return None
    return jobs.submit_ingest(sample_paths())
