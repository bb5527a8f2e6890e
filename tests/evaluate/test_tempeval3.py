"""Tests of the TempEval-3 ``times`` task: TimeML reader, TIMEX3 values, scorer, peer and run.

The fixtures in tests/resources/eval/tempeval3 are small TimeML files we wrote ourselves.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from newstrace.errors import NewstraceError
from newstrace.evaluate.digest import digest_files
from newstrace.evaluate.tempeval3 import SPLITS, load_docs, run, split_files
from newstrace.evaluate.tempeval3_ours import type_map
from newstrace.evaluate.tempeval3_score import Predicted, Tally, score_doc, shape
from newstrace.evaluate.tempeval3_timeml import read_timeml
from newstrace.evaluate.tempeval3_values import calendar_interval, denote, duration_length, same_value
from newstrace.records import Span, Time

D = dt.date


@pytest.fixture(scope="module")
def eval_root(resources_dir: Path) -> Path:
    """The data root of our fixtures (it holds tempeval3/TBAQ-cleaned/...)."""
    return resources_dir / "eval"


@pytest.fixture(scope="module")
def dev_file(eval_root: Path) -> Path:
    return eval_root / "tempeval3" / "TBAQ-cleaned" / "AQUAINT" / "harbour_dev.tml"


def test_tempeval3_reader_offsets_point_into_text(dev_file: Path) -> None:
    doc = read_timeml(dev_file)
    assert doc.name == "harbour_dev" and doc.dct == D(2024, 3, 15)
    assert [t.text for t in doc.timexes] == ["Thursday", "April", "three weeks", "last week", "now"]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert "Pay & conditions" in doc.text           # entities unescaped, tags stripped
    assert "<" not in doc.text and "March 15, 2024" not in doc.text   # the DCT is not in the text


def test_tempeval3_reader_keeps_attributes(dev_file: Path) -> None:
    by_text = {t.text: t for t in read_timeml(dev_file).timexes}
    assert (by_text["three weeks"].type, by_text["three weeks"].value) == ("DURATION", "P3W")
    assert by_text["now"].value == "PRESENT_REF" and by_text["now"].mod is None


def test_tempeval3_reader_malformed_file_raises_e017(eval_root: Path) -> None:
    path = eval_root / "tempeval3" / "TBAQ-cleaned" / "AQUAINT" / "broken.tml"
    with pytest.raises(NewstraceError) as err:
        read_timeml(path)
    assert "[E017]" in str(err.value) and "broken.tml" in str(err.value)


def test_tempeval3_reader_without_creation_time_raises_e017(tmp_path: Path) -> None:
    path = tmp_path / "no_dct.tml"
    path.write_text("<TimeML><TEXT>It rained <TIMEX3 tid='t1' type='DATE' value='2020'>in 2020</TIMEX3>."
                    "</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(NewstraceError, match="E017"):
        read_timeml(path)


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("1998-02-05", D(1998, 2, 5), D(1998, 2, 5)),
        ("1998-02", D(1998, 2, 1), D(1998, 2, 28)),
        ("1998", D(1998, 1, 1), D(1998, 12, 31)),
        ("1998-W05", D(1998, 1, 26), D(1998, 2, 1)),
        ("1998-W05-WE", D(1998, 1, 31), D(1998, 2, 1)),
        ("1998-Q1", D(1998, 1, 1), D(1998, 3, 31)),
        ("1998-H2", D(1998, 7, 1), D(1998, 12, 31)),
        ("1998-SU", D(1998, 6, 1), D(1998, 8, 31)),
        ("1998-WI", D(1997, 12, 1), D(1998, 2, 28)),
        ("199", D(1990, 1, 1), D(1999, 12, 31)),
        ("19", D(1900, 1, 1), D(1999, 12, 31)),
        ("1998-02-05TMO", D(1998, 2, 5), D(1998, 2, 5)),
        ("1998-02-05T14:30", D(1998, 2, 5), D(1998, 2, 5)),
    ],
)
def test_tempeval3_values_calendar_interval(value: str, start: D, end: D) -> None:
    assert calendar_interval(value) == (start, end)


@pytest.mark.parametrize("value", ["XXXX-10", "1998-XX", "199X", "PAST_REF", "P3D", "1998-13"])
def test_tempeval3_values_no_interval_for_unknown_parts(value: str) -> None:
    assert calendar_interval(value) is None


def test_tempeval3_values_durations_and_refs() -> None:
    assert duration_length("P1W") == duration_length("P7D")
    assert duration_length("P1Y") == duration_length("P12M")
    assert duration_length("PT1H30M") == (0.0, 5400.0)
    assert duration_length("PXY") is None
    assert denote("PRESENT_REF", D(2024, 3, 15)).interval == (D(2024, 3, 15), D(2024, 3, 15))
    assert denote("FUTURE_REF", D(2024, 3, 15)).interval is None


@pytest.mark.parametrize(
    ("gold", "mod", "value", "start", "end", "equal"),
    [
        ("1998-02", None, "1998-02", None, None, True),                       # same text
        ("1998-02", None, "1998-02-01/1998-02-28", D(1998, 2, 1), D(1998, 2, 28), True),   # same days
        ("1998-02", None, "1998-03", D(1998, 3, 1), D(1998, 3, 31), False),
        ("1998-02", "START", "early", D(1998, 2, 1), D(1998, 2, 10), True),    # "early February"
        ("1998-02", "END", "late", D(1998, 2, 1), D(1998, 2, 10), False),      # the start is not the end
        ("1998-02", "END", "late", D(1998, 2, 19), D(1998, 2, 28), True),
        ("1998-02", None, "early", D(1998, 2, 1), D(1998, 2, 10), False),      # no mod: whole month only
        ("1998", None, "1998/PRESENT_REF", D(1998, 1, 1), D(2001, 5, 1), True),   # "since 1998"
        ("P2W", None, "1998-01-25/1998-02-08", D(1998, 1, 25), D(1998, 2, 8), True),   # "the past two weeks"
        ("P2W", None, "P14D", None, None, True),
        ("P2W", None, "P3W", None, None, False),
        ("PRESENT_REF", None, "2001-05-01", D(2001, 5, 1), D(2001, 5, 1), True),
        ("PXY", None, "P5Y", None, None, False),
    ],
)
def test_tempeval3_same_value(gold: str, mod: str | None, value: str, start: D | None, end: D | None,
                              equal: bool) -> None:
    assert same_value(denote(gold, D(2001, 5, 1)), value, start, end, mod) is equal


def test_tempeval3_score_doc_counts_spans_values_and_errors(dev_file: Path) -> None:
    doc = read_timeml(dev_file)
    text = doc.text

    def at(phrase: str, value: str, first: D | None = None, last: D | None = None, kind: str = "DATE") -> Predicted:
        i = text.index(phrase)
        return Predicted(i, i + len(phrase), phrase, value, first, last, kind, "test")

    preds = [
        at("Thursday", "2024-03-14", D(2024, 3, 14), D(2024, 3, 14)),        # exact, right value
        at("in April", "2023-04", D(2023, 4, 1), D(2023, 4, 30)),            # overlap, wrong value
        at("three weeks", "P21D", kind="DURATION"),                          # exact, same length
        at("harbour", "2024", D(2024, 1, 1), D(2024, 12, 31)),               # spurious
    ]
    tally = Tally()
    score_doc(doc, preds, tally)
    m = tally.metrics()
    assert (tally.strict.tp, tally.relaxed.tp, tally.relaxed.n_gold, tally.relaxed.n_pred) == (2, 3, 5, 4)
    assert m["value.accuracy"] == round(2 / 3, 4) and m["type.accuracy"] == 1.0
    assert m["recall.DATE"] == 0.5 and m["recall.DURATION"] == 1.0
    errors = tally.errors()
    assert any(k.startswith("wrong value DATE/month") for k in errors)
    assert any(k.startswith("boundary DATE") for k in errors)
    assert any(k.startswith("missed DATE/PRESENT_REF") for k in errors)
    assert any(k.startswith("spurious test") for k in errors)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1998-02-05", "day"), ("1998-W05", "week"), ("1998-SU", "season"), ("1998-Q3", "quarter"),
     ("P3D", "duration"), ("PRESENT_REF", "PRESENT_REF"), ("XXXX-10", "underspecified"),
     ("1998-02-05TNI", "time of day"), ("199", "decade")],
)
def test_tempeval3_shape(value: str, expected: str) -> None:
    assert shape(value) == expected


@pytest.mark.parametrize(
    ("reason", "granularity", "value", "expected"),
    [
        ("duration", "duration", "P3D", "DURATION"),
        ("weekday", "day", "2024-03-14", "DATE"),
        ("weekday", "day", "2024-03-14TNI", "TIME"),
        ("time_of_day", "day", "2024-03-14T06:00", "TIME"),
        ("vague_recent", "range", "PAST_REF", "DATE"),
        ("past_n_units", "range", "2024-03-01/2024-03-15", "DURATION"),
    ],
)
def test_tempeval3_type_map(reason: str, granularity: str, value: str, expected: str) -> None:
    time = Time(value=value, granularity=granularity, reason=reason,  # type: ignore[arg-type]
                span=Span(start=0, end=1, text="x"))
    assert type_map().type_of(time) == expected


def test_tempeval3_splits_and_sampling(eval_root: Path) -> None:
    root = eval_root / "tempeval3"
    assert [p.name for p in split_files(root, "dev")] == ["broken.tml", "harbour_dev.tml"]
    assert [p.name for p in split_files(root, "train")] == ["orchard_train.tml"]
    assert set(SPLITS) == {"dev", "train", "all"}
    with pytest.raises(NewstraceError, match="E016"):
        split_files(root, "test")
    docs, files, notes, sampled = load_docs(root, "dev", None)
    assert [d.name for d in docs] == ["harbour_dev"] and len(files) == 2 and sampled is None
    assert len(notes) == 1 and "broken.tml" in notes[0] and "E017" in notes[0]
    once = load_docs(root, "all", 2)
    again = load_docs(root, "all", 2)
    assert [p.name for p in once[1]] == [p.name for p in again[1]] and len(once[1]) == 2
    assert once[3] is not None and "2 of 3" in once[3]


def test_tempeval3_peer_finds_spans_in_text() -> None:
    pytest.importorskip("dateparser")
    from newstrace.evaluate.tempeval3_peer import DateparserPeer

    text = "The ministry said on 3 March 2021 that talks would start in January 2022."
    found = DateparserPeer().times(text, D(2021, 3, 5))
    assert found, "dateparser found nothing"
    for p in found:
        assert text[p.start:p.end] == p.text and p.first is not None and p.last is not None
    assert any(p.first == D(2021, 3, 3) == p.last for p in found)


def test_tempeval3_peer_missing_raises_e019(monkeypatch: pytest.MonkeyPatch) -> None:
    from newstrace.evaluate.tempeval3_peer import DateparserPeer

    monkeypatch.setitem(sys.modules, "dateparser.search", None)
    with pytest.raises(NewstraceError, match="E019"):
        DateparserPeer()


def test_tempeval3_run_on_fixtures(eval_root: Path, nlp: Any) -> None:
    result = run(eval_root, split="dev", nlp=nlp)
    assert (result.task, result.dataset, result.split, result.documents) == ("times", "tempeval3", "dev", 1)
    assert any("broken.tml" in n for n in result.notes)
    root = eval_root / "tempeval3"
    assert result.digest == digest_files(split_files(root, "dev"), root)
    assert set(result.gated) <= set(result.metrics)
    for name in ("span.strict.f1", "span.relaxed.f1", "value.accuracy", "type.accuracy"):
        assert 0.0 <= result.metrics[name] <= 1.0
    assert result.metrics["span.relaxed.n_gold"] == 5.0
    assert [c.metric for c in result.comparisons][:3] == ["span.strict.f1", "span.relaxed.f1", "value.accuracy"]
    assert all(c.theirs is None for c in result.comparisons)


def test_tempeval3_run_with_peer_on_fixtures(eval_root: Path, nlp: Any) -> None:
    pytest.importorskip("dateparser")
    result = run(eval_root, split="train", with_peers=True, nlp=nlp)
    assert result.documents == 1 and "dateparser" in result.peers
    assert all(c.peer == "dateparser" and c.theirs is not None for c in result.comparisons)


def test_tempeval3_shared_data_reads_and_scores(shared_dir: Path, nlp: Any) -> None:
    root = shared_dir / "data" / "tempeval3"
    for split in ("dev", "train"):
        docs, files, notes, _ = load_docs(root, split, 3)
        assert len(files) == 3 and not notes
        for doc in docs:
            assert doc.timexes and all(doc.text[t.start:t.end] == t.text for t in doc.timexes)
    result = run(shared_dir / "data", split="dev", limit=3, nlp=nlp)
    failed = [n for n in result.notes if "[E015]" in n]     # an article a component failed on
    assert result.documents + len(failed) == 3 and result.sampled is not None
    assert result.metrics["span.relaxed.n_gold"] > 0
    assert 0.0 <= result.metrics["value.accuracy"] <= 1.0
