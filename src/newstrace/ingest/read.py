"""Reading articles from files and standard input: text or HTML, decided by suffix or by content.

Every error names its input: the path as given, or ``<stdin>``.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import BinaryIO, Literal

from ..errors import Errors, NewstraceError
from .article import Article
from .html import HTML_CHARS_PER_TEXT_CHAR, declared_charset, from_html, looks_like_html
from .text import DEFAULT_MAX_CHARS, MAX_BYTES_PER_CHAR, binary_signature, decode_bytes, from_text

__all__ = ["HTML_SUFFIXES", "STDIN", "TEXT_SUFFIXES", "from_bytes", "from_text", "read_path", "read_stdin"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
STDIN = "<stdin>"
_BOM_ALLOWANCE = 4

Kind = Literal["text", "html"]


def read_path(
    path: str | Path,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    reference: datetime.date | None = None,
) -> Article:
    """The article in the file at ``path``.

    ``.txt``, ``.text`` and ``.md`` are read as plain text, ``.html``, ``.htm`` and ``.xhtml``
    as HTML; any other file is HTML if it starts like HTML, plain text if it decodes as text,
    and refused as an unsupported type (E008) if it is binary.
    Raises E001 (missing), E009 (unreadable), E005/E014 (too long: decided from the file size
    where it can be, without reading the file) and the errors of :func:`from_bytes`.
    """
    name = str(path)
    file = Path(path)
    suffix = file.suffix.lower()
    kind: Kind | None = "text" if suffix in TEXT_SUFFIXES else "html" if suffix in HTML_SUFFIXES else None
    limit = _byte_limit(kind, max_chars)
    try:
        stat = file.stat()
        if file.is_dir():
            raise NewstraceError(Errors.E009, input=name, detail="it is a directory")
        if file.is_file() and stat.st_size > limit:
            raise _too_long(name, stat.st_size, kind, max_chars)
        with file.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError as exc:
        raise NewstraceError(Errors.E001, input=name) from exc
    except OSError as exc:
        raise NewstraceError(Errors.E009, input=name, detail=exc.strerror or str(exc)) from exc
    if len(data) > limit:
        raise _too_long(name, len(data), kind, max_chars)
    try:
        return from_bytes(data, name, kind=kind, max_chars=max_chars, reference=reference, source_path=name)
    except NewstraceError as exc:
        if kind is not None or exc.code != "E003":
            raise
        # binary content under a name that promised neither text nor HTML
        detail = suffix or binary_signature(data) or "binary data"
        raise NewstraceError(Errors.E008, input=name, detail=detail) from exc


def read_stdin(
    stream: BinaryIO | None = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    reference: datetime.date | None = None,
) -> Article:
    """The article on standard input (or ``stream``): HTML if it starts like HTML, else plain text."""
    source = stream if stream is not None else sys.stdin.buffer
    limit = _byte_limit(None, max_chars)
    try:
        data = source.read(limit + 1)
    except OSError as exc:
        raise NewstraceError(Errors.E009, input=STDIN, detail=exc.strerror or str(exc)) from exc
    if len(data) > limit:
        raise _too_long(STDIN, len(data), None, max_chars)
    return from_bytes(data, STDIN, max_chars=max_chars, reference=reference, source_path=STDIN)


def from_bytes(
    data: bytes,
    name: str,
    *,
    kind: Kind | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    reference: datetime.date | None = None,
    source_path: str | None = None,
) -> Article:
    """The article in ``data``, plain text or HTML (``kind``; None: decide from the content).

    Raises E002, E003, E004 (see :func:`~.text.decode_bytes`), E007 (HTML without an article)
    and the errors of :func:`~.text.check_text`.
    """
    declared = declared_charset(data) if kind != "text" else None
    text = decode_bytes(data, name, declared_encoding=declared)
    if kind == "html" or (kind is None and looks_like_html(text)):
        return from_html(text, name, max_chars=max_chars, reference=reference, source_path=source_path)
    return from_text(text, name, max_chars=max_chars, reference=reference, source_path=source_path)


def _byte_limit(kind: Kind | None, max_chars: int) -> int:
    """The most bytes a text of at most ``max_chars`` characters can take (HTML: with its markup)."""
    chars = max_chars if kind == "text" else HTML_CHARS_PER_TEXT_CHAR * max_chars
    return MAX_BYTES_PER_CHAR * chars + _BOM_ALLOWANCE


def _too_long(name: str, size: int, kind: Kind | None, max_chars: int) -> NewstraceError:
    """E005 (or E014 for HTML) for ``size`` bytes: at least ``size / MAX_BYTES_PER_CHAR`` characters."""
    chars = f"at least {size // MAX_BYTES_PER_CHAR:,}"
    if kind == "html":
        limit = f"{HTML_CHARS_PER_TEXT_CHAR * max_chars:,}"
        return NewstraceError(Errors.E014, input=name, size=chars, limit=limit)
    # also for unknown content: beyond the HTML bound, it is over the text limit either way
    return NewstraceError(Errors.E005, input=name, size=chars, limit=f"{max_chars:,}")
