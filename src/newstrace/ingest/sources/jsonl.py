"""JSON Lines: one article record per line (see :class:`~.fields.ArticleFields`).

Item ``N`` of a file is the record on line ``N``; blank lines are skipped and keep their number,
so a key points at its line. Each line is read on its own: a bad line is an error for that
item and the next line is read.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ...errors import Errors, NewstraceError
from ..article import Article
from ..html import HTML_CHARS_PER_TEXT_CHAR
from ..text import MAX_BYTES_PER_CHAR, binary_reason
from .fields import article_from_fields, validate_fields
from .item import Item, Result

JSON_ESCAPE_BYTES = 6
"""A JSON string spends at most 6 bytes on a character (``\\u00e9``; a pair of them for 4 UTF-8 bytes)."""

SNIFF_BYTES = 8192
"""The head of the file checked for binary data."""


def line_limit(max_chars: int) -> int:
    """The longest line that can hold an article within the limits: an HTML page of
    ``HTML_CHARS_PER_TEXT_CHAR * max_chars`` characters, every one of them escaped."""
    return max(MAX_BYTES_PER_CHAR, JSON_ESCAPE_BYTES) * HTML_CHARS_PER_TEXT_CHAR * max_chars


def read_jsonl(path: Path, key: str, *, max_chars: int) -> Iterator[Result]:
    """The articles of the JSON Lines file ``path``, as items ``key#N`` (N: the line number).

    Raises E003 (the file is binary) and E009 (unreadable); yields E004 (a line not UTF-8),
    E021 (not a JSON object, or a field of the wrong type), E022 (no text) and the errors of
    the article's text for each bad line.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
            if binary_reason(head.removeprefix(codecs.BOM_UTF8)) is not None:
                raise NewstraceError(Errors.E003, input=key)
            stream.seek(0)
            for number, line in _lines(stream, line_limit(max_chars)):
                item_key = f"{key}#{number}"
                try:
                    yield Item.of(item_key, _article(line, item_key, max_chars))
                except NewstraceError as exc:
                    yield exc
    except OSError as exc:
        raise NewstraceError(Errors.E009, input=key, detail=exc.strerror or str(exc)) from exc


def _article(line: bytes | None, key: str, max_chars: int) -> Article:
    if line is None:
        detail = f"the line is over {line_limit(max_chars):,} bytes, longer than any article within the limits"
        raise NewstraceError(Errors.E021, input=key, detail=detail)
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        detail = f"byte 0x{line[exc.start]:02X} at column {exc.start + 1} is not UTF-8; JSON Lines are UTF-8"
        raise NewstraceError(Errors.E004, input=key, detail=detail) from exc
    try:
        data = json.loads(decoded.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise NewstraceError(Errors.E021, input=key, detail=f"not JSON: {exc.msg} at column {exc.colno}") from exc
    return article_from_fields(validate_fields(data, key), key, max_chars=max_chars)


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """The non-blank lines of ``stream`` with their numbers; None for a line over ``limit`` bytes
    (skipped to its end without keeping it)."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(limit + 1)
            yield number, None
        elif line.strip():
            yield number, line
