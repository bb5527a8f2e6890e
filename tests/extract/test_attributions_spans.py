"""Attribution spans in the PARC 3.0 / PolNeAR convention and the cues found from layout, on
sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

import newstrace


def _attributions(text: str) -> list[dict[str, Any]]:
    rec = newstrace.analyze(text, published="2016-05-01", outlet="Test Wire").to_dict()
    return list(rec["attributions"])


def _with_cue(text: str, cue: str) -> dict[str, Any]:
    atts = _attributions(text)
    found = next((a for a in atts if a["cue"] and a["cue"]["text"] == cue), None)
    assert found is not None, [(a["cue"], a["content"]["text"]) for a in atts]
    return found


# (text, cue, origin span text, content text)
CASES = [
    ("The Norland interior ministry said that three bridges had been closed.",
     "said", "The Norland interior ministry", "that three bridges had been closed"),
    ("The army has also denied that its troops fired on the convoy.",
     "has also denied", "The army", "that its troops fired on the convoy"),
    ("The mayor asked whether the council would meet.",
     "asked", "The mayor", "whether the council would meet"),
    ("Critics, Tom Reed says, doubt that the money exists.",
     "says", "Tom Reed", "Critics, Tom Reed says, doubt that the money exists"),
    ("The plan was opposed by Tom Reed, who says that the money does not exist.",
     "says", "who", "that the money does not exist"),
    ("''We will win this race,'' the senator said on Monday.",
     "said", "the senator", "We will win this race,"),
    ("The minister knows that prices will fall next year.",
     "knows", "The minister", "that prices will fall next year"),
]


@pytest.mark.parametrize("text,cue,source,content", CASES)
def test_attributions_spans_follow_parc_convention(text: str, cue: str, source: str, content: str) -> None:
    att = _with_cue(text, cue)
    origin = next(s for s in att["chain"] if s["span"])
    assert origin["span"]["text"] == source
    assert att["content"]["text"] == content


def test_attributions_spans_relative_pronoun_keeps_antecedent_name() -> None:
    att = _with_cue("The plan was opposed by Tom Reed, who says that the money does not exist.", "says")
    assert "Reed" in att["chain"][0]["name"]


def test_attributions_spans_call_for_links_cue_and_content() -> None:
    att = _with_cue("The union called for an end to the strike.", "called for")
    assert att["content"]["text"] == "an end to the strike"


@pytest.mark.parametrize("text", [
    "The minister hopes to win the vote.",                    # an infinitive is no attributed belief
    "A police officer, speaking on condition of anonymity, confirmed nothing.",
])
def test_attributions_spans_no_attribution(text: str) -> None:
    assert not [a for a in _attributions(text) if "condition" in a["content"]["text"] or "win" in a["content"]["text"]]


def test_attributions_spans_outer_statement_kept_when_inner_cue_is_deep() -> None:
    atts = _attributions("Ann Lee says the steps that the governor announced on Friday came too late.")
    assert any(a["cue"] and a["cue"]["text"] == "says" for a in atts)


def test_attributions_spans_headline_colon_and_signed_quote() -> None:
    text = ("Ana Lopez: The bridge will be finished this year\n"
            "The mayor, Ana Lopez, spoke at the opening of the works on Monday.\n"
            "“It is the best news this town has had in years.” \u2015 Maria Ortiz, a shop owner\n")
    atts = _attributions(text)
    colon = next(a for a in atts if a["cue"] and a["cue"]["text"] == ":")
    assert colon["content"]["text"] == "The bridge will be finished this year"
    assert colon["chain"][0]["span"]["text"] == "Ana Lopez"
    dash = next(a for a in atts if a["cue"] and a["cue"]["text"] == "\u2015")
    assert dash["kind"] == "direct" and dash["content"]["text"].startswith("It is the best news")
    assert dash["chain"][0]["span"]["text"].startswith("Maria Ortiz")


def test_speaker_that_is_only_punctuation_does_not_crash() -> None:
    """Wire copy using underscores as dashes can make a lone "_" the speaker; that crashed (E015) before."""
    text = ("Farid Haddad _ perhaps under pressure from the ministry _ has indicated he does not want to "
            "resign, and there is ``no way'' the council will accept it, his lawyer said on Tuesday.")
    record = newstrace.analyze(text, published="2025-03-04")
    assert record.article.text == text
