"""How far a source or a cue reaches, in the convention of the PARC 3.0 / PolNeAR guidelines:
a source is its whole noun phrase (determiner, title, modifiers, apposition: "Mr. Trump",
"a spokesman for the campaign"), a cue its verb group (auxiliaries, negation, adverbs and a
particle: "has also said", "did not rule out")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...nlp.extensions import text_of
from ...records import Source, Span

#: a noun phrase longer than this is a parse gone astray: only its part up to the head is kept
MAX_NP = 30
#: children of a cue verb kept with it when they stand right before it ("has also said")
GROUP_LEFT = ("aux", "auxpass", "neg", "advmod")
#: and right after it ("ruled out", "did not say so")
GROUP_RIGHT = ("prt", "neg")


def _edges(tokens: list[Token]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    while toks and toks[0].is_punct and toks[0].text not in ("\u201c", '"', "("):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in ("\u201d", '"', ")"):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def np_extent(head: Token) -> tuple[int, int] | None:
    """The whole noun phrase of ``head`` (its subtree), or its part up to the head when too long."""
    toks = list(head.subtree)
    if len(toks) > MAX_NP:
        toks = [t for t in toks if t.i <= head.i and t.i >= head.left_edge.i]
    return _edges(toks)


def widened(doc: Doc, source: Source, head: Token) -> Source:
    """``source`` with its span grown to the noun phrase of ``head`` when that covers it."""
    reach = np_extent(head)
    if source.span is None or reach is None or not (reach[0] <= source.span.start and source.span.end <= reach[1]):
        return source
    return source.model_copy(update={"span": Span(start=reach[0], end=reach[1], text=text_of(doc)[reach[0] : reach[1]])})


def localised(doc: Doc, chain: list[Source], speaker: Token | tuple[int, int]) -> list[Source]:
    """A chain taken over from an earlier attribution ("the sources said"), its origin's span
    moved to the mention at hand (a token's noun phrase, or given offsets)."""
    reach = speaker if isinstance(speaker, tuple) else np_extent(speaker)
    if not chain or reach is None or chain[0].span is None:
        return list(chain)
    span = Span(start=reach[0], end=reach[1], text=text_of(doc)[reach[0] : reach[1]])
    return [chain[0].model_copy(update={"span": span}), *chain[1:]]


def verb_group(cue: Token) -> tuple[int, int]:
    """Offsets of the cue verb with the auxiliaries, negation and adverbs just before it and, just
    after it, a particle or a day ("said Tuesday"); only children of the verb, only without a gap."""
    doc = cue.doc
    kids = {c.i for c in cue.children}
    first = cue.i
    while first - 1 >= 0 and first - 1 in kids and doc[first - 1].dep_ in GROUP_LEFT:
        first -= 1
    last = cue.i
    while last + 1 < len(doc) and last + 1 in kids:
        nxt = doc[last + 1]
        if nxt.dep_ in GROUP_RIGHT:
            last += 1
        elif nxt.dep_ == "npadvmod" and nxt.ent_type_ in ("DATE", "TIME") and nxt.left_edge.i == nxt.i:
            last = nxt.i
        else:
            break
    return doc[first].idx, doc[last].idx + len(doc[last].text)
