"""Places: toponyms in a Doc, geocoded offline, disambiguated by what the whole article is about.

1. Toponyms are spaCy's GPE, LOC and FAC entities (a leading "the", trailing "'s" and line breaks
   trimmed; extended by a following word when the longer name is known: "Idlib" + "province"),
   plus a gazetteer pass for names spaCy tagged otherwise or not at all ("Idlib" as PERSON, "the
   Idlib de-escalation zone", an upper-case dateline "BEIRUT, March 3").
   Weak evidence must name a salient feature (a country, a region or a town of at least
   ``STRONG_TOWN_POPULATION``, or any town in a country the article is mostly about) unless
   the slot is strong ("the village of X", "X province"):
   FAC entities (matched by the feature's own name), the gazetteer pass (a name in a place slot:
   the object of a locative preposition or of a verb of movement or control, a modifier of an
   area noun; or a curated region of ``resolve/data/regions.yaml`` anywhere outside another
   entity; never a word of a person's name found elsewhere in the doc), and small towns known
   only by a GeoNames alternate spelling (also for GPE entities: "Tsunami" is an alternate name of
   a Japanese town).
2. The countries the article is about are counted from its country names, capitals, salient
   towns and demonyms ("Syrian", "Ukrainians"); each toponym is then resolved preferring those
   countries, each in proportion to its count against the most named one (leaving out what the
   toponym itself contributed, so "Georgia" does not vote for itself).
   A small town in a country the article never points to, while it is mostly about others, is
   dropped as a likely namesake of a place the gazetteer lacks ("Somerset" in a British story).
3. A country or capital that stands for its state, or names a nationality, is not a place (see
   :func:`is_actor`): "Moscow said", "Kiev sought to ...", "Kiev's forces", "US troops", "fighting
   against Russia", "undermine Russia", "officials in Bamako". "In Syria", "to Ukraine", "the
   territory of Syria" and "Ukraine's eastern Donetsk region" stay places.

Each :class:`~newstrace.records.Place` has the canonical name of the feature, its country,
coordinates and GeoNames id, the span of the mention, and a reason ``"<how>+<data>"``: how is
``gpe_entity``, ``loc_entity``, ``fac_entity`` or ``gazetteer``; data is ``geonames``,
``geonames_continents``, ``geonames_us_states`` or ``regions``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span, Token

from ...nlp.extensions import text_of
from ...records import Place
from ...records import Span as RecordSpan
from ...resolve.geocode import Candidate, Geocoder, Match, build_index, normalize_name
from ...resources import load_entries

#: spaCy entity labels taken as toponyms, and the name of the rule for each
PLACE_LABELS: dict[str, str] = {"GPE": "gpe_entity", "LOC": "loc_entity", "FAC": "fac_entity"}
#: entity labels whose tokens are never place names (dates, numbers, demonyms)
NOT_PLACE_LABELS: frozenset[str] = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"}
)
#: longest name the gazetteer pass tries, in tokens
MAX_NAME_TOKENS = 5
#: a town at least this large may be taken from weak evidence
STRONG_TOWN_POPULATION = 100_000
#: a country named at least this often, relative to the most named one, is one the article is about
HOME_COUNTRY_WEIGHT = 0.5

Role = Literal[
    "agent_verb", "agent_noun", "seat_noun", "locative_prep", "place_noun", "place_verb", "actor_prep",
    "party_prep", "place_subject_verb", "give_word", "seat_verb", "source_head", "facility_noun", "org_word",
    "landmark_prep", "landmark_head",
]
Slot = Literal["none", "weak", "strong"]

_DATELINE_BEFORE = re.compile(r"(?:^|[\n|\u2014\u2013])[ \t]*$")
_DATELINE_AFTER = re.compile(r"^[ \t]*[,\-\u2014\u2013(|]")


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
    seat_nouns: frozenset[str] = frozenset()
    party_preps: frozenset[str] = frozenset()
    place_subject_verbs: frozenset[str] = frozenset()
    give_words: frozenset[str] = frozenset()
    seat_verbs: frozenset[str] = frozenset()
    source_heads: frozenset[str] = frozenset()
    facility_nouns: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()
    landmark_preps: frozenset[str] = frozenset()
    landmark_heads: frozenset[str] = frozenset()

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
            seat_nouns=frozenset(by_role.get("seat_noun", ())),
            party_preps=frozenset(by_role.get("party_prep", ())),
            place_subject_verbs=frozenset(by_role.get("place_subject_verb", ())),
            give_words=frozenset(by_role.get("give_word", ())),
            seat_verbs=frozenset(by_role.get("seat_verb", ())),
            source_heads=frozenset(by_role.get("source_head", ())),
            facility_nouns=frozenset(by_role.get("facility_noun", ())),
            org_words=frozenset(by_role.get("org_word", ())),
            landmark_preps=frozenset(by_role.get("landmark_prep", ())),
            landmark_heads=frozenset(by_role.get("landmark_head", ())),
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


# --------------------------------------------------------------------------- helpers

def _trim(span: Span) -> Span:
    """``span`` without leading determiners, punctuation and spaces, and without trailing
    possessives, punctuation and spaces."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].pos_ == "DET" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _extend(span: Span, geocoder: Geocoder) -> Span:
    """``span`` with up to two following words when the longer name is in the gazetteer."""
    doc = span.doc
    for extra in (2, 1):
        end = span.end + extra
        if end <= len(doc) and not any(t.is_punct or t.is_space for t in doc[span.end:end]):
            longer = doc[span.start:end]
            if longer.text in geocoder:
                return longer
    return span


def _strong(candidate: Candidate | None) -> bool:
    """Whether a feature is salient enough to be taken from weak evidence."""
    return candidate is not None and (
        candidate.feature != "city" or candidate.population >= STRONG_TOWN_POPULATION
    )


def _person_words(doc: Doc, geocoder: Geocoder) -> set[str]:
    """Words of multi-word PERSON names in the doc ("Howard" of "Michael Howard"), leaving out
    "persons" whose whole name is a place ("Kiryat Shmona")."""
    return {
        t.text
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and _trim(ent).text not in geocoder
        for t in ent
    }


def _entity_of(doc: Doc) -> dict[int, Span]:
    return {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def place_slot(span: Span, context: PlaceContext) -> Slot:
    """How surely ``span`` stands where a location stands.

    ``"strong"``: it modifies an area noun ("the Idlib countryside") or is the object of "of"
    after one ("the village of Moura"); ``"weak"``: the object of a locative preposition ("in X")
    or of a verb of movement or control ("reached X"); ``"none"`` otherwise.
    """
    root = _first_conjunct(span.root)
    head = root.head
    if root.dep_ == "pobj" and head.pos_ == "ADP":
        if head.lower_ == "of" and _lemma(head.head) in context.place_nouns:
            return "strong"
        return "weak" if head.lower_ in context.locative_preps else "none"
    if root.dep_ == "dobj" and _lemma(head) in context.place_verbs:
        return "weak"
    if root.dep_ in {"compound", "nmod", "amod"} and head.i > root.i and _lemma(head) in context.place_nouns:
        return "strong"
    return "none"


def in_dateline(span: Span) -> bool:
    """Whether ``span`` is an upper-case dateline place: "BEIRUT, March 3", "Radio X | EL FASHER -"."""
    text = text_of(span.doc)
    return (
        span.text.isupper()
        and bool(_DATELINE_BEFORE.search(text[: span.start_char]))
        and bool(_DATELINE_AFTER.match(text[span.end_char:]))
    )


def is_dateline_place(doc: Doc, place: Place) -> bool:
    """Whether ``place`` (a place of ``doc``) is the dateline's: where the reporter files from, which
    says where an event happened only when its own sentence names no other place."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return span is not None and in_dateline(span)


FEATURE_RANK = {"city": 0, "region": 1, "country": 2}


@cache
def _features() -> dict[int, str]:
    return {c.geonames_id: c.feature for c in build_index().candidates if c.geonames_id is not None}


def specificity(place: Place) -> tuple[int, bool]:
    """How general ``place`` is, for choosing an event's place: the most specific one its clause
    names ("the Danube port of Izmail": Izmail). First 0 for a town or village, 1 for a region,
    river or sea, 2 for a country; then whether the gazetteer does not know it (a name found by its
    slot alone, such as a village missing from the gazetteer, comes after a known town). An id
    outside the default index is a town from a larger city file."""
    if place.geonames_id is not None:
        return FEATURE_RANK.get(_features().get(place.geonames_id, "city"), 0), False
    known = Geocoder().candidates(place.name)
    return (FEATURE_RANK.get(known[0].feature, 0), False) if known else (0, True)


def is_landmark(doc: Doc, place: Place, context: PlaceContext | None = None) -> bool:
    """A place named to locate another ("northeast of Pokrovsk", "on the edge of El Fasher",
    "near Aleppo") or as where something came from: it yields to the place it locates
    (``landmark_prep`` and ``landmark_head`` words of ``data/context.yaml``)."""
    context = context or load_context()
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and (head.lower_ in context.landmark_preps
                                   or (head.lower_ == "of" and head.head.lower_ in context.landmark_heads)):
            return True
        if tok.dep_ not in ("pobj", "prep", "compound", "appos", "amod"):
            return False
        tok = head
    return False


def _weak_match(match: Match) -> bool:
    """A small town known only by a GeoNames alternate spelling."""
    return not match.primary and not _strong(match.candidate)


# --------------------------------------------------------------------------- finding names

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
        match = geocoder.match(span.text)
        if match is None:
            continue
        slot = place_slot(span, context)
        if how == "fac_entity" and not (match.primary and (_strong(match.candidate) or slot == "strong")):
            continue
        if _weak_match(match) and slot == "none" and not in_dateline(span):
            continue
        covered.update(range(span.start, span.end))
        found.append(Toponym(span, how, normalize_name(span.text)))

    # the article's main countries so far: a town in one of them may be taken from a place slot
    # whatever its size ("walked from Nuseirat" in a story about Gaza)
    weights = _preference(article_countries(doc, found, geocoder), leave_out="")
    home = frozenset(iso for iso, w in weights.items() if w >= HOME_COUNTRY_WEIGHT)
    entity_of = _entity_of(doc)
    person_words = _person_words(doc, geocoder)
    i = 0
    while i < len(doc):
        token = doc[i]
        if (
            i in covered
            or not token.text[:1].isupper()
            or (token.pos_ not in {"PROPN", "NOUN", "ADJ"} and not (token.is_upper and len(token) > 2))
            or (token.ent_type_ in NOT_PLACE_LABELS
                and not (token.ent_type_ == "NORP" and geocoder.country_of_demonym(token.text) is None))
            or token.text in person_words
        ):
            i += 1
            continue
        named = _gazetteer_match(doc, i, geocoder, context, covered, entity_of, home)
        if named is None:
            i += 1
            continue
        found.append(Toponym(named, "gazetteer", normalize_name(named.text)))
        covered.update(range(named.start, named.end))
        i = named.end
    found.sort(key=lambda t: t.span.start)
    return found


def _gazetteer_match(
    doc: Doc,
    i: int,
    geocoder: Geocoder,
    context: PlaceContext,
    covered: set[int],
    entity_of: dict[int, Span],
    home: frozenset[str] = frozenset(),
) -> Span | None:
    for j in range(min(len(doc), i + MAX_NAME_TOKENS), i, -1):
        span = doc[i:j]
        if (
            span[-1].is_punct
            or any(t.is_space for t in span)
            or any(k in covered for k in range(i, j))
        ):
            continue
        match = geocoder.match(span.text)
        if match is None:
            continue
        # a dateline names a place even inside the outlet's name line ("Al Jazeera | DOHA |")
        if _strong(match.candidate) and in_dateline(span):
            return span
        # a name inside a longer entity ("Washington Post", "Turkistan Islamic Party") is not a place
        inside: set[Span] = {entity_of[k] for k in range(i, j) if k in entity_of}
        if any(_trim(e).start < i or _trim(e).end > j for e in inside):
            continue
        # an organisation's name that is a GeoNames alternate of a town elsewhere ("White House"
        # for Casablanca) is the organisation
        if not match.primary and match.candidate.country not in home and any(e.label_ == "ORG" for e in inside):
            continue
        slot = place_slot(span, context)
        if slot == "strong" or (slot == "weak" and (_strong(match.candidate) or match.candidate.country in home)):
            return span
        # a one-name PERSON where a location stands ("rockets hit Kiryat Shmona") is a mis-tagged town
        if slot == "weak" and any(e.label_ == "PERSON" and _trim(e).start == i and _trim(e).end == j for e in inside):
            return span
        if not inside and match.candidate.source == "regions":
            return span
    return None


# --------------------------------------------------------------------------- actors, not places

def is_actor(
    span: Span, candidate: Candidate, context: PlaceContext | None = None, places: frozenset[int] = frozenset()
) -> bool:
    """Whether a country or capital named by ``span`` stands for its state or nationality.

    A country is an actor as a subject ("Ukraine condemns", "Russia was warned"), a possessor or
    noun modifier of anything but an area or a place (``places``: token indices of other place
    names) ("Russia's war", "US troops"; not "Ukraine's eastern region", "Syria's Qamishli"), the
    object of a verb other than one of movement or control ("undermine Russia"; not "entered
    Syria"), an indirect object, or the object of an actor preposition ("against Russia", "talks
    with Moscow"; not "the border with Syria"), of a passive's "by", of "of" after anything but an
    area ("the MFA of Ukraine"; not "the territory of Syria"), of a preposition hanging on an
    adjective ("grateful to Germany") or of "in" after a seat noun ("officials in Mali"). A
    capital (or another seat of government, ``Candidate.seat``) is an actor as the subject of any
    verb but one of position or undergoing ("Moscow said", "Tehran has chosen"; not "Kyiv lies
    on the Dnipro", "Aleppo saw fighting"), the object of an agent verb ("accused Washington"),
    the possessor of anything but an area or a place ("Moscow's decision"), the modifier of an
    agent noun ("Kiev forces"), or in those prepositional slots that do not need an area
    ("condemned by Beijing", "officials in Bamako", "a plot hatched in Washington").
    Either is a party as the object of "against" ("a front against Israel") and as the recipient
    after a verb or noun of giving ("deliver missiles to Russia", "arms transfers to Moscow").
    """
    if candidate.feature != "country" and not candidate.seat_of_government:
        return False
    context = context or load_context()
    root = _first_conjunct(span.root)
    head = root.head
    dep = root.dep_
    country = candidate.feature == "country"
    if dep in {"nsubj", "nsubjpass"}:
        return country or (dep == "nsubj" and (
            _lemma(head) in context.agent_verbs
            or (head.pos_ == "VERB" and _lemma(head) not in context.place_subject_verbs)
        ))
    if dep in {"poss", "compound", "nmod", "amod", "npadvmod"} and head.i != root.i:
        if head.i in places:
            return False
        if country or dep == "poss":
            return _lemma(head) not in context.place_nouns
        return _lemma(head) in context.agent_nouns
    if dep == "dobj":
        if _lemma(head) in context.place_verbs:
            return False
        return country or _lemma(head) in context.agent_verbs
    if dep == "dative":
        return country
    if dep == "appos" and _lemma(head) in context.agent_verbs:
        return country                          # "Ukraine thanks Poland", "thanks" parsed as a noun
    if dep == "pobj" and head.pos_ == "ADP":
        return _actor_object(head, country, context)
    return False


def _actor_object(prep: Token, country: bool, context: PlaceContext) -> bool:
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP" and prep.head.i != prep.i:
        prep = prep.head                       # "grateful to Germany ... and to Norway"
    governor = prep.head
    if prep.dep_ == "conj" and _lemma(governor) == "be":
        # "we are grateful to Germany ... and to Norway": the second "to" hung on "are"
        governor = next((c for c in governor.children if c.dep_ == "acomp"), governor)
    if prep.dep_ == "agent":
        return True
    if prep.lower_ in context.party_preps:
        return True
    if prep.lower_ in context.actor_preps:
        return _lemma(governor) not in context.place_nouns
    if prep.lower_ == "in" and (_lemma(governor) in context.seat_nouns or _lemma(governor) in context.seat_verbs):
        return True
    if prep.lower_ == "to" and _gives(prep, context):
        return True
    if not country:
        return False
    if prep.lower_ == "of":
        return _lemma(governor) not in context.place_nouns
    return governor.pos_ == "ADJ"


def _gives(prep: Token, context: PlaceContext) -> bool:
    """Whether "to" names the recipient of a verb or noun of giving: its governor, or a word between
    the governor and it that the parser skipped ("denied supplying missiles to Moscow")."""
    governor = prep.head
    if _lemma(governor) in context.give_words:
        return True
    between = governor.doc[min(governor.i, prep.i) + 1:prep.i]
    return any(t.pos_ in {"VERB", "NOUN"} and _lemma(t) in context.give_words and governor.is_ancestor(t)
               for t in between)


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
    place_tokens = frozenset(i for t in toponyms for i in range(t.span.start, t.span.end))
    places: list[Place] = []
    home = {iso for iso, w in _preference(votes, "").items() if w >= HOME_COUNTRY_WEIGHT}
    for toponym in toponyms:
        prefer = _preference(votes, toponym.key)
        candidate = geocoder.resolve(toponym.text, prefer)
        if candidate is None or (not in_dateline(toponym.span) and is_actor(toponym.span, candidate, context, place_tokens)):
            continue
        # a small town abroad that the article never points to is more likely a namesake of a
        # place our gazetteer lacks ("Somerset" in a British story is the county, not the US town)
        if home and not _strong(candidate) and not prefer.get(candidate.country or ""):
            continue
        places.append(
            Place(
                name=candidate.name,
                country=candidate.country,
                lat=candidate.lat,
                lon=candidate.lon,
                geonames_id=candidate.geonames_id,
                span=RecordSpan.of(text_of(doc), toponym.span.start_char, toponym.span.end_char),
                reason=f"{toponym.how}+{candidate.source}",
            )
        )
    unknown = find_unresolved(doc, geocoder, context, taken=place_tokens)
    if unknown:
        places = sorted(places + _locate_unresolved(doc, unknown, places, votes, geocoder),
                        key=lambda p: p.span.start)
    return places


# --------------------------------------------------------------------------- names the gazetteer lacks

#: spaCy labels an unknown name may carry and still be taken as a place in a locative slot
#: (the small model often tags villages as PERSON or ORG)
UNRESOLVED_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "ORG", "PERSON", "NORP", "PRODUCT", ""})
#: labels whose unknown names count only when they name a site (a building: "the Saudi Hospital")
SITE_LABELS: frozenset[str] = frozenset({"FAC"})
#: entity-table mention kinds that come from the actor gazetteer (not from spaCy's NER alone)
_KNOWN_KINDS: frozenset[str] = frozenset({"name", "alias", "former", "capital", "demonym"})


def _known_actor_tokens(doc: Doc) -> set[int]:
    """Tokens inside mentions of actors the entity gazetteer knows (outlets, groups, states)."""
    table = doc._.nt_entities
    if table is None or not hasattr(table, "mentions"):
        return set()
    known = {e.id for e in table.entities.values() if e.actor is not None}
    return {i for m in table.mentions if m.entity_id in known and m.kind in _KNOWN_KINDS
            for i in range(m.token_start, m.token_end)}


def _name_spans(doc: Doc, taken: frozenset[int]) -> Iterable[tuple[Span, str]]:
    """Capitalised names not yet placed: spaCy entities (with their label) and runs of
    capitalised words spaCy did not tag, a number may close ("Air Base 201")."""
    in_ent: set[int] = set()
    for ent in doc.ents:
        in_ent.update(range(ent.start, ent.end))
        if ent.label_ in UNRESOLVED_LABELS | SITE_LABELS:
            span = _trim(ent)
            if len(span) and not any(i in taken for i in range(span.start, span.end)):
                yield span, ent.label_
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in in_ent and doc[j].pos_ == "PROPN" and doc[j].is_title:
            j += 1
        if j > i:
            while j < len(doc) and doc[j].like_num and doc[j].ent_type_ in {"", "CARDINAL"}:
                j += 1
            if not any(k in taken for k in range(i, j)):
                yield doc[i:j], ""
        i = max(j, i + 1)


def _head_noun_is(span: Span, nouns: frozenset[str]) -> bool:
    """Whether ``span`` modifies one of ``nouns`` ("Abu Shouk camp") or its own last word is one
    ("Air Base 201", numbers aside)."""
    words = [t for t in span if not t.like_num]
    if len(words) > 1 and _lemma(words[-1]) in nouns:
        return True
    root = _first_conjunct(span.root)
    return root.dep_ in {"compound", "nmod", "amod"} and root.head.i >= span.end and _lemma(root.head) in nouns


def find_unresolved(
    doc: Doc, geocoder: Geocoder, context: PlaceContext | None = None, taken: frozenset[int] = frozenset()
) -> list[Toponym]:
    """Capitalised names the gazetteer lacks that stand where a place stands, in text order.

    A name is taken when it names a site ("the village of Moura", "Abu Shouk camp", "Air Base
    201"), or when it is the object of a locative preposition or of a verb of movement or control
    ("fled to Tawila", "near Amadiya"; not "according to X", "spoke to X") and is not an
    organisation's name ("the Timbuktu Institute"), or when spaCy tagged it GPE or LOC outside a
    modifier slot ("Abu Shouk, home to 300,000 people"). Never taken: names the gazetteer knows
    (they were resolved or left out as actors before), tokens in ``taken``, mentions of actors
    the entity gazetteer knows, demonyms, acronyms, a single word after a determiner ("the
    Strip"), and names whose words name a person elsewhere in the article.
    """
    context = context or load_context()
    known = _known_actor_tokens(doc)
    persons = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    found: list[Toponym] = []
    seen: set[int] = set()
    for span, label in _name_spans(doc, taken):
        if any(i in seen or i in known for i in range(span.start, span.end)):
            continue
        if not _unknown_place(span, label, geocoder, context, persons):
            continue
        seen.update(range(span.start, span.end))
        found.append(Toponym(span, "unresolved_toponym", normalize_name(span.text)))
    found.sort(key=lambda t: t.span.start)
    return found


def _unknown_place(span: Span, label: str, geocoder: Geocoder, context: PlaceContext, persons: list[Span]) -> bool:
    doc = span.doc
    words = [t for t in span if not t.like_num]
    after = doc[span.end] if span.end < len(doc) else None
    if (
        not words
        or not words[0].text[:1].isupper()
        or any(t.is_space or t.text in {"\n", "|"} for t in span)
        or any(t.is_upper and len(t) > 1 for t in words)                    # acronyms, datelines
        or any(geocoder.country_of_demonym(t.text) for t in words)           # "Saudi Hospital"
        or any(_lemma(t) in context.org_words for t in words)                # "Timbuktu Institute"
        or (after is not None and after.text == "-" and not after.whitespace_)   # "Tuareg-led"
    ):
        return False
    # a word of the name that is a person's name elsewhere ("Howard" of "Michael Howard")
    name_words = {t.text for t in words}
    if any(ent.text != span.text and name_words & {t.text for t in ent} for ent in persons):
        return False
    slot = place_slot(span, context)
    root = _first_conjunct(span.root)
    if root.pos_ == "ADJ":
        return False                                                       # "Western capitals"
    if _head_noun_is(span, context.facility_nouns) or slot == "strong":
        return True
    the = span.start > 0 and doc[span.start - 1].pos_ == "DET"
    if label in SITE_LABELS or (len(words) == 1 and the):                  # a building; "the Strip"
        return False
    if slot == "weak":
        prep = root.head if root.dep_ == "pobj" else None
        if prep is not None and (prep.lower_ == "of" or _lemma(prep.head) in context.source_heads):
            return False                                                   # "the Treatment of X", "according to X"
        return not (label == "ORG" and the)
    if label in {"GPE", "LOC"}:
        modifier = root.dep_ in {"compound", "nmod", "amod", "poss"} and _lemma(root.head) not in context.place_nouns
        agent = root.dep_ == "nsubj" and (
            _lemma(root.head) in context.agent_verbs
            or (root.head.pos_ == "VERB" and _lemma(root.head) not in context.place_subject_verbs)
        )
        return not (modifier or agent)
    return False


def _locate_unresolved(doc: Doc, unknown: list[Toponym], places: list[Place],
                       votes: dict[str, Counter[str]], geocoder: Geocoder) -> list[Place]:
    """Places for names found by :func:`find_unresolved`, in the country of the nearest resolved
    place in the same sentence, else the article's dominant country (the country of most of its
    resolved places, ties broken by all its country mentions and demonyms). A name the gazetteer
    has in that country gets its feature ("retook Kidal" in a story about Mali); any other gets
    no coordinates (the gazetteer lacks it, or has only a namesake abroad)."""
    placed = Counter(p.country for p in places if p.country)
    mentions = _preference(votes, "")
    dominant = max(placed, key=lambda iso: (placed[iso], mentions.get(iso, 0.0)), default=None)
    if dominant is None and mentions:
        dominant = max(mentions, key=lambda iso: mentions[iso])
    text = text_of(doc)
    out: list[Place] = []
    for toponym in unknown:
        sent = toponym.span.sent
        near = [p for p in places if p.country and sent.start_char <= p.span.start < sent.end_char]
        if near:
            country = min(near, key=lambda p: abs(p.span.start - toponym.span.start_char)).country
            how = "sentence_country"
        else:
            country, how = dominant, "article_country"
        known = geocoder.resolve(toponym.text, {country: 1.0}) if country else None
        if known is not None and known.country == country:
            out.append(Place(
                name=known.name, country=known.country, lat=known.lat, lon=known.lon,
                geonames_id=known.geonames_id,
                span=RecordSpan.of(text, toponym.span.start_char, toponym.span.end_char),
                reason=f"place_slot+{known.source}",
            ))
            continue
        out.append(Place(
            name=_trim(toponym.span).text, country=country, lat=None, lon=None, geonames_id=None,
            span=RecordSpan.of(text, toponym.span.start_char, toponym.span.end_char),
            reason=f"{toponym.how}+{how}",
        ))
    return out
