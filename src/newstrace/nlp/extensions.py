"""The one place that registers newstrace's Doc extensions.

Each extractor component stores its typed results in one of these attributes;
later components read earlier ones. Values are lists of records from
:mod:`newstrace.records` (or internal records documented by the component).
"""

from __future__ import annotations

import datetime

from spacy.tokens import Doc

#: name -> default value (a fresh list is created per doc by the getter-free default None)
DOC_EXTENSIONS: tuple[str, ...] = (
    "nt_published",     # str | None: publication date of the article, ISO "YYYY-MM-DD"
    "nt_outlet",        # str | None: publishing outlet
    "nt_article",       # dict | None: the article fields of the record (id, title, url, ...)
    "nt_entities",      # list[ResolvedEntity] (extract.entities.model)
    "nt_attributions",  # list[records.Attribution]
    "nt_times",         # list[records.Time]
    "nt_quantities",    # list[records.Quantity]
    "nt_places",        # list[records.Place]
    "nt_events",        # list[records.Event]
    "nt_framing",       # list[records.Framing]
    "nt_record",        # dict | None: the finished analysis record (JSON-safe; survives n_process > 1)
)


def register_extensions() -> None:
    """Register every newstrace Doc extension (idempotent)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def published_date(doc: Doc) -> datetime.date | None:
    """The publication date set on ``doc`` (stored as ISO text so docs stay serialisable)."""
    value = doc._.nt_published
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


TEXT_KEY = "newstrace.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return str(text)
