"""The ``seed`` task: analyse the seed article and run the seed checker on its record.

The seed article and its checker lie in ``../shared/seed`` (beside the data root); neither
is ever copied into the project. Metrics: expectations passed, failed and the pass rate.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ..errors import Errors, NewstraceError
from ..ingest.read import read_path
from ..pipeline import analyze_articles
from .datasets import data_root
from .digest import digest_files
from .result import TaskResult

SUMMARY = re.compile(r"(\d+) passed, (\d+) failed")


def seed_dir(data: Path | None = None) -> Path:
    """``../shared/seed``: the sibling of the data root."""
    path = data_root(data).parent / "seed"
    if not (path / "article.txt").is_file() or not (path / "check.py").is_file():
        raise NewstraceError(Errors.E016, input=str(path), detail="seed article.txt and check.py not found")
    return path


def run(data: Path | None = None, *, split: str = "dev", with_peers: bool = False,
        limit: int | None = None, nlp: Any = None) -> TaskResult:
    """Analyse the seed article and count the checker's passes and failures."""
    started = time.perf_counter()
    folder = seed_dir(data)
    article = read_path(folder / "article.txt")
    record = next(iter(analyze_articles([article], nlp=nlp)))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed.json"
        out.write_text(record.to_json(), encoding="utf-8")
        proc = subprocess.run([sys.executable, str(folder / "check.py"), str(out)],
                              capture_output=True, text=True, check=False)
    found = SUMMARY.search(proc.stdout)
    if not found:
        raise NewstraceError(Errors.E017, input=str(folder / "check.py"),
                             detail=f"no 'N passed, N failed' line in its output: {proc.stderr[-300:]}")
    passed, failed = int(found.group(1)), int(found.group(2))
    failures = [line[6:].strip() for line in proc.stdout.splitlines() if line.startswith("FAIL")]
    return TaskResult(
        task="seed", dataset="seed", split="all", documents=1,
        metrics={"passed": float(passed), "failed": float(failed),
                 "pass_rate": round(passed / (passed + failed), 4) if passed + failed else 0.0},
        gated=["pass_rate"],
        digest=digest_files([folder / "article.txt", folder / "check.py"], folder),
        errors={"failed expectations": failures} if failures else {},
        seconds=round(time.perf_counter() - started, 2),
    )
