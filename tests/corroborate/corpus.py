"""The sample corpus in a store, and our clusters scored against its gold (B3 over gold members).

A gold member (article, evidence substring) maps to the event of that article whose evidence span
overlaps the substring most; an unmatched member stays alone in the response.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from newstrace.ingest.sources.walk import iter_inputs
from newstrace.pipeline import analyze_with_context
from newstrace.store.models import ArticleRow, ClusterMemberRow, EventRow, InputRow
from newstrace.store.write import store_record

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "src" / "newstrace" / "samples" / "corpus"
GOLD = ROOT / "tests" / "resources" / "corpus" / "gold.json"


def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


def ingest(engine: Engine, nlp: Language) -> None:
    items = list(iter_inputs([str(CORPUS)], max_chars=200_000))
    pairs = ((item.article, item) for item in items)
    with Session(engine) as session, session.begin():
        for record, item in analyze_with_context(pairs, nlp=nlp):
            assert record is not None, item.key
            store_record(session, Path(item.key).name, item.content_hash, record)


def article_ids(engine: Engine) -> dict[str, int]:
    """Article id by gold key: the file name, or ``file#i`` with ``i`` the item's 0-based position
    (whatever numbering the ingest keys use, items are ranked by it)."""
    with Session(engine) as s:
        rows = [(k, a) for k, a in s.execute(select(InputRow.key, InputRow.article_id)) if a is not None]
    out = {k: a for k, a in rows if "#" not in k}
    items: dict[str, list[tuple[int, int]]] = {}
    for k, a in rows:
        if "#" in k:
            name, n = k.rsplit("#", 1)
            items.setdefault(name, []).append((int(n), a))
    for name, found in items.items():
        out.update({f"{name}#{i}": a for i, (_, a) in enumerate(sorted(found))})
    return out


@dataclass
class Mapped:
    cluster: str                 # gold cluster id
    article: str                 # gold article key
    event: int | None            # our event id
    ours: int | None             # our cluster id
    typed: bool = False          # our event has the gold cluster's PLOVER type


def _find(text: str, evidence: str) -> tuple[int, int] | None:
    start = text.find(evidence)
    if start < 0:
        flat, target = " ".join(text.split()), " ".join(evidence.split())
        if target not in flat:
            return None
        # map the position in the whitespace-collapsed text back to the text
        pos = flat.index(target)
        words_before = len(flat[:pos].split())
        idx = 0
        for _ in range(words_before):
            idx = text.index(text[idx:].split()[0], idx) + len(text[idx:].split()[0])
        start = text.index(target.split()[0], idx)
        return start, start + len(target)
    return start, start + len(evidence)


def _best(candidates: Sequence[tuple[int, int, int, str, dict[str, Any], int | None]], span: tuple[int, int],
          gold_type: str) -> tuple[int | None, int | None, bool]:
    """The overlapping event of the gold cluster's type first, then with its trigger inside the gold
    evidence, then overlapping most."""
    best: tuple[tuple[bool, bool, int], int | None, int | None] = ((False, False, 0), None, None)
    for eid, start, end, type_, data, cid in candidates:
        overlap = min(end, span[1]) - max(start, span[0])
        if overlap <= 0:
            continue
        trigger = data.get("trigger") or {}
        inside = span[0] <= int(trigger.get("start", -1)) < span[1]
        rank = (type_ == gold_type, inside, overlap)
        if rank > best[0]:
            best = (rank, eid, cid)
    return best[1], best[2], best[0][0]


def map_members(engine: Engine, data: dict[str, Any], background: bool = False) -> list[Mapped]:
    ids = article_ids(engine)
    out = []
    with Session(engine) as s:
        for c in data["clusters"]:
            if c.get("background") and not background:
                continue
            for m in c["members"]:
                aid = ids.get(m["article"])
                row = s.get(ArticleRow, aid) if aid is not None else None
                span = _find(row.text, m["evidence"]) if row is not None else None
                event = cluster = None
                typed = False
                if span is not None:
                    candidates = [(eid, a, b, t, d, cid) for eid, a, b, t, d, cid in s.execute(
                        select(EventRow.id, EventRow.evidence_start, EventRow.evidence_end, EventRow.type,
                               EventRow.data, ClusterMemberRow.cluster_id)
                        .outerjoin(ClusterMemberRow, ClusterMemberRow.event_id == EventRow.id)
                        .where(EventRow.article_id == aid).order_by(EventRow.id))]
                    event, cluster, typed = _best(candidates, span, c["plover_type"])
                out.append(Mapped(c["id"], m["article"], event, cluster, typed))
    return out


def b3(mapped: list[Mapped]) -> tuple[float, float, float]:
    """B3 precision, recall and F1 over the gold members given (unmatched ones are singletons)."""
    response = [m.ours if m.ours is not None else -i - 1 for i, m in enumerate(mapped)]
    p = r = 0.0
    for i, m in enumerate(mapped):
        same_gold = {j for j, n in enumerate(mapped) if n.cluster == m.cluster}
        same_ours = {j for j in range(len(mapped)) if response[j] == response[i]}
        both = len(same_gold & same_ours)
        p += both / len(same_ours)
        r += both / len(same_gold)
    p, r = p / len(mapped), r / len(mapped)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0
