"""The re3d entities task: reader, type mapping, span conventions, scorer and runner.

Readers and scorers run on our own fixtures (tests/resources/eval/re3d, invented texts in
re3d's format); one test runs on the real data when ../shared is present.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from newstrace.errors import NewstraceError
from newstrace.evaluate.re3d import GATED, run, split_docs
from newstrace.evaluate.re3d_adapt import adapt
from newstrace.evaluate.re3d_predict import Predicted, country_mention_type, record_spans
from newstrace.evaluate.re3d_reader import GoldSpan, Re3dDoc, read_corpus, read_subset
from newstrace.evaluate.re3d_score import Tally, visible
from newstrace.evaluate.re3d_types import type_map
from newstrace.extract.entities.gazetteer import default_gazetteer
from newstrace.records import Analysis, ArticleInfo, Entity, Place, Span


@pytest.fixture(scope="module")
def fixture_root(resources_dir: Path) -> Path:
    return resources_dir / "eval"


@pytest.fixture(scope="module")
def corpus_docs(fixture_root: Path) -> dict[str, Re3dDoc]:
    return {d.id: d for d in read_corpus(fixture_root / "re3d").docs}


def _gold(doc: Re3dDoc) -> dict[str, str]:
    return {doc.text[g.start:g.end]: g.type for g in doc.entities}


def test_re3d_reader_keeps_most_confident_type(corpus_docs: dict[str, Re3dDoc]) -> None:
    gold = _gold(corpus_docs["DOC1"])
    assert gold["Aleppo"] == "Location"          # Location 0.95 beats Organisation 0.2
    assert "the group" not in gold               # 0.45 alone: dropped
    assert gold["the families"] == "Organisation"   # leading space trimmed
    two = _gold(corpus_docs["DOC2"])
    assert two["Turkey"] == "Organisation"       # 0.8 beats 0.6


def test_re3d_reader_synonym_pairs_unordered_and_confident(corpus_docs: dict[str, Re3dDoc]) -> None:
    doc = corpus_docs["DOC1"]
    pairs = [(doc.text[a[0]:a[1]], doc.text[b[0]:b[1]]) for a, b in doc.synonyms]
    assert pairs == [("The Westland Freedom Front", "WFF")]


def test_re3d_reader_skips_malformed_subset_with_note(fixture_root: Path) -> None:
    corpus = read_corpus(fixture_root / "re3d")
    assert "BAD1" not in {d.id for d in corpus.docs}
    assert len(corpus.docs) == 4
    assert any("Broken" in n and "E017" in n and "entities.json" in n for n in corpus.notes)
    assert all("Broken" not in str(p) for p in corpus.files)


def test_re3d_reader_raises_e017_naming_file(fixture_root: Path) -> None:
    with pytest.raises(NewstraceError) as err:
        read_subset(fixture_root / "re3d" / "Broken")
    assert err.value.code == "E017" and "entities.json" in str(err.value) and "line 2" in str(err.value)


def test_re3d_split_halves_each_subset(corpus_docs: dict[str, Re3dDoc]) -> None:
    docs = sorted(corpus_docs.values(), key=lambda d: d.id)
    dev, train = split_docs(docs, "dev"), split_docs(docs, "train")
    assert {d.id for d in dev} | {d.id for d in train} == set(corpus_docs)
    assert not {d.id for d in dev} & {d.id for d in train}
    assert sorted(d.source for d in dev) == ["Field Notes", "Press Office"]
    assert [d.id for d in split_docs(docs, "dev")] == [d.id for d in dev]
    with pytest.raises(NewstraceError):
        split_docs(docs, "test")


def test_re3d_type_map_covers_every_record_type() -> None:
    tmap = type_map()
    assert set(tmap.record.entities) >= {"person", "organization", "armed_group", "country", "place"}
    mapped = {t for t in tmap.record.entities.values() if t} | {tmap.record.places, tmap.record.times}
    assert mapped <= set(tmap.scored)
    assert tmap.spacy.labels["PERSON"] == "Person" and tmap.spacy.labels["GPE"] == "Location"


@pytest.mark.parametrize(("text", "as_place", "expected"), [
    ("Syrian", False, "Nationality"),
    ("Syrians", False, "Organisation"),
    ("Syria", True, "Location"),
    ("Syria", False, "Organisation"),
    ("Damascus", True, "Location"),
    ("Syrian government", False, "Organisation"),
    ("Syrian commander", False, "Person"),
    ("Minister of Foreign Affairs of Syria", False, "Person"),
    ("the country", False, "Location"),
])
def test_re3d_country_mention_type_by_form_and_use(text: str, as_place: bool, expected: str) -> None:
    assert country_mention_type(text, as_place, type_map(), default_gazetteer()) == expected


@pytest.mark.parametrize(("text", "name", "type_", "expected"), [
    ("He praised the European Union today.", "European Union", "Organisation", "the European Union"),
    ("Troops of the Baghdad Operational Command left.", "Baghdad", "Location", "Baghdad"),
    ("We met U.S. Secretary of Defense Ash Carter here.", "Ash Carter", "Person", "U.S. Secretary of Defense Ash Carter"),
    ("It rained. Yesterday President Obama spoke.", "Obama", "Person", "President Obama"),
    ("On behalf of President Obama we thank you.", "Obama", "Person", "President Obama"),
    ("Her friend Obama spoke.", "Obama", "Person", "Obama"),
    ("Fighting in the city of Mosul ended.", "Mosul", "Location", "the city of Mosul"),
    ("Fighting in Mosul district ended.", "Mosul", "Location", "Mosul district"),
    ("Floods hit northern Iraq again.", "Iraq", "Location", "northern Iraq"),
])
def test_re3d_adapt_widens_to_re3d_conventions(text: str, name: str, type_: str, expected: str) -> None:
    start = text.index(name)
    [p] = adapt([Predicted(start, start + len(name), type_)], text, type_map().spans)
    assert text[p.start:p.end] == expected


def _doc(text: str, gold: list[tuple[str, str]], synonyms: Sequence[tuple[str, str]] = ()) -> Re3dDoc:
    def at(s: str) -> tuple[int, int]:
        return text.index(s), text.index(s) + len(s)
    spans = [GoldSpan(*at(s), type_, 1.0) for s, type_ in gold]
    return Re3dDoc(id="T1", source="t", text=text, entities=spans, synonyms=[(at(a), at(b)) for a, b in synonyms])


def _pred(text: str, s: str, type_: str, key: str | None = None) -> Predicted:
    return Predicted(text.index(s), text.index(s) + len(s), type_, key)


def test_re3d_visible_sets_aside_predictions_on_unscored_gold() -> None:
    text = "Donors gave $5 million to Aleppo."
    doc = _doc(text, [("$5 million", "Money"), ("Aleppo", "Location")])
    gold, kept = visible(doc, [_pred(text, "5 million", "Quantity"), _pred(text, "Aleppo", "Location"),
                               _pred(text, "Donors", "Organisation")], type_map().scored)
    assert [text[g[0]:g[1]] for g in gold] == ["Aleppo"]
    assert sorted(text[p[0]:p[1]] for p in kept) == ["Aleppo", "Donors"]


def test_re3d_tally_counts_modes_errors_and_aliases() -> None:
    tmap = type_map()
    text = "The Westland Front (WF) attacked Rivertown. Ana Koru fled to Sunport with Tom Bell."
    doc = _doc(text, [("The Westland Front", "Organisation"), ("WF", "Organisation"), ("Rivertown", "Location"),
                      ("Ana Koru", "Person"), ("Sunport", "Location"), ("Tom Bell", "Person")],
               synonyms=[("The Westland Front", "WF")])
    pred = [_pred(text, "Westland Front", "Organisation", "e1"), _pred(text, "WF", "Organisation", "e1"),
            _pred(text, "Rivertown", "Organisation", "e2"), _pred(text, "Ana Koru", "Person", "e3"),
            _pred(text, "fled", "Person", "e4")]
    tally = Tally()
    tally.add(doc, pred, tmap)
    m = tally.metrics(tmap)
    assert (m["overall.exact.n_gold"], m["overall.exact.n_pred"]) == (6, 5)
    assert m["overall.exact.p"] == pytest.approx(2 / 5, abs=1e-4)      # WF, Ana Koru
    assert m["overall.overlap.p"] == pytest.approx(3 / 5, abs=1e-4)    # + Westland Front
    assert m["Person.exact.r"] == pytest.approx(0.5, abs=1e-4)
    assert m["alias.accuracy"] == 1.0 and m["alias.n_pairs"] == 1.0
    classes = {k.rsplit(" (", 1)[0] for k in tally.errors.top()}
    assert classes == {"boundary Organisation", "confusion Location -> Organisation", "missed Location",
                       "missed Person", "spurious Person"}


def test_re3d_alias_wrong_when_mentions_in_two_entities() -> None:
    tmap = type_map()
    text = "Abu Musa, also called the Sheikh, spoke."
    doc = _doc(text, [("Abu Musa", "Person"), ("the Sheikh", "Person")], synonyms=[("Abu Musa", "the Sheikh")])
    tally = Tally()
    tally.add(doc, [_pred(text, "Abu Musa", "Person", "e1"), _pred(text, "Sheikh", "Person", "e2")], tmap)
    assert tally.metrics(tmap)["alias.accuracy"] == 0.0
    assert tally.metrics(tmap)["alias.linked"] == 1.0


def test_re3d_record_spans_map_types_and_prefer_geocoded_places() -> None:
    text = "Turkey said fighting in Syria reached Husaybah. Iraqis fled."
    def span(s: str) -> Span:
        return Span.of(text, text.index(s), text.index(s) + len(s))
    record = Analysis(
        article=ArticleInfo(id="a", text=text),
        entities=[Entity(id="e1", name="Turkey", type="country", mentions=[span("Turkey")]),
                  Entity(id="e2", name="Syria", type="country", mentions=[span("Syria")]),
                  Entity(id="e3", name="Husaybah", type="organization", mentions=[span("Husaybah")]),
                  Entity(id="e4", name="Iraq", type="country", mentions=[span("Iraqis")])],
        places=[Place(name="Syria", span=span("Syria")), Place(name="Husaybah", geonames_id=1, span=span("Husaybah"))],
    )
    got = {text[p.start:p.end]: (p.type, p.key) for p in record_spans(record, type_map())}
    assert got == {"Turkey": ("Organisation", "e1"), "Syria": ("Location", "e2"),
                   "Husaybah": ("Location", "e3"), "Iraqis": ("Organisation", "e4")}


def test_re3d_run_on_fixtures_scores_ours_and_peer(fixture_root: Path, nlp: Any) -> None:
    result = run(fixture_root, split="all", with_peers=True, nlp=nlp)
    assert (result.task, result.dataset, result.documents) == ("entities", "re3d", 4)
    assert result.gated == GATED and all(name in result.metrics for name in GATED)
    assert 0.0 < result.metrics["overall.overlap.f1"] <= 1.0
    assert result.metrics["overall.exact.f1"] <= result.metrics["overall.overlap.f1"]
    assert [c.metric for c in result.comparisons] == ["overall.exact.f1", "overall.overlap.f1"]
    assert all(c.peer == "spacy" and c.theirs is not None for c in result.comparisons)
    assert "overall.exact.f1" in result.peers["spacy"]
    assert any("Broken" in n for n in result.notes) and any("Weapon" in n for n in result.notes)
    assert len(result.digest) == 64 and result.digest == run(fixture_root, split="dev", nlp=nlp).digest
    assert run(fixture_root, split="dev", limit=1, nlp=nlp).documents == 1


def test_re3d_run_on_shared_data_dev(shared_dir: Path, nlp: Any) -> None:
    data = shared_dir / "data"
    if not (data / "re3d").is_dir():
        pytest.skip(f"{data / 're3d'} is absent")
    dev = run(data, split="dev", limit=3, nlp=nlp)
    assert dev.documents == 3 and dev.sampled and dev.metrics["overall.exact.n_gold"] > 0
    everything = {d.id for d in read_corpus(data / "re3d").docs}
    halves = [{d.id for d in split_docs(read_corpus(data / "re3d").docs, s)} for s in ("dev", "train")]
    assert halves[0] | halves[1] == everything and not halves[0] & halves[1]
