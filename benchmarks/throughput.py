"""Throughput of the full newstrace pipeline against spaCy's pipeline alone, in one run.

    python benchmarks/throughput.py [--data ../shared/data/bbc_news] [--limit N] [--n-process 1]
                                    [--write benchmarks/README.md]

Reads every ``*.txt`` under the data folder (the BBC News corpus by default), runs spaCy's
English pipeline alone and then the full newstrace pipeline over the same texts (streaming,
``nlp.pipe``), and reports articles per second, their ratio, and resident memory sampled
along the way (to show whether memory stays flat over the corpus).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy

from newstrace.config.settings import Settings
from newstrace.ingest.read import read_path
from newstrace.pipeline import analyze_articles, load_pipeline

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "bbc_news"


def rss_mb() -> float:
    """Current resident set size of this process, in MB (Linux /proc)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def timed(items: Iterable[object], every: int) -> Iterator[tuple[int, float]]:
    """Count items, yielding (count, rss) every ``every`` items."""
    n = 0
    for _ in items:
        n += 1
        if n % every == 0:
            yield n, rss_mb()
    yield n, rss_mb()


def run(paths: list[Path], n_process: int) -> dict[str, object]:
    articles = [read_path(p) for p in paths]
    texts = [a.text for a in articles]
    settings = Settings.load(n_process=n_process)
    base = spacy.load(settings.model)
    base(texts[0])
    t0 = time.perf_counter()
    samples_base = list(timed(base.pipe(texts, batch_size=settings.batch_size, n_process=n_process), 250))
    t_base = time.perf_counter() - t0
    nlp = load_pipeline(settings)
    next(analyze_articles(articles[:1], settings=settings, nlp=nlp))
    t0 = time.perf_counter()
    samples_full = list(timed(analyze_articles(articles, settings=settings, nlp=nlp), 250))
    t_full = time.perf_counter() - t0
    n = len(texts)
    return {
        "articles": n,
        "chars": sum(len(t) for t in texts),
        "spacy_per_s": n / t_base,
        "full_per_s": n / t_full,
        "ratio": (n / t_full) / (n / t_base),
        "rss_base": samples_base,
        "rss_full": samples_full,
        "peak_mb": peak_mb(),
        "n_process": n_process,
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}"


def report(res: dict[str, object]) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=HERE, check=False).stdout.strip()
    rss_full = res["rss_full"]
    assert isinstance(rss_full, list)
    curve = ", ".join(f"{n}: {mb:.0f} MB" for n, mb in rss_full)
    return "\n".join([
        f"### Throughput, {datetime.date.today().isoformat()} (commit {commit}, n_process={res['n_process']})",
        "",
        f"Machine: {machine()}. Corpus: {res['articles']} BBC News articles, {res['chars']:,} characters.",
        "",
        "| pipeline | articles/s |",
        "|---|---|",
        f"| spaCy `en_core_web_sm` alone | {res['spacy_per_s']:.1f} |",
        f"| newstrace full pipeline | {res['full_per_s']:.1f} |",
        f"| ratio (full / spaCy) | {res['ratio']:.2f} |",
        "",
        f"Peak resident memory: {res['peak_mb']:.0f} MB. Resident memory of the full run by articles done: {curve}.",
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only (0: all)")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--write", type=Path, help="append the report to this Markdown file")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: {args.data} is not a folder of articles", file=sys.stderr)
        return 2
    paths = sorted(p for p in args.data.rglob("*.txt") if p.name[:1].isdigit())
    if args.limit:
        paths = paths[: args.limit]
    text = report(run(paths, args.n_process))
    print(text)
    if args.write:
        with args.write.open("a", encoding="utf-8") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
