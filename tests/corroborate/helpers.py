"""Reading back what corroboration stored, for assertions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from newstrace.store.models import (
    ArticleRow,
    AssertionRow,
    CitationRow,
    ClusterMemberRow,
    ClusterRow,
    CorroborationState,
    EventRow,
)


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row corroboration writes, as plain tuples."""
    with Session(engine) as s:
        return {
            "articles": [tuple(r) for r in s.execute(select(
                ArticleRow.id, ArticleRow.syndication_group, ArticleRow.minhash).order_by(ArticleRow.id))],
            "clusters": [(c.id, c.type, c.summary, c.first_article_id, c.first_published, c.reports,
                          c.independent_origins, c.circular, c.analysis, c.updated_at)
                         for c in s.scalars(select(ClusterRow).order_by(ClusterRow.id))],
            "members": [tuple(r) for r in s.execute(select(
                ClusterMemberRow.event_id, ClusterMemberRow.cluster_id).order_by(ClusterMemberRow.event_id))],
            "citations": [tuple(r) for r in s.execute(select(
                CitationRow.id, CitationRow.article_id, CitationRow.citing, CitationRow.cited).order_by(CitationRow.id))],
            "assertions": [tuple(r) for r in s.execute(select(
                AssertionRow.id, AssertionRow.cluster_id, AssertionRow.event_id, AssertionRow.field,
                AssertionRow.value, AssertionRow.source, AssertionRow.contradicted).order_by(AssertionRow.id))],
            "state": [tuple(r) for r in s.execute(select(CorroborationState.key, CorroborationState.value))],
        }


def groups(engine: Engine) -> dict[str | None, int | None]:
    """Syndication group by outlet."""
    with Session(engine) as s:
        return {outlet: group for outlet, group in s.execute(select(ArticleRow.outlet, ArticleRow.syndication_group))}


def clusters(engine: Engine) -> list[dict[str, Any]]:
    """Each cluster with its members as (outlet, local event id) pairs."""
    with Session(engine) as s:
        out = []
        for c in s.scalars(select(ClusterRow).order_by(ClusterRow.id)):
            members = s.execute(select(ArticleRow.outlet, EventRow.local_id)
                                .join(EventRow, EventRow.article_id == ArticleRow.id)
                                .join(ClusterMemberRow, ClusterMemberRow.event_id == EventRow.id)
                                .where(ClusterMemberRow.cluster_id == c.id))
            out.append({"id": c.id, "type": c.type, "members": sorted((o, v) for o, v in members), "reports": c.reports,
                        "origins": c.independent_origins, "circular": c.circular, "analysis": c.analysis,
                        "first": c.first_article_id, "first_published": c.first_published})
        return out


def cluster_of(engine: Engine, outlet: str, local_id: str) -> dict[str, Any]:
    found = [c for c in clusters(engine) if (outlet, local_id) in c["members"]]
    assert len(found) == 1, (outlet, local_id, found)
    return found[0]


def assertions(engine: Engine, cluster_id: int) -> list[tuple[str, str, str, bool]]:
    """(field, value, source, contradicted) of a cluster, without repeats."""
    with Session(engine) as s:
        rows = s.execute(select(AssertionRow.field, AssertionRow.value, AssertionRow.source,
                                AssertionRow.contradicted).where(AssertionRow.cluster_id == cluster_id))
        return sorted({(f, v, src, c) for f, v, src, c in rows})
