"""Scoring predicted spans against re3d gold: P/R/F1 exact and overlap, per type and overall,
error classes with examples, and alias accuracy over ``IsSynonymOf`` pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .prf import PRF, Span, match_pairs, overlaps, per_label, span_prf
from .re3d_predict import Predicted
from .re3d_reader import Offsets, Re3dDoc
from .re3d_types import TypeMap

MODES = ("exact", "overlap")
EXAMPLES = 3
TOP_CLASSES = 15


def visible(doc: Re3dDoc, pred: Sequence[Predicted], types: Sequence[str]) -> tuple[list[Span], list[Span]]:
    """Gold and predicted spans of ``types``. A prediction lying only on gold of another re3d type
    (Money, DocumentReference, ...) is set aside: it is neither right nor wrong here."""
    gold = [(g.start, g.end, g.type) for g in doc.entities if g.type in types]
    others = [(g.start, g.end) for g in doc.entities if g.type not in types]
    kept = []
    for p in pred:
        if p.type not in types:
            continue
        on_gold = any(overlaps((p.start, p.end), (g[0], g[1])) for g in gold)
        if on_gold or not any(overlaps((p.start, p.end), o) for o in others):
            kept.append(p.span)
    return gold, kept


def _largest_overlap(span: Span, pool: Sequence[Span]) -> Span | None:
    best: tuple[int, Span] | None = None
    for p in pool:
        shared = min(span[1], p[1]) - max(span[0], p[0])
        if shared > 0 and (best is None or shared > best[0]):
            best = (shared, p)
    return best[1] if best else None


@dataclass
class ErrorTally:
    """Error classes of exact matching: missed, boundary, confusion (gold -> predicted), spurious."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, example: str) -> None:
        self.counts[name] += 1
        shown = self.examples.setdefault(name, [])
        if len(shown) < EXAMPLES:
            shown.append(example)

    def tally(self, doc: Re3dDoc, gold: list[Span], pred: list[Span]) -> None:
        pairs = match_pairs(gold, pred, mode="exact")
        hit_g = {i for i, _ in pairs}
        hit_p = {j for _, j in pairs}
        tag = f"[{doc.id[:6]}]"
        for i, g in enumerate(gold):
            if i in hit_g:
                continue
            said = repr(doc.text[g[0]:g[1]])
            same = _largest_overlap(g, [p for p in pred if p[2] == g[2]])
            other = _largest_overlap(g, pred)
            if same is not None:
                self.add(f"boundary {g[2]}", f"{tag} gold {said} ~ ours {doc.text[same[0]:same[1]]!r}")
            elif other is not None:
                self.add(f"confusion {g[2]} -> {other[2]}", f"{tag} {said} ~ {doc.text[other[0]:other[1]]!r}")
            else:
                self.add(f"missed {g[2]}", f"{tag} {said}")
        for j, p in enumerate(pred):
            if j not in hit_p and _largest_overlap(p, gold) is None:
                self.add(f"spurious {p[2]}", f"{tag} {doc.text[p[0]:p[1]]!r}")

    def top(self, n: int = TOP_CLASSES) -> dict[str, list[str]]:
        return {f"{name} ({count})": self.examples[name] for name, count in self.counts.most_common(n)}


def _key_at(span: Offsets, pred: Sequence[Predicted]) -> str | None:
    """Key of the keyed prediction sharing the most characters with ``span``."""
    best: tuple[int, str] | None = None
    for p in pred:
        shared = min(span[1], p.end) - max(span[0], p.start)
        if p.key is not None and shared > 0 and (best is None or shared > best[0]):
            best = (shared, p.key)
    return best[1] if best else None


def alias_pairs(doc: Re3dDoc, alias_types: Sequence[str]) -> list[tuple[Offsets, Offsets]]:
    """The document's synonym pairs whose both ends are gold entities of ``alias_types``."""
    typed = {(g.start, g.end): g.type for g in doc.entities}
    return [(a, b) for a, b in doc.synonyms if typed.get(a) in alias_types and typed.get(b) in alias_types]


@dataclass
class Tally:
    """Counts over documents for one system."""

    totals: dict[str, PRF] = field(default_factory=lambda: {m: PRF() for m in MODES})
    by_type: dict[str, dict[str, PRF]] = field(default_factory=lambda: {m: {} for m in MODES})
    errors: ErrorTally = field(default_factory=ErrorTally)
    alias_correct: int = 0
    alias_linked: int = 0
    alias_total: int = 0

    def add(self, doc: Re3dDoc, pred: Sequence[Predicted], tmap: TypeMap) -> None:
        gold, kept = visible(doc, pred, tmap.scored)
        for mode in MODES:
            self.totals[mode] += span_prf(gold, kept, mode=mode)
        self.errors.tally(doc, gold, kept)
        gold_all, kept_all = visible(doc, pred, tmap.reported)
        for mode in MODES:
            for label, prf in per_label(gold_all, kept_all, mode=mode).items():
                self.by_type[mode].setdefault(label, PRF())
                self.by_type[mode][label] += prf
        for a, b in alias_pairs(doc, tmap.alias_types):
            ka, kb = _key_at(a, pred), _key_at(b, pred)
            self.alias_total += 1
            self.alias_linked += int(ka is not None and kb is not None)
            self.alias_correct += int(ka is not None and ka == kb)

    def metrics(self, tmap: TypeMap) -> dict[str, float]:
        """``overall.<mode>.*``, ``<Type>.<mode>.*`` (separate types only when predicted) and ``alias.*``."""
        out: dict[str, float] = {}
        for mode in MODES:
            out |= self.totals[mode].as_metrics(f"overall.{mode}")
        for label in tmap.reported:
            exact = self.by_type["exact"].get(label)
            if exact is None or (label in tmap.separate and exact.n_pred == 0):
                continue
            for mode in MODES:
                out |= self.by_type[mode][label].as_metrics(f"{label}.{mode}")
        total = self.alias_total
        out["alias.accuracy"] = round(self.alias_correct / total, 4) if total else 0.0
        out["alias.linked"] = round(self.alias_linked / total, 4) if total else 0.0
        out["alias.n_pairs"] = float(total)
        return out
