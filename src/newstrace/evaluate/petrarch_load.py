"""Everything the events task reads: the CAMEO -> PLOVER table, the PETRARCH validation records,
any PLOVER gold file, and the Phoenix dictionaries that resolve actor codes.

Splits: a record is ``dev`` or ``train`` by the salted SHA-1 of its whitespace-folded,
case-folded text (even: dev, odd: train), so the same sentence never lies on both sides.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, NewstraceError
from .datasets import dataset_dir
from .petrarch_actors import ActorCodebook, phoenix_codebook
from .petrarch_records import read_petrarch
from .plover_gold import GoldFile, GoldRecord, read_plover_gold
from .plover_map import plover_type, read_cameo_map

SPLIT_SALT = "newstrace-events"
CAMEO_TABLE = "CAMEO2PLOVER-2021.txt"
#: where a PLOVER gold-standard file may lie inside plover/ (the upstream name and folder)
PLOVER_GOLD = ("PLOVER_GSR*.txt", "PLOVER_GSR*.json", "gold_standard_records/*.txt",
               "gold_standard_records/*.json")


def split_of(record: GoldRecord) -> str:
    """``dev`` or ``train``, from the salted SHA-1 of the record's folded text."""
    key = " ".join(record.text.split()).casefold()
    digest = hashlib.sha1(f"{SPLIT_SALT}:{key}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "train"


@dataclass
class EventGold:
    """The scored records, the actor codebook, the files read and what was left out, and why."""

    records: list[GoldRecord] = field(default_factory=list)
    book: ActorCodebook = field(default_factory=ActorCodebook)
    files: list[Path] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def take(self, gold: GoldFile) -> None:
        self.records += gold.records
        self.files.append(gold.path)
        if gold.skipped:
            reasons = Counter(s.split(": ", 1)[-1].split(" '")[0] for s in gold.skipped)
            self.notes.append(f"{gold.path.name}: {len(gold.skipped)} records skipped ("
                              + ", ".join(f"{n} {r}" for r, n in reasons.most_common()) + f"; e.g. {gold.skipped[0]})")


def load_event_gold(data: Path | str | None = None) -> EventGold:
    """Read every events gold file under the data root; a malformed file is noted and skipped.

    E016 when ``plover/`` (the CAMEO table) is missing or no gold record is found at all.
    """
    out = EventGold()
    plover = dataset_dir("plover", data)
    table = plover / CAMEO_TABLE
    if not table.is_file():
        raise NewstraceError(Errors.E016, input=str(table), detail="the CAMEO -> PLOVER table is missing")
    cameo = read_cameo_map(table)
    out.files.append(table)
    try:
        petrarch: Path | None = dataset_dir("petrarch", data)
    except NewstraceError as exc:
        petrarch = None
        out.notes.append(f"no PETRARCH records: {exc}")
    if petrarch is not None:
        _petrarch(petrarch, cameo.type_of, out)
        out.book, dicts = phoenix_codebook(petrarch / "dictionaries")
        out.files += dicts
    if not out.book.phrases:
        out.notes.append("no Phoenix dictionaries: gold actor codes cannot be matched, only actor texts")
    for path in sorted({p for pattern in PLOVER_GOLD for p in plover.glob(pattern) if p.is_file()}):
        try:
            out.take(read_plover_gold(path, plover_type))
            out.datasets.append(f"plover/{path.name}")
        except NewstraceError as exc:
            out.notes.append(f"skipped malformed file: {exc}")
    if not out.records:
        raise NewstraceError(Errors.E016, input=str(plover.parent), detail="no PETRARCH or PLOVER gold event records")
    return out


def _petrarch(folder: Path, types: Callable[[str], str | None], out: EventGold) -> None:
    """The validation files whose codes are CAMEO; the others are noted as not scored."""
    for path in sorted((folder / "validation").glob("*")):
        if path.suffix not in (".xml", ".txt"):
            continue
        try:
            gold, system = read_petrarch(path, types)
        except NewstraceError as exc:
            out.notes.append(f"skipped malformed file: {exc}")
            continue
        if system != "cameo":
            out.files.append(path)
            out.notes.append(f"{path.name}: {len(gold.records)} records not scored: its codes come from "
                             f"{system.split(':', 1)[1]} (WEIS-derived, not CAMEO), so the CAMEO table does not apply")
            continue
        out.take(gold)
        out.datasets.append(f"petrarch/{path.name}")
