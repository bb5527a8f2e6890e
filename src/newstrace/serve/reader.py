"""The article reader's markup: the text cut into segments, each knowing which entities, attribution
(content or cue), quantity, time, place and framing spans cover it. The template renders a segment
as one escaped ``<span>``; nothing here produces HTML."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str                  # ent | content | cue | qty | time | place | frame
    ref: str                   # id of the record item
    css: str                   # classes
    label: str                 # what a hover shows


@dataclass
class Segment:
    text: str
    css: list[str] = field(default_factory=list)
    attribution: str | None = None
    entity: str | None = None
    labels: list[str] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.css)

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(self.labels))


def _span(item: dict[str, Any] | None) -> tuple[int, int] | None:
    if not isinstance(item, dict) or not isinstance(item.get("start"), int) or not isinstance(item.get("end"), int):
        return None
    return item["start"], item["end"]


def _qty_label(q: dict[str, Any]) -> str:
    value = q.get("value") if q.get("value") is not None else f"{q.get('low')}-{q.get('high')}"
    return f"quantity {value}{' ' + str(q['unit']) if q.get('unit') else ''}{' (approx.)' if q.get('approximate') else ''}"


def marks_of(record: dict[str, Any]) -> list[Mark]:
    """Every span of the record the reader highlights."""
    marks: list[Mark] = []

    def add(span: dict[str, Any] | None, kind: str, ref: str, css: str, label: str) -> None:
        found = _span(span)
        if found and found[0] < found[1]:
            marks.append(Mark(found[0], found[1], kind, ref, css, label))

    for ent in record.get("entities", []):
        for m in ent.get("mentions", []):
            add(m, "ent", ent["id"], f"ent ent-{ent.get('type', 'other')}", f"{ent['name']} ({ent.get('type')})")
    for att in record.get("attributions", []):
        chain = " -> ".join(s.get("name", "?") for s in att.get("chain", []))
        add(att.get("content"), "content", att["id"], "att", f"{att.get('kind')}: {chain}")
        add(att.get("cue"), "cue", att["id"], "cue", f"cue of {att['id']}")
    for i, q in enumerate(record.get("quantities", [])):
        add(q.get("span"), "qty", f"q{i}", "qty", _qty_label(q))
    for i, t in enumerate(record.get("times", [])):
        add(t.get("span"), "time", f"t{i}", "time", f"time {t.get('value')} ({t.get('start')} to {t.get('end')})")
    for i, p in enumerate(record.get("places", [])):
        add(p.get("span"), "place", f"p{i}", "place", f"place {p.get('name')} ({p.get('country') or '?'})")
    for i, f in enumerate(record.get("framing", [])):
        add(f.get("span"), "frame", f"f{i}", f"frame frame-{f.get('voice', 'outlet')}",
            f"loaded wording ({f.get('voice')} voice)")
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """``text`` cut at every mark boundary; each piece carries the marks covering it. The innermost
    (shortest) attribution covering a piece is the one its hover shows."""
    cuts = sorted({0, len(text), *(m.start for m in marks if m.start < len(text)),
                   *(min(m.end, len(text)) for m in marks)})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        over = [m for m in marks if m.start <= a and m.end >= b]
        seg = Segment(text[a:b])
        for m in sorted(over, key=lambda m: m.end - m.start, reverse=True):
            seg.css.extend(c for c in m.css.split() if c not in seg.css)
            seg.labels.append(m.label)
            if m.kind in ("content", "cue"):
                seg.attribution = m.ref
            if m.kind == "ent":
                seg.entity = m.ref
        out.append(seg)
    return out


def article_segments(record: dict[str, Any]) -> list[Segment]:
    text = str(record.get("article", {}).get("text", ""))
    return segments(text, marks_of(record))
