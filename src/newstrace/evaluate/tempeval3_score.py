"""Scoring predicted times against a TimeML document's TIMEX3s (TempEval-3 style).

Spans pair one to one (:func:`.prf.match_pairs`): strict needs the same offsets, relaxed an
overlap. Type and value accuracy are measured on the relaxed pairs, as TempEval-3 does;
``value.f1`` counts as true positives only the relaxed pairs whose value is right.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from .prf import PRF, Span, match_pairs, span_prf
from .tempeval3_timeml import TimeMLDoc, Timex
from .tempeval3_values import denote, same_value

EXAMPLES = 4     # examples kept per error class


@dataclass(frozen=True)
class Predicted:
    """A time found by a system: offsets into the document text and what it says."""

    start: int
    end: int
    text: str
    value: str
    first: dt.date | None = None
    last: dt.date | None = None
    type: str | None = None      # DATE, TIME, DURATION or SET; None when the system does not say
    rule: str | None = None      # the rule that produced it, for the error classes


@dataclass
class Tally:
    """Counts over documents, with error classes (class -> count, examples)."""

    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    value_ok: int = 0
    type_ok: int = 0
    typed: int = 0
    matched: int = 0
    by_type: dict[str, PRF] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, cls: str, example: str) -> None:
        self.counts[cls] += 1
        kept = self.examples.setdefault(cls, [])
        if len(kept) < EXAMPLES:
            kept.append(example)

    def metrics(self) -> dict[str, float]:
        """The task's figures; type figures only when the system gives types."""
        out = self.strict.as_metrics("span.strict") | self.relaxed.as_metrics("span.relaxed")
        out["value.accuracy"] = round(self.value_ok / self.matched, 4) if self.matched else 0.0
        out |= PRF(self.value_ok, self.relaxed.n_gold, self.relaxed.n_pred).as_metrics("value")
        if self.typed:
            out["type.accuracy"] = round(self.type_ok / self.typed, 4)
        for label, prf in sorted(self.by_type.items()):
            out[f"recall.{label}"] = round(prf.tp / prf.n_gold, 4) if prf.n_gold else 0.0
        return out

    def errors(self, top: int = 12) -> dict[str, list[str]]:
        """The ``top`` largest error classes, each named with its count."""
        return {f"{cls} ({n})": self.examples[cls] for cls, n in self.counts.most_common(top)}


def shape(value: str) -> str:
    """A coarse class of a TIMEX3 value for error analysis: day, month, quarter, duration, ..."""
    v = value.upper()
    if v.endswith("_REF"):
        return v
    if v.startswith("P"):
        return "duration"
    if "T" in v:
        return "time of day"
    if "X" in v:
        return "underspecified"
    for mark, name in (("-SP", "season"), ("-SU", "season"), ("-FA", "season"), ("-WI", "season"),
                       ("-W", "week"), ("-Q", "quarter"), ("-H", "half")):
        if mark in v:
            return name
    return {2: "century", 3: "decade", 4: "year", 7: "month", 10: "day"}.get(len(v), "other")


def _span(x: Timex | Predicted) -> Span:
    return (x.start, x.end, "TIMEX3")


def score_doc(doc: TimeMLDoc, preds: list[Predicted], tally: Tally) -> None:
    """Add ``preds`` scored against ``doc``'s TIMEX3s to ``tally``."""
    gold = list(doc.timexes)
    gs, ps = [_span(g) for g in gold], [_span(p) for p in preds]
    tally.strict += span_prf(gs, ps, mode="exact", labelled=False)
    pairs = match_pairs(gs, ps, mode="overlap", labelled=False)
    tally.relaxed += PRF(len(pairs), len(gs), len(ps))
    paired_g = {i: j for i, j in pairs}
    paired_p = set(paired_g.values())
    for i, g in enumerate(gold):
        cls = f"{g.type}/{shape(g.value)}"
        hit = i in paired_g
        tally.by_type.setdefault(g.type, PRF())
        tally.by_type[g.type] += PRF(int(hit), 1, 0)
        if not hit:
            tally.note(f"missed {cls}", f"{doc.name}: '{g.text}' = {g.value}")
            continue
        p = preds[paired_g[i]]
        tally.matched += 1
        if (p.start, p.end) != (g.start, g.end):
            tally.note(f"boundary {g.type}", f"{doc.name}: gold '{g.text}', found '{p.text}'")
        if same_value(denote(g.value, doc.dct), p.value, p.first, p.last, g.mod):
            tally.value_ok += 1
        else:
            shown = f"{p.value} [{p.first}..{p.last}]" if p.first else p.value
            tally.note(f"wrong value {cls}", f"{doc.name} (DCT {doc.dct}): '{g.text}' = {g.value}"
                       f"{' mod=' + g.mod if g.mod else ''}, found '{p.text}' = {shown}")
        if p.type is not None:
            tally.typed += 1
            tally.type_ok += int(p.type == g.type)
            if p.type != g.type:
                tally.note(f"wrong type {g.type} as {p.type}", f"{doc.name}: '{g.text}' ({p.rule})")
    for j, p in enumerate(preds):
        if j not in paired_p:
            tally.note(f"spurious {p.rule or 'time'}", f"{doc.name}: '{p.text}' = {p.value}")
