"""The REST API over the sample corpus: envelopes, filters, details, graphs, exports, validation."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newstrace.serve import ServeSettings, create_app

from .stores import sample_store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(db=sample_store(request.param), writes=False))) as c:
        yield c


def get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("url", ["/api/articles", "/api/entities", "/api/events", "/api/stories", "/api/outlets"])
def test_api_lists_are_paginated_envelopes(client: TestClient, url: str) -> None:
    first = get(client, url, limit=2)
    assert set(first) == {"data", "count"} and len(first["data"]) == 2 and first["count"] > 2
    second = get(client, url, limit=2, offset=2)
    assert second["count"] == first["count"] and second["data"] != first["data"]


def test_api_status_counts(client: TestClient) -> None:
    counts = get(client, "/api/status")["counts"]
    assert counts["articles"] >= 30 and counts["events"] > 0 and counts["clusters"] > 0


def test_api_article_search_and_detail(client: TestClient) -> None:
    found = get(client, "/api/articles", q="Izmail drones")
    assert found["count"] >= 1
    article = get(client, f"/api/articles/{found['data'][0]['id']}")
    assert article["record"]["schema"] == "newstrace.analysis/1"
    text = article["record"]["article"]["text"]
    assert "izmail" in text.lower() and "drone" in text.lower()
    assert client.get("/api/articles/999999").status_code == 404


def test_api_claims_carry_chains(client: TestClient) -> None:
    claims = get(client, "/api/claims", q="killed")
    assert claims["count"] >= 1
    for claim in claims["data"]:
        assert claim["chain"]["links"] and claim["chain"]["types"][-1] == "publisher"


def test_api_entity_page(client: TestClient) -> None:
    found = get(client, "/api/entities", q="ukrain")
    ukraine = next(e for e in found["data"] if e["name"] == "Ukraine")
    entity = get(client, f"/api/entities/{ukraine['id']}")
    assert entity["mentions"] > 0 and entity["mentions_over_time"]
    assert entity["as_actor"] or entity["as_target"]
    assert client.get("/api/entities/999999").status_code == 404


def test_api_events_filter(client: TestClient) -> None:
    every = get(client, "/api/events", limit=500)
    assault = get(client, "/api/events", type="ASSAULT", limit=500)
    assert 0 < assault["count"] < every["count"]
    assert {e["type"] for e in assault["data"]} == {"ASSAULT"}
    strong = get(client, "/api/events", min_origins=3, limit=500)
    assert all(e["independent_origins"] >= 3 for e in strong["data"])


@pytest.mark.parametrize("fmt", ["csv", "parquet", "plover"])
def test_api_export_current_filter(client: TestClient, fmt: str) -> None:
    count = get(client, "/api/events", type="ASSAULT")["count"]
    response = client.get("/api/events/export", params={"format": fmt, "type": "ASSAULT"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == count and {r["event_type"] for r in rows} == {"ASSAULT"}
    elif fmt == "parquet":
        assert response.content[:4] == b"PAR1"
    else:
        assert len(json.loads(response.content)) == count


def test_api_places_for_the_map(client: TestClient) -> None:
    points = get(client, "/api/events/places")
    assert points and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["events"] > 0 for p in points)


def test_api_stories_most_reported_first(client: TestClient) -> None:
    stories = get(client, "/api/stories", limit=10)["data"]
    reports = [s["reports"] for s in stories]
    assert reports == sorted(reports, reverse=True) and reports[0] >= 3


def test_api_story_and_its_graph(client: TestClient) -> None:
    top = get(client, "/api/stories", limit=1)["data"][0]
    story = get(client, f"/api/stories/{top['id']}")
    assert story["independent_origins"] == top["independent_origins"] and story["events"]
    graph = get(client, f"/api/stories/{top['id']}/graph")
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert graph["independent_origins"] == story["independent_origins"]
    groups = {n["group"] for n in graph["nodes"] if n["origin"] and n["group"] is not None}
    assert len(groups) == story["independent_origins"]
    publishers = {n["label"] for n in graph["nodes"] if n["publisher"]}
    assert {e["outlet"] for e in story["events"]} <= publishers
    assert client.get("/api/stories/999999/graph").status_code == 404


def test_api_story_graph_marks_syndication(client: TestClient) -> None:
    copies = [s for s in get(client, "/api/stories", limit=500)["data"]
              if any(e["kind"] == "syndication" for e in get(client, f"/api/stories/{s['id']}/graph")["edges"])]
    assert copies, "the sample corpus holds syndicated copies"


def test_api_story_graph_marks_circular_reporting(client: TestClient) -> None:
    circular = get(client, "/api/stories", circular="true")
    assert circular["count"] >= 1, "the sample corpus holds a case of circular reporting"
    assert all(s["circular"] for s in circular["data"])
    graph = get(client, f"/api/stories/{circular['data'][0]['id']}/graph")
    assert graph["circular"] and any(e["circular"] for e in graph["edges"])


def test_api_outlets(client: TestClient) -> None:
    outlets = get(client, "/api/outlets", limit=500)["data"]
    relaying = next(o for o in outlets if o["cites"] > 0)
    detail = get(client, f"/api/outlets/{relaying['name']}")
    assert detail["cites"] and detail["article_count"] == relaying["articles"]
    graph = get(client, f"/api/outlets/{relaying['name']}/graph")
    assert len(graph["edges"]) == len(detail["cites"]) + len(detail["cited_by"])
    assert client.get("/api/outlets/No Such Outlet Anywhere").status_code == 404


@pytest.mark.parametrize(("url", "params"), [
    ("/api/articles", {"limit": 0}), ("/api/articles", {"limit": 501}), ("/api/articles", {"offset": -1}),
    ("/api/events", {"date_from": "yesterday"}), ("/api/events", {"min_origins": -1}),
    ("/api/articles/0", {}), (f"/api/articles/{2**63}", {}), ("/api/stories/abc", {}),
    ("/api/events/export", {"format": "xlsx"}), ("/api/claims", {}),
])
def test_api_rejects_bad_parameters_with_422(client: TestClient, url: str, params: dict[str, Any]) -> None:
    assert client.get(url, params=params).status_code == 422


@pytest.mark.parametrize("q", ["'; DROP TABLE articles; --", '"unbalanced', "NEAR(a b) OR c*", "%", "_", "\\"])
def test_api_queries_are_bound_parameters(client: TestClient, q: str) -> None:
    before = get(client, "/api/status")["counts"]["articles"]
    for url in ("/api/articles", "/api/claims", "/api/entities", "/api/stories", "/api/outlets"):
        assert client.get(url, params={"q": q}).status_code == 200
    assert get(client, "/api/entities", q=q)["count"] == 0      # a wildcard character matches itself only
    assert get(client, "/api/status")["counts"]["articles"] == before
