"""Quotation marks: find quoted stretches of text, tolerating unbalanced marks."""

from __future__ import annotations

from dataclasses import dataclass

OPEN_CURLY = "\u201c"
CLOSE_CURLY = "\u201d"
STRAIGHT = '"'
TWO_APOSTROPHES = "''"


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` are the offsets of the text inside the marks."""

    open: int      # offset of the opening mark
    close: int     # offset just after the closing mark (or of the paragraph end when unclosed)
    start: int
    end: int
    closed: bool

    def contains(self, start: int, end: int) -> bool:
        return self.open <= start and end <= self.close


def _paragraph_end(text: str, i: int) -> int:
    nl = text.find("\n", i)
    return len(text) if nl < 0 else nl


def find_quotes(text: str) -> list[Quote]:
    """Double-quoted stretches (curly, straight, or two apostrophes as in newswire archives:
    ''like this''). An opening mark left unclosed at the end of its paragraph closes there; a
    closing mark with no opening is ignored. Single quotes are left inside the stretch (quotes
    within quotes)."""
    quotes: list[Quote] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        mark = TWO_APOSTROPHES if text.startswith(TWO_APOSTROPHES, i) and not text.startswith("'", i + 2) else ch
        if ch == OPEN_CURLY or (mark in (STRAIGHT, TWO_APOSTROPHES) and _opens_straight(text, i, len(mark))):
            width = len(mark)
            closer = CLOSE_CURLY if ch == OPEN_CURLY else mark
            para_end = _paragraph_end(text, i)
            j = text.find(closer, i + width, para_end)
            if ch == OPEN_CURLY:
                # a straight closer is accepted when the curly one is missing
                k = text.find(STRAIGHT, i + 1, para_end)
                if j < 0 and k >= 0:
                    j = k
            reopen = text.find(OPEN_CURLY, i + 1, para_end) if ch == OPEN_CURLY else -1
            if j >= 0 and (reopen < 0 or reopen > j):
                end_mark = len(closer) if text.startswith(closer, j) else 1
                quotes.append(Quote(i, j + end_mark, i + width, j, True))
                i = j + end_mark
                continue
            stop = reopen if reopen >= 0 else para_end
            inner_end = stop
            while inner_end > i + width and text[inner_end - 1].isspace():
                inner_end -= 1
            if inner_end > i + width:
                quotes.append(Quote(i, stop, i + width, inner_end, False))
            i = stop
            continue
        i += 1
    return [q for q in quotes if q.end > q.start]


def _opens_straight(text: str, i: int, width: int = 1) -> bool:
    """A straight double quote opens when it is not glued to the end of a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{-\u2014:,") and not after.isspace()
