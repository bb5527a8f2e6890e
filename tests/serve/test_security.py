"""Security: escaping of everything from articles, the CSP, the body limit, the write guard, and
uploads that stay inside the store's folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from newstrace.serve import ServeSettings, create_app
from newstrace.serve.headers import CSP
from newstrace.serve.templating import TEMPLATES, safe_url
from newstrace.serve.uploads import UnsupportedUpload, save_file, suffix_of

from .stores import hostile_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


class ActiveContent(HTMLParser):
    """What in a page could run script: inline scripts, on* handlers, javascript: links, foreign tags."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script" and "src" not in names:
            self.found.append("inline <script>")
        if tag in ("img", "svg", "iframe", "object", "embed"):
            self.found.append(f"<{tag}> from the article")
        self.found.extend(f"{tag} {k}=" for k in names if k.startswith("on"))
        self.found.extend(f"{tag} {k}={v}" for k, v in names.items()
                          if k in ("href", "src", "action") and (v or "").strip().lower().startswith("javascript"))


def active_content(html: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(db=str(hostile_db()), writes=False))) as c:
        yield c


def hostile_id(client: TestClient) -> int:
    found = client.get("/api/articles", params={"q": "Kidal cowardly"}).json()["data"]
    assert found, "the hostile article is in the store"
    return int(found[0]["id"])


def test_security_csp_forbids_inline_script(client: TestClient) -> None:
    script_src = next(d for d in CSP.split("; ") if d.startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    for url in ("/", "/api/status", "/static/css/app.css", "/nowhere"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP and headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_security_templates_hold_no_inline_script_or_handler(template: str) -> None:
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(source) and not HANDLER_ATTRIBUTE.search(source)
    assert not re.search(r"\|\s*safe\b", source) and "autoescape false" not in source


@pytest.mark.parametrize("url", ["/articles/{id}", "/articles", "/search?q=Kidal", "/", "/outlets"])
def test_security_hostile_article_renders_inert(client: TestClient, url: str) -> None:
    html = client.get(url.format(id=hostile_id(client))).text
    assert "Evil Wire" in html, "the page shows the hostile article"
    for payload in ("<script>window", "<img src=x", "<svg onload", "<b onmouseover", "<a href=\"javascript"):
        assert payload not in html
    assert active_content(html) == []


def test_security_hostile_text_shows_as_text(client: TestClient) -> None:
    html = client.get(f"/articles/{hostile_id(client)}").text
    assert "&lt;script&gt;window.__pwned = 4&lt;/script&gt;" in html


def test_security_hostile_article_json_is_data(client: TestClient) -> None:
    response = client.get(f"/api/articles/{hostile_id(client)}")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["url"] == "javascript:window.__pwned = 3"


@pytest.mark.parametrize("url", ["/api/articles?q=a%00b", "/api/outlets/a%00b", "/search?q=%00"])
def test_security_nul_in_url_is_400(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 400


@pytest.mark.parametrize(("url", "safe"), [
    ("https://example.org/a", "https://example.org/a"), ("http://x.y", "http://x.y"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,<b>", None),
    ("vbscript:x", None), ("//evil.example/x", None), ("/relative", None), (None, None),
])
def test_security_safe_url(url: str | None, safe: str | None) -> None:
    assert safe_url(url) == safe


def small_app(tmp_path: Path, **settings: object) -> TestClient:
    values: dict[str, object] = {"db": str(tmp_path / "store.db"), "max_body": 1000}
    values.update(settings)
    return TestClient(create_app(ServeSettings(**values)))  # type: ignore[arg-type]


def test_security_declared_body_over_limit_is_413(tmp_path: Path) -> None:
    with small_app(tmp_path) as client:
        response = client.post("/api/analyze", json={"text": "x" * 2000})
    assert response.status_code == 413 and "NEWSTRACE_MAX_BODY" in response.json()["detail"]


def test_security_streamed_body_over_limit_is_413(tmp_path: Path) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 100
        yield b'"}'

    with small_app(tmp_path) as client:
        response = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize(("settings", "headers", "status"), [
    ({"token": SecretStr("s3cret")}, {}, 401),
    ({"token": SecretStr("s3cret")}, {"Authorization": "Bearer wrong"}, 401),
    ({"writes": False}, {}, 403),
    ({}, {"Origin": "http://evil.example"}, 403),
    ({}, {"Sec-Fetch-Site": "cross-site"}, 403),
])
def test_security_write_guard(tmp_path: Path, settings: dict[str, object], headers: dict[str, str],
                              status: int) -> None:
    with small_app(tmp_path, **settings) as client:
        assert client.post("/api/articles", json={"text": "Officials said."}, headers=headers).status_code == status
        files = {"files": ("a.txt", b"Officials said.", "text/plain")}
        assert client.post("/api/articles/upload", files=files, headers=headers).status_code == status


@pytest.mark.parametrize("name", ["../../evil.txt", "/etc/passwd.txt", "..\\..\\evil.html", "a/../../b.jsonl",
                                  "feed.RSS", "crawl.warc.gz"])
def test_security_upload_names_never_become_paths(tmp_path: Path, name: str) -> None:
    batch = tmp_path / "store" / "uploads" / "batch"
    batch.mkdir(parents=True)
    path = save_file(batch, 3, name, b"data")
    assert path.parent == batch.resolve() and path.name == f"0003{suffix_of(name)}"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [path.name]


@pytest.mark.parametrize("name", ["evil.exe", "noext", ".txt", "", None, "readme.md"])
def test_security_upload_refuses_unknown_types(name: str | None) -> None:
    with pytest.raises(UnsupportedUpload):
        suffix_of(name)
