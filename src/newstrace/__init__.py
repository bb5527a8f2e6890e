"""newstrace: who did what to whom, how many, when, where, and on whose word.

The public API: :func:`analyze`, :func:`load_pipeline`, :class:`Settings` and the
record types of the analysis record (schema ``newstrace.analysis/1``).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .config.settings import Settings
from .errors import NewstraceError
from .ingest.article import Article
from .pipeline import analyze, analyze_articles, load_pipeline
from .records import (
    Analysis,
    Attribution,
    Entity,
    Event,
    Framing,
    Participant,
    Place,
    Quantity,
    Source,
    Span,
    Time,
)

try:
    __version__ = version("newstrace")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "Analysis", "Article", "Attribution", "Entity", "Event", "Framing", "NewstraceError",
    "Participant", "Place", "Quantity", "Settings", "Source", "Span", "Time",
    "analyze", "analyze_articles", "load_pipeline",
]
