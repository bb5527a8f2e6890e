"""Quotation marks: find quoted stretches of text, tolerating unbalanced marks."""

from __future__ import annotations

from dataclasses import dataclass

OPEN_CURLY = "\u201c"
CLOSE_CURLY = "\u201d"
STRAIGHT = '"'


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
    """Double-quoted stretches (curly or straight). An opening mark left unclosed at the end of
    its paragraph closes there; a closing mark with no opening is ignored. Single quotes are
    left inside the stretch (quotes within quotes)."""
    quotes: list[Quote] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == OPEN_CURLY or (ch == STRAIGHT and _opens_straight(text, i)):
            closer = CLOSE_CURLY if ch == OPEN_CURLY else STRAIGHT
            para_end = _paragraph_end(text, i)
            j = text.find(closer, i + 1, para_end)
            if ch == OPEN_CURLY:
                # a straight closer is accepted when the curly one is missing
                k = text.find(STRAIGHT, i + 1, para_end)
                if j < 0 and k >= 0:
                    j = k
            reopen = text.find(OPEN_CURLY, i + 1, para_end) if ch == OPEN_CURLY else -1
            if j >= 0 and (reopen < 0 or reopen > j):
                quotes.append(Quote(i, j + 1, i + 1, j, True))
                i = j + 1
                continue
            stop = reopen if reopen >= 0 else para_end
            inner_end = stop
            while inner_end > i + 1 and text[inner_end - 1].isspace():
                inner_end -= 1
            if inner_end > i + 1:
                quotes.append(Quote(i, stop, i + 1, inner_end, False))
            i = stop
            continue
        i += 1
    return [q for q in quotes if q.end > q.start]


def _opens_straight(text: str, i: int) -> bool:
    """A straight double quote opens when it is not glued to the end of a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{-\u2014:,") and not after.isspace()
