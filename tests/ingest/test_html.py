"""Tests of newstrace.ingest.html, on pages written for these tests."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from newstrace.errors import NewstraceError
from newstrace.ingest.html import declared_charset, from_html, has_prose, looks_like_html
from newstrace.ingest.read import read_path

BODY = """
    <p>The old harbour bridge will close to traffic for six weeks from 3 May 2024, the county council said
    on Wednesday, after engineers found that two of its steel supports had corroded more than expected.</p>
    <p>Council officials told a public meeting that buses would be diverted over the ring road and that a
    free ferry would run every twenty minutes during the day. Shop owners near the quay said they feared a
    drop in trade.</p>
    <p>\u201cWe understand that this is hard for people who cross the bridge every day,\u201d said the
    council\u2019s head of transport, who added that the work could not wait until the autumn.</p>
"""

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge to close for repairs | The Lakeside Courier</title>
  <meta property="og:site_name" content="The Lakeside Courier">
  <meta property="og:title" content="Harbour bridge to close for repairs">
  <meta property="article:published_time" content="2024-04-17T08:30:00+00:00">
  <link rel="canonical" href="https://lakeside-courier.example/news/harbour-bridge">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Harbour bridge to close for repairs</h1>
    {BODY}
  </article>
  <aside><h3>Most read</h3><ul><li><a href="/a">Council tax rises</a></li></ul></aside>
  <footer>Copyright 2024 The Lakeside Courier. All rights reserved.</footer>
</body>
</html>
"""

# No site name and no date in the markup: the dateline in the body supplies them.
PAGE_WITH_DATELINE = f"""<!DOCTYPE html>
<html><head><title>Bridge closes</title></head>
<body><article>
<p>from the News Desk at The Lakeside Courier, April 17, 2024</p>
{BODY}
</article></body></html>
"""


def test_html_page_text_and_metadata() -> None:
    article = from_html(PAGE, "bridge.html")
    assert article.title == "Harbour bridge to close for repairs"
    assert article.outlet == "The Lakeside Courier"
    assert article.published == datetime.date(2024, 4, 17)  # the metadata, not the date in the text
    assert article.url == "https://lakeside-courier.example/news/harbour-bridge"
    assert "steel supports had corroded" in article.text
    assert "drop in trade." in article.text
    assert "\u201cWe understand" in article.text
    for boilerplate in ("Most read", "All rights reserved", "Sport"):
        assert boilerplate not in article.text


def test_html_given_url_wins() -> None:
    assert from_html(PAGE, "bridge.html", url="https://example.org/x").url == "https://example.org/x"


def test_html_dateline_fills_missing_metadata() -> None:
    article = from_html(PAGE_WITH_DATELINE, "bridge.html")
    assert article.outlet == "The Lakeside Courier"
    assert article.published == datetime.date(2024, 4, 17)


def test_html_read_from_file(tmp_path: Path) -> None:
    path = tmp_path / "bridge.htm"
    path.write_text(PAGE, encoding="utf-8")
    article = read_path(path)
    assert article.outlet == "The Lakeside Courier"
    assert article.source_path == str(path)


def test_html_declared_charset_decodes(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("\u201c", '"').replace("\u201d", '"')
    page = page.replace("\u2019", "'").replace("the county council", "the caf\u00e9 owners and the county council")
    path = tmp_path / "latin1.html"
    path.write_bytes(page.encode("iso-8859-1"))
    assert "caf\u00e9 owners" in read_path(path).text


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html><html><head><title>Empty</title></head><body></body></html>",
        "<html><head><title>App</title></head><body><div id='root'></div><script>var x = 1;</script></body></html>",
        (
            "<html><body><nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>About us</a></li></ul></nav>"
            "<footer>(c) 2024</footer></body></html>"
        ),
    ],
)
def test_html_without_article(html: str) -> None:
    with pytest.raises(NewstraceError) as excinfo:
        from_html(html, "nothing.html")
    assert excinfo.value.code == "E007"
    assert "nothing.html" in str(excinfo.value)


def test_html_sniffing_helpers() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("  <!-- saved page -->\n<html><body></body></html>")
    assert not looks_like_html("The <b> tag is bold, the council said.")
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">') == (
        "windows-1252"
    )
    assert declared_charset(b"<p>no declaration</p>") is None
    assert has_prose("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen")
    assert not has_prose("Home\nAbout us\nContact")


def test_html_over_limit(tmp_path: Path) -> None:
    with pytest.raises(NewstraceError) as excinfo:
        from_html(PAGE, "bridge.html", max_chars=len(PAGE) // 20)
    assert excinfo.value.code == "E014"
    assert "bridge.html" in str(excinfo.value)
    path = tmp_path / "big.html"
    path.write_text(PAGE, encoding="utf-8")
    with pytest.raises(NewstraceError) as excinfo:
        read_path(path, max_chars=len(PAGE) // 50)  # refused from the file size, before reading
    assert excinfo.value.code == "E014"
    with pytest.raises(NewstraceError) as excinfo:
        from_html(PAGE, "bridge.html", max_chars=len(PAGE) // 10 + 1)  # the page fits, its text does not
    assert excinfo.value.code == "E005"
