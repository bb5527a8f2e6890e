"""Analysis without storing, and ingest (paste or upload) as a background job with progress."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newstrace.serve import ServeSettings, create_app

ARTICLE = ("BEIRUT, March 3 (Reuters) - Israeli air strikes killed at least 12 people in the southern Lebanese "
           "town of Nabatieh on Monday, Lebanon's health ministry said. The Israeli military said it had struck "
           "Hezbollah targets in the area.")
SECOND = ("KHARTOUM, Sept 24 (Xinhua) -- A convoy of 22 trucks carrying food reached Tawila on Tuesday, the "
          "World Food Programme said in a statement.")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(db=str(tmp_path / "store" / "corpus.db")))) as c:
        yield c


def wait(client: TestClient, job: dict[str, Any], timeout: float = 300) -> dict[str, Any]:
    began = time.monotonic()
    while job["state"] not in ("done", "failed"):
        assert time.monotonic() - began < timeout, f"job still {job['stage']} after {timeout} s"
        time.sleep(0.3)
        job = client.get(f"/api/jobs/{job['id']}").json()
    return job


def test_ingest_analyze_returns_the_record_and_stores_nothing(client: TestClient) -> None:
    response = client.post("/api/analyze", json={"text": ARTICLE, "published": "2025-03-03"})
    assert response.status_code == 200
    record = response.json()
    assert record["schema"] == "newstrace.analysis/1" and record["article"]["outlet"] == "Reuters"
    assert record["attributions"] and all(a["chain"][-1]["name"] == "Reuters" for a in record["attributions"])
    assert client.get("/api/status").json()["counts"]["articles"] == 0


GERMAN = ("Dies ist ein deutscher Text über das Wetter heute und morgen in der Stadt. Es regnet sehr viel und "
          "die Leute bleiben zu Hause, weil es kalt ist und der Wind stark weht.")


@pytest.mark.parametrize("body", [{"text": "... --- !!!"}, {"text": GERMAN}, {"text": ""}, {},
                                  {"text": ARTICLE, "published": "not a date"}])
def test_ingest_analyze_refuses_bad_text_with_422(client: TestClient, body: dict[str, str]) -> None:
    assert client.post("/api/analyze", json=body).status_code == 422


def test_ingest_pasted_article_with_progress(client: TestClient, tmp_path: Path) -> None:
    response = client.post("/api/articles", json={"text": ARTICLE, "title": "Strikes on Nabatieh",
                                                  "outlet": "Reuters", "published": "2025-03-03"})
    assert response.status_code == 202
    job = wait(client, response.json())
    assert job["state"] == "done", job
    assert (job["total"], job["processed"], job["stored"]) == (1, 1, 1) and len(job["articles"]) == 1
    article = client.get(f"/api/articles/{job['articles'][0]}").json()
    assert article["title"] == "Strikes on Nabatieh" and str(article["published"]) == "2025-03-03"
    assert client.get("/api/status").json()["counts"]["clusters"] > 0, "ingest corroborates"
    assert not any((tmp_path / "store" / "uploads").iterdir()), "the paste is removed once ingested"
    again = wait(client, client.post("/api/articles", json={"text": ARTICLE, "title": "Strikes on Nabatieh",
                                                            "outlet": "Reuters", "published": "2025-03-03"}).json())
    assert again["duplicates"] == 1 and again["articles"] == job["articles"]


def test_ingest_uploaded_files(client: TestClient, tmp_path: Path) -> None:
    files = [("files", ("../one.txt", ARTICLE.encode(), "text/plain")),
             ("files", ("two.html", f"<html><body><article><p>{SECOND}</p></article></body></html>".encode(),
                        "text/html"))]
    response = client.post("/api/articles/upload", files=files)
    assert response.status_code == 202
    job = wait(client, response.json())
    assert job["state"] == "done" and job["stored"] == 2, job
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"], "nothing written outside the store folder"


@pytest.mark.parametrize(("files", "status"), [
    ([("files", ("virus.exe", b"MZ", "application/octet-stream"))], 415),
    ([("other", ("a.txt", b"text", "text/plain"))], 422),
])
def test_ingest_upload_refusals(client: TestClient, files: list[Any], status: int) -> None:
    assert client.post("/api/articles/upload", files=files).status_code == status


def test_ingest_upload_needs_multipart(client: TestClient) -> None:
    assert client.post("/api/articles/upload", json={"files": []}).status_code == 415


def test_ingest_unknown_job_is_404(client: TestClient) -> None:
    assert client.get("/api/jobs/nope").status_code == 404
