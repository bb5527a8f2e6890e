"""The article: the input to analysis, whatever format it came from."""

from __future__ import annotations

import datetime
import hashlib

from pydantic import BaseModel, ConfigDict, Field, model_validator


def article_id(text: str) -> str:
    """A stable id for ``text``: the first 16 hex digits of the SHA-256 of its whitespace-normalised form.

    Runs of whitespace (spaces, tabs, newlines) count as one space and leading or
    trailing whitespace is ignored, so re-wrapping a text does not change its id.
    """
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


class Article(BaseModel):
    """One news article. Every character offset in the analysis record points into ``text``."""

    model_config = ConfigDict(extra="forbid")

    text: str
    title: str | None = None
    outlet: str | None = None                  # the publishing outlet, as written: "The Cradle"
    published: datetime.date | None = None
    url: str | None = None
    source_path: str | None = None             # the file it was read from, "<stdin>", or None
    language: str = "en"
    id: str = Field(default="", description="article_id(text) unless given")

    @model_validator(mode="after")
    def _default_id(self) -> Article:
        if not self.id:
            self.id = article_id(self.text)
        return self
