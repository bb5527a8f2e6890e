"""The ``newstrace`` command line: a thin Typer app over the Python API."""

from __future__ import annotations

import typer

from .analyze import analyze_command, demo_command
from .evaluate import evaluate_command

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="newstrace: who did what to whom, how many, when, where, and on whose word.")
app.command("analyze")(analyze_command)
app.command("demo")(demo_command)
app.command("evaluate")(evaluate_command)


@app.callback()
def _root() -> None:
    """newstrace command line."""


def main() -> None:
    app()
