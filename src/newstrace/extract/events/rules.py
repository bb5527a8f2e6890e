"""PLOVER event coding over a parsed Doc: who did what to whom, how many, when, where.

What counts as an event and who its participants are follows the gold annotation guidelines
(``tests/resources/gold/EVENT_GUIDELINES.md``). Triggers come from ``patterns.yaml`` (verbs,
nouns and predicative adjectives; phrasal verbs "call on"; verb-object phrases "take control
of"; complements "ordered X to leave"); actors and targets from the dependency parse: active
and passive clauses, coordinated actors, shared and controlled subjects, relative clauses,
nominal events ("Turkish air strikes", "the attack carried out by X", "launched an
offensive", "X has been at war with Y", "a terrorist responsible for rocket fire"),
pronouns resolved inside the sentence and "we" resolved to the quotation's speaker. People
no entity names are described participants ("two shepherds", "security forces"); places are
never participants (a place says where). Parser slips are repaired where they are regular: a
headline verb read as a plural noun ("EU sanctions Iran Air"), a gerund read as an adjective
("denied supplying missiles"), a particle read as an adverb ("pulling back"), a double object.
Event anaphora: an actorless clause takes the actor of the event it continues ("the missiles
hit ...", "a ballistic missile hit ...", "two shepherds were wounded", "the visitors urged
..."), marked "+inherited_actor"; responses and retaliation target whoever did what they
answer; mediators act on the mediated parties; the aid a party is thanked for went to whoever
thanks it. Coordinated parties of an agreement agree with each other, and a meeting "with" someone
is between both. Intentions are coded as such (``patterns.yaml`` ``intent``): "wants to help X",
"announced it would free prisoners" are AGREE, "plans to attack X" THREATEN, "said it would not
release them" REJECT; the intended act itself is not coded.
Not coded (kept only as antecedents): time anchors ("after the killing of X"), the modal future
("troops will leave"; announced support and threats excepted), generic relative clauses
("every missile that strikes"), participles describing a person or thing ("civilians killed
in the south"), relative clauses in the past perfect ("X, who had been arrested months ago"),
and what an accusation or sanction is for ("accused X of targeting Y").
Quantities, times and places come from the trigger's clause; negation from "not"/"denied";
the claim is linked to the smallest attribution whose content holds the trigger, and
``asserted_by`` is that chain's origin or, in the article's own voice, the outlet.
Events naming no participant are dropped, and directed types (``patterns.yaml`` ``directed``:
support, aid, sanctions) need both actor and target.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.tokens import Doc, Token

from ...nlp.extensions import text_of
from ...records import Attribution, Event, Participant, Place, Quantity, Span, Time
from ..entities.model import EntityTable, Mention
from ..places.rules import is_dateline_place, is_landmark, specificity
from .context import (
    attributive,
    background_relative,
    generic_relative,
    infinitive_relative,
    modal_future,
    time_anchor,
)
from .describe import described, same, same_side
from .lexicon import Pattern, lexicon

SUBJ = ("nsubj", "csubj")
PASSIVE = ("nsubjpass", "auxpass")
PREP = ("prep", "prt", "agent", "dative")
#: particles of phrasal verbs that the parser often labels as adverbs
PARTICLES = frozenset({"back", "out", "away", "off", "over", "down"})
#: the object classes that are things moved or used, never the actor acted on
THINGS = frozenset({"weapons", "money", "relief"})
#: types where coordinated actors act on each other when no target is named
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "CONCEDE"})
#: pronouns whose relative clause describes whoever might act, not an event: "those who attack"
GENERIC_ANTECEDENTS = frozenset({"those", "anyone", "anybody", "whoever", "everyone", "everybody", "whomever"})
#: how many sentences back an actorless event looks for the event it continues: a passive
#: clause without agent ("two shepherds were wounded") close by; a subject naming the earlier
#: event or its weapons ("the strikes hit", "the missiles struck") further back
NEAR, FAR = 2, 6


def _quoted(tok: Token) -> bool:
    """Is ``tok`` inside quotation marks opened earlier in its paragraph?"""
    text = tok.doc.text
    start = text.rfind("\n", 0, tok.idx) + 1
    before = text[start:tok.idx]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _pobj(prep: Token) -> Token | None:
    """The object of a preposition, also of a complex one: "out of X", "away from X"."""
    found = next((o for o in prep.children if o.dep_ in ("pobj", "pcomp")), None)
    if found is None:
        inner = next((o for o in prep.children if o.dep_ == "prep" and o.lower_ in ("of", "from")), None)
        found = next((o for o in inner.children if o.dep_ == "pobj"), None) if inner is not None else None
    return found


class Coder:
    """Codes the events of one Doc."""

    def __init__(self, doc: Doc, table: EntityTable, attributions: Sequence[Attribution],
                 times: Sequence[Time], quantities: Sequence[Quantity], places: Sequence[Place],
                 outlet: str | None) -> None:
        self.doc, self.table, self.lex = doc, table, lexicon()
        self.attributions, self.times, self.quantities, self.places = attributions, times, quantities, places
        self.outlet = outlet or "unknown publisher"
        # every token of a cue ("has also said"), so that the cue verb is found by its offset
        self.cue_offsets = {t.idx for a in attributions if a.cue is not None
                            for t in doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") or ()}
        self.by_name = {m.text.lower(): e.id for e in table.entities.values() for m in e.mentions
                        if m.kind not in ("pronoun", "description")}
        self.by_name.update({e.name.lower(): e.id for e in table.entities.values()})
        self._speakers: dict[int, Participant | None] = {}
        self._sents = list(doc.sents)
        self._sent_index = {s.start: i for i, s in enumerate(self._sents)}
        #: per verbal trigger: its (core) subject, the thing it moves or fires ("launched missiles")
        self._subject: dict[int, Token | None] = {}
        self._theme: dict[int, str] = {}
        self._object: dict[int, Token | None] = {}
        self._passive: set[int] = set()
        #: triggers whose target is the party the event answers ("would respond") or whose noun
        #: refers back to an earlier event ("had no role in the attack")
        self._retaliation: set[int] = set()
        self._anaphoric: set[int] = set()
        #: triggers that only refer to an event (a time anchor, a future, a description): antecedents
        #: of later events, not coded themselves
        self._hidden: set[int] = set()
        #: character offsets of announced acts of force ("would respond"): threats without a named target
        self._announced: set[int] = set()
        #: character offsets of deliveries whose destination is a place, not a recipient ("an aid convoy
        #: arrived in X"): aid without a named recipient
        self._undirected: set[int] = set()
        #: triggers whose object is a weapon shot down ("downed 41 drones"): its owner is the target
        self._downed: set[int] = set()
        #: the events coded so far, in text order
        self._prior: list[tuple[Token, Event]] = []

    # participants -------------------------------------------------------------
    def _from_mention(self, m: Mention) -> Participant | None:
        info = self.table.get(m.entity_id)
        if info is None:
            return None
        return Participant(entity=info.id, name=info.name, sector=m.sector,
                           span=Span(start=m.start, end=m.end, text=m.text))

    def _resolve(self, tok: Token, depth: int = 0) -> Participant | None:
        """The actor a single token names: its mention, or for a pronoun its antecedent ("we" is
        always the speaker's organisation)."""
        m = self._mention(tok)
        if m is not None and tok.pos_ == "PRON" and tok.lower_ in self.lex.pronouns["first_person"]:
            m = None
        if m is not None:
            info = self._named_inside(tok) if m.kind == "capital" and tok.idx + len(tok.text) < m.end else None
            if info is not None:   # "Hamas officials in Cairo": the named actor, not the capital's state
                return Participant(entity=info.id, name=info.name, sector=None,
                                   span=Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text))
            return self._from_mention(m)
        if tok.pos_ not in ("PRON", "DET") or depth > 1:
            return None
        low = tok.lower_
        if low in self.lex.pronouns["first_person"]:
            return self._speaker(tok)
        antecedent = self._relative_antecedent(tok)
        if antecedent is not None:
            return self.participant(antecedent, depth + 1)
        if low in self.lex.pronouns["third_person"]:
            return self._antecedent(tok, depth)
        return None

    def _mention(self, tok: Token) -> Mention | None:
        """The mention ``tok`` belongs to. Where the longest one runs on into a locative phrase
        ("the US commander in Iraq" read as Iraq's), a shorter mention holding ``tok`` without the
        place ("US commander") names whose the role is: the place says where it is held."""
        m = self.table.at_token(tok.i)
        if m is None or m.token_end <= tok.i + 1 or not any(
                self.doc[j].lower_ == "in" and self.doc[j].dep_ == "prep" for j in range(tok.i + 1, m.token_end)):
            return m
        inner = [x for x in self.table.within(m.start, m.end)
                 if x is not m and x.token_start <= tok.i < x.token_end and x.token_end <= m.token_end]
        return max(inner, key=lambda x: x.end - x.start) if inner else m

    def _named_inside(self, tok: Token) -> Any:
        """The entity that ``tok`` (or its compound modifier) names by name, if any."""
        m = self.table.at_token(tok.i)
        for t in [tok, *(c for c in tok.lefts if c.dep_ == "compound")]:
            named = self.by_name.get(t.lower_) if t.pos_ == "PROPN" else None
            if named is not None and (m is None or named != m.entity_id):
                return self.table.get(named)
        return None

    def _relative_antecedent(self, tok: Token) -> Token | None:
        """"X, which delivered ...", "X and Y, whose governments ...": the noun a relative
        pronoun stands for (the head of its relative clause)."""
        if tok.lower_ not in self.lex.pronouns["relative"]:
            return None
        if tok.head.dep_ == "relcl":
            head = tok.head.head
        elif tok.head.head.dep_ == "relcl" and (tok.dep_ == "poss" or tok.head.dep_ == "ccomp"):
            head = tok.head.head.head   # "X, whose governments ...", "firms that it said had helped"
        else:
            return None
        if self.table.at_token(head.i) is None and tok.i > 0:   # misattached: the phrase just before
            prev = self.doc[tok.i - 1]
            prev = self.doc[prev.i - 1] if prev.is_punct and prev.i > 0 else prev
            if self.table.at_token(prev.i) is not None:
                head = prev
        while head.dep_ == "conj" and head.head.i < head.i:   # "X and Y, whose ...": from the first
            head = head.head
        return head

    def _antecedent(self, tok: Token, depth: int) -> Participant | None:
        """"X said its troops ...", "X, which ... its": the nearest governing clause's subject;
        "grateful to Norway for its pledge": the actor whose phrase the pronoun's phrase modifies."""
        for steps, anc in enumerate(tok.ancestors):
            if steps > 3 or anc.pos_ in ("VERB", "AUX"):
                break
            named = anc if anc.dep_ == "pobj" else next((c for c in anc.children if c.dep_ == "pobj"), None) \
                if anc.pos_ == "ADP" else None
            if named is not None and named.pos_ == "PROPN" and not (named.left_edge.i <= tok.i <= named.right_edge.i) \
                    and self.table.at_token(named.i) is not None:
                p = self.participant(named, depth + 1)
                if p is not None:
                    return p
        for steps, verb in enumerate(tok.ancestors):
            if steps > 6:
                break
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            for c in verb.children:
                if c.dep_ in SUBJ and not (c.left_edge.i <= tok.i <= c.right_edge.i) \
                        and c.lower_ not in self.lex.pronouns["third_person"]:
                    p = self.participant(c, depth + 1)
                    if p is not None:
                        return p
        return None

    def _speaker(self, tok: Token) -> Participant | None:
        """"we", "our": the organisation of whoever speaks: the quotation's source (also one whose
        cue is in the token's sentence: '"We have warned them," a spokesman said'), else the outlet
        where the outlet itself speaks, outside quotation marks."""
        if tok.i in self._speakers:
            return self._speakers[tok.i]
        holders = [a for a in self.attributions if a.content.start <= tok.idx < a.content.end]
        return self._speaker_of(tok, holders)

    def _cue_speaker(self, tok: Token) -> Participant | None:
        """"The spokesman warned that ...": where the trigger is itself an attribution's cue and its
        subject names nobody, the organisation of that attribution's source."""
        holders = [a for a in self.attributions if a.cue is not None and a.cue.start <= tok.idx < a.cue.end and a.chain]
        return self._speaker_of(tok, holders, cache=False) if holders else None

    def _speaker_of(self, tok: Token, holders: list[Attribution], cache: bool = True) -> Participant | None:
        if not holders:
            sent = tok.sent
            holders = sorted((a for a in self.attributions if a.cue is not None
                              and sent.start_char <= a.cue.start < sent.end_char),
                             key=lambda a: abs(a.cue.start - tok.idx) if a.cue else 0)[:1]
        if not holders and _quoted(tok):
            if cache:
                self._speakers[tok.i] = None
            return None
        found: Participant | None = None
        entity_id: str | None = None
        chain = min(holders, key=lambda a: a.content.end - a.content.start).chain if holders else []
        for source in chain[:1]:   # the origin; a person speaks for their organisation
            info = self.table.get(source.entity)
            if info is None:
                entity_id = self.by_name.get(source.name.lower()) or self.by_name.get((source.affiliation or "").lower())
                if entity_id is None and source.span is not None:   # "a Houthi military spokesman"
                    entity_id = self.table.entity_at(source.span.start, source.span.end)
            elif info.affiliation or info.type != "person":
                entity_id = info.affiliation or info.id
        if entity_id is None and not chain:
            entity_id = self.by_name.get(self.outlet.lower())
        info = self.table.get(entity_id)
        if info is not None:
            found = Participant(entity=info.id, name=info.name, sector=None,
                                span=Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text))
        if cache:
            self._speakers[tok.i] = found
        return found

    def participant(self, head: Token, depth: int = 0) -> Participant | None:
        """The actor a noun phrase names: its own mention, or the first mention inside it
        (not inside a clause): "fighters from the HTS", "a delegation from Ukraine"."""
        found = self._found(head, depth)
        return found[0] if found is not None else None

    def _found(self, head: Token, depth: int = 0) -> tuple[Participant, Token] | None:
        """The first actor the phrase names, and the token naming it; a place is none ("Hong
        Kong-based firms", "villages near Qamishli": where, not who)."""
        tokens = [t for t in self._np_tokens(head) if not self._dateline(t)]
        for t in [head, *tokens]:
            p = self._resolve(t, depth)
            if p is not None and not self._is_place(p):
                return p, t
        for t in [head, *tokens]:
            p = self._salient_group(t)
            if p is not None:
                return p, t
        return None

    @staticmethod
    def _dateline(tok: Token) -> bool:
        """"EL FASHER / NAIROBI – The RSF denied ...": a place line in capitals that opens the sentence
        before a dash, which the parser may hang on the subject; it says where, never who."""
        sent = tok.sent
        dash = next((t for t in sent if t.text in ("–", "—", "--", "-") and t.i > tok.i), None)
        if dash is None or not tok.text.isupper() or len(tok.text) < 2:
            return False
        return all(t.is_punct or t.is_space or t.text.isupper() or t.text in ("/", "&") for t in sent.doc[sent.start:dash.i])

    def _salient_group(self, tok: Token) -> Participant | None:
        """A generic noun standing for a named armed group ("killed hundreds of terrorists",
        "pounded militant positions"): the armed group mentioned last before it in the article,
        else the first one later in its sentence or the next ("a counteroffensive against
        militants, after fighters led by X stormed ..."; a headline's "terrorists")."""
        if tok.lower_ not in self.lex.classes["armed_generic"] and tok.lemma_.lower() not in self.lex.classes["armed_generic"]:
            return None
        armed = [m for m in self.table.mentions if m.kind not in ("pronoun", "description")
                 and (info := self.table.get(m.entity_id)) is not None and info.type == "armed_group"]
        before = [m for m in armed if m.end <= tok.idx]
        here = self._sent_index[tok.sent.start]
        end = self._sents[min(here + 1, len(self._sents) - 1)].end_char
        after = [m for m in armed if tok.idx < m.start < end]
        chosen = before[-1] if before else (after[0] if after else None)
        info = self.table.get(chosen.entity_id) if chosen is not None else None
        if info is None:
            return None
        return Participant(entity=info.id, name=info.name, sector=None,
                           span=Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text))

    def _np_tokens(self, head: Token, depth: int = 0) -> list[Token]:
        """Where a phrase names its actor, in order: its modifiers ("Turkish air strikes",
        "Russia's forces"), then what follows of/from/by ("fighters from HTS", "leaders of X"),
        then who it is linked to ("groups linked to X")."""
        left = [t for c in head.lefts if c.dep_ in ("amod", "compound", "poss", "nmod", "nummod")
                for t in c.subtree]
        right: list[Token] = []
        if depth > 3:
            return left
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
                obj = _pobj(c)
                if obj is not None:
                    right += [obj, *(t for t in self._np_tokens(obj, depth + 1) if t.i != obj.i)]
            elif c.dep_ == "appos":
                right.append(c)
            elif c.dep_ == "prep" and c.lower_ == "in" and self._lemma(head) in self.lex.local_institutions:
                obj = _pobj(c)   # "a court in Guyana": the state whose court it is
                if obj is not None:
                    right.append(obj)
            elif c.dep_ == "acl" and self._lemma(head) in self.lex.publication_nouns \
                    and c.lemma_.lower() in self.lex.publication_verbs:
                right += self._publisher(c)
            elif c.dep_ == "acl" and c.lemma_.lower() in self.lex.affiliation_verbs:
                for prep in c.children:
                    obj = _pobj(prep) if prep.dep_ in PREP else None
                    if obj is not None:
                        right += [obj, *obj.conjuncts]
        return sorted(left, key=lambda t: t.i) + right

    def _publisher(self, participle: Token) -> list[Token]:
        """"a report released by X", "a report released in the Rwandan capital": who released
        a document (the agent, or the state whose capital it was released in) speaks through it."""
        found: list[Token] = []
        for c in participle.children:
            obj = _pobj(c) if c.dep_ in ("agent", "prep") else None
            if obj is None:
                continue
            if c.dep_ == "agent":
                found.append(obj)
            elif c.lower_ == "in":
                mention = self.table.at_token(obj.i)
                if (mention is not None and mention.kind == "capital") or obj.lemma_.lower() == "capital":
                    found += [obj, *(t for t in obj.lefts if t.dep_ in ("amod", "compound", "poss"))]
        return found

    def _lemma(self, tok: Token) -> str:
        """The lemma, repaired where the small model gets it wrong ("staged" -> "stag")."""
        return self.lex.lemma_repairs.get(tok.lower_, tok.lemma_.lower())

    def participants(self, head: Token | None) -> list[Participant]:
        """Every actor a phrase names, with its coordinated ones ("Qatar and Egypt",
        "groups linked to al-Qaeda and the Islamic State")."""
        if head is None:
            return []
        parties = self._parties(head)
        if parties:
            return parties
        found: list[Participant] = []
        for tok in [head, *[c for c in head.conjuncts if c.i > head.i], *self._listed(head)]:
            hit = self._found(tok)
            if hit is None:
                continue
            p, where = hit
            where = self._relative_antecedent(where) or where
            more = [self.participant(c) for c in where.conjuncts if c.i > where.i] if where is not tok else []
            hit_mention = self.table.at_token(where.i)
            if where.i < tok.i or (hit_mention is not None and hit_mention.kind == "demonym"):
                more.append(self._member_of(tok, p))   # "Russian instructors from the Wagner Group"
            mention = self.table.at_token(tok.i)
            if where is tok and mention is not None:   # "the government in Baghdad and the KRG"
                # "Russian and Syrian warplanes": a demonym coordinated before the one in the mention
                more += [self.participant(c) for t in tok.subtree if self.table.at_token(t.i) is mention
                         for c in t.conjuncts if (c.i > t.i or t is not tok)
                         and self.table.at_token(c.i) is not mention]
            self._add(found, [q for q in [p, *more] if q is not None])
        return found

    def _listed(self, head: Token) -> list[Token]:
        """"The US, Russia, and Switzerland met": the names of a list that the parser attached to
        the first as an apposition ("Russia, and Switzerland"), or left out of a subject it split
        ("Chile, Peru, and Bolivia met" read as two subjects and an adverb). Only names in a list
        with "and"/"or", never a descriptive apposition ("Petraeus, the US commander")."""
        if self.table.at_token(head.i) is None:
            return []
        out: list[Token] = []
        listing = any(g.dep_ == "cc" for g in head.children) and bool(head.conjuncts)
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and self.table.at_token(c.i) is not None and (
                    listing or (any(g.dep_ == "cc" for g in c.children) and c.conjuncts)):
                out += [c, *(x for x in c.conjuncts if x.pos_ == "PROPN")]
        if head.dep_ not in ("nsubj", "nsubjpass") or head.conjuncts:
            return out
        # "Chile, Peru, and Bolivia met" parsed as two subjects and an adverb: the names before the
        # subject, separated by commas and "and", opening the sentence (or after "the")
        names: list[Token] = []
        coordinated = False
        j = head.i - 1
        while j >= head.sent.start:
            t, m = self.doc[j], self.table.at_token(j)
            if t.lower_ in (",", "and", "or"):
                coordinated |= t.lower_ != ","
                j -= 1
            elif m is not None and t.pos_ == "PROPN" and t.dep_ not in ("pobj", "poss", "compound"):
                names.append(t)
                j = m.token_start - 1
            else:
                break
        if names and coordinated and (j < head.sent.start or self.doc[j].pos_ == "DET"):
            out += names
        return out

    def _member_of(self, tok: Token, state: Participant) -> Participant | None:
        """The group that a demonym-led phrase says its people are from: "Russian military
        instructors from the Wagner Group" names Russia and the group."""
        heads = [tok]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in self.lex.quantifiers:
            heads.append(tok.head.head)   # "dozens of Russian instructors from X"
        for c in (c for h in heads for c in h.rights):
            obj = _pobj(c) if c.dep_ == "prep" and c.lower_ in ("from", "of") else None
            p = self.participant(obj) if obj is not None else None
            info = self.table.get(p.entity) if p is not None else None
            if p is not None and info is not None and info.type not in ("country", "place", "person", "nationality") \
                    and not same(p, state):
                return p
        return None

    def _parties(self, head: Token) -> list[Participant]:
        """"called on both sides to ...", "urged the parties to ...": the actors and targets of the
        latest event before it with both (within FAR sentences); not "both sides of the border"."""
        if head.lower_ not in self.lex.classes["parties"] or self.table.at_token(head.i) is not None \
                or any(c.dep_ == "prep" for c in head.children):
            return []
        for _, e in self._window(head, self._prior, FAR):
            if e.actors and e.targets and not e.negated:
                found = list(e.actors)
                self._add(found, [t for t in e.targets if (info := self.table.get(t.entity)) is None
                                  or info.type != "place"])   # the sides, not where one was hit
                return found
        return []

    def core(self, noun: Token) -> Token:
        """The head that carries meaning: "dozens of militants" -> militants."""
        if noun.lower_ in self.lex.quantifiers or noun.pos_ == "NUM":
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    obj = _pobj(c)
                    if obj is not None:
                        return obj
        return noun

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        """The subject, also when shared: conjoined verbs, 'to train', 'by arming', 'adding that',
        object control ("urged X to ..."), relative clauses ("X, which delivered")."""
        # the subject nearest the verb: a dateline misparsed as a second subject ("LONDON (Reuters) -
        # Russian forces have taken ...") lies further out
        subjects = sorted((c for c in verb.children if c.dep_ in SUBJ), key=lambda c: abs(verb.i - c.i))
        for c in subjects[:1]:
            if c.lower_ in self.lex.pronouns["relative"] and verb.dep_ == "relcl":
                return verb.head
            return c
        for c in verb.children:   # passive: "by X"
            if c.dep_ == "agent":
                return _pobj(c)
        passive = any(c.dep_ in PASSIVE for c in verb.children)
        if depth >= 3 or passive or verb.head.i == verb.i:
            return None
        charged = self._charged(verb)
        if charged is not None:   # "accused Turkey of targeting civilians": Turkey did the targeting
            return charged
        head = verb.head
        if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
            controller = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if controller is None:
                on = next((c for c in head.children if c.dep_ in ("prep", "prt") and c.lower_ == "on"), None)
                controller = _pobj(on) if on is not None else None
            if controller is not None:
                return controller
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None:   # "X is scheduled to attend", "X was forced to withdraw"
                return raised
            return self.subject_of(head, depth + 1)
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            shared = self.subject_of(head, depth + 1)
            if (shared is None or self.participant(self.core(shared)) is None) and head.dep_ == "ccomp" \
                    and head.head.idx in self.cue_offsets:
                # "X said trucks had entered and urged Y": the verb goes with the speaker's clause
                return self.subject_of(head.head, depth + 1) or shared
            return shared
        if verb.dep_ in ("advcl", "pcomp", "acl") and head.idx not in self.cue_offsets:
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
    def _charged(self, verb: Token) -> Token | None:
        """The accused of "accused X of V-ing", "blamed X for V-ing": the object of the charging verb."""
        prep = verb.head
        if verb.dep_ != "pcomp" or prep.lower_ not in self.lex.charge_preps:
            return None
        charging = prep.head
        accused: Token | None = None
        if charging.dep_ in ("dobj", "nsubjpass"):   # "accused [the military of targeting]"
            accused, charging = charging, charging.head
        else:
            accused = next((c for c in charging.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if not any(p.type in self.lex.charge_types for p in self.lex.verbs.get(charging.lemma_.lower(), [])):
            return None
        return accused

    def _charges(self) -> set[int]:
        """Tokens telling what an accusation or a sanction is for: "accused Turkey of allowing
        weapons to flow", "sanctions over missile transfers". The charge is the ACCUSE or
        SANCTION event's content, not an event of its own (EVENT_GUIDELINES.md §2)."""
        out: set[int] = set()
        for tok in self.doc:
            table = self.lex.verbs if tok.pos_ == "VERB" else self.lex.nouns if tok.pos_ == "NOUN" else {}
            found = table.get(tok.lemma_.lower()) or table.get(tok.lower_) or []
            if not any(p.type in self.lex.charge_types for p in found):
                continue
            heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
            for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in self.lex.charge_preps):
                out.update(t.i for t in prep.subtree)
        return out

    def code(self) -> list[Event]:
        found: list[tuple[Token, Event]] = []
        self._prior = found
        self._hidden.update(self._charges())
        for tok in self.doc:
            lemma = self._lemma(tok)
            if tok.pos_ == "VERB" and lemma in self.lex.verbs:
                ev = self.verbal(tok, self.lex.verbs[lemma])
            elif tok.pos_ == "ADJ" and lemma in self.lex.adjectives:
                ev = self.adjectival(tok, self.lex.adjectives[lemma][0])
            elif tok.pos_ == "NOUN" and (misparsed := self._headline_verb(tok)) is not None:
                ev = misparsed
            elif tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in self.lex.nouns or lemma in self.lex.nouns):
                if self._in_name(tok):
                    continue   # "the Alliance of Sahel States", "Popular Mobilization Forces": a name
                ev = self.nominal(tok, self.lex.nouns.get(tok.lower_) or self.lex.nouns[lemma])
            elif tok.pos_ == "NOUN" and lemma in self.lex.denied_part_nouns:
                ev = self._denied_part(tok, found)
            else:
                continue
            if ev is None:
                continue
            if self._no_event_here(tok):
                self._hidden.add(tok.i)
            found.append((tok, self._continue(tok, ev, found)))   # participant-less and hidden ones
            # too: later events refer to them ("the offensive"); they are dropped below
        triggers = {t.i: e for t, e in found}
        for n, (t, e) in enumerate(found):   # "X condemned the attack carried out by Y": at Y
            if e.type in self.lex.response_types and e.actors and not e.targets and t.pos_ == "VERB":
                obj = next((c for c in t.children if c.dep_ == "dobj"), None)
                answered = triggers.get(obj.i) if obj is not None else None
                ids = {a.entity for a in e.actors}
                if answered is not None and [a for a in answered.actors if a.entity not in ids]:
                    found[n] = (t, e.model_copy(update={
                        "targets": [a for a in answered.actors if a.entity not in ids],
                        "reason": (e.reason or "") + "+responds_to"}))
        triggers = {t.i: e for t, e in found}
        self._mediation_parties(found, triggers)
        self._thanked_for(found)
        triggers = {t.i: e for t, e in found}
        kept = self._merge_restatements([e for t, e in found if t.i not in self._hidden
                                         and not self._restates(t, e, triggers)
                                         and not self._mentioned_only(t, e, triggers)
                                         and not self._fends_off(t, triggers)])
        kept = [e for e in kept if self._codable(e)]
        return [e.model_copy(update={"id": f"v{i}"}) for i, e in enumerate(kept, 1)]

    def adjectival(self, tok: Token, pattern: Pattern) -> Event | None:
        """"We are grateful to Germany ... and to Norway": a predicative adjective's subject acts on
        the objects of its prepositions (also those the parser coordinated with the copula)."""
        if tok.dep_ != "acomp":
            return None
        actors = self.participants(self.subject_of(tok.head))
        preps = [*(c for c in tok.children if c.dep_ == "prep"),
                 *(c for c in tok.head.children if c.dep_ == "conj" and c.pos_ == "ADP")]
        targets: list[Participant] = []
        for prep in preps:
            if prep.lower_ in pattern.target_preps:
                self._add(targets, self.participants(_pobj(prep)))
        negated = any(c.dep_ == "neg" for c in tok.head.children)
        return self._event(tok, pattern, pattern.mode, actors, self._others(targets, actors), negated)

    def _thanked_for(self, found: list[tuple[Token, Event]]) -> None:
        """"We are grateful to Germany, which delivered a system": the aid or pledge a party is
        thanked for went to whoever thanks it, when the clause names no recipient."""
        thanks = [(t, e) for t, e in found if e.type == "SUPPORT" and t.lemma_.lower() in self.lex.gratitude
                  and e.actors and e.targets]
        for n, (t, e) in enumerate(found):
            if e.type not in ("AID", "AGREE", "COOPERATE") or any(p.entity for p in e.targets) or not e.actors:
                continue
            giver = next((s for u, s in thanks if u.sent == t.sent
                          and all(any(same(a, x) for x in s.targets) for a in e.actors)), None)
            if giver is not None:
                found[n] = (t, e.model_copy(update={"targets": [*e.targets, *giver.actors],
                                                    "reason": (e.reason or "") + "+thanked_for"}))

    def _headline_verb(self, tok: Token) -> Event | None:
        """"EU sanctions Iran Air", "Ukraine thanks Poland and Moldova": a verb in the present
        tense misparsed as a plural noun between two names (its subject a compound, its object an
        apposition) is coded as the verb."""
        if tok.dep_ != "ROOT" or tok.tag_ != "NNS" or tok.lemma_.lower() not in self.lex.verbs:
            return None
        subj = next((c for c in tok.lefts if c.dep_ in ("compound", "nmod")), None)
        obj = next((c for c in tok.rights if c.dep_ in ("appos", "dobj")), None)
        pattern = next((p for p in self.lex.verbs[tok.lemma_.lower()] if not (
            p.specific or p.requires_object or p.requires_subject or p.requires_aux or p.subject_role != "actor")), None)
        if subj is None or obj is None or pattern is None:
            return None
        actors, targets = self.participants(subj), self.participants(obj)
        if not actors or not targets:
            return None
        return self._event(tok, pattern, pattern.mode, actors, self._others(targets, actors), False)

    def _mediation_parties(self, found: list[tuple[Token, Event]], triggers: dict[int, Event]) -> None:
        """"Under the agreement, brokered by X, A agreed to free B's captives": the mediator acts on
        the parties of the event the mediated noun belongs to, as coded (actors and targets)."""
        for n, (t, e) in enumerate(found):
            if e.type != "COOPERATE" or t.lemma_.lower() not in self.lex.mediation_verbs or t.dep_ != "acl":
                continue
            noun = t.head
            holder = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
            mediated = triggers.get(holder.i)
            if mediated is None:
                continue
            targets = list(e.targets)
            self._add(targets, self._others([p for p in [*mediated.actors, *mediated.targets] if p.entity], e.actors))
            if len(targets) > len(e.targets):
                found[n] = (t, e.model_copy(update={"targets": targets}))

    def _codable(self, ev: Event) -> bool:
        """An event needs a participant ("most of the rockets were intercepted" names none), and
        a directed type (support, threat, aid, sanctions) needs both sides: "X voiced support",
        "we have warned them" with "them" unresolved, "missile transfers to X" by nobody named
        are no codable events."""
        if not ev.actors and not ev.targets:
            return False
        return bool(ev.actors and ev.targets) or ev.type not in self.lex.directed_types \
            or (bool(ev.actors) and (ev.trigger.start in self._announced or ev.trigger.start in self._undirected))

    def _in_name(self, tok: Token) -> bool:
        m = self.table.at_token(tok.i)
        return m is not None and m.kind in ("name", "alias") and m.end - m.start > len(tok.text)

    @staticmethod
    def _merge_restatements(events: list[Event]) -> list[Event]:
        """"Rockets struck the base, wounding five", "its forces killed hundreds and destroyed
        dozens of vehicles": events of one type, by the same actors, in one sentence and one
        polarity are one event told twice. The first keeps the others' targets and quantities.
        An event of the same type and actors but the other polarity with no target of its own
        has the earlier one's ("supplied drones to X but never sent missiles")."""
        out: list[Event] = []
        for ev in events:
            key = {a.entity for a in ev.actors}
            into = next((i for i, o in enumerate(out) if o.type == ev.type and o.negated == ev.negated
                         and o.evidence.start == ev.evidence.start and {a.entity for a in o.actors} == key
                         and not (o.place and ev.place and o.place.name != ev.place.name)),   # two places: two events
                        None)
            if into is None:
                if not ev.targets:   # "supplied drones to X but never sent missiles": the same recipient
                    like = next((o for o in reversed(out) if o.type == ev.type and o.evidence.start == ev.evidence.start
                                 and {a.entity for a in o.actors} == key and key and o.targets), None)
                    if like is not None:
                        ev = ev.model_copy(update={"targets": list(like.targets)})
                out.append(ev)
                continue
            main = out[into]
            # where and when: a verb's clause says it better than a noun's modifiers ("from Ukraine")
            verb_first = (main.reason or "").startswith("noun:") and (ev.reason or "").startswith("verb:")
            place = (ev.place or main.place) if verb_first else (main.place or ev.place)
            time = (ev.time or main.time) if verb_first else (main.time or ev.time)
            targets = list(main.targets)
            Coder._add(targets, [t for t in ev.targets if t.entity not in key])
            quantities = list(main.quantities) + [q for q in ev.quantities if q not in main.quantities]
            out[into] = main.model_copy(update={
                "targets": targets, "quantities": quantities, "time": time, "place": place, "confidence": max(main.confidence, ev.confidence)})
        return out

    @staticmethod
    def _restates(tok: Token, ev: Event, triggers: dict[int, Event]) -> bool:
        """"killed in airstrikes on X", "released prisoners in a swap": the event noun under
        "in"/"during" is the manner of the governing event of the same type, not another event."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "during"):
            return False
        verb = tok.head.head
        other = triggers.get(verb.i)
        return verb.pos_ == "VERB" and other is not None and other.type == ev.type

    @staticmethod
    def _mentioned_only(tok: Token, ev: Event, triggers: dict[int, Event]) -> bool:
        """An actorless event noun that only characterises or names something: the predicate of
        "this is a cowardly attack", "is a direct threat"; the thing another event acts on
        ("revoked a cooperation accord"); the subject of a verb telling the same event, whose
        actors it names ("a delegation of Iranian envoys met ...")."""
        if ev.actors or tok.pos_ not in ("NOUN", "PROPN"):
            return False
        head = tok.head
        if tok.dep_ == "attr" and head.lemma_.lower() == "be":
            return True
        other = triggers.get(head.i) if head.i != tok.i else None
        if other is None or head.pos_ != "VERB":
            return False
        if tok.dep_ == "nsubj":   # what it names acts in the verb's event: "a delegation of X met"
            acting = {a.entity for a in other.actors}
            return other.type == ev.type and all(t.entity in acting for t in ev.targets)
        return tok.dep_ == "dobj" and other.type != ev.type

    def _fends_off(self, tok: Token, triggers: dict[int, Event]) -> bool:
        """"X repelled 31 assaults": the attack is the event (aimed at X); fending it off is none."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lex.defence_verbs:
            return False
        return any(c.dep_ == "dobj" and c.i in triggers for c in tok.children)

    def _window(self, tok: Token, prior: list[tuple[Token, Event]], n: int) -> list[tuple[Token, Event]]:
        """The events before ``tok`` in its sentence and the ``n`` before, latest first."""
        here = self._sent_index[tok.sent.start]
        return [(t, e) for t, e in reversed(prior) if here - self._sent_index[t.sent.start] <= n]

    def _antecedent_event(self, noun: Token, type_: str, candidates: list[tuple[Token, Event]],
                          slot: str) -> Event | None:
        """The earlier event ``noun`` refers back to: one of the same type whose trigger or theme
        is that noun ("the strikes" -> "air strikes", "the missiles" -> "launched missiles"),
        else, where the noun is itself an event noun of that type, the latest of that type."""
        lemma, low = noun.lemma_.lower(), noun.lower_
        same = [(t, e) for t, e in candidates if e.type == type_ and getattr(e, slot) and not e.negated]
        for t, e in same:
            if lemma in (t.lemma_.lower(), self._theme.get(t.i)) or low == t.lower_:
                return e
        if any(p.type == type_ for p in [*self.lex.nouns.get(low, []), *self.lex.nouns.get(lemma, [])]):
            return same[0][1] if same else None
        return None

    @staticmethod
    def _definite(noun: Token) -> bool:
        """"the strikes", "these missiles", "its drones": a phrase that refers back."""
        return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those"))
                   for c in noun.children)

    def _continue(self, tok: Token, ev: Event, prior: list[tuple[Token, Event]]) -> Event:
        """Event anaphora: an event whose clause names no actor takes the actor of the earlier
        event it continues; a retaliation targets whoever hit or was blamed by its actor; an
        event noun that refers back ("no role in the attack") takes the earlier event's targets."""
        actors, targets, reason, confidence = ev.actors, ev.targets, ev.reason or "", ev.confidence
        if not actors:
            source: Event | None = None
            subj = self._subject.get(tok.i)
            role = self.lex.roles.get(subj.lemma_.lower()) or self.lex.roles.get(subj.lower_) if subj is not None else None
            if subj is not None and self.participant(subj) is None and role is not None and self._definite(subj):
                # "the visitors urged the group": whoever visited in the event just told
                source = next((e for _, e in self._window(tok, prior, NEAR) if e.type == role and e.actors), None)
            elif subj is not None and self.participant(subj) is None and not self._definite(subj) \
                    and self.lex.classes_of(subj.lemma_, subj.text) & {"units", "personnel"}:
                # "200 Russian fighters were deployed to X, and a smaller contingent arrived in Y"
                source = next((e for t, e in self._window(tok, prior, 0) if e.type == ev.type and e.actors), None)
            elif subj is not None and self.participant(subj) is None and (
                    self._definite(subj) or "weapons" in self.lex.classes_of(subj.lemma_, subj.text)):
                # "the strikes hit ...", "a ballistic missile hit ...": the earlier event that fired them
                source = self._antecedent_event(subj, ev.type, self._window(tok, prior, FAR), "actors")
            elif subj is None and tok.i in self._passive:
                undergoer = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                undergoer = self.core(undergoer) if undergoer is not None else None
                source = next((e for t, e in self._window(tok, prior, NEAR)
                               if e.type == ev.type and e.actors and not e.negated
                               and (undergoer is None or self._theme.get(t.i) != undergoer.lemma_.lower())), None)
            mentioned = {m.entity_id for t in tok.subtree if (m := self.table.at_token(t.i)) is not None}
            if source is not None and not mentioned & {a.entity for a in source.actors}:
                actors = list(source.actors)
                targets = [t for t in targets if all(t.entity != a.entity for a in actors)]
                if not any(t.entity for t in targets):   # "43 suspects were detained": the same victims
                    self._add(targets, source.targets)
                reason, confidence = reason + "+inherited_actor", confidence + 0.1
        if actors and not targets and ev.type in self.lex.response_types and tok.pos_ == "VERB":
            # "Tehran rejected the sanctions", "Baghdad condemned the attack": the object refers back
            # to an earlier event; whoever did it is the target of the response
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            patterns = self.lex.nouns.get(obj.lemma_.lower()) or self.lex.nouns.get(obj.lower_) if obj is not None else None
            if obj is not None and patterns and self._definite(obj):
                source = self._antecedent_event(obj, patterns[0].type, self._window(tok, prior, FAR), "actors")
                ids = {a.entity for a in actors}
                if source is not None:
                    targets = [a for a in source.actors if a.entity not in ids]
                    if targets:
                        reason, confidence = reason + "+responds_to", confidence + 0.1
        if actors and not targets and ev.type in self.lex.response_types and tok.pos_ == "VERB":
            # "Kyiv rejects these lies": whoever made the claims said just before
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and self._definite(obj) and "claims" in self.lex.classes_of(obj.lemma_, obj.text):
                targets = self._claimant(tok, actors)
                if targets:
                    reason, confidence = reason + "+responds_to", confidence + 0.1
        if actors and not targets and tok.i in self._retaliation:
            ids = {a.entity for a in actors}
            for _, e in self._window(tok, prior, NEAR):
                if e.type == "ASSAULT" and ids & {t.entity for t in e.targets} and e.actors:
                    targets = list(e.actors)
                elif e.type == "ACCUSE" and ids & {a.entity for a in e.actors} and e.targets:
                    targets = list(e.targets)
                if targets:
                    reason, confidence = reason + "+inherited_target", confidence + 0.1
                    break
        obj = self._object.get(tok.i)
        if actors and not targets and obj is not None and self._definite(obj) and self.participant(obj) is None:
            # "Iran supplied the Houthis with kits. The components were delivered by Iranian dhows":
            # what the earlier event by the same actors moved or hit, to the same recipients
            ids = {a.entity for a in actors}
            like = next((e for _, e in self._window(tok, prior, NEAR) if e.type == ev.type and e.targets
                         and {a.entity for a in e.actors} == ids and not e.negated), None)
            if like is not None:
                targets = list(like.targets)
                reason, confidence = reason + "+inherited_target", confidence + 0.1
        if not targets and tok.i in self._downed and obj is not None:
            # "air defences shot down 41 of the drones": whoever launched them (EVENT_GUIDELINES.md §5d)
            ids = {a.entity for a in actors}
            lemma = obj.lemma_.lower()
            launched = next((e for t, e in self._window(tok, prior, FAR) if self._theme.get(t.i) == lemma
                             and e.actors and not e.negated and not ids & {a.entity for a in e.actors}), None)
            if launched is not None:
                targets = list(launched.actors)
                reason, confidence = reason + "+inherited_target", confidence + 0.1
        if not targets and tok.i in self._anaphoric:
            source = self._antecedent_event(tok, ev.type, self._window(tok, prior, FAR), "targets")
            if source is not None:
                targets = [t for t in source.targets if all(t.entity != a.entity for a in actors)]
                reason, confidence = reason + "+inherited_target", confidence + 0.1
        if reason == (ev.reason or ""):
            return ev
        return ev.model_copy(update={"actors": actors, "targets": targets, "reason": reason,
                                     "confidence": round(min(confidence, 0.9), 2)})

    def _claimant(self, tok: Token, actors: list[Participant]) -> list[Participant]:
        """The origin of the latest attribution before ``tok`` (within NEAR sentences) that is
        not one of ``actors``: who made the claims a response answers."""
        sents = list(self.doc.sents)
        earliest = sents[max(0, self._sent_index[tok.sent.start] - NEAR)].start_char
        ids = {a.entity for a in actors}
        before = [a for a in self.attributions if earliest <= a.content.start and a.content.end <= tok.idx and a.chain]
        for att in sorted(before, key=lambda a: a.content.start, reverse=True):
            source = att.chain[0]
            info = self.table.get(source.entity)
            if info is None or info.id in ids:
                continue
            if info.type == "person":   # a spokesman speaks for their organisation
                info = self.table.get(info.affiliation) or info
            span = source.span or att.cue or att.content
            return [Participant(entity=info.id, name=info.name, sector=None, span=span)]
        return []

    def _irrealis(self, tok: Token, steps: int) -> bool:
        """Under "requested", "threatened", "agreed to" ...: an event that did not happen.
        A verb is irrealis as the infinitive or the clause of such a verb ("wants Putin to
        attack"; also through conjoined and purpose infinitives); a noun anywhere close below one."""
        if tok.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ in self.lex.irrealis_markers
                                      for c in tok.children) \
                and not any(t.tag_ == "VBD" for t in [tok, *(c for c in tok.children if c.dep_ in ("aux", "auxpass"))]):
            return True   # "until the last terrorist is eliminated", "if X attacks"
        cur = tok
        for _ in range(steps):
            if cur.head.i == cur.i:
                return False
            if tok.pos_ == "VERB" and cur.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acl"):
                return False
            if (cur.dep_ in ("xcomp", "ccomp", "advcl", "acl") or tok.pos_ != "VERB") \
                    and cur.head.lemma_.lower() in self.lex.irrealis:
                return True
            cur = cur.head
        return False

    def _choose(self, patterns: list[Pattern], obj: Token | None, subj: Token | None,
                preps: dict[str, Token], aux: set[str],
                complements: set[str]) -> tuple[Pattern, str | None, Token | None] | None:
        """The first pattern the clause fits, its mode, and the object it was matched on."""
        for p in patterns:
            if p.requires_aux and not (aux & set(p.requires_aux)):
                continue
            if p.requires_complement and not (complements & set(p.requires_complement)):
                continue   # "ordered U.S. troops to leave", "will be held accountable"
            pobj = obj
            if p.preps:
                prep = next((preps[w] for w in p.preps if w in preps), None)
                if prep is None:
                    continue
                if (p.objects and not self._is(pobj, p.objects)) or (pobj is None and p.requires_object):
                    pobj = _pobj(prep)   # "took control of X"; "findings point to X"
                    pobj = self.core(pobj) if pobj is not None else None
            if p.objects and not self._is(pobj, p.objects):
                continue
            obj_classes = self.lex.classes_of(pobj.lemma_, pobj.text, *(c.lemma_ for c in pobj.children
                                              if c.dep_ in ("compound", "amod"))) if pobj is not None else set()
            if pobj is not None and self.participant(pobj) is not None:
                obj_classes.add("actor")
            if p.excludes_object and pobj is not None and pobj.lemma_.lower() in p.excludes_object:
                continue
            if p.requires_object and not (obj_classes & set(p.requires_object)):
                continue
            if p.requires_subject:
                subj_classes = self.lex.classes_of(subj.text, subj.lemma_) if subj is not None else set()
                if subj is not None and self.participant(subj) is not None:
                    subj_classes.add("actor")
                if subj is not None and self._carries_relief(subj):
                    subj_classes.add("relief_carriers")
                if not (subj_classes & set(p.requires_subject)):
                    continue
            mode = p.mode
            for cls, m in p.by_object.items():
                if cls in obj_classes:
                    mode = m
            return p, mode, pobj
        return None

    def _operator(self, noun: Token) -> Token | None:
        """"X carried out a military operation targeting Y": the subject of the light verb whose object
        is an operation noun (``objects.yaml`` ``operation_nouns``) that the participle describes."""
        if self._lemma(noun) not in self.lex.operation_nouns and noun.lower_ not in self.lex.operation_nouns:
            return None
        if noun.dep_ != "dobj" or self._lemma(noun.head) not in self.lex.light_verbs:
            return None
        subj = self.subject_of(noun.head)
        return self.core(subj) if subj is not None and self.participant(self.core(subj)) is not None else None

    def _carries_relief(self, subj: Token) -> bool:
        """"an aid convoy", "a convoy of 22 trucks carrying food", "lorries loaded with medicine": a
        vehicle (``objects.yaml`` ``carriers``) whose load is relief."""
        heads = [subj, *(o for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for o in [_pobj(c)] if o is not None)]
        if not any(self._lemma(h) in self.lex.classes["carriers"] or h.lower_ in self.lex.classes["carriers"] for h in heads):
            return False
        load: list[Token] = []
        for h in heads:
            load += [c for c in h.children if c.dep_ in ("compound", "amod", "nmod")]
            for acl in (c for c in h.children if c.dep_ == "acl"):
                load += [c for c in acl.children if c.dep_ == "dobj"]
                load += [o for c in acl.children if c.dep_ == "prep" and c.lower_ == "with" for o in [_pobj(c)] if o is not None]
        return any({"relief", "humanitarian_aid"} & self.lex.classes_of(t.lemma_, t.text, *(c.lemma_ for c in t.children if c.dep_ in ("compound", "amod")))
                   for t in load)

    def _supplier(self, subj: Token) -> list[Participant]:
        """Who sends a relief convoy: a name on the vehicle ("a WFP convoy") or the origin of its load
        ("trucks carrying food from the World Food Programme")."""
        found = [p for p in self.participants(subj) if not self._is_place(p)]
        if found:
            return found
        for t in subj.subtree:
            if t.dep_ == "prep" and t.lower_ in ("from", "by") and t.head.i != subj.i:
                found += self.participants(_pobj(t))
        return found

    @staticmethod
    def _is(tok: Token | None, words: list[str]) -> bool:
        return tok is not None and (tok.lemma_.lower() in words or tok.lower_ in words)

    @staticmethod
    def _add(found: list[Participant], new: Iterable[Participant]) -> None:
        for p in new:
            if not any(same(p, q) for q in found):
                found.append(p)

    def _others(self, found: list[Participant], actors: list[Participant]) -> list[Participant]:
        """``found`` without the actors (nobody is their own target; a country's protesters and
        its government are two sides)."""
        return [p for p in found if not any(same_side(p, a, self.lex.nonstate_sectors) for a in actors)]

    def _is_event_noun(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.lex.nouns or tok.lower_ in self.lex.nouns

    def _no_event_here(self, tok: Token) -> bool:
        """Contexts where a trigger names no event of its own (see ``context.py``)."""
        return time_anchor(tok, self.lex.time_anchor_preps) or generic_relative(tok, self.lex.generic_determiners) \
            or (tok.pos_ == "VERB" and (attributive(tok, self._is_event_noun) or background_relative(tok)))

    def _own_forces(self, subj: Token, tok: Token) -> Participant | None:
        """"army units had redeployed", "some units had pulled back" in a ministry's or a
        spokesman's statement: forces named without an owner are the speaker's own."""
        if subj.lemma_.lower() not in self.lex.classes["units"] | self.lex.classes["personnel"] \
                and subj.lower_ not in self.lex.classes["units"] | self.lex.classes["personnel"]:
            return None
        if any(c.dep_ in ("poss", "amod", "compound", "nmod") and self.table.at_token(c.i) is not None
               for c in subj.children):
            return None
        if not any(a.content.start <= tok.idx < a.content.end for a in self.attributions):
            return None
        return self._speaker(subj)

    def _temporal(self, prep: Token) -> bool:
        """Does the preposition introduce a time ("on Monday", "in March 2022")?"""
        obj = _pobj(prep) if prep.dep_ == "prep" else None
        return obj is not None and any(t.span.start <= obj.idx < t.span.end for t in self.times)

    def _gerund_governor(self, tok: Token) -> Token | None:
        """"denied supplying missiles to Moscow" parsed with "supplying" as an adjective of
        "missiles": the verb whose gerund object the trigger really is."""
        if tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj" \
                and tok.head.head.lemma_.lower() in self.lex.gerund_governors:
            return tok.head.head
        return None

    def _intention(self, tok: Token) -> Token | None:
        """The word that makes ``tok`` an intended or announced act of its own actor (``patterns.yaml``
        ``intent``): the intention verb of "wants to help X", "is scheduled to attend" (subject
        control only: "wants Putin to attack" is an appeal), or the modal of "Israel announced it
        would free ..." where the announcing clause and the act have the same actor."""
        lex = self.lex.intent
        head = tok.head
        if tok.pos_ != "VERB" or head.i == tok.i:
            return None
        if tok.dep_ == "conj" and head.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "aux") for c in tok.children):
            return self._intention(head)   # "announced it would free 150 prisoners and return ..."
        if tok.dep_ == "xcomp" and head.lemma_.lower() in lex.governing_verbs \
                and not any(c.dep_ in ("dobj", "dative") for c in head.children):
            return head
        modal = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in lex.modals), None)
        if modal is None or tok.dep_ != "ccomp" or head.lemma_.lower() not in lex.announcing_verbs:
            return None
        doer, announcer = self.subject_of(tok), self.subject_of(head)
        if doer is None or announcer is None:
            return None
        ids = {p.entity for p in self.participants(self.core(announcer)) if p.entity}
        return modal if ids & {p.entity for p in self.participants(self.core(doer))} else None

    def _intended(self, type_: str, mode: str | None, negated: bool) -> tuple[str, str | None] | None:
        """The type (and mode) of an intended act: AGREE for cooperation ("wants to help X"),
        THREATEN for force ("wants to attack X"), a refusal of cooperation ("said it would not
        release them") REJECT; None where the act has no intention reading."""
        lex = self.lex.intent
        if negated:
            return (lex.refusal_type, None) if type_ in lex.agree_types else None
        if type_ in lex.agree_types:
            return "AGREE", mode
        if type_ in lex.threaten_types:
            return "THREATEN", lex.threaten_modes.get(type_)
        return None

    def verbal(self, tok: Token, patterns: list[Pattern]) -> Event | None:
        governor = self._gerund_governor(tok)
        intention = self._intention(tok)
        if (tok.dep_ in ("amod", "compound") and governor is None) or (intention is None and self._irrealis(tok, 3)) \
                or self._background(tok) or infinitive_relative(tok):
            return None
        if intention is None:
            patterns = [p for p in patterns if not p.only_intended]
        passive = any(c.dep_ in PASSIVE for c in tok.children)
        subj = self.subject_of(governor if governor is not None else tok)
        if subj is not None:
            subj = self.core(subj)
        raw = tok.head if governor is not None else next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        recipient = objects[0] if len(objects) == 2 else None
        if recipient is not None:   # "handed its partners evidence": the first object receives the second
            raw = objects[1]
        obj = self.core(raw) if raw is not None else None
        preps = {c.lower_: c for h in (tok, governor) if h is not None for c in h.children if (
                 c.dep_ in PREP or (c.dep_ == "advmod" and c.lower_ in PARTICLES))   # "pulling back" parsed as an adverb
                 and not self._temporal(c)}   # "fired ... on Monday": a date, not a target
        for holder in dict.fromkeys(o for o in (obj, raw) if o is not None):
            for c in holder.children:   # "sent weapons to X", "fired thousands of drones at X"
                if c.dep_ == "prep" and c.lower_ != "of":
                    preps.setdefault(c.lower_, c)
        if subj is None and obj is None and not preps:
            return None
        if tok.dep_ == "acl" and subj is not None and subj.i == tok.head.i and self.participant(subj) is None:
            operator = self._operator(subj)
            if operator is None:
                return None   # "sanctions targeting X", "facilities supporting Y": a description
            subj = operator   # "carried out an operation targeting the ship": whoever carried it out
        if tok.dep_ == "relcl" and tok.head.lower_ in GENERIC_ANTECEDENTS:
            return None   # "those who attack Americans", "anyone who approaches": whoever might
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        complements = {c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "oprd", "acomp")}
        chosen = self._choose(patterns, obj, subj, preps, aux, complements)
        if chosen is None:
            return None
        pattern, mode, matched = chosen
        if intention is not None and (pattern.requires_aux or self._intended(pattern.type, mode, False) is None):
            if self._irrealis(tok, 3):   # no intention reading: "wants to investigate" stays unrealised
                return None
            intention = None   # a stance of its own: "said Peru would respond"
        refused = pattern.negated_type is not None and any(c.dep_ == "neg" for c in tok.children)
        if modal_future(tok, self.lex.modal_words) and not pattern.requires_aux and intention is None and not refused and (
                pattern.type not in self.lex.modal_types or any(c.dep_ == "neg" for c in tok.children)):
            self._hidden.add(tok.i)   # "US troops will now leave", "we will not warn them again": not (yet)
        self._subject[tok.i] = subj
        self._object[tok.i] = obj
        if passive and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were", "been") for c in tok.children):
            self._passive.add(tok.i)   # a past passive without agent: "two shepherds were wounded"
        if pattern.requires_aux:
            self._retaliation.add(tok.i)
            self._announced.add(tok.idx)
        actors = self.participants(subj)
        targets: list[Participant] = []
        if "relief_carriers" in pattern.requires_subject and subj is not None:
            actors = self._supplier(subj)   # "a WFP convoy arrived in X": the WFP delivered aid there
            self._undirected.add(tok.idx)
        if pattern.speaker_subject and not actors:   # "initial findings point to X", a source said
            self._add(actors, [p for p in [self._speaker(tok)] if p and (_quoted(tok) or any(
                a.content.start <= tok.idx < a.content.end for a in self.attributions))])
        if pattern.object_role == "forces" and not actors and obj is not None:
            actors, obj = self.participants(obj), None   # "Russian fighters were deployed"
        if obj is not None and matched is obj and pattern.objects:
            for c in obj.children:   # "took control of X", "imposed sanctions on X"
                if c.dep_ == "prep" and (c.lower_ in pattern.target_preps or c.lower_ == "of"):
                    self._add(targets, self.participants(_pobj(c)))
                elif pattern.object_modifiers and c.dep_ in ("compound", "amod", "poss", "nmod"):
                    self._add(targets, self.participants(c))   # "attend the Beijing Olympics": China
        elif obj is not None and self.lex.classes_of(obj.lemma_, obj.text) & THINGS:
            if pattern.object_role == "downed":   # "shot down 41 drones": whoever launched them is hit
                self._downed.add(tok.i)
            else:
                self._theme[tok.i] = obj.lemma_.lower()
            for c in obj.children:   # "fired drones at X", "sent weapons to X"
                if c.dep_ == "prep" and (c.lower_ in pattern.target_preps or (
                        pattern.object_role == "theme" and c.lower_ in ("to", "for"))):
                    self._add(targets, self.participants(_pobj(c)))
        elif obj is not None and pattern.object_role != "topic":   # "negotiating a timeline": what about
            self._add(targets, self.participants(obj))
        if recipient is not None:
            self._add(targets, self.participants(recipient))
        for word, prep in preps.items():
            # a dative is the recipient itself ("gave Iraq drones") or its preposition ("sending weapons to X")
            pobj = prep if prep.dep_ == "dative" and prep.pos_ != "ADP" else _pobj(prep)
            if pobj is None or prep.dep_ == "agent":
                continue
            if word in pattern.source_preps:
                self._add(actors, self.participants(pobj))
            elif word in pattern.target_preps or (pattern.object_role == "theme" and word in ("to", "for")) \
                    or prep.dep_ == "dative":
                if not (self.lex.classes_of(pobj.lemma_, pobj.text) & THINGS):
                    self._add(targets, self.participants(pobj))
            elif word in ("in", "after", "during") and pattern.type == "ASSAULT":
                self._in_event(pobj, actors, targets, passive)
        if pattern.subject_role == "target":
            actors, targets = [], actors + self._others(targets, actors)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:
                self._add(actors, self.participants(_pobj(agent)))
            for word in pattern.source_preps:
                if word in preps:
                    self._add(actors, self.participants(_pobj(preps[word])))
        describe = pattern.type in self.lex.described_types
        if not actors and pattern.subject_role == "actor" and not passive and subj is not None:
            subj_head = self._relative_antecedent(subj) or subj
            self._add(actors, [p for p in [self._own_forces(subj_head, tok) or (
                described(subj_head, self.lex.classes["persons"]) if describe else None)] if p])
        if not actors and not passive and pattern.subject_role == "actor" and subj is not None \
                and self.participant(subj) is None and self.lex.classes_of(subj.lemma_) & {"officials"}:
            self._add(actors, [p for p in [self._cue_speaker(tok)] if p])   # "the spokesman warned that ..."
        if not actors and pattern.type == "THREATEN" and (_quoted(tok) or any(
                a.content.start <= tok.idx < a.content.end for a in self.attributions)):
            self._add(actors, [p for p in [self._speaker(tok)] if p])   # "... will be held accountable," X said
        if describe and obj is not None and not any(t.entity for t in targets) and pattern.object_role in ("target", "forces"):
            self._add(targets, [p for p in [described(obj, self.lex.classes["persons"])] if p])
        targets = self._others(targets, actors)
        if pattern.type == "COOPERATE" and tok.lemma_.lower() in self.lex.mediation_verbs:
            self._mediated(tok, actors, targets)
        elif not any(t.entity for t in targets) and len(actors) > 1 and pattern.type in RECIPROCAL:
            targets = [*actors, *targets]   # "Baghdad and Washington agreed": each with the other
        if not targets and pattern.type in self.lex.xcomp_target_types:
            targets = self._xcomp_targets(tok, actors)
        if not any(t.entity for t in targets) and pattern.content_target:
            targets = [*targets, *self._others(self._content_subjects(tok), actors)]
        if pattern.reciprocal and "with" in preps:
            actors, targets = self._reciprocal(actors, targets, _pobj(preps["with"]))
        if pattern.type == "THREATEN" and not pattern.requires_aux:
            answered = self._announced_threat(tok, actors)
            if answered is not None:   # "warned that ships would be targets", "vowed a painful response"
                self._announced.add(tok.idx)
                targets = targets or answered
        negated = any(c.lower_ in self.lex.negators and c.dep_ == "neg" for c in tok.children) or self._denied(tok)
        if negated and pattern.negated_type is not None:   # "would not give permission": a refusal
            return self._event(tok, pattern, None, actors, targets, False, type_=pattern.negated_type)
        if intention is not None:
            intended = self._intended(pattern.type, mode, negated)
            if intended is None:
                return None
            if intended[0] == "THREATEN":   # an announced act of force is a threat without a named target
                self._announced.add(min(intention.idx, tok.idx))
            return self._event(tok, pattern, intended[1], actors, targets, False, type_=intended[0], trigger_from=intention)
        return self._event(tok, pattern, mode, actors, targets, negated)

    def _announced_threat(self, tok: Token, actors: list[Participant]) -> list[Participant] | None:
        """A warning or vow that announces a hostile act (EVENT_GUIDELINES.md §2): its "that" clause is in
        the modal future ("warned that their ships would be legitimate targets", "vowed that the
        strikes would not go unanswered") or its object is a response ("vowed a painful response").
        None where nothing is announced; else the targets found: the actor of an earlier event the
        clause names ("the strikes", §5d(ii)); a response noun looks for them as a retaliation does."""
        ids = {a.entity for a in actors}
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        for obj in (c for c in tok.children if c.dep_ == "dobj"):   # "warned companies dealing with X that ...":
            clauses += [t for t in obj.subtree if t.dep_ == "ccomp"   # the "that" clause hung inside the object
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)]
        for clause in clauses:
            if not any(c.dep_ == "aux" and c.lower_ in self.lex.intent.modals for c in clause.children) \
                    or not any(self._hostile(t) for t in clause.subtree):
                continue   # "warned that prices would rise": a forecast, no threat
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            patterns = [*self.lex.nouns.get(subj.lower_, []), *self.lex.nouns.get(subj.lemma_.lower(), [])] if subj is not None else []
            if subj is not None and patterns and self._definite(subj):
                for type_ in dict.fromkeys(p.type for p in patterns):   # "the raids": an arrest or an attack
                    source = self._antecedent_event(subj, type_, self._window(tok, self._prior, FAR), "actors")
                    if source is not None:
                        return [a for a in source.actors if a.entity not in ids]
            return []
        for answer in (c for c in tok.children if c.dep_ == "dobj" and (
                self._lemma(c) in self.lex.retaliation_words or c.lower_ in self.lex.retaliation_words)):
            # "vowed a painful response to Sunday's Israeli airstrikes": the attackers named on the
            # event answered are the targets (§5d(ii)); else a retaliation looks back for them
            for prep in (c for c in answer.children if c.dep_ == "prep" and c.lower_ in ("to", "for")):
                answered = _pobj(prep)
                if answered is not None and self._is_event_noun(answered):
                    found: list[Participant] = []
                    for c in answered.children:
                        if c.dep_ in ("poss", "compound", "amod"):
                            self._add(found, self.participants(c))
                    found = [a for a in self._not_places(found) if a.entity not in ids]
                    if found:
                        return found
            self._retaliation.add(tok.i)
            return []
        return None

    def _hostile(self, tok: Token) -> bool:
        """A word of force or of retaliation: a trigger of a type an announced act of which is a threat
        ("legitimate targets", "the strikes"), or a retaliation word ("would not go unanswered")."""
        lemma = self._lemma(tok)
        if lemma in self.lex.retaliation_words or tok.lower_ in self.lex.retaliation_words:
            return True
        found = [*self.lex.verbs.get(lemma, []), *self.lex.nouns.get(lemma, []), *self.lex.nouns.get(tok.lower_, [])]
        return any(p.type in self.lex.intent.threaten_types for p in found)

    def _reciprocal(self, actors: list[Participant], targets: list[Participant],
                    partner: Token | None) -> tuple[list[Participant], list[Participant]]:
        """"X held talks with Y", "talks with Y": a meeting "with" someone is between both, as "X and Y
        met" is (EVENT_GUIDELINES.md §5e; PLOVER manual 3.2.2): each party is an actor and a target."""
        partners = self.participants(partner)
        if not actors or not any(p.entity for p in partners):
            return actors, targets
        parties: list[Participant] = []
        self._add(parties, [*actors, *partners])
        return parties, [*parties, *self._others(targets, parties)]

    def _content_subjects(self, tok: Token) -> list[Participant]:
        """"alleged that France was aware ...": the subject of the first "that" clause naming an actor."""
        for clause in (c for c in tok.children if c.dep_ == "ccomp"):
            for c in clause.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    found = self.participants(self.core(c))
                    if found:
                        return found
        return []

    def _background(self, tok: Token) -> bool:
        """A standing situation, not an event: "the troops stationed in Iraq" (a participle of
        position describing its noun)."""
        return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in self.lex.position_participles

    def _xcomp_targets(self, tok: Token, actors: list[Participant]) -> list[Participant]:
        """"A and B agreed to fight X", "X agreed to free Israeli captives": the actors named as
        the object of the governed verb, not the agreeing parties themselves."""
        ids = {a.entity for a in actors}
        verbs = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        for _ in range(3):   # "agreed to set up a centre to fight X": the purpose of what was agreed
            objs = [c for v in verbs for c in v.children if c.dep_ == "dobj"]
            found = [p for o in objs for p in self.participants(self.core(o)) if p.entity not in ids]
            if found:
                return found
            verbs = [c for h in [*verbs, *objs] for c in h.children
                     if c.pos_ == "VERB" and (c.dep_ in ("xcomp", "acl", "advcl") or (
                         c.dep_ == "relcl" and any(a.lower_ == "to" for a in c.children)))]
        return []

    def _in_event(self, pobj: Token, actors: list[Participant], targets: list[Participant],
                  passive: bool) -> None:
        """"killed in a clash with X", "wounded in an attack by X", "killed in Israeli tank
        shelling", "homes were burned after an attack by X": the parties of the event noun (or the
        owner of the weapon) act; any other "in" phrase ("killed in Lebanon") says where, not whom."""
        used = self._is_event_noun(pobj) or "weapons" in self.lex.classes_of(pobj.lemma_, pobj.text)
        if used and passive and not actors:   # "killed in Israeli tank shelling": the tank's owner
            for c in pobj.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "by"):
                    self._add(actors, self.participants(_pobj(c)))
            self._add(actors, [p for c in pobj.lefts if c.dep_ in ("amod", "compound", "poss")
                               for p in self.participants(c)])

    def nominal(self, tok: Token, patterns: list[Pattern]) -> Event | None:
        if self._irrealis(tok, 3):
            return None
        if tok.head.lower_ == "in" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
            return None   # "in exchange for", "in return for": a manner, not an event
        preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
        pattern = next((p for p in patterns if not p.preps or any(w in preps for w in p.preps)), None)
        if pattern is None:
            return None
        actors: list[Participant] = []
        targets: list[Participant] = []
        addressed = tok.lower_ in self.lex.addressed_nouns or tok.lemma_.lower() in self.lex.addressed_nouns
        for c in tok.children:
            if addressed and c.dep_ == "prep" and c.lower_ in self.lex.addressee_preps:
                continue   # "a complaint with the UN": who receives it, not whom it accuses
            if c.dep_ == "poss":
                self._add(actors, self.participants(c))
            elif c.dep_ == "prep":
                obj = _pobj(c)
                if obj is None:
                    continue
                if c.lower_ in ("between", "by", "from"):
                    self._add(actors, self.participants(obj))
                elif c.lower_ in ("of", "on", "against", "with", "to", "for", "at") or c.lower_ in pattern.target_preps:
                    self._add(targets, self.participants(obj))
            elif c.dep_ in ("compound", "amod", "nmod"):
                self._add(actors, self.participants(c))
            elif c.dep_ == "acl":   # "the attack carried out by X", "a swap mediated by X"
                agent = next((a for a in c.children if a.dep_ == "agent"), None)
                if agent is not None and pattern.type != "COOPERATE" \
                        and c.lemma_.lower() not in self.lex.mediation_verbs:
                    self._add(actors, self.participants(_pobj(agent)))
                    for p in c.children:   # "the attack carried out by X against Y"
                        if p.dep_ == "prep" and p.lower_ in ("against", "on", "at", "into"):
                            self._add(targets, self.participants(_pobj(p)))
        involved = self._involvement(tok)
        if involved is not None:   # "X had no role in the attack": X's part in that event
            subj = self.subject_of(involved[0])
            if subj is not None:
                self._add(actors, self.participants(self.core(subj)))
            self._anaphoric.add(tok.i)
        if not actors and tok.dep_ in ("dobj", "attr") and self._lemma(tok.head) in self.lex.light_verbs:
            subj = self.subject_of(tok.head)   # light verbs: "launched an offensive", "began its assault"
            if subj is not None:
                self._add(actors, self.participants(self.core(subj)))
            for c in tok.head.children:   # "launched an offensive against X", "staged a protest in Beijing"
                if c.dep_ == "prep" and (c.lower_ in ("against", "on", "at", "with", "into") or c.lower_ in pattern.target_preps) \
                        and not (addressed and c.lower_ in self.lex.addressee_preps):
                    self._add(targets, self.participants(_pobj(c)))
        restated = tok.head.head if tok.dep_ == "appos" and tok.head.dep_ in ("dobj", "nsubjpass") else \
            tok.head if tok.dep_ == "npadvmod" and tok.head.pos_ == "VERB" else None
        if not actors and restated is not None and any(p.type == pattern.type for p in self.lex.verbs.get(
                restated.lemma_.lower(), [])):   # "killed 500 people, a massacre both governments deny"
            self._add(actors, self.participants(self.core(self.subject_of(restated) or restated)))
        holder = self._holder(tok) if not actors else None
        if holder is not None:   # "X has been at war with Y", "a terrorist responsible for rocket fire"
            self._add(actors, self.participants(self.core(holder)))
        if not targets:   # "the attack carried out ... on 17 November against Ukrainian cities" (misattached)
            for t in tok.subtree:
                if t.dep_ == "prep" and t.lower_ == "against" and t.head.i != tok.i:
                    self._add(targets, self.participants(_pobj(t)))
        if not targets and pattern.type == "ASSAULT":   # "the death of three soldiers in a drone attack"
            self._add(targets, self._casualties(tok))
        if not targets and pattern.type == "ASSAULT":   # "the death toll of the bombing rose to 31"
            self._add(targets, self._toll_update(tok))
        if addressed and actors and not targets:
            targets = self._complained_of(tok, actors)
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in self.lex.defence_verbs:
            # "X repelled 31 Russian assaults": the attacks were on whoever fended them off
            self._add(targets, self.participants(self.subject_of(tok.head)))
        targets = self._others(targets, actors)
        partner = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        if pattern.reciprocal and partner is not None:
            actors, targets = self._reciprocal(actors, targets, _pobj(partner))
        negated = self._denied(tok) or any(
            c.dep_ == "neg" for c in tok.head.children if tok.dep_ == "dobj") or (
            involved is not None and involved[1]) or any(   # "a massacre both governments deny"
            c.dep_ == "relcl" and c.lemma_.lower() in self.lex.denial_verbs
            and not any(o.dep_ in ("dobj", "ccomp") for o in c.children) for c in tok.children)
        return self._event(tok, pattern, pattern.mode, actors, targets, negated)

    def _denied(self, tok: Token) -> bool:
        """"denied attacking the camp", "denied that its fighters attacked", "denies the massacre": a
        verb of denial within two steps above; not a verb coordinated with the denial ("denied any
        involvement and condemned the attack": the condemnation is not denied)."""
        cur = tok
        for _ in range(2):
            head = cur.head
            if head.i == cur.i:
                return False
            if head.lemma_.lower() in self.lex.denial_verbs and cur.dep_ != "conj":
                return True
            cur = head
        return False

    def _casualties(self, tok: Token) -> list[Participant]:
        """"documented the death of three soldiers in a drone attack", "the killing of two men in an
        air strike": the people whose death or injury (``objects.yaml`` ``casualty_nouns``) the event
        noun under "in" caused are its targets."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "during"):
            return []
        holder = tok.head.head
        nouns = [holder] if self._lemma(holder) in self.lex.casualty_nouns else \
            [c for c in holder.children if c.dep_ == "dobj" and self._lemma(c) in self.lex.casualty_nouns]
        found: list[Participant] = []
        for noun in nouns:
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                victims = _pobj(prep)
                if victims is None:
                    continue
                victims = self.core(victims)
                self._add(found, self.participants(victims)
                          or [p for p in [described(victims, self.lex.classes["persons"])] if p])
        return found

    def _toll_update(self, tok: Token) -> list[Participant]:
        """"the death toll of the bombing had risen to 31", "the toll from the attack climbed to 14":
        a new count of an attack's dead (EVENT_GUIDELINES.md §1, something new with a predicate of
        its own). The count the toll reached (``objects.yaml`` ``toll``) is the attack's victims."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "from", "in"):
            return []
        toll = tok.head.head
        verb = toll.head
        if self._lemma(toll) not in self.lex.toll_nouns or toll.dep_ not in ("nsubj", "nsubjpass") \
                or self._lemma(verb) not in self.lex.toll_verbs:
            return []
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
            count = _pobj(prep)
            if count is not None and (count.pos_ == "NUM" or any(c.pos_ == "NUM" for c in count.children)):
                start, end = count.left_edge.idx, count.right_edge.idx + len(count.right_edge.text)
                words = text_of(self.doc)[start:end]
                return [Participant(entity=None, name=words, sector=None, span=Span(start=start, end=end, text=words))]
        return []

    def _holder(self, tok: Token) -> Token | None:
        """Whom an event noun is predicated of: "X has been at war with Y", "X is in talks with Y",
        "a terrorist responsible for rocket fire", "the group behind the attack"."""
        if tok.dep_ != "pobj":
            return None
        prep = tok.head
        word, head = prep.lower_, prep.head
        if word in self.lex.holders["copular_preps"] and head.lemma_.lower() == "be":
            return self.subject_of(head)
        if word in self.lex.holders["agent_preps"] and head.pos_ in ("NOUN", "PROPN"):
            return head
        if word == "for" and head.lemma_.lower() in self.lex.holders["responsible"]:
            if head.dep_ in ("amod", "acl", "appos"):
                return head.head
            if head.dep_ == "acomp":
                return self.subject_of(head.head)
        return None

    def _complained_of(self, tok: Token, actors: list[Participant]) -> list[Participant]:
        """"X lodged a complaint with the UN": the actors of the latest earlier event close by
        that X did not take part in, the event complained about."""
        ids = {a.entity for a in actors}
        for _, ev in self._window(tok, self._prior, NEAR):
            others = [a for a in ev.actors if a.entity not in ids]
            if others and not {a.entity for a in ev.actors} & ids:
                return others
        return []

    def _denied_part(self, tok: Token, prior: list[tuple[Token, Event]]) -> Event | None:
        """"The SDF denied any involvement": the denier's part in the hostile event told just before
        (``objects.yaml`` ``denied_part``), a negated event of that type with the denier as actor and
        that event's targets (EVENT_GUIDELINES.md §2, §5d(ii)). With an event noun of its own ("denied
        involvement in the attack") the noun is coded instead."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.denial_verbs:
            return None
        if any(c.dep_ == "prep" and (o := _pobj(c)) is not None and self._is_event_noun(o) for c in tok.children):
            return None
        subj = self.subject_of(verb)
        actors = self.participants(self.core(subj)) if subj is not None else []
        ids = {a.entity for a in actors if a.entity}
        if not ids:
            return None
        source = next((e for _, e in self._window(tok, prior, NEAR) if e.type in self.lex.denied_part_types
                       and not e.negated and not ids & {a.entity for a in e.actors}), None)
        if source is None:
            return None
        pattern = Pattern(type=source.type, pos="noun", lemmas=[tok.lemma_.lower()], source="objects.yaml denied_part")
        return self._event(tok, pattern, source.mode, actors, self._others(list(source.targets), actors), True)

    def _involvement(self, tok: Token) -> tuple[Token, bool] | None:
        """"had no role in the attack", "played a part in the assault": the verb whose subject
        took part, and whether the part is denied ("no role", "did not play a part")."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("in", "for") or prep.head.lemma_.lower() not in self.lex.involvement_nouns:
            return None
        noun = prep.head
        verb = noun.head
        denial = verb.lemma_.lower() in self.lex.denial_verbs   # "denied any involvement in the bombing"
        if noun.dep_ != "dobj" or not (verb.lemma_.lower() in self.lex.involvement_verbs or denial):
            return None
        negated = denial or any(c.lower_ in self.lex.negators for c in noun.children if c.dep_ in ("det", "neg")) \
            or any(c.dep_ == "neg" for c in verb.children)
        return verb, negated

    def _mediated(self, tok: Token, mediators: list[Participant], targets: list[Participant]) -> None:
        """"a swap mediated by X", "the deal, brokered by X": the parties of the mediated event
        (the clause the event noun belongs to: "A and B released prisoners in a swap mediated by X")."""
        if tok.dep_ != "acl":
            return
        noun = tok.head
        holder = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
        parties: list[Participant] = []
        if holder.pos_ == "VERB":
            self._add(parties, self.participants(self.subject_of(holder)))
            obj = next((c for c in holder.children if c.dep_ == "dobj"), None)
            if obj is not None and not (self.lex.classes_of(obj.lemma_, obj.text) & THINGS):
                self._add(parties, self.participants(self.core(obj)))
        self._add(targets, [p for p in parties if all(p.entity != m.entity for m in mediators)])

    def _is_place(self, p: Participant) -> bool:
        """A place entity, or a name the places extractor geocoded exactly (a town the entity tagger
        took for a person or an organisation)."""
        info = self.table.get(p.entity)
        if info is None:
            return False
        return info.type == "place" or (info.type in ("nationality", "other", "organization", "person") and any(
            pl.span.start <= p.span.start and p.span.end <= pl.span.end for pl in self.places))

    def _not_places(self, found: list[Participant]) -> list[Participant]:
        return [p for p in found if not self._is_place(p)]

    def _event(self, tok: Token, pattern: Pattern, mode: str | None, actors: list[Participant],
               targets: list[Participant], negated: bool, *, type_: str | None = None,
               trigger_from: Token | None = None) -> Event:
        """The event record; ``type_`` overrides the pattern's type (an intention or a refusal),
        ``trigger_from`` starts the trigger earlier ("wants to attack", "would free")."""
        ranges = self.clause_range(tok)
        sent = tok.sent
        quantities = [q for q in self.quantities if self._inside(q.span, ranges)]
        time = next((t for t in self.times if self._inside(t.span, ranges)), None)
        inside = [p for p in self.places if self._inside(p.span, ranges)]
        # a dateline's place (where the reporter files from) yields to a place the sentence names,
        # a landmark ("northeast of X") to the place it locates, and a region or a country to a town
        # (min keeps text order among equals)
        place = min(inside, key=lambda p: (is_dateline_place(self.doc, p), is_landmark(self.doc, p), specificity(p)),
                    default=None)
        # a place says where, it is no participant ("struck Mykolaiv", "arrived in Niger"); a capital
        # standing for its state is a country mention, not a place
        actors, targets = self._not_places(actors), self._not_places(targets)
        type_ = type_ or pattern.type
        begin = min(tok.idx, trigger_from.idx) if trigger_from is not None else tok.idx
        end = tok.idx + len(tok.text)
        if trigger_from is not None and trigger_from.idx > tok.idx:
            end = trigger_from.idx + len(trigger_from.text)
        start = tok.idx
        holders = [a for a in self.attributions if a.content.start <= start < a.content.end]
        attribution = min(holders, key=lambda a: a.content.end - a.content.start) if holders else None
        asserted_by = attribution.chain[0].name if attribution and attribution.chain else self.outlet
        confidence = 0.5 + 0.2 * bool(actors) + 0.2 * bool(targets)
        ev_start, ev_end = sent.start_char, sent.end_char
        while ev_end > ev_start and text_of(self.doc)[ev_end - 1].isspace():
            ev_end -= 1
        return Event(
            id="", type=type_, mode=mode,  # type: ignore[arg-type]
            actors=actors, targets=targets, quantities=quantities, time=time, place=place,
            attribution=attribution.id if attribution else None, asserted_by=asserted_by,
            trigger=Span(start=begin, end=end, text=text_of(self.doc)[begin:end]),
            evidence=Span(start=ev_start, end=ev_end, text=text_of(self.doc)[ev_start:ev_end]),
            negated=negated, confidence=round(confidence, 2),
            reason=f"{pattern.pos}:{tok.lemma_.lower()}->{pattern.type}"
                   + (f"+{'intent' if trigger_from is not None else 'refusal'}->{type_}" if type_ != pattern.type else ""),
        )


def find_events(doc: Doc, table: EntityTable, attributions: Sequence[Attribution], times: Sequence[Time],
                quantities: Sequence[Quantity], places: Sequence[Place], outlet: str | None) -> list[Event]:
    """Every PLOVER event of ``doc``."""
    return Coder(doc, table, attributions, times, quantities, places, outlet).code()
