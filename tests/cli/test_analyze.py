"""The ``newstrace analyze`` command as a user meets it: records out, coded errors for bad files,
and in a multi-file run the good files still produce records."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli.app import app

GOOD = (
    "KHARTOUM, June 3 (Reuters) - Sudan's army said on Tuesday it had retaken two villages near "
    "Omdurman from the Rapid Support Forces (RSF), a week after the paramilitary group seized them.\n\n"
    "\"Our forces will continue until every town is free,\" army spokesman Nabil Abdallah told reporters. "
    "The RSF did not respond to a request for comment.\n\nPublished: 2025-06-03\n"
)
GERMAN = ("Der Stadtrat hat am Dienstag beschlossen, die beiden Hallenbäder der Stadt im kommenden "
          "Winter zu schließen, weil die Kosten für Energie und Personal weiter gestiegen sind und die "
          "Verwaltung keine andere Lösung gefunden hat.")
NO_ARTICLE_HTML = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>"

Writer = Callable[[Path], Path]


def _write(name: str, data: bytes) -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return write


def _big(folder: Path) -> Path:
    path = folder / "huge.txt"
    path.write_bytes(b"The council met again and said nothing new. " * 240_000)   # ~10.5 MB
    return path


BAD_CASES: list[tuple[str, Writer, str]] = [
    ("empty", _write("empty.txt", b""), "E002"),
    ("binary", _write("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "E003"),
    ("non-utf8", _write("cyrillic.txt", "Городской совет проголосовал за закрытие бассейнов.".encode("cp1251")), "E004"),
    ("10 MB", _big, "E005"),
    ("non-English", _write("stadtrat.txt", GERMAN.encode()), "E006"),
    ("HTML without article", _write("menu.html", NO_ARTICLE_HTML.encode()), "E007"),
]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_analyze_json_record_of_one_file(runner: CliRunner, good_file: Path, nlp: object) -> None:
    result = runner.invoke(app, ["analyze", str(good_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "newstrace.analysis/1"
    assert record["article"]["outlet"] == "Reuters" and record["article"]["published"] == "2025-06-03"
    assert any(a["chain"][-1]["type"] == "publisher" for a in record["attributions"])


@pytest.mark.parametrize(("case", "writer", "code"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_analyze_bad_input_named_and_batch_goes_on(
    runner: CliRunner, tmp_path: Path, good_file: Path, case: str, writer: Writer, code: str, nlp: object
) -> None:
    bad = writer(tmp_path)
    result = runner.invoke(app, ["analyze", str(bad), str(good_file), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert f"[{code}]" in result.stderr and bad.name in result.stderr, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) == 1 and records[0]["article"]["outlet"] == "Reuters"


def test_analyze_unbalanced_quotes_accepted(runner: CliRunner, tmp_path: Path, nlp: object) -> None:
    path = tmp_path / "unbalanced.txt"
    path.write_text('The minister said "we will not retreat from the border towns and\n\nThe talks went on "late.',
                    encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--format", "json", "--published", "2024-01-02"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["published"] == "2024-01-02"


def test_analyze_text_report_draws_chains(runner: CliRunner, good_file: Path, nlp: object) -> None:
    result = runner.invoke(app, ["analyze", str(good_file)])
    assert result.exit_code == 0
    assert "chain:" in result.stdout and "-> Reuters (publisher)" in result.stdout


def test_analyze_missing_file_and_bad_date(runner: CliRunner, good_file: Path, nlp: object) -> None:
    result = runner.invoke(app, ["analyze", "no/such/file.txt", str(good_file), "--published", "2024-13-45"])
    assert result.exit_code == 1
    assert "[E001] no/such/file.txt" in result.stderr or "[E010]" in result.stderr


def test_analyze_reads_standard_input(runner: CliRunner, nlp: object) -> None:
    result = runner.invoke(app, ["analyze", "-", "--format", "json", "--outlet", "Test Wire"], input=GOOD)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["outlet"] == "Test Wire"


def test_sample_articles_all_give_outlet_and_date(runner: CliRunner, nlp: object) -> None:
    from importlib import resources

    folder = Path(str(resources.files("newstrace").joinpath("samples")))
    samples = sorted(str(p) for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    result = runner.invoke(app, ["analyze", *samples, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(samples) >= 4 and len(records) == len(samples)
    assert all(r["article"]["outlet"] and r["article"]["published"] for r in records)


def test_demo_ingests_the_corpus_and_prints_a_story(runner: CliRunner, tmp_path: Path, nlp: object) -> None:
    db = str(tmp_path / "demo.db")
    result = runner.invoke(app, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Story " in result.stdout and "independent origin" in result.stdout
    assert "on whose word:" in result.stdout
    again = runner.invoke(app, ["demo", "--db", db])          # a rerun adds nothing
    assert again.exit_code == 0 and "stored 0" in again.output


def test_analyze_component_failure_skips_only_that_article(
    runner: CliRunner, tmp_path: Path, good_file: Path, nlp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash inside a component (simulated: no real input is known to cause one) names the
    article and the component; the other articles still produce records."""
    import newstrace.extract.framing.component as framing

    boom = tmp_path / "boom.txt"
    boom.write_text(GOOD.replace("Omdurman", "Kassala"), encoding="utf-8")
    original = framing.FramingDetector.__call__

    def failing(self: framing.FramingDetector, doc: object) -> object:
        if "Kassala" in doc.text:  # type: ignore[attr-defined]
            raise RuntimeError("simulated failure")
        return original(self, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(framing.FramingDetector, "__call__", failing)
    result = runner.invoke(app, ["analyze", str(boom), str(good_file), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "[E015]" in result.stderr and "boom.txt" in result.stderr and "newstrace_framing" in result.stderr
    assert len(result.stdout.splitlines()) == 1
