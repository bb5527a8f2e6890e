"""``newstrace analyze``: parse arguments, call the library, print records or errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from typing import Annotated

import typer

from ..config.settings import Settings
from ..errors import NewstraceError
from ..ingest.article import Article
from ..ingest.read import read_path, read_stdin
from ..pipeline import analyze_articles, parse_published
from ..report.text import render


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def read_all(paths: list[str], errors: list[str], *, published: str | None, outlet: str | None,
             settings: Settings) -> Iterator[Article]:
    """Articles from ``paths`` (``-`` is standard input); failures go to ``errors``, the rest goes on."""
    for path in paths:
        try:
            date = parse_published(published, path)
            article = read_stdin(max_chars=settings.max_chars) if path == "-" else read_path(
                path, max_chars=settings.max_chars)
            updates = {k: v for k, v in {"published": date, "outlet": outlet}.items() if v is not None}
            yield article.model_copy(update=updates) if updates else article
        except NewstraceError as exc:
            errors.append(str(exc))


def run_analyze(paths: list[str], fmt: Format, published: str | None, outlet: str | None,
                workers: int = 1) -> int:
    """Analyse ``paths`` and print the records; returns the exit status (1 if any input failed)."""
    settings = Settings.load(n_process=workers)
    errors: list[str] = []
    records = []
    articles = read_all(paths, errors, published=published, outlet=outlet, settings=settings)
    failures: list[NewstraceError] = []
    for record in analyze_articles(articles, settings=settings, errors=failures):
        if fmt is Format.jsonl:
            sys.stdout.write(record.to_json() + "\n")
        elif fmt is Format.text:
            sys.stdout.write(render(record) + "\n")
        else:
            records.append(record.to_dict())
        sys.stdout.flush()
    if fmt is Format.json:
        out = records[0] if len(records) == 1 and len(paths) == 1 else records
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    errors += [str(f) for f in failures]
    for message in errors:
        typer.echo(f"error: {message}", err=True)
    return 1 if errors else 0


def analyze_command(
    paths: Annotated[list[str], typer.Argument(help="Article files (.txt, .html); '-' reads standard input.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output: text report, JSON or JSON lines.")]
    = Format.text,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides datelines).")]
    = None,
    outlet: Annotated[str | None, typer.Option(help="Publishing outlet (overrides datelines).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (spaCy n_process).")] = 1,
) -> None:
    """Analyse articles: entities, attributions with source chains, events, times, places."""
    raise typer.Exit(run_analyze(paths, format, published, outlet, workers))
