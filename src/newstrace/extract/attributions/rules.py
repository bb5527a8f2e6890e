"""Attribution extraction over a parsed Doc: who says what, through whom.

Pure functions: they read the Doc, its entity table and the publishing outlet and
return :class:`~newstrace.records.Attribution` records. Rules, in order:

* a reporting verb (data file ``cues.yaml``) with a subject outside any quotation is a cue;
  its content is its clausal complement (indirect), the adjacent quotation (direct), a clause
  holding a quotation (mixed), or the object of "reported on/about" (indirect);
* "according to X" takes the rest of its sentence as content;
* a cue with no subject that hangs off another cue ("..., adding that ...") continues it;
* a report noun as subject ("the report highlighted") continues the last report's chain;
* a quotation with no cue that follows a direct quotation continues that speaker;
* chains: "sources who spoke with X" and "S told X" put S before X; "X reported, citing Y"
  puts Y before X; "quoted by X" likewise; the publishing outlet always closes the chain;
* a reported clause stops before a conjoined cue of the same subject ("denied that X and said Y":
  "said" continues the first cue), before a whole quotation's "and <verb>", and before a second
  source's cue ("..., while Y said Z"); "urged X to Y" keeps X with the infinitive;
* a cue with no subject hanging off a non-reporting verb borrows its subject ("X revoked the
  accord, calling it ..."); coordinated names speak as one source ("A and B accused ...");
* a passive cue's speaker is its agent, or nobody ("X is believed to ...", "X was accused of");
  "no group claimed" attributes nothing;
* a clause before a colon is not the content of a cue after it; a parenthetical cue
  (", they say,") reports what follows it, up to the next comma; a quotation ending in a full
  stop is not the adjacent quotation of the next sentence's cue;
* "the statement said" continues the attribution whose sentence introduced a statement;
* a statement published by a non-media publisher in its own voice ("Ukraine condemns ..." from
  the Ministry of Foreign Affairs of Ukraine) is not attributed;
* spans follow PARC 3.0 / PolNeAR: a source spans its whole noun phrase, a cue its verb group
  ("has also denied", "called for"), a reported clause keeps its "that" / "whether" (``extent``);
* "X, who says ...": the relative pronoun is the source span, its antecedent the source; a
  participle after a cue ("urged X to vote, saying ...") continues that cue's chain;
* verbs of knowledge and belief (``cognition_verbs``) count with a finite clause or a quotation;
* headline colons, pull quotes signed with a dash and reporting asides (", X says,") are cues
  too (``punctuation``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from ...nlp.extensions import text_of
from ...records import Attribution, AttributionKind, Source, SourceType, Span
from ...resources import read_yaml
from ..entities.gazetteer import default_gazetteer
from ..entities.model import EntityTable, Mention
from .extent import localised, verb_group, widened
from .punctuation import aside_content, headline_colons, signed_quotes
from .quotes import Quote, find_quotes

DATA = "newstrace.extract.attributions.data"
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLAUSES = ("ccomp", "xcomp", "parataxis")


@dataclass(frozen=True)
class Vocabulary:
    cues: frozenset[str]
    clause_only: frozenset[str]
    finite_only: frozenset[str]
    continuations: frozenset[str]
    topic_preps: frozenset[str]
    not_topics: frozenset[str]
    object_content: frozenset[str]
    complement: frozenset[str]
    relay_prep: frozenset[str]
    relay_object: frozenset[str]
    citing: frozenset[str]
    interview_nouns: frozenset[str]
    nobody_words: frozenset[str]
    anonymous: frozenset[str]
    documents: frozenset[str]
    media: frozenset[str]
    outlet_nouns: frozenset[str]
    partitive_pronouns: frozenset[str]
    official_roles: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    cues: Any = read_yaml(DATA, "cues.yaml")
    srcs: Any = read_yaml(DATA, "sources.yaml")

    def fs(items: list[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in items)

    return Vocabulary(
        cues=fs(cues["reporting_verbs"]["lemmas"] + cues["complement_verbs"]["lemmas"]
                + cues["cognition_verbs"]["lemmas"]),
        clause_only=fs(cues["reporting_verbs"]["clause_only"] + cues["cognition_verbs"]["lemmas"]),
        finite_only=fs(cues["cognition_verbs"]["lemmas"]) - fs(cues["reporting_verbs"]["lemmas"]),
        continuations=fs(cues["continuation_verbs"]["lemmas"]),
        topic_preps=fs(cues["topic_preps"]["words"]),
        not_topics=fs(cues["topic_preps"]["not_topics"]),
        object_content=fs(cues["object_content_verbs"]["lemmas"]),
        complement=fs(cues["complement_verbs"]["lemmas"]),
        relay_prep=fs(cues["relay_verbs"]["via_preposition"]),
        relay_object=fs(cues["relay_verbs"]["via_object"]),
        interview_nouns=fs(cues["interview_nouns"]["words"]),
        nobody_words=fs(cues["no_source"]["words"]),
        citing=fs(cues["relay_verbs"]["citing"]),
        anonymous=fs(srcs["anonymous"]["heads"]),
        documents=fs(srcs["documents"]["heads"]),
        media=fs(srcs["media"]["heads"]),
        outlet_nouns=fs(srcs["outlet_nouns"]["heads"]),
        partitive_pronouns=fs(srcs["partitive_pronouns"]["words"]),
        official_roles=fs(srcs["official_roles"]["words"]),
    )


@dataclass
class _Found:
    """An attribution under construction."""

    kind: AttributionKind
    cue: tuple[int, int] | None
    content: tuple[int, int]
    chain: list[Source]
    reason: str
    confidence: float
    cue_token: int | None = None
    quote: Quote | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _span(doc: Doc, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text_of(doc)[start:end])


def _tok_span(tokens: list[Token]) -> tuple[int, int]:
    toks = [t for t in tokens if not t.is_space]
    while toks and toks[0].is_punct and toks[0].text not in ("\u201c", '"'):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in ("\u201d", '"'):
        toks = toks[:-1]
    if not toks:
        return (0, 0)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree(tok: Token, skip: set[int] | None = None) -> list[Token]:
    skip = skip or set()
    out: list[Token] = []
    for t in tok.subtree:
        if any(a.i in skip for a in [t, *t.ancestors] if a.i != tok.i and tok in a.ancestors or a == t) \
                and t.i in skip:
            continue
        out.append(t)
    return [t for t in out if not any(s in skip for s in _path(t, tok))]


def _path(t: Token, top: Token) -> list[int]:
    """Token indices from ``t`` up to (excluding) ``top``."""
    path = [t.i]
    while t.i != top.i and t.head.i != t.i:
        t = t.head
        if t.i != top.i:
            path.append(t.i)
    return path


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    return next((q for q in quotes if q.contains(start, end)), None)


def _in_quote(quotes: list[Quote], tok: Token) -> bool:
    return _quote_at(quotes, tok.idx, tok.idx + len(tok.text)) is not None


# --- sources -------------------------------------------------------------------

def _names_a_group(name: str) -> bool:
    """A source named in the plural ("Two Syrian security officials", "sources close to X")."""
    words = name.split()
    head = next((w for w in reversed(words) if w.isalpha()), "")
    return len(head) > 3 and head.lower().endswith("s") and not head.lower().endswith(("ss", "us", "ws")) \
        and head[0].islower()



class SourceDescriber:
    """Turns a noun phrase (its head token) into a :class:`Source`, using the entity table."""

    def __init__(self, doc: Doc, table: EntityTable, vocab: Vocabulary) -> None:
        self.doc, self.table, self.vocab = doc, table, vocab
        self.earlier_names: dict[str, str] = {}   # head noun -> the last anonymous source so named
        self.earlier_chains: list[tuple[int, str, list[Source]]] = []
        self.plural_chains: list[tuple[int, list[Source]]] = []   # "two officials": for "one of them"

    def remember(self, chain: list[Source], position: int) -> None:
        source = chain[0]
        if _names_a_group(source.name):
            self.plural_chains.append((position, chain))
        if source.type in ("anonymous", "document") and source.entity is None:
            head = source.name.split()[-1].lower()
            self.earlier_names[head] = source.name
            self.earlier_chains.append((position, head, chain))

    def earlier_chain(self, head: Token) -> list[Source] | None:
        """'the sources said', 'one of the sources': the chain of the last source named with that noun."""
        word = head.lower_
        if word == "one":
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if obj is None:
                return None
            if obj.lower_ in self.vocab.partitive_pronouns:   # "one of them said": the group named last
                groups = [c for pos, c in self.plural_chains if pos < head.idx]
                return list(groups[-1]) if groups else None
            head, word = obj, obj.lower_
        if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children):
            return None
        found = [(pos, c) for pos, w, c in self.earlier_chains if w == word and pos < head.idx]
        mention = self.table.at_token(head.i)
        if mention is not None:
            # "the official" linked by description to an entity: the anonymous source named with the
            # same noun wins when it came after the entity's last mention by name
            named = [m.start for m in self.table.mentions if m.entity_id == mention.entity_id
                     and m.kind not in ("description", "pronoun") and m.start < head.idx]
            if mention.kind != "description" or not found or (named and max(named) > found[-1][0]):
                return None
        return list(found[-1][1]) if found else None

    def _np_tokens(self, head: Token, right: bool = False) -> list[Token]:
        keep = ("compound", "amod", "nmod", "det", "nummod", "poss", "case", "punct", "quantmod", "advmod")
        left = [t for t in head.lefts if t.dep_ in keep]
        toks: list[Token] = []
        for t in left:
            toks.extend(t.subtree)
        toks.append(head)
        if right:   # "a source familiar with the talks", "officials in Damascus"
            for t in head.rights:
                if t.dep_ == "amod" or (t.dep_ == "prep" and t.lower_ in ("in", "from", "at", "with", "close")):
                    toks.extend(t.subtree)
        toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
        while len(toks) > 1 and (toks[0].dep_ == "det" and toks[0].lower_ in ("the",) or toks[0].is_punct):
            toks = toks[1:]
        return toks

    def describe(self, head: Token) -> Source:
        """The source a noun phrase names; its span is the whole phrase."""
        return widened(self.doc, self._describe(head), head)

    def _describe(self, head: Token) -> Source:
        for child in head.children:   # "the ministry's spokesperson, Oksana Levchenko"
            m = self.table.at_token(child.i) if child.dep_ == "appos" else None
            info = self.table.get(m.entity_id) if m is not None else None
            if info is not None and info.type == "person" and self.table.at_token(head.i) is None:
                if info.role is None:
                    info.role = text_of(self.doc)[self._np_tokens(head)[0].idx : head.idx + len(head.text)]
                return self._from_mention(child, m)  # type: ignore[arg-type]
        mention = self.table.at_token(head.i)
        if mention is not None:
            return self._from_mention(head, mention)
        for left in head.lefts:   # "the Anadolu news agency", "the state-run Iraqi News Agency"
            m = self.table.at_token(left.i) if left.dep_ in ("compound", "nmod", "amod") else None
            info = self.table.get(m.entity_id) if m is not None else None
            if info is not None and info.type == "media":
                return self._from_mention(left, m)  # type: ignore[arg-type]
        if head.i + 3 < len(self.doc) and self.doc[head.i + 1].text == "(":   # "the UN aid office (OCHA)"
            m = self.table.at_token(head.i + 2)
            if m is not None and self.doc[m.token_end].text == ")":
                return self._from_mention(self.doc[head.i + 2], m)
        if head.i + 1 < len(self.doc):   # "the official news agency SANA" (name in apposition)
            nxt = self.doc[head.i + 1]
            m = self.table.at_token(nxt.i)
            info = self.table.get(m.entity_id) if m is not None else None
            if info is not None and info.type == "media" and m is not None and m.token_start == nxt.i:
                return self._from_mention(nxt, m)
        toks = self._np_tokens(head, right=head.lower_ in self.vocab.anonymous)
        start, end = toks[0].idx, max(head.idx + len(head.text), toks[-1].idx + len(toks[-1].text))
        name = text_of(self.doc)[start:end]
        lower = head.lower_
        if toks[0].i > 0 and self.doc[toks[0].i - 1].lower_ == "the" and lower in self.vocab.anonymous:
            earlier = self.earlier_names.get(lower)   # "the official" -> "a European security official"
            if earlier:
                name = earlier
        affiliation = None
        for t in toks:
            m = self.table.at_token(t.i)
            if m is not None and t.i != head.i:
                info = self.table.get(m.entity_id)
                affiliation = info.name if info else None
        typ: SourceType = "anonymous"
        role = None
        if lower in self.vocab.documents:
            typ = "document"
        elif lower in self.vocab.media:
            typ = "media_generic"
        elif lower in self.vocab.official_roles:
            typ, role = "anonymous", name
        return Source(name=name, type=typ, role=role, affiliation=affiliation, span=_span(self.doc, start, end))

    def _from_mention(self, head: Token, m: Mention) -> Source:
        info = self.table.get(m.entity_id)
        assert info is not None
        span = _span(self.doc, m.start, m.end)
        if info.type == "media":
            kind: SourceType = "state_media" if info.actor is not None and info.actor.is_state_media else "outlet"
            name = m.text if m.kind not in ("description", "pronoun") else info.name
            role = self._role_words(head, m)
            return Source(name=name, type=kind, entity=info.id, role=role, span=span)
        if info.type == "person":
            aff = self.table.get(info.affiliation)
            role = info.role
            official = bool(role) and any(w.lower() in self.vocab.official_roles for w in (role or "").split())
            return Source(name=info.name, type="official" if official else "person", entity=info.id,
                          role=role, affiliation=aff.name if aff else None, span=span)
        if info.type == "country":
            name = m.antecedent or m.text
            if m.sector == "media":
                return Source(name=name, type="media_generic", entity=info.id, affiliation=info.name, span=span)
            return Source(name=name, type="official", entity=info.id, role=m.sector,
                          affiliation=info.name, span=span)
        if info.type == "nationality":
            toks = self._np_tokens(head)
            start, end = toks[0].idx, head.idx + len(head.text)
            return self.describe_generic(head, start, end, info.name)
        return Source(name=info.name if m.kind in ("description", "pronoun") else m.text,
                      type="organization", entity=info.id, span=span)

    def describe_generic(self, head: Token, start: int, end: int, affiliation: str | None) -> Source:
        lower = head.lower_
        typ: SourceType = "media_generic" if lower in self.vocab.media else (
            "document" if lower in self.vocab.documents else "anonymous")
        return Source(name=text_of(self.doc)[start:end], type=typ, affiliation=affiliation,
                      span=_span(self.doc, start, end))

    def _role_words(self, head: Token, m: Mention) -> str | None:
        words = [t.text for t in head.lefts if t.dep_ in ("compound", "amod") and t.i < m.token_start
                 and self.table.at_token(t.i) is None and t.pos_ == "NOUN"]
        return " ".join(words) or None

    def is_document(self, head: Token) -> bool:
        return self.table.at_token(head.i) is None and head.lower_ in self.vocab.documents

    def is_anaphoric_document(self, head: Token) -> bool:
        """'the report highlighted': a definite report noun that names no author of its own
        ('a UN report', 'a statement from the ministry' name theirs)."""
        if not self.is_document(head):
            return False
        if any(c.dep_ == "prep" for c in head.children):
            return False
        if any(self.table.at_token(t.i) is not None for c in head.lefts for t in c.subtree):
            return False
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                   for c in head.children)


def _head_of_np(tok: Token) -> Token:
    """For a nationality adjective or similar hanging under a noun, climb to the noun."""
    while tok.dep_ in ("amod", "compound", "nmod") and tok.head.i != tok.i and tok.head.i > tok.i:
        tok = tok.head
    return tok


class ChainBuilder:
    """Source chains: origin first, the publishing outlet last."""

    def __init__(self, describer: SourceDescriber, vocab: Vocabulary, publisher: Source) -> None:
        self.describer, self.vocab, self.publisher = describer, vocab, publisher

    def from_np(self, head: Token, depth: int = 0) -> list[Source]:
        """The chain a noun phrase describes: 'sources who spoke with X' -> [sources, X...]."""
        chain = [self.describer.describe(head)]
        if depth > 3:
            return chain
        for child in head.children:
            if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in self.vocab.relay_prep | self.vocab.citing:
                if child.lemma_.lower() in self.vocab.citing and child.tag_ == "VBN":   # "quoted by X"
                    for agent in child.children:
                        if agent.dep_ == "agent":
                            for obj in agent.children:
                                if obj.dep_ == "pobj":
                                    chain += self.from_np(obj, depth + 1)
                    continue
                for prep in child.children:
                    if prep.dep_ in ("prep", "dative") and prep.lower_ in ("with", "to"):
                        for obj in prep.children:
                            if obj.dep_ == "pobj":
                                chain += self.from_np(obj, depth + 1)
                    elif prep.dep_ in ("dobj",) and child.lemma_.lower() in self.vocab.relay_object:
                        chain += self.from_np(prep, depth + 1)
        return chain

    def from_cue(self, cue: Token, speaker: Token) -> list[Source]:
        """Chain for 'S <cue>' including 'S told X', 'S said in an interview with X', 'S ..., citing Y'."""
        chain = self.from_np(speaker)
        lemma = cue.lemma_.lower()
        kids = list(cue.children)
        for clause in [c for c in kids if c.dep_ in ("advcl", "ccomp") and c.i > cue.i]:
            mark = next((m for m in clause.children if m.dep_ == "mark"), None)
            # the parser may hang ", citing X," on the reported clause that follows it
            kids += [c for c in clause.children if c.dep_ == "advcl" and mark is not None and c.i < mark.i]
        for child in kids:
            named = self._named_medium(child) if child.dep_ in ("dobj", "dative", "iobj") else None
            if lemma in self.vocab.relay_object and named is not None:
                chain += self.from_np(named)
            elif child.dep_ in ("advcl", "xcomp", "conj") and child.lemma_.lower() in self.vocab.citing:
                for obj in child.children:
                    if obj.dep_ in ("dobj", "pobj"):
                        chain = self.from_np(obj) + chain
            elif child.dep_ == "prep" and child.lower_ == "in":
                for obj in child.children:
                    for acl in obj.children if obj.dep_ == "pobj" else ():
                        # "said in a statement carried by the agency X"
                        if acl.dep_ == "acl" and acl.tag_ == "VBN":
                            for agent in acl.children:
                                if agent.dep_ == "agent":
                                    chain += [s for o in agent.children if o.dep_ == "pobj" for s in self.from_np(o)]
                    if obj.dep_ == "pobj" and obj.lower_ in self.vocab.interview_nouns:
                        for p in obj.children:
                            if p.dep_ == "prep" and p.lower_ in ("with", "to"):
                                for o in p.children:
                                    if o.dep_ == "pobj":
                                        chain += self.from_np(o)
        return chain

    def _named_medium(self, head: Token) -> Token | None:
        """The token naming whom something was told: the head itself when it is a mention, or the
        outlet named in front of a generic noun ("the Reuters news agency", "the BBC's Persian service")."""
        table = self.describer.table
        if table.at_token(head.i) is not None:
            return head
        if head.lower_ not in self.vocab.outlet_nouns:
            return None
        for left in head.lefts:
            m = table.at_token(left.i)
            info = table.get(m.entity_id) if m is not None else None
            if info is not None and info.type == "media":
                return left
        return None

    def close(self, chain: list[Source]) -> list[Source]:
        """Drop a repeated last link and append the publishing outlet."""
        out: list[Source] = []
        for s in chain:
            if out and out[-1].name == s.name:
                continue
            out.append(s)
        if out and self.publisher.entity and out[-1].entity == self.publisher.entity:
            out = out[:-1]
        return [*out, self.publisher]


# --- contents --------------------------------------------------------------------


def _clause_child(cue: Token, vocab: Vocabulary) -> Token | None:
    found = _clause_child_raw(cue, vocab)
    if found is not None and (found.pos_ in ("PROPN", "NOUN") or found.ent_type_ != "" or found.text.isupper()):
        # a name the parser took for the clause ("... agency SANA that its forces ..."): its own clause
        inner = next((c for c in found.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if inner is not None:
            return inner
    return found


def _clause_child_raw(cue: Token, vocab: Vocabulary) -> Token | None:
    topic = any(c.dep_ == "prep" and c.lower_ in vocab.topic_preps
                and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") and o.lemma_ not in vocab.not_topics
                        for o in c.children)
                for c in cue.children)
    doc = cue.doc
    for child in cue.children:
        if topic and child.dep_ != "ccomp":
            continue
        subject = next((c for c in cue.children if c.dep_ in SUBJECTS), None)
        stop = subject.left_edge.i if subject is not None and subject.i < cue.i else cue.i
        if child.i < cue.i and any(t.text == ":" for t in doc[child.right_edge.i + 1 : stop]):
            continue   # "the calculation is simple: Moscow asks ...": the colon opens a new statement
        if child.dep_ in CLAUSES and child.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "PROPN"):
            return child
        if child.dep_ == "advcl" and child.i > cue.i and any(   # "reported, citing X, that ..."
                m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            return child
    return None


def _that_clause_in_pp(cue: Token) -> Token | None:
    """'said in a statement carried by SANA that ...': the parser hangs the that-clause inside
    the prepositional phrase; it is still what the cue reports."""
    for child in cue.children:
        if child.dep_ != "prep" or child.i < cue.i:
            continue
        for t in child.subtree:
            if t.dep_ in ("ccomp", "relcl", "acl") and t.pos_ in ("VERB", "AUX") and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i < t.i for m in t.children):
                return t
    return None


def _speaker(cue: Token, vocab: Vocabulary | None = None) -> Token | None:
    for child in cue.children:
        if child.dep_ == "nsubjpass" and vocab is not None:
            # "X was accused by Y of ...": the agent speaks; "X is believed to ...", "X was accused
            # of ...": the passive subject is what is reported on, not who reports it
            agent = next((o for a in cue.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
            if agent is not None:
                return agent
            raising = any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in cue.children)
            if raising or cue.lemma_.lower() in vocab.complement | vocab.clause_only:
                return None
            return child
        if child.dep_ in SUBJECTS:
            return child
    if cue.dep_ == "acl" and cue.tag_ == "VBN":   # "a statement issued by X"
        return None
    return None


def _adjacent_quote(doc: Doc, quotes: list[Quote], cue: Token, speaker: Token | None) -> Quote | None:
    """A quotation just before the cue clause ('"...," X said') or just after it ('X said: "..."')."""
    sent = cue.sent
    left_edge = min([cue.i] + ([t.i for t in speaker.subtree] if speaker is not None else []))
    right_edge = max([cue.i] + ([t.i for t in speaker.subtree] if speaker is not None else []))
    left_char = doc[left_edge].idx
    right_char = doc[right_edge].idx + len(doc[right_edge].text)
    for q in quotes:
        gap_before = text_of(doc)[q.close : left_char]
        if q.close <= left_char and len(gap_before) <= 3 and not any(ch.isalnum() or ch == "." for ch in gap_before) \
                and not text_of(doc)[q.start : q.end].rstrip().endswith("."):
            return q   # a quotation ending in a full stop closes its sentence: the next one is not its cue
    for q in quotes:
        gap_after = text_of(doc)[right_char : q.open]
        if q.open >= right_char and q.open < sent.end_char + 2 and len(gap_after) <= 12 \
                and not any(ch.isalnum() for ch in gap_after.replace("that", "")):
            return q
    return None


def _after_dateline(tokens: list[Token]) -> list[Token]:
    """Drop a wire dateline ("BEIRUT, March 3 (Reuters) -") from the front of a token list."""
    for k, t in enumerate(tokens[:16]):
        if t.text in ("-", "\u2014", "\u2013", "--") and k > 0 and tokens[k - 1].text == ")":
            return tokens[k + 1 :]
    return tokens


def _according_to(doc: Doc) -> list[tuple[Token, Token, Token]]:
    """('according' token, source head, verb it modifies) for each 'according to X'."""
    out = []
    for tok in doc:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if to is None and nxt is not None and nxt.lower_ == "to":
                to = nxt
            if to is None:
                continue
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None and to.i + 1 < len(doc):
                obj = _head_of_np(doc[to.i + 1])
            if obj is not None:
                out.append((tok, obj, tok.head))
    return out


def _sentence_rest(doc: Doc, according: Token, source: Token) -> tuple[int, int]:
    """The sentence minus the 'according to ...' phrase."""
    sent = according.sent
    pp = sorted({t.i for t in according.subtree} | {t.i for t in source.subtree} | {according.i})
    lo, hi = pp[0], pp[-1]
    if lo <= sent.start + 1:   # phrase opens the sentence
        toks = [t for t in sent if t.i > hi]
    else:
        toks = _after_dateline([t for t in sent if t.i < lo])
    start, end = _tok_span(toks)
    for q in find_quotes(text_of(doc)[: end]):   # a sentence split inside a quotation: take it whole
        if q.open < start < q.end:
            start = q.open
    return start, end


def find_attributions(doc: Doc, table: EntityTable, outlet: str | None) -> list[Attribution]:
    """All attributions of ``doc``: chains end with ``outlet`` (the publisher)."""
    vocab = vocabulary()
    quotes = find_quotes(text_of(doc))
    describer = SourceDescriber(doc, table, vocab)
    pub_id = None
    if outlet:
        for m in table.mentions:
            info = table.get(m.entity_id)
            if info and info.type == "media" and (m.text.casefold() in outlet.casefold()
                                                   or outlet.casefold() in info.name.casefold()):
                pub_id = info.id
                break
    publisher = Source(name=outlet or "unknown publisher", type="publisher", entity=pub_id)
    chains = ChainBuilder(describer, vocab, publisher)
    found: list[_Found] = []
    by_cue: dict[int, _Found] = {}
    clause_heads: dict[int, int] = {}   # a clause cut before a conjoined cue -> the cue reporting it

    according_at = {according.i: source for according, source, _verb in _according_to(doc)}

    def according_to(according: Token, source: Token) -> None:
        content = _sentence_rest(doc, according, source)
        if content[1] <= content[0]:
            return
        to_tok = doc[according.i + 1]
        cue_span = (according.idx, to_tok.idx + len(to_tok.text))
        head = _head_of_np(source)
        earlier = describer.earlier_chain(head)
        chain = localised(doc, earlier, head) if earlier else chains.close(chains.from_np(head))
        describer.remember(chain, according.idx)
        found.append(_Found("according_to", cue_span, content, chain, "according_to", 0.8, according.i))

    for tok in doc:   # in text order, so that "the official" can refer back to "a security official"
        if tok.i in according_at:
            if not _in_quote(quotes, tok):   # "treated according to the law" inside a quotation
                according_to(tok, according_at[tok.i])
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in vocab.cues or _in_quote(quotes, tok):
            continue
        if any(c.dep_ == "neg" for c in tok.children) and lemma not in vocab.complement:
            continue   # "did not comment on the claim" attributes nothing
        speaker = _speaker(tok, vocab)
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS and not _in_quote(quotes, c)]
        if speaker in subjects and len(subjects) > 1:   # the parser gave two: '"... McCain," Trump said',
            speaker = min(subjects, key=lambda c: abs(c.i - tok.i))   # "Critics, Tom Reed says, doubt ..."
        elif speaker is not None and subjects and _in_quote(quotes, speaker):
            speaker = subjects[0]
        relative: Token | None = None
        if speaker is not None and speaker.tag_ in ("WP", "WDT") and tok.dep_ == "relcl" \
                and tok.head.pos_ in ("NOUN", "PROPN"):   # "Christie, who says ...": the antecedent speaks
            relative, speaker = speaker, tok.head
        relayed_by: Token | None = None
        borrowed = False
        if speaker is None and tok.dep_ in ("pcomp", "advcl", "xcomp", "acl"):
            quoting = tok.head.head if tok.head.dep_ == "prep" else tok.head
            if quoting.lemma_.lower() in vocab.citing:   # "X quoted Y as saying that ..."
                speaker = next((c for c in quoting.children if c.dep_ == "dobj"), None)
                relayed_by = _speaker(quoting)
        if speaker is None and tok.dep_ in ("advcl", "conj") and tok.head.i < tok.i \
                and tok.head.i not in by_cue and tok.head.i not in clause_heads \
                and not any(f.content[0] <= tok.idx < f.content[1] for f in found):
            # "X revoked the accord, calling it ...", "X voiced support and accused Y of ...":
            # the cue shares the subject of the verb it hangs on
            speaker = _speaker(tok.head, vocab)
            borrowed = speaker is not None
        if speaker is not None and _in_quote(quotes, speaker):
            continue
        if speaker is not None and (speaker.lower_ in vocab.nobody_words or any(
                c.dep_ == "det" and c.lower_ == "no" for c in speaker.children)):
            continue   # "no group claimed responsibility" attributes nothing
        clause = _clause_child(tok, vocab) or _that_clause_in_pp(tok)
        quote = _adjacent_quote(doc, quotes, tok, speaker)
        if lemma in vocab.finite_only and quote is None and (clause is None or clause.dep_ != "ccomp"):
            continue   # "expects that X" attributes a belief; "hopes to win" does not
        content: tuple[int, int] | None = None
        linking: Token | None = None   # a preposition between cue and content ("reported on X")
        kind: AttributionKind = "indirect"
        reason = ""
        if clause is not None:
            clause_toks = _after_dateline(list(clause.subtree))
            mark = next((c for c in clause.children if c.dep_ == "mark" and c.i < clause.i), None)
            if mark is not None:   # "told SANA that ...": the content starts at "that"
                clause_toks = [t for t in clause_toks if t.i > mark.i]
            cut = _conjoined_cut(clause, vocab, quotes)
            if cut is not None:   # "denied that X and said Y": the statement stops before "and said"
                clause_toks = [t for t in clause_toks if t.i < cut]
                clause_heads[clause.i] = tok.i
            if clause.dep_ == "xcomp" and lemma in vocab.complement:   # "urged both sides to open ..."
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and tok.i < c.i < clause.i), None)
                if obj is not None:
                    clause_toks = sorted([*obj.subtree, *clause_toks], key=lambda t: t.i)
            c_start, c_end = _tok_span(clause_toks)
            q = _quote_at(quotes, c_start, c_end) or (quote if quote and c_start >= quote.open - 1
                                                       and c_end <= quote.close + 1 else None)
            inner = [qq for qq in quotes if qq.start < c_end and c_start < qq.end]
            if q is not None:
                content, kind, reason, quote = (q.start, q.end), "direct", "quote+cue", q
            elif inner:
                content, kind, reason = (c_start, c_end), "mixed", "clause_with_quote+cue"
            elif c_end > c_start:
                content, kind, reason = (c_start, c_end), "indirect", "clause+cue"
            if kind != "direct" and content is not None and mark is not None \
                    and mark.lower_ in ("that", "whether", "if"):
                content = (mark.idx, content[1])   # the complementizer belongs to the content (PARC)
            if kind == "mixed" and content is not None:
                content = _close_quote(text_of(doc), content, quotes)
        if content is None and quote is not None:
            content, kind, reason = (quote.start, quote.end), "direct", "adjacent_quote+cue"
            opening = doc.char_span(quote.open, quote.open + 1, alignment_mode="expand")
            opening_sent = opening.sent if opening is not None else tok.sent
            lead = _after_dateline([t for t in opening_sent if t.idx < quote.open and not t.is_space])
            if quote.close <= tok.idx and lead and lead[0].idx < quote.open - 1:
                content, kind, reason = (lead[0].idx, quote.end), "mixed", "clause_with_adjacent_quote+cue"
        if content is None and speaker is not None and not borrowed:
            rest = _parenthetical_rest(tok)
            if rest:   # "acting, they say, in solidarity with ...": what follows the aside is reported
                content = _tok_span(rest)
                inner = [qq for qq in quotes if qq.start < content[1] and content[0] < qq.end]
                kind, reason = ("mixed" if inner else "indirect"), "parenthetical_cue"
        if content is None and speaker is not None and not borrowed and clause is None and tok.head.i > tok.i:
            group_end = verb_group(tok)[1]
            last = next(t.i for t in doc[tok.i :] if t.idx + len(t.text) >= group_end)
            content = aside_content(tok, speaker, last)
            if content is not None:   # "Since then, Barden says, far too many lives ...": the sentence
                inner = [qq for qq in quotes if qq.start < content[1] and content[0] < qq.end]
                kind, reason = ("mixed" if inner else "indirect"), "aside_cue"
        if content is None and speaker is not None and not borrowed and tok.dep_ in ("advcl", "parataxis", "conj") \
                and tok.head.i < tok.i and (tok.head.pos_ in ("VERB", "AUX") or tok.head.dep_ == "ROOT"):
            # "X has happened, TASS reported": the reporting clause follows what it reports
            first = min(t.i for t in tok.subtree if not t.is_punct)   # the parser may hang the comma on the cue
            left = [t for t in tok.sent if t.i < first]
            left = _after_dateline(left)
            joint = doc[first - 1] if first > 0 else None
            if left and joint is not None and joint.text in (",", "\u201d", '"'):
                content = _tok_span(left)
                inner = [qq for qq in quotes if qq.start < content[1] and content[0] < qq.end]
                kind, reason = ("mixed" if inner else "indirect"), "postposed_cue"
        if content is None and lemma not in vocab.clause_only:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in vocab.topic_preps:
                    objs = [c for c in child.children if c.dep_ == "pobj" and not c.ent_type_ in ("DATE", "TIME")
                            and c.lemma_ not in vocab.not_topics]
                    if objs:
                        toks = list(objs[0].subtree)
                        for sib in tok.children:   # "reported on the presence of X in Y training Z"
                            if sib.dep_ in ("xcomp", "advcl") and sib.i > objs[0].i and (
                                    sib.tag_ == "VBG" or any(a.tag_ == "TO" for a in sib.children)):
                                toks += list(sib.subtree)
                        content, kind, reason = _tok_span(toks), "indirect", "topic_prep+cue"
                        linking = child
                        break
                if child.dep_ == "dobj" and lemma in vocab.object_content and child.pos_ == "NOUN":
                    content, kind, reason = _tok_span(list(child.subtree)), "indirect", "object+cue"
                    break
        if content is None and lemma in vocab.complement:
            right = [c for c in tok.rights if c.dep_ in ("dobj", "prep", "xcomp", "oprd", "dative", "ccomp", "advcl")
                     and not (c.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in c.children))]
            framed = any(c.dep_ != "dobj" or any(g.dep_ == "prep" and g.lower_ in ("of", "as", "for")
                                                 for g in c.children) for c in right)
            if right and framed:   # "described X as Y", "accused X of Y"; not "rejects that picture"
                toks = sorted([t for c in right for t in c.subtree], key=lambda t: t.i)
                if len(toks) > 1 and toks[0].dep_ == "prep" and toks[0].head.i == tok.i:
                    linking, toks = toks[0], toks[1:]   # "called for X": "for" links cue and content
                content = _tok_span(toks)
                inner = [qq for qq in quotes if qq.start < content[1] and content[0] < qq.end]
                kind, reason = ("mixed" if inner else "indirect"), "complement+cue"
        if content is None or content[1] <= content[0]:
            continue
        if relative is not None and not reason.startswith(("clause", "quote", "adjacent")):
            continue   # "the Houthis, who call their movement X": only a reported clause or quotation
        chain: list[Source] | None = None
        confidence = 0.85 if kind == "direct" else 0.75
        if speaker is None:
            parent = by_cue.get(tok.head.i)
            if parent is None and tok.head.i in clause_heads:
                parent = by_cue.get(clause_heads[tok.head.i])
            if parent is not None and tok.dep_ in ("advcl", "conj", "xcomp") and (
                    lemma in vocab.continuations or tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG")):
                chain, reason, confidence = list(parent.chain), reason + "+continuation", 0.7
        elif describer.is_anaphoric_document(speaker):
            prior = _introducing(doc, found, speaker) \
                or next((f for f in reversed(found) if f.chain and f.chain[0].type != "anonymous"), None) \
                or (found[-1] if found else None)
            if prior is not None:
                chain, reason, confidence = localised(doc, prior.chain, speaker), reason + "+report_continuation", 0.7
        if chain is None:
            if speaker is None:
                continue
            if speaker.pos_ == "PRON" and table.at_token(speaker.i) is None:
                continue
            earlier = describer.earlier_chain(speaker)
            if earlier is not None:
                chain, reason = localised(doc, earlier, speaker), reason + "+same_source"
        if chain is None:
            assert speaker is not None
            head = speaker
            if describer.is_document(speaker):
                for prep in speaker.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        if obj is not None:
                            head = obj
            own = chains.from_cue(tok, head)
            if own[0].span is not None and table.at_token(head.i) is not None:
                own[0] = _coordinated(doc, head, own[0], table)
            if relayed_by is not None:
                own += chains.from_np(relayed_by)
            chain = chains.close(own)
        if _publisher_own(chain, publisher):
            continue
        cue_span = verb_group(tok)
        if linking is not None and linking.i > tok.i and linking.idx <= cue_span[1] + 1:
            cue_span = (cue_span[0], linking.idx + len(linking.text))
        describer.remember(chain, tok.idx)
        if relative is not None:   # the source span is the relative pronoun; the name is its antecedent's
            chain = localised(doc, chain, relative)
        item = _Found(kind, cue_span, content, chain, reason, confidence, tok.i, quote,
                      {"clause": clause.i} if clause is not None else {})
        found.append(item)
        by_cue[tok.i] = item

    for marked in headline_colons(doc, table) + signed_quotes(doc, table, quotes):
        if any(f.content[0] < marked.content[1] and marked.content[0] < f.content[1] for f in found):
            continue
        chain = localised(doc, chains.close(chains.from_np(marked.speaker)), marked.name)
        if not _publisher_own(chain, publisher):
            found.append(_Found("direct" if marked.quoted else "indirect", marked.cue, marked.content, chain,
                                marked.reason, 0.6))
    found.extend(_quote_continuations(doc, quotes, found))
    found = [f for f in found if not _reported_act(f, found, vocab, doc)]
    _nest(found)
    found = [f for f in found if not f.extra.get("relay_only")]
    found.sort(key=lambda f: f.content[0])
    _state_of_bare_organs(found)
    return [
        Attribution(
            id=f"a{n}", kind=f.kind,
            cue=_span(doc, *f.cue) if f.cue else None,
            content=_span(doc, *f.content), chain=f.chain,
            confidence=f.confidence, reason=f.reason,
        )
        for n, f in enumerate(found, start=1)
    ]


def _state_of_bare_organs(found: list[_Found]) -> None:
    """A state organ named without its state ("the Air Force said", "the Defence Ministry said")
    speaks for the state whose organ of that sector spoke before in the article ("Ukraine's air
    force ... the Air Force"): one state, one origin. An organ no earlier source places stays as it is."""
    gazetteer = default_gazetteer()
    placed: dict[str, str] = {}   # sector -> the state of the last source of that sector
    for f in sorted(found, key=lambda f: f.cue[0] if f.cue else f.content[0]):
        if not f.chain:
            continue
        source = f.chain[0]
        words = source.name.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        entry = gazetteer.sector(" ".join(words)) if words else None
        if source.affiliation and source.role:
            placed[source.role] = source.affiliation
        elif entry is not None and not source.affiliation and source.type in ("organization", "anonymous") \
                and entry.sector in placed and not entry.person:
            # the organ's own entity (NER made "Air Force" an organisation) gives way to its state
            f.chain = [source.model_copy(update={"type": "official", "role": entry.sector, "entity": None,
                                                 "affiliation": placed[entry.sector]}), *f.chain[1:]]


def _close_quote(text: str, content: tuple[int, int], quotes: list[Quote]) -> tuple[int, int]:
    """A quotation opened inside the content closes inside it: 'said that X was "a lie."' keeps
    the full stop and comma the quotation holds."""
    for q in quotes:
        if content[0] <= q.open < content[1] < q.end and not text[content[1] : q.end].strip(".,;:!? "):
            return content[0], q.end
    return content


def _parenthetical_rest(cue: Token) -> list[Token]:
    """'X attacked ships, acting, they say, in solidarity with Gaza': a cue set off by commas
    inside the clause it reports on; what follows the aside is the reported part."""
    doc, head = cue.doc, cue.head
    if cue.dep_ not in ("parataxis", "advcl", "ccomp") or head.i >= cue.i or head.pos_ not in ("VERB", "AUX"):
        return []
    subject = next((c for c in cue.children if c.dep_ in SUBJECTS and c.i < cue.i), None)
    first = subject.left_edge.i if subject is not None else cue.i
    if first == 0 or doc[first - 1].text != "," or cue.i + 2 >= len(doc) or doc[cue.i + 1].text != ",":
        return []
    nxt = doc[cue.i + 2]
    if nxt.head.i not in (head.i, cue.i) or nxt.dep_ not in (
            "prep", "dobj", "attr", "acomp", "xcomp", "oprd", "npadvmod"):
        return []   # the parser hangs what follows on the aside or on the clause it interrupts
    rest = [t for t in cue.sent if t.i >= nxt.i and (head in t.ancestors or t == head)]
    comma = next((t.i for t in rest if t.text in (",", ";", "\u2014")), None)   # not ", where ..." after it
    return [t for t in rest if comma is None or t.i < comma]


def _coordinated(doc: Doc, head: Token, source: Source, table: EntityTable) -> Source:
    """'Burkina Faso and Mali accused ...': a source named by coordinated names speaks as one."""
    conj = [c for c in head.children if c.dep_ == "conj" and c.i > head.i and table.at_token(c.i) is not None]
    if not conj or source.span is None:
        return source
    m = table.at_token(conj[-1].i)
    end = m.end if m is not None else conj[-1].idx + len(conj[-1].text)
    start = min(source.span.start, doc[head.left_edge.i].idx)
    name = text_of(doc)[start:end]
    return source.model_copy(update={"name": name, "span": _span(doc, start, end)})


def _publisher_own(chain: list[Source], publisher: Source) -> bool:
    """A press release speaking in its own voice ('Ukraine condemns ...' in a statement published
    by the Ministry of Foreign Affairs of Ukraine): the publisher is the origin, nothing is relayed."""
    if publisher.entity is not None or publisher.type != "publisher" or len(chain) != 2:
        return False
    outlet = publisher.name.casefold()
    source = chain[0]
    names = [n.casefold() for n in (source.name, source.affiliation) if n]
    if source.type in ("anonymous", "document", "media_generic", "person"):
        return False
    return any(n == outlet or (len(n) > 3 and f"of {n}" in outlet) for n in names)


def _conjoined_cut(clause: Token, vocab: Vocabulary, quotes: list[Quote]) -> int | None:
    """Where a reported clause ends because a verb of the cue's own subject is conjoined to it:
    'denied that X and said Y' (a cue), 'wrote that "X" and thanked Y' (after a whole quotation).
    Returns the index of the first token left out, or None."""
    for conj in clause.children:
        if conj.i < clause.i or conj.pos_ not in ("VERB", "AUX"):
            continue
        own_subject = any(c.dep_ in SUBJECTS for c in conj.children)
        if own_subject and conj.dep_ in ("conj", "advcl") and conj.lemma_.lower() in vocab.cues and not any(
                m.dep_ == "mark" and m.lower_ in ("that", "if", "because", "after", "before") for m in conj.children):
            # "reported that X, while Y said Z": a second source's statement is not part of the first
            return min(t.i for t in conj.subtree if t.dep_ in ("mark", "cc", "punct") or t.i == conj.left_edge.i)
        if conj.dep_ != "conj" or own_subject:
            continue
        before = [t for t in clause.subtree if t.i < conj.left_edge.i and t.dep_ not in ("cc", "punct", "mark")]
        if not before:
            continue
        quoted_whole = False
        first, last = before[0], before[-1]
        q = _quote_at(quotes, first.idx - 1, last.idx + len(last.text))
        if q is not None and q.open <= first.idx - 1 and q.close <= conj.idx:
            quoted_whole = True
        if conj.lemma_.lower() in vocab.cues or quoted_whole:
            cc = [c for c in clause.children if c.dep_ in ("cc", "punct") and last.i < c.i < conj.i]
            return min([c.i for c in cc] + [conj.left_edge.i])
    return None


def _introducing(doc: Doc, found: list[_Found], head: Token) -> _Found | None:
    """'the statement said': the last attribution whose sentence names a statement too
    ('In a statement, the office said ...')."""
    lemma = head.lemma_.lower()
    for f in reversed(found):
        if f.cue_token is None:
            continue
        sent = doc[f.cue_token].sent
        if sent.start > head.sent.start:
            continue
        if any(t.lemma_.lower() == lemma and t.i != head.i for t in sent):
            return f
    return None


def _reported_act(item: _Found, found: list[_Found], vocab: Vocabulary, doc: Doc) -> bool:
    """'... adding that the visitors urged the group to ...': an urging inside reported content
    is part of what is reported, not a further source."""
    if item.cue_token is None or item.cue is None or doc[item.cue_token].lemma_.lower() not in vocab.complement:
        return False
    return any(o is not item and o.content[0] <= item.cue[0] and item.cue[1] <= o.content[1] for o in found)


def _nest(found: list[_Found]) -> None:
    """An attribution inside another's content is relayed by it: its chain continues with the outer
    chain ("the ministry said X, the agency said"; a quotation inside "according to Y")."""
    by_size = sorted(found, key=lambda f: f.content[1] - f.content[0])
    for inner in by_size:
        anchor = inner.cue or inner.content
        outer = next((o for o in by_size if o is not inner
                      and o.content[0] <= min(anchor[0], inner.content[0])
                      and max(anchor[1], inner.content[1]) <= o.content[1]
                      and (o.content[1] - o.content[0]) > (inner.content[1] - inner.content[0])), None)
        if outer is None or "continuation" in inner.reason:
            continue
        own = inner.chain[:-1]
        names = {s.name for s in own}
        inner.chain = own + [s for s in outer.chain if s.name not in names]
        inner.reason += "+nested"
        # only a cue heading the outer content relays it ("X said Y had said Z"); a cue deeper in
        # it ("X says the steps he announced ...") leaves the outer statement standing
        if inner.cue is not None and outer.content[0] <= inner.cue[0] and inner.cue[1] <= outer.content[1] \
                and outer.kind != "direct" and outer.extra.get("clause", inner.cue_token) == inner.cue_token:
            outer.extra["relay_only"] = True   # its statement is the inner one, now with the full chain


def _quote_continuations(doc: Doc, quotes: list[Quote], found: list[_Found]) -> list[_Found]:
    """An uncued quotation of whole sentences right after a direct quotation: same speaker."""
    out: list[_Found] = []
    used = {(f.content[0], f.content[1]) for f in found}
    covered = [f.content for f in found]
    previous: _Found | None = None
    for q in quotes:
        if (q.start, q.end) in used:
            previous = next(f for f in found if f.content == (q.start, q.end))
            continue
        if any(s <= q.start and q.end <= e for s, e in covered):
            continue
        words = text_of(doc)[q.start : q.end].split()
        if len(words) < 5 or previous is None or previous.kind != "direct":
            continue
        gap = text_of(doc)[previous.content[1] : q.open]
        if len(gap) > 200:
            continue
        item = _Found("direct", None, (q.start, q.end), list(previous.chain), "quote_continuation", 0.6,
                      None, q)
        out.append(item)
        previous = item
    return out
