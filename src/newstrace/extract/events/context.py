"""Contexts in which a trigger word names no event of its own (EVENT_GUIDELINES.md §2).

Pure predicates over parsed tokens; the word lists come from ``patterns.yaml`` through the
caller's lexicon.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Token


def time_anchor(tok: Token, preps: Collection[str]) -> bool:
    """"after the killing of X", "since the start of Russia's invasion", "after four days of
    talks", "ahead of terrorist offensives", "after shelling of the camp": an event noun (or a
    gerund without a subject) that only dates another clause. A finite clause ("since it
    opened a front") is no anchor."""
    if tok.pos_ == "VERB" and (tok.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)):
        return False
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("pobj", "pcomp") or cur.head.i == cur.i:
            return False
        prep = cur.head
        if prep.lower_ in preps:
            return True
        if prep.lower_ == "of" and prep.head.lower_ in preps:   # "ahead of", "prior to" read as one
            return True
        if prep.lower_ != "of" or prep.head.pos_ not in ("NOUN", "PROPN"):
            return False
        cur = prep.head   # "the start of X", "four days of talks": the noun that is dated
    return False


def modal_future(tok: Token, words: Collection[str]) -> bool:
    """"US troops will now leave", "the US will pull its troops out": a verb in the modal future
    (or conditional) tells what has not happened yet."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in tok.children)


def generic_relative(tok: Token, determiners: Collection[str]) -> bool:
    """"Every Russian missile that strikes a Ukrainian home", "any vessel that enters": a relative
    clause on a quantified noun describes whatever might do it, not one event."""
    return tok.dep_ == "relcl" and any(c.dep_ == "det" and c.lower_ in determiners for c in tok.head.children)


def attributive(tok: Token, is_event_noun: Callable[[Token], bool]) -> bool:
    """"civilians killed in the south", "prisoners held by Israel", "a militia designated a
    terrorist organization by the UN": a past participle describing a person or thing is no
    event; one describing an event noun ("a swap mediated by X") tells how that event happened.
    A "participle" with an object or an infinitive of its own is a misparsed verb ("Cable, for the
    Liberal Democrats, called on Mr Brown to open the books"), and so is one with auxiliaries or
    a subordinator ("said in a statement that the ship had been hit": a "that" clause the parser
    hung on the noun)."""
    if tok.dep_ == "pcomp" and tok.tag_ == "VBN" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN" \
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in tok.children):
        return True   # "the ports of occupied Palestine": an adjective before a name, read as a verb
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") \
        and not is_event_noun(tok.head) and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "dative", "aux", "auxpass", "mark")
            or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
            for c in tok.children)


def infinitive_relative(tok: Token) -> bool:
    """"powers to detain suspects", "its pledge to finance missiles", "a bid to seize the town": an
    infinitive describing a noun tells what may happen, not what did."""
    return tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def background_relative(tok: Token) -> bool:
    """"The release of X, who had been arrested 15 months ago, came as ...": a relative clause in
    the past perfect tells what had happened before the story, as a description of its noun."""
    return tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)
