"""The actor gazetteer: countries, organisations, outlets and IGOs from the package's data files.

Every surface form (name, alias, former name, capital metonym, demonym) maps to one
:class:`Actor`. Loaded once per process and validated at load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from ...records import EntityType
from ...resources import load_entries
from .gazetteer_models import (
    CountryEntry,
    IgoEntry,
    OrganizationEntry,
    OutletEntry,
    SectorEntry,
)

DATA = "newstrace.extract.entities.data"

FormKind = Literal["name", "alias", "former", "capital", "demonym"]


@dataclass(frozen=True)
class Form:
    """One surface form of an actor."""

    actor: Actor
    kind: FormKind
    text: str


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

    @property
    def is_state_media(self) -> bool:
        return self.outlet_kind in ("state_media", "state_agency")


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
    ) -> None:
        self.actors: list[Actor] = []
        self.forms: dict[str, list[Form]] = {}
        self.sectors: dict[str, SectorEntry] = {_fold(s.word): s for s in sectors}
        self.by_iso2: dict[str, Actor] = {}
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
        for m in outlets:
            actor = self._actor(f"outlet:{m.name}", m.name, "media", m.source, iso2=m.country)
            actor.outlet_kind = m.kind
            actor.aliases = list(m.aliases)
            self._add(actor, "name", [m.name])
            self._add(actor, "alias", m.aliases)
        for g in igos:
            actor = self._actor(f"igo:{g.name}", g.name, "organization", g.source)
            actor.aliases = list(g.aliases)
            self._add(actor, "name", [g.name])
            self._add(actor, "alias", g.aliases)

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
    )
