"""Content words of evidence text and their TF-IDF weights, for cosine similarity of events."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from .config import thresholds

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")     # words and numbers ("4,000" is "4", "000")
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(STOP_WORDS) | frozenset(thresholds().text.extra_stopwords)


def stem(word: str) -> str:
    """A light suffix stripper: "strikes" and "striking" -> "strik", "killed" -> "kill"."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + repl
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def words_around(text: str, at: int, before: int, after: int) -> list[str]:
    """The words of ``text`` in order, as written: ``before`` words ending before offset ``at``, then
    ``after`` words from it on (the trigger's own word first); numbers are words too, a hyphen or a
    comma splits them ("near-daily", "4,000"). Case is kept: "Daily Sabah" is a name, not "daily"."""
    left = [m.group() for m in _TOKEN.finditer(text, 0, at)][-before:] if before else []
    right = [m.group() for m in _TOKEN.finditer(text, at)][:after]
    return left + right


def content_words(text: str) -> Counter[str]:
    """Stemmed content words of ``text`` with their counts (stop words and one-letter words out)."""
    stop = stopwords()
    words = (w.lower() for w in _WORD.findall(text))
    return Counter(stem(w) for w in words if len(w) > 1 and w not in stop)


class DocFrequencies:
    """Document frequencies of content words over all event evidence seen so far."""

    def __init__(self, n: int = 0, df: dict[str, int] | None = None) -> None:
        self.n = n
        self.df: dict[str, int] = df or {}

    def add(self, words: Counter[str]) -> None:
        self.n += 1
        for w in words:
            self.df[w] = self.df.get(w, 0) + 1

    def idf(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 1)) + 1.0

    def weights(self, words: Counter[str]) -> dict[str, float]:
        """TF-IDF weights of ``words`` (sublinear TF)."""
        return {w: (1.0 + math.log(c)) * self.idf(w) for w, c in words.items()}


class TextProfile:
    """A summed TF-IDF vector (a cluster's) with its norm kept up to date, for fast cosines."""

    def __init__(self) -> None:
        self.vector: dict[str, float] = {}
        self.norm2 = 0.0

    def add(self, weights: dict[str, float]) -> None:
        for w, x in weights.items():
            old = self.vector.get(w, 0.0)
            self.vector[w] = old + x
            self.norm2 += (old + x) ** 2 - old**2

    def cosine(self, weights: dict[str, float]) -> float:
        if not weights or self.norm2 <= 0:
            return 0.0
        dot = sum(x * self.vector.get(w, 0.0) for w, x in weights.items())
        norm = math.sqrt(sum(x * x for x in weights.values()) * self.norm2)
        return dot / norm if norm else 0.0
