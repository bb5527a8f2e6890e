"""Score attribution triples (source, cue, content) against PolNeAR's: per role and whole triples.

Both sides are reduced to :class:`Triple` of character spans. Before matching, each span is
trimmed of surrounding white space, quotation marks and closing ``, . ; :`` (PolNeAR keeps the
quotation marks with the content, we keep the text inside them); a span made only of such
characters (a colon or a dash used as cue) is kept as it is. Gold and predictions are trimmed
alike, so ours and the peer's are scored by the same rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .prf import PRF, Span, match_pairs, overlaps, span_prf

ROLES = ("source", "cue", "content")
MODES = ("exact", "overlap")
QUOTES = "\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb"
EDGE = " \t\r\n" + QUOTES
TRAILING = ",.;:"

Offsets = tuple[int, int]


@dataclass(frozen=True)
class Triple:
    """One attribution as spans; ``source`` is None when the attribution names no source."""

    source: Offsets | None
    cue: Offsets | None
    content: Offsets | None

    def role(self, name: str) -> Offsets | None:
        span: Offsets | None = getattr(self, name)
        return span


def trim(text: str, span: Offsets) -> Offsets:
    """``span`` without surrounding space, quotation marks and closing punctuation."""
    start, end = span
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and (text[end - 1] in EDGE or text[end - 1] in TRAILING):
        end -= 1
    return (start, end) if end > start else span


def normalise(text: str, triples: Sequence[Triple]) -> list[Triple]:
    """Every span of ``triples`` trimmed (see :func:`trim`)."""
    def t(span: Offsets | None) -> Offsets | None:
        return trim(text, span) if span is not None else None
    return [Triple(t(x.source), t(x.cue), t(x.content)) for x in triples]


def role_spans(triples: Sequence[Triple], role: str) -> list[Span]:
    return [(s[0], s[1], role) for x in triples if (s := x.role(role)) is not None]


def same(a: Offsets | None, b: Offsets | None, mode: str) -> bool:
    """Both absent, or both present and equal (exact) / sharing a character (overlap)."""
    if a is None or b is None:
        return a is None and b is None
    return a == b if mode == "exact" else overlaps(a, b)


def triple_prf(gold: Sequence[Triple], pred: Sequence[Triple], mode: str) -> PRF:
    """Whole-triple matches, one to one: source, cue and content all match in ``mode``."""
    tp = 0
    used: set[int] = set()
    for g in gold:
        j = next((j for j, p in enumerate(pred) if j not in used
                  and all(same(g.role(r), p.role(r), mode) for r in ROLES)), None)
        if j is not None:
            used.add(j)
            tp += 1
    return PRF(tp, len(gold), len(pred))


def score_doc(text: str, gold: Sequence[Triple], pred: Sequence[Triple]) -> dict[str, PRF]:
    """``{"source.exact": PRF, ..., "triple.overlap": PRF}`` for one document (spans trimmed)."""
    gold, pred = normalise(text, gold), normalise(text, pred)
    out: dict[str, PRF] = {}
    for mode in MODES:
        for role in ROLES:
            out[f"{role}.{mode}"] = span_prf(role_spans(gold, role), role_spans(pred, role),
                                             mode=mode, labelled=False)
        out[f"triple.{mode}"] = triple_prf(gold, pred, mode)
    return out


def matched(gold: Sequence[Triple], pred: Sequence[Triple], role: str, mode: str) -> dict[int, int]:
    """Gold index -> predicted index of the one-to-one pairs for ``role`` (indices into the lists)."""
    g_idx = [i for i, x in enumerate(gold) if x.role(role) is not None]
    p_idx = [j for j, x in enumerate(pred) if x.role(role) is not None]
    pairs = match_pairs(role_spans(gold, role), role_spans(pred, role), mode=mode, labelled=False)
    return {g_idx[i]: p_idx[j] for i, j in pairs}


def add_counts(total: dict[str, PRF], doc: dict[str, PRF]) -> None:
    for key, prf in doc.items():
        total.setdefault(key, PRF())
        total[key] += prf
