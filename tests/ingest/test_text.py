"""Tests of newstrace.ingest.text: decoding and the checks on article text."""

from __future__ import annotations

import codecs
import datetime
import time

import pytest

from newstrace.errors import NewstraceError
from newstrace.ingest.text import check_text, decode_bytes, dominant_script, from_text, not_english

ENGLISH = (
    "The county council voted on Tuesday to close two of its three public swimming pools after an "
    "inspection found cracks in the concrete, officials said. The mayor told reporters that the repairs "
    "would cost more than the town could afford this year, and that the pools might reopen in the spring "
    "if the regional government agreed to share the bill. Residents who gathered outside the town hall "
    "said they had not been consulted.\n"
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, zwei der drei öffentlichen Schwimmbäder zu schließen, "
    "nachdem bei einer Prüfung Risse im Beton gefunden wurden. Der Bürgermeister sagte, die Reparaturen "
    "würden mehr kosten, als sich die Stadt in diesem Jahr leisten könne, und die Bäder könnten im "
    "Frühjahr wieder öffnen, wenn das Land die Kosten teile.\n"
)
FRENCH = (
    "Le conseil municipal a voté mardi la fermeture de deux de ses trois piscines publiques après "
    "qu'une inspection a révélé des fissures dans le béton. Le maire a déclaré aux journalistes que les "
    "réparations coûteraient plus que ce que la ville pouvait se permettre cette année.\n"
)
SPANISH = (
    "El ayuntamiento votó el martes cerrar dos de sus tres piscinas públicas después de que una "
    "inspección encontrara grietas en el hormigón. El alcalde dijo a los periodistas que las "
    "reparaciones costarían más de lo que la ciudad podía permitirse este año.\n"
)
RUSSIAN_SHORT = "Городской совет во вторник проголосовал за закрытие двух бассейнов."


def _error(excinfo: pytest.ExceptionInfo[NewstraceError], code: str, name: str) -> None:
    assert excinfo.value.code == code
    assert name in str(excinfo.value)
    assert str(excinfo.value).startswith(f"[{code}]")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"The bridge closed.\n", "The bridge closed.\n"),
        (codecs.BOM_UTF8 + "Caf\u00e9 owners said.".encode(), "Caf\u00e9 owners said."),
        (codecs.BOM_UTF16_LE + "The \u201cbridge\u201d closed.".encode("utf-16-le"), "The \u201cbridge\u201d closed."),
        (codecs.BOM_UTF16_BE + "The bridge closed.".encode("utf-16-be"), "The bridge closed."),
        (codecs.BOM_UTF32_LE + "The bridge closed.".encode("utf-32-le"), "The bridge closed."),
        ("The bridge closed, officials said.".encode("utf-16-le"), "The bridge closed, officials said."),
        (b"Line one.\r\nLine two.\rLine three.\n", "Line one.\nLine two.\nLine three.\n"),
        # Windows-1252 curly quotes and an e-acute: decoded, not refused
        (b"He said \x93we will rebuild\x94 at the caf\xe9.", "He said \u201cwe will rebuild\u201d at the caf\u00e9."),
    ],
)
def test_text_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "sample.txt") == expected


def test_text_decode_uses_declared_encoding() -> None:
    data = "<p>Stra\u00dfe und Caf\u00e9 \u00e0 la carte \u00e9t\u00e9 \u00eele</p>".encode("iso-8859-15")
    assert decode_bytes(data, "page.html", declared_encoding="iso-8859-15").startswith("<p>Stra\u00dfe")


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (b"", "E002", "empty"),
        (codecs.BOM_UTF8, "E002", "empty"),
        (codecs.BOM_UTF16_LE + "The bridge".encode("utf-16-le") + b"\x00", "E004", "UTF-16 byte-order mark"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "E003", "binary"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "E003", "binary"),
        (b"The bridge\x00 closed.\x00\x00\x01", "E003", "binary"),
        (bytes(range(1, 32)) * 20 + b"text", "E003", "binary"),
        # Cyrillic in Windows-1251: would decode as Windows-1252 mojibake, so it is refused
        ("Городской совет проголосовал за закрытие".encode("cp1251"), "E004", "line 1, column 1"),
        # 0x81 and 0x8D are undefined in Windows-1252
        (b"The bridge closed.\nIt will \x81\x8d reopen.", "E004", "line 2, column 9"),
        # UTF-8 with one stray Windows-1252 byte: a file of mixed encodings
        ("Caf\u00e9 owners said ".encode() + b"\x93no\x94.", "E004", "mixes UTF-8"),
    ],
)
def test_text_decode_refuses(data: bytes, code: str, words: str) -> None:
    with pytest.raises(NewstraceError) as excinfo:
        decode_bytes(data, "bad-input.txt")
    _error(excinfo, code, "bad-input.txt")
    assert words in str(excinfo.value)


def test_text_check_accepts_english() -> None:
    check_text(ENGLISH, "ok.txt")
    check_text("Ukraine strikes fuel depot", "headline.txt")  # too short for a verdict: accepted


@pytest.mark.parametrize("text", [GERMAN * 2, FRENCH * 2, SPANISH * 2, RUSSIAN_SHORT])
def test_text_check_refuses_other_languages(text: str) -> None:
    with pytest.raises(NewstraceError) as excinfo:
        check_text(text, "foreign.txt")
    _error(excinfo, "E006", "foreign.txt")


def test_text_not_english_explains() -> None:
    assert not_english(ENGLISH) is None
    assert "Cyrillic" in (not_english(RUSSIAN_SHORT) or "")
    assert "words are common English words" in (not_english(GERMAN * 2) or "")
    assert dominant_script(RUSSIAN_SHORT)[0] == "CYRILLIC"


def test_text_check_accepts_english_with_foreign_quote() -> None:
    check_text(ENGLISH * 3 + GERMAN, "mixed.txt")


@pytest.mark.parametrize("text", ["   \n\t\n", "2024 - 17 - 33.5 %", "\u2014 \u2014 ... !!!"])
def test_text_check_refuses_text_without_words(text: str) -> None:
    with pytest.raises(NewstraceError) as excinfo:
        check_text(text, "numbers.txt")
    _error(excinfo, "E012", "numbers.txt")


def test_text_check_refuses_over_limit_quickly() -> None:
    text = ENGLISH * 30_000  # about 10 million characters
    start = time.perf_counter()
    with pytest.raises(NewstraceError) as excinfo:
        check_text(text, "huge.txt")
    assert time.perf_counter() - start < 1.0
    _error(excinfo, "E005", "huge.txt")
    assert "2,000,000" in str(excinfo.value)
    check_text(ENGLISH * 3, "small.txt", max_chars=10_000)
    with pytest.raises(NewstraceError):
        check_text(ENGLISH * 100, "small.txt", max_chars=10_000)


def test_text_from_text_reads_dateline_and_keeps_text() -> None:
    text = "KYIV, Ukraine (AP) \u2014 " + ENGLISH
    article = from_text(text, "kyiv.txt")
    assert article.outlet == "AP"
    assert article.published is None
    assert article.text == text  # the dateline stays: offsets point into the text as given


def test_text_from_text_given_fields_win() -> None:
    text = "from the News Desk at The Cradle, December 11, 2024\n\n" + ENGLISH
    article = from_text(text, "desk.txt", outlet="Another Outlet")
    assert article.outlet == "Another Outlet"
    assert article.published == datetime.date(2024, 12, 11)


def test_text_from_text_normalises_newlines() -> None:
    article = from_text(ENGLISH.replace("\n", "\r\n") * 2, "crlf.txt")
    assert "\r" not in article.text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Example Wire, May 2, 2024\n\nTroops pull back from the river town\n\nThe army said on Tuesday ...", "Troops pull back from the river town"),
        ("The army said on Tuesday that troops had pulled back from the river town.\n\nMore later.", None),
        ("EXR - Published on 28.08.2024 - By the desk\n\nDozens killed in village raid\n\nGunmen attacked ...", "Dozens killed in village raid"),
    ],
)
def test_text_headline_after_dateline(text: str, title: str | None) -> None:
    assert from_text(text, "t.txt").title == title
