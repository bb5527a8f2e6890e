"""Tests of the ECB+ ``ecbplus`` task: coreference metrics, the XML reader, matching and the run.

The fixtures in tests/resources/eval/ecbplus are small documents we wrote ourselves in the ECB+
XML format (two topics, three documents, the annotated-sentences CSV).
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from spacy.language import Language

from newstrace.errors import NewstraceError
from newstrace.evaluate.ecbplus import load_docs, match_doc, run, topics_of
from newstrace.evaluate.ecbplus_metrics import (
    Cluster,
    b_cubed,
    ceaf_e,
    clusters_of,
    conll,
    hungarian_max,
    max_assignment,
    muc,
)
from newstrace.evaluate.ecbplus_ours import PredictedEvent
from newstrace.evaluate.ecbplus_reader import read_doc, read_sentences


def cl(*groups: str) -> list[Cluster]:
    return [frozenset(g) for g in groups]


# The example of Pradhan et al. (2014), "Scoring Coreference Partitions of Predicted Mentions", recomputed
# by hand: key {a b c} {d e f g}; response {a b} {c d} {f g h i}.
KEY = cl("abc", "defg")
RESPONSE = cl("ab", "cd", "fghi")


def test_muc_by_hand() -> None:
    # recall: {a b c} falls in 2 parts (3-2=1), {d e f g} in 3 ({d} {e} {f g}: 4-3=1) -> 2 / (2+3)
    # precision: {a b} 1 part (1), {c d} 2 parts (0), {f g h i} 3 parts (1) -> 2 / (1+1+3)
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(2 / 5) and s.precision == pytest.approx(2 / 5)
    assert s.f1 == pytest.approx(0.4)


def test_b_cubed_by_hand() -> None:
    # recall: (2^2+1^2)/3 + (1^2+2^2)/4 over 7 mentions = (5/3 + 5/4) / 7 = 5/12
    # precision: {a b} 2^2/2 = 2, {c d} (1+1)/2 = 1, {f g h i} 2^2/4 = 1 (h, i are in no key cluster)
    # over the 8 response mentions -> 4/8
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx(5 / 12)
    assert s.precision == pytest.approx(4 / 8)


def test_ceaf_e_by_hand() -> None:
    # phi4: K1-R1 2*2/5 = 0.8, K1-R2 2/5, K2-R2 2/6, K2-R3 2*2/8 = 0.5; best alignment 0.8 + 0.5 = 1.3
    s = ceaf_e(KEY, RESPONSE)
    assert s.recall == pytest.approx(1.3 / 2) and s.precision == pytest.approx(1.3 / 3)


def test_conll_is_mean_of_three_f1() -> None:
    m = conll(KEY, RESPONSE)
    ceafe_f1 = 2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3)
    b3_f1 = 2 * (5 / 12) * 0.5 / (5 / 12 + 0.5)
    assert m["muc.f1"] == pytest.approx(0.4)
    assert m["b3.f1"] == pytest.approx(b3_f1, abs=1e-4)
    assert m["ceafe.f1"] == pytest.approx(ceafe_f1, abs=1e-4)
    assert m["conll.f1"] == pytest.approx((0.4 + b3_f1 + ceafe_f1) / 3, abs=1e-4)


def test_perfect_and_all_singletons() -> None:
    assert conll(KEY, KEY)["conll.f1"] == 1.0
    singles = cl(*"abcdefg")
    s = muc(KEY, singles)
    assert s.recall == 0.0 and s.precision == 0.0      # no links at all
    b = b_cubed(KEY, singles)                          # recall (3*1/3 + 4*1/4)/7 = 2/7, precision 1
    assert b.recall == pytest.approx(2 / 7) and b.precision == 1.0
    c = ceaf_e(KEY, singles)                           # best: a with K1 (2/4), d with K2 (2/5)
    assert c.recall == pytest.approx((0.5 + 0.4) / 2) and c.precision == pytest.approx(0.9 / 7)


def test_clusters_of_groups_by_id() -> None:
    assert clusters_of({"a": 1, "b": 1, "c": 2}) == cl("ab", "c")


def test_hungarian_fallback_matches_scipy_and_brute_force() -> None:
    rng = random.Random(7)
    for n, m in ((3, 3), (2, 4), (4, 2), (5, 5), (1, 3)):
        sim = [[rng.random() for _ in range(m)] for _ in range(n)]
        ours = sum(sim[i][j] for i, j in hungarian_max(sim))
        best = max(sum(sim[i][j] for i, j in zip(rows, cols, strict=False))
                   for rows in itertools.permutations(range(n), min(n, m))
                   for cols in itertools.permutations(range(m), min(n, m)))
        assert ours == pytest.approx(best)
        assert sum(sim[i][j] for i, j in max_assignment(sim)) == pytest.approx(best)


@pytest.fixture(scope="module")
def eval_root(resources_dir: Path) -> Path:
    return resources_dir / "eval"


@pytest.fixture(scope="module")
def ecb_root(eval_root: Path) -> Path:
    return eval_root / "ecbplus"


def test_reader_text_offsets_and_chains(ecb_root: Path) -> None:
    sentences = read_sentences(ecb_root)
    assert sentences["2_1ecb"] == frozenset({1, 2})
    doc = read_doc(ecb_root / "ECB+" / "2" / "2_1ecb.xml", sentences["2_1ecb"])
    assert doc.topic == "2" and doc.text.splitlines()[1].startswith("Rebels shelled")
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
    chains = {m.text: m.chain for m in doc.mentions}
    assert chains["shelled"] == chains["attack"] == "ACT100"
    assert chains["killing"] == "ACT200"
    assert chains["said"] == "2_1ecb/3"                       # in no chain: a singleton
    assert "Rebels" not in chains                             # a participant, not an action
    assert [m.text for m in doc.scored_mentions] == ["shelled", "killing", "said", "attack", "damaged"]
    assert doc.sentence_at(doc.text.index("fled")) == 3       # sentence 3 is not annotated


def test_reader_negated_multi_token_and_intra_chain(ecb_root: Path) -> None:
    neg = read_doc(ecb_root / "ECB+" / "3" / "3_1ecb.xml")
    assert neg.mentions[0].text == "did not sign" and neg.mentions[0].tag == "NEG_ACTION_OCCURRENCE"
    other = read_doc(ecb_root / "ECB+" / "2" / "2_2ecbplus.xml")
    chains = {m.text: m.chain for m in other.mentions}
    assert chains["shelling"] == "ACT100"            # the cross-document chain comes first
    assert chains["began"] == "2_2ecbplus/intra32"   # the intra-document chain, named by its instance


def test_reader_rejects_broken_xml(tmp_path: Path) -> None:
    bad = tmp_path / "9_1ecb.xml"
    bad.write_text("<Document><token t_id='1' sentence='0'>x</token>")
    with pytest.raises(NewstraceError, match="E017"):
        read_doc(bad)


def test_splits_and_sampling(ecb_root: Path) -> None:
    assert topics_of(ecb_root, "dev") == ["2"]
    assert topics_of(ecb_root, "train") == ["3"]
    assert topics_of(ecb_root, "all") == ["2", "3"]
    with pytest.raises(NewstraceError, match="E016"):
        topics_of(ecb_root, "test")
    docs, files, sampled = load_docs(ecb_root, "all", 2)
    assert len(docs) == 2 and sampled and "stable_sample" in sampled
    assert load_docs(ecb_root, "all", 2)[0][0].name == docs[0].name     # deterministic
    assert files[-1].name == "ECBplus_coreference_sentences.csv"


def test_match_doc_one_to_one_by_overlap(ecb_root: Path) -> None:
    doc = read_doc(ecb_root / "ECB+" / "2" / "2_1ecb.xml", frozenset({1, 2}))
    at = doc.text.index

    def ev(word: str, cluster: str, width: int = 0) -> PredictedEvent:
        s = at(word)
        return PredictedEvent(doc=doc.name, start=s, end=s + (width or len(word)), trigger=word, type="X",
                              cluster=cluster)

    events = [ev("shelled", "c1"), ev("shelled", "c9", 3), ev("attack", "c1"), ev("fled", "c2")]
    matched, scored = match_doc(doc, events)
    assert {k.split("/")[1]: e.cluster for k, e in matched.items()} == {"1": "c1", "4": "c1"}
    assert len(scored) == 3                            # "fled" lies outside the annotated sentences


def test_run_on_fixtures(eval_root: Path, nlp: Language) -> None:
    result = run(eval_root, split="all", with_peers=True, nlp=nlp)
    assert result.task == "ecbplus" and result.documents == 3
    assert result.metrics["mentions.n_gold"] == 15.0
    for name in ("muc.f1", "b3.f1", "ceafe.f1", "conll.f1", "mentions.recall"):
        assert 0.0 <= result.metrics[name] <= 1.0
    assert result.gated == ["conll.f1", "b3.f1"]
    assert "lemma_baseline" in result.peers and result.comparisons[0].metric == "conll.f1"
    assert any("gold mentions" in n for n in result.notes)


def test_run_on_real_dev_sample(shared_dir: Path, nlp: Language) -> None:
    data = shared_dir / "data"
    if not (data / "ecbplus").is_dir():
        pytest.skip("../shared/data/ecbplus is absent")
    result = run(data, split="dev", with_peers=True, limit=6, nlp=nlp)
    assert result.documents == 6 and result.sampled
    assert result.metrics["mentions.n_gold"] > 0
    assert 0.0 < result.peers["lemma_baseline"]["conll.f1"] <= 1.0
