"""Precision / recall / F1 counting shared by every scorer.

Spans are ``(start, end, label)`` triples in character offsets of one document. Two
matching modes are reported throughout: ``exact`` (same offsets) and ``overlap`` (the
spans share at least one character); both pair gold and predicted items one to one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Self

Span = tuple[int, int, str]


@dataclass
class PRF:
    """True positives with the sizes of both sides; ``tp`` counts one-to-one pairs."""

    tp: int = 0
    n_gold: int = 0
    n_pred: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: PRF) -> Self:
        self.tp += other.tp
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred
        return self

    def as_metrics(self, prefix: str) -> dict[str, float]:
        """``{prefix.p, prefix.r, prefix.f1}`` rounded to four places, plus the counts."""
        return {f"{prefix}.p": round(self.precision, 4), f"{prefix}.r": round(self.recall, 4),
                f"{prefix}.f1": round(self.f1, 4), f"{prefix}.n_gold": float(self.n_gold),
                f"{prefix}.n_pred": float(self.n_pred)}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_pairs(gold: Sequence[Span], pred: Sequence[Span], *, mode: str = "exact",
                labelled: bool = True) -> list[tuple[int, int]]:
    """Pair gold and predicted spans one to one: exact matches first, then the largest overlaps."""
    same: Callable[[Span, Span], bool] = (
        (lambda g, p: g[0] == p[0] and g[1] == p[1]) if mode == "exact"
        else (lambda g, p: overlaps((g[0], g[1]), (p[0], p[1]))))
    candidates: list[tuple[int, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if (not labelled or g[2] == p[2]) and same(g, p):
                shared = min(g[1], p[1]) - max(g[0], p[0])
                exact = int(g[0] == p[0] and g[1] == p[1])
                candidates.append((-exact, -shared, i * len(pred) + j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, k in candidates:
        i, j = divmod(k, len(pred))
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def span_prf(gold: Sequence[Span], pred: Sequence[Span], *, mode: str = "exact",
             labelled: bool = True) -> PRF:
    """P/R/F1 counts for one document's spans (see :func:`match_pairs`)."""
    return PRF(len(match_pairs(gold, pred, mode=mode, labelled=labelled)), len(gold), len(pred))


def per_label(gold: Sequence[Span], pred: Sequence[Span], *, mode: str = "exact") -> dict[str, PRF]:
    """Counts per label (gold label for recall, predicted label for precision)."""
    labels = {s[2] for s in gold} | {s[2] for s in pred}
    return {lab: span_prf([g for g in gold if g[2] == lab], [p for p in pred if p[2] == lab], mode=mode)
            for lab in sorted(labels)}


def accuracy(pairs: Iterable[tuple[Hashable, Hashable]]) -> tuple[int, int]:
    """``(correct, total)`` over (gold, predicted) value pairs."""
    correct = total = 0
    for g, p in pairs:
        total += 1
        correct += int(g == p)
    return correct, total
