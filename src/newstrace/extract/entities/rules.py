"""Entity resolution over a parsed Doc: pure functions, no side effects on the Doc.

Order of the rules:
1. gazetteer matches (longest first), demonyms and capitals extended by sector words
   ("Ukrainian military", "Russia's defence ministry"); a state's forces that an authority the
   text names claims are the authority's ("Yemen's Armed Forces" with the Houthis named);
2. spaCy NER spans the gazetteer does not cover; surnames linked to earlier full names; a state body
   that names no state ("National Defense Ministry") tied to the state the text is about;
3. aliases the article declares ("X, now called Y", "Y (X)", "formerly known as");
4. "<leader>-led" coalitions, definite descriptions and pronouns resolved to the most recent
   compatible entity; a quoted "we" to the speaker's organisation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from ...nlp.extensions import text_of
from ...records import EntityType
from ...resources import load_entries, read_yaml
from .gazetteer import Actor, Form, Gazetteer
from .model import EntityInfo, EntityTable, Mention
from .ner_labels import NER_TYPES, clip_name, ner_type

DATA = "newstrace.extract.entities.data"
MAX_NGRAM = 8
#: spaCy labels of names that are no actor: a long form under one of them is not an organisation
NOT_ACTOR_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})
#: sectors that "<sector> in <capital>" attaches to a state ("officials in Bamako"; not "reporters in Moscow")
INSTITUTION_IN_SECTORS = frozenset({"government", "diplomatic", "police", "security", "intelligence"})
KIND_ORDER = {"name": 0, "alias": 1, "former": 2, "demonym": 3, "capital": 4}


class AliasPattern(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    regex: str
    direction: str
    source: str


class Description(BaseModel):
    model_config = ConfigDict(extra="forbid")
    head: str
    types: list[str]
    known: bool = False   # refers only to an actor of the gazetteer ("the bloc": a known IGO)
    tag: str | None = None   # prefers the most recent actor with this tag ("the party": a party)
    strict: bool = False     # refers only to a same-head mention or a tagged actor, never to another one
    source: str


class Pronoun(BaseModel):
    model_config = ConfigDict(extra="forbid")
    word: str
    types: list[str]
    source: str


@cache
def alias_patterns() -> list[tuple[AliasPattern, re.Pattern[str]]]:
    entries = load_entries(DATA, "alias_patterns.yaml", AliasPattern, key="patterns")
    return [(p, re.compile(p.regex, re.IGNORECASE)) for p in entries if p.direction != "none"]


@cache
def descriptions() -> dict[str, Description]:
    return {d.head: d for d in load_entries(DATA, "descriptions.yaml", Description, key="descriptions")}


@cache
def pronouns() -> dict[str, Pronoun]:
    return {p.word: p for p in load_entries(DATA, "descriptions.yaml", Pronoun, key="pronouns")}


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list of ``descriptions.yaml`` (``led_heads``, ``state_body_words``, ...), lower-cased."""
    raw: Any = read_yaml(DATA, "descriptions.yaml")
    return frozenset(w.lower() for w in raw[name]["words"])


@dataclass
class _Cand:
    """A mention under construction, with the group (future entity) it belongs to."""

    mention: Mention
    group: str
    type: EntityType
    actor: Actor | None = None
    label: str = ""
    preferred: bool = False   # the current name when the text declares a renaming
    leader: str = ""          # "the Russian-led forces": the group of the leader of an unnamed coalition
    speaker: str = ""         # a quoted "we" of a person: the person's group (the affiliation is the referent)


def _span_text(doc: Doc, i: int, j: int) -> str:
    return text_of(doc)[doc[i].idx : doc[j - 1].idx + len(doc[j - 1].text)]


def _make_mention(doc: Doc, i: int, j: int, kind: str, reason: str, sector: str | None = None) -> Mention:
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    return Mention(start=start, end=end, text=text_of(doc)[start:end], token_start=i, token_end=j,
                   kind=kind, sector=sector, reason=reason)


def _case_ok(surface: str, form: Form) -> bool:
    """Short forms and acronyms must match exactly; elsewhere every capitalised word of the
    form must be capitalised in the text ("The national guard" is not "The National")."""
    if not any(ch.isupper() for ch in surface):
        return False
    bare = surface[4:] if surface.lower().startswith("the ") else surface
    if len(form.text) <= 4 or form.text.isupper():
        return bare == form.text or surface == form.text
    form_words = form.text.split()
    words = surface.split()[-len(form_words):] if len(surface.split()) >= len(form_words) else surface.split()
    return all(not fw[:1].isupper() or w[:1].isupper() for fw, w in zip(form_words, words, strict=False))


def _pick(forms: list[Form]) -> Form:
    return min(forms, key=lambda f: KIND_ORDER[f.kind])


def _sector_extent(doc: Doc, j: int, gaz: Gazetteer) -> tuple[int, str | None]:
    """Extend a demonym/country mention ending at token ``j`` over following sector words."""
    sector: str | None = None
    end = j
    k = j
    if k < len(doc) and doc[k].tag_ == "POS":   # "Russia's defence ministry"
        k += 1
    while k < len(doc):
        found = None
        for n in (3, 2, 1):
            if k + n <= len(doc):
                entry = gaz.sector(_span_text(doc, k, k + n))
                if entry is not None:
                    found = (n, entry.sector)
                    break
        if found is None:
            break
        if sector is None:
            sector = found[1]
        k += found[0]
        end = k
    return end, sector


def gazetteer_mentions(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    """Longest gazetteer matches, left to right; capitals and demonyms take sector words."""
    person_tokens = {t.i for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    out: list[_Cand] = []
    named: set[str] = set()   # actors named so far: an ambiguous short form ("MIT") needs its state named
    i = 0
    while i < len(doc):
        match: tuple[int, Form] | None = None
        for n in range(min(MAX_NGRAM, len(doc) - i), 0, -1):
            if doc[i + n - 1].is_space or doc[i].is_punct or doc[i].is_space:
                continue
            surface = _span_text(doc, i, i + n)
            forms = [f for f in gaz.lookup(surface) if _case_ok(surface, f)
                     and (not f.contextual or f.actor.key in named)]
            if forms:
                match = (n, _pick(forms))
                break
        if match is None:
            i += 1
            continue
        n, form = match
        inside_person = all(k in person_tokens for k in range(i, i + n))
        if inside_person and (form.kind in ("capital", "demonym") or (form.kind == "alias" and n == 1)):
            i += n
            continue
        end, sector = i + n, None
        if form.kind in ("demonym", "name", "alias", "capital") and form.actor.type == "country":
            end, sector = _sector_extent(doc, i + n, gaz)
        start = i + 1 if doc[i].lower_ == "the" and not form.text.lower().startswith("the ") else i
        reason = f"gazetteer:{form.kind}" if form.sector is None else "gazetteer:state_body"
        if form.sector is not None and sector in (None, "government"):   # "Kremlin's troops": military
            sector = form.sector   # "a Pentagon spokesperson": the Pentagon's sector, not "government"
        mention = _make_mention(doc, start, end, form.kind, reason, sector)
        out.append(_Cand(mention, form.actor.key, form.actor.type, form.actor))
        named.add(form.actor.key)
        i = end
    return out


def claimed_state_forces(cands: list[_Cand], gaz: Gazetteer) -> None:
    """"Yemen's Armed Forces", "the Yemeni navy": in a text that names an authority whose forces go by
    the state's name (``state_forces`` of organizations.yaml: the Houthis), the state's forces named by
    one of its words are the authority's. Without the authority named they stay the state's (a text
    on the government side, or one that never says who holds Sanaa)."""
    named = {c.actor.key for c in cands if c.actor is not None}
    for c in cands:
        actor = c.actor
        if actor is None or actor.type != "country" or not actor.iso2 or c.mention.sector != "military":
            continue
        tail = " ".join(c.mention.text.replace("\u2019", "'").casefold().split())
        for authority, words in gaz.state_forces.get(actor.iso2, []):
            if authority.key in named and any(tail.endswith(" " + w) for w in words):
                c.group, c.actor, c.type = authority.key, authority, authority.type
                c.mention.reason = "gazetteer:state_forces"
                break


def _sector_within(doc: Doc, i: int, j: int, gaz: Gazetteer) -> str | None:
    """The sector named by sector word(s) starting at token ``i`` or the one after, before ``j``
    ("Iraqi Ministry of Culture", "US Agriculture Department"; not "Academy of ... Television")."""
    for k in range(i, min(i + 2, j)):
        for n in (3, 2, 1):
            if k + n <= j and (entry := gaz.sector(_span_text(doc, k, k + n)) or
                               (gaz.sector(doc[k].lemma_) if n == 1 else None)) is not None:
                return entry.sector
    return None


def _yield_to_named_bodies(doc: Doc, cands: list[_Cand], gaz: Gazetteer) -> list[_Cand]:
    """A state's name inside a longer named body is part of that name, not a mention of the state
    on its own. Where spaCy's ORG/FAC span runs on past the name in capitalised words, the body is
    the state's own ("the Iraqi Ministry of Culture", "Royal Jordanian Air Force") when it holds a
    sector word, and the whole body becomes the mention; else it is a body of its own ("the Syria
    Recovery Trust Fund") and spaCy's span wins. A bare demonym inside a body of three words or
    more ("the Russian Centre for Reconciliation") yields to it as well."""
    bodies = [(e.start, e.end, *_trim(e)) for e in doc.ents if e.label_ in ("ORG", "FAC")]
    keep = []
    for c in cands:
        m = c.mention
        inside = [(s, e, ts, te) for s, e, ts, te in bodies
                  if s <= m.token_start and m.token_end <= e and (e - s) > (m.token_end - m.token_start)]
        if not inside or c.type != "country" or m.kind not in ("name", "alias", "capital", "demonym"):
            keep.append(c)
            continue
        s, e, ts, te = inside[0]
        te = next((k for k in range(m.token_end, te) if doc[k].text in (",", ";", "(")), te)   # a list
        runs_on = m.token_end < te and doc[m.token_end].tag_ != "POS" and doc[m.token_end].text[:1].isupper()
        own = m.sector if m.reason != "gazetteer:state_body" else None   # "White House Correspondents' ..."
        sector = (own or _sector_within(doc, m.token_end, te, gaz)) if (runs_on or own) else None
        if sector is not None and ts <= m.token_start and (ts, te) != (m.token_start, m.token_end):
            c.mention = _make_mention(doc, ts, te, m.kind, f"gazetteer:{m.kind}+body", sector)
        elif runs_on or (m.kind == "demonym" and m.sector is None and (e - s) >= 3
                         and (e - s) > (m.token_end - m.token_start) + 1):
            continue
        keep.append(c)
    return keep


def extend_institutions(doc: Doc, cands: list[_Cand], gaz: Gazetteer) -> None:
    """'Ministry of Foreign Affairs of Ukraine', 'officials in Bamako': sector words joined to a
    country's name or capital by 'of'/'in' make one mention of the country, with that sector.
    Not when the sector words have an owner of their own ("US forces in Iraq", "Hamas officials in
    Cairo", "leader Ismail Haniyeh in Tehran"): a named actor or person before them."""
    owned = {k for c in cands for k in range(c.mention.token_start, c.mention.token_end)}
    owned |= {t.i for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
    for c in cands:
        m = c.mention
        if c.type != "country" or m.kind not in ("name", "alias", "capital") or m.token_start < 2 or m.sector:
            continue
        link = doc[m.token_start - 1]
        if link.lower_ not in ("of", "in"):
            continue
        k = m.token_start - 2
        sector: str | None = None
        start = None
        while k >= 0 and not doc[k].is_punct and not doc[k].is_space and doc[k].lower_ not in ("the", "a", "an"):
            if k in owned:   # "US forces in Iraq": the forces are the named owner's
                start = None
                break
            entry = gaz.sector(doc[k].text) or gaz.sector(doc[k].lemma_)
            if entry is not None:
                sector, start = entry.sector, k
            elif sector is not None and (doc[k].dep_ in ("compound", "amod") or doc[k].is_title):
                start = k
            elif not (doc[k].is_title or doc[k].lower_ in ("of", "and", "for") or doc[k].pos_ == "ADJ"
                      or (doc[k].dep_ in ("compound", "amod") and doc[k].head.i > k)):
                break
            k -= 1
        if start is not None and (link.lower_ == "of" or sector in INSTITUTION_IN_SECTORS):
            new = _make_mention(doc, start, m.token_end, m.kind, f"gazetteer:{m.kind}+institution", sector)
            c.mention = new


@cache
def modifier_types() -> dict[str, list[str]]:
    raw: Any = read_yaml(DATA, "descriptions.yaml")
    return {k.lower(): list(v) for k, v in raw["modifier_types"]["words"].items()}


@cache
def compound_suffixes() -> frozenset[str]:
    raw: Any = read_yaml(DATA, "descriptions.yaml")
    return frozenset(raw["compound_suffixes"]["words"])


def compound_mentions(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[_Cand]:
    """'U.S.-led', 'Iran-backed': the part before the hyphen names an actor."""
    out: list[_Cand] = []
    suffixes = compound_suffixes()
    for tok in doc:
        if tok.i in taken or "-" not in tok.text:
            continue
        head, _, tail = tok.text.rpartition("-")
        if tail.lower() not in suffixes or not head:
            continue
        forms = [f for f in gaz.lookup(head) if _case_ok(head, f)]
        if not forms:
            continue
        form = _pick(forms)
        m = Mention(start=tok.idx, end=tok.idx + len(head), text=head, token_start=tok.i, token_end=tok.i + 1,
                    kind=form.kind, reason=f"gazetteer:{form.kind}+compound")
        out.append(_Cand(m, form.actor.key, form.actor.type, form.actor))
    return out


def _trim(ent: Span) -> tuple[int, int]:
    i, j = ent.start, ent.end
    while i < j and (ent.doc[i].lower_ in ("the", "a", "an") or ent.doc[i].is_punct):
        i += 1
    while j > i and (ent.doc[j - 1].tag_ == "POS" or ent.doc[j - 1].is_punct or ent.doc[j - 1].is_space):
        j -= 1
    return i, j


def _followed_by_person_role(doc: Doc, j: int) -> bool:
    """Is the name ending before token ``j`` followed by ', the|a ... <title of a person>'?"""
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("the", "a", "an"):
        return False
    people = {h for h, d in descriptions().items() if d.types == ["person"]}
    for k in range(j + 2, min(j + 8, len(doc))):
        if doc[k].is_punct:
            return False
        if doc[k].lower_ in people and doc[k].pos_ == "NOUN":
            return True
    return False


def ner_mentions(doc: Doc, taken: set[int]) -> list[_Cand]:
    """spaCy entities the gazetteer did not cover; a lone surname joins the earlier full name."""
    out: list[_Cand] = []
    surnames: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ not in NER_TYPES:
            continue
        i, j = _trim(ent)
        if i >= j or any(k in taken for k in range(i, j)):
            continue
        clipped = clip_name(doc, i, j)
        if clipped is None:
            continue
        start, end, j = clipped
        text = text_of(doc)[start:end]
        if "\n" in text or not any(ch.isupper() for ch in text):
            continue
        type_ = ner_type(ent, text.split())
        if type_ is None:
            continue
        if type_ not in ("person", "place") and _followed_by_person_role(doc, j):
            type_ = "person"   # "said Nadia Rossetti, the agency's regional director"
        group = "ner:" + text.casefold()
        if len(text.split()) == 1 and text.casefold() in surnames:
            group, type_ = surnames[text.casefold()], "person"
        elif type_ == "person" and len(text.split()) > 1:
            surnames.setdefault(text.split()[-1].casefold(), group)
        mention = Mention(start=start, end=end, text=text, token_start=i, token_end=j, kind="ner",
                          reason=f"spacy_ner:{ent.label_}")
        out.append(_Cand(mention, group, type_, label=ent.label_))
    return out


def _salient_state(doc: Doc, cands: list[_Cand], before: int) -> _Cand | None:
    """The state the text is about at character ``before``: of the states named so far, the one
    named most often, with a bonus for one named in this sentence or the one before; of equals,
    the one named first."""
    here = doc.char_span(before, before + 1, alignment_mode="expand")
    prev = before
    if here is not None:
        sent = here.sent.start
        prev = doc[sent - 1].sent.start_char if sent > 0 else here.sent.start_char
    score: Counter[str] = Counter()
    first: dict[str, _Cand] = {}
    last: dict[str, _Cand] = {}
    for c in sorted(cands, key=lambda c: c.mention.start):
        if c.type == "country" and c.actor is not None and c.mention.end <= before:
            score[c.group] += 1
            first.setdefault(c.group, c)
            last[c.group] = c
    for group, c in last.items():
        if c.mention.start >= prev:
            score[group] += 2
    if not score:
        return None
    # a tie goes to the state named first: the one the article is about
    best = max(score, key=lambda g: (score[g], -first[g].mention.start))
    return last[best]


def _body_sector(words: list[str], gaz: Gazetteer) -> str | None:
    """The sector of a body named only by sector words and generic state words ("National Defense
    Ministry", "Joint Operations Command", "Ministry of Interior"), by its head; else None."""
    generic = word_list("state_body_words")
    head = words[: words.index("of")] if "of" in words else words
    entry = gaz.sector(" ".join(head[-2:])) if len(head) >= 2 else None
    entry = entry or (gaz.sector(head[-1]) if head else None)
    if entry is None or entry.person:
        return None
    if not all(w.lower() in generic or gaz.sector(w) is not None for w in words):
        return None
    return entry.sector


def state_bodies_by_context(doc: Doc, cands: list[_Cand], gaz: Gazetteer) -> None:
    """A state body found by NER that names no state ("the National Defense Ministry (MSB)
    announced", "a spokesman for the Joint Operations Command") is the state the text is about,
    with the body's sector, as "the ministry" is. Its state is the owner written before it
    ("Turkey's"), else the most salient state named before it; with none, it stays a body."""
    for c in cands:
        m = c.mention
        if c.mention.kind != "ner" or c.label != "ORG" or c.actor is not None:
            continue
        sector = _body_sector(m.text.split(), gaz)
        if sector is None:
            continue
        owner = None
        if m.token_start >= 2 and doc[m.token_start - 1].tag_ == "POS":
            owner = next((d for d in cands if d.type == "country" and d.actor is not None
                          and d.mention.token_end == m.token_start - 1), None)
        owner = owner or _salient_state(doc, cands, m.start)
        if owner is None:
            continue
        c.group, c.type, c.actor = owner.group, "country", owner.actor
        m.kind, m.sector, m.reason = "alias", sector, "state_body:context"


def _link_groups(cands: list[_Cand], a: str, b: str) -> None:
    for c in cands:
        if c.group == b:
            c.group = a


_QUOTE = re.compile(r"\u201c[^\u201c\u201d]{1,3000}\u201d|\"[^\"]{1,3000}\"")


def _quote_of(quotes: list[tuple[int, int]], start: int) -> tuple[int, int] | None:
    """The quotation (character range, of ``quotes``) holding character ``start``, if any."""
    return next((q for q in quotes if q[0] < start < q[1]), None)


_GLOSS = re.compile(r"\s*\([^()]{1,80}\)")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
#: words a long form may hold without a letter of its acronym ("State Board of Antiquities and Heritage")
_ACRONYM_SKIP = frozenset({"of", "and", "for", "the", "in", "on", "to", "-", "&"})


def _alias_pattern(between: str) -> AliasPattern | None:
    if len(between) > 40:
        return None
    return next((p for p, regex in alias_patterns() if regex.match(between)), None)


def _long_form(doc: Doc, k: int, acronym: str) -> int | None:
    """First token of the name that ``acronym`` abbreviates, the name ending before token ``k``:
    its words' initials spell the acronym, joining words aside (after Schwartz and Hearst 2003)."""
    need = [ch.lower() for ch in acronym if ch.isupper()]
    if len(need) < 2:
        return None
    i = k
    while i > 0 and need:
        t = doc[i - 1]
        initial = t.text[:1]
        if initial.lower() == need[-1] and (initial.isupper() or len(need) == 1):
            need.pop()
        elif not (t.lower_ in _ACRONYM_SKIP and i < k):
            return None
        i -= 1
    return i if not need else None


def acronym_long_forms(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """'State Board of Antiquities and Heritage (SBAH)': a name the text abbreviates in parentheses
    is an organisation, whether or not spaCy found it; names inside it (a state's, a fragment
    spaCy tagged) give way, unless one of them is a known actor."""
    out = list(cands)
    for found in _ACRONYM.finditer(text_of(doc)):
        span = doc.char_span(found.start(), found.end())
        start = _long_form(doc, span.start, found.group(1)) if span is not None else None
        if span is None or start is None or any(t.ent_type_ in NOT_ACTOR_LABELS for t in doc[start : span.start]):
            continue
        a, b = doc[start].idx, doc[span.start - 1].idx + len(doc[span.start - 1].text)
        touching = [c for c in out if c.mention.start < b and a < c.mention.end]
        if any((c.mention.start, c.mention.end) == (a, b) or c.mention.start < a or c.mention.end > b
               or (c.actor is not None and c.type != "country") for c in touching):
            continue
        mention = _make_mention(doc, start, span.start, "ner", "alias:acronym_long_form")
        out = [c for c in out if c not in touching]
        out.append(_Cand(mention, "acr:" + mention.text.casefold(), "organization"))
    return out


def learn_aliases(doc: Doc, cands: list[_Cand]) -> None:
    """Merge mentions the text itself declares to be one actor (modifies the candidates' groups)."""
    cands.sort(key=lambda c: c.mention.start)
    text = text_of(doc)
    extra: list[_Cand] = []
    for k, c in enumerate(cands):
        m = c.mention
        after = text[m.end : m.end + 12]
        paren = re.match(r"\s*\(([A-Z][A-Za-z\-]{1,10})\)", after)
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        if paren and (nxt is None or nxt.mention.start > m.end + paren.end()):
            a_start = m.end + paren.start(1)
            span = doc.char_span(a_start, a_start + len(paren.group(1)))
            if span is not None:
                mention = _make_mention(doc, span.start, span.end, "learned", "alias:parenthetical", m.sector)
                extra.append(_Cand(mention, c.group, c.type, c.actor))
        if nxt is None:
            continue
        pattern = _alias_pattern(text[m.end : nxt.mention.start])
        gloss = _GLOSS.match(text, m.end)
        if pattern is None and gloss is not None:   # "X (Arabic: ...), also known as Y"
            beyond = next((d for d in cands[k + 1 :] if d.mention.start >= gloss.end()), None)
            if beyond is not None:
                nxt, pattern = beyond, _alias_pattern(text[gloss.end() : beyond.mention.start])
        if pattern is None or c.group == nxt.group:
            continue
        keep, drop = (nxt, c) if pattern.direction == "renamed" else (c, nxt)
        if keep.actor is None and drop.actor is not None:
            keep, drop = drop, keep
        _link_groups(cands, keep.group, drop.group)
        keep.preferred = True
        drop.mention.kind = "learned"
        drop.mention.reason = f"alias:{pattern.name}"
    cands.extend(extra)


def _article_states(cands: list[_Cand]) -> Counter[str]:
    return Counter(c.actor.iso2 for c in cands if c.type == "country" and c.actor is not None and c.actor.iso2)


def _led_head(doc: Doc, led: Token) -> Token | None:
    """The noun a "-led" compound describes ("the U.S.-led coalition", "Saudi-led air strikes": none)."""
    heads = word_list("led_heads")
    if led.head.i > led.i and led.head.lower_ in heads:
        return led.head
    for t in doc[led.i + 1 : min(led.i + 4, len(doc))]:
        if t.is_punct or t.pos_ not in ("ADJ", "NOUN", "PROPN"):
            return None
        if t.lower_ in heads:
            return t
    return None


def led_coalitions(doc: Doc, cands: list[_Cand], gaz: Gazetteer) -> list[_Cand]:
    """'the U.S.-led coalition', 'Saudi-led forces': a description of a coalition led by an actor.
    It is the gazetteer's coalition that actor leads in a state the article names (the Global
    Coalition against Daesh in Iraq and Syria), else one coalition entity of that leader; never a
    coalition or force the text names ("the Kurdish-led Syrian Democratic Forces")."""
    by_token = {k: c for c in cands for k in range(c.mention.token_start, c.mention.token_end)}
    states = _article_states(cands)
    out: list[_Cand] = []
    for tok in doc:
        if tok.lower_ == "led" and tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_:
            leader = by_token.get(tok.i - 2)
        elif tok.lower_.endswith("-led") and len(tok.text) > 4:
            leader = by_token.get(tok.i)
        else:
            continue
        head = _led_head(doc, tok)
        if leader is None or head is None or head.i in by_token:
            continue
        start = leader.mention.token_start
        if start > 0 and doc[start - 1].lower_ in ("the", "a", "an"):
            start -= 1
        mention = _make_mention(doc, start, head.i + 1, "description", f"description:led_{head.lower_}")
        known = gaz.led_by(leader.actor, states) if leader.actor is not None else None
        if known is not None:
            mention.antecedent = known.name
            out.append(_Cand(mention, known.key, known.type, known))
        else:
            type_: EntityType = "armed_group" if leader.type == "armed_group" else "organization"
            out.append(_Cand(mention, f"led:{leader.group}", type_, leader=leader.group))
    return out


def _locative(doc: Doc, c: _Cand) -> bool:
    """Is the mention used as a place ("the road between Nabatieh and Kfar Roummane")?"""
    t = doc[c.mention.token_start : c.mention.token_end].root
    for _ in range(4):   # up the noun phrase: "between [Nabatieh and Kfar] Roummane"
        if t.dep_ not in ("conj", "nmod", "compound", "appos") or t.head.i == t.i:
            break
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in word_list("locative_prepositions")


def _implied_coalition(gaz: Gazetteer, cands: list[_Cand]) -> Actor | None:
    """'the coalition' with no coalition named yet: the gazetteer's coalition whose leader the text
    names and which operates in a state it names ("the coalition" in Iraq, the US named)."""
    states = _article_states(cands)
    leaders = {c.actor.key: c.actor for c in cands if c.actor is not None}
    found = [a for lead in leaders.values() if (a := gaz.led_by(lead, states)) is not None]
    return max(found, key=lambda a: sum(states[iso] for iso in a.theatre), default=None)


def _compatible(c: _Cand, types: list[str]) -> bool:
    return c.type in types


def resolve_references(doc: Doc, cands: list[_Cand], gaz: Gazetteer) -> list[_Cand]:
    """Definite descriptions and pronouns -> the most recent compatible entity. A description of
    an actor never takes a name used as a place ("between Nabatieh and ..."); one with a tag
    prefers a tagged actor ("the party" -> Hezbollah, the "Party of God")."""
    cands.sort(key=lambda c: c.mention.start)
    covered = {k for c in cands for k in range(c.mention.token_start, c.mention.token_end)}
    by_token = {k: c for c in cands for k in range(c.mention.token_start, c.mention.token_end)}
    known = descriptions()
    prons = pronouns()
    resolved_heads: dict[str, str] = {}
    out: list[_Cand] = []

    def latest(before: int, types: list[str], known_only: bool = False) -> _Cand | None:
        """The most salient compatible actor before ``before``: for each type in order of
        preference, the one mentioned most often so far, with a bonus for a recent mention."""
        here = doc.char_span(before, before + 1, alignment_mode="expand")
        sent_start = here.sent.start_char if here is not None else before
        prev = doc[here.sent.start - 1].sent.start_char if here is not None and here.sent.start > 0 else sent_start
        for type_ in types:
            pool = [c for c in cands + out if c.mention.end <= before and c.type == type_
                    and (c.actor is not None or not known_only)
                    and (c.actor is not None or "place" in types or not _locative(doc, c))]
            if not pool:
                continue
            score: dict[str, float] = {}
            last: dict[str, _Cand] = {}
            for c in sorted(pool, key=lambda c: c.mention.start):
                score[c.group] = score.get(c.group, 0.0) + 1.0
                last[c.group] = c
            for group, c in last.items():
                if c.mention.start >= prev:
                    score[group] += 2.0
            best = max(score, key=lambda g: (score[g], last[g].mention.start))
            return last[best]
        return None

    for tok in doc:
        if tok.i in covered:
            continue
        possessive = tok.lower_ in ("its", "their") and tok.dep_ == "poss"
        if (tok.lower_ == "the" or possessive) and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            head = tok.head
            desc = known.get(head.lower_)
            if desc is None or head.i in covered:
                continue
            # "Its Syrian wing, the YPG, ...", "the militia, Kataib Hezbollah": the name in apposition
            appositive = next((by_token[t.i] for t in [*head.children, head.head] if t.i in by_token
                               and (t.dep_ == "appos" if t.i != head.head.i else head.dep_ == "appos")
                               and by_token[t.i].type in desc.types), None)
            if possessive and appositive is None:
                continue
            if head.i + 1 < len(doc) and head.i + 1 in covered and doc[head.i + 1].text[:1].isupper():
                continue   # "the official news agency SANA": the name follows in apposition
            named = [by_token[k] for k in range(tok.i, head.i) if k in by_token
                     and not (k + 1 < len(doc) and doc[k + 1].text == "-")]
            if any(_compatible(c, desc.types) for c in named):
                continue  # the phrase names its referent: "the HTS armed group"
            if any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in head.children):
                continue  # "the group of ..." names its own referent
            narrowed = [t for m in range(tok.i + 1, head.i) for t in modifier_types().get(doc[m].lower_, [])]
            if narrowed:
                desc = Description(head=desc.head, types=[t for t in desc.types if t in narrowed] or narrowed,
                                   known=desc.known, source=desc.source)
            source: _Cand | None = None
            mention = _make_mention(doc, tok.i, head.i + 1, "description", f"description:{head.lower_}")
            if appositive is not None:
                source = appositive
            elif head.lower_ in resolved_heads:
                source = next(c for c in out if c.group == resolved_heads[head.lower_])
            else:   # "the ministry" -> the last mention ending in "ministry", else the last compatible actor
                same_head = [c for c in cands if c.mention.end <= tok.idx and c.type in desc.types
                             and (c.actor is not None or not desc.known)
                             and doc[c.mention.token_end - 1].lemma_.lower() == head.lemma_.lower()]
                tagged = [c for c in cands + out if desc.tag is not None and c.mention.end <= tok.idx
                          and c.actor is not None and desc.tag in c.actor.tags]
                source = same_head[-1] if same_head else tagged[-1] if tagged else None
                if source is None and desc.tag == "coalition" and (implied := _implied_coalition(gaz, cands)):
                    source = _Cand(_make_mention(doc, tok.i, head.i + 1, "description", "implied"),
                                   implied.key, implied.type, implied)
                    source.mention.antecedent = implied.name
                if source is None and not desc.strict:
                    source = latest(tok.idx, desc.types, desc.known)
            if source is None:
                continue
            mention.antecedent = source.mention.antecedent or source.mention.text
            cand = _Cand(mention, source.group, source.type, source.actor, leader=source.leader)
            resolved_heads[head.lower_] = cand.group
            out.append(cand)
        elif tok.lower_ in prons and tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass"):
            spec = prons[tok.lower_]
            target = _pronoun_target(doc, tok, by_token, spec.types) if tok.lower_ in ("they", "them") \
                else latest(tok.idx, spec.types)
            if target is None and tok.lower_ == "they" and _sentence_initial(tok):
                target = _recent_group(doc, tok, cands + out, spec.types, gaz)
            if target is not None:
                mention = _make_mention(doc, tok.i, tok.i + 1, "pronoun", f"pronoun:{tok.lower_}")
                mention.antecedent = target.mention.antecedent or target.mention.text
                out.append(_Cand(mention, target.group, target.type, target.actor))
    return out


def _sentence_initial(tok: Token) -> bool:
    """First word of its sentence, an opening quotation mark aside."""
    return all(t.is_punct or t.is_space for t in tok.doc[tok.sent.start : tok.i])


def _recent_group(doc: Doc, tok: Token, cands: list[_Cand], types: list[str], gaz: Gazetteer) -> _Cand | None:
    """A sentence-initial 'They' that no clause subject explains: the most recent group mentioned in
    this sentence or the one before ("... against the terrorist organization ... . They have
    nowhere left to hide"). A group is an organisation or armed group, a demonym in the plural, or
    a state with a plural sector ("Turkish officials"); none when a plural subject there names no
    actor ("Campaigners are to stage a rally ... They": a likelier antecedent). Inside a quotation,
    only the quotation's own words count ('"They shot at us," said X' is no narrated group)."""
    first = tok.sent.start
    window = doc[first - 1].sent.start_char if first > 0 else tok.sent.start_char

    def group(c: _Cand) -> bool:
        if c.type in ("organization", "armed_group", "government"):
            return True
        words = c.mention.text.split()
        entry = gaz.sector(words[-1]) if c.type == "country" and len(words) > 1 else None
        return (entry is not None and entry.plural) or (c.type == "nationality" and c.mention.text.endswith("s"))

    if any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and t.idx >= window
           and not any(c.mention.start <= t.idx < c.mention.end for c in cands)
           for t in doc[: tok.i]):
        return None
    quotes = [m.span() for m in _QUOTE.finditer(text_of(doc))]
    quote = _quote_of(quotes, tok.idx)   # a speaker's "they" refers within the speaker's own words
    found = [c for c in cands if window <= c.mention.start and c.mention.end <= tok.idx
             and c.type in types and c.type != "media" and group(c)
             and (c.actor is not None or not _locative(doc, c))
             and _quote_of(quotes, c.mention.start) == quote]
    return max(found, key=lambda c: c.mention.start, default=None)


def _pronoun_target(doc: Doc, tok: Token, by_token: dict[int, _Cand], types: list[str]) -> _Cand | None:
    """'they' -> the nearest preceding clause subject that names a compatible actor."""
    first = doc[tok.sent.start].sent.start
    prev_sent_start = doc[first - 1].sent.start if first > 0 else first
    for k in range(tok.i - 1, prev_sent_start - 1, -1):
        t = doc[k]
        if t.dep_ in ("nsubj", "nsubjpass") and (t.tag_ in ("NNS", "NNPS") or t.i in by_token):
            cand = by_token.get(t.i)
            if cand is not None and cand.type in types:
                return cand
    return None


#: entity types that speak for themselves as "we": states, organisations, armed groups, outlets
_SPEAKER_TYPES = frozenset({"country", "organization", "armed_group", "government", "media"})


def _quote_cue_subject(doc: Doc, start: int, end: int) -> Token | None:
    """The subject of the reporting verb, outside the quotation ``[start, end)``, of its sentence
    ("...," the ministry said; X said: "..."), the nearest to the quotation."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if first is None or last is None:
        return None
    lo, hi = first.sent.start, last.sent.end
    verbs = [t for t in doc[lo:hi] if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in word_list("report_verbs")
             and not start <= t.idx < end]
    for verb in sorted(verbs, key=lambda t: min(abs(t.idx - start), abs(t.idx - end))):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not start <= c.idx < end), None)
        if subject is not None:
            return subject
    return None


def speaker_pronouns(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """A quoted "we" is the speaker's organisation: the state, organisation or group the
    reporting verb's subject names ("'We will not hesitate,' a Pentagon spokesperson said"), or a
    speaking person's affiliation (linked once roles are known). Never the outlet that publishes
    the quotation, and nothing outside quotation marks."""
    by_token = {k: c for c in sorted(cands, key=lambda c: c.mention.end - c.mention.start)   # longest wins
                for k in range(c.mention.token_start, c.mention.token_end)}
    outlet = doc._.nt_outlet if Doc.has_extension("nt_outlet") else None
    taken = set(by_token)
    words = word_list("speaker_pronouns")
    out: list[_Cand] = []
    for quote in _QUOTE.finditer(text_of(doc)):
        pronouns_ = [t for t in doc.char_span(quote.start(), quote.end(), alignment_mode="expand") or ()
                     if t.lower_ in words and t.pos_ == "PRON" and t.i not in taken]
        if not pronouns_:
            continue
        subject = _quote_cue_subject(doc, quote.start(), quote.end())
        if subject is None:
            continue
        owner = by_token.get(subject.i) or next((by_token[t.i] for t in subject.children
                                                if t.dep_ in ("compound", "poss", "amod") and t.i in by_token), None)
        if owner is None or owner.type not in _SPEAKER_TYPES | {"person"} \
                or (owner.actor is not None and outlet is not None and owner.actor.name == outlet):
            continue
        for t in pronouns_:
            mention = _make_mention(doc, t.i, t.i + 1, "pronoun", f"pronoun:{t.lower_}:speaker")
            if owner.type == "person":
                out.append(_Cand(mention, "", "person", speaker=owner.group))
            else:
                mention.antecedent = owner.mention.antecedent or owner.mention.text
                out.append(_Cand(mention, owner.group, owner.type, owner.actor, leader=owner.leader))
    return out


def _entity_type(cands: list[_Cand]) -> EntityType:
    for c in sorted(cands, key=lambda c: not c.preferred):
        if c.actor is not None:
            return c.actor.type
    labels = [c.type for c in cands]
    # a tie goes to the latest mention's type: deterministic (a set's order varied with the hash seed)
    return max(reversed(labels), key=labels.count)


def _entity_name(cands: list[_Cand]) -> str:
    for c in sorted(cands, key=lambda c: not c.preferred):
        if c.actor is not None:
            return c.actor.name
    names = [c.mention.text for c in cands if c.mention.kind in ("ner", "learned")]
    if not names:   # an unnamed coalition: "the Russian-led forces" -> "Russian-led forces"
        first = cands[0].mention.text
        return first[4:] if first.lower().startswith("the ") else first
    renamed = [c.mention.text for c in cands if c.mention.kind == "ner"]
    return max(renamed or names, key=len)


def _person_roles(doc: Doc, info: EntityInfo, table_by_token: dict[int, str], infos: dict[str, EntityInfo]) -> None:
    """Role and affiliation from the words before a person's name ("Washington Post columnist X")."""
    for m in info.mentions:
        if m.kind != "ner":
            continue
        k = m.token_start - 1
        role: list[str] = []
        while k >= 0 and doc[k].dep_ in ("compound", "amod", "nmod") and doc[k].head.i >= m.token_start - 1:
            eid = table_by_token.get(k)
            if eid is not None and eid != info.id:
                if info.affiliation is None:
                    info.affiliation = eid
                other = next(mm for mm in infos[eid].mentions if mm.token_start <= k < mm.token_end)
                if other.sector is not None and not role:
                    role = [t.text for t in doc[other.token_start + 1 : other.token_end]]
                k = other.token_start - 1
                continue
            role.insert(0, doc[k].text)
            k -= 1
        if role and info.role is None:
            info.role = " ".join(role)
        for child in doc[m.token_end - 1].children:
            if child.dep_ != "appos":
                continue
            if info.role is None:
                info.role = " ".join(t.text for t in child.subtree if t.dep_ in ("compound", "amod") or t == child)
            for t in child.subtree:   # "Maj. Gen. X, a spokesman for the Joint Operations Command"
                if t.i in table_by_token and info.affiliation is None and table_by_token[t.i] != info.id:
                    info.affiliation = table_by_token[t.i]


def resolve_entities(doc: Doc, gaz: Gazetteer) -> EntityTable:
    """All entities of ``doc`` with their mentions, aliases and references resolved."""
    cands = gazetteer_mentions(doc, gaz)
    cands = _yield_to_named_bodies(doc, cands, gaz)
    claimed_state_forces(cands, gaz)
    extend_institutions(doc, cands, gaz)
    taken = {k for c in cands for k in range(c.mention.token_start, c.mention.token_end)}
    cands += compound_mentions(doc, gaz, taken)
    taken = {k for c in cands for k in range(c.mention.token_start, c.mention.token_end)}
    cands += ner_mentions(doc, taken)
    state_bodies_by_context(doc, cands, gaz)
    cands = acronym_long_forms(doc, cands)
    learn_aliases(doc, cands)
    cands += led_coalitions(doc, cands, gaz)
    cands += resolve_references(doc, cands, gaz)
    quoted = speaker_pronouns(doc, cands)
    cands += [c for c in quoted if not c.speaker]
    cands.sort(key=lambda c: c.mention.start)
    groups: dict[str, list[_Cand]] = {}
    for c in cands:
        groups.setdefault(c.group, []).append(c)
    infos: list[EntityInfo] = []
    info_of: dict[str, EntityInfo] = {}
    for n, (group, members) in enumerate(groups.items(), start=1):
        ranked = sorted(members, key=lambda c: not c.preferred)
        info = EntityInfo(id=f"e{n}", name=_entity_name(members), type=_entity_type(members),
                          actor=next((c.actor for c in ranked if c.actor is not None), None))
        for c in members:
            c.mention.entity_id = info.id
            info.mentions.append(c.mention)
        if info.actor is not None:
            info.learned_aliases = [c.mention.text for c in members if c.mention.kind == "learned"]
        infos.append(info)
        info_of[group] = info
    by_id = {i.id: i for i in infos}
    by_token = {k: c.mention.entity_id for c in cands if c.mention.kind not in ("description", "pronoun")
                for k in range(c.mention.token_start, c.mention.token_end)}
    for info in infos:
        if info.type == "person":
            _person_roles(doc, info, by_token, by_id)
    for group, members in groups.items():   # an unnamed coalition is tied to its leader
        leader = next((info_of[c.leader] for c in members if c.leader in info_of), None)
        if leader is not None:
            info_of[group].affiliation = leader.id
    for c in quoted:   # a quoted "we" of a person: the person's affiliation
        speaker = info_of.get(c.speaker)
        org = by_id.get(speaker.affiliation) if speaker is not None and speaker.affiliation else None
        if org is not None and org.type != "person":
            c.mention.entity_id, c.mention.antecedent = org.id, org.name
            org.mentions.append(c.mention)
            org.mentions.sort(key=lambda m: m.start)
    return EntityTable(infos)
