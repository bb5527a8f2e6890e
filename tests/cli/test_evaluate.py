"""``newstrace evaluate`` as a user meets it: coded errors for a wrong task or data path, tables and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newstrace.cli.app import app

runner = CliRunner()


def test_unknown_task_names_the_task_and_the_choices() -> None:
    out = runner.invoke(app, ["evaluate", "sentiment"])
    assert out.exit_code == 2
    assert "E018" in out.output and "sentiment" in out.output and "attributions" in out.output


def test_missing_data_folder_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    out = runner.invoke(app, ["evaluate", "seed", "--data", str(missing)])
    assert out.exit_code == 2
    assert "E016" in out.output and "nowhere" in out.output


def test_seed_task_prints_json_with_its_checker_counts(shared_dir: Path) -> None:
    out = runner.invoke(app, ["evaluate", "seed", "--data", str(shared_dir / "data"), "--format", "json"])
    assert out.exit_code == 0, out.output
    [result] = json.loads(out.stdout)
    assert result["task"] == "seed" and result["metrics"]["passed"] + result["metrics"]["failed"] > 0
    assert 0.0 <= result["metrics"]["pass_rate"] <= 1.0 and len(result["digest"]) == 64


def test_update_writes_floors_the_gate_then_checks(shared_dir: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    data = str(shared_dir / "data")
    out = runner.invoke(app, ["evaluate", "seed", "--data", data, "--update", "--baseline", str(baseline)])
    assert out.exit_code == 0, out.output
    pinned = json.loads(baseline.read_text())["tasks"]["seed"]
    assert "pass_rate" in pinned["floors"] and pinned["digest"]
    gated = runner.invoke(app, ["evaluate", "seed", "--data", data, "--gate", "--baseline", str(baseline)])
    assert gated.exit_code == 0 and "GATE" not in gated.output
    pinned["floors"]["pass_rate"] = 1.5      # an unreachable floor must fail the gate
    baseline.write_text(json.dumps({"tolerance": 0.005, "tasks": {"seed": pinned}}))
    failed = runner.invoke(app, ["evaluate", "seed", "--data", data, "--gate", "--baseline", str(baseline)])
    assert failed.exit_code == 1 and "below its floor" in failed.output
