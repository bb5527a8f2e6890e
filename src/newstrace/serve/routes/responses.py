"""Error responses the routes document in the OpenAPI schema, besides FastAPI's 422."""

from __future__ import annotations

from typing import Any

Responses = dict[int | str, dict[str, Any]]

NOT_FOUND: Responses = {404: {"description": "nothing in the store by that id or name"}}
TOO_LARGE: Responses = {413: {"description": "request body over NEWSTRACE_MAX_BODY"}}
WRITE: Responses = {
    401: {"description": "the server has a token and the request does not carry it"},
    403: {"description": "writes are disabled, or the request comes from another origin"},
    **TOO_LARGE,
}
UPLOAD: Responses = {
    **WRITE,
    400: {"description": "malformed multipart body"},
    415: {"description": "not multipart/form-data, or a file of a type ingest does not read"},
}
