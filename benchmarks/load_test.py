"""Load test of the web API on 127.0.0.1: N concurrent clients for S seconds on search and events.

    python benchmarks/load_test.py --db /tmp/bbc.db [--ingest ../shared/data/bbc_news] \
        [--clients 50] [--seconds 60]

With ``--ingest`` the corpus is ingested (and corroborated) into the store first. The server
runs as a separate ``newstrace serve`` process on a free loopback port, so the clients (one
asyncio loop, httpx) and the server do not share an interpreter. Prints requests, errors,
throughput and p50/p90/p99 latency per endpoint as a markdown table. Traffic never leaves
127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

QUERIES = ["government", "election", "minister", "economy", "police", "market", "film", "court", "oil",
           "strike", "talks", "bank", "war", "security", "prices"]
EVENT_TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "AGREE", "SUPPORT", "REQUEST", "COERCE", "AID"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def request_for(rng: random.Random) -> tuple[str, str]:
    pick = rng.random()
    if pick < 0.4:
        return "search", f"/api/articles?q={rng.choice(QUERIES)}&limit=20"
    if pick < 0.6:
        return "claims", f"/api/claims?q={rng.choice(QUERIES)}&limit=20"
    return "events", f"/api/events?type={rng.choice(EVENT_TYPES)}&limit=50&offset={rng.randrange(0, 200, 50)}"


async def client(base: str, until: float, seed: int, results: list[tuple[str, float, int]]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30.0) as http:
        while time.monotonic() < until:
            name, path = request_for(rng)
            began = time.perf_counter()
            try:
                status = (await http.get(path)).status_code
            except httpx.HTTPError:
                status = 0
            results.append((name, time.perf_counter() - began, status))


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000 if len(values) > 1 else 0.0


async def run(base: str, clients: int, seconds: float) -> list[tuple[str, float, int]]:
    results: list[tuple[str, float, int]] = []
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(base, until, i, results) for i in range(clients)))
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--ingest", type=Path)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    args = ap.parse_args()
    cli = [sys.executable, "-m", "newstrace.cli"]
    if args.ingest:
        subprocess.run([*cli, "ingest", str(args.ingest), "--db", args.db, "--workers", "2", "--no-progress"],
                       check=True)
        subprocess.run([*cli, "corroborate", "--db", args.db], check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    env = {**os.environ, "NEWSTRACE_WRITES": "false"}
    server = subprocess.Popen([*cli, "serve", "--db", args.db, "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/status", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        results = asyncio.run(run(base, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(30)
    print(f"{args.clients} clients, {args.seconds:.0f} s, {len(results)} requests, "
          f"{len(results) / args.seconds:.1f} requests/s")
    print("| endpoint | requests | errors | p50 ms | p90 ms | p99 ms |\n|---|---|---|---|---|---|")
    for name in ("search", "claims", "events", "all"):
        rows = [r for r in results if name in ("all", r[0])]
        lat = [r[1] for r in rows]
        errors = sum(1 for r in rows if r[2] != 200)
        print(f"| {name} | {len(rows)} | {errors} | {pct(lat, 50):.0f} | {pct(lat, 90):.0f} | {pct(lat, 99):.0f} |")
    if any(r[2] != 200 for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
