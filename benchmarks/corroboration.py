"""Corroboration time as the corpus grows: 1x, 4x, 16x copies of a store's articles, perturbed.

    python benchmarks/corroboration.py [--scales 1 4 16] [--data DIR ...] [--keep DIR]

The base articles (``.txt``/``.html`` under the sample folders) go through the pipeline once.
Copy ``i`` of every record is then perturbed so that it reads as other events reported by other
articles: dates shifted by ``i * 41`` days, place names swapped for other places of the corpus,
casualty figures reworded (+i), and half the vocabulary replaced by same-length nonsense words
(consistently within a copy, so wire copies stay copies of each other but not of other copies).
Each scale is written to a fresh SQLite store with ``store_record``; only ``corroborate()`` is
timed, on fresh copies of that store, best of ``--repeat`` (after one warm-up run), in CPU seconds
of this process (steady on a shared machine; SQLite runs in-process) and wall seconds. A last line
times an incremental run: one more copy added to the largest store.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import platform
import random
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newstrace.corroborate import corroborate
from newstrace.ingest.read import read_path
from newstrace.pipeline import analyze_articles
from newstrace.records import Analysis
from newstrace.store.database import open_engine
from newstrace.store.models import ClusterRow, EventRow
from newstrace.store.write import store_record

ROOT = Path(__file__).resolve().parent.parent
DATA = [ROOT / "src/newstrace/samples/corpus", ROOT / "src/newstrace/samples", ROOT / "tests/resources/articles"]
WORD = re.compile(r"[A-Za-z]{4,}")
SHIFT_DAYS = 41


def base_records(folders: list[Path]) -> list[Analysis]:
    paths = sorted(p for d in folders if d.is_dir() for p in d.iterdir() if p.suffix in (".txt", ".html"))
    articles = [read_path(p) for p in paths]
    start = datetime.date(2024, 6, 1)
    articles = [a if a.published else a.model_copy(update={"published": start + datetime.timedelta(days=i)})
                for i, a in enumerate(articles)]
    return list(analyze_articles(articles))


def _scramble(word: str, copy: int) -> str:
    digest = hashlib.sha256(f"{copy}:{word.lower()}".encode()).digest()
    if digest[0] % 2:
        return word
    letters = "".join("bcdfghklmnprstvz"[b % 16] if i % 2 else "aeiou"[b % 5] for i, b in enumerate(digest[1:]))
    out = letters[: len(word)]
    return out.capitalize() if word[0].isupper() else out


def _respan(node: Any, text: str) -> None:
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
            node["text"] = text[node["start"] : node["end"]]
        for v in node.values():
            _respan(v, text)
    elif isinstance(node, list):
        for v in node:
            _respan(v, text)


def _shift(value: str | None, days: int) -> str | None:
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return (datetime.date.fromisoformat(value) + datetime.timedelta(days=days)).isoformat()


def perturb(record: Analysis, copy: int, places: list[dict[str, Any]]) -> Analysis:
    """Copy number ``copy`` of ``record`` (copy 0 is the record itself)."""
    if copy == 0:
        return record
    raw = record.to_dict()
    text = WORD.sub(lambda m: _scramble(m.group(), copy), raw["article"]["text"])
    raw["article"]["text"] = text
    raw["article"]["id"] = hashlib.sha256(text.encode()).hexdigest()[:16]
    days = copy * SHIFT_DAYS
    raw["article"]["published"] = _shift(raw["article"]["published"], days)
    rng = random.Random(copy)
    swap = {p["name"]: rng.choice(places) for p in places}
    for t in [ev["time"] for ev in raw["events"] if ev.get("time")] + raw["times"]:
        t["start"], t["end"] = _shift(t["start"], days), _shift(t["end"], days)
    for ev in raw["events"]:
        if ev.get("place") and ev["place"]["name"] in swap:
            other = swap[ev["place"]["name"]]
            ev["place"].update({k: other[k] for k in ("name", "country", "lat", "lon", "geonames_id")})
        for q in ev["quantities"]:
            for k in ("value", "low", "high"):
                if isinstance(q.get(k), int | float):
                    q[k] = q[k] + copy
    _respan(raw, text)
    return Analysis.model_validate(raw)


def build(records: list[Analysis], copies: range, db: Path) -> tuple[Any, int]:
    places = list({p.name: p.model_dump() for r in records for p in r.places if p.lat is not None}.values())
    db.unlink(missing_ok=True)
    engine = open_engine(f"sqlite:///{db}")
    n = 0
    with Session(engine) as session, session.begin():
        for copy in copies:
            for r in records:
                rec = perturb(r, copy, places)
                digest = hashlib.sha256(rec.article.text.encode()).hexdigest()
                n += store_record(session, f"bench:{copy}:{digest[:16]}", digest, rec)[1] == "stored"
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")          # the file alone holds it all
    return engine, n


def counts(engine: Any) -> tuple[int, int]:
    with Session(engine) as s:
        return (s.scalar(select(func.count()).select_from(EventRow)) or 0,
                s.scalar(select(func.count()).select_from(ClusterRow)) or 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--data", type=Path, nargs="+", default=DATA)
    parser.add_argument("--repeat", type=int, default=3, help="time each scale this many times, keep the best")
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = parser.parse_args()
    t0 = time.perf_counter()
    records = base_records(args.data)
    print(f"{len(records)} base articles analysed in {time.perf_counter() - t0:.1f}s; "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{datetime.date.today().isoformat()}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="nt-corroboration-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'scale':>6} {'articles':>9} {'events':>7} {'clusters':>9} {'cpu s':>8} {'wall s':>8} {'ms/event':>9} "
          f"{'x 1x':>6}")
    base: float | None = None
    engine = None
    for scale in args.scales:
        built, n = build(records, range(scale), folder / f"x{scale}.db")
        built.dispose()
        runs = []
        for i in range(args.repeat + (base is None)):
            if engine is not None and i:
                engine.dispose()
                Path(str(engine.url.database)).unlink()
            copy = folder / f"x{scale}-run{i}.db"
            shutil.copyfile(folder / f"x{scale}.db", copy)
            engine = open_engine(f"sqlite:///{copy}")
            cpu = time.process_time()
            wall = corroborate(engine).seconds
            runs.append((time.process_time() - cpu, wall))
        seconds, wall = min(runs[1:] if base is None else runs)      # the first run of all warms up
        events, clusters = counts(engine)
        per = seconds / max(events, 1)
        base = base or per
        print(f"{scale:>5}x {n:>9} {events:>7} {clusters:>9} {seconds:>8.2f} {wall:>8.2f} {1000 * per:>9.2f} "
              f"{per / base:>6.2f}")
    if engine is not None:
        top = max(args.scales)
        before = counts(engine)[0]
        places = list({p.name: p.model_dump() for r in records for p in r.places if p.lat is not None}.values())
        with Session(engine) as session, session.begin():
            for r in records:
                rec = perturb(r, top, places)
                digest = hashlib.sha256(rec.article.text.encode()).hexdigest()
                store_record(session, f"bench:{top}:{digest[:16]}", digest, rec)
        cpu = time.process_time()
        report = corroborate(engine)
        print(f"incremental: +{report.new_articles} articles ({report.new_events} events) on the {top}x store "
              f"({before} events): {time.process_time() - cpu:.2f} cpu s, {report.seconds:.2f} wall s")


if __name__ == "__main__":
    main()
