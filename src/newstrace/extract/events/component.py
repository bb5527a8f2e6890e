"""Temporary placeholder: replaced by the real component (work in progress)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("newstrace_events")
def make_events(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    def component(doc: Doc) -> Doc:
        return doc

    return component
