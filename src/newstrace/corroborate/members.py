"""Everything the per-cluster analyses need about each member event, loaded for a set of clusters."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import ArticleRow, ClusterMemberRow, EntityRow, EventRow, ParticipantRow
from .chains import Chain, load_chains

CHUNK = 500


@dataclass
class Member:
    event_id: int
    cluster_id: int
    article_id: int
    outlet: str | None
    published: datetime.date | None
    group: int | None                    # syndication group
    type: str
    evidence: str
    evidence_start: int
    time_start: datetime.date | None
    time_end: datetime.date | None
    data: dict[str, Any]
    chain: Chain | None                  # None: the outlet states it in its own voice
    actors: list[str] = field(default_factory=list)     # canonical entities only
    targets: list[str] = field(default_factory=list)
    negated: bool = False                # the member denies the event


def affirmed(members: list[Member]) -> list[Member]:
    """The members that report the event (denials are not origins and do not describe it); all of
    them when every member is a denial."""
    return [m for m in members if not m.negated] or members


def load_members(session: Session, cluster_ids: Iterable[int]) -> tuple[dict[int, list[Member]], dict[int, Chain]]:
    """Members by cluster (by event id), and every chain of every member article (by attribution id)."""
    ids = sorted(set(cluster_ids))
    by_cluster: dict[int, list[Member]] = {}
    by_event: dict[int, Member] = {}
    attribution: dict[int, int | None] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = (select(EventRow.id, ClusterMemberRow.cluster_id, EventRow.article_id, ArticleRow.outlet,
                       ArticleRow.published, ArticleRow.syndication_group, EventRow.type, EventRow.evidence,
                       EventRow.evidence_start, EventRow.time_start, EventRow.time_end, EventRow.data,
                       EventRow.attribution_id, EventRow.negated)
                .join(ClusterMemberRow, ClusterMemberRow.event_id == EventRow.id)
                .join(ArticleRow, ArticleRow.id == EventRow.article_id)
                .where(ClusterMemberRow.cluster_id.in_(ids[start : start + CHUNK])).order_by(EventRow.id))
        for eid, cid, aid, outlet, published, group, type_, evidence, ev_start, t0, t1, data, att, negated in (
                session.execute(stmt)):
            m = Member(eid, cid, aid, outlet, published, group, type_, evidence, ev_start, t0, t1, data, None,
                       negated=bool(negated))
            attribution[eid] = att
            by_event[m.event_id] = m
            by_cluster.setdefault(m.cluster_id, []).append(m)
    chains = load_chains(session, {m.article_id for m in by_event.values()})
    for eid, att in attribution.items():
        by_event[eid].chain = chains.get(att) if att is not None else None
    _add_names(session, by_event)
    return by_cluster, chains


def _add_names(session: Session, by_event: dict[int, Member]) -> None:
    ids = sorted(by_event)
    for start in range(0, len(ids), CHUNK):
        stmt = (select(ParticipantRow.event_id, ParticipantRow.role, EntityRow.name)
                .join(EntityRow, EntityRow.id == ParticipantRow.entity_id)
                .where(ParticipantRow.event_id.in_(ids[start : start + CHUNK])).order_by(ParticipantRow.id))
        for eid, role, canonical in session.execute(stmt):
            m = by_event[eid]
            (m.actors if role == "actor" else m.targets).append(canonical)
