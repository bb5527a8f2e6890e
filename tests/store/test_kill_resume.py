"""Ingest is resumable: killed with SIGKILL three times at random moments, a rerun ends with exactly
the rows and content hashes of an uninterrupted run (on SQLite and on PostgreSQL).

Runs the real CLI over the 2,225 BBC articles in ../shared/data/bbc_news (CI has them); skips with
a reason when they are absent. Slow by nature: a few minutes per store.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newstrace.store.database import open_engine
from newstrace.store.models import (
    ArticleRow,
    AttributionRow,
    ChainLinkRow,
    EntityRow,
    EventRow,
    FailureRow,
    InputRow,
    MentionRow,
    ParticipantRow,
)

TABLES = (ArticleRow, InputRow, FailureRow, EntityRow, MentionRow, AttributionRow, ChainLinkRow, EventRow,
          ParticipantRow)
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")

pytestmark = pytest.mark.slow


def ingest_cmd(bbc: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "newstrace.cli", "ingest", *[str(bbc / c) for c in CATEGORIES],
            "--db", db, "--workers", "2", "--no-progress"]


def snapshot(db: str) -> tuple[dict[str, int], list[str]]:
    engine = open_engine(db)
    with Session(engine) as s:
        counts = {t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}
        hashes = list(s.scalars(select(ArticleRow.content_hash).order_by(ArticleRow.content_hash)))
    engine.dispose()
    return counts, hashes


@pytest.fixture(scope="module")
def bbc(shared_dir: Path) -> Path:
    folder = shared_dir / "data" / "bbc_news"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


@pytest.fixture(scope="module")
def uninterrupted(bbc: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], list[str]]:
    db = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'reference.db'}"
    subprocess.run(ingest_cmd(bbc, db), check=True, capture_output=True, timeout=1200)
    return snapshot(db)


def test_killed_three_times_then_rerun_equals_uninterrupted_run(
        bbc: Path, store_url: str, uninterrupted: tuple[dict[str, int], list[str]]) -> None:
    rng = random.Random(2225)
    for attempt in range(3):
        proc = subprocess.Popen(ingest_cmd(bbc, store_url), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(6.0, 30.0))
        assert proc.poll() is None, f"attempt {attempt}: the ingest ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)                 # the job and its spaCy worker processes
        proc.wait(timeout=60)
    partial, _ = snapshot(store_url)
    assert 0 < partial["articles"] < uninterrupted[0]["articles"], "the kills did not interrupt the run"
    subprocess.run(ingest_cmd(bbc, store_url), check=True, capture_output=True, timeout=1200)
    assert snapshot(store_url) == uninterrupted
