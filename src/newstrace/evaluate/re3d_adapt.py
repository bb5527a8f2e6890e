"""re3d's span conventions, applied alike to our spans and the peer's before scoring.

re3d annotates noun phrases: a name keeps its determiner ("the European Union"), a person
the title before the name ("Foreign Minister Julie Bishop"), a place its feature noun and
compass word ("the city of Mosul", "northern Iraq"). Both systems here mark bare names, so
each predicted span is widened the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .re3d_predict import Predicted
from .re3d_types import SpanRules

_WORD_BEFORE = re.compile(r"(\S+) $")
_CONTINUES = re.compile(r"^(?: [A-Z]|[-\u2013\u2014]\w)")


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    """The whitespace-delimited word ending one space before ``start``, with its offset."""
    found = _WORD_BEFORE.search(text[max(0, start - 60):start])
    if found is None:
        return None
    return start - len(found.group(0)), found.group(1)


def _sentence_initial(text: str, at: int, titles: set[str]) -> bool:
    """Does a sentence (or line) start at ``at``? An abbreviation ("U.S.", "Dr.") ends none."""
    head = text[max(0, at - 60):at].rstrip(" \t")
    if not head or head.endswith("\n"):
        return True
    last = head.split()[-1].rstrip("'\"\u2019\u201d)")
    return last[-1:] in (".", "!", "?", ":", ";") and last.count(".") < 2 and last.rstrip(".").lower() not in titles


def with_title(p: Predicted, text: str, rules: SpanRules) -> Predicted:
    """A person's span widened over the title words and capitalised modifiers just before it
    ("U.S. Secretary of Defense Ash Carter"), when they hold a title word; a sentence-initial
    word joins only if it is itself a title."""
    titles = {t.lower() for t in rules.titles}
    start, has_title = p.start, False
    k = p.start
    while (found := _word_before(text, k)) is not None:
        at, word = found
        bare = word.rstrip(".").lower()
        if not (bare in titles or word[:1].isupper() or word == "of"):
            break
        initial = _sentence_initial(text, at, titles)
        if initial and bare not in titles:
            break
        has_title = has_title or bare in titles
        k = at
        if word != "of":
            start = k if has_title else start
        if initial:
            break
    return replace(p, start=start) if has_title and start < p.start else p


def with_determiner(p: Predicted, text: str, rules: SpanRules) -> Predicted:
    """A span widened over a determiner right before it, unless the name runs on into a longer
    capitalised name ("the Baghdad Operational Command") or a hyphenated word."""
    if _CONTINUES.match(text[p.end:p.end + 2]):
        return p
    found = _word_before(text, p.start)
    if found is None or found[1].lower() not in rules.determiners:
        return p
    at = found[0]
    return replace(p, start=at) if at == 0 or not text[at - 1].isalnum() else p


def with_place_words(p: Predicted, text: str, rules: SpanRules) -> Predicted:
    """A place's span widened over the feature noun around it ("the city of Mosul", "Mosul district")
    and a compass word before it ("northern Iraq")."""
    nouns = "|".join(re.escape(w) for w in rules.place_nouns)
    start, end = p.start, p.end
    if (after := re.match(rf" (?:{nouns})\b", text[end:end + 30], re.IGNORECASE)) is not None:
        end += after.end()
    if (before := re.search(rf"\b(?:{nouns}) of $", text[max(0, start - 30):start], re.IGNORECASE)) is not None:
        start -= len(before.group(0))
    compass = "|".join(re.escape(w) for w in rules.compass_words)
    if (side := re.search(rf"\b(?:{compass}) $", text[max(0, start - 20):start], re.IGNORECASE)) is not None:
        start -= len(side.group(0))
    return replace(p, start=start, end=end)


def adapt(preds: Iterable[Predicted], text: str, rules: SpanRules) -> list[Predicted]:
    """Every prediction with re3d's conventions applied; one per span, the first kept."""
    out: dict[tuple[int, int], Predicted] = {}
    for p in preds:
        if p.type in rules.place_types:
            p = with_place_words(p, text, rules)
        if p.type in rules.title_types:
            p = with_title(p, text, rules)
        if p.type in rules.determiner_types:
            p = with_determiner(p, text, rules)
        out.setdefault((p.start, p.end), p)
    return sorted(out.values(), key=lambda q: (q.start, q.end))
