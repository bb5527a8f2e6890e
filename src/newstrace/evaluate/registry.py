"""Evaluation tasks by name. Each task module exposes

``run(data: Path | None = None, *, split: str = "dev", with_peers: bool = False,
limit: int | None = None, nlp: Language | None = None) -> TaskResult``

where ``data`` is the data root (see :mod:`.datasets`), ``limit`` caps the documents read
(deterministic sample) and ``nlp`` reuses a loaded pipeline.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Protocol

from ..errors import Errors, NewstraceError
from .result import TaskResult

#: task name -> module under newstrace.evaluate that scores it
TASKS: dict[str, str] = {
    "entities": "re3d",
    "attributions": "polnear",
    "times": "tempeval3",
    "events": "petrarch",
    "seed": "seed",
    "ecbplus": "ecbplus",
}


class TaskRunner(Protocol):
    def __call__(self, data: Path | None = None, *, split: str = "dev", with_peers: bool = False,
                 limit: int | None = None, nlp: Any = None) -> TaskResult: ...


def runner(task: str) -> TaskRunner:
    """The ``run`` function of a task, or E018 naming the unknown task."""
    if task not in TASKS:
        raise NewstraceError(Errors.E018, input=task, detail=", ".join([*TASKS, "all"]))
    module = importlib.import_module(f"{__package__}.{TASKS[task]}")
    run: TaskRunner = module.run
    return run
