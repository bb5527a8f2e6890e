"""A component that starts a sentence at every line break.

Plain-text news puts each paragraph (and each header line: dateline, title, byline) on a
line of its own, often without final punctuation; the parser would otherwise run them together.
Runs before the parser, which respects the boundaries it sets.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_line_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after a whitespace token holding a newline."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if ("\n" in prev.text and prev.is_space) or ("\n" in prev.whitespace_):
            doc[i].is_sent_start = True
    return doc


@Language.component("newstrace_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    return mark_line_starts(doc)
