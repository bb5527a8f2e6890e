"""spaCy glue for the time normalizer: stores :func:`find_times` results on ``doc._.nt_times``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp.extensions import published_date, text_of
from .rules import find_times
from .tense import clause_tense


class TimeNormalizer:
    """Finds and normalizes the time expressions of a Doc against ``doc._.nt_published``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.nt_times = find_times(text_of(doc), published_date(doc), clause_tense(doc))
        return doc


@Language.factory("newstrace_times", assigns=["doc._.nt_times"])
def make_times(nlp: Language, name: str) -> TimeNormalizer:
    return TimeNormalizer()
