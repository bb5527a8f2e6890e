"""spaCy glue for the places extractor: stores :func:`~.rules.find_places` on ``doc._.nt_places``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp import extensions  # noqa: F401  (registers the Doc extensions)
from ...resolve.geocode import Geocoder
from .rules import PlaceContext, find_places, load_context


class Places:
    """Pipeline component: geocoded places of the doc, one :class:`~newstrace.records.Place` a mention.

    ``geocoder`` is injected (a default :class:`Geocoder` over the shipped gazetteer when None);
    its index is built on the first doc, not when the pipeline is loaded.
    """

    def __init__(self, geocoder: Geocoder | None = None, context: PlaceContext | None = None) -> None:
        self.geocoder = geocoder if geocoder is not None else Geocoder()
        self.context = context

    def __call__(self, doc: Doc) -> Doc:
        doc._.nt_places = find_places(doc, self.geocoder, self.context or load_context())
        return doc


@Language.factory(
    "newstrace_places",
    requires=["doc.ents", "token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.nt_places"],
)
def make_places(nlp: Language, name: str) -> Places:
    """The ``newstrace_places`` factory: a :class:`Places` with the default geocoder."""
    return Places()
