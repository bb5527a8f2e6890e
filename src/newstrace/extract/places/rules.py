"""Places: toponyms in a Doc, geocoded offline, disambiguated by what the whole article is about.

1. Toponyms are spaCy's GPE, LOC and FAC entities (a leading "the" and a trailing "'s" trimmed;
   extended by a following word when the longer name is known: "Idlib" + "province"), plus a
   gazetteer pass for names spaCy tagged otherwise or not at all ("Idlib" as PERSON, "the Idlib
   de-escalation zone"). Weak evidence (a FAC entity, the gazetteer pass) must name a salient
   feature: a country, a region or a town of at least ``STRONG_TOWN_POPULATION``. The gazetteer
   pass takes a name only in a place slot (the object of a locative preposition or of a verb of
   movement or control, or a modifier of an area noun like "zone"), or, for the curated regions of ``resolve/data/regions.yaml``,
   anywhere outside another entity; never a word of a person's name found elsewhere in the doc.
2. The countries the article is about are counted from its country names, capitals, salient
   towns and demonyms ("Syrian", "Ukrainians"); each toponym is then resolved preferring those
   countries, each in proportion to its count against the most named one (leaving out what the
   toponym itself contributed, so "Georgia" does not vote for itself).
3. A country or capital used as an actor is a state, not a place, and is skipped: the subject of
   a speech or action verb ("Moscow said", "Kiev sought to ..."), the possessor of an agent noun
   ("Kiev's forces"), the agent of a passive ("was condemned by Beijing"), or the object of an
   adversative preposition ("fighting against Russia").

Each :class:`~newstrace.records.Place` has the canonical name of the feature, its country,
coordinates and GeoNames id, the span of the mention, and a reason ``"<how>+<data>"``: how is
``gpe_entity``, ``loc_entity``, ``fac_entity`` or ``gazetteer``; data is ``geonames``,
``geonames_us_states`` or ``regions``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span, Token

from ...records import Place
from ...records import Span as RecordSpan
from ...resolve.geocode import Candidate, Geocoder, Match, normalize_name
from ...resources import load_entries

#: spaCy entity labels taken as toponyms, and the name of the rule for each
PLACE_LABELS: dict[str, str] = {"GPE": "gpe_entity", "LOC": "loc_entity", "FAC": "fac_entity"}
#: entity labels whose tokens are never place names (dates, numbers, demonyms)
NOT_PLACE_LABELS: frozenset[str] = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"}
)
#: longest name the gazetteer pass tries, in tokens
MAX_NAME_TOKENS = 5
#: a town must be at least this large to be taken from a name spaCy did not tag as GPE/LOC
STRONG_TOWN_POPULATION = 100_000

Role = Literal["agent_verb", "agent_noun", "locative_prep", "place_noun", "place_verb", "actor_prep"]


class ContextEntry(BaseModel):
    """A word of ``data/context.yaml``."""

    model_config = ConfigDict(extra="forbid")
    word: str
    role: Role
    source: str = Field(min_length=3)


@dataclass(frozen=True)
class PlaceContext:
    """The word lists of ``data/context.yaml``, by role."""

    agent_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    locative_preps: frozenset[str]
    place_nouns: frozenset[str]
    place_verbs: frozenset[str] = frozenset()
    actor_preps: frozenset[str] = frozenset()

    @classmethod
    def from_entries(cls, entries: Iterable[ContextEntry]) -> PlaceContext:
        by_role: dict[str, set[str]] = {}
        for entry in entries:
            by_role.setdefault(entry.role, set()).add(entry.word.lower())
        return cls(
            agent_verbs=frozenset(by_role.get("agent_verb", ())),
            agent_nouns=frozenset(by_role.get("agent_noun", ())),
            locative_preps=frozenset(by_role.get("locative_prep", ())),
            place_nouns=frozenset(by_role.get("place_noun", ())),
            place_verbs=frozenset(by_role.get("place_verb", ())),
            actor_preps=frozenset(by_role.get("actor_prep", ())),
        )


@cache
def load_context() -> PlaceContext:
    """The shipped ``data/context.yaml`` (read once)."""
    return PlaceContext.from_entries(
        load_entries("newstrace.extract.places", "data/context.yaml", ContextEntry, key="entries")
    )


@dataclass(frozen=True)
class Toponym:
    """A place name found in the text, before resolution."""

    span: Span
    how: str            # "gpe_entity", "loc_entity", "fac_entity", "gazetteer"
    key: str            # normalised name

    @property
    def text(self) -> str:
        return self.span.text


# --------------------------------------------------------------------------- finding names

def _trim(span: Span) -> Span:
    """``span`` without leading determiners/punctuation and trailing possessives/punctuation."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].pos_ == "DET" or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end]


def _extend(span: Span, geocoder: Geocoder) -> Span:
    """``span`` with up to two following words when the longer name is in the gazetteer."""
    doc = span.doc
    for extra in (2, 1):
        end = span.end + extra
        if end <= len(doc) and not any(t.is_punct for t in doc[span.end:end]):
            longer = doc[span.start:end]
            if longer.text in geocoder:
                return longer
    return span


def _strong(candidate: Candidate | None) -> bool:
    """Whether a feature is salient enough to be taken from weak evidence (a gazetteer match)."""
    return candidate is not None and (
        candidate.feature != "city" or candidate.population >= STRONG_TOWN_POPULATION
    )


def _strong_by_name(match: Match | None) -> bool:
    """A salient feature matched by its own name (not a GeoNames alternate): for FAC entities."""
    return match is not None and match.primary and _strong(match.candidate)


def _person_words(doc: Doc) -> set[str]:
    """Words of multi-word PERSON names in the doc ("Howard" of "Michael Howard")."""
    return {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def _entity_of(doc: Doc) -> dict[int, Span]:
    return {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _in_place_slot(span: Span, context: PlaceContext) -> bool:
    """Whether ``span`` stands where a location stands: "in X", "X countryside", "reached X"."""
    root = _first_conjunct(span.root)
    head = root.head
    if root.dep_ == "pobj" and head.pos_ == "ADP" and head.lower_ in context.locative_preps:
        return True
    if root.dep_ == "dobj" and head.lemma_.lower() in context.place_verbs:
        return True
    if root.dep_ in {"compound", "nmod", "amod"} and head.i > root.i:
        return head.lemma_.lower() in context.place_nouns
    return False


def find_toponyms(doc: Doc, geocoder: Geocoder, context: PlaceContext | None = None) -> list[Toponym]:
    """Place names in ``doc`` that the gazetteer knows, in text order, not overlapping."""
    context = context or load_context()
    found: list[Toponym] = []
    covered: set[int] = set()
    for ent in doc.ents:
        how = PLACE_LABELS.get(ent.label_)
        if how is None:
            continue
        covered.update(range(ent.start, ent.end))
        span = _trim(ent)
        if not len(span):
            continue
        span = _extend(span, geocoder)
        if span.text not in geocoder or (how == "fac_entity" and not _strong_by_name(geocoder.match(span.text))):
            continue
        covered.update(range(span.start, span.end))
        found.append(Toponym(span, how, normalize_name(span.text)))

    entity_of = _entity_of(doc)
    person_words = _person_words(doc)
    i = 0
    while i < len(doc):
        token = doc[i]
        if (
            i in covered
            or not token.text[:1].isupper()
            or token.pos_ not in {"PROPN", "NOUN", "ADJ"}
            or token.ent_type_ in NOT_PLACE_LABELS
            or token.text in person_words
        ):
            i += 1
            continue
        match = _gazetteer_match(doc, i, geocoder, context, covered, entity_of)
        if match is None:
            i += 1
            continue
        found.append(Toponym(match, "gazetteer", normalize_name(match.text)))
        covered.update(range(match.start, match.end))
        i = match.end
    found.sort(key=lambda t: t.span.start)
    return found


def _gazetteer_match(
    doc: Doc, i: int, geocoder: Geocoder, context: PlaceContext, covered: set[int], entity_of: dict[int, Span]
) -> Span | None:
    for j in range(min(len(doc), i + MAX_NAME_TOKENS), i, -1):
        span = doc[i:j]
        if span[-1].is_punct or any(k in covered for k in range(i, j)) or span.text not in geocoder:
            continue
        # a name inside a longer entity ("Washington Post", "Turkistan Islamic Party") is not a place
        inside: set[Span] = {entity_of[k] for k in range(i, j) if k in entity_of}
        if any(_trim(e).start < i or _trim(e).end > j for e in inside):
            continue
        match = geocoder.match(span.text)
        if match is None:
            continue
        # an organisation's name that is a GeoNames alternate of a town ("White House" for
        # Casablanca) is the organisation
        if not match.primary and any(e.label_ == "ORG" for e in inside):
            continue
        if _strong(match.candidate) and _in_place_slot(span, context):
            return span
        if not inside and match.candidate.source == "regions":
            return span
    return None


# --------------------------------------------------------------------------- actors, not places

def is_actor(span: Span, candidate: Candidate, context: PlaceContext | None = None) -> bool:
    """Whether a country or capital named by ``span`` stands for the state acting ("Moscow said")."""
    if candidate.feature != "country" and not candidate.capital:
        return False
    context = context or load_context()
    root = _first_conjunct(span.root)
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_.lower() in context.agent_verbs:
        return True
    if root.dep_ == "poss" and head.lemma_.lower() in context.agent_nouns:
        return True
    return root.dep_ == "pobj" and (head.dep_ == "agent" or head.lower_ in context.actor_preps)


# --------------------------------------------------------------------------- article context

def article_countries(doc: Doc, toponyms: Iterable[Toponym], geocoder: Geocoder) -> dict[str, Counter[str]]:
    """How often the article names each country, by the name that names it (so a name can be left out).

    Votes come from the toponyms that resolve, without context, to a country, a capital or a
    salient town ("Atlanta" votes for the United States); from other entities whose whole name is
    a country's (spaCy sometimes tags "the United States" as ORG); and from demonyms, under the
    key ``"demonym"``.
    """
    votes: dict[str, Counter[str]] = {}

    def vote(key: str, candidate: Candidate | None) -> None:
        if candidate is not None and candidate.country and (
            candidate.feature == "country" or candidate.capital or _strong(candidate)
        ):
            votes.setdefault(key, Counter())[candidate.country] += 1

    for toponym in toponyms:
        vote(toponym.key, geocoder.resolve(toponym.text))
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            name = _trim(ent).text
            best = geocoder.resolve(name) if name else None
            if best is not None and best.feature == "country":
                vote(normalize_name(name), best)
    demonyms = votes.setdefault("demonym", Counter())
    in_norp: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            iso = geocoder.country_of_demonym(_trim(ent).text)
            if iso:
                demonyms[iso] += 1
                in_norp.update(range(ent.start, ent.end))
    for token in doc:
        if token.i not in in_norp and token.text[:1].isupper() and token.pos_ in {"ADJ", "PROPN", "NOUN"}:
            iso = geocoder.country_of_demonym(token.text)
            if iso:
                demonyms[iso] += 1
    return votes


def _preference(votes: dict[str, Counter[str]], leave_out: str) -> dict[str, float]:
    """Country weights in [0, 1] from ``votes``, without the votes of the name ``leave_out``."""
    total: Counter[str] = Counter()
    for key, counts in votes.items():
        if key != leave_out:
            total.update(counts)
    top = max(total.values(), default=0)
    return {iso: n / top for iso, n in total.items()} if top else {}


# --------------------------------------------------------------------------- the extractor

def find_places(doc: Doc, geocoder: Geocoder, context: PlaceContext | None = None) -> list[Place]:
    """The places mentioned in ``doc``, geocoded, one per mention, in text order."""
    context = context or load_context()
    toponyms = find_toponyms(doc, geocoder, context)
    votes = article_countries(doc, toponyms, geocoder)
    places: list[Place] = []
    for toponym in toponyms:
        candidate = geocoder.resolve(toponym.text, _preference(votes, toponym.key))
        if candidate is None or is_actor(toponym.span, candidate, context):
            continue
        places.append(
            Place(
                name=candidate.name,
                country=candidate.country,
                lat=candidate.lat,
                lon=candidate.lon,
                geonames_id=candidate.geonames_id,
                span=RecordSpan.of(doc.text, toponym.span.start_char, toponym.span.end_char),
                reason=f"{toponym.how}+{candidate.source}",
            )
        )
    return places
