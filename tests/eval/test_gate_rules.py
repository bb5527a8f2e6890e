"""The quality gate's rules on made-up results: floors hold, only rise, and fall only when allowed."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from newstrace.errors import NewstraceError
from newstrace.evaluate.gate import (
    Baseline,
    TaskFloors,
    load_baseline,
    raise_floors,
    save_baseline,
    violations,
)
from newstrace.evaluate.result import TaskResult

DAY = datetime.date(2026, 1, 2)


def result(score: float, digest: str = "abc") -> TaskResult:
    return TaskResult(task="times", dataset="tiny", split="dev", metrics={"value.accuracy": score},
                      gated=["value.accuracy"], digest=digest)


def pinned(floor: float, digest: str = "abc") -> Baseline:
    return Baseline(tasks={"times": TaskFloors(digest=digest, floors={"value.accuracy": floor})})


def test_score_within_half_a_point_of_its_floor_passes() -> None:
    assert violations(result(0.796), pinned(0.800)) == []


def test_score_more_than_half_a_point_below_fails_and_names_metric() -> None:
    found = violations(result(0.790), pinned(0.800))
    assert len(found) == 1 and "value.accuracy" in found[0] and "0.8000" in found[0]


def test_changed_data_digest_is_a_violation() -> None:
    assert any("data changed" in v for v in violations(result(0.9, digest="new"), pinned(0.8)))


def test_missing_metric_is_a_violation() -> None:
    r = result(0.9)
    r.metrics = {}
    assert any("missing" in v for v in violations(r, pinned(0.8)))


def test_update_raises_floor_but_never_lowers_it() -> None:
    up = raise_floors(pinned(0.80), [result(0.85)], limits={}, today=DAY)
    assert up.tasks["times"].floors["value.accuracy"] == 0.85
    same = raise_floors(pinned(0.80), [result(0.798)], limits={}, today=DAY)
    assert same.tasks["times"].floors["value.accuracy"] == 0.80


def test_regression_needs_allow_regression() -> None:
    with pytest.raises(NewstraceError) as err:
        raise_floors(pinned(0.80), [result(0.70)], limits={}, today=DAY)
    assert err.value.code == "E020"
    down = raise_floors(pinned(0.80), [result(0.70)], limits={}, allow_regression=True, today=DAY)
    assert down.tasks["times"].floors["value.accuracy"] == 0.70


def test_baseline_round_trips_through_its_file(tmp_path: Path) -> None:
    path = tmp_path / "eval" / "baseline.json"
    assert load_baseline(path).tasks == {}
    new = raise_floors(Baseline(), [result(0.5)], limits={"times": 40}, today=DAY)
    save_baseline(new, path)
    again = load_baseline(path)
    assert again.tasks["times"].limit == 40 and again.tasks["times"].pinned == "2026-01-02"


def test_broken_baseline_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(NewstraceError) as err:
        load_baseline(path)
    assert str(path) in str(err.value)
