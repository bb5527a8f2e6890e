"""Number words and numerals, shared by the time and quantity extractors.

The vocabulary lives in ``nlp/data/number_words.yaml``; this module only parses:
``"1,200"`` -> 1200, ``"1.2bn"`` -> 1200000000, ``["two", "hundred", "and", "fifty"]`` -> 250,
``"twenty-five"`` -> 25, and counts such as ``"a few"`` -> (2, 4) for time arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from ..resources import load_entries

DATA = "newstrace.nlp.data"
FILE = "number_words.yaml"

Number = int | float

_NUMERAL = re.compile(r"^(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?P<suffix>[a-z]+)?$", re.IGNORECASE)


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=3)
    words: dict[str, Number]


class _Range(BaseModel):
    model_config = ConfigDict(extra="forbid")
    low: Number
    high: Number


class _VagueGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=3)
    words: dict[str, _Range]


@dataclass(frozen=True)
class NumberWords:
    """The number vocabulary, lower-cased."""

    cardinals: dict[str, Number]
    scales: dict[str, Number]
    suffix_scales: dict[str, Number]
    articles: dict[str, Number]
    fractions: dict[str, Number]
    vague: dict[str, tuple[Number, Number]]


def _merge(key: str) -> dict[str, Number]:
    out: dict[str, Number] = {}
    for group in load_entries(DATA, FILE, _Group, key=key):
        out.update({w.lower(): v for w, v in group.words.items()})
    return out


@cache
def number_words() -> NumberWords:
    """The number vocabulary of ``number_words.yaml`` (loaded once)."""
    vague: dict[str, tuple[Number, Number]] = {}
    for group in load_entries(DATA, FILE, _VagueGroup, key="vague"):
        vague.update({w.lower(): (r.low, r.high) for w, r in group.words.items()})
    return NumberWords(
        cardinals=_merge("cardinals"),
        scales=_merge("scales"),
        suffix_scales=_merge("suffix_scales"),
        articles=_merge("articles"),
        fractions=_merge("fractions"),
        vague=vague,
    )


def tidy(value: float) -> Number:
    """``250.0`` -> ``250``; other floats unchanged."""
    return int(value) if float(value).is_integer() else value


def parse_numeral(text: str) -> Number | None:
    """A numeral written in digits: ``"250"``, ``"1,200"``, ``"2.5"``, ``"5m"``, ``"1.2bn"``."""
    m = _NUMERAL.match(text.strip())
    if m is None:
        return None
    value = float(m["int"].replace(",", "") + ("." + m["frac"] if m["frac"] else ""))
    suffix = m["suffix"]
    if suffix:
        scale = number_words().suffix_scales.get(suffix.lower())
        if scale is None:
            return None
        value *= scale
    return tidy(value)


def is_number_word(word: str) -> bool:
    """Whether ``word`` is a cardinal or scale word ("five", "hundred", "twenty-five")."""
    words = number_words()
    parts = [p for p in word.lower().split("-") if p]
    return bool(parts) and all(p in words.cardinals or p in words.scales for p in parts)


def parse_number(words: Sequence[str]) -> Number | None:
    """The value of a written number given as its words or tokens.

    ``["2.5", "million"]`` -> 2500000, ``["two", "hundred", "and", "fifty"]`` -> 250,
    ``["twenty", "-", "five"]`` or ``["twenty-five"]`` -> 25, ``["a", "dozen"]`` -> 12.
    ``None`` when the words are not a number.
    """
    vocab = number_words()
    parts: list[str] = []
    for w in words:
        parts.extend(p for p in re.split(r"(?<=[a-z])-(?=[a-z])", w.lower().rstrip(".")) if p and p != "-")
    total = 0.0
    current = 0.0
    seen = False
    for i, part in enumerate(parts):
        numeral = parse_numeral(part)
        if i == 0 and part in vocab.fractions and len(parts) > 2 and parts[1] in vocab.articles:
            current = float(vocab.fractions[part])
            continue
        if i == 1 and parts[0] in vocab.fractions and part in vocab.articles:
            continue
        if numeral is not None and not seen:
            current = float(numeral)
        elif part in vocab.cardinals:
            current += vocab.cardinals[part]
        elif part in vocab.suffix_scales and seen and i == len(parts) - 1:
            current *= vocab.suffix_scales[part]
        elif part in vocab.scales:
            current = (current or 1.0) * vocab.scales[part]
            if vocab.scales[part] >= 1000:
                total += current
                current = 0.0
        elif part in vocab.articles and i == 0 and len(parts) > 1:
            current = float(vocab.articles[part])
            continue
        elif part == "and" and seen and i < len(parts) - 1:
            continue
        else:
            return None
        seen = True
    return tidy(total + current) if seen else None


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def count_regex() -> str:
    """A regular expression (no groups, use with ``re.I``) for a count in running text.

    Matches digits ("48", "2.5"), number words ("five", "twenty-five", "two hundred"),
    the articles ("a", "an") and vague counts ("a few", "several").
    """
    vocab = number_words()
    tens = [w for w, v in vocab.cardinals.items() if v >= 20 and v % 10 == 0 and v < 100]
    units = [w for w, v in vocab.cardinals.items() if 0 < v < 10]
    word = rf"(?:(?:{_alternation(tens)})(?:[-\s](?:{_alternation(units)}))?|{_alternation(list(vocab.cardinals))})"
    scaled = rf"{word}(?:\s+(?:{_alternation(list(vocab.scales))}))?"
    return (
        rf"(?:\d+(?:\.\d+)?|{_alternation(list(vocab.vague))}|{scaled}"
        rf"|(?:{_alternation(list(vocab.articles))})(?:\s+(?:{_alternation(list(vocab.scales))}))?)"
    )


def parse_count(text: str) -> tuple[Number, Number] | None:
    """The (low, high) counts a phrase matched by :func:`count_regex` stands for."""
    folded = re.sub(r"\s+", " ", text.strip().lower())
    vocab = number_words()
    if folded in vocab.vague:
        return vocab.vague[folded]
    if folded in vocab.articles:
        value: Number | None = vocab.articles[folded]
    else:
        value = parse_number(folded.split(" "))
    return None if value is None else (value, value)
