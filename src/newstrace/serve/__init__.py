"""The web app and REST API over the corpus store: ``create_app(settings)``; ``newstrace serve`` runs it."""

from __future__ import annotations

from .app import create_app
from .settings import ServeSettings, UnsafeBind, check_bind

__all__ = ["ServeSettings", "UnsafeBind", "check_bind", "create_app"]
