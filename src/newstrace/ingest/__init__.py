"""Ingest: files, standard input, text and HTML to :class:`Article`, the input to analysis."""

from __future__ import annotations

from .article import Article, article_id
from .dateline import Dateline, parse_dateline
from .html import from_html
from .read import from_bytes, read_path, read_stdin
from .text import DEFAULT_MAX_CHARS, check_text, decode_bytes, from_text

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Article",
    "Dateline",
    "article_id",
    "check_text",
    "decode_bytes",
    "from_bytes",
    "from_html",
    "from_text",
    "parse_dateline",
    "read_path",
    "read_stdin",
]
