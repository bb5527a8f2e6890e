"""Event clusters: the same real-world event across articles (and restated within one article).

New events (those without a ``cluster_members`` row) are assigned in publication order (see
``assign.py``) to candidate clusters from the blocking index. Stored clusters are loaded only where
new events could join them: of the new events' types, within their dates (plus the windows).
Cost: O(E_scope) to load, plus O(E_new * keys * block) to score; see ``blocking.py``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, delete, insert, or_, update
from sqlalchemy.orm import Session

from ..store.models import ArticleRow, ClusterMemberRow, ClusterRow, EventRow
from .assign import assign
from .blocking import BlockIndex
from .config import thresholds
from .features import CHUNK, EventFeatures, Interval, fill_places, load_events
from .profile import ClusterProfile
from .state import load_df, save_df


@dataclass
class ClusterResult:
    new_events: int = 0
    created: int = 0
    affected: set[int] = field(default_factory=set)
    removed: set[int] = field(default_factory=set)     # stored clusters merged into others


def _ranges(new: list[EventFeatures], pad: datetime.timedelta, most: int = 64) -> list[Interval]:
    """The new events' padded intervals merged into at most ``most`` date ranges."""
    spans = sorted((e.interval[0] - pad, e.interval[1] + pad) for e in new if e.interval is not None)
    merged: list[Interval] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    while len(merged) > most:                      # close the smallest gap
        i = min(range(len(merged) - 1), key=lambda j: merged[j + 1][0] - merged[j][1])
        merged[i : i + 2] = [(merged[i][0], merged[i + 1][1])]
    return merged


def _scope(new: list[EventFeatures]) -> ColumnElement[bool]:
    """Clustered events of the new events' types that could overlap their dates."""
    cfg = thresholds().time
    clustered = and_(ClusterMemberRow.cluster_id.is_not(None), EventRow.type.in_(sorted({e.type for e in new})))
    ranges = _ranges(new, datetime.timedelta(days=cfg.max_gap_days + cfg.before_days + cfg.after_days))
    if not ranges:
        return clustered
    span = datetime.timedelta(days=cfg.max_span_days)
    when = or_(*(or_(EventRow.time_start.between(lo - span, hi), ArticleRow.published.between(lo, hi))
                 for lo, hi in ranges),
               and_(EventRow.time_start.is_(None), ArticleRow.published.is_(None)))
    return and_(clustered, when)


def _existing(session: Session, new: list[EventFeatures]) -> dict[int, list[EventFeatures]]:
    ids = sorted({e.cluster_id for e in load_events(session, _scope(new)) if e.cluster_id is not None})
    members: dict[int, list[EventFeatures]] = {}
    for start in range(0, len(ids), CHUNK):
        for ev in load_events(session, ClusterMemberRow.cluster_id.in_(ids[start : start + CHUNK])):
            assert ev.cluster_id is not None
            members.setdefault(ev.cluster_id, []).append(ev)
    return members


def cluster_new_events(session: Session) -> ClusterResult:
    """Cluster the events not yet in a cluster; store clusters and members."""
    new = load_events(session, ClusterMemberRow.event_id.is_(None))
    result = ClusterResult(new_events=len(new))
    if not new:
        return result
    df = load_df(session)
    for ev in new:
        df.add(ev.words)
    index = BlockIndex(thresholds().time, df)
    existing = _existing(session, new)
    fill_places([*new, *(ev for old in existing.values() for ev in old)])
    for cid, old in sorted(existing.items()):
        profile = ClusterProfile(cid, old[0].type)
        n = index.new_cluster(profile)
        for ev in old:
            profile.add(ev, df)
            index.add(ev, profile, n)
    done = assign(new, index, df)
    changed = [index.clusters[n] for n in sorted(done.changed)]
    created = [(p, ClusterRow(type=p.type, analysis={})) for p in changed if p.id is None]
    session.add_all(row for _, row in created)
    session.flush()                               # one batched INSERT ... RETURNING for the ids
    for profile, row in created:
        profile.id = row.id
    result.created = len(created)
    for drop, keep in done.merged:
        gone = index.clusters[drop].id
        if gone is not None:                       # a stored cluster merged into another one
            session.execute(update(ClusterMemberRow).where(ClusterMemberRow.cluster_id == gone)
                            .values(cluster_id=index.clusters[keep].id))
            session.execute(delete(ClusterRow).where(ClusterRow.id == gone))
            result.removed.add(gone)
    new_ids = {e.id for e in new}
    members = [{"event_id": ev.id, "cluster_id": p.id} for p in changed for ev in p.members if ev.id in new_ids]
    session.execute(insert(ClusterMemberRow), members)
    result.affected = {p.id for p in changed if p.id is not None}
    save_df(session, df)
    return result
