"""Tests of newstrace.ingest.read: files and standard input, one test per kind of bad input."""

from __future__ import annotations

import datetime
import io
import time
from pathlib import Path

import pytest

from newstrace.errors import NewstraceError
from newstrace.ingest.read import from_bytes, read_path, read_stdin
from newstrace.ingest.text import DEFAULT_MAX_CHARS

ARTICLE = (
    "BEIRUT, March 3 (Reuters) - Lebanon's caretaker government said on Monday that it would ask "
    "parliament to approve an emergency budget for the southern districts, where shelling has damaged "
    "schools, water pumps and two hospitals since the start of the year.\n\n"
    "The finance minister told reporters that the money would come from a loan that the central bank "
    "had already agreed, and that aid groups had been asked to help with the repairs.\n"
)
# An opening quotation mark that is never closed: common in real copy, and must be accepted.
UNBALANCED = (
    "The harbour master said the ferry would not sail before noon. \u201cThe wind is too strong for "
    "a boat of that size, he told passengers waiting at the quay, some of whom had been there since "
    "dawn. A second ferry, which is larger, was expected to leave on time.\n"
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, zwei der drei öffentlichen Schwimmbäder zu schließen, "
    "nachdem bei einer Prüfung Risse im Beton gefunden wurden. Der Bürgermeister sagte, die Reparaturen "
    "würden mehr kosten, als sich die Stadt in diesem Jahr leisten könne, und die Bäder könnten im "
    "Frühjahr wieder öffnen, wenn das Land die Kosten teile. Anwohner sagten, sie seien nicht gefragt worden.\n"
)
NO_ARTICLE_HTML = """<!DOCTYPE html>
<html><head><title>Sign in</title></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/login">Sign in</a></li></ul></nav>
<form action="/login"><input name="user"><input type="password" name="pw"><button>Go</button></form>
<footer>(c) 2024</footer></body></html>
"""


def _raises(path: Path, code: str, max_chars: int = DEFAULT_MAX_CHARS) -> NewstraceError:
    with pytest.raises(NewstraceError) as excinfo:
        read_path(path, max_chars=max_chars)
    error = excinfo.value
    assert error.code == code, str(error)
    assert str(path) in str(error)
    return error


def test_read_text_file(tmp_path: Path) -> None:
    path = tmp_path / "beirut.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    article = read_path(path, reference=datetime.date(2024, 6, 1))
    assert article.text == ARTICLE
    assert article.outlet == "Reuters"
    assert article.published == datetime.date(2024, 3, 3)
    assert article.source_path == str(path)
    assert read_path(str(path)).published is None  # no year and no reference: no date


def test_read_missing_file(tmp_path: Path) -> None:
    _raises(tmp_path / "nowhere.txt", "E001")


def test_read_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _raises(path, "E002")


def test_read_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    _raises(path, "E003")


def test_read_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Городской совет проголосовал за закрытие бассейнов.".encode("cp1251"))
    error = _raises(path, "E004")
    assert "UTF-8" in str(error)


def test_read_windows_1252_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    text = ARTICLE.replace("Lebanon's", "Lebanon\u2019s").replace("loan that", "loan \u2013 that")
    path.write_bytes(text.encode("cp1252"))
    assert read_path(path).text == text


def test_read_huge_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as stream:
        for _ in range(10 * 1024 * 1024 // len(ARTICLE) + 1):
            stream.write(ARTICLE)
    assert path.stat().st_size > 10 * 1024 * 1024
    start = time.perf_counter()
    error = _raises(path, "E005")
    assert time.perf_counter() - start < 2.0
    assert "2,000,000" in str(error)


def test_read_over_configured_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 20, encoding="utf-8")
    _raises(path, "E005", max_chars=len(ARTICLE) * 10)
    assert read_path(path, max_chars=len(ARTICLE) * 20).text == ARTICLE * 20


def test_read_non_english_file(tmp_path: Path) -> None:
    path = tmp_path / "stadtrat.txt"
    path.write_text(GERMAN, encoding="utf-8")
    _raises(path, "E006")


def test_read_unbalanced_quotes_accepted(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(UNBALANCED, encoding="utf-8")
    assert read_path(path).text == UNBALANCED


def test_read_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "login.html"
    path.write_text(NO_ARTICLE_HTML, encoding="utf-8")
    _raises(path, "E007")


def test_read_text_without_words(tmp_path: Path) -> None:
    path = tmp_path / "numbers.txt"
    path.write_text("12 34 56\n78 90\n", encoding="utf-8")
    _raises(path, "E012")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
        ("letter.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(200)),
    ],
)
def test_read_unsupported_binary_type(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    error = _raises(path, "E008")
    assert Path(name).suffix in str(error)


def test_read_directory(tmp_path: Path) -> None:
    _raises(tmp_path, "E009")


def test_read_unknown_suffix_sniffs_content(tmp_path: Path) -> None:
    text_file = tmp_path / "story.eml"
    text_file.write_text(ARTICLE, encoding="utf-8")
    assert read_path(text_file).outlet == "Reuters"
    html_file = tmp_path / "saved-page"
    html_file.write_text(NO_ARTICLE_HTML, encoding="utf-8")
    _raises(html_file, "E007")  # read as HTML, and holds no article


def test_read_stdin_text_and_errors() -> None:
    article = read_stdin(io.BytesIO(ARTICLE.encode("utf-8")))
    assert article.source_path == "<stdin>"
    assert article.outlet == "Reuters"
    for data, code in [(b"", "E002"), (GERMAN.encode("utf-8"), "E006"), (b"\x00\x01\x02" * 50, "E003")]:
        with pytest.raises(NewstraceError) as excinfo:
            read_stdin(io.BytesIO(data))
        assert excinfo.value.code == code
        assert "<stdin>" in str(excinfo.value)


def test_read_stdin_over_limit_stops_reading() -> None:
    stream = io.BytesIO(ARTICLE.encode("utf-8") * 100)
    with pytest.raises(NewstraceError) as excinfo:
        read_stdin(stream, max_chars=len(ARTICLE))
    assert excinfo.value.code == "E005"
    assert stream.tell() < len(ARTICLE) * 100


def test_read_from_bytes_html_kind() -> None:
    with pytest.raises(NewstraceError) as excinfo:
        from_bytes(NO_ARTICLE_HTML.encode(), "feed-item-7", kind="html")
    assert excinfo.value.code == "E007"
    assert "feed-item-7" in str(excinfo.value)
