"""The one place that registers newstrace's Doc extensions.

Each extractor component stores its typed results in one of these attributes;
later components read earlier ones. Values are lists of records from
:mod:`newstrace.records` (or internal records documented by the component).
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> default value (a fresh list is created per doc by the getter-free default None)
DOC_EXTENSIONS: tuple[str, ...] = (
    "nt_published",     # datetime.date | None: publication date of the article
    "nt_outlet",        # str | None: publishing outlet
    "nt_entities",      # list[ResolvedEntity] (extract.entities.model)
    "nt_attributions",  # list[records.Attribution]
    "nt_times",         # list[records.Time]
    "nt_quantities",    # list[records.Quantity]
    "nt_places",        # list[records.Place]
    "nt_events",        # list[records.Event]
    "nt_framing",       # list[records.Framing]
)


def register_extensions() -> None:
    """Register every newstrace Doc extension (idempotent)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
