"""Edge cases on hand-built analysis records: unnamed origins, journalists standing for their outlet,
own-voice copies, one origin behind several outlets, and contradictions of dates and perpetrators."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from newstrace.corroborate import corroborate
from newstrace.store.database import open_engine
from newstrace.store.models import CitationRow

from .build import Claim, record, store
from .helpers import assertions, cluster_of, clusters, groups

ALEPPO = ("Aleppo", "SY", 36.2, 37.16)
DARAA = ("Daraa", "SY", 32.62, 36.1)


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return open_engine(f"sqlite:///{tmp_path / 'edges.db'}")


def strike(sentence: str, chain: list[tuple[str, str]] | None, **kw: object) -> Claim:
    base: dict[str, object] = {"actors": ["Syria"], "targets": ["Turkey"], "day": "2024-06-02", "place": ALEPPO}
    base.update(kw)
    return Claim(sentence, chain, **base)  # type: ignore[arg-type]


def test_origins_unnamed_sources_are_told_apart_by_their_relay(engine: Engine) -> None:
    store(engine, [
        record("Reuters", "2024-06-02", [strike("Shells hit a market in Aleppo on Sunday, officials said.",
                                                [("officials", "anonymous")])]),
        record("Associated Press", "2024-06-02", [strike("Officials said artillery struck an Aleppo market.",
                                                         [("Officials", "anonymous")])]),
    ])
    corroborate(engine)
    c = cluster_of(engine, "Reuters", "v1")
    assert c["reports"] == 2 and c["origins"] == 2
    labels = sorted(o for g in c["analysis"]["origin_groups"] for o in g["origins"])
    assert labels == ["Officials via Associated Press", "officials via Reuters"]


def test_citations_journalist_stands_for_the_outlet(engine: Engine) -> None:
    claim = Claim("Sources who spoke with columnist David Ignatius said the talks had stalled.",
                  [("sources", "anonymous"), ("David Ignatius", "person")], type="CONSULT", actors=["Turkey"])
    rec = record("The Cradle", "2024-06-02", [claim])
    rec.attributions[0].chain[1] = rec.attributions[0].chain[1].model_copy(
        update={"role": "columnist", "affiliation": "Washington Post"})
    store(engine, [rec])
    corroborate(engine)
    with Session(engine) as s:
        edges = {(a, b) for a, b in s.execute(select(CitationRow.citing, CitationRow.cited))}
    assert edges == {("The Cradle", "Washington Post"), ("Washington Post", "sources")}
    assert cluster_of(engine, "The Cradle", "v1")["analysis"]["origin_groups"][0]["origins"] == [
        "sources via Washington Post"]


WIRE = ("Syrian government artillery shelled the outskirts of Aleppo on Sunday morning, setting fire to "
        "several warehouses near the ring road and cutting power to the eastern districts for hours, as "
        "fighting over the city's northern approaches entered its second week with no sign of a truce.")


def test_origins_own_voice_copies_count_once(engine: Engine) -> None:
    store(engine, [
        record("Agence France-Presse", "2024-06-02", [strike(WIRE, None)]),
        record("France 24", "2024-06-02", [strike(WIRE, None), Claim("Read more on our site.", None, type="AID")]),
        record("Le Monde", "2024-06-03", [strike(WIRE, None), Claim("With AFP.", None, type="AID")]),
        record("Enab Baladi", "2024-06-02", [strike("Shelling set warehouses on fire in Aleppo.", None)]),
    ])
    corroborate(engine)
    g = groups(engine)
    assert g["Agence France-Presse"] == g["France 24"] == g["Le Monde"] != g["Enab Baladi"]
    c = cluster_of(engine, "Le Monde", "v1")
    assert c["reports"] == 4 and c["origins"] == 2
    assert c["analysis"]["syndicated"] == {str(g["Le Monde"]): ["Agence France-Presse", "France 24", "Le Monde"]}


def test_circular_one_origin_behind_outlets_that_relay_each_other(engine: Engine) -> None:
    ministry = ("the defence ministry", "official")
    store(engine, [
        record("Anadolu Agency", "2024-06-02", [strike("Syrian guns shelled Aleppo, the defence ministry said.",
                                                       [ministry])]),
        record("Daily Sabah", "2024-06-02", [strike("Aleppo came under Syrian shelling, Anadolu reported.",
                                                    [ministry, ("Anadolu Agency", "outlet")])]),
        record("Yeni Safak", "2024-06-03", [strike("Daily Sabah said guns pounded Aleppo on Sunday.",
                                                   [ministry, ("Daily Sabah", "outlet")])]),
    ])
    corroborate(engine)
    c = cluster_of(engine, "Yeni Safak", "v1")
    assert c["reports"] == 3 and c["origins"] == 1 and c["circular"]
    assert c["analysis"]["circular"]["reason"] == "single_origin"


def test_contradictions_dates_and_perpetrators_are_kept(engine: Engine) -> None:
    store(engine, [
        record("Reuters", "2024-06-03", [strike("Syrian shells killed 4 people in Aleppo on Sunday, activists said.",
                                                [("activists", "anonymous")], killed=4)]),
        record("Anadolu Agency", "2024-06-03", [strike(
            "Shells fired by Syria killed 4 people in Aleppo on Saturday, the governor said.",
            [("the governor", "official")], day="2024-06-01", killed=4)]),
        record("SANA", "2024-06-03", [strike("Rebel shells killed 4 people in Aleppo on Sunday, the army said.",
                                             [("the army", "official")], actors=["Hayat Tahrir al-Sham"], killed=4)]),
    ])
    corroborate(engine)
    c = cluster_of(engine, "SANA", "v1")
    assert c["reports"] == 3
    rows = assertions(engine, c["id"])
    assert ("date", "2024-06-01", "the governor", True) in rows
    assert ("date", "2024-06-02", "activists via Reuters", True) in rows
    assert ("perpetrator", "Hayat Tahrir al-Sham", "the army", True) in rows
    assert ("perpetrator", "Syria", "the governor", True) in rows
    assert {a for a in rows if a[0] == "killed"} == {("killed", "4", s, False) for s in
                                                     ("activists via Reuters", "the army", "the governor")}


def test_clusters_same_day_far_apart_are_separate(engine: Engine) -> None:
    store(engine, [
        record("Reuters", "2024-06-02", [strike("Shells hit Aleppo on Sunday.", None)]),
        record("Reuters ", "2024-06-02", [strike("Shells hit Daraa on Sunday.", None, place=DARAA)]),
    ])
    corroborate(engine)
    assert cluster_of(engine, "Reuters", "v1")["id"] != cluster_of(engine, "Reuters ", "v1")["id"]


def test_clusters_an_event_that_ties_two_stored_clusters_merges_them(engine: Engine) -> None:
    day = {"day": "2024-06-02", "targets": []}
    store(engine, [
        record("Enab Baladi", "2024-06-02", [Claim("Artillery shelled the Tamarind quarter in Aleppo.", None,
                                                   actors=["Syria"], place=ALEPPO, **day)]),  # type: ignore[arg-type]
        record("Anadolu Agency", "2024-06-02", [Claim("Drones struck the Juniper depot overnight.", None,
                                                      actors=["Turkey"], **day)]),  # type: ignore[arg-type]
    ])
    corroborate(engine)
    assert cluster_of(engine, "Enab Baladi", "v1")["id"] != cluster_of(engine, "Anadolu Agency", "v1")["id"]
    store(engine, [record("Reuters", "2024-06-03", [Claim(
        "Artillery shelled the Tamarind quarter and drones struck the Juniper depot overnight.", None,
        actors=["Syria", "Turkey"], **day)])])  # type: ignore[arg-type]
    report = corroborate(engine)
    assert report.clusters_merged == 1 and report.clusters_created == 0
    merged = cluster_of(engine, "Reuters", "v1")
    assert {o for o, _ in merged["members"]} == {"Enab Baladi", "Anadolu Agency", "Reuters"}
    assert merged["reports"] == 3 and len(clusters(engine)) == 1
