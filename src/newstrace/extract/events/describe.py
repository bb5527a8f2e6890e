"""Participants that no entity names (EVENT_GUIDELINES.md §5b): people or forces described by a
noun ("two shepherds", "security forces", "demonstrators") or counted by a bare number ("23
were killed"). They carry ``entity=None`` and the phrase as their name."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from ...nlp.extensions import text_of
from ...records import Participant, Span

#: dependencies of a bare number that stands for the people it counts
COUNTED = ("nsubj", "nsubjpass", "dobj")


def described(tok: Token | None, people: Collection[str]) -> Participant | None:
    """The described group ``tok`` heads, or None when it names no people."""
    if tok is None:
        return None
    counted = tok.pos_ == "NUM" and tok.dep_ in COUNTED
    if not counted and tok.lemma_.lower() not in people and tok.lower_ not in people:
        return None
    start = tok.left_edge
    while start.i < tok.i and (start.is_punct or start.is_space):
        start = start.doc[start.i + 1]
    begin, end = start.idx, tok.idx + len(tok.text)
    words = text_of(tok.doc)[begin:end]
    return Participant(entity=None, name=words, sector=None, span=Span(start=begin, end=end, text=words))


def same(a: Participant, b: Participant) -> bool:
    """One participant: the same entity, or for described ones the same words."""
    if a.entity or b.entity:
        return a.entity == b.entity
    return a.name.casefold() == b.name.casefold()


def same_side(a: Participant, b: Participant, nonstate: Collection[str]) -> bool:
    """One party: the same participant, unless one is a country's protesters, civilians or rebels
    and the other its state ("Georgian demonstrators" and "the Georgian government" are two
    sides; a bare country name is its state)."""
    if not same(a, b):
        return False
    return not a.entity or (a.sector in nonstate) == (b.sector in nonstate)
