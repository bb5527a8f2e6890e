"""Stores the web-app tests run on: the bundled sample corpus ingested and corroborated once per test
session (about a minute), copied for tests that write; and a hostile article for the escaping tests."""

from __future__ import annotations

import atexit
import functools
import json
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from newstrace.config.settings import Settings
from newstrace.corroborate import corroborate
from newstrace.serve.samples import sample_paths
from newstrace.store.database import database_url, open_engine
from newstrace.store.ingest_job import ingest

#: every way an article could try to run script in the reader; each sets window.__pwned if it runs
HOSTILE = {
    "title": '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Rebels seize Kidal',
    "outlet": '<b onmouseover="window.__pwned = 7">Evil Wire</b>',
    "url": "javascript:window.__pwned = 3",
    "published": "2025-12-01",
    "text": ("Rebels attacked the town of Kidal on Saturday, killing 12 soldiers, army officials said. "
             "<script>window.__pwned = 4</script>\n\n"
             "\"We pushed them back <img src=x onerror=\"window.__pwned = 5\">,\" the army spokesman told "
             "Reuters. The governor said the attack was a \"cowardly\" act, according to a statement.\n\n"
             "More at <a href=\"javascript:window.__pwned = 6\">this link</a> and "
             "<svg onload=\"window.__pwned = 8\"></svg>."),
}


POSTGRES_ENV = "NEWSTRACE_TEST_POSTGRES"


def _scratch() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="newstrace-serve-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _load_samples(url: str) -> None:
    engine = open_engine(url)
    ingest(sample_paths(), engine, settings=Settings.load())
    corroborate(engine)
    engine.dispose()


@functools.cache
def sample_db() -> Path:
    """The sample corpus (``newstrace/samples``, with ``corpus/``) ingested and corroborated (SQLite)."""
    path = _scratch() / "samples.db"
    _load_samples(str(path))
    return path


@functools.cache
def _sample_postgres(base: str) -> str:
    name = f"nt_serve_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    atexit.register(drop)
    url = make_url(database_url(base)).set(database=name).render_as_string(hide_password=False)
    _load_samples(url)
    return url


def sample_store(backend: str) -> str:
    """The sample corpus on ``backend``: a SQLite file, or a PostgreSQL database on the server that
    NEWSTRACE_TEST_POSTGRES names (skipped without one, as the store suite does)."""
    if backend == "sqlite":
        return str(sample_db())
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set: no PostgreSQL server for this run (CI starts one)")
    return _sample_postgres(base)


@functools.cache
def hostile_db() -> Path:
    """The sample corpus plus :data:`HOSTILE`."""
    folder = _scratch()
    path = folder / "hostile.db"
    shutil.copyfile(sample_db(), path)
    source = folder / "hostile.jsonl"
    source.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    engine = open_engine(str(path))
    ingest([str(source)], engine, settings=Settings.load())
    corroborate(engine)
    engine.dispose()
    return path


def copy_of(db: Path, folder: Path) -> Path:
    """A private copy of ``db`` in ``folder`` (for tests that write)."""
    target = folder / db.name
    shutil.copyfile(db, target)
    return target
