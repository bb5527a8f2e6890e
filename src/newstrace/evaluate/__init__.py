"""Evaluation: our own gold records (:mod:`.gold`) and public datasets, one scorer module per task.

``evaluate("entities")`` runs one task; ``evaluate("all")`` runs every task with one shared
pipeline. See :mod:`.registry` for the task names and :mod:`.gate` for the quality gate.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import NewstraceError
from .registry import TASKS, runner
from .result import Comparison, TaskResult

__all__ = ["TASKS", "Comparison", "TaskResult", "evaluate"]


def evaluate(task: str, *, data: Path | str | None = None, split: str = "dev", with_peers: bool = False,
             limit: int | None = None, limits: dict[str, int | None] | None = None,
             nlp: Any = None, errors: list[NewstraceError] | None = None) -> list[TaskResult]:
    """Run ``task`` (or ``"all"``) and return one :class:`TaskResult` per task.

    ``limit`` caps the documents of every task; ``limits`` gives a cap per task name. When
    ``errors`` is given, a task that fails (missing or malformed data) is appended there and
    the other tasks go on; otherwise its error is raised.
    """
    names = list(TASKS) if task == "all" else [task]
    run_all = [runner(name) for name in names]          # fail on an unknown name before loading
    if nlp is None:
        from ..pipeline import load_pipeline

        nlp = load_pipeline()
    root = Path(data) if data is not None else None
    results = []
    for name, run in zip(names, run_all, strict=True):
        cap = (limits or {}).get(name, limit)
        try:
            results.append(run(root, split=split, with_peers=with_peers, limit=cap, nlp=nlp))
        except NewstraceError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return results
