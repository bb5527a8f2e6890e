"""``newstrace ingest`` and ``newstrace status``: batch ingest into the corpus store and what it holds."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..config.settings import Settings
from ..errors import NewstraceError
from ..store.database import open_engine
from ..store.ingest_job import count_inputs, ingest
from ..store.status import store_status

DbOption = Annotated[str | None, typer.Option("--db", help="database URL or SQLite file (NEWSTRACE_DB)")]


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="files, folders or globs: .txt .html .jsonl .csv "
                                                    ".rss/.atom/.xml .warc(.gz)")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="spaCy processes")] = 1,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
) -> None:
    """Analyse and store articles; reruns skip what is stored and retry what failed."""
    err = Console(stderr=True)
    settings = Settings.load(n_process=workers)
    try:
        engine = open_engine(db)
    except NewstraceError as exc:
        err.print(f"[bold red]error[/] {exc}")
        raise typer.Exit(2) from exc
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} articles/s"), TimeRemainingColumn())
    with Progress(*columns, console=err, disable=not progress, transient=False) as bar:
        total = count_inputs(paths, max_chars=settings.max_chars) if progress else None
        task = bar.add_task("ingest", total=total, rate=0.0)

        def tell(_key: str, _outcome: str) -> None:
            bar.advance(task)
            speed = bar.tasks[task].speed
            bar.update(task, rate=speed or 0.0)

        report = ingest(paths, engine, settings=settings, progress=tell)
    for message in report.failures:
        err.print(f"[yellow]failed[/] {message}")
    err.print(f"stored {report.stored}, duplicates {report.duplicates}, already done {report.skipped}, "
              f"failed {report.failed}")
    if report.failed and not (report.stored or report.duplicates or report.skipped):
        raise typer.Exit(1)


def status_command(db: DbOption = None,
                   as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Row counts of the corpus store and its recorded failures."""
    try:
        status = store_status(open_engine(db))
    except NewstraceError as exc:
        Console(stderr=True).print(f"[bold red]error[/] {exc}")
        raise typer.Exit(2) from exc
    if as_json:
        sys.stdout.write(json.dumps(status.model_dump(), indent=2) + "\n")
        return
    console = Console()
    table = Table(title=f"corpus store {status.url}", title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in status.counts.items():
        table.add_row(name, str(count))
    console.print(table)
    for f in status.failures:
        console.print(f"[yellow]{f.code}[/] {f.input}: {f.message}")
