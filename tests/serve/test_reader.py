"""The reader's segmentation of an article into marked pieces."""

from __future__ import annotations

import pytest

from newstrace.serve.reader import Mark, marks_of, segments

TEXT = "Officials said rebels killed 12 people in Kidal on Monday."


def test_reader_segments_rebuild_the_text_exactly() -> None:
    marks = [Mark(0, 9, "ent", "e1", "ent ent-person", "Officials"), Mark(15, 58, "content", "a1", "att", "a1"),
             Mark(29, 31, "qty", "q0", "qty", "12"), Mark(10, 14, "cue", "a1", "cue", "said")]
    assert "".join(s.text for s in segments(TEXT, marks)) == TEXT


def test_reader_innermost_attribution_wins() -> None:
    outer, inner = Mark(0, 58, "content", "a1", "att", "outer"), Mark(15, 40, "content", "a2", "att", "inner")
    by_text = {s.text: s for s in segments(TEXT, [outer, inner])}
    assert by_text[TEXT[15:40]].attribution == "a2"
    assert by_text[TEXT[0:15]].attribution == "a1"


def test_reader_unmarked_text_has_no_classes() -> None:
    segs = segments(TEXT, [Mark(29, 31, "qty", "q0", "qty", "12")])
    assert [s.marked for s in segs] == [False, True, False]
    assert segs[1].css == ["qty"] and segs[1].text == "12"


@pytest.mark.parametrize("bad", [{"start": "0", "end": 3}, {"start": 5, "end": 2}, None, {"text": "x"}])
def test_reader_ignores_malformed_spans(bad: object) -> None:
    record = {"article": {"text": TEXT}, "quantities": [{"span": bad, "value": 1}]}
    assert marks_of(record) == []


def test_reader_marks_every_kind() -> None:
    record = {
        "article": {"text": TEXT},
        "entities": [{"id": "e1", "name": "Kidal", "type": "place", "mentions": [{"start": 41, "end": 46}]}],
        "attributions": [{"id": "a1", "kind": "indirect", "cue": {"start": 10, "end": 14},
                          "content": {"start": 15, "end": 57}, "chain": [{"name": "Officials"}, {"name": "AP"}]}],
        "quantities": [{"span": {"start": 29, "end": 31}, "value": 12}],
        "times": [{"span": {"start": 50, "end": 57}, "value": "2024-01-01"}],
        "places": [{"span": {"start": 41, "end": 46}, "name": "Kidal", "country": "ML"}],
        "framing": [{"span": {"start": 21, "end": 27}, "voice": "quoted"}],
    }
    assert {m.kind for m in marks_of(record)} == {"ent", "content", "cue", "qty", "time", "place", "frame"}
    assert "Officials -> AP" in next(m.label for m in marks_of(record) if m.kind == "content")
