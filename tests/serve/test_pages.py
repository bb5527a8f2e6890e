"""Every UI page renders from the store and links to its JSON twin; a story's graph is one click from home."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newstrace.serve import ServeSettings, create_app

from .stores import sample_db

JSON_LINK = re.compile(r'<a class="json" href="([^"]+)"')


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(db=str(sample_db())))) as c:
        yield c


def first_link(html: str, prefix: str) -> str:
    found = re.search(rf'href="({re.escape(prefix)}\d+)"', html)
    assert found, f"no link to {prefix}N"
    return found.group(1)


@pytest.mark.parametrize("url", ["/", "/search?q=drones", "/articles", "/stories", "/events", "/events?type=ASSAULT",
                                 "/map", "/entities", "/outlets", "/ingest", "/docs"])
def test_pages_render_and_link_their_json_twin(client: TestClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = JSON_LINK.search(page.text)
    if url != "/docs":
        assert twin, "every page links its JSON twin"
        assert client.get(twin.group(1).replace("&amp;", "&")).status_code == 200


def test_pages_story_graph_is_one_click_from_home(client: TestClient) -> None:
    home = client.get("/").text
    story_url = first_link(home, "/stories/")
    story = client.get(story_url).text
    graph_src = re.search(r'id="graph" class="graph" data-src="([^"]+)"', story)
    assert graph_src and 'id="origin-count"' in story
    assert client.get(graph_src.group(1)).json()["nodes"]


def test_pages_reader_highlights_and_lists_claims(client: TestClient) -> None:
    article = client.get(first_link(client.get("/articles").text, "/articles/")).text
    assert 'id="article-text"' in article and "data-att=" in article and 'class="claim"' in article
    assert 'class="chain"' in article


def test_pages_entity_and_outlet(client: TestClient) -> None:
    entity = client.get(first_link(client.get("/entities").text, "/entities/"))
    assert entity.status_code == 200 and "Mentions over time" in entity.text
    outlet_href = re.search(r'href="(/outlets/[^"]+)"', client.get("/outlets").text)
    assert outlet_href
    assert "Citation graph" in client.get(outlet_href.group(1)).text


def test_pages_events_downloads_keep_the_filter(client: TestClient) -> None:
    page = client.get("/events", params={"type": "ASSAULT", "place": "", "date_from": "", "min_origins": "2"}).text
    assert 'href="/api/events/export?format=csv&amp;type=ASSAULT&amp;min_origins=2"' in page


def test_pages_unknown_things_give_a_404_page(client: TestClient) -> None:
    for url in ("/articles/999999", "/stories/999999", "/entities/999999", "/outlets/Nobody%20At%20All", "/nowhere"):
        page = client.get(url)
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
