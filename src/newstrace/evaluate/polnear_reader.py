"""Read PolNeAR (BRAT standoff): article texts, one annotator's attributions, publication dates.

Layout: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann``;
``metadata.tsv`` beside the splits gives ``publication_date``. Each ``E`` line links one
Source (optional), one Cue and one Content (``Content2`` continues it); discontinuous spans
are kept as their fragments. Lines after a span line that are not T or E lines are the rest
of a span text holding a line break (the text column is a copy; offsets count). A file that
cannot be read raises E017 naming it.
"""

from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, NewstraceError

Fragments = tuple[tuple[int, int], ...]
TEXT_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
ROLES = ("Source", "Cue", "Content")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: each role is its fragments in text order (empty when absent)."""

    source: Fragments
    cue: Fragments
    content: Fragments


@dataclass(frozen=True)
class PolnearDoc:
    name: str
    text: str
    published: datetime.date | None
    gold: list[GoldAttribution]
    files: tuple[Path, ...]


def hull(fragments: Fragments) -> tuple[int, int] | None:
    """The smallest contiguous stretch covering all fragments, or None for an absent role."""
    if not fragments:
        return None
    return min(f[0] for f in fragments), max(f[1] for f in fragments)


def annotation_files(split_dir: Path) -> dict[str, Path]:
    """Article name -> its annotation file; with several annotators, the first id in sorted order."""
    chosen: dict[str, Path] = {}
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, path)
    return chosen


def read_metadata(root: Path) -> dict[str, datetime.date | None]:
    """Article name -> publication date from ``metadata.tsv`` (None when absent or unreadable)."""
    path = root / "metadata.tsv"
    if not path.is_file():
        return {}
    dates: dict[str, datetime.date | None] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            try:
                dates[row["filename"]] = datetime.date.fromisoformat(row.get("publication_date") or "")
            except (KeyError, ValueError):
                dates[row.get("filename") or ""] = None
    return dates


def parse_ann(ann: str, text: str, label: str) -> list[GoldAttribution]:
    """Attributions of one ``.ann`` file; E017 (naming ``label``) on a line it cannot read."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[list[str]] = []
    after_text = False   # a span's text column may hold a line break: its rest is on the next lines
    for n, line in enumerate(ann.splitlines(), start=1):
        found = TEXT_LINE.match(line)
        if not found and after_text and not re.match(r"^[TE]\d+\t", line):
            continue
        after_text = found is not None
        if not line.strip() or line[0] in "#ARN*":   # notes, attributes, relations, normalisations
            continue
        if found:
            frags = tuple(sorted((int(b), int(e)) for b, e in
                                 (part.split() for part in found.group(3).split(";"))))
            if any(b > e or e > len(text) for b, e in frags):
                raise NewstraceError(Errors.E017, input=label, detail=f"line {n}: offsets outside the text")
            spans[found.group(1)] = (found.group(2), frags)
        elif re.match(r"^E\d+\t", line):
            events.append(line.split("\t")[1].split())
        else:
            raise NewstraceError(Errors.E017, input=label, detail=f"line {n}: not a BRAT T or E line")
    gold: list[GoldAttribution] = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for arg in args:
            role, _, ref = arg.partition(":")
            if ref not in spans:
                raise NewstraceError(Errors.E017, input=label, detail=f"event argument {arg!r} names no span")
            base = role.rstrip("0123456789")
            if base in roles:
                roles[base].extend(spans[ref][1])
        if roles["Cue"] or roles["Content"]:
            gold.append(GoldAttribution(*(tuple(sorted(roles[r])) for r in ROLES)))
    return gold


def read_doc(split_dir: Path, name: str, ann_path: Path, published: datetime.date | None) -> PolnearDoc:
    """One article with its gold attributions; E017 naming the file that is missing or malformed."""
    txt_path = split_dir / "text" / f"{name}.txt"
    try:
        text = txt_path.read_bytes().decode("utf-8")   # bytes: keep "\r\n" as the offsets count it
        ann = ann_path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewstraceError(Errors.E017, input=str(txt_path if not txt_path.is_file() else ann_path),
                             detail=str(exc)) from exc
    gold = parse_ann(ann, text, str(ann_path))
    return PolnearDoc(name, text, published, gold, (txt_path, ann_path))
