"""spaCy glue for the framing extractor: stores :func:`~.rules.find_framing` on ``doc._.nt_framing``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp import extensions  # noqa: F401  (registers the Doc extensions)
from .rules import EntityAt, Lexicon, find_framing, load_lexicon


class FramingDetector:
    """Pipeline component: loaded wording of the doc, with its voice.

    Reads ``doc._.nt_attributions`` (a list of :class:`~newstrace.records.Attribution`; None or
    missing counts as no attributions) to tell quoted wording from the outlet's own.

    ``entity_at`` is an optional function attribute: ``entity_at(start_char, end_char)`` returns
    the id of the entity mentioned at those character offsets, or None. When set (by whoever
    builds the pipeline, e.g. ``nlp.get_pipe("newstrace_framing").entity_at = resolver``), each
    framing item's ``about`` names the entity the wording characterises; when None (the default),
    the entity table that ``newstrace_entities`` left on the Doc is used, if there is one.
    """

    def __init__(self, entity_at: EntityAt | None = None, lexicon: Lexicon | None = None) -> None:
        self.entity_at = entity_at
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        attributions = list(doc._.nt_attributions or [])
        entity_at = self.entity_at
        if entity_at is None and doc._.nt_entities is not None:
            entity_at = doc._.nt_entities.entity_at   # the article's own entity table
        doc._.nt_framing = find_framing(doc, attributions, entity_at, self.lexicon or load_lexicon())
        return doc


@Language.factory(
    "newstrace_framing",
    requires=["token.lemma", "token.pos", "token.dep", "doc.ents"],
    assigns=["doc._.nt_framing"],
)
def make_framing(nlp: Language, name: str) -> FramingDetector:
    """The ``newstrace_framing`` factory: a :class:`FramingDetector` without ``entity_at``."""
    return FramingDetector()
