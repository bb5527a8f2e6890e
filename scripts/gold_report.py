"""Development aid: score the pipeline on tests/resources gold; name extractors to list misses.

    python scripts/gold_report.py [events attributions ...]
"""
import sys
from pathlib import Path

from newstrace.evaluate.gold import load_gold, score_all
from newstrace.ingest.read import read_path
from newstrace.pipeline import analyze_articles

R=Path("tests/resources")
golds=load_gold(R/"gold")
arts=[read_path(R/"articles"/g["article"]) for g in golds]
recs=list(analyze_articles(arts))
which = sys.argv[1:] 
tot=score_all(zip(recs,golds))
for k,s in tot.items():
    print(f"{k:13s} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}")
for k in which:
    s=tot[k]
    print("== MISSED", k); [print("  ",m) for m in s.misses]
    print("== SPURIOUS", k); [print("  ",m) for m in s.spurious]
