"""A state's forces claimed by a de facto authority ("Yemen's Armed Forces" of the Houthis), on
sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newstrace.errors import NewstraceError
from newstrace.extract.entities.gazetteer import Gazetteer, default_gazetteer
from newstrace.extract.entities.gazetteer_models import CountryEntry, OrganizationEntry, StateForces
from newstrace.extract.entities.rules import resolve_entities


def _names(nlp: Language, text: str) -> dict[str, str]:
    table = resolve_entities(nlp(text), default_gazetteer())
    out = {}
    for m in table.mentions:
        info = table.get(m.entity_id)
        assert info is not None
        out[m.text] = info.name
    return out


def test_state_forces_are_the_authoritys_where_the_text_names_it(spacy_nlp: Language) -> None:
    names = _names(spacy_nlp, "Yemen's Armed Forces said they fired a missile at a tanker. "
                              "Ansarallah has vowed to keep up the blockade.")
    assert names["Yemen's Armed Forces"] == "Houthis"
    assert names["Ansarallah"] == "Houthis"


def test_the_yemeni_navy_with_the_houthis_named(spacy_nlp: Language) -> None:
    names = _names(spacy_nlp, "The Houthis said the Yemeni navy had targeted a tanker off the coast.")
    assert names["Yemeni navy"] == "Houthis"


def test_state_forces_stay_the_states_without_the_authority(spacy_nlp: Language) -> None:
    names = _names(spacy_nlp, "Yemen's Armed Forces said they fired a missile at a tanker on Monday.")
    assert names["Yemen's Armed Forces"] == "Yemen"


def test_other_sectors_of_the_state_stay_the_states(spacy_nlp: Language) -> None:
    names = _names(spacy_nlp, "The Houthis attacked a ship, Yemen's foreign ministry said on Monday.")
    assert names["Yemen's foreign ministry"] == "Yemen"


def test_state_forces_of_an_unknown_country_fail_at_load() -> None:
    with pytest.raises(NewstraceError):
        Gazetteer(countries=[CountryEntry(name="Yemen", iso2="YE", source="test data")],
                  organizations=[OrganizationEntry(name="Group", type="armed_group", source="test data",
                                                   state_forces=StateForces(country="ZZ", words=["navy"]))],
                  outlets=[], igos=[], sectors=[])
