"""Articles: the list (browse, full-text search, by outlet) and one article with its record."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from ...store.models import ArticleRow, ClusterMemberRow, ClusterRow, EventRow
from ...store.search import search_articles
from ..schemas import ArticleDetail, ArticleSummary, StoryRef

SEARCH_CAP = 10_000
SNIPPET = 240


def _summaries(session: Session, ids: list[int]) -> list[ArticleSummary]:
    """Summaries of ``ids`` in the order given."""
    if not ids:
        return []
    events = dict(session.execute(select(EventRow.article_id, func.count(EventRow.id))
                                  .where(EventRow.article_id.in_(ids)).group_by(EventRow.article_id)).all())
    rows = {r.id: r for r in session.execute(
        select(ArticleRow.id, ArticleRow.title, ArticleRow.outlet, ArticleRow.published, ArticleRow.url,
               func.substr(ArticleRow.text, 1, SNIPPET).label("snippet")).where(ArticleRow.id.in_(ids)))}
    return [ArticleSummary(id=i, title=rows[i].title, outlet=rows[i].outlet, published=rows[i].published,
                           url=rows[i].url, snippet=rows[i].snippet, events=events.get(i, 0))
            for i in ids if i in rows]


def list_articles(engine: Engine, *, q: str | None = None, outlet: str | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[list[ArticleSummary], int]:
    """A page of articles (newest first, or best match first with ``q``) and how many match."""
    with Session(engine) as session:
        if q:
            ids = search_articles(engine, q, limit=SEARCH_CAP)
            if outlet and ids:
                keep = set(session.scalars(select(ArticleRow.id).where(
                    ArticleRow.id.in_(ids), func.lower(ArticleRow.outlet) == outlet.casefold())))
                ids = [i for i in ids if i in keep]
            return _summaries(session, ids[offset : offset + limit]), len(ids)
        query = select(ArticleRow.id)
        if outlet:
            query = query.where(func.lower(ArticleRow.outlet) == outlet.casefold())
        count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        page = list(session.scalars(query.order_by(ArticleRow.published.desc(), ArticleRow.id.desc())
                                    .limit(limit).offset(offset)))
        return _summaries(session, page), count


def article_detail(engine: Engine, article_id: int) -> ArticleDetail | None:
    """One article with its analysis record, its syndicated copies and the stories it reports."""
    with Session(engine) as session:
        row = session.get(ArticleRow, article_id)
        if row is None:
            return None
        copies: list[int] = []
        if row.syndication_group is not None:
            copies = list(session.scalars(select(ArticleRow.id).where(
                ArticleRow.syndication_group == row.syndication_group, ArticleRow.id != row.id)
                .order_by(ArticleRow.id)))
        stories = [StoryRef(id=c.id, summary=c.summary, independent_origins=c.independent_origins)
                   for c in session.scalars(
                       select(ClusterRow).where(ClusterRow.id.in_(
                           select(ClusterMemberRow.cluster_id).join(EventRow, EventRow.id == ClusterMemberRow.event_id)
                           .where(EventRow.article_id == row.id)))
                       .order_by(ClusterRow.reports.desc(), ClusterRow.id))]
        return ArticleDetail(id=row.id, title=row.title, outlet=row.outlet, published=row.published, url=row.url,
                             syndication_group=row.syndication_group, copies=copies, stories=stories,
                             record=dict(row.record))
