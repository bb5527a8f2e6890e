"""``newstrace ingest`` / ``status`` / corpus queries as a user meets them: idempotent, failures recorded
while the batch goes on, reruns finish the job."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newstrace.cli.app import app

runner = CliRunner()

STORY = ("GAZA CITY, April 2 (Reuters) - Israeli air strikes killed at least 14 people in Khan Younis on "
         "Wednesday, the Gaza health ministry said. The Israeli military said it had struck Hamas fighters.\n")
OTHER = ("NAIROBI, April 3 (AP) - Kenya sent 200 police officers to Haiti on Thursday, the interior "
         "ministry said, the third contingent of a UN-backed mission.\n")


def write_inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "a_copy.txt").write_text(STORY, encoding="utf-8")          # the same article twice
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"text": OTHER.replace("200", "300"), "outlet": "AP"})
                                       + "\n{broken\n", encoding="utf-8")
    return folder


def status(db: str) -> dict[str, object]:
    out = runner.invoke(app, ["status", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    result: dict[str, object] = json.loads(out.stdout)
    return result


def test_ingest_is_idempotent_and_records_failures(tmp_path: Path, store_url: str) -> None:
    inputs = write_inputs(tmp_path / "in")
    first = runner.invoke(app, ["ingest", str(inputs), "--db", store_url, "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "E002" in first.output and "feed.jsonl#2" in first.output        # named, and the batch went on
    st = status(store_url)
    counts = st["counts"]
    assert isinstance(counts, dict)
    assert counts["articles"] == 3 and counts["failures"] == 2 and counts["inputs"] == 6
    again = runner.invoke(app, ["ingest", str(inputs), "--db", store_url, "--no-progress"])
    assert again.exit_code == 0 and "already done 4" in again.output
    assert status(store_url)["counts"] == counts                               # nothing doubled


def test_fixed_input_is_stored_on_rerun_and_its_failure_cleared(tmp_path: Path, store_url: str) -> None:
    inputs = write_inputs(tmp_path / "in")
    runner.invoke(app, ["ingest", str(inputs), "--db", store_url, "--no-progress"])
    (inputs / "empty.txt").write_text(OTHER.replace("Haiti", "Somalia"), encoding="utf-8")
    runner.invoke(app, ["ingest", str(inputs), "--db", store_url, "--no-progress"])
    st = status(store_url)
    assert st["counts"]["articles"] == 4 and st["counts"]["failures"] == 1  # type: ignore[index]


def test_queries_and_exports_read_the_store(tmp_path: Path, store_url: str) -> None:
    inputs = write_inputs(tmp_path / "in")
    runner.invoke(app, ["ingest", str(inputs), "--db", store_url, "--no-progress"])
    events = json.loads(runner.invoke(app, ["events", "--db", store_url, "--type", "ASSAULT", "--json"]).stdout)
    assert events and all(e["type"] == "ASSAULT" for e in events)
    assert any("Khan Younis" in e["evidence"] for e in events)
    none = json.loads(runner.invoke(app, ["events", "--db", store_url, "--type", "ASSAULT",
                                          "--from", "2030-01-01", "--json"]).stdout)
    assert none == []
    csv_out = runner.invoke(app, ["export", "--db", store_url, "--format", "csv", "--type", "ASSAULT"])
    header = csv_out.stdout.splitlines()[0].split(",")
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert len(csv_out.stdout.splitlines()) == len(events) + 1
    claims = runner.invoke(app, ["claims", "--about", "Hamas", "--db", store_url])
    assert claims.exit_code in (0, 2)
    unknown = runner.invoke(app, ["claims", "--about", "Atlantis Liberation Front", "--db", store_url])
    assert unknown.exit_code == 2 and "E028" in unknown.output
    out = tmp_path / "graph.graphml"
    assert runner.invoke(app, ["export", "--db", store_url, "--format", "graphml", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<?xml")
