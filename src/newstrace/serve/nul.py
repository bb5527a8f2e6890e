"""URLs with NUL characters are refused with a 400: no store (PostgreSQL text least of all) takes them."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

BODY = json.dumps({"detail": "NUL characters are not allowed in the URL"}).encode()


class RefuseNul:
    """ASGI middleware: 400 for a path or query string holding a NUL character (raw or %00)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and ("\x00" in scope.get("path", "")
                                        or b"%00" in scope.get("query_string", b"").lower()
                                        or b"\x00" in scope.get("query_string", b"")):
            await send({"type": "http.response.start", "status": 400,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(BODY)).encode())]})
            await send({"type": "http.response.body", "body": BODY})
            return
        await self.app(scope, receive, send)
