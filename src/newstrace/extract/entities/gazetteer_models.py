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


class OrganizationEntry(Entry):
    """An armed group, party, movement or other non-state organisation."""

    name: str
    type: Literal["armed_group", "organization", "government"]
    aliases: list[str] = Field(default_factory=list)
    former_names: list[FormerName] = Field(default_factory=list)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    designated_terrorist: bool = False


class OutletEntry(Entry):
    """A news outlet or agency."""

    name: str
    kind: Literal["state_media", "public_broadcaster", "private", "news_agency", "state_agency"]
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    aliases: list[str] = Field(default_factory=list)


class IgoEntry(Entry):
    """An intergovernmental organisation."""

    name: str
    aliases: list[str] = Field(default_factory=list)


class SectorEntry(Entry):
    """A noun that, after a demonym or country, names a sector of that state: "military"."""

    word: str
    sector: str
    plural: bool = False
    person: bool = False     # the word names one person of that sector: "minister", "commander"
