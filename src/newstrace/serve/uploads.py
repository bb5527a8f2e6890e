"""Where uploaded and pasted articles wait to be ingested: a fresh folder per request under the
store's own folder. File names from the client are never used as paths; only a known suffix
(``.txt``, ``.html``, ``.jsonl``, ``.rss`` ...) is kept, so nothing is written outside that folder."""

from __future__ import annotations

import json
import uuid
from pathlib import Path, PurePath

from sqlalchemy import Engine

from ..ingest.html import looks_like_html
from ..ingest.sources.walk import NAMED_ONLY, READERS
from .schemas import ArticleIn
from .settings import ServeSettings

SUFFIXES = sorted((s for s in READERS if s not in NAMED_ONLY), key=len, reverse=True)


class UnsupportedUpload(ValueError):
    pass


def upload_root(settings: ServeSettings, engine: Engine) -> Path:
    """``NEWSTRACE_UPLOAD_DIR``, else ``uploads`` beside a SQLite store, else ``./newstrace-uploads``."""
    if settings.upload_dir is not None:
        return settings.upload_dir.resolve()
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        return Path(database).resolve().parent / "uploads"
    return Path.cwd().resolve() / "newstrace-uploads"


def suffix_of(filename: str | None) -> str:
    """The reader suffix the client's file name ends with; :class:`UnsupportedUpload` if none."""
    name = PurePath((filename or "").replace("\\", "/")).name.lower()
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    raise UnsupportedUpload(f"{filename!r}: unsupported file type; upload {', '.join(sorted(SUFFIXES))}")


def new_batch(root: Path) -> Path:
    batch = root / uuid.uuid4().hex
    batch.mkdir(parents=True, exist_ok=False)
    return batch


def _inside(root: Path, path: Path) -> Path:
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise UnsupportedUpload(f"{path} is outside {root}")
    return resolved


def save_file(batch: Path, index: int, filename: str | None, data: bytes) -> Path:
    """Write one uploaded file as ``<batch>/<index><suffix>``."""
    path = _inside(batch, batch / f"{index:04d}{suffix_of(filename)}")
    path.write_bytes(data)
    return path


def save_paste(batch: Path, article: ArticleIn) -> Path:
    """A pasted article as a one-line JSON Lines file, so its title, outlet and date travel with it."""
    body = "html" if looks_like_html(article.text) else "text"
    line = {body: article.text, "title": article.title, "outlet": article.outlet, "url": article.url,
            "published": article.published.isoformat() if article.published else None}
    path = _inside(batch, batch / "paste.jsonl")
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
