"""Tests of newstrace.ingest.article."""

from __future__ import annotations

import datetime

from newstrace.ingest.article import Article, article_id


def test_article_id_ignores_whitespace_layout() -> None:
    one = "The ferry ran late.\nPassengers waited  an hour."
    two = "  The ferry ran late. Passengers\twaited an hour.\n"
    assert article_id(one) == article_id(two)
    assert len(article_id(one)) == 16
    assert article_id(one) != article_id("The ferry ran on time.")


def test_article_id_defaults_to_hash_of_text() -> None:
    article = Article(text="The ferry ran late.", published=datetime.date(2024, 5, 1))
    assert article.id == article_id("The ferry ran late.")
    assert article.language == "en"
    assert Article(text="The ferry ran late.", id="given-id").id == "given-id"
