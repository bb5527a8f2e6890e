"""WARC files (``.warc``, ``.warc.gz``): each successful HTML response is an article.

Records are read with warcio. Item ``N`` is the N-th ``response`` record with a 2xx status and
an HTML content type (``text/html``, ``application/xhtml+xml``); requests, metadata, redirects,
error pages, images and the like are passed over. The page goes through the HTML reader
(:func:`~..html.from_html`); its URL is the record's ``WARC-Target-URI``, and its date, when
the page gives none, the day of the capture (``WARC-Date``).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from ...errors import Errors, NewstraceError
from ..article import Article
from ..html import HTML_CHARS_PER_TEXT_CHAR, declared_charset, from_html
from ..text import MAX_BYTES_PER_CHAR, decode_bytes
from .fields import clean, override, parse_published
from .item import Item, Result

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_WARC_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, ValueError, zlib.error)
"""What warcio raises on data it cannot follow."""


def read_warc(path: Path, key: str, *, max_chars: int) -> Iterator[Result]:
    """The articles of the WARC file ``path``, as items ``key#N``.

    Raises E025 (not a WARC file, or one broken past repair: the items before the break are
    kept) and E009 (unreadable); yields E014 (a page over the size limit), E025 (a record whose
    body cannot be read) and the errors of :func:`~..html.from_html` for each bad page.
    """
    number = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.format != "warc":   # warcio also reads ARC, and takes any 5-word line for its header
                    raise ArchiveLoadFailed("not WARC data: no 'WARC/1.x' record header")
                if not is_html_response(record):
                    continue
                number += 1
                item_key = f"{key}#{number}"
                try:
                    yield Item.of(item_key, record_article(record, item_key, max_chars=max_chars))
                except NewstraceError as exc:
                    yield exc
    except OSError as exc:
        raise NewstraceError(Errors.E009, input=key, detail=exc.strerror or str(exc)) from exc
    except _WARC_ERRORS as exc:
        where = f"after item {number}: " if number else ""
        raise NewstraceError(Errors.E025, input=key, detail=where + _describe(exc)) from exc


def is_html_response(record: Any) -> bool:
    """True for a ``response`` record of a successful HTTP exchange that carries an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = str(record.http_headers.get_statuscode() or "")
    return status.startswith("2") and media_type(record.http_headers.get_header("Content-Type")) in HTML_TYPES


def record_article(record: Any, key: str, *, max_chars: int) -> Article:
    """The article of one HTML response record."""
    limit = MAX_BYTES_PER_CHAR * HTML_CHARS_PER_TEXT_CHAR * max_chars
    try:
        body = record.content_stream().read(limit + 1)
    except _WARC_ERRORS as exc:
        raise NewstraceError(Errors.E025, input=key, detail=_describe(exc)) from exc
    if not isinstance(body, bytes):
        raise NewstraceError(Errors.E025, input=key, detail="the record has no body")
    if len(body) > limit:
        raise NewstraceError(
            Errors.E014, input=key, size=f"at least {len(body) // MAX_BYTES_PER_CHAR:,}",
            limit=f"{HTML_CHARS_PER_TEXT_CHAR * max_chars:,}",
        )
    content_type = record.http_headers.get_header("Content-Type")
    html = decode_bytes(body, key, declared_encoding=header_charset(content_type) or declared_charset(body))
    url = clean(record.rec_headers.get_header("WARC-Target-URI"))
    article = from_html(html, key, url=url, max_chars=max_chars, source_path=key)
    if article.published is None:
        article = override(article, published=parse_published(record.rec_headers.get_header("WARC-Date")))
    return article


def media_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def header_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if any."""
    for parameter in (content_type or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _describe(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
