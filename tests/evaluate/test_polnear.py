"""The PolNeAR attribution task: BRAT reader, span scoring, our records and the peer as triples,
the task run on our own fixture (tests/resources/eval/polnear) and, when present, the real data."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any

import pytest

from newstrace.errors import NewstraceError
from newstrace.evaluate.digest import digest_files
from newstrace.evaluate.polnear import GATED, TRAIN_SAMPLE, load_docs, run
from newstrace.evaluate.polnear_errors import ErrorLog, source_kind
from newstrace.evaluate.polnear_ours import triples
from newstrace.evaluate.polnear_reader import annotation_files, hull, parse_ann, read_metadata
from newstrace.evaluate.polnear_score import Triple, score_doc, trim
from newstrace.records import Analysis, ArticleInfo, Attribution, Source, Span

TEXT = "Ann Lee said that prices rose. “It hurts,” she added, “a lot.” Nobody knows."


def _at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _line(tid: str, label: str, *phrases: str) -> str:
    frags = [_at(TEXT, p) for p in phrases]
    return f"{tid}\t{label} " + ";".join(f"{a} {b}" for a, b in frags) + "\t" + " ".join(phrases)


ANN = "\n".join([
    _line("T1", "Source", "Ann Lee"), _line("T2", "Cue", "said"), _line("T3", "Content", "that prices rose"),
    _line("T4", "Attribution", "said"), "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    _line("T5", "Source", "she"), _line("T6", "Cue", "added"),
    _line("T7", "Content", "“It hurts,”", "“a lot.”"),
    _line("T8", "Attribution", "added"), "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
    _line("T9", "Cue", "knows"), _line("T10", "Content", "Nobody"),
    _line("T11", "Attribution-no-source", "knows"), "E3\tAttribution-no-source:T11 Cue:T9 Content:T10",
    _line("T12", "Discuss", "Nobody"), "E4\tAttribution-no-source:T12",
    "#1\tAnnotatorNotes T1\ta note",
])


def test_polnear_reader_parses_events_roles_and_fragments() -> None:
    gold = parse_ann(ANN, TEXT, "x.ann")
    assert len(gold) == 3   # the event with neither cue nor content is left out
    first, second, third = gold
    assert TEXT[slice(*first.source[0])] == "Ann Lee" and TEXT[slice(*first.cue[0])] == "said"
    assert len(second.content) == 2 and hull(second.content) == (_at(TEXT, "“It hurts,”")[0], _at(TEXT, "“a lot.”")[1])
    assert third.source == () and hull(third.source) is None


@pytest.mark.parametrize("bad", [
    "T1\tSource 0 999\tAnn",                    # offsets beyond the text
    "E1\tAttribution:T9 Cue:T2",                # argument naming no span
    "garbage line",                             # neither a T nor an E line
])
def test_polnear_reader_malformed_raises_e017_naming_file(bad: str) -> None:
    with pytest.raises(NewstraceError) as err:
        parse_ann(bad, TEXT, "broken_ab12.ann")
    assert "E017" in str(err.value) and "broken_ab12.ann" in str(err.value)


def test_polnear_reader_span_text_with_line_break_is_tolerated() -> None:
    text = "He said: one\ntwo."
    ann = "T1\tContent 9 16\tone\ntwo\nT2\tCue 3 7\tsaid\nE1\tAttribution:T2 Cue:T2 Content:T1\n"
    (att,) = parse_ann(ann, text, "wrapped.ann")
    assert att.content == ((9, 16),)


def test_polnear_reader_first_annotator_and_dates(resources_dir: Path) -> None:
    root = resources_dir / "eval" / "polnear"
    chosen = annotation_files(root / "dev")
    assert chosen["gazette_2016-10-03_mayor-pledges-new-bridge"].name.endswith("_ab12.ann")
    dates = read_metadata(root)
    assert dates["gazette_2016-10-03_mayor-pledges-new-bridge"] == datetime.date(2016, 10, 3)
    assert dates["courier_2016-10-05_storm-closes-schools"] is None


@pytest.mark.parametrize("text,span,expected", [
    ("“It hurts,” she", (0, 11), "It hurts"),
    ("''A lot.'' he", (0, 10), "A lot"),
    ("Smith: “No”", (5, 6), ":"),             # a colon used as cue stays as it is
    ("he said that", (3, 7), "said"),
])
def test_polnear_score_trim_edges(text: str, span: tuple[int, int], expected: str) -> None:
    start, end = trim(text, span)
    assert text[start:end] == expected


def test_polnear_score_exact_overlap_and_triples() -> None:
    text = "Ann Lee said that prices rose sharply."
    gold = [Triple(_at(text, "Ann Lee"), _at(text, "said"), _at(text, "that prices rose sharply"))]
    pred = [Triple(_at(text, "Lee"), _at(text, "said"), _at(text, "that prices rose sharply."))]
    counts = score_doc(text, gold, pred)
    assert counts["source.exact"].tp == 0 and counts["source.overlap"].tp == 1
    assert counts["content.exact"].tp == 1   # the full stop is trimmed on both sides
    assert counts["triple.exact"].tp == 0 and counts["triple.overlap"].tp == 1
    no_source = score_doc(text, [Triple(None, _at(text, "said"), None)], [Triple(_at(text, "Ann"), _at(text, "said"), None)])
    assert no_source["source.exact"].n_gold == 0 and no_source["source.exact"].n_pred == 1
    assert no_source["triple.overlap"].tp == 0   # a source where gold has none is no triple match


def _record(text: str, atts: list[Attribution]) -> Analysis:
    return Analysis(article=ArticleInfo(id="t", text=text), attributions=atts)


def _span(text: str, phrase: str) -> Span:
    start, end = _at(text, phrase)
    return Span(start=start, end=end, text=phrase)


def test_polnear_ours_origin_and_continuation_folded() -> None:
    text = "“Prices rose,” Ann Lee said. “They will fall.”"
    publisher = Source(name="Wire", type="publisher")
    chain = [Source(name="Ann Lee", type="person", span=_span(text, "Ann Lee")), publisher]
    atts = [Attribution(id="a1", kind="direct", cue=_span(text, "said"), content=_span(text, "Prices rose"), chain=chain),
            Attribution(id="a2", kind="direct", cue=None, content=_span(text, "They will fall."), chain=chain),
            Attribution(id="a3", kind="indirect", cue=_span(text, "rose"), content=_span(text, "Prices"),
                        chain=[Source(name="x", type="anonymous"), publisher])]
    out = triples(_record(text, atts))
    assert len(out) == 2
    assert out[0].source == _at(text, "Ann Lee")
    assert out[0].content == (_at(text, "Prices rose")[0], _at(text, "They will fall.")[1])
    assert out[1].source is None   # no link of the chain has a span


def test_polnear_errors_classes_name_missed_cues_and_boundaries() -> None:
    text = "Ann Lee said that prices rose. Bob Cole warned that rents rose."
    gold = [Triple(_at(text, "Ann Lee"), _at(text, "said"), _at(text, "that prices rose")),
            Triple(_at(text, "Bob Cole"), _at(text, "warned"), _at(text, "that rents rose"))]
    pred = [Triple(_at(text, "Lee"), _at(text, "said"), _at(text, "prices rose"))]
    log = ErrorLog()
    log.add(text, gold, pred)
    classes = log.classes()
    assert any(k.startswith("missed cue") and v == ["warned x1"] for k, v in classes.items())
    assert any(k.startswith("source boundary: ours starts later") for k in classes)
    assert any(k.startswith("content boundary: ours starts later") and v == ["that x1"] for k, v in classes.items())
    assert source_kind("she") == "pronoun" and source_kind("Ann Lee") == "name"
    assert source_kind("a campaign aide") == "noun phrase"


def test_polnear_run_on_fixture(resources_dir: Path, nlp: Any) -> None:
    data = resources_dir / "eval"
    result = run(data, split="dev", nlp=nlp)
    assert result.task == "attributions" and result.dataset == "polnear" and result.documents == 2
    assert set(GATED) <= set(result.metrics) and result.gated == list(GATED)
    assert result.metrics["source.exact.n_gold"] == 6.0   # first annotator (ab12) gives 4 + 3 with 1 sourceless
    assert result.metrics["cue.overlap.f1"] > 0.5   # plain "said"/"told" cues are found
    assert result.peers == {} and all(c.theirs is None for c in result.comparisons)
    files = [data / "polnear" / "metadata.tsv"] + [
        data / "polnear" / "dev" / sub / name for sub, name in [
            ("text", "courier_2016-10-05_storm-closes-schools.txt"),
            ("attributions", "courier_2016-10-05_storm-closes-schools_ef56.ann"),
            ("text", "gazette_2016-10-03_mayor-pledges-new-bridge.txt"),
            ("attributions", "gazette_2016-10-03_mayor-pledges-new-bridge_ab12.ann")]]
    assert result.digest == digest_files(files, data / "polnear")


def test_polnear_run_skips_malformed_file_and_names_it(resources_dir: Path, nlp: Any) -> None:
    result = run(resources_dir / "eval", split="train", nlp=nlp)
    assert result.documents == 1
    assert any("E017" in n and "broken-annotation_cd34.ann" in n for n in result.notes)


def test_polnear_load_docs_samples_deterministically(resources_dir: Path) -> None:
    root = resources_dir / "eval" / "polnear"
    one, _, _, sampled = load_docs(root, "dev", 1)
    again, _, _, _ = load_docs(root, "dev", 1)
    assert len(one) == 1 and one[0].name == again[0].name and sampled is not None
    assert TRAIN_SAMPLE >= 100
    with pytest.raises(NewstraceError, match="E016"):
        load_docs(root, "test", None)


def test_polnear_peer_missing_raises_e019(resources_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)   # import now fails
    with pytest.raises(NewstraceError, match="E019"):
        run(resources_dir / "eval", split="dev", with_peers=True)


def test_polnear_peer_textacy_spans(spacy_nlp: Any) -> None:
    pytest.importorskip("textacy")
    from newstrace.evaluate.polnear_peer import TextacyPeer

    peer = TextacyPeer(spacy_nlp)
    text = "“We will build the bridge this year,” the mayor said on Monday."
    (found,) = peer(text)
    assert found.content is not None and text[found.content[0] : found.content[1]].startswith("“We will")
    assert found.source is not None and "mayor" in text[found.source[0] : found.source[1]]
    odd = "The mayor said: “We will build it.”\nA stray “mark here.\n“Done soon,” the mayor said."
    assert peer(odd) and peer.fallbacks == 1   # refused whole, run paragraph by paragraph


def test_polnear_real_dev_split_reads(shared_dir: Path) -> None:
    root = shared_dir / "data" / "polnear"
    docs, files, notes, sampled = load_docs(root, "dev", None)
    assert len(files) == 1 + 2 * len(docs)   # metadata, then each text and its annotation
    assert len(docs) == 84 and sampled is None and not notes
    for doc in docs:
        for att in doc.gold:
            for frags in (att.source, att.cue, att.content):
                assert all(0 <= a <= b <= len(doc.text) for a, b in frags)
