"""Reader of PETRARCH validation records (``<Sentence>`` with ``<EventCoding>`` and ``<Text>``).

The files are XML-like but not well-formed (``<Sentence .../>`` closed again by ``</Sentence>``,
unclosed ``<EventCoding>``), so they are read with tolerant patterns. A file names the verb
dictionary its codes come from (``<Verbfile>``): ``CAMEO*`` files carry CAMEO codes; the
validation-suite verb file carries WEIS-derived codes (as its own header says), which the
CAMEO table must not be applied to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import Errors, NewstraceError
from .plover_gold import GoldActor, GoldCoding, GoldFile, GoldRecord, merge_same_text, parse_date

SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.DOTALL)
CODING = re.compile(r"<EventCoding\b([^>]*)>")
TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
ATTR = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
VERBFILE = re.compile(r"<Verbfile(?:\s+name\s*=\s*\"([^\"]*)\"[^>]*>|>\s*([^<\s]+)\s*</Verbfile>)")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
UNKNOWN = {"", "---"}


def verb_file(text: str) -> str | None:
    """The verb dictionary a validation file is coded with, from its ``<Environment>``."""
    m = VERBFILE.search(COMMENT.sub("", text))
    return (m.group(1) or m.group(2)).strip() if m else None


def code_system(verbfile: str | None) -> str:
    """``cameo`` for CAMEO verb dictionaries, else ``other:<file>`` (its codes are not CAMEO)."""
    return "cameo" if verbfile and verbfile.upper().startswith("CAMEO") else f"other:{verbfile}"


def _actor(code: str | None) -> tuple[GoldActor, ...]:
    code = (code or "").strip().upper()
    return () if code in UNKNOWN else (GoldActor(code=code),)


def _coding(attrs: dict[str, str], types: Callable[[str], str | None]) -> GoldCoding | None:
    """One ``<EventCoding>``; None for ``noevents`` and ``error`` (the sentence yields nothing)."""
    code = attrs.get("eventcode", "").strip()
    if not code or "noevents" in attrs or "error" in attrs:
        return None
    return GoldCoding(type=types(code), label=code, sources=_actor(attrs.get("sourcecode")),
                      targets=_actor(attrs.get("targetcode")))


def read_petrarch(path: Path, types: Callable[[str], str | None]) -> tuple[GoldFile, str]:
    """The records of one validation file and the file's code system (see :func:`code_system`).

    ``types`` maps an event code to a PLOVER type. A file with no ``<Sentence>`` record raises
    E017 naming it; a record without text or with a bad date is skipped with the reason.
    """
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewstraceError(Errors.E017, input=str(path), detail=str(exc)) from exc
    system = code_system(verb_file(content))
    blocks = SENTENCE.findall(COMMENT.sub("", content))
    if not blocks:
        raise NewstraceError(Errors.E017, input=str(path), detail="no <Sentence> records")
    out = GoldFile(path=path)
    for head, body in blocks:
        attrs = dict(ATTR.findall(head))
        rid = attrs.get("id", "?")
        text = TEXT.search(body)
        words = " ".join(text.group(1).split()) if text else ""
        if not words:
            out.skipped.append(f"{path.name} {rid}: no text")
            continue
        date = parse_date(attrs.get("date"))
        if attrs.get("date") and date is None:
            out.skipped.append(f"{path.name} {rid}: bad date {attrs['date']!r}")
            continue
        codings = [c for c in (_coding(dict(ATTR.findall(a)), types) for a in CODING.findall(body)) if c]
        out.records.append(GoldRecord(id=rid, file=path.name, text=words, date=date,
                                      codings=list(dict.fromkeys(codings)), category=attrs.get("category")))
    out.records = merge_same_text(out.records)
    return out, system
