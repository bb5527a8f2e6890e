"""Events: PLOVER type, actors, targets and negation from active, passive, nominal,
coordinated, negated and speech-act clauses (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.language import Language

import newstrace
from newstrace.records import Event


def _events(text: str) -> list[Event]:
    return newstrace.analyze(text, published="2024-05-01", outlet="Test Wire").events


def _names(event: Event) -> tuple[set[str], set[str]]:
    return {a.name for a in event.actors}, {t.name for t in event.targets}


def _find(events: list[Event], type_: str, trigger: str) -> Event:
    found = [e for e in events if e.type == type_ and e.trigger.text.lower() == trigger]
    assert found, [(e.type, e.trigger.text) for e in events]
    return found[0]


CASES = [
    # active clauses
    ("Armenia shelled Azerbaijan near the border on Friday.", "ASSAULT", "shelled", {"Armenia"}, {"Azerbaijan"}),
    ("Turkey arrested dozens of Islamic State militants in Istanbul.", "COERCE", "arrested", {"Turkey"}, {"Islamic State"}),
    ("Pakistan fired missiles at India overnight.", "ASSAULT", "fired", {"Pakistan"}, {"India"}),
    # passive with "by"
    ("Kenya was attacked by al-Shabaab on Tuesday.", "ASSAULT", "attacked", {"Al-Shabaab"}, {"Kenya"}),
    # coordinated actors, relative clause subject
    ("Qatar and Egypt met Hamas in Doha.", "CONSULT", "met", {"Qatar", "Egypt"}, {"Hamas"}),
    ("The talks were hosted by Oman, which welcomed Iran warmly.", "SUPPORT", "welcomed", {"Oman"}, {"Iran"}),
    # subject shared by a conjoined verb; object control of "urged X to"
    ("Germany condemned the coup and urged Niger to release detainees.", "REQUEST", "urged", {"Germany"}, {"Niger"}),
    ("Japan said it would send troops and accused China of provocations.", "ACCUSE", "accused", {"Japan"}, {"China"}),
    # phrasal verbs and verb-object phrases
    ("France called on Mali to hold elections.", "REQUEST", "called", {"France"}, {"Mali"}),
    ("Spain expressed solidarity with Morocco after the earthquake.", "SUPPORT", "expressed", {"Spain"}, {"Morocco"}),
    ("Canada imposed sanctions on Belarus last week.", "SANCTION", "imposed", {"Canada"}, {"Belarus"}),
    ("Nigeria received drones from Turkey in March.", "AID", "received", {"Turkey"}, {"Nigeria"}),
    # possessive pronoun resolved to the speaker of the clause
    ("Ethiopia said its troops had attacked Sudan.", "ASSAULT", "attacked", {"Ethiopia"}, {"Sudan"}),
]


@pytest.mark.parametrize(("text", "type_", "trigger", "actors", "targets"), CASES)
def test_events_participants(nlp: Language, text: str, type_: str, trigger: str,
                             actors: set[str], targets: set[str]) -> None:
    event = _find(_events(text), type_, trigger)
    got_actors, got_targets = _names(event)
    assert actors <= got_actors
    assert targets <= got_targets
    assert not event.negated


NOMINAL = [
    ("Russian air strikes on Ukraine killed four people.", "strikes", {"Russia"}, {"Ukraine"}),
    ("Israel's assault on Hezbollah continued for a week.", "assault", {"Israel"}, {"Hezbollah"}),
    ("Syria launched an offensive against Turkey.", "offensive", {"Syria"}, {"Turkey"}),
]


@pytest.mark.parametrize(("text", "trigger", "actors", "targets"), NOMINAL)
def test_events_nominal(nlp: Language, text: str, trigger: str, actors: set[str], targets: set[str]) -> None:
    event = _find(_events(text), "ASSAULT", trigger)
    got_actors, got_targets = _names(event)
    assert actors <= got_actors
    assert targets <= got_targets


NEGATED = [
    ("Iran did not attack Israel, the ministry said.", "ASSAULT", "attack", {"Iran"}),
    ("Belarus denied sending weapons to Russia.", "AID", "sending", {"Belarus"}),
]


@pytest.mark.parametrize(("text", "type_", "trigger", "actors"), NEGATED)
def test_events_negated(nlp: Language, text: str, type_: str, trigger: str, actors: set[str]) -> None:
    event = _find(_events(text), type_, trigger)
    assert actors <= _names(event)[0]
    assert event.negated


SPEECH_ACTS = [
    ("Serbia rejected the demands of Kosovo.", "REJECT", "rejected"),
    ("Poland warned Russia against further provocations.", "THREATEN", "warned"),
    ("Brazil praised Argentina for its restraint.", "SUPPORT", "praised"),
    ("Chile blamed Peru for the incident.", "ACCUSE", "blamed"),
]


@pytest.mark.parametrize(("text", "type_", "trigger"), SPEECH_ACTS)
def test_events_speech_acts(nlp: Language, text: str, type_: str, trigger: str) -> None:
    event = _find(_events(text), type_, trigger)
    assert event.actors and event.targets


NO_EVENT = [
    "The company fired its chief executive on Monday.",            # "fire" a person
    "The minister struck a conciliatory tone in his speech.",      # "strike" a tone
    "Leaders asked few questions about the budget.",               # no request
    "Armenia agreed to release Azerbaijani prisoners next month.", # irrealis release
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_events_wrong_sense_and_irrealis(nlp: Language, text: str) -> None:
    events = _events(text)
    assert all(e.type not in ("ASSAULT", "REQUEST", "CONCEDE") for e in events), \
        [(e.type, e.trigger.text) for e in events]


ANAPHORA = [
    # the subject names the earlier event's weapons or the earlier event itself
    ("Armenia launched dozens of missiles on Friday. Officials said the missiles hit a hospital.",
     "hit", {"Armenia"}),
    ("Serbian forces bombed Kosovo on Monday. Witnesses said one of the strikes hit a school.",
     "hit", {"Serbia"}),
    # a past passive without agent continues the nearby event
    ("Eritrea shelled Ethiopia on Monday. Three farmers were wounded, witnesses said.",
     "wounded", {"Eritrea"}),
]


@pytest.mark.parametrize(("text", "trigger", "actors"), ANAPHORA)
def test_events_inherited_actor(nlp: Language, text: str, trigger: str, actors: set[str]) -> None:
    event = _find(_events(text), "ASSAULT", trigger)
    assert actors <= _names(event)[0]
    assert "+inherited_actor" in event.reason


def test_events_no_inheritance_for_new_or_victim_events(nlp: Language) -> None:
    # an indefinite subject starts a new event; the inherited actor may not be the victims' side
    events = _events("Chad shelled Sudan on Monday. A rocket hit a market. On the Chadian side, "
                     "four soldiers were killed.")
    assert all("+inherited_actor" not in e.reason for e in events), [(e.trigger.text, e.reason) for e in events]


def test_events_retaliation_threat(nlp: Language) -> None:
    text = ("Peru accused Chile of bombing its border posts. "
            "A Peruvian spokesman said Peru would respond at a time of its choosing.")
    event = _find(_events(text), "THREATEN", "respond")
    assert _names(event) == ({"Peru"}, {"Chile"})
    assert all(e.type != "THREATEN" for e in _events("Peru responded to the letter on Monday."))


def test_events_mediated_swap(nlp: Language) -> None:
    text = "Armenia and Azerbaijan released 30 prisoners in a swap mediated by Qatar."
    events = _events(text)
    event = _find(events, "COOPERATE", "mediated")
    assert _names(event) == ({"Qatar"}, {"Armenia", "Azerbaijan"})
    assert not [e for e in events if e.trigger.text == "swap"]   # the swap restates "released"


def test_events_denied_involvement(nlp: Language) -> None:
    text = ("A drone attack on Kenya killed two people on Monday. "
            "Al-Shabaab said it had no role in the attack.")
    events = [e for e in _events(text) if e.type == "ASSAULT" and "no role" in e.evidence.text]
    assert events and events[0].negated
    assert _names(events[0]) == ({"Al-Shabaab"}, {"Kenya"})


@pytest.mark.parametrize(
    ("text", "target", "absent"),
    [
        ("Ukraine is at war. Russian missiles struck Mykolaiv overnight, officials said.", "Ukraine", None),
        ("Syria's army shelled Idlib on Monday, a monitor said. Syria denied it.", None, "Syria"),
    ],
)
def test_events_state_of_struck_place_is_target(text: str, target: str | None, absent: str | None) -> None:
    record = newstrace.analyze(text, published="2024-05-01", outlet="Test Wire")
    assaults = [e for e in record.events if e.type == "ASSAULT"]
    assert assaults
    names = {t.name for e in assaults for t in e.targets}
    if target:
        assert target in names
    if absent:
        assert absent not in names


def test_events_response_targets_the_actor_of_what_it_answers() -> None:
    text = ("The European Union imposed sanctions on Iran Air on Monday. "
            "Tehran rejected the sanctions as illegal, its foreign ministry said.")
    record = newstrace.analyze(text, published="2024-05-01", outlet="Test Wire")
    rejects = [e for e in record.events if e.type == "REJECT"]
    assert rejects and any(t.name == "European Union" for e in rejects for t in e.targets)


def test_events_restatement_merged_into_main_event(nlp: Language) -> None:
    # "killing 12 people" restates the strike by the same actor: one event, keeping the toll
    events = [e for e in _events("Syrian jets struck Idlib on Monday, killing 12 people.") if e.type == "ASSAULT"]
    assert len(events) == 1, [(e.trigger.text, e.reason) for e in events]
    assert events[0].trigger.text == "struck"
    assert any(q.value == 12 for q in events[0].quantities)


MORE_PARTICIPANTS = [
    # a name inside a capital's mention ("Hamas officials in Cairo") is its own actor
    ("Qatari mediators met Hamas officials in Cairo on Sunday.", "CONSULT", "met", {"Qatar"}, {"Hamas"}),
    # "X and Y, whose governments ...": the relative pronoun stands for both
    ("Chile thanked Peru and Bolivia, whose governments expressed solidarity with Chile.",
     "SUPPORT", "expressed", {"Peru", "Bolivia"}, {"Chile"}),
    # a conjunct attached inside another actor's mention
    ("Turkey called on the government in Baghdad and the Kurdistan Regional Government (KRG) to act.",
     "REQUEST", "called", {"Turkey"}, {"Iraq", "Kurdistan Regional Government"}),
    # a dateline misparsed as a second subject is not the actor
    ("NAIROBI, May 3 (Reuters) - Ethiopian forces have attacked Sudan near the border.",
     "ASSAULT", "attacked", {"Ethiopia"}, {"Sudan"}),
    # complex prepositions and prepositions on a quantifier object
    ("The United States will pull its troops out of Niger.", "RETREAT", "pull", {"United States"}, {"Niger"}),
    ("Russia fired dozens of drones at Ukrainian cities.", "ASSAULT", "fired", {"Russia"}, {"Ukraine"}),
    # an armed group striking a town of the state it is based in targets that state
    ("Sudan is at war. The Rapid Support Forces shelled El Fasher on Sunday.", "ASSAULT", "shelled",
     {"Rapid Support Forces"}, {"Sudan"}),
]


@pytest.mark.parametrize(("text", "type_", "trigger", "actors", "targets"), MORE_PARTICIPANTS)
def test_events_more_participants(nlp: Language, text: str, type_: str, trigger: str,
                                  actors: set[str], targets: set[str]) -> None:
    event = _find(_events(text), type_, trigger)
    got_actors, got_targets = _names(event)
    assert actors == got_actors
    assert targets <= got_targets


def test_events_passive_restatement_inherits_targets(nlp: Language) -> None:
    text = "Kenya arrested dozens of al-Shabaab militants on Monday. Officials said 40 suspects were detained."
    event = _find(_events(text), "COERCE", "detained")
    assert _names(event) == ({"Kenya"}, {"Al-Shabaab"})


def test_events_noun_inside_a_name_is_no_event(nlp: Language) -> None:
    events = _events("Mali joined the Alliance of Sahel States in 2023.")
    assert not [e for e in events if e.trigger.text == "Alliance"], [(e.type, e.trigger.text) for e in events]


def test_events_fended_off_attack_targets_the_defender(nlp: Language) -> None:
    event = _find(_events("Armenia said its forces repelled 12 Azerbaijani assaults near the border."),
                  "ASSAULT", "assaults")
    assert _names(event) == ({"Azerbaijan"}, {"Armenia"})
    assert all(e.trigger.text != "repelled" for e in _events("Armenia repelled 12 Azerbaijani assaults."))


def test_events_rejected_claims_target_the_claimant(nlp: Language) -> None:
    text = ("The Serbian defence ministry claimed it had destroyed a depot in Kosovo. "
            "Kosovo rejects these lies.")
    event = _find(_events(text), "REJECT", "rejects")
    assert _names(event) == ({"Kosovo"}, {"Serbia"})


MENTIONED_ONLY = [
    # a predicate noun characterises, it reports no new event
    ("This is a cowardly attack on farmers, a Kenyan official said.", "attack"),
    # the thing another event acts on
    ("Niger revoked a military cooperation accord with France in March.", "accord"),
    # an idiom of manner
    ("Hamas freed 33 captives in exchange for hundreds of Palestinian prisoners.", "exchange"),
    # the subject naming the actors of the verb's own event
    ("A delegation of Iranian envoys met Houthi commanders in Sanaa.", "delegation"),
]


@pytest.mark.parametrize(("text", "trigger"), MENTIONED_ONLY)
def test_events_noun_that_only_mentions_is_no_event(nlp: Language, text: str, trigger: str) -> None:
    events = _events(text)
    assert not [e for e in events if e.trigger.text == trigger], [(e.type, e.trigger.text) for e in events]


def test_events_subject_noun_with_its_own_target_is_kept(nlp: Language) -> None:
    events = _events("A drone attack on Kenya caused no casualties on Sunday.")
    assert any(e.trigger.text == "attack" and {"Kenya"} <= _names(e)[1] for e in events), \
        [(e.type, e.trigger.text) for e in events]


def test_events_conjoined_verb_goes_with_the_speaker(nlp: Language) -> None:
    text = "The Red Cross said dozens of trucks had crossed the border, and urged Israel to allow more aid."
    event = _find(_events(text), "REQUEST", "urged")
    assert _names(event) == ({"International Committee of the Red Cross"}, {"Israel"})


def test_events_generic_relative_clause_is_no_event(nlp: Language) -> None:
    events = _events("Those who attack Americans will be held accountable, a Pentagon spokesperson said.")
    assert not [e for e in events if e.type == "ASSAULT"], [(e.type, e.trigger.text) for e in events]


def test_events_elided_recipient_of_the_other_polarity(nlp: Language) -> None:
    text = "Belarus admits supplying a few drones to Russia but says it has never sent missiles."
    event = _find(_events(text), "AID", "sent")
    assert event.negated
    assert _names(event) == ({"Belarus"}, {"Russia"})


def test_events_condemned_attack_by_x_against_y(nlp: Language) -> None:
    events = _events("Kenya condemned the attack carried out by al-Shabaab against Somalia on Monday.")
    assert _names(_find(events, "ASSAULT", "attack")) == ({"Al-Shabaab"}, {"Somalia"})
    assert _names(_find(events, "ACCUSE", "condemned")) == ({"Kenya"}, {"Al-Shabaab"})


def test_events_definite_theme_keeps_the_earlier_recipient(nlp: Language) -> None:
    text = ("Iran has supplied Hezbollah with guidance kits in recent weeks. "
            "The components were delivered by Iranian-crewed boats to small ports.")
    event = _find(_events(text), "AID", "delivered")
    assert _names(event)[0] == {"Iran"}
    assert "Hezbollah" in _names(event)[1]


def test_events_generic_noun_stands_for_the_salient_armed_group(nlp: Language) -> None:
    text = ("Al-Shabaab fighters stormed a base in southern Somalia on Monday. "
            "Kenya said its forces killed dozens of the militants in the following hours.")
    assert _names(_find(_events(text), "ASSAULT", "killed")) == ({"Kenya"}, {"Al-Shabaab"})


def test_events_demonyms_coordinated_inside_one_phrase_both_act(nlp: Language) -> None:
    event = _find(_events("Russian and Syrian warplanes bombed rebel positions near Hama."), "ASSAULT", "bombed")
    assert {"Russia", "Syria"} <= _names(event)[0]


@pytest.mark.parametrize(("text", "actors", "target"), [
    ("Turkey and Iraq agreed to fight the Islamic State together.", {"Turkey", "Iraq"}, "Islamic State"),
    ("Jordan and Egypt agreed to open a joint centre to combat the Islamic State.", {"Jordan", "Egypt"}, "Islamic State"),
])
def test_events_agreement_targets_the_object_of_the_agreed_action(nlp: Language, text: str, actors: set[str],
                                                                   target: str) -> None:
    got_actors, got_targets = _names(_find(_events(text), "AGREE", "agreed"))
    assert actors == got_actors
    assert target in got_targets and not actors & got_targets


def test_events_both_sides_are_the_parties_of_the_latest_event(nlp: Language) -> None:
    text = "Armenia shelled Azerbaijan near the border. On Monday, France called on both sides to show restraint."
    assert {"Armenia", "Azerbaijan"} <= _names(_find(_events(text), "REQUEST", "called"))[1]


def test_events_forces_stationed_somewhere_are_no_event(nlp: Language) -> None:
    events = _events("Washington is discussing the future of the 900 U.S. troops stationed in Syria.")
    assert not [e for e in events if e.trigger.text == "stationed"]


@pytest.mark.parametrize("text", [
    "Qatar said the talks would go on until Hamas releases the Israeli hostages.",
    "Egypt will close the crossing if Israel attacks Rafah.",
])
def test_events_present_tense_conditional_or_until_clause_is_no_event(nlp: Language, text: str) -> None:
    assert not [e for e in _events(text) if e.trigger.text in ("releases", "attacks")]


@pytest.mark.parametrize("text", [
    "Chile voiced support on Monday, the ministry said.",   # directed type without a target
    "Most of the rockets were intercepted.",                # neither actor nor target
    "Drone transfers to Russia alarmed the alliance.",      # directed type without an actor
])
def test_no_event_without_participants(nlp: Language, text: str) -> None:
    assert not [e for e in _events(text) if e.type in ("SUPPORT", "ASSAULT", "AID")]


def test_directed_event_with_target_kept(nlp: Language) -> None:
    assert _names(_find(_events("Chile voiced support for Peru on Monday."), "SUPPORT", "voiced")) == ({"Chile"}, {"Peru"})


def test_dative_preposition_names_recipient(nlp: Language) -> None:
    event = _find(_events("Belarus denied sending weapons to Russia."), "AID", "sending")
    assert _names(event) == ({"Belarus"}, {"Russia"})


def test_complaint_targets_the_accused_not_the_addressee(nlp: Language) -> None:
    events = _events("Armenia shelled Georgia on Friday. Georgia lodged a complaint with the UN Security Council.")
    assert _names(_find(events, "ACCUSE", "complaint")) == ({"Georgia"}, {"Armenia"})
