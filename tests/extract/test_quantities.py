"""Tests of the quantity extractor (newstrace.extract.quantities). Sentences are our own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language

import newstrace.nlp.extensions  # noqa: F401  (registers the Doc extensions)
from newstrace.extract.quantities.component import make_quantities
from newstrace.extract.quantities.rules import find_quantities
from newstrace.nlp.numbers import parse_count, parse_number, parse_numeral
from newstrace.records import Quantity, Span, Time

PUBLISHED = dt.date(2024, 12, 11)


@pytest.fixture(scope="module")
def quantities(spacy_nlp: Language) -> Callable[[str], list[Quantity]]:
    def run(text: str) -> list[Quantity]:
        doc = spacy_nlp(text)
        doc._.nt_published = PUBLISHED
        return find_quantities(doc)

    return run


def _only(found: list[Quantity], span: str) -> Quantity:
    hits = [q for q in found if q.span.text == span]
    assert len(hits) == 1, [q.span.text for q in found]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "high", "approximate", "unit", "reason"),
    [
        ("Rebels seized about 300 rifles from the depot.", "about 300", 300, None, None, True, "rifles",
         "approximate"),
        ("Police said at least 40 wounded soldiers were evacuated.", "at least 40", None, 40, None, False,
         "soldiers", "lower_bound"),
        ("The convoy carried up to 60 trucks of grain.", "up to 60", None, None, 60, False, "trucks",
         "upper_bound"),
        ("More than 1,500 migrants arrived overnight.", "More than 1,500", None, 1500, None, False, "migrants",
         "lower_bound"),
        ("Officials said nearly 2,000 homes were damaged.", "nearly 2,000", 2000, None, 2000, True, "homes",
         "approximate_below"),
        ("Some 45 experienced bomb disposal experts arrived.", "Some 45", 45, None, None, True,
         "bomb disposal experts", "approximate"),
        ("The agency sent 120 Canadian medical staff to the camp.", "120", 120, None, None, False,
         "medical staff", "number"),
        ("Almost 80 Syrian army officers defected.", "Almost 80", 80, None, 80, True, "army officers",
         "approximate_below"),
    ],
)
def test_quantities_modifiers_and_units(
    quantities: Callable[[str], list[Quantity]], text: str, span: str, value: float | None, low: float | None,
    high: float | None, approximate: bool, unit: str, reason: str,
) -> None:
    q = _only(quantities(text), span)
    assert (q.value, q.low, q.high, q.approximate, q.unit, q.reason) == (value, low, high, approximate, unit, reason)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The region has 2.5 million people.", "2.5 million", 2_500_000),
        ("The charity recruited two hundred and fifty volunteers.", "two hundred and fifty", 250),
        ("Guards freed twenty-one hostages.", "twenty-one", 21),
        ("The court heard 1,200 witnesses.", "1,200", 1200),
        ("Nearly half a million children skip school.", "Nearly half a million", 500_000),
        ("They ordered a dozen drones.", "a dozen", 12),
    ],
)
def test_quantities_numbers_in_digits_and_words(
    quantities: Callable[[str], list[Quantity]], text: str, span: str, value: float,
) -> None:
    assert _only(quantities(text), span).value == value


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("Four to six boats were intercepted.", "Four to six", 4, 6, "boats"),
        ("Officials said between 30 and 40 villages lost power.", "between 30 and 40", 30, 40, "villages"),
        ("Clashes involved 20-30 gunmen.", "20-30", 20, 30, "gunmen"),
        ("Between 1.1 and 1.5 million people voted.", "Between 1.1 and 1.5 million", 1_100_000, 1_500_000,
         "people"),
    ],
)
def test_quantities_ranges(
    quantities: Callable[[str], list[Quantity]], text: str, span: str, low: float, high: float, unit: str,
) -> None:
    q = _only(quantities(text), span)
    assert (q.value, q.low, q.high, q.unit, q.reason) == (None, low, high, unit, "range")


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "unit"),
    [
        ("Witnesses counted dozens of tanks near the border.", "dozens", 12, 12, "tanks"),
        ("The town was defended by scores of Wagner fighters.", "scores", 20, 20, "fighters"),
        ("Hundreds of civilians fled the district.", "Hundreds", 100, 100, "civilians"),
        ("Tens of thousands of refugees crossed the river.", "Tens of thousands", 10_000, 10_000, "refugees"),
        ("Several Chechen and Georgian militants were released.", "Several", 10, 3, "militants"),
        ("Many families left the valley.", "Many", 10, None, "families"),
    ],
)
def test_quantities_vague_counts_follow_acled(
    quantities: Callable[[str], list[Quantity]], text: str, span: str, value: int, low: int | None, unit: str,
) -> None:
    q = _only(quantities(text), span)
    assert (q.value, q.low, q.approximate, q.unit, q.reason) == (value, low, True, unit, "vague_quantifier")


def test_quantities_vague_multiple(quantities: Callable[[str], list[Quantity]]) -> None:
    q = _only(quantities("Several hundred protesters gathered outside."), "Several hundred")
    assert (q.value, q.low, q.high, q.approximate, q.unit) == (None, 300, 900, True, "protesters")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The fund will cost £3.4bn.", "£3.4bn", 3_400_000_000, "GBP"),
        ("The grant was $20m.", "$20m", 20_000_000, "USD"),
        ("Maternity pay rises by pounds 1,400.", "pounds 1,400", 1400, "GBP"),
        ("Turnout rose 12% in the south.", "12%", 12, "percent"),
        ("Turnout rose 7 per cent in the north.", "7", 7, "percent"),
    ],
)
def test_quantities_money_and_percent(
    quantities: Callable[[str], list[Quantity]], text: str, span: str, value: float, unit: str,
) -> None:
    q = _only(quantities(text), span)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened on December 11, 2024.",
        "The pipeline opened in 2021.",
        "The vote closed at 10:30.",
        "The second convoy was delayed.",
        "The allies invoked Article 5.",
        "One of the pilots survived.",
        "The talks lasted for three weeks.",
        "Many believe the talks will fail.",
        "A 30-year-old man was arrested.",
        "It was a three-party race.",
        "He lives at 10 Downing Street.",
        "Analysts expect a rise two days ago.",
        "Gloucester beat Bath 17-16 on the day.",
    ],
)
def test_quantities_not_a_quantity(quantities: Callable[[str], list[Quantity]], text: str) -> None:
    assert quantities(text) == []


def test_quantities_spans_exact_and_exclude_unit(quantities: Callable[[str], list[Quantity]]) -> None:
    text = "Kyiv sent about 150 first-person-view drones, at least 20 drone operators and dozens of shells."
    found = quantities(text)
    assert [q.span.text for q in found] == ["about 150", "at least 20", "dozens"]
    assert [q.unit for q in found] == ["first-person-view drones", "drone operators", "shells"]
    assert all(text[q.span.start:q.span.end] == q.span.text for q in found)


def test_quantities_reads_times_set_on_doc(spacy_nlp: Language) -> None:
    doc = spacy_nlp("The 350 volunteers arrived.")
    assert [q.value for q in find_quantities(doc)] == [350]
    doc._.nt_times = [Time(value="P350D", granularity="duration", span=Span.of(doc.text, 4, 7))]
    assert find_quantities(doc) == []


def test_quantities_component_sets_doc_extension(spacy_nlp: Language) -> None:
    doc = spacy_nlp("Rebels seized about 300 rifles.")
    doc._.nt_published = PUBLISHED
    doc = make_quantities(spacy_nlp, "newstrace_quantities")(doc)
    assert [(q.span.text, q.value) for q in doc._.nt_quantities] == [("about 300", 300)]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["2.5", "million"], 2_500_000),
        (["two", "hundred", "and", "fifty"], 250),
        (["twenty", "-", "five"], 25),
        (["a", "dozen"], 12),
        (["half", "a", "million"], 500_000),
        (["three", "thousand", "two", "hundred"], 3200),
        (["and"], None),
        (["fifty", "cats"], None),
    ],
)
def test_quantities_number_parser(words: list[str], value: float | None) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,200", 1200), ("2.5", 2.5), ("5m", 5_000_000), ("1.2bn", 1_200_000_000), ("3d", None), ("1990s", None)],
)
def test_quantities_numeral_parser(text: str, value: float | None) -> None:
    assert parse_numeral(text) == value


@pytest.mark.parametrize(("text", "counts"), [("a few", (2, 4)), ("several", (3, 9)), ("an", (1, 1)), ("48", (48, 48))])
def test_quantities_count_words(text: str, counts: tuple[int, int]) -> None:
    assert parse_count(text) == counts
