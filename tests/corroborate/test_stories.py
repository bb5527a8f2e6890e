"""Corroboration of short articles run through the real pipeline: a wire story and two copies, an
independent report with another death toll, a later strike in the same town, and two outlets that
relay each other."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from newstrace.corroborate import corroborate
from newstrace.pipeline import analyze_articles
from newstrace.records import Analysis
from newstrace.store.database import open_engine
from newstrace.store.models import CitationRow, ClusterMemberRow, ClusterRow

from .build import store
from .helpers import assertions, cluster_of, clusters, groups, snapshot
from .stories import CIRCULAR, LATER_STRIKE, NABATIEH


@pytest.fixture(scope="module")
def records(nlp: Language) -> dict[str, Analysis]:
    """Analysis records of the stories, by outlet."""
    articles = [*NABATIEH, LATER_STRIKE, *CIRCULAR]
    return {r.article.outlet or "": r for r in analyze_articles(articles, nlp=nlp)}


def _engine(url: str, records: dict[str, Analysis], outlets: list[str]) -> Engine:
    engine = open_engine(url)
    store(engine, [records[o] for o in outlets])
    return engine


ALL = ["Reuters", "The Daily Star", "Arab News", "Al Jazeera", "Naharnet", "The Cradle", "Middle East Eye"]


@pytest.fixture
def full(store_url: str, records: dict[str, Analysis]) -> Engine:
    engine = _engine(store_url, records, ALL)
    corroborate(engine)
    return engine


def test_syndication_copies_share_a_group(full: Engine) -> None:
    g = groups(full)
    assert g["Reuters"] == g["The Daily Star"] == g["Arab News"] == 1          # the lowest article id
    assert len({g["Reuters"], g["Al Jazeera"], g["Naharnet"], g["The Cradle"], g["Middle East Eye"]}) == 5


def test_syndication_copies_count_as_one_origin(full: Engine) -> None:
    strike = cluster_of(full, "Reuters", "v1")
    assert {o for o, _ in strike["members"]} == {"Reuters", "The Daily Star", "Arab News", "Al Jazeera"}
    labels = sorted(o for g in strike["analysis"]["origin_groups"] for o in g["origins"])
    # "security sources via Reuters / via The Daily Star / via Arab News": three copies, one origin
    assert labels == ["Lebanon's civil defence", "security sources via Reuters"]
    assert strike["origins"] == 2 and strike["reports"] == 4 and not strike["circular"]
    assert strike["first_published"].isoformat() == "2024-03-03"
    assert strike["analysis"]["syndicated"] == {"1": ["Arab News", "Reuters", "The Daily Star"]}


def test_citations_relay_each_link_to_the_one_before(full: Engine) -> None:
    with Session(full) as s:
        edges = {(a, b) for a, b in s.execute(select(CitationRow.citing, CitationRow.cited))}
    assert {("The Cradle", "Middle East Eye"), ("Middle East Eye", "The Cradle"),
            ("Reuters", "security sources"), ("Al Jazeera", "Lebanon's civil defence")} <= edges


def test_circular_relay_is_flagged_with_its_cycle(full: Engine) -> None:
    talks = cluster_of(full, "The Cradle", "v1")
    assert {o for o, _ in talks["members"]} == {"The Cradle", "Middle East Eye"}
    assert talks["circular"] and talks["origins"] == 1
    circular = talks["analysis"]["circular"]
    assert circular["reason"] == "cycle" and circular["cycles"] == [["The Cradle", "Middle East Eye"]]


def test_contradictory_figures_are_both_kept_with_their_sources(full: Engine) -> None:
    strike = cluster_of(full, "Al Jazeera", "v1")
    figures = [a for a in assertions(full, strike["id"]) if a[0] == "killed"]
    assert figures == [("killed", "12", "security sources via Reuters", True),
                       ("killed", "15", "Lebanon's civil defence", True)]


def test_same_type_same_town_other_date_is_another_cluster(full: Engine) -> None:
    later = cluster_of(full, "Naharnet", "v1")
    assert later["id"] != cluster_of(full, "Reuters", "v1")["id"]
    assert {o for o, _ in later["members"]} == {"Naharnet"}


def test_restatement_in_one_article_joins_its_cluster(full: Engine) -> None:
    assert cluster_of(full, "Naharnet", "v2")["id"] == cluster_of(full, "Naharnet", "v1")["id"]


def test_copies_of_one_event_share_a_cluster(full: Engine) -> None:
    army = cluster_of(full, "Reuters", "v2")
    assert {("The Daily Star", "v2"), ("Arab News", "v2")} <= set(army["members"])
    assert army["origins"] == 1


def test_second_run_changes_nothing(full: Engine) -> None:
    before = snapshot(full)
    report = corroborate(full)
    assert report.new_articles == report.new_events == report.clusters_updated == 0
    assert snapshot(full) == before


def test_incremental_run_attaches_new_articles(tmp_path: Path, records: dict[str, Analysis]) -> None:
    engine = _engine(f"sqlite:///{tmp_path / 'inc.db'}", records, ["Reuters", "Al Jazeera", "Naharnet"])
    first = corroborate(engine)
    assert first.new_articles == 3 and first.copies == 0
    strike = cluster_of(engine, "Reuters", "v1")["id"]
    with Session(engine) as s:
        n_clusters = s.scalar(select(func.count()).select_from(ClusterRow))
    store(engine, [records["The Daily Star"], records["Arab News"]])
    second = corroborate(engine)
    assert second.new_articles == 2 and second.copies == 2 and second.clusters_created == 0
    assert cluster_of(engine, "The Daily Star", "v1")["id"] == strike
    assert groups(engine)["Arab News"] == groups(engine)["Reuters"]
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(ClusterRow)) == n_clusters
        members = s.scalars(select(ClusterMemberRow.event_id)).all()
        assert len(members) == len(set(members))
    # the same store built in one run holds the same clusters, origins and assertions
    batch = _engine(f"sqlite:///{tmp_path / 'batch.db'}", records,
                    ["Reuters", "Al Jazeera", "Naharnet", "The Daily Star", "Arab News"])
    corroborate(batch)
    assert [(c["members"], c["origins"]) for c in clusters(engine)] == \
        [(c["members"], c["origins"]) for c in clusters(batch)]
    assert assertions(engine, strike) == assertions(batch, strike)
