"""Coreference metrics: MUC (Vilain et al. 1995), B-cubed (Bagga & Baldwin 1998), CEAF-e (Luo 2005)
and the CoNLL F1 (their average, as the CoNLL-2012 scorer reports it).

A clustering is a list of clusters, each a set of mention keys. ``key`` is the gold clustering,
``response`` the predicted one; they need not cover the same mentions (a key mention missing from
the response counts as an unaligned singleton there, as in the reference scorer).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

Cluster = frozenset[Hashable]


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * p * r / (p + r) if p + r else 0.0


def clusters_of(assignment: Mapping[Hashable, Hashable]) -> list[Cluster]:
    """``{mention: cluster id}`` -> clusters, in a stable order (by their smallest mention's repr)."""
    groups: dict[Hashable, set[Hashable]] = {}
    for mention, cid in assignment.items():
        groups.setdefault(cid, set()).add(mention)
    return sorted((frozenset(g) for g in groups.values()), key=lambda c: min(repr(m) for m in c))


def _index(clusters: Iterable[Cluster]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[int, int]:
    where = _index(response)
    num = den = 0
    for c in key:
        parts = {where.get(m, ("alone", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num, den


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Links: recall = sum(|K| - |partitions of K by the response|) / sum(|K| - 1); precision the converse."""
    rn, rd = _muc_side(key, response)
    pn, pd = _muc_side(response, key)
    return Score(rn / rd if rd else 0.0, pn / pd if pd else 0.0)


def _b3_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    where = _index(response)
    total = sum(len(c) for c in key)
    if not total:
        return 0.0
    acc = 0.0
    for c in key:
        counts: dict[int, int] = {}
        for m in c:
            if m in where:
                counts[where[m]] = counts.get(where[m], 0) + 1
        acc += sum(n * n for n in counts.values()) / len(c)
    return acc / total


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Per mention: |K ∩ R| / |K| (recall) and / |R| (precision), averaged over the mentions of each side."""
    return Score(_b3_side(key, response), _b3_side(response, key))


def phi4(k: Cluster, r: Cluster) -> float:
    return 2 * len(k & r) / (len(k) + len(r))


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Entity-based CEAF: the best one-to-one alignment of clusters under phi4 similarity."""
    if not key or not response:
        return Score(0.0, 0.0)
    where = _index(response)
    sim = [[0.0] * len(response) for _ in key]
    for i, k in enumerate(key):
        for j in {where[m] for m in k if m in where}:
            sim[i][j] = phi4(k, response[j])
    best = sum(sim[i][j] for i, j in max_assignment(sim))
    return Score(best / len(key), best / len(response))


def conll(key: Sequence[Cluster], response: Sequence[Cluster]) -> dict[str, float]:
    """``muc.{r,p,f1}``, ``b3.*``, ``ceafe.*`` and ``conll.f1`` (mean of the three F1), rounded to 4 places."""
    out: dict[str, float] = {}
    f1s = []
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        s = fn(key, response)
        out |= {f"{name}.r": round(s.recall, 4), f"{name}.p": round(s.precision, 4), f"{name}.f1": round(s.f1, 4)}
        f1s.append(s.f1)
    out["conll.f1"] = round(sum(f1s) / 3, 4)
    return out


def max_assignment(sim: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs of a one-to-one assignment maximising the summed similarity."""
    if not sim or not sim[0]:
        return []
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped,unused-ignore]
    except ImportError:   # pragma: no cover - scipy comes with the store's dependencies
        return hungarian_max(sim)
    rows, cols = linear_sum_assignment(np.asarray(sim, dtype=float), maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True)]


def hungarian_max(sim: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The Hungarian algorithm (shortest augmenting paths with potentials, O(n^2 m)) for maximisation;
    the fallback when scipy is absent."""
    n, m = len(sim), len(sim[0]) if sim else 0
    if not n or not m:
        return []
    transposed = n > m
    cost = ([[-sim[i][j] for i in range(n)] for j in range(m)] if transposed
            else [[-v for v in row] for row in sim])
    rows, cols = len(cost), len(cost[0])        # rows <= cols
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    p = [0] * (cols + 1)                         # p[j]: row (1-based) assigned to column j
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, cols + 1) if p[j]]
    return sorted((j, i) for i, j in pairs) if transposed else sorted(pairs)
