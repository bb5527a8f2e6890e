"""Settings of the web app and the refusal to expose writes without a token."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from pydantic import SecretStr
from typer.testing import CliRunner

from newstrace.cli.serve import serve_command
from newstrace.serve import ServeSettings, UnsafeBind, check_bind
from newstrace.serve.settings import MB, is_loopback


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.10", False), ("example.org", False),
])
def test_settings_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(("host", "writes", "token", "refused"), [
    ("0.0.0.0", True, None, True),
    ("0.0.0.0", True, "s3cret", False),
    ("0.0.0.0", False, None, False),
    ("127.0.0.1", True, None, False),
])
def test_settings_check_bind(host: str, writes: bool, token: str | None, refused: bool) -> None:
    settings = ServeSettings(host=host, writes=writes, token=SecretStr(token) if token else None)
    if refused:
        with pytest.raises(UnsafeBind, match="NEWSTRACE_TOKEN"):
            check_bind(settings)
    else:
        check_bind(settings)


def test_settings_defaults_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ServeSettings().max_body == 20 * MB
    monkeypatch.setenv("NEWSTRACE_MAX_BODY", "1234")
    monkeypatch.setenv("NEWSTRACE_TOKEN", "abc")
    monkeypatch.setenv("NEWSTRACE_PORT", "9001")
    settings = ServeSettings()
    assert (settings.max_body, settings.port) == (1234, 9001)
    assert settings.token is not None and settings.token.get_secret_value() == "abc"
    assert "abc" not in repr(settings)


def test_settings_serve_command_refuses_open_host_without_token(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSTRACE_TOKEN", raising=False)
    app = typer.Typer()
    app.command("serve")(serve_command)
    app.command("other")(lambda: None)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "refusing to bind 0.0.0.0" in result.output
