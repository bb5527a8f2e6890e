"""The web app in a real browser: Debian's Chromium driven by Playwright against a server on 127.0.0.1.

Each test saves a screenshot of the page it checks under docs/screenshots/ (shown in the README).
Skipped, with the reason, where /usr/bin/chromium or the npm-built front-end libraries are missing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newstrace.serve import ServeSettings, create_app
from newstrace.serve.templating import vendor_missing

from .server import running
from .stores import copy_of, hostile_db

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is absent (CI installs Debian's chromium)"),
    pytest.mark.skipif(bool(vendor_missing()), reason="front-end libraries not built: run `npm ci && npm run build` "
                                                      "in web/ (CI does)"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = copy_of(hostile_db(), tmp_path_factory.mktemp("browser"))
    with running(create_app(ServeSettings(db=str(db)))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[test])")
    sync_playwright = sync_api.sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """What a page reported: console errors (CSP violations among them) and dialogs opened."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 900},
                                  accept_downloads=True)
    tab = context.new_page()
    watch = Watch()
    tab.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: watch.errors.append(str(e)))
    tab.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    yield tab, watch
    context.close()
    assert watch.errors == [], "the page logged errors (CSP violations count)"
    assert watch.dialogs == []


def shot(tab: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"))


def test_browser_search_open_article_hover_chain(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.goto("/")
    shot(tab, "home")
    tab.fill(".hero input[name=q]", "drones Izmail")
    tab.press(".hero input[name=q]", "Enter")
    tab.wait_for_url(re.compile(r"/search\?q="))
    assert tab.locator("#article-results li").count() >= 1
    shot(tab, "search")
    tab.locator("#article-results a.title").first.click()
    tab.wait_for_url(re.compile(r"/articles/\d+$"))
    segment = tab.locator("#article-text [data-att]").first
    segment.hover()
    tooltip = tab.locator("#tooltip")
    tooltip.wait_for(state="visible")
    claim_id = segment.get_attribute("data-att")
    chain = tab.locator(f"#claim-{claim_id} .chain").inner_text()
    assert "→" in chain and tooltip.inner_text().endswith(chain.strip())
    assert "active" in (tab.locator(f"#claim-{claim_id}").get_attribute("class") or "")
    shot(tab, "article")


def test_browser_story_graph_in_three_clicks(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.goto("/")
    clicks = 0
    tab.locator("#top-stories a.story-card").first.click()
    clicks += 1
    tab.wait_for_url(re.compile(r"/stories/\d+$"))
    graph = tab.locator("#graph[data-ready='1']")
    graph.wait_for()
    assert clicks <= 3
    assert int(graph.get_attribute("data-nodes") or 0) >= 2
    story_id = tab.url.rsplit("/", 1)[1]
    expected = tab.request.get(f"/api/stories/{story_id}").json()["independent_origins"]
    assert tab.locator("#origin-count").get_attribute("data-origins") == str(expected)
    assert tab.locator("#origin-count").inner_text().startswith(f"{expected} independent origin")
    tab.locator("#timeline[data-reports]").wait_for()
    shot(tab, "story")
    tab.locator("#assertions").scroll_into_view_if_needed()
    tab.evaluate("window.scrollBy(0, -80)")
    shot(tab, "story-assertions")


def test_browser_events_filter_and_csv_download(page: tuple[Any, Watch], tmp_path: Path) -> None:
    tab, _ = page
    tab.goto("/events")
    tab.select_option("select[name=type]", "ASSAULT")
    tab.click(".filters button[type=submit]")
    tab.wait_for_url(re.compile(r"type=ASSAULT"))
    count = int(tab.locator("#event-count").inner_text())
    types = tab.locator("#events tbody td:nth-child(2)").all_inner_texts()
    assert count > 0 and {t.replace("NOT ", "") for t in types} == {"ASSAULT"}
    tab.locator("#events th", has_text="origins").click()
    shot(tab, "events")
    with tab.expect_download() as info:
        tab.click("#download-csv")
    target = tmp_path / "events.csv"
    info.value.save_as(target)
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == count and {r["event_type"] for r in rows} == {"ASSAULT"}


def test_browser_map_has_points(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.goto("/map")
    svg = tab.locator("#map[data-points]")
    svg.wait_for()
    assert int(svg.get_attribute("data-points") or 0) > 0
    assert tab.locator("#map path.country").count() > 100
    shot(tab, "map")


def test_browser_entity_and_outlet_pages(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.goto("/entities?q=Ukraine")
    tab.locator("table a", has_text="Ukraine").first.click()
    tab.wait_for_url(re.compile(r"/entities/\d+$"))
    assert tab.locator("svg.bars rect").count() >= 1
    shot(tab, "entity")
    tab.goto("/outlets")
    tab.locator("table a", has_text="Reuters").first.click()
    tab.locator("#graph[data-ready='1']").wait_for()
    shot(tab, "outlet")


def test_browser_hostile_article_runs_no_script(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    found = tab.request.get("/api/articles", params={"q": "Kidal cowardly"}).json()["data"]
    tab.goto(f"/articles/{found[0]['id']}")
    assert "<script>" in tab.locator("#article-title").inner_text()
    for segment in tab.locator("#article-text [data-att]").all()[:10]:
        segment.hover()
    tab.hover("#article-title")
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    assert tab.locator("#article-text img, #article-text svg, #article-text script, #article-title img").count() == 0
    assert tab.locator("a[href^='javascript']").count() == 0


def test_browser_ingest_paste_with_progress(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.goto("/ingest")
    tab.fill("textarea[name=text]", "KHARTOUM, Sept 24 (Xinhua) -- A convoy of 22 trucks carrying food reached "
                                    "Tawila on Tuesday, the World Food Programme said in a statement.")
    tab.fill("input[name=title]", "Convoy reaches Tawila")
    tab.click("#paste-form button[type=submit]")
    tab.locator("#job[data-state='done']").wait_for(timeout=120_000)
    assert "1 stored" in tab.locator("#job-status").inner_text()
    shot(tab, "ingest")
    tab.locator("#job-articles a").first.click()
    tab.wait_for_url(re.compile(r"/articles/\d+$"))
    assert tab.locator("#article-title").inner_text() == "Convoy reaches Tawila"


def test_browser_api_docs_offline(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.goto("/docs")
    tab.locator(".swagger-ui .opblock").first.wait_for()
    assert tab.locator(".swagger-ui .opblock").count() >= 15
    shot(tab, "api-docs")
