"""CSV: a header row naming the columns, then one article per row (see :class:`~.fields.ArticleFields`).

Column names are matched without regard to case or surrounding spaces; a ``text`` or an
``html`` column is required, other columns are ignored. Item ``N`` is the N-th row after the
header (blank rows are skipped and keep their number). The file is decoded as a whole, as text
files are (UTF-8, a byte-order mark, or Windows-1252 as spreadsheets save it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ...errors import Errors, NewstraceError
from ..html import HTML_CHARS_PER_TEXT_CHAR
from ..text import decode_bytes
from .fields import TEXT_FIELDS, ArticleFields, article_from_fields, validate_fields
from .item import Item, Result

COLUMNS = tuple(ArticleFields.model_fields)


def read_csv(path: Path, key: str, *, max_chars: int) -> Iterator[Result]:
    """The articles of the CSV file ``path``, as items ``key#N`` (N: the row after the header).

    Raises E002/E003/E004 (see :func:`~..text.decode_bytes`), E009 (unreadable) and E023 (no
    header with a text or html column, or CSV the reader cannot follow, naming the line); yields
    E022 (a row without text) and the errors of the article's text for each bad row.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NewstraceError(Errors.E009, input=key, detail=exc.strerror or str(exc)) from exc
    text = decode_bytes(data, key)
    _allow_fields_of(HTML_CHARS_PER_TEXT_CHAR * max_chars)
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(rows, [])]
        if not {"text", "html"} & set(header):
            found = ", ".join(repr(name) for name in header) or "none"
            detail = f"the header row has no {TEXT_FIELDS} column (columns: {found})"
            raise NewstraceError(Errors.E023, input=key, detail=detail)
        columns = {name: header.index(name) for name in COLUMNS if name in header}   # the first of duplicates
        for number, row in enumerate(rows, start=1):
            if not any(cell.strip() for cell in row):
                continue
            item_key = f"{key}#{number}"
            cells = {name: row[i] for name, i in columns.items() if i < len(row) and row[i].strip()}
            try:
                article = article_from_fields(validate_fields(cells, item_key), item_key, max_chars=max_chars)
                yield Item.of(item_key, article)
            except NewstraceError as exc:
                yield exc
    except csv.Error as exc:
        raise NewstraceError(Errors.E023, input=key, detail=f"line {rows.line_num}: {exc}") from exc


def _allow_fields_of(size: int) -> None:
    """Let the csv module read fields of ``size`` characters (an article's HTML); its default is 128 KiB.

    The limit is a setting of the csv module, for the whole process: it is only ever raised.
    """
    if csv.field_size_limit() < size:
        csv.field_size_limit(size)
