"""Opening the corpus store: URL resolution, engine settings per dialect, migrations to head.

``--db`` or ``NEWSTRACE_DB`` give a URL (``sqlite:///path.db``, ``postgresql://...``) or a
file path; the default is ``newstrace.db`` in the working directory. SQLite runs in WAL
mode with foreign keys on; PostgreSQL goes through psycopg 3.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..errors import Errors, NewstraceError

DEFAULT_DB = "newstrace.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def database_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from ``db``, ``NEWSTRACE_DB`` or the default SQLite file."""
    value = db or os.environ.get("NEWSTRACE_DB") or DEFAULT_DB
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with our per-dialect settings (no migrations)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise NewstraceError(Errors.E027, input=url, detail=str(exc)) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with Alembic."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_engine(db: str | None = None) -> Engine:
    """Resolve, connect and migrate: the one way code opens the store."""
    url = database_url(db)
    engine = make_engine(url)
    try:
        migrate(engine)
    except Exception as exc:   # connection refused, permission denied, bad credentials ...
        if isinstance(exc, NewstraceError):
            raise
        raise NewstraceError(Errors.E027, input=engine.url.render_as_string(hide_password=True),
                             detail=str(exc).splitlines()[0][:300]) from exc
    return engine
