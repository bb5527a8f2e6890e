"""Recompute what a cluster says as a whole after it changed: reports, first report, independent
origins, circular reporting, summary and competing assertions. O(members + their chains)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..store.models import AssertionRow, ClusterMemberRow, ClusterRow, EventRow
from .contradictions import find_contradictions
from .members import CHUNK, Member, affirmed, load_members
from .origins import analyse_origins


@dataclass
class RefreshResult:
    clusters: int = 0
    assertions: int = 0
    contradicted: int = 0
    circular: int = 0


def clusters_of_articles(session: Session, article_ids: Iterable[int]) -> set[int]:
    ids = sorted(set(article_ids))
    found: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        found.update(session.scalars(select(ClusterMemberRow.cluster_id).join(
            EventRow, EventRow.id == ClusterMemberRow.event_id).where(EventRow.article_id.in_(ids[start : start + CHUNK]))))
    return found


def summary(type_: str, members: list[Member]) -> str:
    """"TYPE actors -> targets in PLACE on DAY" from the members that report the event (a denial
    names the accused as its actor); the day most reports give, the earliest among equals."""
    told = affirmed(members)
    actors = Counter(a for m in told for a in dict.fromkeys(m.actors))
    targets = Counter(t for m in told for t in dict.fromkeys(m.targets))
    places = Counter(str(m.data["place"]["name"]) for m in told if m.data.get("place"))
    days = Counter(m.time_start for m in told
                   if m.time_start and (m.time_end or m.time_start) - m.time_start <= datetime.timedelta(days=1))
    weeks = sorted(m.time_start for m in told
                   if m.time_start and (m.time_end or m.time_start) - m.time_start <= datetime.timedelta(days=7))
    parts = [type_, "/".join(a for a, _ in actors.most_common(2)) or "?", "->",
             "/".join(t for t, _ in targets.most_common(2)) or "?"]
    if places:
        parts.append(f"in {places.most_common(1)[0][0]}")
    if days:
        parts.append(f"on {min(days, key=lambda d: (-days[d], d)).isoformat()}")
    elif weeks:
        parts.append(f"in the week of {weeks[0].isoformat()}")
    return " ".join(parts)


def refresh_clusters(session: Session, cluster_ids: Iterable[int]) -> RefreshResult:
    result = RefreshResult()
    ids = sorted(set(cluster_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        members, chains = load_members(session, chunk)
        session.execute(delete(AssertionRow).where(AssertionRow.cluster_id.in_(chunk)))
        rows = {r.id: r for r in session.scalars(select(ClusterRow).where(ClusterRow.id.in_(chunk)))}
        new_rows: list[dict[str, object]] = []
        for cid in chunk:
            row = rows.get(cid)
            mine = members.get(cid, [])
            if row is None or not mine:
                continue
            articles = {m.article_id for m in mine}
            # denials are no origins: the origins, the first report and circularity are the reports'
            told = affirmed(mine)
            found = analyse_origins(told, [c for c in chains.values() if c.article_id in {m.article_id for m in told}])
            row.reports = len(articles)
            row.independent_origins = found.independent
            row.circular = found.circular
            row.first_article_id = found.first.article_id
            row.first_published = found.first.published
            row.analysis = found.analysis
            row.summary = summary(row.type, mine)
            row.updated_at = datetime.datetime.now(datetime.UTC)
            for a in find_contradictions(mine):
                new_rows.append({"cluster_id": cid, "event_id": a.event_id, "field": a.field, "value": a.value,
                                 "source": a.source[:300], "article_id": a.article_id,
                                 "contradicted": a.contradicted})
                result.contradicted += a.contradicted
            result.clusters += 1
            result.circular += found.circular
        if new_rows:
            session.execute(insert(AssertionRow), new_rows)
        result.assertions += len(new_rows)
    return result
