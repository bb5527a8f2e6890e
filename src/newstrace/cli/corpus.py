"""Corpus commands over the store: corroborate, claims, events, story, export."""

from __future__ import annotations

import datetime
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..errors import NewstraceError
from ..store.database import open_engine
from ..store.export import FORMATS, export
from ..store.queries import EventFilter, claims_about, find_events, story
from .ingest import DbOption

err = Console(stderr=True)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    graphml = "graphml"


def _fail(exc: NewstraceError) -> typer.Exit:
    err.print(f"[bold red]error[/] {exc}")
    return typer.Exit(2)


def _day(value: str | None, name: str) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from exc


def corroborate_command(db: DbOption = None) -> None:
    """Cluster events across articles, group syndicated copies, count independent origins."""
    from ..corroborate import corroborate

    try:
        report = corroborate(open_engine(db))
    except NewstraceError as exc:
        raise _fail(exc) from exc
    sys.stdout.write(report.model_dump_json(indent=2) + "\n")


def claims_command(about: Annotated[str, typer.Option("--about", help="entity name or alias")],
                   db: DbOption = None, limit: int = 50,
                   as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """What is said about an entity, and on whose word."""
    try:
        claims = claims_about(open_engine(db), about, limit=limit)
    except NewstraceError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps([c.model_dump(mode="json") for c in claims], indent=2) + "\n")
        return
    console = Console()
    for c in claims:
        console.print(f"[bold]{c.published or '?'}[/] {c.outlet or '?'}: “{c.content}”")
        console.print(f"    chain: {c.chain.arrow}")


def events_command(
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. AID")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
    place: Annotated[str | None, typer.Option("--place", help="place name or ISO country code")] = None,
    actor: Annotated[str | None, typer.Option("--actor")] = None,
    target: Annotated[str | None, typer.Option("--target")] = None,
    min_origins: Annotated[int | None, typer.Option("--min-origins")] = None,
    limit: int = 100,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Events filtered by type, date range, place, actor and target."""
    flt = EventFilter(type=type_, date_from=_day(date_from, "--from"), date_to=_day(date_to, "--to"),
                      place=place, actor=actor, target=target, min_origins=min_origins, limit=limit)
    try:
        events = find_events(open_engine(db), flt)
    except NewstraceError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps([e.model_dump(mode="json") for e in events], indent=2) + "\n")
        return
    table = Table(title=f"{len(events)} events", title_justify="left")
    for col in ("date", "type", "actors", "targets", "place", "on whose word", "cluster"):
        table.add_column(col)
    for e in events:
        table.add_row(str(e.time_start or e.published or ""), e.type, ", ".join(e.actors), ", ".join(e.targets),
                      e.place or e.country or "", e.chain.arrow if e.chain else e.asserted_by,
                      str(e.cluster_id or ""))
    Console().print(table)


def story_command(cluster: Annotated[int, typer.Argument(help="cluster id (see `newstrace events`)")],
                  db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The timeline of an event cluster: each report with its chain, origins and contradictions."""
    try:
        view = story(open_engine(db), cluster)
    except NewstraceError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(view.model_dump_json(indent=2) + "\n")
        return
    console = Console()
    console.print(f"[bold]Story {view.id}[/] ({view.type}) {view.summary}")
    console.print(f"{view.reports} reports, {view.independent_origins} independent origin(s)"
                  f"{', [red]circular reporting[/]' if view.circular else ''}; first report "
                  f"{view.first_published or '?'} (article {view.first_article_id})")
    # one line per reporting sentence: two events a sentence tells (a headline's claim and the
    # outlet's own report of it) share it, each with its own chain
    told: dict[tuple[int, str], tuple[str, list[str]]] = {}
    for e in view.events:
        words = f"{e.chain.arrow if e.chain else e.asserted_by}{' (denies it)' if e.negated else ''}"
        line, chains = told.setdefault((e.article_id, e.evidence), (f"  {e.published or '?'}  {e.outlet or '?'}: {e.evidence}", []))
        if words not in chains:
            chains.append(words)
    for line, chains in told.values():
        console.print(line)
        for words in chains:
            console.print(f"      on whose word: {words}")
    contested = [a for a in view.assertions if a.contradicted]
    if contested:
        console.print("[bold]Competing assertions[/]")
        for a in contested:
            console.print(f"  {a.field} = {a.value}  (according to {a.source}, article {a.article_id})")


def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file (default: standard output)")] = None,
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type")] = None,
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
    place: Annotated[str | None, typer.Option("--place")] = None,
) -> None:
    """Export records (jsonl), events (csv in ACLED's columns, parquet, plover) or the citation graph."""
    assert fmt.value in FORMATS
    flt = EventFilter(type=type_, date_from=_day(date_from, "--from"), date_to=_day(date_to, "--to"),
                      place=place, limit=10**9)
    try:
        engine = open_engine(db)
        if output is None:
            n = export(engine, fmt.value, sys.stdout.buffer, flt)
        else:
            with output.open("wb") as out:
                n = export(engine, fmt.value, out, flt)
    except NewstraceError as exc:
        raise _fail(exc) from exc
    err.print(f"exported {n} {'edges' if fmt is ExportFormat.graphml else 'items'}")
