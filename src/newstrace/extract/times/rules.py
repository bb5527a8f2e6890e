"""Time expressions in news text, normalized to intervals: pure functions over the text.

:func:`find_times` runs in four steps:

1. every rule proposes candidates (a span, a rule name and a resolver): full dates,
   yearless dates, months, years, decades, seasons, quarters, weekdays, clock times, fixed
   deictic and narrative phrases, "now" and "in the past", "N units ago/later", "the past N
   units", vague "recent" phrases and durations;
2. overlapping candidates are settled, longest first (fixed phrases win ties);
3. neighbours are combined: a clock time or a part of the day joins its day ("10 p.m.
   Wednesday", "Tuesday night"); a part word ("early", "mid-", "late", "earlier") narrows the
   time after it; two times joined by "between ... and", "from ... to" or "to" become one
   range; an approximator ("nearly") or a determiner ("the") before a time joins its span;
   "since" and "as early as" open an interval up to publication;
4. candidates are resolved in text order. Relative times use the publication date; narrative
   times ("days later", "the next day") use the last date resolved before them and name it
   as their anchor.

The vocabulary and every convention (windows for "days later", "recent months"...) live in
``data/calendar.yaml`` and ``data/expressions.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from ...ingest.dateline import metadata_spans
from ...nlp.numbers import Number, count_regex, parse_count
from ...records import Granularity, Span, Time
from . import dates
from .vocab import ShiftUnit, TimeVocab, UnitEntry, alternation, fold, time_vocab

#: rules whose times may anchor a later narrative time ("days later")
ANCHORING = frozenset({
    "absolute_date", "yearless_date", "month", "month_year", "year", "weekday", "deictic",
    "relative_ago", "relative_range_ago", "narrative_anchor", "season", "quarter", "period_part",
    "range",
})
#: rules whose times can be joined into ranges, narrowed by a part word or opened by "since"
POINTS = ANCHORING | {"decade", "year_range"}
#: rules a part word ("early", "late", "earlier") may narrow
PARTABLE = frozenset({"month", "month_year", "year", "deictic", "season", "quarter", "decade"})
#: rules whose span takes an approximator or bound before it ("nearly two years", "around Nov. 1")
MODIFIABLE = frozenset({"duration", "relative_ago", "relative_range_ago", "absolute_date", "yearless_date", "year"})
#: rules that name one day, which a part of the day or a clock time may make more precise
DAYLIKE = frozenset({"weekday", "yearless_date", "absolute_date", "deictic", "narrative_anchor"})
#: rules whose span takes a determiner before it ("the 1990s", "the early summer", "the nine months")
DETERMINED = frozenset({"duration", "period_part"})

#: the granularity of a shifted period left without a publication date to resolve it
_UNIT_GRANULARITY: dict[ShiftUnit, Granularity] = {
    "day": "day", "week": "week", "weekend": "range", "month": "month", "quarter": "range", "year": "year"}

_YEAR = r"(?:1[89]|20)\d\d"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class _Resolved:
    value: str
    start: dt.date | None
    end: dt.date | None
    granularity: Granularity
    anchored: bool = False          # computed from the narrative anchor, not publication
    anchor_id: str | None = None    # the id of an earlier time it is computed from, other than the narrative anchor


@dataclass(frozen=True)
class _Anchor:
    id: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class _Context:
    published: dt.date | None
    anchor: _Anchor | None = None
    year_hint: int | None = None
    referent: _Anchor | None = None     # the time of the event a "since the coup" refers back to
    future_days: int = 0                # how far after P a date without a year may lie (data: yearless)
    past_only: bool = False             # the start of a "since" interval: on or before P


Resolver = Callable[[_Context], "_Resolved | None"]
#: the tense of the clause at a character offset: "past", "future" or None (present, unknown)
Tense = Callable[[int], "str | None"]
#: which occurrence a date without a year takes: -1 the latest at or before P, 1 the next, 0 by distance
Lean = Callable[[int], int]


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    reason: str
    resolve: Resolver
    priority: int = 0
    month: int | None = None        # month of a date or month without an explicit year
    year: int | None = None         # year written in the text, if any
    yearless: bool = False
    refers_to: int | None = None    # start offset of the earlier candidate it refers back to
    clock: str | None = None        # "17:00" for a clock time ("5 p.m."), to join the day after it

    @property
    def length(self) -> int:
        return self.end - self.start


# --------------------------------------------------------------------------- helpers

def _relative_value(sign: int) -> str:
    return "PAST_REF" if sign < 0 else "FUTURE_REF" if sign > 0 else "PRESENT_REF"


def _interval(start: dt.date, end: dt.date, anchored: bool = False) -> _Resolved:
    value, granularity = dates.describe(start, end)
    return _Resolved(value, start, end, granularity, anchored)


def _clause_start(text: str, pos: int) -> int:
    """Offset of the start of the sentence (or line) that ``pos`` is in, looking back at most 300 characters."""
    floor = max(0, pos - 300)
    ends = [m.end() for m in re.finditer(r"[.!?;\n](?=\s)|\n", text[floor:pos])]
    return floor + ends[-1] if ends else floor


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n—"


def _lowercase_ok(text: str, start: int, phrase_in_data: str) -> bool:
    """A lower-case vocabulary phrase written capitalised counts only at a sentence start."""
    written = text[start]
    return not (written.isupper() and phrase_in_data[:1].islower()) or _at_sentence_start(text, start)


def _preceded_by(text: str, pos: int, words_rx: str) -> re.Match[str] | None:
    """The cue of ``words_rx`` that ends right before ``pos`` (spaces or a hyphen between).

    Offsets of the match are offsets into ``text``.
    """
    pattern = re.compile(rf"(?:^|(?<=[^\w-]))(?P<cue>{words_rx})(?:\s+|\s*-\s*)$", re.IGNORECASE)
    return pattern.search(text, max(0, pos - 40), pos)


def _after_range_word(text: str, pos: int, v: TimeVocab) -> bool:
    """Whether a time just before ``pos`` and a joiner ("and", "to", "-") lead to it."""
    head = text[max(0, pos - 40):pos]
    return re.search(
        rf"(?:{v.month_any_rx}|\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?)\.?\s*(?i:{v.joiner_rx})\s*$", head
    ) is not None


def _future_cue(text: str, pos: int, v: TimeVocab) -> bool:
    """Whether a future cue ("will", "is expected to") comes before ``pos`` in its sentence."""
    before = text[_clause_start(text, pos):pos]
    return re.search(rf"(?<![\w-])(?:{v.future_cue_rx})(?![\w-])", before, re.IGNORECASE) is not None


def _leaner(text: str, v: TimeVocab, tense: Tense | None) -> Lean:
    """How a date without a year at an offset is read. With the clause's tense known: a past
    clause -> the latest at or before P, a future one -> the next, otherwise by distance. Without
    it: the next after a future cue in the sentence, else the latest at or before P."""

    def lean(pos: int) -> int:
        if tense is None:
            return 1 if _future_cue(text, pos, v) else -1
        said = tense(pos)
        return -1 if said == "past" else 1 if said == "future" else 0

    return lean


def _year_for(month: int, day: int | None, ctx: _Context, lean: int = -1) -> int | None:
    """The year of ``month`` (and ``day``) written without one: with ``lean`` -1 the latest at or
    before publication, 1 the next one, 0 the next one if it lies at most ``ctx.future_days`` after
    publication, else the latest; never after publication for the start of a "since" interval."""
    if ctx.year_hint is not None:
        return ctx.year_hint
    p = ctx.published
    if p is None:
        return None
    past: int | None = None
    upcoming: dt.date | None = None
    for year in range(p.year + 1, p.year - 9, -1):
        d = _valid_date(year, month, day or 1)
        if d is None:
            continue
        if d > p:
            upcoming = d
        elif past is None:
            past = year
            break
    if upcoming is not None and not ctx.past_only and lean >= 0 \
            and (lean > 0 or (upcoming - p).days <= ctx.future_days):
        return upcoming.year
    return past


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _unit(v: TimeVocab, form: str) -> UnitEntry:
    return v.units[form.lower()]


def _is_plural(unit: UnitEntry, form: str) -> bool:
    return form.lower() != unit.name.lower() and form.lower().endswith("s")


# --------------------------------------------------------------------------- rules: calendar dates

def _full_dates(text: str, v: TimeVocab) -> Iterator[_Candidate]:
    wd = rf"(?:(?:{v.weekday_rx}),?\s+)?"
    patterns = (
        rf"\b{wd}(?P<mon>{v.month_dated_rx})\b\.?\s+{_DAY},?\s+(?P<year>{_YEAR})(?!\d)",
        rf"\b{wd}{_DAY}(?:\s+of)?\s+(?P<mon>{v.month_dated_rx})\b\.?,?\s+(?P<year>{_YEAR})(?!\d)",
    )
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            day = _valid_date(int(m["year"]), v.months[m["mon"]].month, int(m["day"]))
            if day is not None:
                yield _Candidate(m.start(), m.end(), "absolute_date", _fixed(day, day), priority=5, year=day.year)
    numeric = (
        r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])",           # ISO 8601
        # day first with full stops ("15.10.2024"), the European order; slashes are left
        # alone, since "10/11/2024" may be month first
        rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>{_YEAR})(?![\d]|\.\d)",
    )
    for pattern in numeric:
        for m in re.finditer(pattern, text):
            day = _valid_date(int(m["year"]), int(m["month"]), int(m["day"]))
            if day is not None:
                yield _Candidate(m.start(), m.end(), "absolute_date", _fixed(day, day), priority=5, year=day.year)


def _fixed(start: dt.date, end: dt.date, value: str | None = None, granularity: Granularity | None = None) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved:
        r = _interval(start, end)
        return replace(r, value=value or r.value, granularity=granularity or r.granularity)

    return resolve


def _yearless_dates(text: str, v: TimeVocab, lean: Lean) -> Iterator[_Candidate]:
    wd = rf"(?:(?:{v.weekday_rx}),?\s+)?"
    no_year = r"(?!\s*,?\s*\d)(?![.,:]\d|%)"
    patterns = (
        rf"\b{wd}(?P<mon>{v.month_any_rx})\b\.?\s+{_DAY}\b{no_year}",
        rf"(?<![\d,.$£€])\b{wd}{_DAY}(?:\s+of)?\s+(?P<mon>{v.month_any_rx})\b",
    )
    for k, pattern in enumerate(patterns):
        for m in re.finditer(pattern, text):
            month, day = v.months[m["mon"]].month, int(m["day"])
            if not 1 <= day <= 31 or _valid_date(2000, month, day) is None:
                continue
            if k == 0 and re.search(r"\bin\s+$", text[max(0, m.start() - 4):m.start()], re.IGNORECASE):
                continue  # "in January 25 people ...": a month, then a count
            yield _Candidate(m.start(), m.end(), "yearless_date",
                             _yearless(month, day, lean(m.start())), priority=4,
                             month=month, yearless=True)


def _yearless(month: int, day: int, lean: int = -1) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved | None:
        year = _year_for(month, day, ctx, lean)
        if year is None:
            return _Resolved(f"XXXX-{month:02d}-{day:02d}", None, None, "day")
        d = _valid_date(year, month, day)
        return None if d is None else _interval(d, d)

    return resolve


def _month_years(text: str, v: TimeVocab) -> Iterator[_Candidate]:
    for m in re.finditer(rf"\b(?P<mon>{v.month_dated_rx})\b\.?(?:\s+of)?,?\s+(?P<year>{_YEAR})(?!\d)", text):
        month, year = v.months[m["mon"]].month, int(m["year"])
        yield _Candidate(m.start(), m.end(), "month_year",
                         _fixed(dt.date(year, month, 1), dates.month_end(year, month)), priority=3, year=year)
    # "June last year", "January this year", "March of next year"
    pattern = rf"\b(?P<mon>{v.month_full_rx})\s+(?:of\s+)?(?P<rel>(?i:{v.relative_rx}))\s+year\b"
    for m in re.finditer(pattern, text):
        month = v.months[m["mon"]].month
        yield _Candidate(m.start(), m.end(), "month_year", _month_of_year(month, v.relatives[m["rel"].lower()]),
                         priority=3, month=month)


def _month_of_year(month: int, rel: int) -> Resolver:
    """``month`` of P's year moved by ``rel`` years."""

    def resolve(ctx: _Context) -> _Resolved:
        if ctx.published is None:
            return _Resolved(f"XXXX-{month:02d}", None, None, "month")
        year = ctx.published.year + rel
        return _interval(dt.date(year, month, 1), dates.month_end(year, month))

    return resolve


def _months(text: str, v: TimeVocab, lean: Lean) -> Iterator[_Candidate]:
    for m in re.finditer(rf"(?:\b(?P<rel>(?i:{v.relative_rx}))\s+)?\b(?P<mon>{v.month_full_rx})\b", text):
        entry = v.months[m["mon"]]
        if entry.needs_cue and not m["rel"] and not _preceded_by(text, m.start(), v.month_cue_rx) \
                and not _after_range_word(text, m.start(), v):
            continue
        rel = v.relatives[m["rel"].lower()] if m["rel"] else None
        yield _Candidate(m.start(), m.end(), "month", _month(entry.month, rel, lean(m.start())),
                         priority=2, month=entry.month, yearless=rel is None)


def _month(month: int, rel: int | None, lean: int = -1) -> Resolver:
    """A month name; ``rel`` -1/0/1 for "last"/"this"/"next", None when bare (then as :func:`_year_for`)."""

    def resolve(ctx: _Context) -> _Resolved:
        p = ctx.published
        if rel is not None and p is not None:
            year = p.year
            if rel < 0:
                year = p.year if month < p.month else p.year - 1
            elif rel > 0:
                year = p.year if month > p.month else p.year + 1
        else:
            found = _year_for(month, None, ctx, lean)
            if found is None:
                return _Resolved(f"XXXX-{month:02d}", None, None, "month")
            year = found
        return _interval(dt.date(year, month, 1), dates.month_end(year, month))

    return resolve


def _years(text: str, v: TimeVocab) -> Iterator[_Candidate]:
    pattern = (rf"(?<![\d£$€.,/])(?<!\d-)(?P<year>{_YEAR})(?!\d|[.,]\d|%|-\d|/\d|\s*(?:bn|m|mn|k)\b)"
               r"(?!\s+(?:per\s*cent|percent)\b)")
    for m in re.finditer(pattern, text):
        if not _preceded_by(text, m.start(), v.year_cue_rx) and not _after_range_word(text, m.start(), v) \
                and not ((_preceded_by(text, m.start(), v.year_modifier_cue_rx)
                          or re.search(r"\w['’]s\s+$", text[max(0, m.start() - 30):m.start()]))
                         and re.match(r"\s+[A-Za-z]", text[m.end():])):
            continue
        year = int(m["year"])
        yield _Candidate(m.start(), m.end(), "year", _fixed(dt.date(year, 1, 1), dt.date(year, 12, 31)),
                         priority=1, year=year)


def _year_ranges(text: str) -> Iterator[_Candidate]:
    for m in re.finditer(rf"(?<![\d£$€.,])(?P<y1>{_YEAR})\s*[-–/]\s*(?P<y2>{_YEAR}|\d\d)(?![\d%])", text):
        y1 = int(m["y1"])
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
        if not y1 < y2 <= y1 + 30:
            continue
        yield _Candidate(m.start(), m.end(), "year_range",
                         _fixed(dt.date(y1, 1, 1), dt.date(y2, 12, 31), value=f"{y1}/{y2}", granularity="range"),
                         priority=3, year=y1)


def _decades(text: str) -> Iterator[_Candidate]:
    for m in re.finditer(r"(?<![\w'’])(?:(?P<century>1[89]|20)(?P<d>\d)0s|['’](?P<short>\d)0s)\b", text):
        yield _Candidate(m.start(), m.end(), "decade", _decade(m["century"], m["d"] or m["short"]), priority=2)


def _decade(century: str | None, digit: str) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved:
        if century is not None:
            start = int(century) * 100 + int(digit) * 10
        else:
            now = (ctx.published or dt.date(2000, 1, 1)).year
            start = (now // 100) * 100 + int(digit) * 10
            if start > now:
                start -= 100
        return _Resolved(f"{start // 10:03d}", dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "range")

    return resolve


def _weekdays(text: str, v: TimeVocab, lean: Lean) -> Iterator[_Candidate]:
    for m in re.finditer(rf"(?:\b(?P<rel>(?i:{v.relative_rx}))\s+)?\b(?P<wd>{v.weekday_rx})\b", text):
        if re.match(rf"\s+(?:{v.weekday_not_before_rx})\b", text[m.end():]) \
                or re.search(rf"\b(?:{v.weekday_not_after_rx})\s+$", text[max(0, m.start() - 20):m.start()]):
            continue
        rel = v.relatives[m["rel"].lower()] if m["rel"] else 0
        future = not m["rel"] and lean(m.start()) > 0
        yield _Candidate(m.start(), m.end(), "weekday", _weekday(v.weekdays[m["wd"]].weekday, rel, future),
                         priority=2)


def _weekday(weekday: int, rel: int, future: bool = False) -> Resolver:
    """A weekday: the one at or before publication, or at or after it when ``future`` (a future
    clause, see :func:`_leaner`); ``rel`` -1 strictly before, 1 strictly after."""

    def resolve(ctx: _Context) -> _Resolved:
        p = ctx.published
        if p is None:
            return _Resolved(f"XXXX-WXX-{weekday}", None, None, "day")
        today = p.isoweekday()
        if future and not ctx.past_only:
            d = p + dt.timedelta(days=(weekday - today) % 7)
        elif rel > 0:
            d = p + dt.timedelta(days=(weekday - today - 1) % 7 + 1)
        elif rel < 0:
            d = p - dt.timedelta(days=(today - weekday - 1) % 7 + 1)
        else:
            d = p - dt.timedelta(days=(today - weekday) % 7)
        return _interval(d, d)

    return resolve


def _seasons(text: str, v: TimeVocab) -> Iterator[_Candidate]:
    pattern = (rf"(?:\b(?P<rel>{v.relative_rx})\s+)?\b(?P<season>{v.season_rx})\b"
               rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR})(?!\d))?")
    for m in re.finditer(pattern, text, re.IGNORECASE):
        entry = v.seasons[m["season"].lower()]
        if not (m["rel"] or m["year"] or _preceded_by(text, m.start(), v.season_cue_rx)):
            continue
        if entry.needs_cue and not (m["rel"] or m["year"]):
            continue
        if m["season"][0].isupper() and not _at_sentence_start(text, m.start() if not m["rel"] else m.start("season")):
            continue
        year = int(m["year"]) if m["year"] else None
        rel = v.relatives[m["rel"].lower()] if m["rel"] else 0
        yield _Candidate(m.start(), m.end(), "season", _season(entry.start_month, entry.timex, year, rel),
                         priority=2, year=year)


def _season(start_month: int, timex: str, year: int | None, rel: int) -> Resolver:
    """A season: the latest begun by publication; ``rel`` -1 the last one ended, 1 the next."""

    def bounds(named_year: int) -> tuple[dt.date, dt.date]:
        first_year = named_year - 1 if start_month == 12 else named_year
        start = dt.date(first_year, start_month, 1)
        last = dates.add_months(start, 2)
        return start, dates.month_end(last.year, last.month)

    def resolve(ctx: _Context) -> _Resolved:
        p = ctx.published
        if year is not None:
            named = year
        elif p is None:
            return _Resolved(f"XXXX-{timex}", None, None, "range")
        else:
            named = p.year + 1
            while bounds(named)[0] > p:
                named -= 1
            if rel < 0 and bounds(named)[1] >= p:
                named -= 1
            elif rel > 0:
                named += 1
        start, end = bounds(named)
        return _Resolved(f"{named}-{timex}", start, end, "range")

    return resolve


def _quarters(text: str, v: TimeVocab, lean: Lean) -> Iterator[_Candidate]:
    # "the third quarter of 2024", "the 1988 second quarter", "next year's first quarter",
    # "fiscal third-quarter" (a fiscal quarter is read as the calendar quarter of its name)
    patterns = (
        (rf"\b(?:the\s+)?(?:(?P<y1>{_YEAR})\s+|(?P<rel>{v.relative_rx})\s+year['’]s\s+)?(?:fiscal[\s-]+)?"
         rf"(?P<q>{v.quarter_rx})(?:\s+|\s*-\s*)quarter\b(?:\s+of\s+(?:the\s+year\s+)?(?P<year>{_YEAR})(?!\d))?"),
        rf"\b(?P<q>Q[1-4])\s+(?P<year>{_YEAR})(?!\d)",
    )
    for pattern in patterns:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            quarter = v.quarters.get(m["q"].lower())
            if quarter is None:
                continue
            written = m["year"] or m.groupdict().get("y1")
            year = int(written) if written else None
            rel = v.relatives[m["rel"].lower()] if m.groupdict().get("rel") else None
            # without a year: the latest quarter begun by P unless the clause is future (quarters are
            # mostly written about once they are over)
            ahead = 1 if lean(m.start()) > 0 else -1
            yield _Candidate(m.start(), m.end(), "quarter", _quarter(quarter, year, ahead, rel),
                             priority=2, year=year)


def _quarter(quarter: int, year: int | None, lean: int = -1, rel: int | None = None) -> Resolver:
    """A quarter of ``year``, of P's year moved by ``rel`` ("next year's"), or as :func:`_year_for`."""

    def resolve(ctx: _Context) -> _Resolved:
        first_month = 3 * quarter - 2
        if year is None and rel is not None and ctx.published is not None:
            found: int | None = ctx.published.year + rel
        else:
            found = year if year is not None else _year_for(first_month, 1, ctx, lean)
        if found is None:
            return _Resolved(f"XXXX-Q{quarter}", None, None, "range")
        start = dt.date(found, first_month, 1)
        return _Resolved(f"{found}-Q{quarter}", start, dates.month_end(found, first_month + 2), "range")

    return resolve


# --------------------------------------------------------------------------- rules: times of day

def _clocks(text: str, v: TimeVocab) -> Iterator[_Candidate]:
    """Clock times: "6 a.m.", "10:30 p.m. EST", "noon", "midnight"."""
    pattern = (rf"(?<![\w:.$£€])(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
               rf"|(?P<word>{v.clock_word_rx})\b)(?:\s+(?P<tz>{v.time_zone_rx})\b)?")
    for m in re.finditer(pattern, text, re.IGNORECASE):
        if m["word"]:
            if not _lowercase_ok(text, m.start(), m["word"].lower()):
                continue
            clock = v.clock_words[m["word"].lower()]
        else:
            hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
            clock = f"{hour:02d}:{m['mi'] or '00'}"
        yield _Candidate(m.start(), m.end(), "time_of_day", _clock_day(clock), priority=3, clock=clock)


def _clock_day(clock: str) -> Resolver:
    """A clock time alone: on the day of the narrative anchor when that is one day, else on P."""

    def resolve(ctx: _Context) -> _Resolved:
        anchored = ctx.anchor is not None and ctx.anchor.start == ctx.anchor.end
        if ctx.anchor is not None and anchored:
            day = ctx.anchor.start
        elif ctx.published is not None:
            day = ctx.published
        else:
            return _Resolved(f"XXXX-XX-XXT{clock}", None, None, "day")
        return _Resolved(f"{day.isoformat()}T{clock}", day, day, "day", anchored=anchored)

    return resolve


def _at_part(inner: Resolver, part: str) -> Resolver:
    """``inner``'s day with a part of the day or a clock time in its value ("2024-12-10TNI")."""

    def resolve(ctx: _Context) -> _Resolved | None:
        r = inner(ctx)
        if r is None or r.granularity != "day" or not re.fullmatch(r"\d{4}-\d\d-\d\d", r.value):
            return r
        return replace(r, value=f"{r.value}T{part}")

    return resolve


def _with_day_parts(text: str, cands: list[_Candidate], v: TimeVocab) -> list[_Candidate]:
    """Days made precise by a clock time before them ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6")
    or a part of the day after them or ending their phrase ("Tuesday night", "this morning")."""
    out: list[_Candidate] = []
    for c in cands:
        if c.reason in DAYLIKE:
            prev = out[-1] if out else None
            if prev is not None and prev.clock is not None and re.fullmatch(r"\s*,?\s*", text[prev.end:c.start]):
                out.pop()
                c = replace(c, start=prev.start, resolve=_at_part(c.resolve, prev.clock))
            else:
                after = re.match(rf"\s+(?P<part>{v.day_part_rx})\b", text[c.end:c.end + 20])
                last = re.search(r"(\w+)$", text[c.start:c.end])
                if after is not None:
                    c = replace(c, end=c.end + after.end(), resolve=_at_part(c.resolve, v.day_parts[after["part"].lower()]))
                elif last is not None and last.group(1).lower() in v.day_parts:
                    c = replace(c, resolve=_at_part(c.resolve, v.day_parts[last.group(1).lower()]))
        out.append(c)
    return out


# --------------------------------------------------------------------------- rules: relative phrases

def _phrase_matches(text: str, phrases: Iterable[str]) -> Iterator[tuple[re.Match[str], str]]:
    """Matches of the lower-case ``phrases`` in ``text`` with their lookup key."""
    pattern = rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        key = fold(m.group())
        if _lowercase_ok(text, m.start(), key):
            yield m, key


def _fixed_phrases(text: str, v: TimeVocab) -> Iterator[_Candidate]:
    for m, key in _phrase_matches(text, v.deictic):
        shift = v.deictic[key]
        so_far = shift.until_published and not re.search(
            rf"(?<![\w-])(?:{v.future_cue_rx})(?![\w-])", text[_clause_start(text, m.start()):m.start()], re.IGNORECASE)
        yield _Candidate(m.start(), m.end(), "deictic", _shifted(shift.unit, shift.offset, False, so_far), priority=10)
    for m, key in _phrase_matches(text, v.narrative):
        shift = v.narrative[key]
        if shift.alone and re.match(r"\s*\w", text[m.end():]):
            continue
        yield _Candidate(m.start(), m.end(), "narrative_anchor", _shifted(shift.unit, shift.offset, True),
                         priority=10)
    for m, key in _phrase_matches(text, v.recent):
        recent = v.recent[key]
        yield _Candidate(m.start(), m.end(), "vague_recent", _recent(v.units[recent.unit], recent.n), priority=10)
    for m, key in _phrase_matches(text, v.refs):
        ref = v.refs[key]
        if ref.after and not _preceded_by(text, m.start(), alternation(ref.after)):
            continue
        if ref.not_before and re.match(rf"\s*(?:{alternation(ref.not_before)})(?!\w)", text[m.end():], re.IGNORECASE):
            continue
        if ref.alone and re.match(r"\s+[a-z0-9]", text[m.end():]):
            continue
        yield _Candidate(m.start(), m.end(), "vague_ref", _ref(ref.value), priority=1)


def _ref(value: str) -> Resolver:
    """PRESENT_REF (the publication day), PAST_REF or FUTURE_REF (no interval)."""

    def resolve(ctx: _Context) -> _Resolved:
        p = ctx.published
        if value == "PRESENT_REF" and p is not None:
            return _Resolved(value, p, p, "day")
        return _Resolved(value, None, None, "range")

    return resolve


def _shifted(unit: ShiftUnit, offset: int, narrative: bool, so_far: bool = False) -> Resolver:
    """The period ``unit`` around the anchor or P, moved by ``offset``; ``so_far``: cut at P."""

    def resolve(ctx: _Context) -> _Resolved:
        if narrative and ctx.anchor is not None:
            start, end = dates.period(ctx.anchor.start, unit, offset)
            return _interval(start, end, anchored=True)
        if ctx.published is None:
            return _Resolved(_relative_value(offset), None, None, _UNIT_GRANULARITY[unit])
        start, end = dates.period(ctx.published, unit, offset)
        r = _interval(start, end)
        if so_far and start <= ctx.published < end:
            return replace(r, end=ctx.published, granularity="range")
        return r

    return resolve


def _recent(unit: UnitEntry, n: int) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved:
        if ctx.published is None:
            return _Resolved("PAST_REF", None, None, "range")
        return _Resolved("PAST_REF", dates.shift(ctx.published, -n, unit), ctx.published, "range")

    return resolve


def _counts(n1: str | None, n2: str | None) -> tuple[Number, Number] | None:
    first = parse_count(n1) if n1 else None
    if n1 and first is None:
        return None
    if n2 is None:
        return first
    second = parse_count(n2)
    if first is None or second is None:
        return None
    return min(first[0], second[0]), max(first[1], second[1])


def _relative_counts(text: str, v: TimeVocab) -> Iterator[_Candidate]:
    count = count_regex()
    pattern = (rf"(?<![\w-])(?:(?P<n1>{count})(?:\s*(?:{v.count_joiner_rx})\s*(?P<n2>{count}))?[^\S\n]+)?"
               rf"(?P<unit>{v.unit_rx})\s+(?P<dir>{v.direction_rx})\b")
    for m in re.finditer(pattern, text, re.IGNORECASE):
        unit = _unit(v, m["unit"])
        direction = v.directions[m["dir"].lower()]
        if m["n1"]:
            counts = _counts(m["n1"], m["n2"])
            if counts is None:
                continue
            low, high = counts
        else:
            window = v.windows.get(unit.name)
            if window is None or not _is_plural(unit, m["unit"]):
                continue
            low, high = window.low, window.high
        narrative = direction.base == "narrative"
        reason = "narrative_anchor" if narrative else "relative_ago" if low == high else "relative_range_ago"
        yield _Candidate(m.start(), m.end(), reason, _relative(unit, low, high, direction.sign, narrative), priority=6)


def _relative(unit: UnitEntry, low: Number, high: Number, sign: int, narrative: bool) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved:
        anchored = narrative and ctx.anchor is not None
        if anchored and ctx.anchor is not None:
            base_start, base_end = ctx.anchor.start, ctx.anchor.end
        elif ctx.published is not None:
            base_start = base_end = ctx.published
        else:
            return _Resolved(_relative_value(sign), None, None, "range" if low != high else "day")
        if low == high and not anchored and not narrative:
            start, end = dates.period(dates.shift(base_start, -low, unit), unit.period)
            return _interval(start, end)
        if sign > 0:
            return _interval(dates.shift(base_start, low, unit), dates.shift(base_end, high, unit), anchored)
        return _interval(dates.shift(base_start, -high, unit), dates.shift(base_end, -low, unit), anchored)

    return resolve


def _stretches(text: str, v: TimeVocab) -> Iterator[_Candidate]:
    # "few" and "couple of" without their article: "the past few weeks", "the next couple of years"
    pattern = (rf"\bthe\s+(?P<w>{v.stretch_rx})\s+(?:(?P<n>{count_regex()}|few|couple\s+of)\s+)?"
               rf"(?P<unit>{v.unit_rx})\b(?!\s+of\b)")
    for m in re.finditer(pattern, text, re.IGNORECASE):
        if not _lowercase_ok(text, m.start(), "the"):
            continue
        unit = _unit(v, m["unit"])
        if m["n"]:
            bare = fold(m["n"]) in ("few", "couple of")
            counts = parse_count(f"a {m['n']}" if bare else m["n"])
            if counts is None:
                continue
            n = counts[1]
        elif _is_plural(unit, m["unit"]):
            window = v.windows.get(unit.name)
            if window is None:
                continue
            n = window.high
        else:
            n = 1
        sign = v.stretches[m["w"].lower()].sign
        reason = "past_n_units" if sign < 0 else "next_n_units"
        yield _Candidate(m.start(), m.end(), reason, _stretch(unit, n, sign), priority=4)


def _stretch(unit: UnitEntry, n: Number, sign: int) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved:
        p = ctx.published
        if p is None:
            return _Resolved(_relative_value(sign), None, None, "range")
        other = dates.shift(p, sign * n, unit)
        start, end = (other, p) if sign < 0 else (p, other)
        value, _ = dates.describe(start, end)
        return _Resolved(value, start, end, "range")

    return resolve


def _duration_value(unit: UnitEntry, low: Number, high: Number) -> str:
    if low != high:
        amount = "X"
    else:
        amount = str(low * unit.multiple)
    return f"PT{amount}{unit.timex}" if unit.base == "hour" else f"P{amount}{unit.timex}"


def _durations(text: str, v: TimeVocab) -> Iterator[_Candidate]:
    count = count_regex()
    pattern = rf"(?<![\w-])(?P<n>{count})(?P<sep>\s+|\s*-\s*)(?P<unit>{v.unit_rx})\b(?!\s*-?\s*(?:{v.age_rx})\b)"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        unit = _unit(v, m["unit"])
        if "-" in m["sep"] and _is_plural(unit, m["unit"]):
            continue
        if _preceded_by(text, m.start(), v.set_cue_rx):
            continue
        counts = parse_count(m["n"])
        if counts is None:
            continue
        word_one = not m["n"][0].isdigit() and counts == (1, 1)
        if (word_one or counts[0] != counts[1]) and "-" not in m["sep"] \
                and not _preceded_by(text, m.start(), v.duration_cue_rx):
            continue
        value = _duration_value(unit, *counts)
        yield _Candidate(m.start(), m.end(), "duration",
                         _fixed_value(value, "duration"), priority=1)
    # a bare plural: "for months", "within weeks", "the first time in years"
    for m in re.finditer(rf"\b(?:for|within|in)\s+(?P<unit>{v.plural_unit_rx})\b", text, re.IGNORECASE):
        unit = _unit(v, m["unit"])
        yield _Candidate(m.start("unit"), m.end(), "duration", _fixed_value(_duration_value(unit, 0, 1), "duration"))


def _fixed_value(value: str, granularity: Granularity) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved:
        return _Resolved(value, None, None, granularity)

    return resolve


# --------------------------------------------------------------------------- combining neighbours

def _settle(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest (then highest priority) first, in text order."""
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.length, -c.priority, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _with_parts(text: str, cands: list[_Candidate], v: TimeVocab) -> list[_Candidate]:
    out: list[_Candidate] = []
    for c in cands:
        floor = out[-1].end if out else 0
        m = _preceded_by(text, c.start, v.part_rx) if c.reason in PARTABLE else None
        if m is not None:
            start = m.start("cue")
            if start >= floor and _lowercase_ok(text, start, "x"):
                part = v.parts[fold(m["cue"])]
                c = replace(c, start=start, reason="period_part", resolve=_part(c.resolve, part.start, part.end, part.clip))
        out.append(c)
    return out


def _part(inner: Resolver, lo: float | None, hi: float | None, clip: str | None) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved | None:
        r = inner(ctx)
        if r is None or r.start is None or r.end is None:
            return r
        start, end = r.start, r.end
        p = ctx.published
        if clip == "before" and p is not None and start <= p <= end:
            end = max(start, p - dt.timedelta(days=1))
        elif clip == "after" and p is not None and start <= p <= end:
            start = min(end, p + dt.timedelta(days=1))
        elif lo is not None and hi is not None:
            start, end = dates.part_of(start, end, lo, hi)
        return _Resolved(r.value, start, end, "range", r.anchored)

    return resolve


def _with_modifiers(text: str, cands: list[_Candidate], v: TimeVocab) -> list[_Candidate]:
    """Spans widened to a determiner ("the 1990s") or an approximator ("nearly two years") right
    before them, as TimeML marks them; values are unchanged."""
    out: list[_Candidate] = []
    for c in cands:
        floor = out[-1].end if out else 0
        start = c.start
        adjectival = c.reason == "duration" and "-" in text[c.start:c.end]     # "the two-week strike"
        if c.reason in DETERMINED and not adjectival and not text[start:start + 4].lower().startswith("the "):
            m = _preceded_by(text, start, v.determiner_rx)
            start = m.start("cue") if m is not None and not m.group().rstrip().endswith("-") else start
        if c.reason in MODIFIABLE:
            m = _preceded_by(text, start, v.span_modifier_rx)
            start = m.start("cue") if m is not None and not m.group().rstrip().endswith("-") else start
        if start >= floor and start != c.start and _lowercase_ok(text, start, "x"):
            c = replace(c, start=start)
        out.append(c)
    return out


def _with_ranges(text: str, cands: list[_Candidate], v: TimeVocab) -> list[_Candidate]:
    out: list[_Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        joined = _join(text, a, b, out[-1].end if out else 0, v) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _join(text: str, a: _Candidate, b: _Candidate, floor: int, v: TimeVocab) -> _Candidate | None:
    if a.reason not in POINTS or b.reason not in POINTS:
        return None
    gap = re.fullmatch(rf"\s*(?P<j>{v.joiner_rx})\s*", text[a.end:b.start], re.IGNORECASE)
    if gap is None:
        return None
    joiner = gap["j"].lower()
    for rule in v.range_joins:
        if joiner not in rule.joiners:
            continue
        start = a.start
        if rule.opener:
            m = _preceded_by(text, a.start, re.escape(rule.opener))
            if m is None:
                continue
            start = m.start("cue")
            if start < floor:
                continue
        return _Candidate(start, b.end, "range", _range(a, b), priority=a.priority)
    return None


def _range(a: _Candidate, b: _Candidate) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved | None:
        rb = b.resolve(ctx)
        if rb is None:
            return None
        hint_ctx = ctx
        if a.yearless and b.year is not None and a.month is not None and rb.start is not None:
            b_month = b.month or rb.start.month
            hint_ctx = replace(ctx, year_hint=rb.start.year if a.month <= b_month else rb.start.year - 1)
        ra = a.resolve(hint_ctx)
        if ra is None:
            return None
        if a.yearless and ra.start and rb.end and ra.start > rb.end and hint_ctx.year_hint is None:
            ra = a.resolve(replace(ctx, year_hint=ra.start.year - 1)) or ra
        start = ra.start if ra.start and rb.end and ra.start <= rb.end else None
        end = rb.end if start is not None else None
        return _Resolved(f"{ra.value}/{rb.value}", start, end, "range", ra.anchored or rb.anchored)

    return resolve


def _with_open_ranges(text: str, cands: list[_Candidate], v: TimeVocab) -> list[_Candidate]:
    out: list[_Candidate] = []
    for c in cands:
        floor = out[-1].end if out else 0
        m = None
        if c.reason in POINTS:
            det = _preceded_by(text, c.start, v.open_range_det_rx)
            m = _preceded_by(text, det.start("cue") if det else c.start, v.open_range_rx)
        if m is not None and not m.group().rstrip().endswith("-"):
            start = m.start("cue")
            if start >= floor:
                entry = v.open_ranges[fold(m["cue"])]
                c = replace(c, start=start, reason=entry.reason,
                            resolve=_open_range(c.resolve) if entry.open else c.resolve)
        out.append(c)
    return out


def _open_range(inner: Resolver) -> Resolver:
    def resolve(ctx: _Context) -> _Resolved | None:
        r = inner(replace(ctx, past_only=True))
        if r is None:
            return None
        p = ctx.published
        end = p if p is not None and r.start is not None and p >= r.start else None
        return _Resolved(f"{r.value}/PRESENT_REF", r.start, end, "range", r.anchored)

    return resolve


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.!?](?=\s)|\n").search(text, pos)
    return m.start() if m else len(text)


def _with_event_since(text: str, cands: list[_Candidate], v: TimeVocab,
                      head: tuple[int, int] | None) -> list[_Candidate]:
    """ "since the coup": an open interval from the time the article gave that event earlier.

    The noun after "since the" must have come before in a sentence that dates it ("seized power
    in a coup in July 2023"); the time of that sentence nearest the noun is the start. Without
    such a sentence the phrase is left out.
    """
    cues = alternation(k for k, e in v.open_ranges.items() if e.open)
    out = list(cands)
    dated = [c for c in cands if c.reason in ANCHORING and not (head and head[0] <= c.start < head[1])]
    for m in re.finditer(rf"(?<![\w-])(?P<cue>{cues})\s+(?:{v.open_range_det_rx})\s+(?P<noun>[a-z]{{3,}})\b",
                         text, re.IGNORECASE):
        if any(c.start < m.end() and m.start() < c.end for c in out):
            continue
        noun = re.escape(m["noun"])
        for earlier in reversed(list(re.finditer(rf"\b{noun}s?\b", text[:m.start()], re.IGNORECASE))):
            lo, hi = _clause_start(text, earlier.start()), _sentence_end(text, earlier.end())
            near = [c for c in dated if lo <= c.start and c.end <= hi]
            if near:
                ref = min(near, key=lambda c: min(abs(c.start - earlier.end()), abs(earlier.start() - c.end)))
                reason = v.open_ranges[fold(m["cue"])].reason
                out.append(_Candidate(m.start(), m.end(), reason, _since_event, refers_to=ref.start))
                break
    return sorted(out, key=lambda c: c.start)


def _since_event(ctx: _Context) -> _Resolved | None:
    ref, p = ctx.referent, ctx.published
    if ref is None:
        return None
    end = p if p is not None and p >= ref.start else None
    return _Resolved(f"{ref.start.isoformat()}/PRESENT_REF", ref.start, end, "range", anchor_id=ref.id)


# --------------------------------------------------------------------------- entry point

def _candidates(text: str, v: TimeVocab, lean: Lean) -> list[_Candidate]:
    rules: tuple[Iterator[_Candidate], ...] = (
        _full_dates(text, v), _yearless_dates(text, v, lean), _month_years(text, v), _months(text, v, lean),
        _years(text, v), _year_ranges(text), _decades(text), _weekdays(text, v, lean), _seasons(text, v),
        _quarters(text, v, lean), _clocks(text, v), _fixed_phrases(text, v), _relative_counts(text, v), _stretches(text, v),
        _durations(text, v),
    )
    return [c for rule in rules for c in rule]


def _in_open_clause(text: str, pos: int, v: TimeVocab) -> bool:
    """Whether ``pos`` is inside a clause opened by an open-range cue: "since it opened a front on Oct. 8"."""
    before = text[_clause_start(text, pos):pos]
    return re.search(rf"(?<![\w-])(?:{v.open_range_rx})(?![\w-])[^,;:]*$", before, re.IGNORECASE) is not None


def _may_anchor(text: str, c: _Candidate, r: _Resolved, published: dt.date | None,
                head: tuple[int, int] | None, v: TimeVocab) -> bool:
    """Whether a narrative time may be anchored to ``c``: a point or period of the story's body, on or
    before publication, that is not the starting point of a "since" clause."""
    return (
        c.reason in ANCHORING
        and r.start is not None and r.end is not None
        and not (head is not None and head[0] <= c.start < head[1])
        and (published is None or r.start <= published)
        and not _in_open_clause(text, c.start, v)
    )


def find_times(text: str, published: dt.date | None, tense: Tense | None = None) -> list[Time]:
    """Every time expression in ``text``, in text order, normalized against ``published``.

    Relative times ("yesterday", "four to five weeks ago") are resolved against
    ``published``; narrative times ("days later", "the next day") against the last date of the
    body before them (not the dateline's, not one after publication, not the start of a "since"
    clause), whose id they carry as ``anchor``. Without a publication date relative times keep a
    TIMEX3-style value ("PAST_REF", "XXXX-09-09") and no interval. Closing metadata lines
    ("Published: 2024-03-05", see :func:`~newstrace.ingest.dateline.metadata_spans`) are not
    part of the text's times.

    ``tense`` (from a parse, see :mod:`.tense`) gives the tense of the clause at an offset: a date
    written without a year in a past clause is the latest at or before publication, in a future
    clause the next one, otherwise the next one only when it is near (data: ``yearless``).
    Without it such a date is the latest at or before publication unless a future cue precedes it.
    """
    v = time_vocab()
    head, tail = metadata_spans(text)
    cands = _with_day_parts(text, _settle(_candidates(text, v, _leaner(text, v, tense))), v)
    cands = _with_open_ranges(text, _with_modifiers(text, _with_ranges(text, _with_parts(text, cands, v), v), v), v)
    cands = [c for c in cands if not any(s <= c.start < e for s, e in tail)]
    cands = _with_event_since(text, cands, v, head)
    times: list[Time] = []
    anchor: _Anchor | None = None
    resolved: dict[int, _Anchor] = {}
    for c in cands:
        referent = resolved.get(c.refers_to) if c.refers_to is not None else None
        ctx = _Context(published=published, anchor=anchor, referent=referent, future_days=v.yearless_future_days)
        r = c.resolve(ctx)
        if r is None:
            continue
        tid = f"t{len(times) + 1}"
        if r.start is not None and r.end is not None:
            resolved[c.start] = _Anchor(tid, r.start, r.end)
        times.append(Time(
            id=tid,
            value=r.value,
            start=r.start.isoformat() if r.start else None,
            end=r.end.isoformat() if r.end else None,
            granularity=r.granularity,
            anchor=r.anchor_id or (anchor.id if r.anchored and anchor is not None else "published"),
            span=Span.of(text, c.start, c.end),
            reason=c.reason,
        ))
        if _may_anchor(text, c, r, published, head, v) and r.start is not None and r.end is not None:
            anchor = _Anchor(tid, r.start, r.end)
    return times
