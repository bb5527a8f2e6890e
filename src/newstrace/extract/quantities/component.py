"""spaCy glue for the quantity extractor: stores :func:`find_quantities` results on
``doc._.nt_quantities``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp import extensions  # noqa: F401  (registers the Doc extensions)
from .rules import find_quantities


class QuantityExtractor:
    """Finds the counts of a Doc, their bounds and units (reads ``doc._.nt_times`` if set)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.nt_quantities = find_quantities(doc)
        return doc


@Language.factory(
    "newstrace_quantities",
    requires=["token.dep", "token.pos", "doc.ents"],
    assigns=["doc._.nt_quantities"],
)
def make_quantities(nlp: Language, name: str) -> QuantityExtractor:
    return QuantityExtractor()
