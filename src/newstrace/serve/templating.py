"""Jinja2 templates with autoescaping on for everything, and the filters pages use."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
VENDOR = STATIC / "vendor"
VENDOR_FILES = ("cytoscape.min.js", "d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js",
                "countries-110m.json", "swagger-ui-bundle.js", "swagger-ui.css")


def safe_url(url: object) -> str | None:
    """``url`` when it is an http(s) link, else None: ``javascript:`` and friends never become links."""
    if not isinstance(url, str):
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def vendor_missing() -> list[str]:
    return [name for name in VENDOR_FILES if not (VENDOR / name).is_file()]


def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True,
                      default_for_string=True), trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.globals["vendor_missing"] = vendor_missing()
    return Jinja2Templates(env=env)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render template ``name``; ``json_url`` in ``context`` is the page's JSON twin."""
    templates: Jinja2Templates = request.app.state.templates
    context.setdefault("json_url", None)
    context.setdefault("q", "")
    return templates.TemplateResponse(request, name, context, status_code=status_code)
