"""Score analysis records against gold event records (PETRARCH or PLOVER, read into one type).

Per record, the gold PLOVER types are compared with the types of our events that are not
negated ("would not provide support" is no AID event):

- ``type.accuracy``: the share of gold (record, type) pairs for which one of our events has that type;
- ``event.p/r/f1``: types as sets per record, micro-averaged (records with no event expected
  count every event of ours as spurious), and per type (``event.ASSAULT.f1``);
- ``source.accuracy`` / ``target.accuracy``: the share of gold codings with a known actor for
  which one of our events of the same type has a participant matching it (see :mod:`.plover_match`);
  ``*.accuracy_typed`` counts only the codings whose type we found.

Codings whose label has no PLOVER type (CAMEO 01/02) are left out; a record with nothing else
is not scored at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .petrarch_actors import ActorCodebook
from .plover_gold import GoldActor, GoldCoding, GoldRecord
from .plover_match import actor_matches, participant_forms
from .prf import PRF

ROLES = (("source", "sources", "actors"), ("target", "targets", "targets"))


def _short(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "\u2026"


def _show_event(e: dict[str, Any]) -> str:
    actors = ",".join(p["name"] for p in e["actors"]) or "?"
    targets = ",".join(p["name"] for p in e["targets"]) or "?"
    return f"{e['type']} '{e['trigger']['text']}' {actors}->{targets}"


def _show_actors(actors: tuple[GoldActor, ...]) -> str:
    return ",".join(a.code or a.text or "?" for a in actors) or "?"


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += int(ok)
        self.total += 1

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass
class EventScorer:
    """Accumulates one task's counts over (gold record, analysis record dict) pairs."""

    book: ActorCodebook = field(default_factory=ActorCodebook)
    examples_per_class: int = 3
    types: Tally = field(default_factory=Tally)
    events: PRF = field(default_factory=PRF)
    by_type: dict[str, PRF] = field(default_factory=dict)
    actors: dict[str, Tally] = field(default_factory=dict)
    actors_typed: dict[str, Tally] = field(default_factory=dict)
    noevents: Tally = field(default_factory=Tally)
    records: int = 0
    unscored: int = 0
    untyped_codings: int = 0
    confusions: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def _error(self, kind: str, example: str) -> None:
        self.confusions[kind] += 1
        shown = self.examples.setdefault(kind, [])
        if len(shown) < self.examples_per_class:
            shown.append(example)

    def add(self, gold: GoldRecord, record: dict[str, Any]) -> None:
        """Score one record; ``record`` is an analysis record as a dict (``Analysis.to_dict()``)."""
        typed = [c for c in gold.codings if c.type]
        self.untyped_codings += len(gold.codings) - len(typed)
        if gold.codings and not typed:
            self.unscored += 1
            return
        self.records += 1
        events = [e for e in record["events"] if not e["negated"]]
        ours = {e["type"] for e in events}
        wanted = {c.type for c in typed if c.type}
        where = f"{gold.id}: {_short(gold.text)}"
        shown = "; ".join(_show_event(e) for e in events) or "no event"
        if not wanted:
            self.noevents.add(not ours)
        for kind in sorted(wanted | ours):
            counts = PRF(int(kind in wanted and kind in ours), int(kind in wanted), int(kind in ours))
            per_type = self.by_type.setdefault(kind, PRF())
            per_type += counts
            self.events += counts
        for kind in sorted(wanted):
            self.types.add(kind in ours)
            if kind not in ours:
                self._error(f"{kind} -> {'+'.join(sorted(ours)) or 'none'}", f"{where} | ours: {shown}")
        for kind in sorted(ours - wanted):
            self._error(f"none -> {kind}" if not wanted else f"extra {kind}", f"{where} | ours: {shown}")
        entities = {e["id"]: e for e in record["entities"]}
        for coding in typed:
            self._actors(coding, [e for e in events if e["type"] == coding.type], entities, where)

    def _actors(self, coding: GoldCoding, same: list[dict[str, Any]], entities: dict[str, dict[str, Any]],
                where: str) -> None:
        for role, gold_field, our_field in ROLES:
            wanted: tuple[GoldActor, ...] = getattr(coding, gold_field)
            if not wanted:
                continue
            ok = any(all(any(actor_matches(g, participant_forms(p, entities), self.book) for p in e[our_field])
                         for g in wanted) for e in same)
            self.actors.setdefault(role, Tally()).add(ok)
            if not same:
                continue
            self.actors_typed.setdefault(role, Tally()).add(ok)
            if not ok:
                kind = f"{role}: {'missing' if not any(e[our_field] for e in same) else 'wrong'} ({coding.type})"
                self._error(kind, f"{where} | gold {_show_actors(wanted)} | ours: "
                                  + "; ".join(_show_event(e) for e in same))

    def metrics(self) -> dict[str, float]:
        out = {"type.accuracy": round(self.types.rate, 4), "type.n": float(self.types.total)}
        out |= self.events.as_metrics("event")
        for role in ("source", "target"):
            all_, typed = self.actors.get(role, Tally()), self.actors_typed.get(role, Tally())
            out |= {f"{role}.accuracy": round(all_.rate, 4), f"{role}.n": float(all_.total),
                    f"{role}.accuracy_typed": round(typed.rate, 4), f"{role}.n_typed": float(typed.total)}
        out |= {"noevents.accuracy": round(self.noevents.rate, 4), "noevents.n": float(self.noevents.total)}
        for kind, counts in sorted(self.by_type.items()):
            out |= {k: v for k, v in counts.as_metrics(f"event.{kind}").items() if not k.endswith(".n_pred")}
        return out

    def errors(self, top: int = 12) -> dict[str, list[str]]:
        """The ``top`` error classes by count, each with its count and first examples."""
        return {f"{kind} ({n})": self.examples[kind] for kind, n in self.confusions.most_common(top)}
