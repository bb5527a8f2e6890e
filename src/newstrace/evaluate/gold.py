"""Score analysis records against hand-made gold records (the format of tests/resources/gold).

Matching is by meaning, tolerant of spans: texts compare case-insensitively with quote
marks and whitespace folded. Each extractor gets precision, recall and F1.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..extract.entities.gazetteer import default_gazetteer
from ..records import Analysis

#: entity types that gold and prediction may swap without error (the line between an
#: armed group, an organisation and a non-state government is often a judgement call)
TYPE_CLASS = {"armed_group": "org", "organization": "org", "government": "org"}

EXTRACTORS = ("entities", "attributions", "events", "times", "quantities", "places", "framing")


def fold(text: str | None) -> str:
    text = (text or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Score:
    """Counts for one extractor; ``misses`` and ``spurious`` keep examples for error analysis."""

    tp_gold: int = 0
    n_gold: int = 0
    tp_pred: int = 0
    n_pred: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.misses += other.misses
        self.spurious += other.spurious


def _pair(gold: list[Any], pred: list[Any], ok: Callable[[Any, Any], bool],
          show_g: Callable[[Any], str], show_p: Callable[[Any], str]) -> Score:
    s = Score(n_gold=len(gold), n_pred=len(pred))
    for g in gold:
        if any(ok(g, p) for p in pred):
            s.tp_gold += 1
        else:
            s.misses.append(show_g(g))
    for p in pred:
        if any(ok(g, p) for g in gold):
            s.tp_pred += 1
        else:
            s.spurious.append(show_p(p))
    return s


def _overlaps(text: str, needle: str, span: dict[str, Any]) -> bool:
    """Does ``span`` overlap an occurrence of ``needle`` in ``text``?"""
    for m in re.finditer(re.escape(needle), text):
        if span["start"] < m.end() and m.start() < span["end"]:
            return True
    return False


def _names(chain: list[dict[str, Any]], forms: Callable[[dict[str, Any]], set[str]]) -> list[str]:
    """Each source as one searchable string: name, affiliation, role and the known names of its actor."""
    return [" | ".join([fold(s.get("name")), fold(s.get("affiliation")), fold(s.get("role")), *sorted(forms(s))])
            for s in chain]


def _chain_ok(gold: list[str], pred: list[dict[str, Any]],
              forms: Callable[[dict[str, Any]], set[str]] = lambda s: set()) -> bool:
    names = _names(pred, forms)
    pos = -1
    for g in gold:
        idx = next((i for i, n in enumerate(names) if i > pos and fold(g) in n), None)
        if idx is None:
            idx = next((i for i, n in enumerate(names) if i >= pos and fold(g) in n), None)
        if idx is None:
            return False
        pos = idx
    return True


def score_record(rec: dict[str, Any], gold: dict[str, Any]) -> dict[str, Score]:
    """Per-extractor scores of one record against its gold."""
    text: str = rec["article"]["text"]
    ents = rec["entities"]
    by_id = {e["id"]: e for e in ents}
    out: dict[str, Score] = {}

    def ent_forms(e: dict[str, Any]) -> set[str]:
        return {fold(e["name"])} | {fold(a) for a in e["aliases"]} | {fold(m["text"]) for m in e["mentions"]}

    def same_entity(g: dict[str, Any], e: dict[str, Any]) -> bool:
        return fold(g["name"]) in ent_forms(e) and TYPE_CLASS.get(e["type"], e["type"]) == \
            TYPE_CLASS.get(g["type"], g["type"])

    def same_form(a: str, b: str) -> bool:
        a, b = fold(a), fold(b)
        short, long_ = sorted((a, b), key=len)
        return a == b or (len(short) > 3 and short in long_ and len(short) >= 0.5 * len(long_))

    gold_mentions = [(g, m) for g in gold.get("entities", []) for m in dict.fromkeys(g["mentions"])]
    gold_forms = [m for _, m in gold_mentions]
    # gold lists the entities and mentions it annotates: precision is measured on predicted
    # mentions that the gold annotates (a mention of an unannotated actor is not an error)
    pred_mentions = [(e, m) for e in ents for m in dict.fromkeys(x["text"] for x in e["mentions"])
                     if any(same_form(m, g) for g in gold_forms)]
    out["entities"] = _pair(
        gold_mentions, pred_mentions,
        lambda g, p: same_entity(g[0], p[0]) and same_form(g[1], p[1]),
        lambda g: f"{g[1]} -> {g[0]['name']} ({g[0]['type']})",
        lambda p: f"{p[1]} -> {p[0]['name']} ({p[0]['type']})",
    )

    def source_forms(s: dict[str, Any]) -> set[str]:
        forms = ent_forms(by_id[s["entity"]]) if s.get("entity") in by_id else set()
        known = default_gazetteer().best(s.get("name") or "")
        if known is not None:
            forms |= {fold(known.actor.name)} | {fold(a) for a in known.actor.aliases}
        return forms

    def att_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
        content = fold(p["content"]["text"])
        gc = fold(g["content"])
        return bool(content) and (gc in content or (len(content) > 20 and content in gc)) \
            and _chain_ok(g["chain"], p["chain"], source_forms)

    out["attributions"] = _pair(
        gold.get("attributions", []), rec["attributions"], att_ok,
        lambda g: f"{g['content'][:60]} <- {' -> '.join(g['chain'])}",
        lambda p: f"{p['content']['text'][:60]} <- {' -> '.join(s['name'] for s in p['chain'])}",
    )

    gold_names = {fold(g["name"]) for g in gold.get("entities", [])} | {
        fold(m) for g in gold.get("entities", []) for m in g["mentions"]}

    def parts_ok(wanted: list[str], parts: list[dict[str, Any]]) -> bool:
        """Every gold participant that is a named actor must be among the predicted ones
        (gold may also name generic participants, "civilians", which the coder leaves out)."""
        names = set()
        for p in parts:
            names.add(fold(p["name"]))
            if p.get("entity") in by_id:
                names |= ent_forms(by_id[p["entity"]])
        return all(fold(n) in names for n in wanted if fold(n) in gold_names)

    def ev_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
        if g["type"] != p["type"] or not _overlaps(text, g["trigger"], p["evidence"]):
            return False
        return parts_ok(g.get("actors", []), p["actors"]) and parts_ok(g.get("targets", []), p["targets"]) \
            and bool(g.get("negated", False)) == bool(p["negated"])

    out["events"] = _pair(
        gold.get("events", []), rec["events"], ev_ok,
        lambda g: f"{g['type']} {g['trigger']}: {g.get('actors')} -> {g.get('targets')}",
        lambda p: f"{p['type']} {p['trigger']['text']}: {[a['name'] for a in p['actors']]} -> "
                  f"{[a['name'] for a in p['targets']]}",
    )

    def time_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return _overlaps(text, g["text"], p["span"]) and g.get("start") == p.get("start") \
            and g.get("end") == p.get("end")

    out["times"] = _pair(gold.get("times", []), rec["times"], time_ok,
                         lambda g: f"{g['text']} = {g.get('start')}..{g.get('end')}",
                         lambda p: f"{p['span']['text']} = {p.get('start')}..{p.get('end')}")

    def qty_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
        if not _overlaps(text, g["text"], p["span"]):
            return False
        for key in ("value", "low", "high"):
            if g.get(key) is not None and p.get(key) != g[key]:
                return False
        return bool(g.get("approximate", False)) == bool(p.get("approximate"))

    out["quantities"] = _pair(gold.get("quantities", []), rec["quantities"], qty_ok,
                              lambda g: f"{g['text']} {g.get('value')}/{g.get('low')}/{g.get('high')}",
                              lambda p: f"{p['span']['text']} {p.get('value')}/{p.get('low')}/{p.get('high')}")

    out["places"] = _pair(gold.get("places", []), rec["places"],
                          lambda g, p: _overlaps(text, g["text"], p["span"]) and g.get("country") == p.get("country"),
                          lambda g: f"{g['text']} ({g.get('country')})",
                          lambda p: f"{p['span']['text']} ({p.get('country')})")

    out["framing"] = _pair(gold.get("framing", []), rec["framing"],
                           lambda g, p: _overlaps(text, g["text"], p["span"]) and g["voice"] == p["voice"],
                           lambda g: f"{g['text']} ({g['voice']})",
                           lambda p: f"{p['span']['text']} ({p['voice']})")
    return out


def load_gold(folder: str | Path) -> list[dict[str, Any]]:
    """Every gold record in ``folder`` (``*.json``), sorted by name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.json"))]


def score_all(pairs: Iterable[tuple[Analysis, dict[str, Any]]]) -> dict[str, Score]:
    """Micro-averaged scores over (record, gold) pairs."""
    total = {name: Score() for name in EXTRACTORS}
    for record, gold in pairs:
        for name, s in score_record(record.to_dict(), gold).items():
            total[name].add(s)
    return total
