"""Read ECB+ documents (CAT/CROMER XML) into text with character offsets and gold action mentions.

A document is a list of ``<token t_id sentence number>`` elements, then ``<Markables>`` (mentions
anchored to tokens, and token-less *instance* markables that name a coreference chain), then
``<Relations>``: ``CROSS_DOC_COREF`` (``note`` = the chain's instance id; sources = mentions, target =
the instance markable) and ``INTRA_DOC_COREF`` (chains inside one document). Only action mentions
(tags ``ACTION_*`` and ``NEG_ACTION_*``) are read. A mention in no chain is a singleton. The text is
the tokens joined by spaces, one sentence a line; ``annotated`` is the set of sentence numbers listed
for the document in ``ECBplus_coreference_sentences.csv``.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, NewstraceError

SENTENCES_CSV = "ECBplus_coreference_sentences.csv"


@dataclass(frozen=True)
class GoldMention:
    """One action mention: ``key`` is ``doc/m_id``; ``chain`` its gold cluster id (itself when a singleton)."""

    key: str
    doc: str
    tag: str
    start: int
    end: int
    text: str
    sentence: int
    chain: str


@dataclass
class EcbDoc:
    name: str               # "2_1ecb" (the file name without .xml)
    topic: str
    text: str
    sentence_of: list[tuple[int, int, int]] = field(default_factory=list)   # (start, end, sentence)
    mentions: list[GoldMention] = field(default_factory=list)              # all action mentions
    annotated: frozenset[int] = frozenset()

    def sentence_at(self, offset: int) -> int | None:
        """The sentence number holding character ``offset``, or None between sentences."""
        for start, end, sentence in self.sentence_of:
            if start <= offset < end:
                return sentence
        return None

    @property
    def scored_mentions(self) -> list[GoldMention]:
        """The action mentions inside the annotated sentences: the gold standard the README prescribes."""
        return [m for m in self.mentions if m.sentence in self.annotated]


def is_action(tag: str) -> bool:
    return tag.startswith(("ACTION_", "NEG_ACTION_"))


def read_sentences(root: Path) -> dict[str, frozenset[int]]:
    """``{doc name: annotated sentence numbers}`` from the CSV (Topic,File,Sentence Number)."""
    path = root / SENTENCES_CSV
    if not path.is_file():
        raise NewstraceError(Errors.E016, input=str(path), detail="the list of annotated sentences is missing")
    found: dict[str, set[int]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                topic, name, number = row["Topic"].strip(), row["File"].strip(), int(row["Sentence Number"])
            except (KeyError, ValueError, AttributeError) as exc:
                raise NewstraceError(Errors.E017, input=str(path), detail=f"bad row {row}") from exc
            found.setdefault(f"{topic}_{name}", set()).add(number)
    return {k: frozenset(v) for k, v in found.items()}


def read_doc(path: Path, annotated: frozenset[int] = frozenset()) -> EcbDoc:
    """One ECB+ XML file; E017 when it does not parse or a mention points to an unknown token."""
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        raise NewstraceError(Errors.E017, input=str(path), detail=str(exc)) from exc
    root = tree.getroot()
    name = path.name.removesuffix(".xml")
    topic = name.split("_", 1)[0]
    parts: list[str] = []
    offsets: dict[str, tuple[int, int, int]] = {}     # t_id -> (start, end, sentence)
    sentence_of: list[tuple[int, int, int]] = []
    pos = 0
    current: int | None = None
    sent_start = 0
    for tok in root.iter("token"):
        try:
            sentence = int(tok.get("sentence", ""))
        except ValueError as exc:
            raise NewstraceError(Errors.E017, input=str(path), detail=f"token {tok.get('t_id')} has no sentence") from exc
        word = (tok.text or "").strip() or "_"
        if current is not None and sentence != current:
            sentence_of.append((sent_start, pos, current))
            parts.append("\n")
            pos += 1
            sent_start = pos
        elif current is not None:
            parts.append(" ")
            pos += 1
        current = sentence
        offsets[tok.get("t_id", "")] = (pos, pos + len(word), sentence)
        parts.append(word)
        pos += len(word)
    if current is not None:
        sentence_of.append((sent_start, pos, current))
    text = "".join(parts)
    markables = root.find("Markables")
    relations = root.find("Relations")
    chain_of: dict[str, str] = {}
    if relations is not None:
        for rel in relations:
            sources = [s.get("m_id", "") for s in rel.findall("source")]
            targets = [t.get("m_id", "") for t in rel.findall("target")]
            if rel.tag == "CROSS_DOC_COREF":
                chain = rel.get("note") or f"{name}/x{rel.get('r_id')}"
            elif rel.tag == "INTRA_DOC_COREF":
                chain = f"{name}/intra{targets[0] if targets else rel.get('r_id')}"
            else:
                continue
            for m in sources:
                chain_of.setdefault(m, chain)
    mentions: list[GoldMention] = []
    for mk in markables if markables is not None else []:
        anchors = [a.get("t_id", "") for a in mk.findall("token_anchor")]
        if not is_action(mk.tag) or not anchors:
            continue
        missing = [a for a in anchors if a not in offsets]
        if missing:
            raise NewstraceError(Errors.E017, input=str(path), detail=f"mention {mk.get('m_id')} anchors {missing}")
        spans = [offsets[a] for a in anchors]
        start, end = min(s[0] for s in spans), max(s[1] for s in spans)
        key = f"{name}/{mk.get('m_id')}"
        mentions.append(GoldMention(key=key, doc=name, tag=mk.tag, start=start, end=end, text=text[start:end],
                                    sentence=spans[0][2], chain=chain_of.get(mk.get("m_id", ""), key)))
    mentions.sort(key=lambda m: (m.start, m.end, m.key))
    return EcbDoc(name=name, topic=topic, text=text, sentence_of=sentence_of, mentions=mentions,
                  annotated=annotated)
