"""``newstrace serve``: the web app and REST API over the corpus store."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console

from ..errors import NewstraceError
from .ingest import DbOption

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


def serve_command(
    db: DbOption = None,
    host: Annotated[str | None, typer.Option("--host", help="address to bind (NEWSTRACE_HOST)")] = None,
    port: Annotated[int | None, typer.Option("--port", min=0, max=65535, help="port (NEWSTRACE_PORT)")] = None,
    writes: Annotated[bool | None, typer.Option("--writes/--no-writes", help="accept ingest requests")] = None,
    samples: Annotated[bool, typer.Option("--samples", help="ingest the bundled sample corpus if the store "
                                                            "is empty")] = False,
) -> None:
    """Serve the web app and REST API (http://HOST:PORT/, API docs at /docs)."""
    import uvicorn

    from ..serve import ServeSettings, UnsafeBind, check_bind, create_app
    from ..serve.settings import is_loopback

    err = Console(stderr=True)
    given: dict[str, Any] = {k: v for k, v in {"db": db, "host": host, "port": port, "writes": writes,
                                                "samples": samples or None}.items() if v is not None}
    settings = ServeSettings(**given)
    try:
        check_bind(settings)
    except UnsafeBind as exc:
        err.print(f"[bold red]error[/] {exc}")
        raise typer.Exit(2) from exc
    if is_loopback(settings.host) and settings.allowed_hosts == ["*"]:
        settings.allowed_hosts = LOOPBACK_HOSTS       # no DNS rebinding onto a local server
    try:
        app = create_app(settings)
    except NewstraceError as exc:
        err.print(f"[bold red]error[/] {exc}")
        raise typer.Exit(2) from exc
    err.print(f"newstrace: serving {app.state.engine.url.render_as_string(hide_password=True)} on "
              f"http://{settings.host}:{settings.port}/")
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info", server_header=False,
                proxy_headers=False)
