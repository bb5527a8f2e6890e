"""Attributions whose cue is punctuation or an aside, found from the layout of the text:

* a headline or transcript line "Name: statement" (the colon is the cue);
* a pull quote signed with a dash: '"Quotation." ― Name' (the dash is the cue);
* a reporting aside inside the sentence it reports: "Since then, Barden says, far too many ..."
  (the content is the whole sentence around the aside).

Pure functions over a parsed Doc; the caller turns the speaker token into a source chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...nlp.extensions import text_of
from ..entities.model import EntityTable
from .quotes import Quote

#: a line "Name: rest" whose name is at most this many words
MAX_NAME_WORDS = 6
DASHES = "\u2015\u2014\u2013"
SIGNED = re.compile(r"[ \t]*([\u2015\u2014\u2013]|--?)[ \t]*(?=\S)")


@dataclass(frozen=True)
class Marked:
    """A punctuation-cued attribution: the speaker's head token, cue and content offsets."""

    speaker: Token
    name: tuple[int, int]
    cue: tuple[int, int]
    content: tuple[int, int]
    quoted: bool
    reason: str


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    return span.root


def _is_name(head: Token | None, table: EntityTable) -> bool:
    """A name: an entity mention, a named-entity token, or a capitalised word that the article
    names as an entity elsewhere (a headline parse often tags "Trump:" as a common noun)."""
    if head is None:
        return False
    if table.at_token(head.i) is not None or head.ent_type_ in ("PERSON", "ORG", "NORP") or head.pos_ == "PROPN":
        return True
    return head.text[:1].isupper() and any(m.text.split()[-1] == head.text for m in table.mentions if m.text)


def headline_colons(doc: Doc, table: EntityTable) -> list[Marked]:
    """'Name: statement' on a line of its own (headlines, interview transcripts)."""
    text = text_of(doc)
    out: list[Marked] = []
    start = 0
    for line in text.split("\n"):
        colon = line.find(": ")
        name = line[:colon].strip()
        rest = line[colon + 2 :].strip()
        if colon > 0 and 0 < len(name.split()) <= MAX_NAME_WORDS and len(rest.split()) >= 3 \
                and name[0].isupper() and not any(ch in name for ch in ".,;\"\u201c\u201d"):
            head = _head(doc, start, start + colon)
            if _is_name(head, table) and head is not None and head.pos_ not in ("VERB", "AUX") and not any(
                    t.pos_ in ("VERB", "AUX") for t in head.subtree if start <= t.idx < start + colon):
                r0 = start + colon + 2 + (len(line[colon + 2 :]) - len(line[colon + 2 :].lstrip()))
                r1 = start + len(line.rstrip())
                quoted = rest[0] in "\"'\u2018\u201c"
                said = doc.char_span(r0, r1, alignment_mode="contract")
                if quoted or (said is not None and any(t.pos_ in ("VERB", "AUX") for t in said)):
                    # a statement, not a topic ("Russia's Africa Corps: a new badge on an old army")
                    n0 = start + len(line) - len(line.lstrip())
                    out.append(Marked(head, (n0, start + colon), (start + colon, start + colon + 1), (r0, r1),
                                      quoted, "headline_colon"))
        start += len(line) + 1
    return out


def signed_quotes(doc: Doc, table: EntityTable, quotes: list[Quote]) -> list[Marked]:
    """'"Quotation." ― Name, role': a quotation closed and signed with a dash and a name."""
    text = text_of(doc)
    out: list[Marked] = []
    for q in quotes:
        if not q.closed:
            continue
        dash = SIGNED.match(text, q.close)
        if dash is None:
            continue
        line_end = text.find("\n", dash.end())
        line_end = len(text) if line_end < 0 else line_end
        name = text[dash.end() : line_end].rstrip(" .,;\t\u00a0")
        if not name or not name[0].isupper() or len(name.split()) > 12 or "\u201c" in name or '"' in name:
            continue
        head = _head(doc, dash.end(), dash.end() + len(name))
        if not _is_name(head, table) or head is None:
            continue
        out.append(Marked(head, (dash.end(), dash.end() + len(name)), (dash.start(1), dash.end(1)),
                          (q.start, q.end), True, "signed_quote"))
    return out


def aside_content(cue: Token, speaker: Token, last: int) -> tuple[int, int] | None:
    """The sentence around a reporting aside ", Barden says," (the cue's tokens end at ``last``):
    from the sentence start to its end, when words stand on both sides of the aside."""
    doc, sent = cue.doc, cue.sent
    first = min(speaker.left_edge.i, cue.i)
    if first <= sent.start or last + 1 >= sent.end or doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    before = [t for t in doc[sent.start : first - 1] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[last + 2 : sent.end] if not (t.is_punct or t.is_space)]
    if not before or len(after) < 2:
        return None
    return before[0].idx, after[-1].idx + len(after[-1].text)
