"""Tests of newstrace.ingest.sources: paths, folders and globs to keyed articles, format by format."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.errors import NewstraceError
from newstrace.ingest.sources import Item, content_hash, iter_inputs
from newstrace.ingest.sources.fields import parse_published
from newstrace.ingest.text import DEFAULT_MAX_CHARS

INPUTS = Path(__file__).resolve().parent.parent / "resources" / "inputs"
FOLDER = INPUTS / "folder"

GOOD_TEXT = (
    "The water board said on Thursday that the reservoir above the town was back to half of its usual "
    "level after a week of rain, and that the ban on watering gardens would be lifted at the weekend.\n"
)

GERMAN_RECORD = (
    '{"text": "Der Stadtrat hat am Dienstag beschlossen, zwei der drei Schwimmbäder zu schließen, nachdem bei '
    "einer Prüfung Risse im Beton gefunden wurden, und die Bäder könnten im Frühjahr wieder öffnen, wenn das Land "
    'die Kosten teile und die Stadt es wolle."}'
)

PAGE_WITH_DATE = b"""<!DOCTYPE html><html><head><title>Market hall fire put out</title>
<meta property="og:site_name" content="Harbour Daily">
<meta property="article:published_time" content="2024-08-20T06:00:00Z"></head>
<body><article><h1>Market hall fire put out</h1>
<p>Firefighters put out a blaze in the old market hall early on Tuesday, the fire service said, and nobody was
hurt because the building had been empty since the traders moved out last year.</p>
<p>A spokesman said the cause of the fire was not yet known and that the roof would have to be taken down.</p>
</article></body></html>"""

PAGE_WITHOUT_DATE = """<!DOCTYPE html><html><head><title>Library to open on Sundays</title></head>
<body><article><h1>Library to open on Sundays</h1>
<p>The town library will open on Sundays from next month, the council said, after a survey found that
many readers could not visit during the week because of their working hours.</p>
<p>\u201cWe listened to what people told us,\u201d the head librarian said, adding that volunteers would
help the staff to cover the extra hours.</p>
</article></body></html>""".encode("cp1252")


def _walk(*paths: Path | str) -> tuple[list[Item], list[NewstraceError]]:
    errors: list[NewstraceError] = []
    items = list(iter_inputs([str(p) for p in paths], max_chars=DEFAULT_MAX_CHARS, errors=errors))
    return items, errors


def _keys(items: list[Item]) -> list[str]:
    return [item.key for item in items]


def _write_warc(path: Path, *, gzip: bool) -> None:
    """Two HTML pages, and between them an image and an error page that are not articles."""
    records = [
        ("https://harbour.example.org/market-fire", "200 OK", "text/html; charset=utf-8", PAGE_WITH_DATE,
         "2024-08-21T10:00:00Z"),
        ("https://harbour.example.org/photo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64),
         "2024-08-21T10:00:01Z"),
        ("https://harbour.example.org/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>",
         "2024-08-21T10:00:02Z"),
        ("https://town.example.org/library-sundays", "200 OK", "text/html; charset=windows-1252",
         PAGE_WITHOUT_DATE, "2024-09-02T14:30:00Z"),
    ]
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for uri, status, content_type, body, date in records:
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
            )
            writer.write_record(record)


def test_sources_folder_walked_sorted_depth_first_skipping_hidden_and_other_files() -> None:
    items, errors = _walk(FOLDER)
    assert errors == []
    assert _keys(items) == [
        str(FOLDER / "a_port_said.txt"),
        str(FOLDER / "c_bridge.html"),
        str(FOLDER / "more" / "b_grain.txt"),
    ]
    bridge = items[1].article
    assert bridge.title == "River bridge reopens after repairs"
    assert bridge.outlet == "The Valley Courier"
    assert bridge.published == datetime.date(2024, 5, 12)
    assert items[0].article.outlet == "Reuters"          # from the dateline, as read_path does
    assert items[2].article.title == "Grain convoy reaches northern depot"


def test_sources_item_key_is_source_path_and_hash_is_full_sha256() -> None:
    items, _ = _walk(INPUTS)
    assert len(items) == 11
    for item in items:
        assert item.article.source_path == item.key
        assert re.fullmatch(r"[0-9a-f]{64}", item.content_hash)
        assert item.content_hash == content_hash(item.article.text)
        assert item.article.id == item.content_hash[:16]      # the same normalisation as article_id


def test_sources_content_hash_ignores_wrapping() -> None:
    assert content_hash("Two  lines\nof text ") == content_hash("Two lines of text")
    assert content_hash("Two lines of text") != content_hash("Two lines of text.")


def test_sources_walks_are_stable() -> None:
    first, first_errors = _walk(INPUTS, INPUTS / "news.rss")
    second, second_errors = _walk(INPUTS, INPUTS / "news.rss")
    assert [(i.key, i.content_hash) for i in first] == [(i.key, i.content_hash) for i in second]
    assert [str(e) for e in first_errors] == [str(e) for e in second_errors]
    assert len({i.key for i in first}) == len(first)          # the feed named again is not read twice


def test_sources_named_file_is_read_even_of_a_type_folders_pass_over() -> None:
    items, errors = _walk(FOLDER / "README.md")
    assert errors == [] and _keys(items) == [str(FOLDER / "README.md")]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("folder/**/*.txt", ["folder/a_port_said.txt", "folder/more/b_grain.txt"]),
        ("*.jsonl", ["wire.jsonl#1", "wire.jsonl#3"]),
        ("news.*", ["news.atom#1", "news.atom#2", "news.rss#1", "news.rss#2"]),
        ("fold*", ["folder/a_port_said.txt", "folder/c_bridge.html", "folder/more/b_grain.txt"]),
    ],
)
def test_sources_glob_matches_in_sorted_order(pattern: str, expected: list[str]) -> None:
    items, _ = _walk(f"{INPUTS}/{pattern}")
    assert _keys(items) == [f"{INPUTS}/{key}" for key in expected]


def test_sources_relative_glob(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INPUTS)
    items, errors = _walk("folder/*.txt")
    assert errors == [] and _keys(items) == [str(FOLDER / "a_port_said.txt")]


def test_sources_jsonl_bad_line_reported_and_walk_goes_on() -> None:
    items, errors = _walk(INPUTS / "wire.jsonl", FOLDER / "a_port_said.txt")
    path = INPUTS / "wire.jsonl"
    assert _keys(items) == [f"{path}#1", f"{path}#3", str(FOLDER / "a_port_said.txt")]
    assert [(e.code, e.fields["input"]) for e in errors] == [("E021", f"{path}#2")]
    assert f"{path}#2" in str(errors[0]) and "not JSON" in str(errors[0])
    talks, floods = items[0].article, items[1].article
    assert (talks.outlet, talks.published, talks.url) == ("Gulf Wire", datetime.date(2024, 6, 3),
                                                         "https://example.org/muscat-talks")
    assert talks.title == "Talks on prisoner exchange resume in Muscat"
    assert talks.text.startswith("Talks on prisoner exchange resume in Muscat\n\nNegotiators")
    # html: the page's text and title, the record's outlet, URL and (RFC 822) date
    assert floods.text.startswith("Flood waters in the lower valley began to recede")
    assert "<p>" not in floods.text
    assert (floods.title, floods.outlet, floods.url) == ("Flood waters recede", "Valley Radio",
                                                        "https://example.org/floods")
    assert floods.published == datetime.date(2024, 7, 10)


def test_sources_errors_raised_when_no_list_is_given() -> None:
    walk = iter_inputs([str(INPUTS / "wire.jsonl")], max_chars=DEFAULT_MAX_CHARS)
    assert next(walk).key.endswith("wire.jsonl#1")
    with pytest.raises(NewstraceError) as excinfo:
        next(walk)
    assert excinfo.value.code == "E021" and str(excinfo.value).startswith(f"[E021] {INPUTS / 'wire.jsonl'}#2:")


def test_sources_csv_rows() -> None:
    items, errors = _walk(INPUTS / "desk.csv")
    path = INPUTS / "desk.csv"
    assert _keys(items) == [f"{path}#1", f"{path}#3"]
    assert [(e.code, e.fields["input"]) for e in errors] == [("E022", f"{path}#2")]
    assert "'text', 'html'" in str(errors[0])
    clinic, mines = items[0].article, items[1].article
    assert (clinic.title, clinic.outlet, clinic.published) == ("Council approves new clinic", "Hill Times",
                                                               datetime.date(2024, 9, 12))
    assert "by road.\n\nShe said" in clinic.text           # a quoted cell keeps its paragraphs
    assert mines.outlet is None                            # an empty cell is no outlet
    assert mines.published is None                         # "not a date": no date, and no error
    assert mines.url == "https://example.org/mines"


def test_sources_rss_items() -> None:
    items, errors = _walk(INPUTS / "news.rss")
    path = INPUTS / "news.rss"
    assert errors == [] and _keys(items) == [f"{path}#1", f"{path}#2"]
    fleet, ferry = items[0].article, items[1].article
    assert fleet.text.startswith("Most of the fishing fleet stayed in port on Monday")
    assert "teaser" not in fleet.text and "<p>" not in fleet.text     # content:encoded wins over description
    assert fleet.title == "Fishing fleet stays in port as storm nears"
    assert fleet.outlet == "Coastal Observer"                         # the channel's title
    assert fleet.url == "https://observer.example.org/fleet-storm"
    assert fleet.published == datetime.date(2024, 10, 14)
    assert ferry.text.startswith("The ferry company said on Tuesday")
    assert ferry.outlet == "Island Gazette"                           # the item's <source>
    assert ferry.url == "https://observer.example.org/ferry-cuts"     # a permalink guid
    assert ferry.published == datetime.date(2024, 10, 15)             # dc:date


def test_sources_atom_entries() -> None:
    items, errors = _walk(INPUTS / "news.atom")
    path = INPUTS / "news.atom"
    assert errors == [] and _keys(items) == [f"{path}#1", f"{path}#2"]
    power, schools = items[0].article, items[1].article
    assert power.title == "Power restored to most of the city"          # type="html" title, tags removed
    assert power.text.startswith("Electricity was restored to most of the city")
    assert power.url == "https://ledger.example.org/power-restored"     # rel="alternate", not rel="edit"
    assert power.published == datetime.date(2024, 11, 1)                # published, as written, not updated
    assert power.outlet == "Northern Ledger"
    assert schools.text.startswith("All schools in the city will reopen on Monday")   # xhtml content
    assert schools.outlet == "Regional Education Bulletin"              # the entry's <source>
    assert schools.published == datetime.date(2024, 11, 3)              # updated, when not published
    assert schools.url == "https://ledger.example.org/schools-reopen"


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_sources_warc_html_responses(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    _write_warc(path, gzip=gzip)
    items, errors = _walk(path)
    key = str(path.resolve())
    assert errors == [] and _keys(items) == [f"{key}#1", f"{key}#2"]
    fire, library = items[0].article, items[1].article
    assert fire.url == "https://harbour.example.org/market-fire"
    assert fire.published == datetime.date(2024, 8, 20)       # the page's own date wins over the capture's
    assert fire.outlet == "Harbour Daily" and fire.title == "Market hall fire put out"
    assert library.url == "https://town.example.org/library-sundays"
    assert library.published == datetime.date(2024, 9, 2)     # WARC-Date, the page has none
    assert "\u201cWe listened" in library.text                # decoded with the charset of the HTTP header


def test_sources_same_file_twice_is_read_once() -> None:
    items, errors = _walk(FOLDER / "a_port_said.txt", FOLDER, FOLDER / ".." / "folder" / "a_port_said.txt")
    assert errors == [] and len(items) == 3 and _keys(items)[0] == str(FOLDER / "a_port_said.txt")


@pytest.mark.parametrize(
    ("name", "content", "code", "words"),
    [
        ("broken.rss", b"this is not XML at all", "E024", "not well-formed XML"),
        ("sitemap.xml", b'<?xml version="1.0"?><urlset><url><loc>https://a.example</loc></url></urlset>',
         "E024", "<urlset>"),
        ("garbage.warc", b"these bytes are no WARC record\r\n\r\n", "E025", "not WARC data"),
        ("other.warc", b"hello\nthis is no archive\n", "E025", "Unknown archive format"),
        ("garbage.warc.gz", b"\x1f\x8b\x08\x00broken gzip", "E025", ""),
        ("empty.jsonl", b"", "E002", "empty"),
        ("binary.jsonl", b"\x00\x01\x02\x03" * 64, "E003", "binary"),
        ("headless.csv", b"headline,body\nA headline,Some words\n", "E023", "no 'text', 'html' column"),
        ("report.pdf", b"%PDF-1.4 not an article", "E026", "'.pdf'; ingest reads .txt"),
        ("data.json", b'{"text": "an article"}', "E026", "'.json'"),
        ("empty.txt", b"", "E002", "empty"),
    ],
)
def test_sources_bad_file_reported_and_walk_goes_on(
    tmp_path: Path, name: str, content: bytes, code: str, words: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    items, errors = _walk(bad, good)
    assert _keys(items) == [str(good.resolve())]
    assert [(e.code, e.fields["input"]) for e in errors] == [(code, str(bad.resolve()))]
    assert str(bad.resolve()) in str(errors[0]) and words in str(errors[0])


@pytest.mark.parametrize(
    ("line", "code", "words"),
    [
        ('["a", "list"]', "E021", "a JSON object was expected, not an array"),
        ('{"text": "' + GOOD_TEXT.strip() + '", "title": 5}', "E021", "field 'title'"),
        ('{"title": "Nothing else", "outlet": "Nobody"}', "E022", "'text', 'html'"),
        ('{"text": "   "}', "E022", "'text', 'html'"),
        (GERMAN_RECORD, "E006", "English"),
        ('{"html": "<html><body><nav>Home</nav></body></html>"}', "E007", "no article text"),
    ],
)
def test_sources_jsonl_bad_record(tmp_path: Path, line: str, code: str, words: str) -> None:
    path = tmp_path / "records.jsonl"
    good = '{"text": "' + GOOD_TEXT.strip() + '"}'
    path.write_text(f"{good}\n\n{line}\n{good}\n", encoding="utf-8")
    items, errors = _walk(path)
    key = str(path.resolve())
    assert _keys(items) == [f"{key}#1", f"{key}#4"]             # line numbers: the blank line keeps its own
    assert [(e.code, e.fields["input"]) for e in errors] == [(code, f"{key}#3")]
    assert words in str(errors[0])


def test_sources_jsonl_line_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    good = ('{"text": "' + GOOD_TEXT.strip() + '"}').encode("utf-8")
    path.write_bytes(b'{"text": "caf\xe9 owners said"}\n' + good + b"\n")
    items, errors = _walk(path)
    key = str(path.resolve())
    assert _keys(items) == [f"{key}#2"]
    assert [(e.code, e.fields["input"]) for e in errors] == [("E004", f"{key}#1")]


def test_sources_feed_item_without_text(tmp_path: Path) -> None:
    path = tmp_path / "thin.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>Thin</title>'
        "<item><title>Headline only</title><link>https://thin.example/1</link></item>"
        f"<item><title>Full</title><description>{GOOD_TEXT}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    items, errors = _walk(path)
    key = str(path.resolve())
    assert _keys(items) == [f"{key}#2"] and items[0].article.outlet == "Thin"
    assert [(e.code, e.fields["input"]) for e in errors] == [("E022", f"{key}#1")]
    assert "content:encoded, description" in str(errors[0])


def test_sources_too_long_item_names_the_item() -> None:
    items, _ = _walk(INPUTS / "wire.jsonl")
    limit = min(len(item.article.text) for item in items)        # the shorter passes, the longer does not
    errors: list[NewstraceError] = []
    assert len(list(iter_inputs([str(INPUTS / "wire.jsonl")], max_chars=limit, errors=errors))) == 1
    assert {e.code for e in errors} == {"E021", "E005"}
    assert all(re.search(r"wire\.jsonl#\d: ", str(e)) for e in errors)


@pytest.mark.parametrize("given", ["no/such/file.txt", "no/such/*.txt"])
def test_sources_missing_path_or_glob_without_matches(given: str) -> None:
    items, errors = _walk(given, FOLDER / "a_port_said.txt")
    assert len(items) == 1
    assert [(e.code, e.fields["input"]) for e in errors] == [("E001", given)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-25", datetime.date(2024, 10, 25)),
        ("2024-10-25T08:30:00Z", datetime.date(2024, 10, 25)),
        ("2024-10-25T23:30:00-05:00", datetime.date(2024, 10, 25)),     # the date as written, not UTC
        ("2024-10-25 08:30", datetime.date(2024, 10, 25)),
        ("2024-10-25T08:30:00.1234567Z", datetime.date(2024, 10, 25)),
        ("Fri, 25 Oct 2024 08:30:00 GMT", datetime.date(2024, 10, 25)),
        ("25 Oct 2024 08:30:00 +0300", datetime.date(2024, 10, 25)),
        ("  Fri, 25 Oct 2024 08:30:00 EST ", datetime.date(2024, 10, 25)),
        ("last Friday", None),
        ("2024-13-45", None),
        ("", None),
        (None, None),
        (20241025, None),
    ],
)
def test_sources_parse_published(value: object, expected: datetime.date | None) -> None:
    assert parse_published(value) == expected
