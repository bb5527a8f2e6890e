"""The quantity extractor's vocabulary: ``data/modifiers.yaml``, ``data/vague.yaml`` and
``data/units.yaml``, validated at load and indexed once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ...errors import Errors, NewstraceError
from ...nlp.numbers import Number
from ...resources import load_entries, read_yaml

DATA = "newstrace.extract.quantities.data"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=3)


class ModifierEntry(_Entry):
    phrases: list[str]
    sets: list[Literal["value", "low", "high"]] = Field(min_length=1)
    approximate: bool
    reason: str


class VagueEntry(_Entry):
    phrases: list[str]
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    needs_noun: bool = False
    needs_of: bool = False
    not_after: list[str] = Field(default_factory=list)


class UnitEntry(_Entry):
    code: str
    symbols: list[str] = Field(default_factory=list)
    before_words: list[str] = Field(default_factory=list)
    after_words: list[str] = Field(default_factory=list)


class WordGroup(_Entry):
    words: list[str]


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class QuantityVocab:
    """Lookup tables keyed by lower-cased token sequences."""

    modifiers: dict[Phrase, ModifierEntry]
    vague: dict[Phrase, VagueEntry]
    symbols: dict[str, str]                 # "$" -> "USD"
    before_words: dict[Phrase, str]         # ("pounds",) -> "GBP"
    after_words: dict[Phrase, str]          # ("per", "cent") -> "percent"
    range_joiners: frozenset[str]
    range_openers: frozenset[str]
    clock_words: frozenset[str]
    classifying: frozenset[str]


def phrase(text: str) -> Phrase:
    """The lookup key of a phrase: its lower-cased words."""
    return tuple(text.lower().split())


def _group(name: str, key: str) -> WordGroup:
    raw = (read_yaml(DATA, name) or {}).get(key)
    try:
        return WordGroup.model_validate(raw)
    except ValueError as exc:
        raise NewstraceError(Errors.E011, input=f"{DATA}/{name}", detail=f"{key}: {exc}") from exc


@cache
def quantity_vocab() -> QuantityVocab:
    """The vocabulary of the quantity extractor (loaded and validated once)."""
    modifiers = {phrase(p): m for m in load_entries(DATA, "modifiers.yaml", ModifierEntry, key="modifiers")
                 for p in m.phrases}
    vague = {phrase(p): v for v in load_entries(DATA, "vague.yaml", VagueEntry, key="vague") for p in v.phrases}
    units = (load_entries(DATA, "units.yaml", UnitEntry, key="currencies")
             + load_entries(DATA, "units.yaml", UnitEntry, key="percent"))
    return QuantityVocab(
        modifiers=modifiers,
        vague=vague,
        symbols={s: u.code for u in units for s in u.symbols},
        before_words={phrase(w): u.code for u in units for w in u.before_words},
        after_words={phrase(w): u.code for u in units for w in u.after_words},
        range_joiners=frozenset(w.lower() for w in _group("modifiers.yaml", "range_joiners").words),
        range_openers=frozenset(w.lower() for w in _group("modifiers.yaml", "range_openers").words),
        clock_words=frozenset(w.lower() for w in _group("units.yaml", "clock_words").words),
        classifying=frozenset(w.lower() for w in _group("units.yaml", "classifying_adjectives").words),
    )
