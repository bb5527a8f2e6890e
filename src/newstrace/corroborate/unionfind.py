"""Union-find whose representative is always the smallest member."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    """Disjoint sets over comparable keys; ``find`` gives the least key of the set."""

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def add(self, key: K, parent: K | None = None) -> None:
        self.parent.setdefault(key, key if parent is None else parent)
        if parent is not None:
            self.parent.setdefault(parent, parent)

    def find(self, key: K) -> K:
        self.add(key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: K, b: K) -> K:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        low, high = (ra, rb) if ra < rb else (rb, ra)  # type: ignore[operator]
        self.parent[high] = low
        return low

    def groups(self) -> dict[K, list[K]]:
        out: dict[K, list[K]] = {}
        for key in self.parent:
            out.setdefault(self.find(key), []).append(key)
        return out
