"""Docs cannot drift: every CLI command and every setting is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.cli.app import app
from newstrace.config.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = [c.name for c in app.registered_commands if c.name]


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_cli_command_in_readme(command: str) -> None:
    assert f"newstrace {command}" in README


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_docs_setting_in_readme(field: str) -> None:
    assert f"NEWSTRACE_{field.upper()}" in README


def test_docs_readme_test_command_is_what_ci_runs() -> None:
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in README and "bash scripts/test.sh" in ci
    script = (Path(__file__).resolve().parent.parent / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert ".venv/bin/pytest -q -ra" in script
