"""Our analysis records as PolNeAR triples.

A record's source is the origin of its chain: the first link with a span in the text (none
when no link has one). A record with no cue that continues the quotation of an earlier record
of the same origin ("quote_continuation") is folded into that record, its content extending
the earlier one: PolNeAR annotates one attribution per cue, with discontinuous content.
"""

from __future__ import annotations

from ..records import Analysis, Attribution
from .polnear_score import Offsets, Triple


def origin(att: Attribution) -> Offsets | None:
    """Offsets of the first chain link that has a span, or None."""
    span = next((s.span for s in att.chain if s.span is not None), None)
    return (span.start, span.end) if span is not None else None


def triples(record: Analysis) -> list[Triple]:
    """One triple per cued attribution; cue-less continuations extend the last of the same origin."""
    out: list[Triple] = []
    for att in sorted(record.attributions, key=lambda a: a.content.start):
        source = origin(att)
        content = (att.content.start, att.content.end)
        if att.cue is None:
            k = next((k for k in range(len(out) - 1, -1, -1)
                      if out[k].cue is not None and out[k].source == source), None)
            if k is not None:
                prev = out[k].content or content
                out[k] = Triple(source, out[k].cue, (min(prev[0], content[0]), max(prev[1], content[1])))
                continue
        out.append(Triple(source, (att.cue.start, att.cue.end) if att.cue else None, content))
    return out
