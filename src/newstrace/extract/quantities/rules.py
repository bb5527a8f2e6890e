"""Quantities in a parsed Doc: how many of what, with the bounds the wording allows.

:func:`find_quantities` reads each count in the text:

* a number in digits or words ("250", "1,200", "2.5 million", "two hundred and fifty"),
  a range ("four to five", "20-30", "between 10 and 20"), or a vague count ("dozens",
  "tens of thousands", "several", "many") coded by ACLED's conservative convention;
* the modifier before it ("about", "at least", "up to", "nearly"), which decides whether the
  number is the value, a lower bound or an upper bound, and whether it is approximate;
* its unit: a currency or "percent", or else the counted noun from the parse, with its
  classifying modifiers ("drone operators", "military experts") but without evaluative
  adjectives, nationalities or names.

Numbers inside time expressions (dates, years, durations: the times of
:func:`newstrace.extract.times.rules.find_times`, or spaCy's DATE and TIME entities), times
of day, ordinals and numbers that are part of a name ("Article 5", "Radio 4") are skipped.
Every vocabulary lives in ``data/modifiers.yaml``, ``data/vague.yaml`` and ``data/units.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...nlp.extensions import text_of
from ...nlp.numbers import Number, number_words, parse_number, parse_numeral, tidy
from ...records import Quantity, Span, Time
from ..times.rules import find_times
from .vocab import ModifierEntry, Phrase, QuantityVocab, VagueEntry, quantity_vocab

MAX_PHRASE = 4
#: spaCy entity labels that mark numbers, not names (a token with any other label is a name)
NUMERIC_ENTITIES = frozenset({"", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
_YEAR_TOKEN = re.compile(r"^(?:1[89]|20)\d\d$")
_RANGE_TOKEN = re.compile(r"^(?P<a>\d+(?:\.\d+)?)[-–](?P<b>\d+(?:\.\d+)?)$")


@dataclass(frozen=True)
class _Core:
    """A count in the text: tokens ``first``..``last`` (inclusive) and what they state."""

    first: int
    last: int
    value: Number | None
    low: Number | None = None
    high: Number | None = None
    approximate: bool = False
    reason: str = "number"
    vague: VagueEntry | None = None
    word_one: bool = False          # "one" written as a word: often a pronoun


# --------------------------------------------------------------------------- token tests

def _is_numeral(tok: Token) -> bool:
    return parse_numeral(tok.text) is not None


def _is_cardinal_word(tok: Token) -> bool:
    return tok.lower_ in number_words().cardinals


def _is_scale_word(tok: Token) -> bool:
    return tok.lower_ in number_words().scales


def _is_suffix_scale(tok: Token) -> bool:
    """A scale suffix split off a numeral ("5" "m"), possibly with a sentence's full stop."""
    return tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and tok.lower_.rstrip(".") in number_words().suffix_scales


def _match_phrase(doc: Doc, start: int, table: dict[Phrase, object]) -> int:
    """The length in tokens of the longest phrase of ``table`` starting at ``start`` (0: none)."""
    for n in range(MAX_PHRASE, 0, -1):
        if start + n <= len(doc) and tuple(t.lower_ for t in doc[start:start + n]) in table:
            return n
    return 0


def _match_phrase_before(doc: Doc, end: int, table: dict[Phrase, object]) -> int:
    """The length in tokens of the longest phrase of ``table`` ending right before ``end``."""
    for n in range(MAX_PHRASE, 0, -1):
        if end - n >= 0 and tuple(t.lower_ for t in doc[end - n:end]) in table:
            return n
    return 0


# --------------------------------------------------------------------------- counts

def _number_at(doc: Doc, i: int, blocked: set[int]) -> _Core | None:
    """A number written in digits and/or words starting at token ``i``."""
    tok = doc[i]
    m = _RANGE_TOKEN.match(tok.text)
    if m is not None:
        low, high = tidy(float(m["a"])), tidy(float(m["b"]))
        return _Core(i, i, None, low, high, reason="range" if low < high else "score")
    words = number_words()
    start = i
    if tok.lower_ in words.fractions and i + 1 < len(doc) and doc[i + 1].lower_ in words.articles:
        i += 1
        tok = doc[i]
    if tok.lower_ in words.articles:
        if i + 1 < len(doc) and _is_scale_word(doc[i + 1]) and i + 1 not in blocked:
            return _Core(start, i + 1, parse_number([t.text for t in doc[start:i + 2]]))
        return None
    if not (_is_numeral(tok) or _is_cardinal_word(tok) or _is_scale_word(tok)):
        return None
    j = i
    worded = not _is_numeral(tok)
    while j + 1 < len(doc) and j + 1 not in blocked:
        nxt = doc[j + 1]
        if _is_scale_word(nxt) or _is_suffix_scale(nxt) or worded and _is_cardinal_word(nxt):
            j += 1
        elif worded and nxt.text == "-" and not doc[j].whitespace_ and not nxt.whitespace_ \
                and j + 2 < len(doc) and _is_cardinal_word(doc[j + 2]):
            j += 2
        elif nxt.lower_ == "and" and _is_scale_word(doc[j]) and j + 2 < len(doc) and _is_cardinal_word(doc[j + 2]):
            j += 2
            worded = True
        else:
            break
    value = parse_number([t.text for t in doc[i:j + 1]])
    if value is None:
        return None
    return _Core(i, j, value, word_one=tok.lower_ == "one" and i == j)


def _vague_at(doc: Doc, i: int, v: QuantityVocab) -> _Core | None:
    """A vague count ("dozens", "tens of thousands", "several hundred") starting at ``i``."""
    n = _match_phrase(doc, i, v.vague)  # type: ignore[arg-type]
    if n == 0:
        return None
    entry = v.vague[tuple(t.lower_ for t in doc[i:i + n])]
    last = i + n - 1
    if i > 0 and doc[i - 1].lower_ in {w.lower() for w in entry.not_after}:
        return None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and _is_scale_word(after):
        reading = number_words().vague.get(doc[i:i + n].text.lower())
        if reading is None:
            return None
        scale = number_words().scales[after.lower_]
        return _Core(i, last + 1, None, tidy(reading[0] * scale), tidy(reading[1] * scale),
                     approximate=True, reason="vague_multiple")
    if entry.needs_of and (after is None or after.lower_ != "of"):
        return None
    return _Core(i, last, entry.value, entry.low, entry.high, approximate=True, reason="vague_quantifier",
                 vague=entry)


def _with_range(doc: Doc, core: _Core, blocked: set[int], v: QuantityVocab) -> _Core:
    """``core`` joined with a second number after "to", "-", "or" ("four to five", "3% and 3.5%").

    A scale written only on the second number applies to both ("between 1.1 and 1.5 million").
    """
    j = core.last + 1
    if j < len(doc) and doc[j].text in v.symbols and not doc[core.last].whitespace_:
        j += 1
    if core.value is None or core.reason != "number" or j + 1 >= len(doc) or j in blocked:
        return core
    joiner = doc[j].lower_
    opened = core.first > 0 and doc[core.first - 1].lower_ in v.range_openers
    if not (joiner in v.range_joiners or (opened and joiner == "and")):
        return core
    second = _number_at(doc, j + 1, blocked)
    if second is None or second.value is None or j + 1 in blocked:
        return core
    low = core.value
    scale_word = doc[second.last].lower_.rstrip(".")
    if second.last > second.first and core.last == core.first and _is_numeral(doc[core.first]):
        scale = number_words().scales.get(scale_word) or number_words().suffix_scales.get(scale_word)
        if scale is not None and low * scale < second.value:
            low = tidy(low * scale)
    if not low < second.value:
        if joiner in ("-", "–") and not doc[core.last].whitespace_ and not doc[j].whitespace_:
            return _Core(core.first, second.last, None, reason="score")  # "beat Bath 17-16": no count
        return core
    first = core.first - 1 if opened else core.first
    return _Core(first, second.last, None, low, second.value, reason="range")


def _with_modifier(doc: Doc, core: _Core, blocked: set[int], v: QuantityVocab) -> _Core:
    """``core`` read with the modifier right before it ("about", "at least", "up to")."""
    n = _match_phrase_before(doc, core.first, v.modifiers)  # type: ignore[arg-type]
    if n == 0 or core.word_one or any(k in blocked for k in range(core.first - n, core.first)):
        return core
    entry: ModifierEntry = v.modifiers[tuple(t.lower_ for t in doc[core.first - n:core.first])]
    first = core.first - n
    if core.reason in {"range", "vague_multiple"}:
        return _Core(first, core.last, core.value, core.low, core.high, core.approximate or entry.approximate,
                     core.reason, core.vague)
    number = core.value
    value = number if "value" in entry.sets else None
    low = number if "low" in entry.sets else None
    high = number if "high" in entry.sets else None
    if core.vague is not None:
        low = low if low is not None else core.low
        high = high if high is not None else core.high
    approximate = entry.approximate or core.approximate
    return _Core(first, core.last, value, low, high, approximate, entry.reason if core.vague is None else core.reason,
                 core.vague)


# --------------------------------------------------------------------------- units

def _currency_before(doc: Doc, first: int, v: QuantityVocab) -> tuple[int, str] | None:
    if first > 0 and doc[first - 1].text in v.symbols:
        return first - 1, v.symbols[doc[first - 1].text]
    n = _match_phrase_before(doc, first, v.before_words)  # type: ignore[arg-type]
    if n:
        return first - n, v.before_words[tuple(t.lower_ for t in doc[first - n:first])]
    return None


def _unit_after(doc: Doc, last: int, v: QuantityVocab) -> tuple[int, int, str] | None:
    """(tokens glued into the span, tokens after it, code) of a unit written after the number."""
    if last + 1 < len(doc) and doc[last + 1].text in v.symbols and not doc[last].whitespace_:
        return 1, 0, v.symbols[doc[last + 1].text]
    n = _match_phrase(doc, last + 1, v.after_words)  # type: ignore[arg-type]
    if n:
        return 0, n, v.after_words[tuple(t.lower_ for t in doc[last + 1:last + 1 + n])]
    return None


def _of_after(doc: Doc, core: _Core) -> int | None:
    """The index of the "of" that ends or follows the count ("a couple of", "dozens of")."""
    if doc[core.last].lower_ == "of":
        return core.last
    if core.last + 1 < len(doc) and doc[core.last + 1].lower_ == "of":
        return core.last + 1
    return None


def _counted_noun(doc: Doc, core: _Core) -> Token | None:
    """The noun a count counts: after "of" ("dozens of drones") or its head in the parse."""
    after = core.last + 1
    sent_end = doc[core.last].sent.end
    of = _of_after(doc, core)
    if of is not None:
        after = of
        objects = [c for c in doc[after].children if c.dep_ == "pobj"]
        target = objects[0] if objects else None
        if target is None:
            target = next((t for t in doc[after + 1:min(after + 6, sent_end)] if t.pos_ in ("NOUN", "PROPN")), None)
        return target if target is not None and target.pos_ in ("NOUN", "PROPN") else None
    head = doc[core.last]
    seen = 0
    while head.i <= core.last and head.head.i != head.i and seen < 8:
        head = head.head
        seen += 1
    # a modifier between count and noun ("several Chechen ... militants"): go on to its noun
    while head.dep_ in ("amod", "nmod", "compound") and head.i < head.head.i < sent_end and seen < 8:
        head = head.head
        seen += 1
    if core.last < head.i < sent_end and head.pos_ in ("NOUN", "PROPN"):
        return head
    nxt = doc[after] if after < sent_end else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NNPS"):
        return nxt
    return None


def _unit_text(doc: Doc, noun: Token, floor: int, v: QuantityVocab) -> str:
    """The counted noun with its classifying modifiers, as written ("drone operators")."""
    chunks: list[list[Token]] = []
    for tok in doc[floor:noun.i]:
        if chunks and not doc[tok.i - 1].whitespace_:
            chunks[-1].append(tok)
        else:
            chunks.append([tok])
    start = noun.i
    for chunk in reversed(chunks):
        named = any(t.pos_ == "PROPN" or t.ent_type_ not in NUMERIC_ENTITIES for t in chunk)
        hyphenated = len(chunk) > 1 and any(t.text == "-" for t in chunk)
        single = chunk[0] if len(chunk) == 1 else None
        keep = not named and (
            hyphenated
            or (single is not None and single.lower_ in v.classifying)
            or (single is not None and single.dep_ == "compound" and single.pos_ == "NOUN")
        )
        if not keep:
            break
        start = chunk[0].i
    return text_of(doc)[doc[start].idx:noun.idx + len(noun.text)]


# --------------------------------------------------------------------------- entry point

def _is_content_word(tok: Token) -> bool:
    """A word that makes a DATE entity a date: a content word or a year-like numeral.

    A DATE entity made only of counts and function words ("between 30 and 40") is no
    evidence of a date; one holding "1945" or "weeks" is.
    """
    if _YEAR_TOKEN.match(tok.text):
        return True
    return tok.is_alpha and not tok.is_stop and not _is_cardinal_word(tok) and not _is_scale_word(tok)


def _blocked_tokens(doc: Doc, times: list[Time]) -> set[int]:
    """Indices of tokens inside time expressions, DATE/TIME entities or clock times."""
    blocked: set[int] = set()
    for t in times:
        span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    for ent in doc.ents:
        if ent.label_ == "ORDINAL" or (ent.label_ in ("DATE", "TIME") and any(_is_content_word(t) for t in ent)):
            blocked.update(range(ent.start, ent.end))
    for tok in doc:
        if ":" in tok.text and any(ch.isdigit() for ch in tok.text):
            blocked.add(tok.i)
    return blocked


def _is_label(doc: Doc, first: int) -> bool:
    """Whether the number names something: "Article 5", "Radio 4", "the Guildford Four",
    "a day with Five" (a number word capitalised inside a sentence)."""
    if first == 0:
        return False
    tok, prev = doc[first], doc[first - 1]
    if tok.is_alpha and tok.is_title and not tok.is_sent_start and prev.text not in "\"“‘'(":
        return True
    return not prev.is_sent_start and (prev.pos_ == "PROPN" or (prev.is_title and prev.pos_ == "NOUN"))


def _is_compound_modifier(doc: Doc, last: int) -> bool:
    """Whether the number is hyphenated to a word: "a three-party race", "a four-letter word"."""
    return (last + 2 < len(doc) and not doc[last].whitespace_ and doc[last + 1].text == "-"
            and not doc[last + 1].whitespace_ and doc[last + 2].is_alpha)


def _is_name(doc: Doc, core: _Core, noun: Token) -> bool:
    """Whether number and noun form a name or address ("10 Downing Street")."""
    between = doc[core.last + 1:noun.i + 1]
    return noun.pos_ == "PROPN" and noun.ent_type_ != "NORP" and all(t.pos_ == "PROPN" for t in between)


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every count in ``doc`` with its bounds, approximation and unit, in text order.

    Time expressions come from ``doc._.nt_times`` when a component has set them, else they are
    found here against ``doc._.nt_published``.
    """
    v = quantity_vocab()
    times: list[Time] | None = doc._.nt_times
    if times is None:
        times = find_times(text_of(doc), doc._.nt_published)
    blocked = _blocked_tokens(doc, times)
    found: list[Quantity] = []
    i = 0
    while i < len(doc):
        if i in blocked:
            i += 1
            continue
        core = _vague_at(doc, i, v) or _number_at(doc, i, blocked)
        if core is None:
            i += 1
            continue
        core = _with_range(doc, core, blocked, v)
        i = core.last + 1
        quantity = _read(doc, core, blocked, v)
        if quantity is not None:
            found.append(quantity)
    return found


def _read(doc: Doc, core: _Core, blocked: set[int], v: QuantityVocab) -> Quantity | None:
    """The Quantity a count states, or None when it is no count (a label, a pronoun, a clock time)."""
    if core.reason == "score" or any(k in blocked for k in range(core.first, core.last + 1)):
        return None
    after = core.last + 1
    if after < len(doc) and doc[after].lower_ in v.clock_words:
        return None
    unit: str | None = None
    glued = 0
    first = core.first
    currency = _currency_before(doc, first, v)
    if currency is not None:
        first, unit = currency
    unit_after = _unit_after(doc, core.last, v) if unit is None else None
    if unit_after is not None:
        glued, _, unit = unit_after
    core = _with_modifier(doc, _Core(first, core.last, core.value, core.low, core.high, core.approximate,
                                     core.reason, core.vague, core.word_one), blocked, v)
    noun = _counted_noun(doc, core) if unit is None else None
    if noun is not None and _is_name(doc, core, noun):
        return None
    if unit is None and noun is not None:
        of = _of_after(doc, core)
        unit = _unit_text(doc, noun, core.last + 1 if of is None else of + 1, v)
    if _is_label(doc, core.first) or _is_compound_modifier(doc, core.last + glued):
        return None
    if noun is None and unit is None and (core.word_one or (core.vague is not None and core.vague.needs_noun)):
        return None
    if core.word_one and ((after < len(doc) and doc[after].lower_ == "of")
                          or (core.first > 0 and doc[core.first - 1].lower_ == "the")):
        return None  # "one of them", "the one law lord": no count
    last = doc[core.last + glued]
    if last.lower_ == "of" and last.i > core.first:
        last = doc[last.i - 1]
    start, end = doc[core.first].idx, last.idx + len(last.text.rstrip(".") or last.text)
    return Quantity(
        value=core.value,
        low=core.low,
        high=core.high,
        approximate=core.approximate,
        unit=unit,
        span=Span.of(text_of(doc), start, end),
        reason=core.reason,
    )
