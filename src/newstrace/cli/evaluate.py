"""``newstrace evaluate``: score the pipeline on public datasets, peers beside it, and the quality gate."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..errors import NewstraceError
from ..evaluate import TASKS, TaskResult, evaluate
from ..evaluate.gate import load_baseline, raise_floors, save_baseline, violations

DEFAULT_BASELINE = Path("tests/eval/baseline.json")


class Split(str, Enum):
    dev = "dev"
    train = "train"


class Format(str, Enum):
    table = "table"
    json = "json"


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render_table(result: TaskResult, console: Console, failures: list[str]) -> None:
    """One table per task: gated metrics and every comparison with a peer (ours, theirs, ratio)."""
    title = (f"{result.task} on {result.dataset} ({result.split}, {result.documents} documents"
             f"{', ' + result.sampled if result.sampled else ''}; {result.seconds:.0f}s)")
    table = Table(title=title, title_justify="left")
    for col in ("metric", "ours", "peer", "theirs", "ratio"):
        table.add_column(col, justify="left" if col in ("metric", "peer") else "right")
    shown = set()
    for c in result.comparisons:
        table.add_row(c.metric, _score(c.ours), c.peer, _score(c.theirs),
                      "-" if c.ratio is None else f"{c.ratio:.2f}")
        shown.add(c.metric)
    for metric in result.gated:
        if metric not in shown:
            table.add_row(metric, _score(result.metrics.get(metric)), "", "", "")
    console.print(table)
    for note in result.notes:
        console.print(f"  note: {note}")
    for problem in failures:
        console.print(f"  [bold red]GATE[/] {problem}")


def evaluate_command(
    task: Annotated[str, typer.Argument(help=f"one of {', '.join(TASKS)}, or all")],
    data: Annotated[Path | None, typer.Option("--data", help="data root (default ../shared/data)")] = None,
    split: Annotated[Split, typer.Option("--split")] = Split.dev,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    with_peers: Annotated[bool, typer.Option("--with-peers", help="run the peer tools too")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="at most N documents per task")] = None,
    gate: Annotated[bool, typer.Option("--gate", help="fail when a score is below its pinned floor")] = False,
    update: Annotated[bool, typer.Option("--update", help="raise the pinned floors to these scores")] = False,
    allow_regression: Annotated[bool, typer.Option("--allow-regression",
                                                   help="with --update: let floors go down")] = False,
    baseline: Annotated[Path, typer.Option("--baseline")] = DEFAULT_BASELINE,
) -> None:
    """Score newstrace on public datasets (re3d, PolNeAR, TempEval-3, PETRARCH/PLOVER, the seed)."""
    err = Console(stderr=True)
    try:
        pinned = load_baseline(baseline)
        limits = {name: floors.limit for name, floors in pinned.tasks.items()} if limit is None else {}
        failed: list[NewstraceError] = []
        results = evaluate(task, data=data, split=split.value, with_peers=with_peers, limit=limit,
                           limits=limits, errors=failed)
        for exc in failed:
            err.print(f"[bold red]error[/] {exc}")
        problems = {r.task: violations(r, pinned) if (gate or update) and split is Split.dev else []
                    for r in results}
        if update:
            if split is not Split.dev:
                raise typer.BadParameter("floors are pinned on the dev split", param_hint="--split")
            new = raise_floors(pinned, results, limits={r.task: limit or limits.get(r.task) for r in results},
                               allow_regression=allow_regression)
            save_baseline(new, baseline)
            err.print(f"floors written to {baseline}")
    except NewstraceError as exc:
        err.print(f"[bold red]error[/] {exc}")
        raise typer.Exit(2) from exc
    if fmt is Format.json:
        sys.stdout.write(json.dumps([r.model_dump() for r in results], indent=2) + "\n")
    else:
        console = Console()
        for r in results:
            render_table(r, console, problems[r.task])
    if gate and any(problems.values()):
        raise typer.Exit(1)
    if failed:
        raise typer.Exit(2)
