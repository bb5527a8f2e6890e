"""Our own articles, scored against hand-made gold records: every extractor at F1 >= 0.9."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newstrace.evaluate.gold import EXTRACTORS, Score, load_gold, score_all
from newstrace.ingest.read import read_path
from newstrace.pipeline import analyze_articles

FLOOR = 0.9


@pytest.fixture(scope="module")
def scores(resources_dir: Path, nlp: Any) -> dict[str, Score]:
    golds = load_gold(resources_dir / "gold")
    assert len(golds) >= 12, "at least 12 gold articles are required"
    articles = [read_path(resources_dir / "articles" / g["article"]) for g in golds]
    records = list(analyze_articles(articles, nlp=nlp))
    return score_all(zip(records, golds, strict=True))


def test_gold_dateline_gives_outlet_and_date(resources_dir: Path) -> None:
    for gold in load_gold(resources_dir / "gold"):
        article = read_path(resources_dir / "articles" / gold["article"])
        assert article.outlet is not None and gold["outlet"].casefold() in article.outlet.casefold() \
            or article.outlet is not None and article.outlet.casefold() in gold["outlet"].casefold(), gold["article"]
        assert article.published is not None and article.published.isoformat() == gold["published"], gold["article"]


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_gold_extractor_f1_at_least_floor(scores: dict[str, Score], extractor: str) -> None:
    s = scores[extractor]
    detail = (f"{extractor}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}\n"
              f"missed: {s.misses[:15]}\nspurious: {s.spurious[:15]}")
    assert s.f1 >= FLOOR, detail
