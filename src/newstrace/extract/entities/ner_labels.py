"""Corrections to spaCy's entities before they become mentions: a name's span cut before a
bracket glued to it, and its type set by the name's first or last word (``data/ner_types.yaml``)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.tokens import Doc, Span

from ...errors import Errors, NewstraceError
from ...nlp.extensions import text_of
from ...records import EntityType
from ...resources import read_yaml

DATA = "newstrace.extract.entities.data"
NER_TYPES: dict[str, EntityType] = {
    "PERSON": "person", "ORG": "organization", "NORP": "nationality",
    "GPE": "place", "LOC": "place", "FAC": "place",
}


class WordList(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=3)
    words: list[str]


@cache
def ner_words(name: str) -> frozenset[str]:
    """A word list of ``ner_types.yaml`` (lower-cased), validated at load."""
    raw: Any = read_yaml(DATA, "ner_types.yaml")
    try:
        return frozenset(w.lower() for w in WordList.model_validate((raw or {}).get(name)).words)
    except ValidationError as exc:
        raise NewstraceError(Errors.E011, input=f"{DATA}/ner_types.yaml", detail=f"{name}: {exc}") from exc


_BRACKET = re.compile(r"[(\[]")


def clip_name(doc: Doc, i: int, j: int) -> tuple[int, int, int] | None:
    """Char offsets and end token of the name in tokens ``i`` to ``j``, cut before a bracket glued to
    it ("Qanbar(Arabic", "Haidar,[1": spaCy leaves such tokens whole), or None when nothing is left."""
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    text = text_of(doc)[start:end]
    bracket = _BRACKET.search(text, 1)
    if bracket is None:
        return start, end, j
    end = start + len(text[: bracket.start()].rstrip(" ,.;:"))
    k = i
    while k < j and doc[k].idx < end:
        k += 1
    return (start, end, k) if end > start and k > i else None


def ner_type(ent: Span, words: list[str]) -> EntityType | None:
    """Our type for a spaCy entity: None for named events ("Operation X"); a place for a name
    whose head is a place or facility noun ("the Ishtar Gate") whatever spaCy's label."""
    if words[0].lower() in ner_words("event_starts"):
        return None
    if ent.label_ in ("ORG", "PERSON") and words[-1].lower() in ner_words("place_heads"):
        return "place"
    return NER_TYPES[ent.label_]
