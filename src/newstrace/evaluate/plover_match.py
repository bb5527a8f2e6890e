"""Does one of our event participants stand for a gold actor (given by its text or its code)?"""

from __future__ import annotations

import re
from typing import Any

from .petrarch_actors import ActorCodebook
from .plover_gold import GoldActor


def fold(text: str) -> str:
    return " ".join(re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text).casefold().split())


def participant_forms(participant: dict[str, Any], entities: dict[str, dict[str, Any]]) -> list[str]:
    """The words naming a participant: its span, its name, and its entity's name, aliases and mentions."""
    forms = [participant["span"]["text"], participant["name"]]
    entity = entities.get(participant.get("entity") or "")
    if entity is not None:
        forms += [entity["name"], *entity["aliases"], *(m["text"] for m in entity["mentions"])]
    return list(dict.fromkeys(f for f in forms if f and f.strip()))


def text_matches(gold: str, forms: list[str]) -> bool:
    """The gold actor text and one form contain each other as whole words."""
    g = fold(gold)
    for form in forms:
        f = fold(form)
        if len(f) < 2 or not g:
            continue
        if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", g) or re.search(rf"(?<!\w){re.escape(g)}(?!\w)", f):
            return True
    return False


def code_matches(code: str, forms: list[str], book: ActorCodebook) -> bool:
    """A CAMEO/Phoenix actor code against the codes the dictionaries give the participant's words.

    A code led by a state ("USAGOV") matches any participant of that state (the agent part is
    not checked); a code with no state ("---REB") matches on its agent; other codes ("IGOUNOMIL",
    "IMGMUSISI") match when one code extends the other.
    """
    code = code.replace(" ", "").upper()
    found: set[str] = set().union(*(book.lookup(f) for f in forms)) if forms else set()
    actors = {c for c in found if not c.startswith("~")}
    root = code[:3]
    if root == "---":
        agents = {c[1:] for c in found if c.startswith("~")} | {c[3:] for c in actors}
        agent = code[3:6]
        return bool(agent) and any(a.startswith(agent) for a in agents)
    if root in book.countries:
        return any(c[:3] == root for c in actors)
    return any(code.startswith(c) or c.startswith(code) for c in actors)


def actor_matches(gold: GoldActor, forms: list[str], book: ActorCodebook) -> bool:
    """By the gold text where there is one, else (or also) by the gold code."""
    if gold.text and text_matches(gold.text, forms):
        return True
    return bool(gold.code) and code_matches(gold.code or "", forms, book)
