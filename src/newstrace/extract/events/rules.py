"""PLOVER event coding over a parsed Doc: who did what to whom, how many, when, where.

Triggers come from ``patterns.yaml``; actors and targets from the dependency parse
(active, passive with "by", coordinated subjects, subjects shared by conjoined or
subordinate verbs, nominal "the release of X", "collaboration between X and Y");
quantities, times and places from the trigger's clause; negation from "not"/"denied";
the claim is linked to the smallest attribution whose content holds the trigger, and
``asserted_by`` is that chain's origin or, in the article's own voice, the outlet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Token

from ...nlp.extensions import text_of
from ...records import Attribution, Event, Participant, Place, Quantity, Span, Time
from ...resources import load_entries, read_yaml
from ..entities.model import EntityTable

DATA = "newstrace.extract.events.data"
SUBJ = ("nsubj", "csubj")
CLAUSAL = ("ccomp", "advcl", "xcomp", "conj", "relcl", "acl", "pcomp")


class Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    mode: str | None = None
    pos: str
    lemmas: list[str]
    object_role: str = "target"
    by_object: dict[str, str] = Field(default_factory=dict)
    requires_object: list[str] = Field(default_factory=list)
    requires_subject: list[str] = Field(default_factory=list)
    source: str


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]
    classes: dict[str, frozenset[str]]
    negators: frozenset[str]
    denial_verbs: frozenset[str]
    irrealis: frozenset[str]

    def classes_of(self, word: str) -> set[str]:
        w = word.lower()
        return {name for name, words in self.classes.items() if w in words}


@cache
def lexicon() -> Lexicon:
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for p in load_entries(DATA, "patterns.yaml", Pattern, key="patterns"):
        target = verbs if p.pos == "verb" else nouns
        for lemma in p.lemmas:
            target.setdefault(lemma.lower(), []).append(p)
    raw: Any = read_yaml(DATA, "patterns.yaml")
    objects: Any = read_yaml(DATA, "objects.yaml")
    classes = {k: frozenset(w.lower() for w in v["words"]) for k, v in objects["classes"].items()}
    return Lexicon(
        verbs=verbs, nouns=nouns, classes=classes,
        negators=frozenset(raw["negation"]["words"]),
        denial_verbs=frozenset(raw["negation"]["governing_verbs"]),
        irrealis=frozenset(raw["irrealis"]["governing_verbs"]),
    )


class Coder:
    """Codes the events of one Doc."""

    def __init__(self, doc: Doc, table: EntityTable, attributions: Sequence[Attribution],
                 times: Sequence[Time], quantities: Sequence[Quantity], places: Sequence[Place],
                 outlet: str | None) -> None:
        self.doc, self.table, self.lex = doc, table, lexicon()
        self.attributions, self.times, self.quantities, self.places = attributions, times, quantities, places
        self.outlet = outlet or "unknown publisher"
        self.cue_offsets = {a.cue.start for a in attributions if a.cue is not None}

    # participants -------------------------------------------------------------
    def participant(self, head: Token) -> Participant | None:
        """The actor a noun phrase names: its own mention, or the first mention inside it
        (not inside a clause): "fighters from the HTS", "a delegation from Ukraine"."""
        m = self.table.at_token(head.i)
        if m is None:
            for t in self._np_tokens(head):
                m = self.table.at_token(t.i)
                if m is not None:
                    break
        if m is None:
            return None
        info = self.table.get(m.entity_id)
        if info is None:
            return None
        return Participant(entity=info.id, name=info.name, sector=m.sector,
                           span=Span(start=m.start, end=m.end, text=m.text))

    def _np_tokens(self, head: Token) -> list[Token]:
        """Where a phrase names its actor, in order: its modifiers ("Turkish air strikes",
        "Russia's forces"), then what follows of/from/by ("fighters from HTS", "leaders of X")."""
        left = [t for c in head.lefts if c.dep_ in ("amod", "compound", "poss", "nmod", "nummod")
                for t in c.subtree]
        right: list[Token] = []
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "by"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        right += [obj] + [t for t in self._np_tokens(obj) if t.i != obj.i]
            elif prep.dep_ == "appos":
                right += [prep]
        return sorted(left, key=lambda t: t.i) + right

    def participants(self, head: Token) -> list[Participant]:
        found = []
        for tok in [head, *[c for c in head.conjuncts if c.i > head.i]]:
            p = self.participant(tok)
            if p is not None and all(q.entity != p.entity for q in found):
                found.append(p)
        return found

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        """The subject, also when shared: conjoined verbs, 'to train', 'by arming', 'adding that'."""
        for c in verb.children:
            if c.dep_ in SUBJ:
                return c
        for c in verb.children:   # passive: "by X"
            if c.dep_ == "agent":
                return next((o for o in c.children if o.dep_ == "pobj"), None)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if depth < 3 and not passive and verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl") \
                and verb.head.i != verb.i and verb.head.idx not in self.cue_offsets:
            head = verb.head
            if head.dep_ == "prep":
                head = head.head
            if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                return head
            if head.pos_ in ("VERB", "AUX"):
                return self.subject_of(head, depth + 1)
        return None

    # clause material -------------------------------------------------------------
    def clause_range(self, trigger: Token) -> list[tuple[int, int]]:
        """Character ranges of the trigger's clause (its subtree; for a conjoined verb also
        the shared parts of its head's clause)."""
        ranges = [(trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge.text))]
        if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):
            for c in trigger.head.children:
                if c.dep_ in ("prep", "npadvmod", "advmod", "dobj") and c.i < trigger.i:
                    ranges.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
        return ranges

    @staticmethod
    def _inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
        return any(s <= span.start and span.end <= e for s, e in ranges)

    # coding ---------------------------------------------------------------------------
    def code(self) -> list[Event]:
        events: list[Event] = []
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in self.lex.verbs:
                ev = self.verbal(tok, self.lex.verbs[lemma])
            elif tok.pos_ == "NOUN" and (tok.lower_ in self.lex.nouns or lemma in self.lex.nouns):
                ev = self.nominal(tok, self.lex.nouns.get(tok.lower_) or self.lex.nouns[lemma])
            else:
                continue
            if ev is not None:
                events.append(ev.model_copy(update={"id": f"v{len(events) + 1}"}))
        return events

    def _choose(self, patterns: list[Pattern], obj: Token | None, subj: Token | None) -> tuple[Pattern, str | None] | None:
        obj_classes = self.lex.classes_of(obj.lemma_) | self.lex.classes_of(obj.text) if obj is not None else set()
        if obj is not None and self.table.at_token(obj.i) is not None:
            obj_classes.add("actor")
        subj_classes = self.lex.classes_of(subj.text) | self.lex.classes_of(subj.lemma_) if subj is not None else set()
        for p in patterns:
            if p.requires_object and not (obj_classes & set(p.requires_object)):
                continue
            if p.requires_subject and not (subj_classes & set(p.requires_subject)):
                continue
            mode = p.mode
            for cls, m in p.by_object.items():
                if cls in obj_classes:
                    mode = m
            return p, mode
        return None

    def verbal(self, tok: Token, patterns: list[Pattern]) -> Event | None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        subj = self.subject_of(tok)
        dobj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if passive and subj is None:
            subj_tok = None
        else:
            subj_tok = subj
        if subj_tok is None and dobj is None and not any(c.dep_ == "prep" for c in tok.children):
            return None
        chosen = self._choose(patterns, dobj, subj_tok)
        if chosen is None:
            return None
        pattern, mode = chosen
        actors = self.participants(subj_tok) if subj_tok is not None else []
        targets: list[Participant] = []
        if pattern.object_role == "forces" and not actors and dobj is not None:
            actors, dobj = self.participants(dobj), None   # "Russian fighters were deployed"
        theme = pattern.object_role == "theme"
        if dobj is not None and not (theme and (self.lex.classes_of(dobj.text) & {"weapons", "money", "relief"})):
            targets = self.participants(dobj)
        for prep in tok.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in ("with", "to", "for", "on", "against", "into"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                if prep.lower_ == "with" and theme and self.lex.classes_of(obj.text) & {"weapons", "money", "relief"}:
                    continue
                if prep.lower_ in ("with", "against", "on") or (theme and prep.lower_ in ("to", "for")):
                    targets += [p for p in self.participants(obj) if all(p.entity != q.entity for q in targets)]
            elif prep.dep_ == "dative":
                targets += self.participants(prep)
        targets = [t for t in targets if all(t.entity != a.entity for a in actors)]
        negated = any(c.lower_ in self.lex.negators and c.dep_ == "neg" for c in tok.children) or any(
            a.lemma_.lower() in self.lex.denial_verbs for a in list(tok.ancestors)[:2])
        return self._event(tok, pattern, mode, actors, targets, negated)

    def nominal(self, tok: Token, patterns: list[Pattern]) -> Event | None:
        if any(a.lemma_.lower() in self.lex.irrealis for a in list(tok.ancestors)[:3]):
            return None
        pattern = patterns[0]
        actors: list[Participant] = []
        targets: list[Participant] = []
        for c in tok.children:
            if c.dep_ == "poss":
                actors += self.participants(c)
            elif c.dep_ == "prep":
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is None:
                    continue
                if c.lower_ == "between":
                    actors += self.participants(obj)
                elif c.lower_ in ("by", "from"):
                    actors += self.participants(obj)
                elif c.lower_ in ("of", "on", "against", "with", "to", "for", "in"):
                    if c.lower_ == "in" and pattern.type not in ("ASSAULT",):
                        continue
                    targets += self.participants(obj)
            elif c.dep_ in ("compound", "amod"):
                actors += self.participants(c)
        if not actors and not targets:
            return None
        return self._event(tok, pattern, pattern.mode, actors, targets, False)

    def _event(self, tok: Token, pattern: Pattern, mode: str | None, actors: list[Participant],
               targets: list[Participant], negated: bool) -> Event:
        ranges = self.clause_range(tok)
        sent = tok.sent
        quantities = [q for q in self.quantities if self._inside(q.span, ranges)]
        time = next((t for t in self.times if self._inside(t.span, ranges)), None)
        place = next((p for p in self.places if self._inside(p.span, ranges)), None)
        start = tok.idx
        holders = [a for a in self.attributions if a.content.start <= start < a.content.end]
        attribution = min(holders, key=lambda a: a.content.end - a.content.start) if holders else None
        asserted_by = attribution.chain[0].name if attribution and attribution.chain else self.outlet
        confidence = 0.5 + 0.2 * bool(actors) + 0.2 * bool(targets)
        ev_start, ev_end = sent.start_char, sent.end_char
        while ev_end > ev_start and text_of(self.doc)[ev_end - 1].isspace():
            ev_end -= 1
        return Event(
            id="", type=pattern.type, mode=mode,  # type: ignore[arg-type]
            actors=actors, targets=targets, quantities=quantities, time=time, place=place,
            attribution=attribution.id if attribution else None, asserted_by=asserted_by,
            trigger=Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text),
            evidence=Span(start=ev_start, end=ev_end, text=text_of(self.doc)[ev_start:ev_end]),
            negated=negated, confidence=round(confidence, 2),
            reason=f"{pattern.pos}:{tok.lemma_.lower()}->{pattern.type}",
        )


def find_events(doc: Doc, table: EntityTable, attributions: Sequence[Attribution], times: Sequence[Time],
                quantities: Sequence[Quantity], places: Sequence[Place], outlet: str | None) -> list[Event]:
    """Every PLOVER event of ``doc``."""
    return Coder(doc, table, attributions, times, quantities, places, outlet).code()
