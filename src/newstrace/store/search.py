"""Full-text search over article text and claim (attribution content) text.

SQLite uses the FTS5 tables of migration 0002, PostgreSQL the English tsvector indexes.
The query is always a bound parameter; for FTS5 it is reduced to quoted words, so user
input can never be read as FTS syntax.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, text

WORD = re.compile(r"\w+", re.UNICODE)


def fts5_query(query: str) -> str:
    """Words of ``query`` as FTS5 phrase tokens joined by AND: ``"word1" "word2"``."""
    return " ".join(f'"{w}"' for w in WORD.findall(query))


def search_articles(engine: Engine, query: str, *, limit: int = 20, offset: int = 0) -> list[int]:
    """Ids of articles matching every word of ``query``, best first."""
    return _search(engine, query, limit, offset, {
        "sqlite": "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rank "
                  "LIMIT :limit OFFSET :offset",
        "postgresql": "SELECT id FROM articles WHERE to_tsvector('english', coalesce(title, '') || ' ' || "
                      "text) @@ plainto_tsquery('english', :q) ORDER BY ts_rank(to_tsvector('english', "
                      "coalesce(title, '') || ' ' || text), plainto_tsquery('english', :q)) DESC, id "
                      "LIMIT :limit OFFSET :offset"})


def search_claims(engine: Engine, query: str, *, limit: int = 20, offset: int = 0) -> list[int]:
    """Ids of attributions whose content matches every word of ``query``, best first."""
    return _search(engine, query, limit, offset, {
        "sqlite": "SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q ORDER BY rank "
                  "LIMIT :limit OFFSET :offset",
        "postgresql": "SELECT id FROM attributions WHERE to_tsvector('english', content) @@ "
                      "plainto_tsquery('english', :q) ORDER BY ts_rank(to_tsvector('english', content), "
                      "plainto_tsquery('english', :q)) DESC, id LIMIT :limit OFFSET :offset"})


def _search(engine: Engine, query: str, limit: int, offset: int, sql: dict[str, str]) -> list[int]:
    dialect = engine.dialect.name
    q = fts5_query(query) if dialect == "sqlite" else query
    if not q.strip():
        return []
    with engine.connect() as conn:
        rows = conn.execute(text(sql[dialect]), {"q": q, "limit": limit, "offset": offset})
        return [int(r[0]) for r in rows]
