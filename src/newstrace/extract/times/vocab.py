"""The time normalizer's vocabulary: ``data/calendar.yaml`` and ``data/expressions.yaml``,
validated at load and compiled into regular-expression fragments once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ...errors import Errors, NewstraceError
from ...resources import load_entries, read_yaml

DATA = "newstrace.extract.times.data"
CALENDAR = "calendar.yaml"
EXPRESSIONS = "expressions.yaml"

Period = Literal["day", "week", "month", "quarter", "year", "decade"]
ShiftUnit = Literal["day", "week", "weekend", "month", "quarter", "year"]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    source: str = Field(min_length=3)


class MonthEntry(_Entry):
    month: int = Field(ge=1, le=12)
    name: str
    abbreviations: list[str] = Field(default_factory=list)
    needs_cue: bool = False


class WeekdayEntry(_Entry):
    weekday: int = Field(ge=1, le=7)
    name: str


class SeasonEntry(_Entry):
    name: str
    start_month: int = Field(ge=1, le=12)
    timex: str
    needs_cue: bool = False


class DayPartEntry(_Entry):
    words: list[str]
    timex: str = Field(pattern=r"^[A-Z]{2}$")


class ClockWordEntry(_Entry):
    word: str
    clock: str = Field(pattern=r"^\d\d:\d\d$")


class QuarterEntry(_Entry):
    quarter: int = Field(ge=1, le=4)
    names: list[str]


class UnitEntry(_Entry):
    name: str
    forms: list[str]
    base: Literal["hour", "day", "month"]
    size: int = Field(gt=0)
    period: Period
    timex: str
    multiple: int = 1


class WordGroup(_Entry):
    words: list[str]


class ShiftEntry(_Entry):
    phrases: list[str]
    unit: ShiftUnit
    offset: int
    alone: bool = False     # counts only when no word follows the phrase
    until_published: bool = False   # the part of the period up to P, unless a future cue precedes


class DirectionEntry(_Entry):
    word: str
    base: Literal["published", "narrative"]
    sign: Literal[-1, 1]


class WindowEntry(_Entry):
    unit: str
    low: int = Field(ge=0)
    high: int = Field(gt=0)


class RecentEntry(_Entry):
    phrases: list[str]
    n: int = Field(gt=0)
    unit: str


class RefEntry(_Entry):
    phrases: list[str]
    value: Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]
    after: list[str] = Field(default_factory=list)
    not_before: list[str] = Field(default_factory=list)
    alone: bool = False


class StretchEntry(_Entry):
    words: list[str]
    sign: Literal[-1, 1]


class PartEntry(_Entry):
    words: list[str]
    start: float | None = Field(default=None, alias="from", ge=0.0, le=1.0)
    end: float | None = Field(default=None, alias="to", ge=0.0, le=1.0)
    clip: Literal["before", "after"] | None = None


class OpenRangeEntry(_Entry):
    cue: str
    reason: str
    open: bool = True       # the interval runs on to P; False: the cue only modifies the time


class RelativeEntry(_Entry):
    word: str
    direction: Literal[-1, 0, 1]


class YearlessEntry(_Entry):
    future_days: int = Field(ge=0, le=366)


class RangeJoinEntry(_Entry):
    opener: str
    joiners: list[str]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first; a space matches any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _fold(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().lower())


@dataclass(frozen=True)
class TimeVocab:
    """Lookup tables (keys lower-cased unless noted) and regex fragments built from the data."""

    months: dict[str, MonthEntry]          # full name or abbreviation, as written or in capitals -> entry
    month_full_rx: str                      # full names (case-sensitive)
    month_any_rx: str                       # full names and abbreviations (case-sensitive)
    month_dated_rx: str                     # as month_any_rx, or in capitals ("JAN 21, 2025"): with a year only
    weekdays: dict[str, WeekdayEntry]       # name as written -> entry
    weekday_rx: str
    weekday_not_before_rx: str              # words after a weekday that make it a title
    weekday_not_after_rx: str               # words before a weekday that make it a name
    seasons: dict[str, SeasonEntry]
    season_rx: str
    quarters: dict[str, int]
    quarter_rx: str
    units: dict[str, UnitEntry]             # form -> unit
    unit_rx: str
    plural_unit_rx: str
    windows: dict[str, WindowEntry]         # unit name -> window
    year_cue_rx: str
    month_cue_rx: str
    season_cue_rx: str
    duration_cue_rx: str
    set_cue_rx: str
    age_rx: str
    deictic: dict[str, ShiftEntry]
    narrative: dict[str, ShiftEntry]
    directions: dict[str, DirectionEntry]
    direction_rx: str
    recent: dict[str, RecentEntry]
    refs: dict[str, RefEntry]               # "now" -> PRESENT_REF, "the past" -> PAST_REF
    stretches: dict[str, StretchEntry]
    stretch_rx: str
    parts: dict[str, PartEntry]
    part_rx: str
    open_ranges: dict[str, OpenRangeEntry]
    open_range_rx: str
    range_joins: list[RangeJoinEntry]
    joiner_rx: str                          # any joiner of two times
    relatives: dict[str, int]               # "last" -> -1
    relative_rx: str
    count_joiner_rx: str
    open_range_det_rx: str                  # a determiner between an open-range cue and a time
    future_cue_rx: str
    year_modifier_cue_rx: str
    yearless_future_days: int               # a date without a year may lie this many days after P
    span_modifier_rx: str                   # "nearly", "at least": part of the span of the time after them
    day_parts: dict[str, str]               # "morning" -> "MO"
    day_part_rx: str
    clock_words: dict[str, str]             # "noon" -> "12:00"
    clock_word_rx: str
    time_zone_rx: str
    determiner_rx: str                      # "the", "the first" before a time noun phrase


def _group(key: str, name: str = EXPRESSIONS, within: str | None = None) -> WordGroup:
    raw = read_yaml(DATA, name) or {}
    if within is not None:
        raw = raw.get(within) or {}
    try:
        return WordGroup.model_validate(raw.get(key))
    except ValueError as exc:
        raise NewstraceError(Errors.E011, input=f"{DATA}/{name}", detail=f"{key}: {exc}") from exc


def _yearless() -> YearlessEntry:
    raw = (read_yaml(DATA, EXPRESSIONS) or {}).get("yearless")
    try:
        return YearlessEntry.model_validate(raw)
    except ValueError as exc:
        raise NewstraceError(Errors.E011, input=f"{DATA}/{EXPRESSIONS}", detail=f"yearless: {exc}") from exc


@cache
def time_vocab() -> TimeVocab:
    """The vocabulary of the time normalizer (loaded and validated once)."""
    months_list = load_entries(DATA, CALENDAR, MonthEntry, key="months")
    months: dict[str, MonthEntry] = {}
    for m in months_list:
        months[m.name] = m
        months.update({a: m for a in m.abbreviations})
    written = list(months)
    months.update({name.upper(): months[name] for name in written})
    weekdays = {w.name: w for w in load_entries(DATA, CALENDAR, WeekdayEntry, key="weekdays")}
    seasons = {s.name.lower(): s for s in load_entries(DATA, CALENDAR, SeasonEntry, key="seasons")}
    quarters = {n.lower(): q.quarter for q in load_entries(DATA, CALENDAR, QuarterEntry, key="quarters") for n in q.names}
    units_list = load_entries(DATA, EXPRESSIONS, UnitEntry, key="units")
    units = {f.lower(): u for u in units_list for f in u.forms}
    plural_forms = [f for u in units_list for f in u.forms if f.lower() != u.name.lower() and f.lower().endswith("s")]
    windows = {w.unit: w for w in load_entries(DATA, EXPRESSIONS, WindowEntry, key="plural_windows")}
    deictic = {_fold(p): e for e in load_entries(DATA, EXPRESSIONS, ShiftEntry, key="deictic") for p in e.phrases}
    narrative = {_fold(p): e for e in load_entries(DATA, EXPRESSIONS, ShiftEntry, key="narrative") for p in e.phrases}
    directions = {d.word.lower(): d for d in load_entries(DATA, EXPRESSIONS, DirectionEntry, key="directions")}
    recent = {_fold(p): e for e in load_entries(DATA, EXPRESSIONS, RecentEntry, key="recent") for p in e.phrases}
    refs = {_fold(p): e for e in load_entries(DATA, EXPRESSIONS, RefEntry, key="refs") for p in e.phrases}
    stretches = {w.lower(): s for s in load_entries(DATA, EXPRESSIONS, StretchEntry, key="stretches") for w in s.words}
    parts = {_fold(w): p for p in load_entries(DATA, EXPRESSIONS, PartEntry, key="parts") for w in p.words}
    open_ranges = {_fold(o.cue): o for o in load_entries(DATA, EXPRESSIONS, OpenRangeEntry, key="open_ranges")}
    range_joins = load_entries(DATA, EXPRESSIONS, RangeJoinEntry, key="range_joins")
    relatives: dict[str, int] = {r.word.lower(): r.direction for r in load_entries(DATA, EXPRESSIONS, RelativeEntry, key="relatives")}
    count_joiners = _group("count_joiners").words
    day_parts = {w.lower(): p.timex for p in load_entries(DATA, CALENDAR, DayPartEntry, key="day_parts") for w in p.words}
    clock_words = {c.word.lower(): c.clock for c in load_entries(DATA, CALENDAR, ClockWordEntry, key="clock_words")}
    return TimeVocab(
        months=months,
        month_full_rx=alternation(m.name for m in months_list),
        month_any_rx=alternation(written),
        month_dated_rx=alternation(months),
        weekdays=weekdays,
        weekday_rx=alternation(weekdays),
        weekday_not_before_rx=alternation(_group("not_before", CALENDAR, "weekday_names").words),
        weekday_not_after_rx=alternation(_group("not_after", CALENDAR, "weekday_names").words),
        seasons=seasons,
        season_rx=alternation(seasons),
        quarters=quarters,
        quarter_rx=alternation(quarters),
        units=units,
        unit_rx=alternation(units),
        plural_unit_rx=alternation(plural_forms),
        windows=windows,
        year_cue_rx=alternation(_group("year_cues").words),
        month_cue_rx=alternation(_group("month_cues").words),
        season_cue_rx=alternation(_group("season_cues").words),
        duration_cue_rx=alternation(_group("duration_cues").words),
        set_cue_rx=alternation(_group("set_cues").words),
        age_rx=alternation(_group("age_words").words),
        deictic=deictic,
        narrative=narrative,
        directions=directions,
        direction_rx=alternation(directions),
        recent=recent,
        refs=refs,
        stretches=stretches,
        stretch_rx=alternation(stretches),
        parts=parts,
        part_rx=alternation(parts),
        open_ranges=open_ranges,
        open_range_rx=alternation(open_ranges),
        range_joins=range_joins,
        joiner_rx=alternation({j for r in range_joins for j in r.joiners} | set(count_joiners)),
        relatives=relatives,
        relative_rx=alternation(relatives),
        count_joiner_rx=alternation(count_joiners),
        open_range_det_rx=alternation(_group("open_range_determiners").words),
        future_cue_rx=alternation(_group("future_cues").words),
        year_modifier_cue_rx=alternation(_group("year_modifier_cues").words),
        yearless_future_days=_yearless().future_days,
        span_modifier_rx=alternation(_group("span_modifiers").words),
        day_parts=day_parts,
        day_part_rx=alternation(day_parts),
        clock_words=clock_words,
        clock_word_rx=alternation(clock_words),
        time_zone_rx=alternation(_group("time_zones", CALENDAR).words),
        determiner_rx=alternation(_group("determiner_takers").words),
    )


def fold(phrase: str) -> str:
    """Lower-case ``phrase`` and collapse its spaces (the key form of the lookup tables)."""
    return _fold(phrase)
