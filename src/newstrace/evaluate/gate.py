"""The quality gate: pinned per-task floors on the dev splits, with the digest of the data they came from.

A score may fall at most ``tolerance`` (half a point) below its floor. ``raise_floors`` only
raises; lowering a floor, or re-pinning on changed data, needs ``allow_regression``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from pydantic import BaseModel, Field

from ..errors import Errors, NewstraceError
from .result import TaskResult


class TaskFloors(BaseModel):
    split: str = "dev"
    limit: int | None = None
    digest: str = ""
    floors: dict[str, float] = Field(default_factory=dict)
    pinned: str = ""


class Baseline(BaseModel):
    tolerance: float = 0.005
    tasks: dict[str, TaskFloors] = Field(default_factory=dict)


def load_baseline(path: Path) -> Baseline:
    """The baseline at ``path``; an absent file is an empty baseline."""
    if not path.is_file():
        return Baseline()
    try:
        return Baseline.model_validate_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise NewstraceError(Errors.E011, input=str(path), detail=str(exc)[:300]) from exc


def save_baseline(baseline: Baseline, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(baseline.model_dump_json(indent=2) + "\n", encoding="utf-8")


def violations(result: TaskResult, baseline: Baseline) -> list[str]:
    """What in ``result`` breaks the baseline's floors for its task (empty when it passes)."""
    pinned = baseline.tasks.get(result.task)
    if pinned is None:
        return []
    found = []
    if pinned.digest and result.digest != pinned.digest:
        found.append(f"{result.task}: the data changed since the floors were pinned "
                     f"(digest {result.digest[:12]} != {pinned.digest[:12]}); re-pin with --update "
                     "--allow-regression after checking the change")
    for metric, floor in sorted(pinned.floors.items()):
        value = result.metrics.get(metric)
        if value is None:
            found.append(f"{result.task}: metric {metric} is missing from the result")
        elif value < floor - baseline.tolerance:
            found.append(f"{result.task}: {metric} = {value:.4f} is below its floor {floor:.4f} "
                         f"(tolerance {baseline.tolerance})")
    return found


def raise_floors(baseline: Baseline, results: list[TaskResult], *, limits: dict[str, int | None],
                 allow_regression: bool = False, today: datetime.date | None = None) -> Baseline:
    """A new baseline with each gated metric's floor raised to the new score.

    A score below its floor (beyond the tolerance) or a changed data digest raises E020
    unless ``allow_regression``, in which case the floor moves down to the score.
    """
    tasks = {name: floors.model_copy(deep=True) for name, floors in baseline.tasks.items()}
    stamp = (today or datetime.date.today()).isoformat()
    for result in results:
        old = tasks.get(result.task, TaskFloors())
        problems = violations(result, baseline)
        if problems and not allow_regression:
            raise NewstraceError(Errors.E020, input=result.task,
                                 detail="; ".join(problems) + " (pass --allow-regression to lower)")
        floors = {}
        for metric in result.gated:
            value = round(result.metrics[metric], 4)
            previous = old.floors.get(metric)
            floors[metric] = value if previous is None or allow_regression else max(previous, value)
        tasks[result.task] = TaskFloors(split=result.split, limit=limits.get(result.task),
                                        digest=result.digest, floors=floors, pinned=stamp)
    return Baseline(tolerance=baseline.tolerance, tasks=tasks)
