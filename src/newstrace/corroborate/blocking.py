"""The blocking index: clusters by (type, entity | place | country | rare word | article, week).

An event is scored only against the clusters that share one of its keys in a week its time window
touches: a canonical participant, its place or country, one of the ``block_words`` rarest content
words of its evidence that some other event shares (by IDF), or its article. So each event meets the handful of clusters about
the same participants, places or words at the same time, never the whole corpus: O(keys * block
size) per event, where the block size depends on how many distinct events share a key in a week,
not on how many articles repeat them.
"""

from __future__ import annotations

import datetime

from .config import TimeWindow
from .features import EventFeatures
from .profile import ClusterProfile
from .text import DocFrequencies

Key = tuple[object, ...]


class BlockIndex:
    def __init__(self, cfg: TimeWindow, df: DocFrequencies) -> None:
        self.cfg = cfg
        self.df = df
        self.blocks: dict[Key, set[int]] = {}
        self.keys: dict[int, set[Key]] = {}          # the keys each cluster is registered under
        self.clusters: list[ClusterProfile] = []

    def _buckets(self, ev: EventFeatures, pad: int) -> list[int | None]:
        if ev.interval is None:
            return [None]
        days = datetime.timedelta(days=pad)
        lo = (ev.interval[0] - days).toordinal() // self.cfg.bucket_days
        hi = (ev.interval[1] + days).toordinal() // self.cfg.bucket_days
        return list(range(lo, hi + 1))

    @staticmethod
    def _base(ev: EventFeatures) -> list[Key]:
        base: list[Key] = [("e", x) for x in sorted(ev.actors | ev.targets)]
        base += [("p", p) for p in sorted(ev.places)]
        if ev.country:
            base.append(("c", ev.country))
        return base

    def _rare(self, ev: EventFeatures) -> list[Key]:
        """The rarest words the event shares with some other event (a word seen once meets nothing)."""
        shared = [w for w in ev.words if self.df.df.get(w, 0) > 1]
        return [("w", w) for w in sorted(shared, key=lambda w: (-self.df.idf(w), w))[: self.cfg.block_words]]

    def add(self, ev: EventFeatures, cluster: ClusterProfile, index: int) -> None:
        """Register ``cluster`` (number ``index``) under the keys of its new member ``ev``."""
        buckets = self._buckets(ev, 0)
        base = [*self._base(ev), *(("w", w) for w in ev.words), ("t",)]
        keys: list[Key] = [(ev.type, *b, w) for b in base for w in buckets]
        keys.append((ev.type, "a", ev.article_id))
        for k in keys:
            self.blocks.setdefault(k, set()).add(index)
        self.keys.setdefault(index, set()).update(keys)

    def merge(self, keep: int, drop: int, df: DocFrequencies) -> None:
        """Move cluster ``drop``'s members and keys to ``keep``; ``drop`` is left empty."""
        for ev in self.clusters[drop].members:
            self.clusters[keep].add(ev, df)
        self.clusters[drop].members = []
        for k in self.keys.pop(drop, set()):
            self.blocks[k].discard(drop)
            self.blocks[k].add(keep)
            self.keys[keep].add(k)

    def new_cluster(self, cluster: ClusterProfile) -> int:
        self.clusters.append(cluster)
        return len(self.clusters) - 1

    def candidates(self, ev: EventFeatures) -> list[int]:
        """Numbers of the clusters ``ev`` shares a key with, in a week its window (+ the gap) touches."""
        buckets = self._buckets(ev, self.cfg.max_gap_days)
        base = [*self._base(ev), *self._rare(ev)] or [("t",)]
        found: set[int] = set(self.blocks.get((ev.type, "a", ev.article_id), ()))
        for b in base:
            for w in buckets:
                found |= self.blocks.get((ev.type, *b, w), set())
        return sorted(found)
