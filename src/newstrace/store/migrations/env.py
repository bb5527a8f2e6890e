"""Alembic environment: the connection comes from newstrace's store (config attribute ``connection``)."""

from __future__ import annotations

from alembic import context

from newstrace.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:                                   # pragma: no cover - the alembic CLI path
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///newstrace.db")
    connection = engine.connect()

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
