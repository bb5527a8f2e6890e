"""Clustering rules on hand-built features and records: demonym targets, campaigns, the article's
country, places with no point, and denials joining the event they deny."""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from newstrace.corroborate import corroborate
from newstrace.corroborate.config import thresholds
from newstrace.corroborate.features import (
    EventFeatures,
    article_country,
    demonym_targets,
    fill_places,
    is_ongoing,
)
from newstrace.corroborate.profile import ClusterProfile, actor_score, conflict, place_score, score
from newstrace.corroborate.text import DocFrequencies, content_words, words_around
from newstrace.store.database import open_engine
from newstrace.store.models import ClusterRow

from .build import Claim, record, store
from .helpers import cluster_of

D = datetime.date


def _ev(n: int, text: str = "", **kw: object) -> EventFeatures:
    base: dict[str, object] = {"id": n, "article_id": n, "type": "ASSAULT", "published": D(2024, 6, 3),
                               "interval": (D(2024, 6, 2), D(2024, 6, 2)), "explicit": True, "places": set(),
                               "country": None, "coords": None, "words": content_words(text), "text": text.lower()}
    base.update(kw)
    return EventFeatures(**base)  # type: ignore[arg-type]


def _cluster(*events: EventFeatures) -> ClusterProfile:
    cl = ClusterProfile(None, "ASSAULT")
    for ev in events:
        cl.add(ev, DocFrequencies())
    return cl


# --- demonym targets ------------------------------------------------------------------------------

def test_demonym_targets_are_the_states_named_by_an_adjective() -> None:
    data = {"targets": [{"name": "Liberia", "span": {"text": "Liberian"}},
                        {"name": "Greece", "span": {"text": "Greece"}},
                        {"name": "Aegean Star", "span": {"text": "Aegean Star"}}]}
    assert demonym_targets(data) == {"Liberia"}


def test_a_flag_state_target_matches_but_never_conflicts() -> None:
    w = thresholds().score
    flag = _ev(1, targets={"e1"}, weak_targets={"e1"})            # "a Liberian-flagged tanker"
    owner = _ev(2, targets={"e2"}, weak_targets={"e2"})           # "a Greek-managed tanker"
    ship = _ev(3, targets={"e3"})                                 # "the Aegean Star"
    assert actor_score(owner, _cluster(flag), w) == 0.0
    assert actor_score(ship, _cluster(flag, owner), w) == 0.0
    assert actor_score(flag, _cluster(ship), w) == 0.0
    assert actor_score(_ev(4, targets={"e1"}), _cluster(flag), w) == w.target_match
    assert actor_score(_ev(5, targets={"e4"}), _cluster(ship), w) == -w.target_conflict   # two named targets


# --- campaigns and habits -------------------------------------------------------------------------

def _trigger(text: str, word: str) -> dict[str, object]:
    return {"trigger": {"start": 100 + text.index(word), "text": word}}


@pytest.mark.parametrize(("text", "trigger", "ongoing"), [
    ("The rebels have repeatedly fired rockets at the city.", "fired", True),
    ("The group has targeted dozens of ships since the war began.", "targeted", True),
    ("The army has carried out near-daily strikes in the south.", "strikes", True),
    ("Its jets have violated it 4,000 times.", "violated", True),
    ("Gunmen attacked a village on Sunday, killing dozens of people.", "attacked", False),
    ("A car bomb killed hundreds of people in the market.", "killed", False),
    ("Warplanes launched a series of airstrikes on the port.", "airstrikes", False),
    # a count before the plural act: several incidents summed
    ("Two drone attacks in three days have killed five soldiers.", "attacks", True),
    ("Both strikes hit the same depot.", "strikes", True),
    ("The 3 raids left the camp in ruins.", "raids", True),
    ("A drone attack killed two soldiers on Thursday.", "attack", False),
    ("Israeli strikes killed two people in the town.", "strikes", False),
])
def test_ongoing_words_stand_by_the_trigger(text: str, trigger: str, ongoing: bool) -> None:
    assert is_ongoing(_trigger(text, trigger), text, 100, thresholds().time) is ongoing


def test_a_range_up_to_now_is_a_campaign_a_year_is_not() -> None:
    cfg = thresholds().time
    since = {"time": {"value": "2023-11/PRESENT_REF", "start": "2023-11-01", "end": "2025-09-17"}}
    year = {"time": {"value": "2025", "start": "2025-01-01", "end": "2025-12-31"}}
    assert is_ongoing(since, "They have attacked ships since November 2023.", 0, cfg)
    assert not is_ongoing(year, "The deadliest attack this year.", 0, cfg)


def test_a_campaign_never_joins_an_incident() -> None:
    cfg = thresholds()
    df = DocFrequencies()
    text = "Rebels fired rockets at the port of Hodeidah."
    incident, campaign = _ev(1, text), _ev(2, text, ongoing=True)
    assert score(campaign, _cluster(incident), df.weights(campaign.words), cfg.score, cfg.time) is None
    assert score(incident, _cluster(campaign), df.weights(incident.words), cfg.score, cfg.time) is None
    assert score(campaign, _cluster(_ev(3, text, ongoing=True)), df.weights(campaign.words),
                 cfg.score, cfg.time) is not None


def test_words_around_split_numbers_and_hyphens() -> None:
    text = "They carried out near-daily strikes, 4,000 in all."
    assert words_around(text, text.index("strikes"), 2, 3) == ["near", "daily", "strikes", "4", "000"]


# --- places and countries -------------------------------------------------------------------------

def test_the_article_country_needs_a_majority() -> None:
    assert article_country(Counter({"LB": 2, "IL": 1})) == "LB"
    assert article_country(Counter({"LB": 1, "IL": 1, "US": 1})) is None
    assert article_country(Counter()) is None


def test_a_place_found_in_the_evidence_gives_its_country() -> None:
    located = _ev(1, place := "Shells hit Hodeidah.", places={"hodeidah"}, country="YE")
    other = _ev(2, "Jets struck Jaffa.", places={"jaffa"}, country="IL")
    terse = _ev(3, "The port of Hodeidah burned.")
    terse.article_id = other.article_id
    fill_places([located, other, terse])
    assert place and terse.places == {"hodeidah"} and terse.country == "YE" and not terse.inferred


def test_places_with_no_country_have_no_point_to_measure_from(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'sea.db'}")
    sea = ("Red Sea", None, 20.0, 38.5)
    port = ("Hodeidah", "YE", 14.8, 42.95)
    store(engine, [
        record("BBC", "2024-06-02", [Claim("Rebels hit a cargo ship in the Red Sea with two drones.",
                                           actors=["Rebels"], day="2024-06-02", place=sea)]),   # type: ignore[arg-type]
        record("Reuters", "2024-06-02", [Claim("Rebels hit a cargo ship off Hodeidah with two drones.",
                                               actors=["Rebels"], day="2024-06-02", place=port)]),
    ])
    corroborate(engine)
    assert cluster_of(engine, "BBC", "v1")["id"] == cluster_of(engine, "Reuters", "v1")["id"]


def test_far_towns_still_rule_a_pair_out() -> None:
    w = thresholds().score
    aleppo = _ev(1, places={"aleppo"}, country="SY", coords=(36.2, 37.16))
    daraa = _ev(2, places={"daraa"}, country="SY", coords=(32.62, 36.1))
    assert place_score(daraa, _cluster(aleppo), w) is None


# --- denials --------------------------------------------------------------------------------------

@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return open_engine(f"sqlite:///{tmp_path / 'rules.db'}")


def _denial(outlet: str, sentence: str, day: str) -> object:
    rec = record(outlet, day, [Claim(sentence, actors=["Militia"], day=day, place=("Aleppo", "SY", 36.2, 37.16))])
    rec.events[0] = rec.events[0].model_copy(update={"negated": True})
    return rec


def test_denials_join_the_event_they_deny_and_bring_their_cluster(engine: Engine) -> None:
    aleppo = ("Aleppo", "SY", 36.2, 37.16)
    store(engine, [
        _denial("Militia Channel", "The militia denied any role in the market bombing in Aleppo.", "2024-06-03"),  # type: ignore[list-item]
        record("Reuters", "2024-06-03", [Claim("A car bomb killed 12 people in a market in Aleppo on Sunday.",
                                               day="2024-06-02", place=aleppo)]),
        _denial("Militia Radio", "The militia again denied any role in the car bomb in the Aleppo market.",  # type: ignore[list-item]
                "2024-06-04"),
    ])
    corroborate(engine)
    bombing = cluster_of(engine, "Reuters", "v1")["id"]
    assert cluster_of(engine, "Militia Radio", "v1")["id"] == bombing
    assert cluster_of(engine, "Militia Channel", "v1")["id"] == bombing


def test_a_capitalised_name_is_no_iteration_word() -> None:
    text = "Daily Sabah said guns pounded the town on Sunday."
    assert not is_ongoing({"trigger": {"start": 0}}, text, 0, thresholds().time)


# --- the second pass over bridged clusters ----------------------------------------------------------

def test_a_headline_cluster_and_its_detailed_report_are_one_event() -> None:
    near = thresholds().score.near_km
    headline = _cluster(_ev(1, places={"hodeidah"}, country="YE"))
    detail = _cluster(_ev(2, actors={"Houthis"}, places={"hodeidah", "red sea"}, country="YE",
                          interval=(D(2024, 5, 28), D(2024, 6, 3)), explicit=False),
                      _ev(3, actors={"Houthis"}, targets={"Aegean Meridian"}, places={"red sea"},
                          interval=(D(2024, 5, 28), D(2024, 6, 3)), explicit=False))
    assert not conflict(headline, detail, near)


def test_strikes_by_one_actor_on_other_days_and_towns_stay_apart() -> None:
    near = thresholds().score.near_km
    nabatieh = _cluster(_ev(1, actors={"Israel"}, places={"nabatieh"}, country="LB", coords=(33.38, 35.48)))
    bekaa = _cluster(_ev(2, actors={"Israel"}, places={"bekaa valley"}, country="LB", coords=(33.85, 35.9),
                         interval=(D(2024, 6, 5), D(2024, 6, 5))))
    assert conflict(nabatieh, bekaa, near)
    struck = _cluster(_ev(3, actors={"Russia"}, places={"izmail"}, country="UA"))
    shot_down = _cluster(_ev(4, actors={"Ukraine"}, targets={"Russia"}, explicit=False),
                         _ev(5, actors={"Ukraine"}, targets={"Russia"}, places={"izmail"}, explicit=False))
    assert conflict(struck, shot_down, near)              # another main actor


# --- statements: the places in their clause are what they are about ------------------------------

def _vow(n: int, place: str, coords: tuple[float, float], **kw: object) -> EventFeatures:
    base: dict[str, object] = {"type": "THREATEN", "actors": {"Hezbollah"}, "targets": {"Israel"},
                               "places": {place}, "country": None, "coords": coords, "explicit": False}
    base.update(kw)
    return _ev(n, **base)


def _statement_cluster(ev: EventFeatures) -> ClusterProfile:
    cl = ClusterProfile(None, ev.type)
    cl.add(ev, DocFrequencies())
    return cl


def test_a_statements_places_never_rule_it_out() -> None:
    w = thresholds().score
    tyre = _vow(1, "tyre", (33.27, 35.2))
    gaza = _vow(2, "gaza", (31.5, 34.47))
    assert place_score(gaza, _statement_cluster(tyre), w) == 0.0     # no veto, no cost
    strike_tyre = _ev(3, places={"tyre"}, coords=(33.27, 35.2))
    strike_gaza = _ev(4, places={"gaza"}, coords=(31.5, 34.47))
    assert place_score(strike_gaza, _cluster(strike_tyre), w) is None   # a strike's place still does


def test_statements_merge_across_places_but_not_across_targets() -> None:
    w = thresholds().score
    tyre, gaza = _statement_cluster(_vow(1, "tyre", (33.27, 35.2))), _statement_cluster(_vow(2, "gaza", (31.5, 34.47)))
    assert not conflict(tyre, gaza, w.near_km, w.placeless_types)
    other = _statement_cluster(_vow(3, "gaza", (31.5, 34.47), targets={"United States"}))
    assert conflict(tyre, other, w.near_km, w.placeless_types)
    assert conflict(tyre, gaza, w.near_km)          # without the statement types the places decide


# --- a cluster's description comes from the reports, not the denials -------------------------------

def test_the_summary_and_origins_leave_denials_out(engine: Engine) -> None:
    aleppo = ("Aleppo", "SY", 36.2, 37.16)
    denial = record("Militia Channel", "2024-06-03", [Claim(
        "The militia denied any role in Sunday's market bombing in Aleppo.", chain=[("Militia", "organization")],
        actors=["Militia"], day="2024-06-02", place=aleppo)])
    denial.events[0] = denial.events[0].model_copy(update={"negated": True})
    store(engine, [
        record("Reuters", "2024-06-03", [Claim("A car bomb killed 12 people in a market in Aleppo on Sunday.",
                                               chain=[("Syrian health ministry", "official")], affiliation="Syria",
                                               day="2024-06-02", place=aleppo)]),
        denial,
    ])
    corroborate(engine)
    with Session(engine) as s:
        rows = list(s.scalars(select(ClusterRow)))
        assert len(rows) == 1 and rows[0].reports == 2
        summary, analysis, origins = rows[0].summary, rows[0].analysis, rows[0].independent_origins
    assert "Militia" not in summary and "2024-06-02" in summary, summary
    labels = [o for g in analysis["origin_groups"] for o in g["origins"]]
    assert origins == 1 and not [label for label in labels if "ilitia" in label], labels
