"""Tests of newstrace.ingest.dateline."""

from __future__ import annotations

import datetime

import pytest

from newstrace.ingest.dateline import compiled_patterns, metadata_spans, parse_date, parse_dateline

D = datetime.date

# text, reference date, outlet, published, place, author, dateline text
DATELINES = [
    ("from the News Desk at The Cradle, December 11, 2024\n\nTalks resumed on Tuesday.",
     None, "The Cradle", D(2024, 12, 11), None, None, "from the News Desk at The Cradle, December 11, 2024"),
    ("BEIRUT, March 3 (Reuters) - Lebanese officials said on Monday",
     None, "Reuters", None, "BEIRUT", None, "BEIRUT, March 3 (Reuters) -"),
    ("BEIRUT, March 3 (Reuters) - Lebanese officials said on Monday",
     D(2025, 1, 20), "Reuters", D(2024, 3, 3), "BEIRUT", None, "BEIRUT, March 3 (Reuters) -"),
    ("BEIRUT, March 3 (Reuters) - Lebanese officials said on Monday",
     D(2025, 6, 1), "Reuters", D(2025, 3, 3), "BEIRUT", None, "BEIRUT, March 3 (Reuters) -"),
    ("NEW YORK, Dec 11, 2024 (Reuters) -- Shares rose",
     D(2030, 1, 1), "Reuters", D(2024, 12, 11), "NEW YORK", None, "NEW YORK, Dec 11, 2024 (Reuters) --"),
    ("By Jane Doe, Associated Press, 4 May 2023\nThe storm moved north overnight.",
     None, "Associated Press", D(2023, 5, 4), None, "Jane Doe", "By Jane Doe, Associated Press, 4 May 2023"),
    ("KYIV, Ukraine (AP) \u2014 Russian forces shelled the city overnight.",
     None, "AP", None, "KYIV, Ukraine", None, "KYIV, Ukraine (AP) \u2014"),
    ("WASHINGTON, D.C., Tuesday, 4 June 2024 (AFP) \u2014 Lawmakers met",
     None, "AFP", D(2024, 6, 4), "WASHINGTON, D.C.", None, "WASHINGTON, D.C., Tuesday, 4 June 2024 (AFP) \u2014"),
    ("Published: 2024-03-05\n\nThe mayor resigned.",
     None, None, D(2024, 3, 5), None, None, "Published: 2024-03-05"),
    ("Posted on March 5, 2024 by the newsroom\nThe mayor resigned.",
     None, None, D(2024, 3, 5), None, "the newsroom", "Posted on March 5, 2024 by the newsroom"),
    # title line first, then the dateline; two lines that complete each other
    ("Bridge closes\n\nPublished: 2024-03-05\n\nLONDON (Reuters) - The bridge closed.",
     None, "Reuters", D(2024, 3, 5), "LONDON", None, "Published: 2024-03-05\n\nLONDON (Reuters) -"),
    # "Outlet | Section | Date", numeric day.month.year
    ("Example News | Conflicts | 15.10.2024\n\nMinisters met on Monday.",
     None, "Example News", D(2024, 10, 15), None, None, "Example News | Conflicts | 15.10.2024"),
    ("Example Radio | World news | 3.2.2025\n\nMinisters met on Monday.",
     None, "Example Radio", D(2025, 2, 3), None, None, "Example Radio | World news | 3.2.2025"),
    # a place in capitals is still read as the place, not as a section
    ("Example Radio | KHARTOUM | 15.10.2024\n\nMinisters met.",
     None, "Example Radio", D(2024, 10, 15), "KHARTOUM", None, "Example Radio | KHARTOUM | 15.10.2024"),
    # impossible date: the outlet still counts, the date does not
    ("from the News Desk at The Cradle, February 30, 2024\nText.",
     None, "The Cradle", None, None, None, "from the News Desk at The Cradle, February 30, 2024"),
]


@pytest.mark.parametrize(("text", "reference", "outlet", "published", "place", "author", "span_text"), DATELINES)
def test_dateline_table(
    text: str,
    reference: datetime.date | None,
    outlet: str | None,
    published: datetime.date | None,
    place: str | None,
    author: str | None,
    span_text: str,
) -> None:
    dateline = parse_dateline(text, reference)
    assert dateline is not None
    assert (dateline.outlet, dateline.published, dateline.place, dateline.author) == (
        outlet, published, place, author,
    )
    assert dateline.span.text == span_text
    assert text[dateline.span.start : dateline.span.end] == span_text


@pytest.mark.parametrize(
    "text",
    [
        "The council met on March 3 to discuss the budget.",
        "Officials (who asked not to be named) - said little.",
        "NATO allies met in Brussels.\nThey agreed on nothing.",
        "",
    ],
)
def test_dateline_none_in_plain_text(text: str) -> None:
    assert parse_dateline(text) is None


def test_dateline_only_read_in_the_first_lines() -> None:
    text = "\n".join(f"Paragraph {i} of the story." for i in range(10)) + "\nLONDON (Reuters) - Late."
    assert parse_dateline(text) is None


@pytest.mark.parametrize(
    ("value", "reference", "expected"),
    [
        ("March 3, 2024", None, D(2024, 3, 3)),
        ("3 March 2024", None, D(2024, 3, 3)),
        ("Sept. 14, 2022", None, D(2022, 9, 14)),
        ("2024-03-05", None, D(2024, 3, 5)),
        ("March 3", None, None),
        ("December 31", D(2025, 1, 1), D(2024, 12, 31)),
        ("January 2", D(2025, 1, 1), D(2025, 1, 2)),
        ("February 29", D(2025, 6, 1), D(2024, 2, 29)),
        ("February 30, 2024", None, None),
        ("2024-13-01", None, None),
        ("15.10.2024", None, D(2024, 10, 15)),
        ("1.2.2024", None, D(2024, 2, 1)),          # day first
        ("10.15.2024", None, None),                 # no month 15: never read month first
        ("10/15/2024", None, None),                 # slashes may be US month-first: not read
        ("31.04.2024", None, None),
    ],
)
def test_dateline_parse_date(value: str, reference: datetime.date | None, expected: datetime.date | None) -> None:
    assert parse_date(value, reference) == expected


def test_dateline_patterns_match_their_examples() -> None:
    compiled = compiled_patterns()
    for pattern, regex in compiled.patterns:
        assert pattern.source
        for example in pattern.examples:
            assert regex.match(example), f"{pattern.name} does not match its example {example!r}"


def test_dateline_place_does_not_run_across_lines() -> None:
    dateline = parse_dateline("BREAKING NEWS\nLONDON (Reuters) - The bridge closed.")
    assert dateline is not None
    assert dateline.place == "LONDON"
    assert dateline.span.text == "LONDON (Reuters) -"


def test_dateline_date_in_parentheses_is_not_an_outlet() -> None:
    dateline = parse_dateline("(Nov. 26, 2014) \u2013 Your order will arrive late.")
    assert dateline is not None
    assert dateline.outlet is None
    assert dateline.published == datetime.date(2014, 11, 26)


def test_dateline_published_label_in_last_lines() -> None:
    text = "HAMA, May 2 (Reuters) - Opening line.\n\n" + "\n".join(f"Body {i}." for i in range(9)) \
        + "\n\nPublished: 2023-05-02\n"
    found = parse_dateline(text)
    assert found is not None and found.outlet == "Reuters" and found.published == D(2023, 5, 2)
    assert found.span.text.startswith("HAMA")


@pytest.mark.parametrize(
    ("text", "head", "tail"),
    [
        ("LONDON (Reuters) - The bridge closed.\n\nPublished: 2024-03-05",
         "LONDON (Reuters) -", ["Published: 2024-03-05"]),
        # a closing line within the first lines is still a closing line, not a header
        ("The bridge closed on Monday.\nPublished on 5 March 2024 at 10:00 GMT",
         None, ["Published on 5 March 2024 at 10:00 GMT"]),
        ("Published: 2024-03-05\n\nThe bridge closed.", "Published: 2024-03-05", []),
        ("The bridge closed on Monday.", None, []),
    ],
)
def test_dateline_metadata_spans(text: str, head: str | None, tail: list[str]) -> None:
    found_head, found_tail = metadata_spans(text)
    assert (text[found_head[0]:found_head[1]] if found_head else None) == head
    assert [text[s:e] for s, e in found_tail] == tail
