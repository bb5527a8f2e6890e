"""The readable text report of an analysis record: each claim with its events and source chain."""

from __future__ import annotations

from ..records import Analysis, Attribution, Event, Quantity, Time

WIDTH = 100


def _short(text: str, width: int = WIDTH - 12) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def chain_line(att: Attribution) -> str:
    """``origin -> ... -> publisher`` with each source's type, role and affiliation."""
    parts = []
    for s in att.chain:
        extra = ", ".join(x for x in (s.type, s.role, s.affiliation) if x)
        parts.append(f"{s.name} ({extra})")
    return " -> ".join(parts)


def quantity_text(q: Quantity) -> str:
    if q.value is not None:
        amount = f"{'~' if q.approximate else ''}{q.value:g}"
    elif q.low is not None or q.high is not None:
        low = f"{q.low:g}" if q.low is not None else ""
        high = f"{q.high:g}" if q.high is not None else ""
        amount = f"{'~' if q.approximate else ''}{low}..{high}"
    else:
        amount = "?"
    return f"{amount} {q.unit or ''} [{q.span.text}]".replace("  ", " ")


def time_text(t: Time) -> str:
    interval = t.start if t.start == t.end else f"{t.start or '?'}..{t.end or '?'}"
    return f"{t.span.text} = {interval if (t.start or t.end) else t.value} ({t.granularity})"


def event_line(ev: Event) -> str:
    actors = ", ".join(p.name + (f"/{p.sector}" if p.sector else "") for p in ev.actors) or "?"
    targets = ", ".join(p.name + (f"/{p.sector}" if p.sector else "") for p in ev.targets) or "?"
    neg = "NOT " if ev.negated else ""
    line = f"{neg}{ev.type}{'(' + ev.mode + ')' if ev.mode else ''}: {actors} -> {targets} [{ev.trigger.text}]"
    details = []
    if ev.quantities:
        details.append("how many: " + "; ".join(quantity_text(q) for q in ev.quantities))
    if ev.time:
        details.append("when: " + time_text(ev.time))
    if ev.place:
        details.append(f"where: {ev.place.name} ({ev.place.country or '?'})")
    details.append(f"asserted by: {ev.asserted_by}")
    return line + "\n" + "\n".join("          " + d for d in details)


def render(record: Analysis) -> str:
    """The whole report for one record."""
    a = record.article
    lines = [
        "=" * WIDTH,
        f"{a.title or '(untitled)'}  |  {a.outlet or 'outlet unknown'}  |  {a.published or 'date unknown'}",
        (f"{len(record.entities)} entities, {len(record.attributions)} attributions, {len(record.events)} events, "
         f"{len(record.times)} times, {len(record.quantities)} quantities, {len(record.places)} places, "
         f"{len(record.framing)} framing"),
        "-" * WIDTH,
    ]
    by_att: dict[str | None, list[Event]] = {}
    for ev in record.events:
        by_att.setdefault(ev.attribution, []).append(ev)
    for att in record.attributions:
        lines.append(f"[{att.id}] {att.kind}: \u201c{_short(att.content.text)}\u201d")
        lines.append(f"      chain: {chain_line(att)}")
        for ev in by_att.get(att.id, []):
            lines.append("      event: " + event_line(ev))
    own = by_att.get(None, [])
    if own:
        lines.append(f"[outlet's own voice: {a.outlet or 'publisher'}]")
        for ev in own:
            lines.append("      event: " + event_line(ev))
    if record.framing:
        lines.append("framing: " + "; ".join(f"\u201c{f.span.text}\u201d ({f.voice})" for f in record.framing))
    return "\n".join(lines)
