"""Attribution rules on sentences written for these tests (who says what, through whom)."""

from __future__ import annotations

from typing import Any

import pytest

import newstrace

OUTLET = "Test Wire"


def _attributions(text: str) -> list[dict[str, Any]]:
    rec = newstrace.analyze(text, published="2024-05-01", outlet=OUTLET).to_dict()
    return list(rec["attributions"])


def _find(atts: list[dict[str, Any]], content: str) -> dict[str, Any] | None:
    return next((a for a in atts if content in a["content"]["text"]), None)


def _chain(att: dict[str, Any]) -> list[str]:
    return [s["name"] for s in att["chain"]]


def _in_order(wanted: list[str], names: list[str]) -> bool:
    pos = -1
    for w in wanted:
        idx = next((i for i, n in enumerate(names) if i > pos and w.lower() in n.lower()), None)
        if idx is None:
            return False
        pos = idx
    return True


# (text, expected content substring, expected chain names in order, kind or None)
CASES = [
    # direct, indirect, mixed, according to
    ('"We will rebuild every school," the mayor of Lindor said on Tuesday.',
     "We will rebuild every school", ["mayor", OUTLET], "direct"),
    ("The Norland interior ministry said that three bridges had been closed after the floods.",
     "three bridges had been closed", ["interior ministry", OUTLET], "indirect"),
    ('The Norland army said its units had "fully secured" the northern pass.',
     'its units had "fully secured" the northern pass', ["army", OUTLET], "mixed"),
    ("Two convoys reached the valley on Sunday, according to the Red Cross.",
     "Two convoys reached the valley on Sunday", ["Red Cross", OUTLET], "according_to"),
    # nested chains
    ("Sources who spoke with Reuters said the talks had stalled over prisoner lists.",
     "the talks had stalled over prisoner lists", ["Sources", "Reuters", OUTLET], None),
    ("A senior diplomat told Reuters that the ceasefire talks would resume in Doha.",
     "the ceasefire talks would resume in Doha", ["diplomat", "Reuters", OUTLET], None),
    ("Three port workers told the Reuters news agency that the cranes had stopped before dawn.",
     "the cranes had stopped before dawn", ["port workers", "Reuters", OUTLET], None),
    ("The Associated Press reported, citing two police officers, that the suspect had fled abroad.",
     "the suspect had fled abroad", ["police officers", "Associated Press", OUTLET], None),
    # complement verbs, infinitive complements
    ("The UN refugee agency urged both governments to reopen the border crossings.",
     "both governments to reopen the border crossings", ["refugee agency", OUTLET], None),
    ("The Red Cross called on both sides to open safe corridors for the wounded.",
     "both sides to open safe corridors", ["Red Cross", OUTLET], None),
    ("Germany accused the shipping company of breaking the embargo.",
     "the shipping company of breaking the embargo", ["Germany", OUTLET], None),
    # a cue hanging off a non-reporting verb shares its subject
    ("The council revoked the licence in June, calling the mining project \"reckless\".",
     "the mining project", ["council", OUTLET], None),
]


@pytest.mark.parametrize(("text", "content", "chain", "kind"), CASES)
def test_attribution_content_and_chain(text: str, content: str, chain: list[str], kind: str | None) -> None:
    atts = _attributions(text)
    att = _find(atts, content)
    assert att is not None, [a["content"]["text"] for a in atts]
    assert _in_order(chain, _chain(att)), _chain(att)
    assert _chain(att)[-1] == OUTLET
    if kind is not None:
        assert att["kind"] == kind


# conjoined cue inside the first cue's clause: two statements, the same source
CONJOINED = [
    ("A Norland army spokesman denied that any homes had been hit and said all of the targets were depots.",
     "any homes had been hit", "all of the targets were depots", "spokesman"),
    ("The Lindor police chief said that the roads had reopened and urged drivers to avoid the coast.",
     "the roads had reopened", "drivers to avoid the coast", "police chief"),
]


@pytest.mark.parametrize(("text", "first", "second", "speaker"), CONJOINED)
def test_conjoined_cue_is_its_own_attribution(text: str, first: str, second: str, speaker: str) -> None:
    atts = _attributions(text)
    one, two = _find(atts, first), _find(atts, second)
    assert one is not None and two is not None, [a["content"]["text"] for a in atts]
    assert second not in one["content"]["text"]
    assert speaker in _chain(one)[0].lower() and speaker in _chain(two)[0].lower()


def test_second_source_in_while_clause_is_not_nested() -> None:
    text = ("Channel 9 reported that 40 people had died, while the Lindor Herald said 23 were killed.")
    atts = _attributions(text)
    first, second = _find(atts, "40 people had died"), _find(atts, "23 were killed")
    assert first is not None and second is not None
    assert "23 were killed" not in first["content"]["text"]
    assert not any("Channel 9" in n for n in _chain(second))


def test_continuation_adding_that() -> None:
    text = ("The Norland foreign ministry said the envoy had been recalled, adding that "
            "the embassy would stay open.")
    atts = _attributions(text)
    cont = _find(atts, "the embassy would stay open")
    assert cont is not None
    assert "foreign ministry" in _chain(cont)[0].lower()
    assert "continuation" in cont["reason"]


def test_report_continuation_prefers_the_introduced_statement() -> None:
    text = ("Local media reported that the dam had been damaged. In a statement, the Norland energy "
            "ministry said repairs would take weeks. \"No village is at risk. The water level is "
            "falling,\" the statement said.")
    atts = _attributions(text)
    att = _find(atts, "No village is at risk")
    assert att is not None
    assert "energy ministry" in _chain(att)[0].lower()


def test_postposed_cue_after_colon_does_not_take_the_sentence() -> None:
    text = "For the coastal towns, the choice is simple: the government asks few questions."
    atts = _attributions(text)
    assert _find(atts, "the choice is simple") is None


def test_parenthetical_cue_takes_what_follows() -> None:
    text = ("The rebels have seized three towns since March, acting, the rebels say, "
            "in defence of local farmers, who have lost their land.")
    atts = _attributions(text)
    att = _find(atts, "in defence of local farmers")
    assert att is not None
    assert "since March" not in att["content"]["text"]
    assert "lost their land" not in att["content"]["text"]


def test_postposed_cue_with_dateline() -> None:
    text = ("LINDOR, May 2 (Test Wire) - Heavy shelling on the port killed at least 12 people on "
            "Sunday, a local rights group said, as fighting spread to the suburbs.")
    atts = _attributions(text)
    att = _find(atts, "Heavy shelling on the port killed at least 12 people")
    assert att is not None
    assert "LINDOR" not in att["content"]["text"]


def test_passive_belief_names_no_speaker() -> None:
    atts = _attributions("Norland intelligence is believed to steer these shipments.")
    assert _find(atts, "to steer these shipments") is None


def test_no_group_claims_nothing() -> None:
    atts = _attributions("No group claimed responsibility for the blast at the depot.")
    assert atts == []


def test_full_stop_quote_is_not_cue_of_next_sentence() -> None:
    text = ('The mayor called the blast "a cowardly act against our city." The governor blamed '
            "the rebels for the attack.")
    atts = _attributions(text)
    assert not any("cowardly" in a["content"]["text"] and "governor" in _chain(a)[0].lower() for a in atts)
    blamed = _find(atts, "the rebels for the attack")
    assert blamed is not None and "governor" in _chain(blamed)[0].lower()


def test_coordinated_sources_speak_as_one() -> None:
    atts = _attributions("Germany and France accused Norland of breaking the embargo.")
    att = _find(atts, "Norland of breaking the embargo")
    assert att is not None
    assert _chain(att)[0] == "Germany and France"


def test_publisher_own_statement_is_not_attributed() -> None:
    text = "Norland condemns in the strongest terms the shelling of the port of Lindor."
    rec = newstrace.analyze(text, published="2024-05-01", outlet="Ministry of Foreign Affairs of Norland")
    assert rec.to_dict()["attributions"] == []


def test_definite_anonymous_source_reuses_earlier_chain() -> None:
    text = ("A Norland defence official told Reuters that two rockets hit the depot. "
            "The official said nobody had been hurt.")
    atts = _attributions(text)
    att = _find(atts, "nobody had been hurt")
    assert att is not None
    assert _in_order(["defence official", "Reuters", OUTLET], _chain(att)), _chain(att)


def test_one_of_them_speaks_for_the_group_named_before() -> None:
    text = ("Two Norland customs officers told Reuters that the cargo was seized at dawn. "
            "One of them said the ship had sailed from a southern port.")
    att = _find(_attributions(text), "the ship had sailed")
    assert att is not None
    assert _in_order(["customs officers", "Reuters", OUTLET], _chain(att)), _chain(att)


def test_a_bare_state_organ_speaks_for_the_state_named_before() -> None:
    text = ("Norway's navy said two patrol boats were damaged. The Navy said later that one crew member "
            "was missing.")
    att = _find(_attributions(text), "one crew member")
    assert att is not None
    assert att["chain"][0]["affiliation"] == "Norway" and att["chain"][0]["type"] == "official", att["chain"][0]
    alone = _find(_attributions("The Navy said later that one crew member was missing."), "one crew member")
    assert alone is not None and alone["chain"][0]["affiliation"] is None
