"""Claims (attributed statements): full-text search, and what is said about an entity."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, Row, Select, func, select
from sqlalchemy.orm import Session, selectinload

from ...store.models import ArticleRow, AttributionRow, MentionRow
from ...store.queries import chain_of
from ...store.search import search_claims
from ...store.views import ChainView, ClaimView

SEARCH_CAP = 10_000


def _views(rows: Sequence[tuple[AttributionRow, ArticleRow] | Row[AttributionRow, ArticleRow]]) -> list[ClaimView]:
    return [ClaimView(attribution_id=att.id, article_id=art.id, outlet=art.outlet, published=art.published,
                      kind=att.kind, cue=att.cue, content=att.content,
                      chain=chain_of(att) or ChainView(links=[], types=[]))
            for att, art in rows]


def _with_article(ids: list[int]) -> Select[AttributionRow, ArticleRow]:
    return (select(AttributionRow, ArticleRow).join(ArticleRow, ArticleRow.id == AttributionRow.article_id)
            .where(AttributionRow.id.in_(ids)).options(selectinload(AttributionRow.links)))


def find_claims(engine: Engine, q: str, *, limit: int = 50, offset: int = 0) -> tuple[list[ClaimView], int]:
    """Claims whose content matches every word of ``q``, best first, and how many match."""
    ids = search_claims(engine, q, limit=SEARCH_CAP)
    page = ids[offset : offset + limit]
    with Session(engine) as session:
        found = {att.id: (att, art) for att, art in session.execute(_with_article(page)).all()}
    return _views([found[i] for i in page if i in found]), len(ids)


def _about(entity_id: int) -> Select[AttributionRow, ArticleRow]:
    inside = (select(MentionRow.id).where(
        MentionRow.entity_id == entity_id, MentionRow.article_id == AttributionRow.article_id,
        MentionRow.start >= AttributionRow.content_start, MentionRow.end <= AttributionRow.content_end).exists())
    return select(AttributionRow, ArticleRow).join(ArticleRow, ArticleRow.id == AttributionRow.article_id).where(inside)


def claims_about_entity(session: Session, entity_id: int, *, limit: int = 100) -> list[ClaimView]:
    """Claims whose content mentions the entity, newest first."""
    query = (_about(entity_id).options(selectinload(AttributionRow.links))
             .order_by(ArticleRow.published.desc(), AttributionRow.id).limit(limit))
    return _views(session.execute(query).all())


def sources_about_entity(session: Session, entity_id: int, *, limit: int = 20) -> list[tuple[str, int]]:
    """Origins of the claims about the entity with how many claims each, most first."""
    sub = _about(entity_id).with_only_columns(AttributionRow.id, AttributionRow.origin).subquery()
    return [(origin, n) for origin, n in session.execute(
        select(sub.c.origin, func.count(sub.c.id)).group_by(sub.c.origin)
        .order_by(func.count(sub.c.id).desc(), sub.c.origin).limit(limit)).all()]
