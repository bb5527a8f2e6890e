"""From the paths given to ``newstrace ingest`` to a stream of items, in a deterministic order.

A path is a file, a folder (walked recursively, entries in sorted order, hidden files and
folders skipped, files of other types passed over), or a glob pattern (``data/*.txt``,
``crawl/**/*.warc.gz``; its matches are taken in sorted order and treated like a folder's
files). A file reached twice (named twice, or through a link) is read once.

Errors name the input: the path as given when it cannot be found (E001), else the key of the
file or of the item (``path#N``) that failed, also in ``error.fields["input"]``. An empty file
is E002; a file named itself whose type ingest does not read, E026.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from ...errors import Errors, NewstraceError
from .csv_rows import read_csv
from .feeds import read_feed
from .files import read_file
from .item import Item, Result
from .jsonl import read_jsonl
from .warc import read_warc


class Reader(Protocol):
    """A reader of one file type: the items of the file ``path``, keyed under ``key``."""

    def __call__(self, path: Path, key: str, *, max_chars: int) -> Iterator[Result]: ...


READERS: dict[str, Reader] = {
    ".txt": read_file,
    ".text": read_file,
    ".md": read_file,
    ".html": read_file,
    ".htm": read_file,
    ".xhtml": read_file,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}
"""The reader of each file type, by suffix (lower case)."""

NAMED_ONLY = frozenset({".md"})
"""Types read when a file is named, passed over in folders and globs: a README beside the data is no article."""

SUPPORTED = ", ".join(suffix for suffix in READERS if suffix not in NAMED_ONLY)

_GLOB_CHARS = frozenset("*?[")


def iter_inputs(
    paths: Iterable[str],
    *,
    max_chars: int,
    errors: list[NewstraceError] | None = None,
) -> Iterator[Item]:
    """The items of the files, folders and glob patterns in ``paths``, in order.

    A file, or an item of a file, that cannot be read gives a :class:`NewstraceError` naming it:
    appended to ``errors`` when a list is given (the walk goes on with the next item or file),
    raised otherwise. ``max_chars`` is the longest article text accepted (E005 beyond).
    """
    seen: set[str] = set()
    for given in paths:
        for found in _expand(given):
            if isinstance(found, NewstraceError):
                _report(found, errors)
                continue
            path, named = found
            key = str(path.resolve())
            suffix = file_type(path)
            reader = READERS.get(suffix)
            if reader is None or (suffix in NAMED_ONLY and not named):
                if named:
                    error = NewstraceError(Errors.E026, input=key, detail=suffix or "no suffix", supported=SUPPORTED)
                    _report(error, errors)
                continue
            if key in seen:
                continue
            seen.add(key)
            try:
                if _empty(path):
                    raise NewstraceError(Errors.E002, input=key)
                for result in reader(path, key, max_chars=max_chars):
                    if isinstance(result, NewstraceError):
                        _report(result, errors)
                    else:
                        yield result
            except NewstraceError as exc:
                _report(exc, errors)


def file_type(path: Path) -> str:
    """The suffix that decides how ``path`` is read, lower case: ``.txt``, ``.warc.gz`` ..."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _expand(given: str) -> Iterator[tuple[Path, bool] | NewstraceError]:
    """The files ``given`` stands for, each with whether it was named itself, or the errors met."""
    path = Path(given)
    if path.is_dir():
        yield from _folder(path)
    elif path.exists():
        yield path, True
    elif _GLOB_CHARS & set(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield NewstraceError(Errors.E001, input=given)
        for match in matches:
            found = Path(match)
            if found.is_dir():
                yield from _folder(found)
            else:
                yield found, False
    else:
        yield NewstraceError(Errors.E001, input=given)


def _folder(folder: Path) -> Iterator[tuple[Path, bool] | NewstraceError]:
    for found in _walk(folder):
        yield found if isinstance(found, NewstraceError) else (found, False)


def _walk(folder: Path) -> Iterator[Path | NewstraceError]:
    """The files under ``folder``, depth first, entries sorted by name; hidden ones skipped.

    Links to files are followed, links to folders are not (they could loop).
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield NewstraceError(Errors.E009, input=str(folder.resolve()), detail=exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _empty(path: Path) -> bool:
    """True for an empty file (a stat that fails is left for the reader to report)."""
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


def _report(error: NewstraceError, errors: list[NewstraceError] | None) -> None:
    if errors is None:
        raise error
    errors.append(error)
