"""Batch ingest: inputs -> analysis -> store, idempotent and resumable.

Every article is written in its own transaction together with the row that marks its input
done, so a run killed at any moment (even ``kill -9``) leaves only whole articles behind;
a rerun skips inputs already done and content already stored, and retries failures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ..config.settings import Settings
from ..errors import Errors, NewstraceError
from ..ingest.article import Article
from ..ingest.sources.item import Item
from ..ingest.sources.walk import iter_inputs
from ..pipeline import analyze_with_context
from ..records import Analysis
from .workers import analyze_in_pool
from .write import done_keys, known_hashes, mark_duplicate, store_failure, store_record

Progress = Callable[[str, str], None]      # (input key, outcome) after each input


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.stored + self.duplicates + self.skipped + self.failed


def count_inputs(paths: Iterable[str], *, max_chars: int) -> int:
    """How many items ``paths`` hold (one cheap read-only pass, for the progress bar's ETA)."""
    return sum(1 for _ in iter_inputs(paths, max_chars=max_chars, errors=[]))


def _failure_key(exc: NewstraceError) -> str:
    return str(exc.fields.get("input") or "<input>")


def ingest(paths: Iterable[str], engine: Engine, *, settings: Settings | None = None, nlp: object = None,
           progress: Progress | None = None) -> IngestReport:
    """Read ``paths``, analyse what is new and store it; returns what happened to each input."""
    settings = settings or Settings.load()
    report = IngestReport()
    tell = progress or (lambda _key, _outcome: None)
    with Session(engine) as session:
        done, stored_hashes = done_keys(session), known_hashes(session)

    def fail(session: Session, key: str, exc: NewstraceError) -> None:
        store_failure(session, key, exc.code, str(exc))
        report.failed += 1
        report.failures.append(str(exc))
        tell(key, "failed")

    read_errors: list[NewstraceError] = []

    def drain(session: Session) -> None:
        while read_errors:
            exc = read_errors.pop(0)
            fail(session, _failure_key(exc), exc)

    def fresh() -> Iterator[tuple[Article, Item]]:
        for item in iter_inputs(paths, max_chars=settings.max_chars, errors=read_errors):
            with Session(engine) as session, session.begin():
                drain(session)
                if item.key in done:
                    report.skipped += 1
                    tell(item.key, "skipped")
                    continue
                if item.content_hash in stored_hashes:
                    mark_duplicate(session, item.key, item.content_hash)
                    report.duplicates += 1
                    tell(item.key, "duplicate")
                    continue
            yield item.article, item
        with Session(engine) as session, session.begin():
            drain(session)

    for record, failure, item in _analyses(fresh(), settings, nlp):
        with Session(engine) as session, session.begin():
            if record is None:
                fail(session, item.key, NewstraceError(Errors.E015, input=item.key, detail=failure or "unknown"))
                continue
            _, status = store_record(session, item.key, item.content_hash, record)
        stored_hashes.add(item.content_hash)
        if status == "stored":
            report.stored += 1
        else:
            report.duplicates += 1
        tell(item.key, status)
    return report


def _analyses(pairs: Iterator[tuple[Article, Item]], settings: Settings, nlp: object
              ) -> Iterator[tuple[Analysis | None, str | None, Item]]:
    """Records in this process (one worker) or in a pool of worker processes."""
    if settings.n_process > 1:
        yield from analyze_in_pool(pairs, settings)
        return
    errors: list[NewstraceError] = []
    for record, item in analyze_with_context(pairs, settings=settings, nlp=nlp,  # type: ignore[arg-type]
                                             errors=errors):
        yield record, (str(errors.pop().fields.get("detail")) if record is None and errors else None), item
