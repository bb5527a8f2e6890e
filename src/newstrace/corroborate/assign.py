"""Assigning new events to clusters, one pass in publication order.

Each event joins the best-scoring candidate cluster when the score reaches ``join``, else starts one.
When it reaches ``merge`` with several clusters, those clusters were one event reported in
different words: they are merged into the oldest (the one stored first, else the best). A denial
joins the best cluster that reports the event rather than one of denials, and the clusters of
denials it reaches ``join`` with are merged into that one (they deny the same event).

One pass depends on the order: a headline may start a cluster before the detailed sentence that
would tie it to another arrives. So an event that reaches ``join`` with two clusters (a bridge: both
are in one of its blocks) is kept, and after the pass each bridged pair is merged when the clusters,
taken whole, are one event: nothing rules them apart (``conflict``) and they share a participant, a
place or a time. Only bridged pairs are looked at, O(bridges), never all pairs of clusters.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass, field

from .blocking import BlockIndex
from .config import thresholds
from .features import EventFeatures
from .profile import ClusterProfile, conflict, score
from .text import DocFrequencies


@dataclass
class Assignment:
    changed: set[int] = field(default_factory=set)            # cluster numbers that got members
    merged: list[tuple[int, int]] = field(default_factory=list)  # (dropped number, kept number)


def _order(ev: EventFeatures) -> tuple[datetime.date, int, int]:
    return ev.published or datetime.date.max, ev.article_id, ev.id


def _survivor(index: BlockIndex, numbers: list[int]) -> int:
    stored = [n for n in numbers if index.clusters[n].id is not None]
    return min(stored, key=lambda n: index.clusters[n].id or 0) if stored else numbers[0]


def _reconcile(index: BlockIndex, bridges: list[tuple[int, int]], df: DocFrequencies,
               out: Assignment, near_km: float, placeless: Collection[str] = ()) -> None:
    """Merge the bridged pairs of clusters that are one event, in the order of the bridging events
    (so a cluster is judged with what the earlier bridges added, as the pass itself judged events)."""
    moved: dict[int, int] = {n: k for n, k in out.merged}

    def where(n: int) -> int:
        while n in moved:
            n = moved[n]
        return n

    for a, b in bridges:
        a, b = where(a), where(b)
        if a == b or not index.clusters[a].members or not index.clusters[b].members:
            continue
        if conflict(index.clusters[a], index.clusters[b], near_km, placeless):
            continue
        keep = _survivor(index, sorted((a, b), key=lambda n: (-len(index.clusters[n].members), n)))
        drop = b if keep == a else a
        index.merge(keep, drop, df)
        moved[drop] = keep
        out.merged.append((drop, keep))
        out.changed.discard(drop)
        out.changed.add(keep)


def assign(new: list[EventFeatures], index: BlockIndex, df: DocFrequencies) -> Assignment:
    """Put each new event in a cluster, merging clusters it ties together."""
    cfg = thresholds()
    out = Assignment()
    bridges: list[tuple[int, int]] = []               # clusters an event reached `join` with
    for ev in sorted(new, key=_order):
        weights = df.weights(ev.words)
        scored = sorted(((s, n) for n in index.candidates(ev)
                         if (s := score(ev, index.clusters[n], weights, cfg.score, cfg.time)) is not None
                         and s >= cfg.score.join), reverse=True)
        if not scored:
            best = index.new_cluster(ClusterProfile(None, ev.type))
        else:
            group = [n for s, n in scored if s >= cfg.score.merge] or [scored[0][1]]
            affirmed = [n for _, n in scored if not index.clusters[n].denial]
            if ev.negated and affirmed:
                # a denial goes with the event it denies, and brings the denials it fits along
                group = [affirmed[0], *(n for _, n in scored if index.clusters[n].denial)]
            group = [group[0], *(n for n in group[1:] if n != group[0])]
            best = _survivor(index, group)
            for n in group:
                if n != best:
                    index.merge(best, n, df)
                    out.merged.append((n, best))
                    out.changed.discard(n)
        index.clusters[best].add(ev, df)
        index.add(ev, index.clusters[best], best)
        out.changed.add(best)
        bridges += [(best, n) for _, n in scored if index.clusters[n].members and n != best]
    _reconcile(index, bridges, df, out, cfg.score.near_km, cfg.score.placeless_types)
    return out
