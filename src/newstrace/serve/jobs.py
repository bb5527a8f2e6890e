"""Background work: ingest jobs with progress, and one-off analyses, on a single worker thread
(the spaCy pipeline is shared and not made for concurrent use)."""

from __future__ import annotations

import shutil
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from ..config.settings import Settings
from ..store.ingest_job import count_inputs, ingest
from ..store.models import InputRow
from .schemas import JobView

T = TypeVar("T")
KEEP = 100


class JobRunner:
    """Runs ingest jobs one after another and keeps the last :data:`KEEP` of them for polling."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.pool: ThreadPoolExecutor | None = None
        self.jobs: OrderedDict[str, JobView] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, job_id: str) -> JobView | None:
        with self.lock:
            job = self.jobs.get(job_id)
            return job.model_copy(deep=True) if job else None

    def active(self) -> list[JobView]:
        with self.lock:
            return [j.model_copy(deep=True) for j in self.jobs.values() if j.state in ("queued", "running")]

    def _worker(self) -> ThreadPoolExecutor:
        """The worker thread, started on first use (and again after :meth:`shutdown`)."""
        with self.lock:
            if self.pool is None:
                self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newstrace-worker")
            return self.pool

    def call(self, fn: Callable[[], T]) -> Future[T]:
        """Run ``fn`` on the worker thread (after the jobs queued before it)."""
        return self._worker().submit(fn)

    def submit_ingest(self, paths: list[str], cleanup: Path | None = None) -> JobView:
        job = JobView(id=uuid.uuid4().hex, state="queued", stage="queued", total=None, processed=0, stored=0,
                      duplicates=0, skipped=0, failed=0, failures=[], articles=[], error=None)
        with self.lock:
            self.jobs[job.id] = job
            while len(self.jobs) > KEEP:
                self.jobs.popitem(last=False)
        self._worker().submit(self._run, job, paths, cleanup)
        return job.model_copy(deep=True)

    def _update(self, job: JobView, **changes: object) -> None:
        with self.lock:
            for name, value in changes.items():
                setattr(job, name, value)

    def _run(self, job: JobView, paths: list[str], cleanup: Path | None) -> None:
        from ..corroborate import corroborate

        keys: list[str] = []

        def tell(input_key: str, outcome: str) -> None:
            keys.append(input_key)
            with self.lock:
                job.processed += 1
                if outcome == "failed":
                    job.failed += 1
                elif outcome in ("stored", "duplicate", "skipped"):
                    field = {"stored": "stored", "duplicate": "duplicates", "skipped": "skipped"}[outcome]
                    setattr(job, field, getattr(job, field) + 1)

        try:
            settings = Settings.load()
            self._update(job, state="running", stage="reading",
                         total=count_inputs(paths, max_chars=settings.max_chars))
            self._update(job, stage="analysing")
            report = ingest(paths, self.engine, settings=settings, progress=tell)
            self._update(job, stage="corroborating", failures=report.failures[:50])
            corroborate(self.engine)
            with Session(self.engine) as session:
                ids = sorted({a for a in session.scalars(select(InputRow.article_id).where(
                    InputRow.key.in_(keys[:10_000]))) if a is not None})
            self._update(job, state="done", stage="done", articles=ids)
        except Exception as exc:  # noqa: BLE001 - the job reports any failure to whoever polls it
            self._update(job, state="failed", stage="failed", error=f"{type(exc).__name__}: {exc}")
        finally:
            if cleanup is not None:
                shutil.rmtree(cleanup, ignore_errors=True)

    def shutdown(self) -> None:
        """Stop the worker: queued jobs are dropped, a running one finishes in the background."""
        with self.lock:
            pool, self.pool = self.pool, None
            for job in self.jobs.values():
                if job.state == "queued":
                    job.state, job.stage, job.error = "failed", "failed", "the server stopped before the job ran"
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
