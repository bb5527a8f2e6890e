"""spaCy glue for attributions: stores records on ``doc._.nt_attributions``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp import extensions  # noqa: F401  (registers the Doc extensions)
from .rules import find_attributions


class AttributionExtractor:
    """Finds who says what, through whom; needs ``newstrace_entities`` before it."""

    def __call__(self, doc: Doc) -> Doc:
        table = doc._.nt_entities
        if table is None:
            from ..entities.model import EntityTable

            table = EntityTable([])
        doc._.nt_attributions = find_attributions(doc, table, doc._.nt_outlet)
        return doc


@Language.factory(
    "newstrace_attributions",
    requires=["token.dep", "doc._.nt_entities"],
    assigns=["doc._.nt_attributions"],
)
def make_attributions(nlp: Language, name: str) -> AttributionExtractor:
    return AttributionExtractor()
