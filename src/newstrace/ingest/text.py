"""Bytes to text, the checks every article text passes, and text to :class:`Article`.

Decoding (:func:`decode_bytes`), in this order:

1. A byte-order mark decides: UTF-8, UTF-16 or UTF-32.
2. Binary data is refused (E003): a known binary signature (``data/file_signatures.yaml``),
   a NUL byte (unless the bytes are BOM-less UTF-16: every other byte NUL), or more than
   5 % control characters.
3. UTF-8.
4. The encoding the document declares (an HTML ``<meta charset>``), if the caller passes it.
5. Windows-1252, only when the bytes decode cleanly, contain no valid multi-byte UTF-8
   (which would mean a file of mixed encodings), at most 20 % of the characters are
   non-ASCII, all of them letters, punctuation or symbols, and at most 5 % of the letters
   are non-ASCII (accented). This is the encoding of most English text that is not UTF-8
   (Word, older Windows editors: curly quotes as 0x93/0x94); the tests keep it from turning
   Cyrillic, Greek or East Asian bytes into mojibake.
6. Otherwise E004, naming the first byte that is not UTF-8 and where it is.

Newlines are normalised to ``\\n``; nothing else in the text is changed, since every
character offset of the analysis points into it.

The English check (:func:`check_text`) is a heuristic of our own, with no model: English
prose has a large share of function words ("the", "of", "and", "is" ...;
``data/english_function_words.yaml``) among its words, text in another language almost none.
"""

from __future__ import annotations

import codecs
import datetime
import logging
import re
import unicodedata
from collections import Counter
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import Errors, NewstraceError
from ..resources import load_entries
from .article import Article
from .dateline import parse_dateline

logger = logging.getLogger(__name__)

DATA = "newstrace.ingest.data"

DEFAULT_MAX_CHARS = 2_000_000
"""Longest text accepted, in characters (E005 beyond)."""

MAX_BYTES_PER_CHAR = 4
"""No encoding we read spends more than 4 bytes on a character: a file over
``MAX_BYTES_PER_CHAR * max_chars`` bytes (plus a BOM) is over the limit without decoding it."""

MAX_CONTROL_SHARE = 0.05
"""Share of control bytes (other than tab, newlines, form feed, escape) beyond which data is binary."""

MAX_FALLBACK_NON_ASCII = 0.20
"""Windows-1252 is accepted only when at most this share of the characters is non-ASCII ..."""

MAX_FALLBACK_ACCENTED = 0.05
"""... and at most this share of the letters (English has few accented letters; Cyrillic,
Greek or Central European bytes read as Windows-1252 give many)."""

MIN_ENGLISH_SHARE = 0.08
"""Share of function words below which a text is refused as not English (E006). Measured with
this word list: English news 13-60 % (median 36 %; the lowest, 13 %, a rugby team sheet), while
French, German, Spanish, Italian, Dutch and Portuguese news text gives 0-2 %."""

MIN_WORDS_FOR_LANGUAGE = 30
"""Texts with fewer words (a headline, a caption) get no function-word verdict: too little evidence."""

LANGUAGE_SAMPLE_CHARS = 50_000
"""The English check reads at most this many characters from the start of the text."""

MAX_NON_LATIN_SHARE = 0.5
"""A text whose letters are mostly in a script other than Latin is not English, however short."""

_BOMS: tuple[tuple[bytes, str, str], ...] = (   # BOM, codec, name in messages
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),     # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_CONTROL_CHARS = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "\x80-\x9f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
# HTML labels that browsers decode as Windows-1252 (WHATWG Encoding Standard, section 4.2).
_WHATWG_CP1252 = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})


class FunctionWords(BaseModel):
    """One word class of ``english_function_words.yaml``."""

    model_config = ConfigDict(extra="forbid")
    category: str
    words: list[str] = Field(min_length=1)
    source: str = Field(min_length=3)

    @field_validator("words")
    @classmethod
    def _lower(cls, words: list[str]) -> list[str]:
        return [w.lower() for w in words]


class FileSignature(BaseModel):
    """One entry of ``file_signatures.yaml``."""

    model_config = ConfigDict(extra="forbid")
    name: str
    magic: bytes
    source: str = Field(min_length=3)

    @field_validator("magic", mode="before")
    @classmethod
    def _from_hex(cls, value: object) -> object:
        """``"25 50 44 46"`` -> ``b"%PDF"``; anything else is left for pydantic to refuse."""
        return bytes.fromhex(value) if isinstance(value, str) else value


@cache
def english_function_words() -> frozenset[str]:
    """The English function words, lower case (loaded once)."""
    entries = load_entries(DATA, "english_function_words.yaml", FunctionWords)
    return frozenset(w for entry in entries for w in entry.words)


@cache
def file_signatures() -> tuple[FileSignature, ...]:
    """Signatures of binary formats (loaded once)."""
    return tuple(load_entries(DATA, "file_signatures.yaml", FileSignature))


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; nothing else changes."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def binary_signature(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts with, if it is a known one."""
    for signature in file_signatures():
        if data.startswith(signature.magic):
            return signature.name
    return None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` (without a BOM) looks binary, or None when it may be text."""
    signature = binary_signature(data)
    if signature is not None:
        return signature
    if b"\x00" in data:
        return "NUL bytes"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(data):
        return "control characters"
    return None


def decode_bytes(data: bytes, name: str, *, declared_encoding: str | None = None) -> str:
    """Decode the bytes of a text or HTML file; ``name`` is what errors call it.

    ``declared_encoding`` is the encoding the document itself names (an HTML
    ``<meta charset>``), tried when the bytes are not UTF-8.
    Raises E002 (empty), E003 (binary) or E004 (encoding); see the module docstring.
    """
    if not data:
        raise NewstraceError(Errors.E002, input=name)
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            return _finish(_decode_strict(data, encoding, name, f"starts with a {label} byte-order mark"), name)
    if binary_signature(data) is None and b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return _finish(utf16, name)
    if binary_reason(data) is not None:
        raise NewstraceError(Errors.E003, input=name)
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared_encoding:
        text = _decode_declared(data, declared_encoding)
        if text is not None:
            logger.info("%s: not UTF-8; decoded as declared %s", name, declared_encoding)
            return normalize_newlines(text)
    text = _decode_cp1252(data)
    if text is not None:
        logger.warning("%s: not UTF-8; decoded as Windows-1252", name)
        return normalize_newlines(text)
    raise NewstraceError(Errors.E004, input=name, detail=_describe_utf8_error(data, utf8_error))


def check_text(text: str, name: str, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Refuse a text that is too long (E005), has no words (E012) or is not English (E006).

    Cheap however long the text: the length is checked first, the language on a sample.
    """
    if len(text) > max_chars:
        raise NewstraceError(Errors.E005, input=name, size=f"{len(text):,}", limit=f"{max_chars:,}")
    if _LETTER.search(text) is None:
        raise NewstraceError(Errors.E012, input=name)
    problem = not_english(text)
    if problem is not None:
        raise NewstraceError(Errors.E006, input=name, detail=problem)


def from_text(
    text: str,
    name: str,
    published: datetime.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    reference: datetime.date | None = None,
    source_path: str | None = None,
) -> Article:
    """The article of a plain text; ``name`` is what errors call the input.

    Newlines are normalised; the text passes :func:`check_text`. An outlet or date not
    given is taken from a dateline in the first lines, if there is one (see
    :func:`~.dateline.parse_dateline`; ``reference`` lets a date without a year get one).
    The dateline stays in the text.
    """
    text = normalize_newlines(text)
    check_text(text, name, max_chars)
    dateline = parse_dateline(text, reference) if (outlet is None or published is None or title is None) else None
    if dateline is not None:
        outlet = outlet if outlet is not None else dateline.outlet
        published = published if published is not None else dateline.published
    if title is None:
        title = headline(text, dateline.span.end if dateline is not None else 0)
    return Article(
        text=text, title=title, outlet=outlet, published=published, url=url, source_path=source_path
    )


def headline(text: str, start: int = 0) -> str | None:
    """The first line from ``start`` when it reads as a headline: a short line standing alone
    (a blank line after it) and not ending a sentence. None when the text opens with prose."""
    if start and text.rfind("\n", 0, start) < text.find("\n", start) and text[start:text.find("\n", start)].strip():
        start = text.find("\n", start)   # the rest of the dateline's own line is not a headline
    rest = text[start:]
    stripped = rest.lstrip()
    if not stripped:
        return None
    line, _, after = stripped.partition("\n")
    line = line.strip()
    words = line.split()
    if not words or len(words) > 20 or line[-1] in ".!?:;," or not after.startswith("\n"):
        return None
    return line


def not_english(text: str) -> str | None:
    """Why ``text`` does not look like English, or None when it does (or is too short to tell)."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    script, share = dominant_script(sample)
    if script != "LATIN" and share > MAX_NON_LATIN_SHARE:
        return f"mostly {script.title()} script"
    words = [w.lower() for w in _WORD.findall(sample.replace("\u2019", "'"))]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    function_words = english_function_words()
    english = sum(1 for w in words if w in function_words) / len(words)
    if english >= MIN_ENGLISH_SHARE:
        return None
    return (
        f"only {english:.0%} of {len(words):,} words are common English words such as 'the' or 'of';"
        f" English text has {MIN_ENGLISH_SHARE:.0%} or more"
    )


def dominant_script(text: str) -> tuple[str, float]:
    """The script most of the letters of ``text`` are written in ("LATIN", "CYRILLIC" ...) and its share."""
    counts: Counter[str] = Counter(_script(c) for c in _LETTER.findall(text))
    if not counts:
        return "LATIN", 0.0
    script, n = counts.most_common(1)[0]
    return script, n / counts.total()


@cache
def _script(letter: str) -> str:
    """First word of the Unicode name of ``letter``: its script, near enough ("CJK", "HANGUL" ...)."""
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]


def _finish(text: str, name: str) -> str:
    """Checks on text decoded from UTF-16/32 or after a BOM, where the byte checks do not apply."""
    if not text:
        raise NewstraceError(Errors.E002, input=name)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise NewstraceError(Errors.E003, input=name)
    return normalize_newlines(text)


def _control_share(text: str) -> float:
    return len(_CONTROL_CHARS.findall(text)) / max(1, len(text))


def _decode_strict(data: bytes, encoding: str, name: str, what: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        detail = f"{what} but byte {exc.start:,} is invalid in that encoding ({exc.reason})"
        raise NewstraceError(Errors.E004, input=name, detail=detail) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: mostly-ASCII text has every other byte NUL."""
    if len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 0.7 * half and even < 0.05 * half:
        encoding = "utf-16-le"
    elif even > 0.7 * half and odd < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _control_share(text) <= MAX_CONTROL_SHARE else None


def _decode_declared(data: bytes, declared: str) -> str | None:
    try:
        encoding = codecs.lookup(declared).name
    except LookupError:
        return None
    if encoding in _WHATWG_CP1252:
        encoding = "cp1252"
    if encoding.startswith(("utf-16", "utf-32", "utf-8")):
        return None  # UTF-8 already failed; a UTF-16/32 file would have a BOM or NULs
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_cp1252(data: bytes) -> str | None:
    """Windows-1252, when the bytes look like English text in it (see the module docstring)."""
    if _UTF8_MULTIBYTE.search(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 127]
    if len(non_ascii) > MAX_FALLBACK_NON_ASCII * len(text):
        return None
    if any(unicodedata.category(c)[0] not in "LPSNZ" for c in non_ascii):
        return None
    letters = len(_LETTER.findall(text))
    if sum(1 for c in non_ascii if c.isalpha()) > MAX_FALLBACK_ACCENTED * letters:
        return None
    return text


def _describe_utf8_error(data: bytes, exc: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, exc.start) + 1
    column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
    mixed = " the file mixes UTF-8 with another encoding;" if _UTF8_MULTIBYTE.search(data) else ""
    return (
        f"byte 0x{data[exc.start]:02X} at line {line}, column {column} is not UTF-8;{mixed}"
        " save the file as UTF-8"
    )
