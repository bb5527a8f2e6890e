"""Entity resolution: "-led" coalitions, peacekeepers, state bodies, owners before "in", "the party",
a quoted "we", a sentence-initial "They" (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newstrace.errors import NewstraceError
from newstrace.extract.entities.gazetteer import Gazetteer, default_gazetteer
from newstrace.extract.entities.gazetteer_models import CountryEntry, IgoEntry, StateBodyEntry
from newstrace.extract.entities.model import EntityInfo, EntityTable, Mention
from newstrace.extract.entities.rules import resolve_entities


def _table(nlp: Language, text: str) -> EntityTable:
    return resolve_entities(nlp(text), default_gazetteer())


def _at(table: EntityTable, text: str, nth: int = 0) -> tuple[Mention, EntityInfo] | None:
    """The ``nth`` mention whose text is ``text``, with its entity (None when there is none)."""
    found = [m for m in table.mentions if m.text == text]
    if len(found) <= nth:
        return None
    info = table.get(found[nth].entity_id)
    assert info is not None
    return found[nth], info


def _entity_of(table: EntityTable, text: str, nth: int = 0) -> EntityInfo:
    hit = _at(table, text, nth)
    assert hit is not None, [m.text for m in table.mentions]
    return hit[1]


# --- "X-led" coalitions -------------------------------------------------------------------------

def test_us_led_coalition_in_iraq_is_the_global_coalition(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Officials in Baghdad said the U.S.-led coalition had flown over Iraq and Syria. "
                              "The coalition did not respond.")
    coalition = _entity_of(table, "the U.S.-led coalition")
    assert coalition.name == "Global Coalition against Daesh"
    assert _entity_of(table, "The coalition").id == coalition.id
    assert _entity_of(table, "U.S.").name == "United States"   # the leader stays a mention of its own


def test_saudi_led_coalition_is_a_known_actor(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "The Saudi-led coalition struck Sanaa on Monday, Yemeni officials said.")
    assert _entity_of(table, "Saudi-led coalition").name == "Saudi-led coalition in Yemen"


def test_unknown_led_coalition_is_one_entity_tied_to_its_leader(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Russian-led forces entered the town on Friday. "
                              "Later the Russian-led forces left, residents said.")
    first = _entity_of(table, "Russian-led forces")
    assert first.name == "Russian-led forces"
    assert first.type == "organization"
    assert _entity_of(table, "the Russian-led forces").id == first.id
    leader = table.get(first.affiliation)
    assert leader is not None and leader.name == "Russia"


def test_led_compound_before_a_name_is_no_description(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "The Kurdish-led Syrian Democratic Forces (SDF) captured the town.")
    assert all("led" not in m.text for m in table.mentions)
    assert _entity_of(table, "Syrian Democratic Forces").name == "Syrian Democratic Forces"


def test_the_coalition_is_never_an_unrelated_organisation(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Qatar Airways resumed flights to Doha on Monday. The coalition said strikes would go on.")
    assert _at(table, "The coalition") is None


def test_the_coalition_named_by_leader_and_theatre(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "The United States keeps about 2,500 troops in Iraq. Baghdad and Washington "
                              "have been negotiating the end of the coalition's mission.")
    assert _entity_of(table, "the coalition").name == "Global Coalition against Daesh"


# --- peacekeepers -------------------------------------------------------------------------------

def test_the_peacekeepers_are_the_last_mission_named(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "UNIFIL said one of its patrols came under fire near Naqoura. "
                              "The army said its troops did not attack the peacekeepers.")
    assert _entity_of(table, "the peacekeepers").name == "UNIFIL"


def test_the_peacekeepers_with_no_mission_stay_unresolved(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "The United Nations met in New York. Residents said the peacekeepers left.")
    assert _at(table, "the peacekeepers") is None


def test_missions_carry_their_kind_and_theatre() -> None:
    gaz = default_gazetteer()
    for name in ("UNIFIL", "MINUSMA", "UNMISS", "MONUSCO", "UNDOF"):
        actor = next(f.actor for f in gaz.lookup(name))
        assert "peacekeeping" in actor.tags and actor.theatre, name


# --- state bodies ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "mention", "state", "sector"), [
    ("The Pentagon ordered two destroyers to the region.", "Pentagon", "United States", "military"),
    ("Last week a Kremlin spokesman denied the report.", "Kremlin spokesman", "Russia", "government"),
    ("Turkey's MIT captured a senior militant in Qamishli.", "MIT", "Turkey", "intelligence"),
    ("Mossad was blamed for the killing.", "Mossad", "Israel", "intelligence"),
    ("The Kremlin's troops shelled the city overnight.", "Kremlin's troops", "Russia", "military"),
])
def test_known_state_bodies_are_their_state_with_a_sector(spacy_nlp: Language, text: str, mention: str,
                                                          state: str, sector: str) -> None:
    hit = _at(_table(spacy_nlp, text), mention)
    assert hit is not None
    m, info = hit
    assert (info.name, info.type, m.sector) == (state, "country", sector)


def test_an_ambiguous_short_form_needs_its_state_named(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "MIT researchers published a study on batteries.")
    assert all(e.name != "Turkey" for e in table.entities.values())


def test_a_body_naming_no_state_is_the_state_of_the_article(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Turkish jets struck targets in northern Iraq, the National Defense Ministry (MSB) "
                              "announced on Monday.")
    hit = _at(table, "National Defense Ministry")
    assert hit is not None
    m, info = hit
    assert (info.name, m.sector) == ("Turkey", "military")
    assert _entity_of(table, "MSB").name == "Turkey"


def test_a_body_with_no_state_named_before_it_stays_a_body(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "The National Defense Ministry announced new exercises on Monday.")
    assert all(e.type != "country" for e in table.entities.values())


# --- the owner before "in" -------------------------------------------------------------------------

def test_forces_in_a_country_belong_to_their_owner(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Iran-backed groups have carried out 170 attacks on US forces in Iraq and Syria. "
                              "A drone killed three US soldiers in Jordan in January.")
    assert _entity_of(table, "Iraq").name == "Iraq"
    assert _entity_of(table, "Jordan").name == "Jordan"
    for m in table.mentions:
        info = table.get(m.entity_id)
        assert info is not None
        if "forces" in m.text or "soldiers" in m.text:
            assert info.name == "United States", m.text


def test_a_person_in_a_capital_is_no_mention_of_its_state(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "The killing of Hamas political leader Ismail Haniyeh in Tehran raised fears of war.")
    assert _entity_of(table, "Tehran").name == "Iran"
    assert _entity_of(table, "Ismail Haniyeh").type == "person"


def test_officials_in_a_capital_are_its_government(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "When fighters landed in Mali, officials in Bamako called them instructors.")
    hit = _at(table, "officials in Bamako")
    assert hit is not None and hit[1].name == "Mali" and hit[0].sector == "government"


# --- the party, places ----------------------------------------------------------------------------

def test_the_party_is_the_last_party_named(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "A drone hit a car on the road between Nabatieh and Kfar Roummane. Hezbollah "
                              "mourned the fighter, as the party has done for its dead since October.")
    assert _entity_of(table, "the party").name == "Hezbollah"


def test_a_name_used_as_a_place_is_no_antecedent(spacy_nlp: Language) -> None:
    doc = spacy_nlp("A drone hit a car on the road between Nabatieh and Kfar Roummane. The group said nothing.")
    table = resolve_entities(doc, default_gazetteer())
    hit = _at(table, "The group")
    assert hit is None or hit[1].name not in ("Nabatieh", "Kfar Roummane")


# --- we, they ---------------------------------------------------------------------------------------

def test_quoted_we_is_the_speakers_organisation(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "\u201cWe will not hesitate to defend our forces,\u201d a Pentagon spokesperson said.")
    assert _entity_of(table, "We").name == "United States"


def test_quoted_we_is_never_the_outlet(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Turkey's defence ministry said its jets struck PKK targets. \"We take every "
                              "precaution to protect civilians,\" the ministry said, Reuters reported.")
    assert _entity_of(table, "We").name == "Turkey"


def test_quoted_we_of_a_person_is_the_persons_affiliation(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "\u201cWhen we surrounded the house, they surrendered,\u201d Karim al-Obeidi, "
                              "a spokesman for the Islamic Resistance in Iraq, told reporters.")
    assert _entity_of(table, "we").name == "Islamic Resistance in Iraq"


def test_we_outside_quotes_or_without_a_speaker_stays_unresolved(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Reuters reported the clash. We came because of the war, "
                              "\u201cwe only want peace,\u201d said Rima Haidar, a teacher.")
    assert _at(table, "We") is None and _at(table, "we") is None


def test_sentence_initial_they_is_the_last_group(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Turkish jets struck PKK targets on Monday. \"Our fight against the terrorist "
                              "organization will continue. They have nowhere left to hide,\" the ministry said.")
    assert _entity_of(table, "They").name == "Kurdistan Workers' Party"


def test_they_after_a_plural_subject_naming_no_actor_stays_unresolved(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Campaigners are to stage a rally near the Labour conference. "
                              "They will mark the anniversary with a walk.")
    assert _at(table, "They") is None


def test_a_quoted_they_does_not_reach_into_the_narration(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "The army struck Hezbollah positions overnight. \"They shot at us,\" said a resident.")
    assert _at(table, "They") is None


# --- appositions, types, data validation ------------------------------------------------------------

def test_a_possessive_description_takes_the_name_in_apposition(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "The PKK has fought Turkey for decades. Its Syrian wing, the YPG, dominates the SDF.")
    assert _entity_of(table, "Its Syrian wing").name == "People's Protection Units"


def test_africa_corps_is_an_armed_group() -> None:
    form = default_gazetteer().best("Africa Corps")
    assert form is not None and form.actor.type == "armed_group"


def _country() -> CountryEntry:
    return CountryEntry(name="Testland", iso2="TL", source="test entry")


def test_a_coalition_with_an_unknown_leader_is_rejected() -> None:
    with pytest.raises(NewstraceError, match="E011"):
        Gazetteer([_country()], [], [], [IgoEntry(name="Test coalition", led_by="ZZ", source="test entry")], [])


def test_a_state_body_of_an_unknown_state_is_rejected() -> None:
    body = StateBodyEntry(name="Test Office", country="ZZ", sector="government", source="test entry")
    with pytest.raises(NewstraceError, match="E011"):
        Gazetteer([_country()], [], [], [], [], bodies=[body])


def test_a_coalition_is_chosen_by_the_states_the_text_names() -> None:
    gaz = Gazetteer([_country(), CountryEntry(name="Otherland", iso2="OL", source="test entry")], [], [], [
        IgoEntry(name="North coalition", led_by="TL", theatre=["OL"], source="test entry"),
    ], [])
    from collections import Counter

    leader = gaz.by_iso2["TL"]
    found = gaz.led_by(leader, Counter({"OL": 2}))
    assert found is not None and found.name == "North coalition" and "coalition" in found.tags
    assert gaz.led_by(leader, Counter({"TL": 3})) is None


def test_quoted_we_of_the_publisher_itself_stays_unresolved(nlp: Language) -> None:
    import newstrace

    record = newstrace.analyze("\u201cWe stand by our reporting,\u201d Reuters said on Monday.", outlet="Reuters")
    assert all(m.text != "We" for e in record.entities for m in e.mentions)


def test_turkish_usage_pkk_ypg_names_the_ypg(spacy_nlp: Language) -> None:
    table = _table(spacy_nlp, "Ankara blamed the PKK/YPG for the attack. The PKK has fought Turkey since 1984.")
    assert _entity_of(table, "PKK/YPG").name == "People's Protection Units"
    assert _entity_of(table, "PKK").name == "Kurdistan Workers' Party"
