"""The events task: PETRARCH and PLOVER gold readers, the CAMEO table, actor codes, the scorer, run()."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest

from newstrace.errors import NewstraceError
from newstrace.evaluate.petrarch import GATED, run
from newstrace.evaluate.petrarch_actors import ActorCodebook, tokens
from newstrace.evaluate.petrarch_load import load_event_gold, split_of
from newstrace.evaluate.petrarch_records import read_petrarch
from newstrace.evaluate.plover_gold import GoldActor, GoldCoding, GoldRecord, parse_date, read_plover_gold
from newstrace.evaluate.plover_map import plover_type, read_cameo_map
from newstrace.evaluate.plover_match import actor_matches, code_matches, text_matches
from newstrace.evaluate.plover_score import EventScorer
from newstrace.evaluate.registry import runner


@pytest.fixture(scope="module")
def fixtures(resources_dir: Path) -> Path:
    return resources_dir / "eval" / "petrarch"


@pytest.fixture(scope="module")
def book(fixtures: Path) -> ActorCodebook:
    b = ActorCodebook()
    b.read(fixtures / "actors.txt", countries=True)
    b.read(fixtures / "agents.txt")
    return b


# --- the CAMEO -> PLOVER table and older PLOVER names ------------------------------------------

@pytest.mark.parametrize("code,expected", [
    ("190", "ASSAULT"),      # listed
    ("0352", "AGREE"),       # not listed: its parent 035 is
    ("084", "RETREAT"),      # under the second "08" heading
    ("08", "CONCEDE"),       # a root listed twice: the first entry wins
    ("015", None),           # CAMEO 01 has no PLOVER type
    ("abc", None),
])
def test_cameo_map_type_of(fixtures: Path, code: str, expected: str | None) -> None:
    assert read_cameo_map(fixtures / "CAMEO2PLOVER-2021.txt").type_of(code) == expected


def test_cameo_map_reads_modes(fixtures: Path) -> None:
    entry = read_cameo_map(fixtures / "CAMEO2PLOVER-2021.txt").entry("111")
    assert entry is not None and entry.type == "ACCUSE" and entry.mode == "disapprove"


def test_cameo_map_malformed_line_names_file(tmp_path: Path) -> None:
    bad = tmp_path / "map.txt"
    bad.write_text("190: ASSAULT\n191: NOT_A_TYPE, , \n", encoding="utf-8")
    with pytest.raises(NewstraceError) as exc:
        read_cameo_map(bad)
    assert exc.value.code == "E017" and "map.txt" in str(exc.value) and "line 2" in str(exc.value)


@pytest.mark.parametrize("name,expected", [
    ("DEMAND", "REQUEST"), ("disapprove", "ACCUSE"), ("FIGHT", "ASSAULT"), ("ASSAULT", "ASSAULT"),
    ("DOCUMENT", None), ("YELL", None),
])
def test_plover_type_renames_old_names(name: str, expected: str | None) -> None:
    assert plover_type(name) == expected


# --- readers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("2000-01-01", datetime.date(2000, 1, 1)), ("20080804", datetime.date(2008, 8, 4)),
    ("121108", datetime.date(2012, 11, 8)), ("soon", None), (None, None),
])
def test_parse_date_formats(value: str | None, expected: datetime.date | None) -> None:
    assert parse_date(value) == expected


def test_plover_gold_reads_records(fixtures: Path) -> None:
    gold = read_plover_gold(fixtures / "plover_gold.json", plover_type)
    assert [r.id for r in gold.records] == ["NT-0001", "NT-0002"]          # DOCUMENT skipped
    first, second = gold.records
    assert first.date == datetime.date(2000, 1, 1)
    coding = first.codings[0]
    assert coding.type == "REQUEST" and coding.label == "DEMAND"           # old name renamed
    assert coding.sources == (GoldActor("Estonian officials", "EST"),)
    assert coding.trigger == "urged"
    # an actor without actorText takes its text from the markup
    assert second.codings[0].sources[0] == GoldActor("Chadian soldiers", "TCD")


def test_plover_gold_malformed_file_raises_e017(fixtures: Path) -> None:
    with pytest.raises(NewstraceError) as exc:
        read_plover_gold(fixtures / "broken.json", plover_type)
    assert exc.value.code == "E017" and "broken.json" in str(exc.value)


def test_plover_gold_bad_record_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text('[{"id": "a", "event": "AID", "text": "Spain sent aid to Chad."}, {"id": "b", "event": "AID"}, 7]')
    gold = read_plover_gold(path, plover_type)
    assert [r.id for r in gold.records] == ["a"]
    assert len(gold.skipped) == 2 and "no text" in gold.skipped[0]


def test_petrarch_reader_records(fixtures: Path) -> None:
    cameo = read_cameo_map(fixtures / "CAMEO2PLOVER-2021.txt")
    gold, system = read_petrarch(fixtures / "validation_cameo.xml", cameo.type_of)
    assert system == "cameo"
    by_id = {r.id: r for r in gold.records}
    assert set(by_id) == {"NT_1", "NT_2", "NT_3", "NT_4"}
    nt1 = by_id["NT_1"]
    assert nt1.text.startswith("Chadian soldiers attacked rebels near")     # line breaks folded
    assert nt1.date == datetime.date(2010, 3, 15)
    # NT_6 has the same sentence: its coding joins NT_1's
    assert [(c.type, c.label) for c in nt1.codings] == [("ASSAULT", "190"), ("ACCUSE", "111")]
    assert nt1.codings[0].sources == (GoldActor(code="TCDMIL"),)
    assert by_id["NT_2"].codings == [] and by_id["NT_2"].date == datetime.date(2010, 3, 16)
    assert [c.type for c in by_id["NT_3"].codings] == ["AGREE", None]
    assert by_id["NT_3"].codings[1].targets == ()                          # "---" is no actor
    assert sorted(s.split(": ")[1] for s in gold.skipped) == ["bad date 'notadate'", "no text"]


def test_petrarch_reader_detects_non_cameo_codes(fixtures: Path) -> None:
    _, system = read_petrarch(fixtures / "validation_weis.xml", lambda code: None)
    assert system == "other:PETR.Validate.verbs.txt"


def test_petrarch_reader_malformed_file_raises_e017(fixtures: Path) -> None:
    with pytest.raises(NewstraceError) as exc:
        read_petrarch(fixtures / "broken.xml", lambda code: None)
    assert exc.value.code == "E017" and "broken.xml" in str(exc.value)


# --- actor codes -------------------------------------------------------------------------------

def test_tokens_drop_possessives() -> None:
    assert tokens("Estonia's U.S. allies") == ["ESTONIA", "U.S.", "ALLIES"]


@pytest.mark.parametrize("text,codes", [
    ("Estonia", {"EST"}), ("Estonians", {"EST"}), ("Tallinn", {"EST"}),        # stem vs exact word
    ("the minister Jaan Tamm", {"ESTGOV", "ESTELI", "~GOV"}),                  # indented code lines
    ("rebel soldiers", {"~REB", "~MIL"}), ("congressmen", {"~LEG"}),          # plural, macro
    ("ministers", {"~GOV"}), ("Chadians", {"TCD"}), ("Chadic", set()),        # exact words take plurals
])
def test_codebook_lookup(book: ActorCodebook, text: str, codes: set[str]) -> None:
    assert book.lookup(text) == codes


def test_codebook_countries(book: ActorCodebook) -> None:
    assert {"EST", "LVA", "TCD"} <= book.countries and "IGO" not in book.countries


@pytest.mark.parametrize("code,forms,ok", [
    ("ESTGOV", ["Estonian officials"], True),     # a state's code matches any of its sectors
    ("LVA", ["Estonia"], False),
    ("---REB", ["the rebels"], True),             # no state: the agent decides
    ("---REB", ["Chadian soldiers"], False),
    ("---", ["Estonia"], False),
    ("IGONFBSEC", ["Nordic Ferry Board"], True),  # one code extends the other
    ("IGOXYZ", ["Nordic Ferry Board"], False),
])
def test_code_matches(book: ActorCodebook, code: str, forms: list[str], ok: bool) -> None:
    assert code_matches(code, forms, book) is ok


@pytest.mark.parametrize("gold,forms,ok", [
    ("Estonian officials", ["officials"], True), ("Latvia", ["Latvian trucks", "Latvia"], True),
    ("the US", ["USA"], False), ("Latvia", ["Lat"], False),
])
def test_text_matches(gold: str, forms: list[str], ok: bool) -> None:
    assert text_matches(gold, forms) is ok


def test_actor_matches_text_or_code(book: ActorCodebook) -> None:
    assert actor_matches(GoldActor(text="a rebel camp", code="TCD"), ["rebel camp"], book)
    assert actor_matches(GoldActor(text="Chadian soldiers", code="TCD"), ["Chad"], book)
    assert not actor_matches(GoldActor(text="Chadian soldiers", code="TCD"), ["Latvia"], book)


# --- the scorer --------------------------------------------------------------------------------

def _part(name: str, entity: str | None = None) -> dict[str, Any]:
    return {"entity": entity, "name": name, "sector": None, "span": {"start": 0, "end": len(name), "text": name}}


def _event(kind: str, actors: list[dict[str, Any]], targets: list[dict[str, Any]],
           negated: bool = False) -> dict[str, Any]:
    return {"type": kind, "actors": actors, "targets": targets, "negated": negated,
            "trigger": {"start": 0, "end": 4, "text": "verb"}}


def _record(*events: dict[str, Any]) -> dict[str, Any]:
    entities = [{"id": "e1", "name": "Chad", "type": "country", "aliases": ["Chadian soldiers"],
                 "mentions": [{"start": 0, "end": 16, "text": "Chadian soldiers"}]}]
    return {"entities": entities, "events": list(events)}


def _gold(rid: str, *codings: GoldCoding) -> GoldRecord:
    return GoldRecord(id=rid, file="f.xml", text=f"sentence {rid}", codings=list(codings))


ASSAULT = GoldCoding("ASSAULT", "190", sources=(GoldActor(code="TCDMIL"),), targets=(GoldActor(code="---REB"),))


def test_scorer_all_right(book: ActorCodebook) -> None:
    s = EventScorer(book=book)
    s.add(_gold("a", ASSAULT), _record(_event("ASSAULT", [_part("Chadian soldiers", "e1")], [_part("rebels")])))
    m = s.metrics()
    assert m["type.accuracy"] == m["event.f1"] == m["source.accuracy"] == m["target.accuracy"] == 1.0
    assert s.errors() == {}


def test_scorer_wrong_type_and_actor(book: ActorCodebook) -> None:
    s = EventScorer(book=book)
    s.add(_gold("a", ASSAULT), _record(_event("ACCUSE", [_part("Chadian soldiers", "e1")], [])))
    s.add(_gold("b", ASSAULT), _record(_event("ASSAULT", [_part("Latvia")], [_part("rebels")])))
    m = s.metrics()
    assert m["type.accuracy"] == 0.5 and m["event.p"] == 0.5 and m["event.r"] == 0.5
    assert m["source.accuracy"] == 0.0 and m["source.accuracy_typed"] == 0.0
    assert m["target.accuracy"] == 0.5 and m["target.accuracy_typed"] == 1.0
    assert set(s.errors()) == {"ASSAULT -> ACCUSE (1)", "extra ACCUSE (1)", "source: wrong (ASSAULT) (1)"}


def test_scorer_negated_and_noevents(book: ActorCodebook) -> None:
    s = EventScorer(book=book)
    s.add(_gold("a", ASSAULT), _record(_event("ASSAULT", [], [], negated=True)))   # a negated event is none
    s.add(_gold("b"), _record(_event("CONSULT", [], [])))                            # no event expected
    s.add(_gold("c"), _record())
    m = s.metrics()
    assert m["type.accuracy"] == 0.0 and m["event.n_pred"] == 1.0 and m["event.p"] == 0.0
    assert m["noevents.accuracy"] == 0.5 and m["noevents.n"] == 2.0
    assert any(k.startswith("none -> CONSULT") for k in s.errors())
    assert any(k.startswith("ASSAULT -> none") for k in s.errors())


def test_scorer_skips_untyped_records(book: ActorCodebook) -> None:
    s = EventScorer(book=book)
    s.add(_gold("a", GoldCoding(None, "015")), _record(_event("ASSAULT", [], [])))
    assert s.records == 0 and s.unscored == 1 and s.metrics()["event.n_pred"] == 0.0


# --- data loading and run() --------------------------------------------------------------------

@pytest.fixture()
def data_root(tmp_path: Path, fixtures: Path) -> Path:
    """A data root shaped like ../shared/data, built from the fixtures."""
    plover = tmp_path / "plover"
    validation = tmp_path / "petrarch" / "validation"
    dictionaries = tmp_path / "petrarch" / "dictionaries"
    for folder in (plover, validation, dictionaries):
        folder.mkdir(parents=True)
    shutil.copy(fixtures / "CAMEO2PLOVER-2021.txt", plover)
    shutil.copy(fixtures / "plover_gold.json", plover / "PLOVER_GSR_CAMEO.txt")
    for name in ("validation_cameo.xml", "validation_weis.xml", "broken.xml"):
        shutil.copy(fixtures / name, validation)
    shutil.copy(fixtures / "actors.txt", dictionaries / "Phoenix.Countries.actors.txt")
    shutil.copy(fixtures / "agents.txt", dictionaries / "Phoenix.agents.txt")
    return tmp_path


def test_load_event_gold_reads_and_notes(data_root: Path) -> None:
    gold = load_event_gold(data_root)
    assert {r.file for r in gold.records} == {"validation_cameo.xml", "PLOVER_GSR_CAMEO.txt"}
    notes = " | ".join(gold.notes)
    assert "broken.xml" in notes and "E017" in notes                 # a bad file is named and skipped
    assert "validation_weis.xml: 1 records not scored" in notes
    assert "EST" in gold.book.countries


def test_load_event_gold_without_map_is_e016(tmp_path: Path) -> None:
    (tmp_path / "plover").mkdir()
    with pytest.raises(NewstraceError) as exc:
        load_event_gold(tmp_path)
    assert exc.value.code == "E016"


def test_split_is_by_text_and_stable() -> None:
    a = GoldRecord(id="1", file="x", text="Chad  attacked rebels.")
    b = GoldRecord(id="2", file="y", text="chad attacked rebels.")
    assert split_of(a) == split_of(b) in ("dev", "train")
    splits = {split_of(GoldRecord(id=str(i), file="x", text=f"sentence {i}")) for i in range(20)}
    assert splits == {"dev", "train"}


def test_run_on_fixture_data(data_root: Path, nlp: Any) -> None:
    result = runner("events")(data_root, split="all", nlp=nlp)
    assert result.task == "events" and result.split == "all"
    assert result.gated == GATED and all(0.0 <= result.metrics[k] <= 1.0 for k in GATED)
    assert result.documents == 5                   # NT_1, NT_2, NT_3 and the two PLOVER records
    assert len(result.digest) == 64
    assert any("GDELT" in n and "81.2%" in n for n in result.notes)
    assert any("broken.xml" in n for n in result.notes)
    assert result.dataset == "petrarch/validation_cameo.xml+plover/PLOVER_GSR_CAMEO.txt"
    assert run(data_root, split="all", nlp=nlp).digest == result.digest


def test_run_limit_and_bad_split(data_root: Path, nlp: Any) -> None:
    result = run(data_root, split="all", limit=2, nlp=nlp)
    assert result.documents <= 2 and result.sampled and result.sampled.startswith("2 of")
    with pytest.raises(NewstraceError):
        run(data_root, split="test", nlp=nlp)


def test_run_on_shared_data(shared_dir: Path, nlp: Any) -> None:
    result = run(shared_dir / "data", split="dev", limit=8, nlp=nlp)
    assert 0 < result.documents <= 8
    assert set(GATED) <= set(result.metrics)
    assert any("PETR.UnitTest.records.xml" in n and "not scored" in n for n in result.notes)
