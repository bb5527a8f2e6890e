"""Phoenix/CAMEO actor and agent dictionaries as a codebook: which actor codes does a phrase name?

Our records carry no actor codes (the contract gives entities names, not codes), so a gold code
("USAGOV", "PSEREBHMS", "---REB") is matched by looking up the participant's words in the
dictionaries PETRARCH codes with. TABARI format: an entry is a phrase (words joined by ``_``
or spaces; a final ``_`` means "this exact word", else the last word is a stem), ``+`` lines are
synonyms, ``[CODE dates]`` give codes, ``[~CODE]`` agent codes, ``!MACRO! = A, B`` substitutions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, NewstraceError

CODE = re.compile(r"\[\s*(~?[A-Z0-9-]+)[^\]]*\]")
MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
BRACES = re.compile(r"\{([^}]*)\}")
TOKEN = re.compile(r"[A-Z0-9][A-Z0-9.'&\-]*")
MIN_STEM = 4


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    exact_last: bool
    codes: frozenset[str]


def tokens(text: str) -> list[str]:
    """Upper-case words of ``text`` with possessive endings dropped ("Syria's" -> SYRIA)."""
    out = []
    for t in TOKEN.findall(text.upper().replace("\u2019", "'")):
        t = re.sub(r"'S?$", "", t).rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.)+", t) else t
        if t:
            out.append(t)
    return out


def _singular(word: str) -> str:
    if word.endswith("IES") and len(word) > 4:
        return word[:-3] + "Y"
    if word.endswith("S") and not word.endswith("SS") and len(word) > 3:
        return word[:-1]
    return word


def _word_ok(pattern: str, token: str, stem: bool) -> bool:
    if stem and len(pattern) >= MIN_STEM:
        return token.startswith(pattern)
    return token == pattern or _singular(token) == pattern


@dataclass
class ActorCodebook:
    """Phrase -> codes, indexed by first word; ``countries`` are the three-letter state codes."""

    phrases: dict[str, list[Phrase]] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)

    def add(self, name: str, codes: Iterable[str]) -> None:
        name = name.strip().upper()
        words = tuple(w for w in re.split(r"[_\s]+", name) if w)
        if not words or not codes:
            return
        phrase = Phrase(words, name.endswith("_"), frozenset(codes))
        self.phrases.setdefault(words[0][:MIN_STEM], []).append(phrase)

    def lookup(self, text: str) -> set[str]:
        """Every code of every dictionary phrase found in ``text`` (agent codes keep their ``~``)."""
        toks = tokens(text)
        found: set[str] = set()
        for i, tok in enumerate(toks):
            for p in self.phrases.get(tok[:MIN_STEM], ()):
                n = len(p.words)
                if i + n <= len(toks) and all(
                        _word_ok(w, toks[i + k], stem=(k == n - 1 and not p.exact_last))
                        for k, w in enumerate(p.words)):
                    found |= p.codes
        return found

    def read(self, path: Path, *, countries: bool = False) -> None:
        """Add the entries of one TABARI actor or agent file; E017 names a file that is not one."""
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            raise NewstraceError(Errors.E017, input=str(path), detail=str(exc)) from exc
        macros: dict[str, list[str]] = {}
        group: list[str] = []
        codes: set[str] = set()
        added = 0

        def flush() -> None:
            nonlocal added
            for name in group:
                for form in _expand(name, macros):
                    self.add(form, codes)
                    added += 1

        for raw in lines:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip() or line.lstrip().startswith("<"):
                continue
            if m := MACRO.match(line.strip()):
                macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
                continue
            found = {c for c in CODE.findall(line) if c.lstrip("~") and c != "---"}
            head = BRACES.sub(lambda b: "", CODE.sub("", line)).strip()
            plurals = [p.strip() for b in BRACES.findall(line) for p in b.split(",") if p.strip()]
            if line[0] in " \t" and not head:
                codes |= found                                   # an indented [CODE] line
            elif head.startswith("+"):
                group += [head[1:].strip(), *plurals]
                codes |= found
            else:
                flush()
                group, codes = [head, *plurals] if head else [], found
            if countries:
                self.countries |= {c for c in found if len(c) == 3 and c.isalpha()}
        flush()
        if not added:
            raise NewstraceError(Errors.E017, input=str(path), detail="no dictionary entries with codes")


def _expand(name: str, macros: dict[str, list[str]]) -> list[str]:
    """``CONGRESS!PERSON!`` -> CONGRESSMAN, CONGRESSMEN ... (unknown macros drop the entry)."""
    m = re.search(r"![A-Z]+!", name)
    if m is None:
        return [name]
    return [x for alt in macros.get(m.group(0), []) for x in _expand(name.replace(m.group(0), alt, 1), macros)]


#: the Phoenix dictionaries, in the order PETRARCH-2 reads them; the first holds the states
PHOENIX_ACTORS = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "Phoenix.MilNonState.actors.txt")
PHOENIX_AGENTS = "Phoenix.agents.txt"


def phoenix_codebook(folder: Path) -> tuple[ActorCodebook, list[Path]]:
    """The codebook of the Phoenix actor and agent dictionaries in ``folder`` and the files read."""
    book = ActorCodebook()
    read = []
    for i, name in enumerate((*PHOENIX_ACTORS, PHOENIX_AGENTS)):
        path = folder / name
        if path.is_file():
            book.read(path, countries=(i == 0))
            read.append(path)
    return book, read
