"""Ingest throughput: analysis alone vs ``newstrace ingest`` with 1 and 2 workers, on the same articles.

    python benchmarks/ingest.py [--data ../shared/data/bbc_news] [--limit 600]

Each ingest goes into a fresh SQLite store in a temporary folder. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newstrace.ingest.read import read_path
from newstrace.pipeline import analyze_articles, load_pipeline


def files(data: Path, limit: int) -> list[Path]:
    every = sorted(p for p in data.glob("*/*.txt"))
    step = max(1, len(every) // limit)
    return every[::step][:limit]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/data/bbc_news"))
    ap.add_argument("--limit", type=int, default=600)
    args = ap.parse_args()
    chosen = files(args.data, args.limit)
    rows = []
    nlp = load_pipeline()
    began = time.perf_counter()
    n = sum(1 for _ in analyze_articles((read_path(p) for p in chosen), nlp=nlp))
    rows.append(("analyze alone (no store), 1 process", n, time.perf_counter() - began))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for p in chosen:
            (folder / f"{p.parent.name}-{p.name}").write_bytes(p.read_bytes())
        for workers in (1, 2):
            db = f"sqlite:///{tmp}/w{workers}.db"
            began = time.perf_counter()
            subprocess.run([sys.executable, "-m", "newstrace.cli", "ingest", str(folder), "--db", db,
                            "--workers", str(workers), "--no-progress"], check=True, capture_output=True)
            rows.append((f"newstrace ingest --workers {workers} (SQLite)", len(chosen),
                         time.perf_counter() - began))
    print("| run | articles | seconds | articles/s |\n|---|---|---|---|")
    for name, count, secs in rows:
        print(f"| {name} | {count} | {secs:.1f} | {count / secs:.1f} |")


if __name__ == "__main__":
    main()
