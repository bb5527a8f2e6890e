"""The actor gazetteer: countries, organisations, outlets and IGOs from the package's data files.

Every surface form (name, alias, former name, capital metonym, demonym) maps to one
:class:`Actor`. Loaded once per process and validated at load.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from ...errors import Errors, NewstraceError
from ...records import EntityType
from ...resources import load_entries
from .gazetteer_models import (
    CountryEntry,
    IgoEntry,
    OrganizationEntry,
    OutletEntry,
    SectorEntry,
    StateBodyEntry,
)

DATA = "newstrace.extract.entities.data"

FormKind = Literal["name", "alias", "former", "capital", "demonym"]


@dataclass(frozen=True)
class Form:
    """One surface form of an actor."""

    actor: Actor
    kind: FormKind
    text: str
    sector: str | None = None   # a state body's sector: "the Pentagon" is the United States' military
    contextual: bool = False    # an ambiguous short form: a mention only once its actor is named


@dataclass(eq=False)
class Actor:
    """A known actor: the canonical name, its type and what the data says about it."""

    key: str
    name: str
    type: EntityType
    iso2: str | None = None
    outlet_kind: str | None = None
    designated_terrorist: bool = False
    aliases: list[str] = field(default_factory=list)
    former_names: list[str] = field(default_factory=list)
    source: str = ""
    led_by: str | None = None                  # a coalition's lead actor (its key)
    theatre: tuple[str, ...] = ()              # ISO alpha-2 codes of the states it operates in
    tags: frozenset[str] = frozenset()         # "party", "coalition", "peacekeeping": what descriptions it takes

    @property
    def is_state_media(self) -> bool:
        return self.outlet_kind in ("state_media", "state_agency")


#: a name holding one of these words makes its actor a party ("Party of God", "Hizb Allah") or a coalition
_TAG_WORDS = {"party": re.compile(r"\b(part(y|ies)|hizb)\b", re.IGNORECASE),
              "coalition": re.compile(r"\bcoalition\b", re.IGNORECASE)}


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").casefold().split())


class Gazetteer:
    """Surface form -> :class:`Form` lookups over every actor data file."""

    def __init__(
        self,
        countries: list[CountryEntry],
        organizations: list[OrganizationEntry],
        outlets: list[OutletEntry],
        igos: list[IgoEntry],
        sectors: list[SectorEntry],
        bodies: list[StateBodyEntry] | None = None,
    ) -> None:
        self.actors: list[Actor] = []
        self.forms: dict[str, list[Form]] = {}
        self.sectors: dict[str, SectorEntry] = {_fold(s.word): s for s in sectors}
        self.by_iso2: dict[str, Actor] = {}
        self.led: dict[str, list[Actor]] = {}   # leader's key -> the coalitions it leads
        #: state ISO code -> (authority, folded sector words): forces named after a state an authority claims
        self.state_forces: dict[str, list[tuple[Actor, frozenset[str]]]] = {}
        for c in countries:
            actor = self._actor(f"country:{c.iso2}", c.name, "country", c.source, iso2=c.iso2)
            self.by_iso2[c.iso2] = actor
            actor.aliases = list(c.aliases)
            self._add(actor, "name", [c.name])
            self._add(actor, "alias", c.aliases)
            self._add(actor, "capital", c.capitals)
            self._add(actor, "demonym", c.demonyms)
        for o in organizations:
            actor = self._actor(f"org:{o.name}", o.name, o.type, o.source, iso2=o.country)
            actor.designated_terrorist = o.designated_terrorist
            actor.aliases = list(o.aliases)
            actor.former_names = [f.name for f in o.former_names]
            self._add(actor, "name", [o.name])
            self._add(actor, "alias", o.aliases)
            self._add(actor, "former", actor.former_names)
            if o.state_forces is not None:
                self.state_forces.setdefault(o.state_forces.country, []).append(
                    (actor, frozenset(_fold(w) for w in o.state_forces.words)))
        for m in outlets:
            actor = self._actor(f"outlet:{m.name}", m.name, "media", m.source, iso2=m.country)
            actor.outlet_kind = m.kind
            actor.aliases = list(m.aliases)
            self._add(actor, "name", [m.name])
            self._add(actor, "alias", m.aliases)
        leaders: list[tuple[Actor, str]] = []
        for g in igos:
            actor = self._actor(f"igo:{g.name}", g.name, "organization", g.source)
            actor.aliases = list(g.aliases)
            actor.theatre = tuple(g.theatre)
            if g.mission is not None:
                actor.tags |= {g.mission}
            if g.led_by is not None:
                leaders.append((actor, g.led_by))
            self._add(actor, "name", [g.name])
            self._add(actor, "alias", g.aliases)
        for b in bodies or []:
            state = self.by_iso2.get(b.country)
            if state is None:
                raise NewstraceError(Errors.E011, input=f"{DATA}/state_bodies.yaml",
                                     detail=f"{b.name}: no country {b.country}")
            for kind, texts in (("name", [b.name, *b.aliases]), ("contextual", b.contextual)):
                for text in texts:
                    self.forms.setdefault(_fold(text), []).append(
                        Form(state, "alias", text, sector=b.sector, contextual=kind == "contextual"))
        for iso in self.state_forces:
            if iso not in self.by_iso2:
                raise NewstraceError(Errors.E011, input=f"{DATA}/organizations.yaml",
                                     detail=f"state_forces: no country {iso}")
        for actor, leader in leaders:
            lead = self.by_iso2.get(leader) or next((f.actor for f in self.lookup(leader) if f.kind == "name"), None)
            if lead is None:
                raise NewstraceError(Errors.E011, input=f"{DATA}/igos.yaml",
                                     detail=f"{actor.name}: unknown leader {leader}")
            actor.led_by = lead.key
            actor.tags |= {"coalition"}
            self.led.setdefault(lead.key, []).append(actor)
        for actor in self.actors:
            names = [actor.name, *actor.aliases, *actor.former_names]
            actor.tags |= {tag for tag, word in _TAG_WORDS.items()
                           if actor.type != "country" and any(word.search(n) for n in names)}

    def _actor(self, key: str, name: str, type_: EntityType, source: str, iso2: str | None = None) -> Actor:
        actor = Actor(key=key, name=name, type=type_, iso2=iso2, source=source)
        self.actors.append(actor)
        return actor

    def _add(self, actor: Actor, kind: FormKind, texts: list[str]) -> None:
        for text in texts:
            if text.strip():
                self.forms.setdefault(_fold(text), []).append(Form(actor, kind, text))

    def lookup(self, text: str) -> list[Form]:
        """Every form equal to ``text`` (case-insensitive, apostrophes folded)."""
        folded = _fold(text)
        found = self.forms.get(folded)
        if found is None and folded.startswith("the "):
            found = self.forms.get(folded[4:])
        return list(found or [])

    def best(self, text: str) -> Form | None:
        """The preferred form for ``text``: a name beats an alias beats a metonym."""
        order = {"name": 0, "alias": 1, "former": 2, "demonym": 3, "capital": 4}
        forms = self.lookup(text)
        return min(forms, key=lambda f: order[f.kind]) if forms else None

    def led_by(self, leader: Actor, states: Counter[str]) -> Actor | None:
        """The coalition ``leader`` leads in the states a text names (``states``: ISO alpha-2
        codes with their mention counts): the one whose theatre they name most, else None."""
        scored = [(sum(states[iso] for iso in a.theatre), a) for a in self.led.get(leader.key, [])]
        best = max(scored, key=lambda p: p[0], default=None)
        return best[1] if best is not None and best[0] > 0 else None

    def sector(self, word: str) -> SectorEntry | None:
        return self.sectors.get(_fold(word))

    def country_of_demonym(self, word: str) -> Actor | None:
        for form in self.lookup(word):
            if form.kind == "demonym" and form.actor.type == "country":
                return form.actor
        return None


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from the data files shipped in the package (cached)."""
    return Gazetteer(
        countries=load_entries(DATA, "countries.yaml", CountryEntry, key="countries"),
        organizations=load_entries(DATA, "organizations.yaml", OrganizationEntry, key="organizations"),
        outlets=load_entries(DATA, "outlets.yaml", OutletEntry, key="outlets"),
        igos=load_entries(DATA, "igos.yaml", IgoEntry, key="igos"),
        sectors=load_entries(DATA, "sectors.yaml", SectorEntry, key="sectors"),
        bodies=load_entries(DATA, "state_bodies.yaml", StateBodyEntry, key="bodies"),
    )
