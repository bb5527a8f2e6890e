"""Files that hold one article: plain text and HTML pages, read by :func:`~..read.read_path`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..read import read_path
from .item import Item, Result


def read_file(path: Path, key: str, *, max_chars: int) -> Iterator[Result]:
    """The one article of the text or HTML file ``path``, as item ``key``.

    Its errors (E001-E014, naming ``key``) are raised: the file is the item.
    """
    yield Item.of(key, read_path(key, max_chars=max_chars))
