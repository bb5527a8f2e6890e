"""Reading re3d (dstl/re3d): one folder per source subset, each with mongoexport JSON lines.

``documents.json`` holds ``{_id, sourceName, title, text}``; ``entities.json`` holds
``{documentId, begin, end, type, confidence}``; ``relations.json`` holds relations, of which
``IsSynonymOf`` gives in-document alias pairs. Gold entities keep, for each span, the type
with the highest confidence, and only when that confidence is at least 0.5; span edges are
trimmed of whitespace. A malformed file raises E017 naming it; :func:`read_corpus` skips
that subset and notes why.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import Errors, NewstraceError

MIN_CONFIDENCE = 0.5
FILES = ("documents.json", "entities.json", "relations.json")

Offsets = tuple[int, int]


class _Line(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class DocumentLine(_Line):
    id: str = Field(alias="_id")
    sourceName: str = ""
    title: str | None = None
    text: str


class EntityLine(_Line):
    documentId: str
    begin: int
    end: int
    type: str
    confidence: float


class RelationLine(_Line):
    documentId: str
    sourceBegin: int
    sourceEnd: int
    targetBegin: int
    targetEnd: int
    type: str
    confidence: float


M = TypeVar("M", bound=_Line)


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    type: str
    confidence: float


@dataclass
class Re3dDoc:
    """One re3d document with its gold entity spans and alias pairs."""

    id: str
    source: str
    text: str
    title: str | None = None
    entities: list[GoldSpan] = field(default_factory=list)
    synonyms: list[tuple[Offsets, Offsets]] = field(default_factory=list)


@dataclass
class Re3dCorpus:
    docs: list[Re3dDoc]
    files: list[Path]
    notes: list[str] = field(default_factory=list)


def _lines(path: Path, model: type[M]) -> Iterator[M]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewstraceError(Errors.E017, input=str(path), detail=f"cannot read: {exc}") from exc
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield model.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            detail = str(exc).splitlines()[0:3]
            raise NewstraceError(Errors.E017, input=str(path), detail=f"line {n}: {' '.join(detail)}") from exc


def trim(text: str, start: int, end: int) -> Offsets:
    """``(start, end)`` without leading or trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _check_offsets(path: Path, doc: Re3dDoc | None, doc_id: str, begin: int, end: int) -> Re3dDoc:
    if doc is None:
        raise NewstraceError(Errors.E017, input=str(path), detail=f"unknown documentId {doc_id!r}")
    if not 0 <= begin <= end <= len(doc.text):
        raise NewstraceError(Errors.E017, input=str(path),
                             detail=f"offsets {begin}-{end} outside document {doc_id!r} ({len(doc.text)} chars)")
    return doc


def best_types(path: Path, docs: dict[str, Re3dDoc]) -> None:
    """Fill each document's gold entities: the most confident type per span, kept at >= 0.5."""
    best: dict[tuple[str, int, int], EntityLine] = {}
    for e in _lines(path, EntityLine):
        _check_offsets(path, docs.get(e.documentId), e.documentId, e.begin, e.end)
        key = (e.documentId, e.begin, e.end)
        held = best.get(key)
        if held is None or (e.confidence, held.type) > (held.confidence, e.type):
            best[key] = e
    for (doc_id, begin, end), e in sorted(best.items()):
        doc = docs[doc_id]
        start, stop = trim(doc.text, begin, end)
        if e.confidence >= MIN_CONFIDENCE and start < stop:
            doc.entities.append(GoldSpan(start, stop, e.type, e.confidence))


def synonym_pairs(path: Path, docs: dict[str, Re3dDoc]) -> None:
    """Fill each document's alias pairs from ``IsSynonymOf`` relations (>= 0.5), unordered, once each."""
    seen: set[tuple[str, Offsets, Offsets]] = set()
    for r in _lines(path, RelationLine):
        doc = _check_offsets(path, docs.get(r.documentId), r.documentId, r.sourceBegin, r.sourceEnd)
        _check_offsets(path, doc, r.documentId, r.targetBegin, r.targetEnd)
        if r.type != "IsSynonymOf" or r.confidence < MIN_CONFIDENCE:
            continue
        a, b = sorted([trim(doc.text, r.sourceBegin, r.sourceEnd), trim(doc.text, r.targetBegin, r.targetEnd)])
        if a != b and (doc.id, a, b) not in seen:
            seen.add((doc.id, a, b))
            doc.synonyms.append((a, b))


def read_subset(folder: Path) -> list[Re3dDoc]:
    """The documents of one subset folder, or E017 naming the first malformed file."""
    docs: dict[str, Re3dDoc] = {}
    for d in _lines(folder / "documents.json", DocumentLine):
        docs[d.id] = Re3dDoc(id=d.id, source=d.sourceName or folder.name, text=d.text, title=d.title)
    best_types(folder / "entities.json", docs)
    synonym_pairs(folder / "relations.json", docs)
    return list(docs.values())


def read_corpus(root: Path) -> Re3dCorpus:
    """Every subset under ``root``; a subset with a missing or malformed file is skipped with a note."""
    corpus = Re3dCorpus(docs=[], files=[])
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if not (folder / "documents.json").is_file():
            continue
        try:
            missing = [name for name in FILES if not (folder / name).is_file()]
            if missing:
                raise NewstraceError(Errors.E017, input=str(folder), detail=f"missing {', '.join(missing)}")
            corpus.docs += read_subset(folder)
        except NewstraceError as exc:
            corpus.notes.append(f"skipped subset {folder.name!r}: {exc}")
            continue
        corpus.files += [folder / name for name in FILES]
    corpus.docs.sort(key=lambda d: d.id)
    return corpus
