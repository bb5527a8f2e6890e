"""spaCy glue for PLOVER event coding: stores records on ``doc._.nt_events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp import extensions  # noqa: F401  (registers the Doc extensions)
from ..entities.model import EntityTable
from .rules import find_events


class EventCoder:
    """Codes events; reads entities, attributions, times, quantities and places set earlier."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.nt_events = find_events(
            doc,
            doc._.nt_entities or EntityTable([]),
            doc._.nt_attributions or [],
            doc._.nt_times or [],
            doc._.nt_quantities or [],
            doc._.nt_places or [],
            doc._.nt_outlet,
        )
        return doc


@Language.factory(
    "newstrace_events",
    requires=["token.dep", "doc._.nt_entities", "doc._.nt_attributions"],
    assigns=["doc._.nt_events"],
)
def make_events(nlp: Language, name: str) -> EventCoder:
    return EventCoder()
