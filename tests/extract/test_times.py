"""Tests of the time normalizer (newstrace.extract.times). Sentences are our own."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import spacy
from spacy.language import Language

from newstrace.extract.times.component import make_times
from newstrace.extract.times.rules import find_times
from newstrace.extract.times.tense import clause_tense
from newstrace.records import Time

PUBLISHED = dt.date(2024, 12, 11)  # a Wednesday


def _only(text: str, span: str, published: dt.date | None = PUBLISHED) -> Time:
    """The one time found in ``text`` whose span is ``span``."""
    found = [t for t in find_times(text, published) if t.span.text == span]
    assert len(found) == 1, [t.span.text for t in find_times(text, published)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "start", "end", "granularity"),
    [
        ("The ceasefire was signed on March 3, 2023.", "March 3, 2023", "2023-03-03", "2023-03-03", "2023-03-03", "day"),
        ("The ceasefire was signed on 3 March 2023.", "3 March 2023", "2023-03-03", "2023-03-03", "2023-03-03", "day"),
        ("The ceasefire was signed on Mar. 3, 2023.", "Mar. 3, 2023", "2023-03-03", "2023-03-03", "2023-03-03", "day"),
        ("The ceasefire took effect 2023-03-03.", "2023-03-03", "2023-03-03", "2023-03-03", "2023-03-03", "day"),
        ("The decree was published in October 2021.", "October 2021", "2021-10", "2021-10-01", "2021-10-31", "month"),
        ("The pipeline opened in 2019.", "2019", "2019", "2019-01-01", "2019-12-31", "year"),
        ("Relations soured in the 1980s.", "1980s", "198", "1980-01-01", "1989-12-31", "range"),
        ("Output fell in the first quarter of 2024.", "the first quarter of 2024", "2024-Q1", "2024-01-01",
         "2024-03-31", "range"),
        ("Floods hit the valley in the spring of 2023.", "spring of 2023", "2023-SP", "2023-03-01", "2023-05-31",
         "range"),
    ],
)
def test_times_absolute(text: str, span: str, value: str, start: str, end: str, granularity: str) -> None:
    t = _only(text, span)
    assert (t.value, t.start, t.end, t.granularity, t.anchor) == (value, start, end, granularity, "published")
    assert t.reason in {"absolute_date", "month_year", "year", "decade", "quarter", "season"}


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "value"),
    [
        ("The minister resigned on Monday.", "Monday", "2024-12-09", "2024-12-09", "2024-12-09"),
        ("The minister resigned on Wednesday.", "Wednesday", "2024-12-11", "2024-12-11", "2024-12-11"),
        ("The minister resigned last Wednesday.", "last Wednesday", "2024-12-04", "2024-12-04", "2024-12-04"),
        ("The minister will resign next Friday.", "next Friday", "2024-12-13", "2024-12-13", "2024-12-13"),
        ("The minister resigned yesterday.", "yesterday", "2024-12-10", "2024-12-10", "2024-12-10"),
        ("The minister resigns today.", "today", "2024-12-11", "2024-12-11", "2024-12-11"),
        ("The minister resigned last week.", "last week", "2024-12-02", "2024-12-08", "2024-W49"),
        ("The minister resigns next week.", "next week", "2024-12-16", "2024-12-22", "2024-W51"),
        ("The minister resigned last month.", "last month", "2024-11-01", "2024-11-30", "2024-11"),
        ("The minister resigned last year.", "last year", "2023-01-01", "2023-12-31", "2023"),
        ("The minister will resign this year.", "this year", "2024-01-01", "2024-12-31", "2024"),
        ("The army has made 40 arrests this year.", "this year", "2024-01-01", "2024-12-11", "2024"),
        ("Rockets hit the port over the weekend.", "over the weekend", "2024-12-07", "2024-12-08",
         "2024-12-07/2024-12-08"),
        ("The talks resume next weekend.", "next weekend", "2024-12-14", "2024-12-15", "2024-12-14/2024-12-15"),
        ("The minister resigned last summer.", "last summer", "2024-06-01", "2024-08-31", "2024-SU"),
    ],
)
def test_times_deictic(text: str, span: str, start: str, end: str, value: str) -> None:
    t = _only(text, span)
    assert (t.start, t.end, t.value, t.anchor) == (start, end, value, "published")


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("The convoy left on 14 October.", "14 October", "2024-10-14", "2024-10-14"),
        ("The convoy left on October 14.", "October 14", "2024-10-14", "2024-10-14"),
        ("The convoy left on December 20.", "December 20", "2023-12-20", "2023-12-20"),
        ("The convoy left on 11 December.", "11 December", "2024-12-11", "2024-12-11"),
        ("The convoy left in October.", "October", "2024-10-01", "2024-10-31"),
        ("The convoy leaves in December.", "December", "2024-12-01", "2024-12-31"),
        ("The talks stalled in May.", "May", "2024-05-01", "2024-05-31"),
        ("The talks stalled last September.", "last September", "2024-09-01", "2024-09-30"),
    ],
)
def test_times_yearless_at_or_before_publication(text: str, span: str, start: str, end: str) -> None:
    t = _only(text, span)
    assert (t.start, t.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "granularity", "reason"),
    [
        ("Shelling resumed two days ago.", "two days ago", "2024-12-09", "2024-12-09", "day", "relative_ago"),
        ("Shelling resumed three weeks ago.", "three weeks ago", "2024-11-18", "2024-11-24", "week", "relative_ago"),
        ("Shelling resumed a month ago.", "a month ago", "2024-11-01", "2024-11-30", "month", "relative_ago"),
        ("Shelling resumed five years ago.", "five years ago", "2019-01-01", "2019-12-31", "year", "relative_ago"),
        ("Shelling resumed four to five weeks ago.", "four to five weeks ago", "2024-11-06", "2024-11-13", "range",
         "relative_range_ago"),
        ("Shelling resumed a few days ago.", "a few days ago", "2024-12-07", "2024-12-09", "range",
         "relative_range_ago"),
        ("Shelling resumed between March and May.", "between March and May", "2024-03-01", "2024-05-31", "range",
         "range"),
        ("Shelling resumed between March and May 2023.", "between March and May 2023", "2023-03-01", "2023-05-31",
         "range", "range"),
        ("Shelling went on from 2019 to 2021.", "from 2019 to 2021", "2019-01-01", "2021-12-31", "range", "range"),
        ("Shelling went on over the past two weeks.", "the past two weeks", "2024-11-27", "2024-12-11", "range",
         "past_n_units"),
    ],
)
def test_times_relative_to_publication(text: str, span: str, start: str, end: str, granularity: str,
                                       reason: str) -> None:
    t = _only(text, span)
    assert (t.start, t.end, t.granularity, t.reason, t.anchor) == (start, end, granularity, reason, "published")


@pytest.mark.parametrize(
    ("follow_up", "span", "start", "end"),
    [
        ("Two days later, the bridge fell.", "Two days later", "2024-06-04", "2024-06-04"),
        ("Days later, the bridge fell.", "Days later", "2024-06-03", "2024-06-09"),
        ("The next day, the bridge fell.", "The next day", "2024-06-03", "2024-06-03"),
        ("A week later, the bridge fell.", "A week later", "2024-06-09", "2024-06-09"),
        ("The following month, the bridge fell.", "The following month", "2024-07-01", "2024-07-31"),
        ("Weeks later, the bridge fell.", "Weeks later", "2024-06-09", "2024-07-28"),
    ],
)
def test_times_narrative_anchor_is_last_earlier_date(follow_up: str, span: str, start: str, end: str) -> None:
    text = f"Engineers inspected the bridge on 2 June. Villagers had complained in recent months. {follow_up}"
    times = find_times(text, PUBLISHED)
    anchor = next(t for t in times if t.span.text == "2 June")
    t = _only(text, span)
    assert (t.start, t.end, t.anchor, t.reason) == (start, end, anchor.id, "narrative_anchor")


def test_times_narrative_without_earlier_date_anchors_to_publication() -> None:
    t = _only("Days later, the bridge fell.", "Days later")
    assert (t.start, t.end, t.anchor) == ("2024-12-12", "2024-12-18", "published")


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "reason"),
    [
        ("Militias have recently regrouped.", "recently", "2024-09-11", "2024-12-11", "vague_recent"),
        ("Militias regrouped in recent months.", "recent months", "2024-09-11", "2024-12-11", "vague_recent"),
        ("Militias regrouped in recent weeks.", "recent weeks", "2024-11-13", "2024-12-11", "vague_recent"),
        ("Militias have regrouped since the summer.", "since the summer", "2024-06-01", "2024-12-11",
         "vague_since"),
        ("Militias have regrouped since the 1990s.", "since the 1990s", "1990-01-01", "2024-12-11", "vague_since"),
        ("Militias have regrouped since 2021.", "since 2021", "2021-01-01", "2024-12-11", "vague_since"),
        ("Militias have regrouped since last year.", "since last year", "2023-01-01", "2024-12-11", "vague_since"),
        ("Militias regrouped earlier this month.", "earlier this month", "2024-12-01", "2024-12-10", "period_part"),
        ("Militias regrouped late last year.", "late last year", "2023-09-01", "2023-12-31", "period_part"),
        ("Militias regrouped in mid-September.", "mid-September", "2024-09-11", "2024-09-20", "period_part"),
    ],
)
def test_times_vague(text: str, span: str, start: str, end: str, reason: str) -> None:
    t = _only(text, span)
    assert (t.start, t.end, t.granularity, t.reason) == (start, end, "range", reason)


def test_times_as_early_as_modifies_the_time_named() -> None:
    t = _only("As early as October, militias regrouped.", "As early as October")
    assert (t.start, t.end, t.reason) == ("2024-10-01", "2024-10-31", "vague_as_early_as")


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("The court ruled on 04.11.2024 that the ban was lawful.", "04.11.2024", "2024-11-04", "2024-11-04"),
        ("WIRE | World | 3.12.2024\n\nThe court ruled.", "3.12.2024", "2024-12-03", "2024-12-03"),
        ("RADIO X | GOMA | NOV 30, 2024\n\nThe court ruled.", "NOV 30, 2024", "2024-11-30", "2024-11-30"),
        ("Police said he had planned a 2019 bombing in the capital.", "2019", "2019-01-01", "2019-12-31"),
    ],
)
def test_times_written_dates(text: str, span: str, start: str, end: str) -> None:
    t = _only(text, span)
    assert (t.start, t.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The court ruled on 10/11/2024 that the ban was lawful.",   # slashes: day or month first?
        "The squad has won 2022 games.",                            # no cue before the number
    ],
)
def test_times_not_written_dates(text: str) -> None:
    assert [t.span.text for t in find_times(text, PUBLISHED)] == []


def test_times_closing_published_line_is_metadata() -> None:
    text = "Guards fired on the crowd on Monday, witnesses said.\n\nPublished: 2024-12-11"
    assert [t.span.text for t in find_times(text, PUBLISHED)] == ["Monday"]


def test_times_header_date_is_a_time_but_no_anchor() -> None:
    text = "Example Post \u2014 Kigali, December 11, 2024\n\nDays later, the bridge fell."
    times = find_times(text, PUBLISHED)
    assert [t.span.text for t in times] == ["December 11, 2024", "Days later"]
    assert times[1].anchor == "published"


def test_times_narrative_anchor_skips_since_clause_and_future_dates() -> None:
    text = ("Gunmen ambushed a convoy on Monday. The group has fought the army since it broke a truce "
            "on March 3, and talks are due on December 20, 2024. Hours later, troops sealed the road.")
    times = find_times(text, PUBLISHED)
    monday = next(t for t in times if t.span.text == "Monday")
    later = next(t for t in times if t.span.text == "Hours later")
    assert (later.anchor, later.start, later.end) == (monday.id, "2024-12-09", "2024-12-10")


def test_times_since_an_event_dated_earlier() -> None:
    text = ("The generals seized power in a coup in July 2023. Fuel prices have doubled since the coup, "
            "traders said, and the border has been shut since the blockade.")
    times = find_times(text, PUBLISHED)
    month = next(t for t in times if t.span.text == "July 2023")
    since = next(t for t in times if t.span.text == "since the coup")
    assert (since.start, since.end, since.anchor, since.reason) == ("2023-07-01", "2024-12-11", month.id, "vague_since")
    assert "since the blockade" not in [t.span.text for t in times]   # never dated: left out


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The prisoners were held for three weeks.", "three weeks", "P3W"),
        ("The mandate lasts five years.", "five years", "P5Y"),
        ("The ultimatum expires in 48 hours.", "48 hours", "PT48H"),
        ("The strike lasted for a week.", "a week", "P1W"),
        ("It is a five-year plan.", "five-year", "P5Y"),
        ("Talks have dragged on for years.", "years", "PXY"),
    ],
)
def test_times_durations(text: str, span: str, value: str) -> None:
    t = _only(text, span)
    assert (t.value, t.granularity, t.start, t.end, t.reason) == (value, "duration", None, None, "duration")


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 250 experts and 2000 volunteers arrived.",
        "A 45-year-old man was arrested.",
        "The patrols run every two weeks.",
        "The subsidy costs £5m a year.",
        "Theresa May said the talks would continue.",
        "She told the BBC's Today programme the plan was sound.",
        "The story ran in the Sunday Times.",
        "They clashed in the lead-up to the offensive.",
        "It was revealed the day after the vote.",
    ],
)
def test_times_not_a_time(text: str) -> None:
    assert find_times(text, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The convoy left on 9 September.", "9 September", "XXXX-09-09"),
        ("The convoy left yesterday.", "yesterday", "PAST_REF"),
        ("The convoy left in September.", "September", "XXXX-09"),
    ],
)
def test_times_without_publication_date_keep_value_only(text: str, span: str, value: str) -> None:
    t = _only(text, span, published=None)
    assert (t.value, t.start, t.end) == (value, None, None)


def test_times_ids_in_text_order_and_spans_exact() -> None:
    text = ("On 2 June 2024 the envoy arrived. Two days later he met the council, and since 2022 "
            "the two sides have met about four times a year, the latest meeting last week.")
    times = find_times(text, PUBLISHED)
    assert [t.id for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]
    assert [t.span.text for t in times] == ["2 June 2024", "Two days later", "since 2022", "last week"]
    assert all(text[t.span.start:t.span.end] == t.span.text for t in times)
    assert times[1].anchor == times[0].id


def test_times_component_sets_doc_extension() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("The delegation arrived yesterday.")
    doc._.nt_published = PUBLISHED
    doc = make_times(nlp, "newstrace_times")(doc)
    assert [(t.span.text, t.start) for t in doc._.nt_times] == [("yesterday", "2024-12-10")]


def test_times_factory_registered() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newstrace_times")
    assert nlp.pipe_names == ["newstrace_times"]


# --------------------------------------------------------------------------- TempEval-3 error classes

@pytest.mark.parametrize(
    ("text", "span", "value", "start", "end"),
    [
        ("Sales rose in the third-quarter report.", "the third-quarter", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("Output fell in the 2023 second quarter.", "the 2023 second quarter", "2023-Q2", "2023-04-01", "2023-06-30"),
        ("Output will recover in next year's first quarter.", "next year's first quarter", "2025-Q1", "2025-01-01",
         "2025-03-31"),
        ("Exports slowed last quarter.", "last quarter", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("The port reopened in June last year.", "June last year", "2023-06", "2023-06-01", "2023-06-30"),
        ("The party was founded in the late 1970s.", "the late 1970s", "197", "1976-09-01", "1979-12-31"),
    ],
)
def test_times_quarters_and_determiners(text: str, span: str, value: str, start: str, end: str) -> None:
    t = _only(text, span)
    assert (t.value, t.start, t.end) == (value, start, end)


@pytest.mark.parametrize(
    ("text", "span", "value", "start"),
    [
        ("Rebels are now holding the bridge.", "now", "PRESENT_REF", "2024-12-11"),
        ("Prices are currently falling.", "currently", "PRESENT_REF", "2024-12-11"),
        ("Such raids were common in the past.", "the past", "PAST_REF", None),
        ("Talks may resume in the near future.", "the near future", "FUTURE_REF", None),
    ],
)
def test_times_present_past_future_refs(text: str, span: str, value: str, start: str | None) -> None:
    t = _only(text, span)
    assert (t.value, t.start) == (value, start)


@pytest.mark.parametrize(
    "text",
    ["Now that the truce holds, aid flows.", "The now-defunct militia disbanded.",
     "In the past two weeks the army advanced.", "They debated the future of the talks."],
)
def test_times_refs_left_out(text: str) -> None:
    assert all(t.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") for t in find_times(text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The siege lasted nearly two years.", "nearly two years", "P2Y"),
        ("Detainees were held for at least 30 days.", "at least 30 days", "P30D"),
        ("The strike ended after the first nine months.", "the first nine months", "P9M"),
        ("Sales in fiscal 2023 fell.", "fiscal 2023", "2023"),
        ("The company's 2023 results were weak.", "2023", "2023"),
        ("The shelling went on over the past few weeks.", "the past few weeks", "2024-11-13/2024-12-11"),
        ("Fighting resumed within weeks.", "weeks", "PXW"),
    ],
)
def test_times_span_conventions(text: str, span: str, value: str) -> None:
    assert _only(text, span).value == value


@pytest.mark.parametrize(
    ("text", "span", "value", "start"),
    [
        ("The blast came on Monday night.", "Monday night", "2024-12-09TNI", "2024-12-09"),
        ("Talks broke down this morning.", "this morning", "2024-12-11TMO", "2024-12-11"),
        ("The convoy left at 10 p.m. Monday.", "10 p.m. Monday", "2024-12-09T22:00", "2024-12-09"),
        ("The curfew starts at 6 a.m.", "6 a.m.", "2024-12-11T06:00", "2024-12-11"),
        ("Polls close at midnight Friday.", "midnight Friday", "2024-12-06T24:00", "2024-12-06"),
    ],
)
def test_times_times_of_day(text: str, span: str, value: str, start: str) -> None:
    t = _only(text, span)
    assert (t.value, t.start, t.end, t.granularity) == (value, start, start, "day")


@pytest.mark.parametrize(
    ("text", "tense", "start"),
    [
        ("The vote is on December 20.", "none", "2023-12-20"),                  # no parse: at or before P
        ("The vote is on December 20.", None, "2024-12-20"),                    # near and ahead: the next one
        ("The convoy left on December 20.", "past", "2023-12-20"),
        ("The vote will be on December 20.", "future", "2024-12-20"),
        ("The vote is on June 20.", None, "2024-06-20"),                        # over 120 days ahead: the last one
        ("The talks resume in February.", None, "2025-02-01"),
    ],
)
def test_times_yearless_follow_clause_tense(text: str, tense: str | None, start: str) -> None:
    def said(offset: int) -> str | None:
        return tense

    times = find_times(text, PUBLISHED, None if tense == "none" else said)
    assert [t.start for t in times if t.reason in ("yearless_date", "month")] == [start]


def test_times_since_never_lies_ahead() -> None:
    times = find_times("Shops have been shut since December 20.", PUBLISHED, lambda o: None)
    assert [(t.span.text, t.start) for t in times] == [("since December 20", "2023-12-20")]


def test_times_tense_read_from_the_parse(spacy_nlp: Language) -> None:
    doc = spacy_nlp("The convoy left on December 20. The company will pay the dividend on December 20.")
    tense = clause_tense(doc)
    assert tense is not None
    assert [tense(m.start()) for m in re.finditer("December", doc.text)] == ["past", "future"]
    assert clause_tense(spacy.blank("en").make_doc("No parse here.")) is None
