"""full-text search on article text and claim text

SQLite: FTS5 external-content tables kept in step by triggers. PostgreSQL: GIN indexes on
English tsvectors of the same columns.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id')",
    ("CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END"),
    ("CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, coalesce(old.title, ''), old.text); END"),
    "CREATE VIRTUAL TABLE claims_fts USING fts5(content, content='attributions', content_rowid='id')",
    ("CREATE TRIGGER claims_fts_ai AFTER INSERT ON attributions BEGIN "
    "INSERT INTO claims_fts(rowid, content) VALUES (new.id, new.content); END"),
    ("CREATE TRIGGER claims_fts_ad AFTER DELETE ON attributions BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, content) VALUES ('delete', old.id, old.content); END"),
]
SQLITE_DOWN = ["DROP TRIGGER claims_fts_ad", "DROP TRIGGER claims_fts_ai", "DROP TABLE claims_fts",
               "DROP TRIGGER articles_fts_ad", "DROP TRIGGER articles_fts_ai", "DROP TABLE articles_fts"]
POSTGRES_UP = [
    ("CREATE INDEX ix_articles_fts ON articles USING gin "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text))"),
    "CREATE INDEX ix_claims_fts ON attributions USING gin (to_tsvector('english', content))",
]
POSTGRES_DOWN = ["DROP INDEX ix_claims_fts", "DROP INDEX ix_articles_fts"]


def _run(statements: dict[str, list[str]]) -> None:
    for sql in statements.get(op.get_bind().dialect.name, []):
        op.execute(sql)


def upgrade() -> None:
    _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN})
