"""The seed article (kept in ../shared, never committed) passes its checker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from newstrace.ingest.read import read_path
from newstrace.pipeline import analyze_articles


def test_seed_checker_all_pass(shared_dir: Path, nlp: Any, tmp_path: Path) -> None:
    article = read_path(shared_dir / "seed" / "article.txt")
    record = next(analyze_articles([article], nlp=nlp))
    out = tmp_path / "seed.json"
    out.write_text(record.to_json(), encoding="utf-8")
    run = subprocess.run([sys.executable, str(shared_dir / "seed" / "check.py"), str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0 and " 0 failed" in run.stdout, run.stdout
