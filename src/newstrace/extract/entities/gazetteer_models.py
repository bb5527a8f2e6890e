"""Schemas of the actor gazetteer's data files (validated at load)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=3)


class CountryEntry(Entry):
    """A state. Metonyms (capital, seat of government) and demonyms resolve to it."""

    name: str                                  # "Ukraine"
    iso2: str = Field(pattern=r"^[A-Z]{2}$")   # "UA"
    aliases: list[str] = Field(default_factory=list)     # "Republic of Ukraine"
    capitals: list[str] = Field(default_factory=list)    # metonyms: "Kyiv", "Kiev"
    demonyms: list[str] = Field(default_factory=list)    # "Ukrainian", "Ukrainians"
    un_member: bool = True


class FormerName(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    start: str | None = None   # "YYYY" or "YYYY-MM"
    end: str | None = None


class StateForces(BaseModel):
    """A de facto authority whose own forces go by the state's name: "Yemen's Armed Forces" is the
    Houthis' name for their military. In a text that names the authority, the state's forces named
    by one of ``words`` ("Yemeni Armed Forces", "Yemen's navy") are the authority's."""

    model_config = ConfigDict(extra="forbid")
    country: str = Field(pattern=r"^[A-Z]{2}$")
    words: list[str] = Field(min_length=1)   # sector words, as in sectors.yaml: "armed forces", "navy"


class OrganizationEntry(Entry):
    """An armed group, party, movement or other non-state organisation."""

    name: str
    type: Literal["armed_group", "organization", "government"]
    aliases: list[str] = Field(default_factory=list)
    former_names: list[FormerName] = Field(default_factory=list)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    designated_terrorist: bool = False
    state_forces: StateForces | None = None


class OutletEntry(Entry):
    """A news outlet or agency."""

    name: str
    kind: Literal["state_media", "public_broadcaster", "private", "news_agency", "state_agency"]
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    aliases: list[str] = Field(default_factory=list)


class IgoEntry(Entry):
    """An intergovernmental organisation, mission or coalition of states."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    mission: Literal["peacekeeping", "political"] | None = None   # a UN/AU/NATO field mission
    led_by: str | None = None         # a coalition's lead state (ISO alpha-2) or lead organisation (name)
    theatre: list[str] = Field(default_factory=list)   # ISO alpha-2 codes of the states it operates in


#: the sectors a sector word or a state body may name (see sectors.yaml)
Sector = Literal["government", "military", "intelligence", "diplomatic", "police", "security", "judiciary",
                 "legislature", "media", "business", "civilians", "opposition", "rebels"]


class StateBodyEntry(Entry):
    """A body of a state known by a name of its own ("the Pentagon", "Mossad"): a mention of the
    state, with the body's sector, as "the Ukrainian military" is a mention of Ukraine."""

    name: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    sector: Sector
    aliases: list[str] = Field(default_factory=list)
    #: ambiguous short forms ("MIT"): a mention of the body only once the text has named its state
    contextual: list[str] = Field(default_factory=list)


class SectorEntry(Entry):
    """A noun that, after a demonym or country, names a sector of that state: "military"."""

    word: str
    sector: str
    plural: bool = False
    person: bool = False     # the word names one person of that sector: "minister", "commander"
