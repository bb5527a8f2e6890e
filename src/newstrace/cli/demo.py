"""``newstrace demo``: the main job on the embedded default. Ingest the bundled sample corpus into SQLite,
corroborate it, print the best-corroborated story; ``--serve`` then opens the web app on it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from ..config.settings import Settings
from ..errors import NewstraceError
from ..store.database import open_engine
from ..store.ingest_job import ingest
from ..store.models import AssertionRow, ClusterRow
from .corpus import story_command
from .ingest import DbOption


def corpus_folder() -> str:
    """The sample corpus shipped in the package (articles we wrote: 5 stories, 42 reports)."""
    return str(Path(str(resources.files("newstrace").joinpath("samples", "corpus"))))


def showcase_cluster(engine: Engine) -> int | None:
    """The story most worth showing: one with contested death tolls first, then the most reports and origins."""
    with Session(engine) as session:
        contested = set(session.scalars(select(AssertionRow.cluster_id).where(
            AssertionRow.contradicted, AssertionRow.field == "killed")))
        clusters = session.scalars(select(ClusterRow)).all()
        ranked = sorted(clusters, key=lambda c: (c.id not in contested, -c.reports, -c.independent_origins, c.id))
        return ranked[0].id if ranked else None


def demo_command(
    db: DbOption = None,
    serve: Annotated[bool, typer.Option("--serve", help="then serve the web app on http://127.0.0.1:8000")]
    = False,
) -> None:
    """Ingest the bundled sample corpus, corroborate it and print a story (the embedded SQLite default)."""
    from ..corroborate import corroborate

    err = Console(stderr=True)
    try:
        engine = open_engine(db)
        report = ingest([corpus_folder()], engine, settings=Settings.load())
        err.print(f"ingested the sample corpus into {engine.url.render_as_string(hide_password=True)}: "
                  f"stored {report.stored}, already there {report.skipped + report.duplicates}, "
                  f"failed {report.failed}")
        corroborate(engine)
        cluster = showcase_cluster(engine)
    except NewstraceError as exc:
        err.print(f"[bold red]error[/] {exc}")
        raise typer.Exit(2) from exc
    if cluster is None:
        err.print("no event clusters were found")
        raise typer.Exit(1)
    story_command(cluster, db=db)
    err.print(f"\nmore: newstrace events --db ... | newstrace story N | newstrace serve"
              f"{'' if serve else '  (or: newstrace demo --serve)'}")
    if serve:
        from .serve import serve_command

        serve_command(db=db, host="127.0.0.1", port=8000, writes=None, samples=False)
