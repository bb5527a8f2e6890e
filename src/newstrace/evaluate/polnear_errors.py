"""Error classes of an attribution run on PolNeAR: what is missed, what is spurious, which
boundaries differ. Examples are short (a few words, cut at :data:`WIDTH` characters)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..resources import read_yaml
from .polnear_score import ROLES, Offsets, Triple, matched, normalise
from .prf import overlaps

WIDTH = 32
DATA = "newstrace.evaluate.data"


@cache
def pronouns() -> frozenset[str]:
    data: Any = read_yaml(DATA, "polnear.yaml")
    return frozenset(w.lower() for w in data["pronouns"]["words"])


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "\u2026"


def source_kind(text: str) -> str:
    """pronoun, name, or noun phrase (a description such as 'a campaign aide')."""
    words = text.split()
    if not words:
        return "empty"
    if words[0].lower().strip("\u2019'") in pronouns():
        return "pronoun"
    if all(w[0].isupper() for w in words if w[0].isalpha()):
        return "name"
    return "noun phrase"


def boundary(text: str, gold: Offsets, pred: Offsets) -> tuple[str, str]:
    """Class of an overlapping, unequal pair and the text on which they differ."""
    parts = []
    if pred[0] < gold[0]:
        parts.append(("ours starts earlier", text[pred[0] : gold[0]]))
    elif pred[0] > gold[0]:
        parts.append(("ours starts later", text[gold[0] : pred[0]]))
    if pred[1] > gold[1]:
        parts.append(("ours ends later", text[gold[1] : pred[1]]))
    elif pred[1] < gold[1]:
        parts.append(("ours ends earlier", text[pred[1] : gold[1]]))
    name = " + ".join(p[0] for p in parts)
    return name, " | ".join(short(p[1]) for p in parts)


class ErrorLog:
    """Counts error classes over documents and keeps the most frequent examples of each."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, Counter[str]] = {}

    def note(self, cls: str, example: str) -> None:
        self.counts[cls] += 1
        self.examples.setdefault(cls, Counter())[example] += 1

    def add(self, text: str, gold: Sequence[Triple], pred: Sequence[Triple]) -> None:
        gold, pred = normalise(text, gold), normalise(text, pred)
        cue_over = matched(gold, pred, "cue", "overlap")
        found_cues = set(cue_over.values())
        for i, g in enumerate(gold):
            if g.cue is not None and i not in cue_over:
                self.note("missed cue (gold cue word)", text[g.cue[0] : g.cue[1]].lower())
        for j, p in enumerate(pred):
            if p.cue is not None and j not in found_cues:
                self.note("spurious cue (our cue word)", text[p.cue[0] : p.cue[1]].lower())
        for i, j in cue_over.items():
            g, p = gold[i], pred[j]
            if g.source is not None and p.source is None:
                self.note(f"source missing on a found cue: gold {source_kind(text[g.source[0]:g.source[1]])}",
                          short(text[g.source[0] : g.source[1]]))
            elif g.source is None and p.source is not None:
                self.note("source given where gold has none", short(text[p.source[0] : p.source[1]]))
            elif g.source is not None and p.source is not None and not overlaps(g.source, p.source):
                self.note("wrong source on a found cue", f"{short(text[g.source[0]:g.source[1]])} / ours "
                          f"{short(text[p.source[0]:p.source[1]])}")
        for role in ROLES:
            for i, j in matched(gold, pred, role, "overlap").items():
                g_span, p_span = gold[i].role(role), pred[j].role(role)
                if g_span is not None and p_span is not None and g_span != p_span:
                    name, diff = boundary(text, g_span, p_span)
                    self.note(f"{role} boundary: {name}", diff)

    def classes(self, top: int = 12, examples: int = 4) -> dict[str, list[str]]:
        """The ``top`` largest classes as ``'<class> (<count>)' -> ['<example> x<n>', ...]``."""
        out: dict[str, list[str]] = {}
        for cls, n in self.counts.most_common(top):
            out[f"{cls} ({n})"] = [f"{ex} x{k}" for ex, k in self.examples[cls].most_common(examples)]
        return out
