"""Settings of the web app (``NEWSTRACE_*`` environment variables) and the bind-address check."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

MB = 1024 * 1024
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


class ServeSettings(BaseSettings):
    """What ``newstrace serve`` and :func:`newstrace.serve.create_app` run with."""

    model_config = SettingsConfigDict(env_prefix="NEWSTRACE_", extra="ignore")

    db: str | None = Field(default=None, description="database URL or SQLite file of the corpus store")
    token: SecretStr | None = Field(default=None, description="bearer token required by the write endpoints")
    host: str = Field(default="127.0.0.1", description="address to bind")
    port: int = Field(default=8000, ge=0, le=65535, description="port to bind")
    writes: bool = Field(default=True, description="accept ingest requests (POST /api/articles)")
    max_body: int = Field(default=20 * MB, ge=1, description="largest request body accepted, in bytes (413 beyond)")
    upload_dir: Path | None = Field(default=None, description="where uploads are kept while they are ingested; "
                                                      "default: 'uploads' beside a SQLite store")
    allowed_hosts: list[str] = Field(default_factory=lambda: ["*"],
                                     description="Host headers accepted ('*': any)")
    samples: bool = Field(default=False, description="ingest the bundled sample corpus when the store is empty")


class UnsafeBind(ValueError):
    """Writes enabled, no token, and an address other hosts can reach."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.casefold() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(settings: ServeSettings) -> None:
    """Refuse to serve writes without a token on an address other machines can reach."""
    if settings.writes and settings.token is None and not is_loopback(settings.host):
        raise UnsafeBind(
            f"refusing to bind {settings.host} with writes enabled and no token: set NEWSTRACE_TOKEN, "
            "pass --no-writes, or bind 127.0.0.1")
