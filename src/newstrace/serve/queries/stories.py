"""Stories (event clusters): the list, most reported first, with their contradiction counts."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from ...store.models import AssertionRow, ClusterRow
from ..schemas import StorySummary


def list_stories(engine: Engine, *, type_: str | None = None, min_origins: int | None = None,
                 min_reports: int | None = None, circular: bool | None = None, q: str | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[list[StorySummary], int]:
    query = select(ClusterRow)
    if type_:
        query = query.where(ClusterRow.type == type_.upper())
    if min_origins is not None:
        query = query.where(ClusterRow.independent_origins >= min_origins)
    if min_reports is not None:
        query = query.where(ClusterRow.reports >= min_reports)
    if circular is not None:
        query = query.where(ClusterRow.circular == circular)
    if q:
        query = query.where(func.lower(ClusterRow.summary).contains(q.casefold(), autoescape=True))
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = list(session.scalars(query.order_by(ClusterRow.reports.desc(), ClusterRow.independent_origins.desc(),
                                                   ClusterRow.id).limit(limit).offset(offset)))
        contradicted = dict(session.execute(
            select(AssertionRow.cluster_id, func.count(AssertionRow.id))
            .where(AssertionRow.cluster_id.in_([r.id for r in rows]), AssertionRow.contradicted.is_(True))
            .group_by(AssertionRow.cluster_id)).all())
    return [StorySummary(id=r.id, type=r.type, summary=r.summary, reports=r.reports,
                         independent_origins=r.independent_origins, circular=r.circular,
                         first_published=r.first_published, contradictions=contradicted.get(r.id, 0))
            for r in rows], count
