"""Analysis in worker processes for ``ingest --workers N``.

Each worker loads the pipeline once and returns records as plain dicts; only the parent
process writes to the store. Inputs go out in bounded windows, so memory stays flat and a
killed run loses at most one window of unsaved work. (spaCy's own ``n_process`` streaming
stalled on long runs with our large per-Doc records; a plain process pool does not.)
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from ..config.settings import Settings
from ..errors import NewstraceError
from ..ingest.article import Article
from ..pipeline import analyze_articles, load_pipeline
from ..records import Analysis

T = TypeVar("T")
_state: dict[str, Any] = {}


def _start(settings: Settings) -> None:
    _state["settings"] = settings
    _state["nlp"] = load_pipeline(settings)


def _analyze(article: Article) -> tuple[dict[str, Any] | None, str | None]:
    errors: list[NewstraceError] = []
    try:
        records = list(analyze_articles([article], settings=_state["settings"], nlp=_state["nlp"],
                                        errors=errors))
    except Exception as exc:  # noqa: BLE001  (a worker must answer for every article it is given)
        return None, f"{type(exc).__name__}: {exc}"
    if records:
        return records[0].to_dict(), None
    return None, str(errors[0]) if errors else "no record was produced"


def analyze_in_pool(pairs: Iterable[tuple[Article, T]], settings: Settings
                    ) -> Iterator[tuple[Analysis | None, str | None, T]]:
    """``(record or None, failure message or None, context)`` per article, in input order."""
    one = settings.model_copy(update={"n_process": 1})
    window = max(1, settings.n_process) * 16
    with multiprocessing.get_context("fork").Pool(settings.n_process, initializer=_start,
                                                  initargs=(one,)) as pool:
        it = iter(pairs)
        while batch := list(itertools.islice(it, window)):
            results = pool.map(_analyze, [a for a, _ in batch], chunksize=4)
            for (record, failure), (_, ctx) in zip(results, batch, strict=True):
                yield (Analysis.model_validate(record) if record is not None else None), failure, ctx
