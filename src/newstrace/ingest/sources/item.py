"""One input item: an article with the key that names where it came from and the hash of its text."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict, Field

from ...errors import NewstraceError
from ..article import Article


def content_hash(text: str) -> str:
    """The SHA-256 (64 hex digits) of ``text`` normalised as :func:`~..article.article_id` does it.

    Runs of whitespace count as one space and the ends are trimmed, so an article re-wrapped
    or re-exported is the same content; ``article_id(text)`` is its first 16 digits.
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class Item(BaseModel):
    """An article read from an input, named by a key that is stable from one run to the next.

    ``key`` is the resolved path of a file holding one article, or ``path#N`` for the N-th
    item of a file holding many (JSON Lines, CSV, feeds, WARC); ``article.source_path`` is the key.
    """

    model_config = ConfigDict(extra="forbid")

    key: str
    article: Article
    content_hash: str = Field(pattern=r"^[0-9a-f]{64}$")

    @classmethod
    def of(cls, key: str, article: Article) -> Item:
        """The item ``key`` holding ``article`` (its ``source_path`` set to the key)."""
        if article.source_path != key:
            article = article.model_copy(update={"source_path": key})
        return cls(key=key, article=article, content_hash=content_hash(article.text))


Result = Item | NewstraceError
"""What a reader yields: an item, or the error that kept one item from being read (the file reads on)."""
