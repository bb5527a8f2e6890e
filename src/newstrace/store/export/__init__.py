"""Exports of the store: analysis records (jsonl), events as ACLED-style CSV or Parquet, PLOVER JSON
records, and the citation graph as GraphML for Gephi. ``export()`` picks the writer by format."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from sqlalchemy import Engine

from ..queries import EventFilter
from .acled import write_csv, write_parquet
from .graphml import write_graphml
from .plover import write_plover
from .records import write_jsonl

FORMATS: dict[str, Callable[[Engine, IO[bytes], EventFilter], int]] = {
    "jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet, "plover": write_plover,
    "graphml": write_graphml,
}


def export(engine: Engine, fmt: str, out: IO[bytes], flt: EventFilter | None = None) -> int:
    """Write the store (events narrowed by ``flt``) as ``fmt`` to ``out``; returns the items written."""
    return FORMATS[fmt](engine, out, flt or EventFilter(limit=10**9))
