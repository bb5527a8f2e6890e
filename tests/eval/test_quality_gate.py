"""The quality gate: every task pinned in tests/eval/baseline.json, run on its dev split, holds its floors.

Runs on ../shared/data (CI has it); skips with a reason when it is absent. Floors rise with
``newstrace evaluate all --update``; lowering one needs ``--allow-regression``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newstrace.evaluate import evaluate
from newstrace.evaluate.gate import load_baseline, violations

BASELINE = Path(__file__).with_name("baseline.json")
PINNED = load_baseline(BASELINE)


def test_baseline_pins_every_public_task() -> None:
    assert {"entities", "attributions", "times", "events", "seed"} <= set(PINNED.tasks)
    for name, task in PINNED.tasks.items():
        assert task.floors and task.digest, f"{name} has no floors or no data digest"


@pytest.mark.parametrize("task", sorted(PINNED.tasks))
def test_task_holds_its_floors(task: str, shared_dir: Path, nlp: Language) -> None:
    pinned = PINNED.tasks[task]
    [result] = evaluate(task, data=shared_dir / "data", split=pinned.split, limit=pinned.limit, nlp=nlp)
    assert violations(result, PINNED) == []


def test_gate_catches_a_deliberate_regression(shared_dir: Path, nlp: Language) -> None:
    """With the attribution component switched off, the attributions task must fall below its floors."""
    pinned = PINNED.tasks["attributions"]
    with nlp.select_pipes(disable=["newstrace_attributions"]):
        [result] = evaluate("attributions", data=shared_dir / "data", split=pinned.split, limit=8, nlp=nlp)
    below = [v for v in violations(result, PINNED) if "below its floor" in v]
    assert below, "disabling attributions did not trip the gate"
    assert any("source" in v for v in below)
