"""spaCy glue for entity resolution: stores an :class:`EntityTable` on ``doc._.nt_entities``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp import extensions  # noqa: F401  (registers the Doc extensions)
from .gazetteer import Gazetteer, default_gazetteer
from .rules import resolve_entities


class EntityResolver:
    """Resolves named actors, aliases, metonyms and references with an injected gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc._.nt_entities = resolve_entities(doc, self.gazetteer)
        return doc


@Language.factory(
    "newstrace_entities",
    requires=["token.dep", "token.tag", "doc.ents"],
    assigns=["doc._.nt_entities"],
)
def make_entities(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver()
