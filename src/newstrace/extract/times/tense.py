"""The tense of the clause a time expression sits in, read from spaCy's parse (for
:func:`.rules.find_times`: which year a date written without one falls in)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

#: auxiliaries that make a clause future ("will pay", "'ll meet", "shall decide")
FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
#: prepositions of an end point, which may lie after a past event ("was extended to Nov. 16")
OPEN_END = frozenset({"until", "till", "to", "through", "into"})
#: how many heads to climb from the expression to its verb
MAX_CLIMB = 4


def _verb(token: Token) -> Token | None:
    """The verb that governs ``token`` through prepositions only; None when a noun or adjective
    comes between ("a dividend payable Dec. 15": the date belongs to the noun phrase)."""
    start = token
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        if token is not start and token.pos_ not in ("ADP", "PROPN", "NUM"):
            return None
        if token.pos_ == "ADP" and token.lower_ in OPEN_END:
            return None
        token = token.head
    return None


def token_tense(token: Token) -> str | None:
    """"past", "future" or None for the clause of ``token``: its nearest governing verb is in
    the simple past ("left"), a past passive or pluperfect ("was sold", "had left"), or has a
    future auxiliary ("will pay")."""
    verb = _verb(token)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if verb.tag_ == "VBD" and not auxes:
        return "past"
    if verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxes):
        return "past"
    return None


def clause_tense(doc: Doc) -> Callable[[int], str | None] | None:
    """A function from a character offset of ``doc`` to the tense of the clause there, or None
    when ``doc`` has no parse (then :func:`.rules.find_times` reads no tense)."""
    if not (doc.has_annotation("DEP") and doc.has_annotation("TAG")):
        return None

    def at(offset: int) -> str | None:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        return token_tense(span[0]) if span is not None and len(span) else None

    return at
