"""Reading a multipart upload in memory: the parts never spill into a temporary file elsewhere on
disk (the body limit bounds what is held); the route writes them under the store's folder."""

from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.datastructures import Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

MAX_FILES = 1000


class _InMemoryParser(MultiPartParser):
    def __init__(self, headers: Headers, request: Request, limit: int) -> None:
        super().__init__(headers, request.stream(), max_files=MAX_FILES, max_fields=MAX_FILES)
        self.spool_max_size = limit + 1


async def read_files(request: Request, limit: int) -> list[tuple[str | None, bytes]]:
    """(client file name, content) of every ``files`` part of the request."""
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise HTTPException(415, "send multipart/form-data with one or more 'files' parts")
    try:
        form = await _InMemoryParser(request.headers, request, limit).parse()
    except MultiPartException as exc:
        raise HTTPException(400, f"malformed multipart body: {exc.message}") from exc
    try:
        return [(part.filename, await part.read()) for part in form.getlist("files") if isinstance(part, UploadFile)]
    finally:
        await form.close()
