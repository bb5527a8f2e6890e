"""Markdown tables for EVALUATION.md from `newstrace evaluate all --with-peers --format json` output.

    newstrace evaluate all --with-peers -f json > /tmp/eval.json
    python scripts/evaluation_tables.py /tmp/eval.json
"""

from __future__ import annotations

import json
import sys


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        results = json.load(f)
    for r in results:
        print(f"### {r['task']} — {r['dataset']} ({r['split']}, {r['documents']} documents"
              f"{', ' + r['sampled'] if r.get('sampled') else ''}; {r['seconds']:.0f} s)\n")
        print("| metric | newstrace | peer | peer score | ratio |\n|---|---|---|---|---|")
        shown = set()
        for c in r["comparisons"]:
            ratio = c["ours"] / c["theirs"] if c.get("theirs") else None
            theirs = "-" if c.get("theirs") is None else f"{c['theirs']:.3f}"
            print(f"| {c['metric']} | {c['ours']:.3f} | {c['peer']} | {theirs} | "
                  f"{'-' if ratio is None else f'{ratio:.2f}'} |")
            shown.add(c["metric"])
        for m in r["gated"]:
            if m not in shown:
                print(f"| {m} | {r['metrics'].get(m, float('nan')):.3f} | | | |")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
