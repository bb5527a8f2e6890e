"""The ``newstrace`` command line: a thin Typer app over the Python API."""

from __future__ import annotations

import typer

from .analyze import analyze_command
from .corpus import claims_command, corroborate_command, events_command, export_command, story_command
from .demo import demo_command
from .evaluate import evaluate_command
from .ingest import ingest_command, status_command
from .serve import serve_command

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="newstrace: who did what to whom, how many, when, where, and on whose word.")
app.command("analyze")(analyze_command)
app.command("demo")(demo_command)
app.command("evaluate")(evaluate_command)
app.command("ingest")(ingest_command)
app.command("status")(status_command)
app.command("corroborate")(corroborate_command)
app.command("claims")(claims_command)
app.command("events")(events_command)
app.command("story")(story_command)
app.command("export")(export_command)
app.command("serve")(serve_command)


@app.callback()
def _root() -> None:
    """newstrace command line."""


def main() -> None:
    app()
