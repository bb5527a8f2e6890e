"""The corpus store on SQLite and PostgreSQL: migrations, records as rows, idempotence, failures, search."""

from __future__ import annotations

import datetime

import pytest
from spacy.language import Language
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newstrace.errors import NewstraceError
from newstrace.ingest.article import Article
from newstrace.pipeline import analyze_articles
from newstrace.store.database import database_url, open_engine
from newstrace.store.models import (
    ArticleRow,
    AttributionRow,
    ChainLinkRow,
    EntityRow,
    EventRow,
    FailureRow,
    InputRow,
    MentionRow,
)
from newstrace.store.search import fts5_query, search_articles, search_claims
from newstrace.store.status import store_status
from newstrace.store.write import store_failure, store_record

FIRST = ("ADEN, May 4 (Reuters) - Saudi Arabia delivered 40 tonnes of medical supplies to Aden on Sunday, "
         "Yemen's health ministry said. Officials who spoke to Reuters said a second convoy would follow.")
SECOND = ("Al Jazeera, May 6, 2025\n\nHouthi fighters shelled the port of Mokha on Tuesday, killing three "
          "fishermen, according to local officials quoted by the Saba news agency.")


def records(nlp: Language) -> list:
    arts = [Article(text=FIRST, published=datetime.date(2025, 5, 4), outlet="Reuters"),
            Article(text=SECOND, published=datetime.date(2025, 5, 6))]
    return list(analyze_articles(arts, nlp=nlp))


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_url_forms() -> None:
    assert database_url("corpus.db").startswith("sqlite:////")
    assert database_url("postgresql://u@127.0.0.1/x") == "postgresql+psycopg://u@127.0.0.1/x"
    assert database_url("sqlite:///a.db") == "sqlite:///a.db"


def test_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(NewstraceError) as err:
        open_engine("postgresql://nobody@127.0.0.1:1/none")
    assert err.value.code == "E027" and "127.0.0.1:1" in str(err.value)


def test_records_become_rows_once(store_url: str, nlp: Language) -> None:
    engine = open_engine(store_url)
    open_engine(store_url)                       # migrating twice is harmless
    recs = records(nlp)
    with Session(engine) as s, s.begin():
        for i, rec in enumerate(recs):
            store_record(s, f"file{i}.txt", f"{i:064d}", rec)
    with Session(engine) as s, s.begin():       # the same content again, from another input
        _, status = store_record(s, "copy.txt", f"{0:064d}", recs[0])
    assert status == "duplicate"
    with Session(engine) as s:
        assert count(s, ArticleRow) == 2 and count(s, InputRow) == 3
        assert count(s, EventRow) == sum(len(r.events) for r in recs)
        assert count(s, AttributionRow) == sum(len(r.attributions) for r in recs)
        assert count(s, MentionRow) == sum(len(e.mentions) for r in recs for e in r.entities)
        names = set(s.scalars(select(EntityRow.name)))
        assert {"Saudi Arabia", "Yemen"} <= names
        # canonical entities are shared across articles: one row per (name, type)
        assert count(s, EntityRow) == len({(e.name, e.type) for r in recs for e in r.entities})
        last = s.scalars(select(ChainLinkRow).order_by(ChainLinkRow.position.desc())).first()
        assert last is not None and last.type == "publisher"


def test_failures_are_replaced_not_doubled_and_cleared_on_success(store_url: str, nlp: Language) -> None:
    engine = open_engine(store_url)
    with Session(engine) as s, s.begin():
        store_failure(s, "bad.txt", "E002", "[E002] bad.txt: the file is empty")
    with Session(engine) as s, s.begin():
        store_failure(s, "bad.txt", "E002", "[E002] bad.txt: the file is empty")
    assert store_status(engine).counts["failures"] == 1
    with Session(engine) as s, s.begin():
        store_record(s, "bad.txt", "f" * 64, records(nlp)[0])
    with Session(engine) as s:
        assert count(s, FailureRow) == 0
        assert s.get(InputRow, "bad.txt").status == "stored"  # type: ignore[union-attr]


def test_full_text_search_on_articles_and_claims(store_url: str, nlp: Language) -> None:
    engine = open_engine(store_url)
    recs = records(nlp)
    with Session(engine) as s, s.begin():
        ids = [store_record(s, f"f{i}", f"{i:064d}", r)[0] for i, r in enumerate(recs)]
    assert search_articles(engine, "medical supplies") == [ids[0]]
    assert search_articles(engine, "fishermen Mokha") == [ids[1]]
    assert search_articles(engine, "submarine") == []
    assert search_articles(engine, '" OR 1=1; --') == []       # input never becomes query syntax
    assert search_claims(engine, "convoy") or search_claims(engine, "fishermen")


def test_fts5_query_quotes_every_word() -> None:
    assert fts5_query('drones NEAR "Idlib" OR x*') == '"drones" "NEAR" "Idlib" "OR" "x"'
