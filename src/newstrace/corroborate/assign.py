"""Assigning new events to clusters, one pass in publication order.

Each event joins the best-scoring candidate cluster when the score reaches ``join``, else starts one.
When it reaches ``merge`` with several clusters, those clusters were one event reported in
different words: they are merged into the oldest (the one stored first, else the best). A denial
joins the best cluster that reports the event rather than one of denials, and the clusters of
denials it reaches ``join`` with are merged into that one (they deny the same event).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .blocking import BlockIndex
from .config import thresholds
from .features import EventFeatures
from .profile import ClusterProfile, score
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


def assign(new: list[EventFeatures], index: BlockIndex, df: DocFrequencies) -> Assignment:
    """Put each new event in a cluster, merging clusters it ties together."""
    cfg = thresholds()
    out = Assignment()
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
    return out
