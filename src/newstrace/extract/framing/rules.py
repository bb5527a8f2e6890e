"""Framing: loaded or evaluative wording, whose voice it is in, and what it is about.

Each term of ``data/lexicon.yaml`` is matched on the tokens' lower-case forms or lemmas (so
"terrorists" and "massacred" match "terrorist" and "massacre"; multi-word terms match token by
token). A hit that modifies a noun (an adjective or a compound) is widened to the noun phrase it
modifies, from the hit to the head noun: "extremist armed group", "hideous operations",
"terrorist organization", "so-called Islamic State".

The voice is ``"quoted"`` when the phrase lies inside the ``content`` span of an attribution
(the innermost one is named in ``attribution``) or inside quotation marks within a paragraph (a
scare quote: 'described them as "terrorists"'; ``attribution`` is then None), else
``"outlet"``: the outlet's own words.

``about`` is the entity the phrase characterises, found through ``entity_at(start, end)`` (a
callable the caller supplies, mapping character offsets to an entity id or None): the phrase's
head itself, else a name modifying or apposed to the head ("the Assad regime", "HTS, a terrorist
group"), else the subject of a copula ("HTS is a terrorist group"). Without a callable it is None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span, Token

from ...nlp.extensions import text_of
from ...records import Attribution, Framing
from ...records import Span as RecordSpan
from ...resources import load_entries

Category = Literal[
    "pejorative_label", "terror_label", "evaluative", "emotive", "delegitimising", "euphemism", "glorifying"
]
EntityAt = Callable[[int, int], "str | None"]

#: entity labels whose names are not the writer's wording ("Terrorism Act", "Liberation Tigers")
NAME_LABELS: frozenset[str] = frozenset({"ORG", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "PERSON"})
#: dependency relations of a word that modifies the noun to its right
MODIFIER_DEPS: frozenset[str] = frozenset({"amod", "compound", "nmod", "advmod"})  # advmod: "-ly" adjectives the tagger takes for adverbs
#: dependency relations of a name that modifies or is apposed to a head noun
NAME_DEPS: frozenset[str] = frozenset({"compound", "nmod", "poss", "appos", "npadvmod"})

_WORD = re.compile(r"\w+|[^\w\s]")
#: a quotation inside one paragraph: curly double quotes, or straight ones
_QUOTED = re.compile(r"\u201c[^\u201c\u201d\n]*\u201d|\"[^\"\n]*\"")


class LexiconEntry(BaseModel):
    """A term of ``data/lexicon.yaml``."""

    model_config = ConfigDict(extra="forbid")
    term: str = Field(min_length=2)
    category: Category
    pos: list[str] = Field(default_factory=list)
    source: str = Field(min_length=3)

    @property
    def words(self) -> tuple[str, ...]:
        """The term split as spaCy splits it: words and punctuation ("so-called" -> so, -, called)."""
        return tuple(_WORD.findall(self.term.lower()))


@dataclass(frozen=True)
class Lexicon:
    """Lexicon entries indexed by their first word, longest term first."""

    by_first: dict[str, tuple[LexiconEntry, ...]]

    @classmethod
    def from_entries(cls, entries: Iterable[LexiconEntry]) -> Lexicon:
        grouped: dict[str, list[LexiconEntry]] = {}
        for entry in entries:
            grouped.setdefault(entry.words[0], []).append(entry)
        return cls({k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in grouped.items()})

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())


@cache
def load_lexicon() -> Lexicon:
    """The shipped ``data/lexicon.yaml`` (read once)."""
    return Lexicon.from_entries(
        load_entries("newstrace.extract.framing", "data/lexicon.yaml", LexiconEntry, key="terms")
    )


@dataclass(frozen=True)
class Hit:
    """A lexicon term found in the doc, and the phrase it frames."""

    entry: LexiconEntry
    match: Span          # the term's own tokens
    phrase: Span         # the term widened to the noun phrase it modifies

    @property
    def reason(self) -> str:
        return f"lexicon:{self.entry.category}:{self.entry.term}"


# --------------------------------------------------------------------------- matching

def _forms(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def _matches_at(doc: Doc, i: int, entry: LexiconEntry) -> bool:
    words = entry.words
    if i + len(words) > len(doc):
        return False
    if any(w not in _forms(doc[i + k]) for k, w in enumerate(words)):
        return False
    return not (entry.pos and len(words) == 1 and doc[i].pos_ not in entry.pos)


def _widen(match: Span) -> Span:
    """``match`` extended rightwards to the noun it modifies, through a chain of modifiers."""
    doc = match.doc
    last = match[-1]
    head = last
    while (
        head.dep_ in MODIFIER_DEPS
        and head.head.i > head.i
        and head.head.pos_ in {"NOUN", "PROPN"}
    ):
        head = head.head
    # "so-called" modifies its noun through the participle's own attachment
    if head is last and last.dep_ in {"acl", "amod"} and last.head.i > last.i and last.head.pos_ in {"NOUN", "PROPN"}:
        head = last.head
    widened = doc[match.start : max(match.end, head.i + 1)]
    # never across a line break or a sentence boundary (a headline parsed into the next line)
    if any(t.is_space or "\n" in t.whitespace_ for t in widened[:-1]) or not _same_sentence(widened):
        return match
    return widened


def _same_sentence(span: Span) -> bool:
    return not span.doc.has_annotation("SENT_START") or all(not t.is_sent_start for t in span[1:])


def find_hits(doc: Doc, lexicon: Lexicon | None = None) -> list[Hit]:
    """Lexicon terms in ``doc``, longest term at each position, outside names of other things."""
    lexicon = lexicon or load_lexicon()
    hits: list[Hit] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        found: LexiconEntry | None = None
        for form in dict.fromkeys(_forms(token)):
            for entry in lexicon.by_first.get(form, ()):
                if _matches_at(doc, i, entry) and (found is None or len(entry.words) > len(found.words)):
                    found = entry
        if found is None or token.ent_type_ in NAME_LABELS:
            i += 1
            continue
        match = doc[i : i + len(found.words)]
        hits.append(Hit(found, match, _widen(match)))
        i = match.end
    return hits


# --------------------------------------------------------------------------- voice and target

def _innermost(attributions: Sequence[Attribution], start: int, end: int) -> Attribution | None:
    inside = [a for a in attributions if a.content.start <= start and end <= a.content.end]
    return min(inside, key=lambda a: a.content.end - a.content.start) if inside else None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character extents of the quotations in ``text`` (the marks included)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _name_extent(token: Token) -> tuple[int, int]:
    """Character extent of ``token`` with the compound words of its name ("Hayat Tahrir al-Sham")."""
    start = token
    for child in token.lefts:
        if child.dep_ in {"compound", "flat", "nmod", "punct"} and child.i < start.i:
            start = child.left_edge if child.dep_ != "punct" else start
    return start.idx, token.idx + len(token)


def _about(phrase: Span, entity_at: EntityAt) -> str | None:
    head = phrase.root
    found = entity_at(head.idx, head.idx + len(head))
    if found:
        return found
    for child in head.children:
        if child.dep_ in NAME_DEPS and not (phrase.start <= child.i < phrase.end):
            found = entity_at(child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
            if found:
                return found
    if head.dep_ == "appos":
        found = entity_at(*_name_extent(head.head))
        if found:
            return found
    if head.dep_ in {"attr", "acomp"}:
        for subject in head.head.children:
            if subject.dep_ in {"nsubj", "nsubjpass"}:
                found = entity_at(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
                if found:
                    return found
    return None


# --------------------------------------------------------------------------- the extractor

def find_framing(
    doc: Doc,
    attributions: Sequence[Attribution],
    entity_at: EntityAt | None = None,
    lexicon: Lexicon | None = None,
) -> list[Framing]:
    """Loaded wording in ``doc``: one :class:`~newstrace.records.Framing` per lexicon hit."""
    out: list[Framing] = []
    quotations = quoted_spans(text_of(doc))
    for hit in find_hits(doc, lexicon):
        start, end = hit.phrase.start_char, hit.phrase.end_char
        quoted = _innermost(attributions, start, end)
        in_quotes = quoted is not None or any(a <= start and end <= b for a, b in quotations)
        out.append(
            Framing(
                span=RecordSpan.of(text_of(doc), start, end),
                voice="quoted" if in_quotes else "outlet",
                attribution=quoted.id if quoted else None,
                about=_about(hit.phrase, entity_at) if entity_at else None,
                reason=hit.reason,
            )
        )
    return out
