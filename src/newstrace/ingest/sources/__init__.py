"""Inputs of ``newstrace ingest``: files, folders and globs to a stream of keyed articles.

One module per format (:mod:`.files` for text and HTML, :mod:`.jsonl`, :mod:`.csv_rows`,
:mod:`.feeds` for RSS and Atom, :mod:`.warc`); :func:`.walk.iter_inputs` ties them together.
"""

from __future__ import annotations

from .item import Item, content_hash
from .walk import READERS, file_type, iter_inputs

__all__ = ["READERS", "Item", "content_hash", "file_type", "iter_inputs"]
