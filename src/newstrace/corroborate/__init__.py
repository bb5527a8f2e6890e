"""Corroboration across articles: syndication groups, the citation graph, event clusters, independent
origins, circular reporting and competing assertions. Incremental: ``corroborate(engine)``."""

from __future__ import annotations

from .report import CorroborationReport
from .run import corroborate

__all__ = ["CorroborationReport", "corroborate"]
