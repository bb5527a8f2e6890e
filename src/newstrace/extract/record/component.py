"""The last component: assembles the analysis record and leaves it, JSON-safe, on the Doc.

Intermediate results (entity table, records) are dropped from the Doc so that docs can
travel between processes (``n_process > 1``).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp.extensions import DOC_EXTENSIONS, TEXT_KEY, text_of
from ...records import Analysis, ArticleInfo
from ..entities.model import EntityTable

KEEP = ("nt_published", "nt_outlet", "nt_article", "nt_record")


def build_record(doc: Doc) -> Analysis:
    """The :class:`Analysis` of a processed Doc."""
    table: EntityTable = doc._.nt_entities or EntityTable([])
    meta: dict[str, Any] = dict(doc._.nt_article or {})
    article = ArticleInfo(
        id=meta.get("id") or "",
        outlet=doc._.nt_outlet,
        published=doc._.nt_published,
        title=meta.get("title"),
        url=meta.get("url"),
        language=meta.get("language") or "en",
        text=text_of(doc),
    )
    return Analysis(
        article=article,
        entities=table.to_records(),
        attributions=list(doc._.nt_attributions or []),
        events=list(doc._.nt_events or []),
        times=list(doc._.nt_times or []),
        quantities=list(doc._.nt_quantities or []),
        places=list(doc._.nt_places or []),
        framing=list(doc._.nt_framing or []),
    )


class RecordBuilder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.nt_record = build_record(doc).to_dict()
        for name in DOC_EXTENSIONS:
            if name not in KEEP:
                setattr(doc._, name, None)
        doc.user_data.pop(TEXT_KEY, None)
        return doc


@Language.factory("newstrace_record", assigns=["doc._.nt_record"])
def make_record(nlp: Language, name: str) -> RecordBuilder:
    return RecordBuilder()
